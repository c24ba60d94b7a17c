"""Find, load, merge and validate configuration.

Layers, each overriding the one before key by key (tables merge, lists replace, and a
list key `extend-<key>` appends to `<key>` instead):
  1. the shipped default checklist.toml,
  2. the user's checklist.toml, or [tool.empathylint] in pyproject.toml, found from the
     current directory upwards,
  3. --config FILE,
  4. command-line flags (--select, --ignore, --fail-on, --profile).
Each layer is validated on its own, so an error names the file, the key and the line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from empathylint.config.layers import Layer, default_checklist_path, discover, read_layer
from empathylint.config.resolved import Config
from empathylint.config.schema import Schema, build_settings
from empathylint.diagnostics import Severity
from empathylint.document import PROFILES, PlaceholderVocabulary, Profile, TeamMoodWords
from empathylint.rule import AnyRule


@dataclass(frozen=True)
class CommandLine:
    """The flags that override configuration."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    profile: str | None = None
    # What errors in these flags are said to come from (the Python API says "Settings").
    source: str = "command line"


def load_config(
    rules: Iterable[AnyRule],
    *,
    cwd: Path | None = None,
    config_file: Path | None = None,
    command_line: CommandLine | None = None,
    isolated: bool = False,
    overrides: Mapping[str, Any] | None = None,
) -> Config:
    """The configuration in force. `overrides` is a last layer given as a table (the same
    shape as checklist.toml), for programs and tests that drive empathylint directly."""
    rules = tuple(rules)
    root = cwd or Path.cwd()
    default = read_layer(default_checklist_path(), "checklist.toml (built in)")
    layers = [default]
    if not isolated:
        found = discover(root)
        if found is not None and Path(found.path).resolve() != default_checklist_path().resolve():
            layers.append(found)
            root = Path(found.path).resolve().parent
    if config_file is not None:
        layers.append(read_layer(config_file))
        root = config_file.resolve().parent if not isolated else root
    if overrides:
        layers.append(Layer("overrides", dict(overrides)))
    if command_line is not None:
        layers.append(_command_line_layer(command_line))

    schema = Schema(rules)
    merged: dict[str, Any] = {}
    for layer in layers:
        schema.validate(layer)
        merged = merge(merged, layer.table)
    return _build(rules, merged, tuple(layer.path for layer in layers), root)


def _command_line_layer(flags: CommandLine) -> Layer:
    table: dict[str, Any] = {}
    if flags.select is not None:
        table["select"] = list(flags.select)
    if flags.ignore:
        table["extend-ignore"] = list(flags.ignore)
    if flags.fail_on is not None:
        table["fail-on"] = flags.fail_on
    if flags.profile is not None:
        table["profile"] = flags.profile
        table["profiles"] = {name: {"include": []} for name in PROFILES}
    return Layer(flags.source, table)


def merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Key by key: tables merge, other values replace, `extend-<key>` appends to `<key>`."""
    merged = dict(base)
    for key, value in override.items():
        if key.startswith("extend-") and isinstance(value, list):
            target = key.removeprefix("extend-")
            merged[target] = [*merged.get(target, []), *value]
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _build(rules: tuple[AnyRule, ...], table: dict[str, Any], sources: tuple[str, ...], root: Path) -> Config:
    files = table.get("files", {})
    placeholders = table.get("placeholders", {})
    mood = table.get("mood", {})
    rule_tables = table.get("rules", {})
    rule_settings = {}
    rule_profiles: dict[str, frozenset[Profile]] = {}
    for rule in rules:
        values = rule_tables.get(rule.group, {})
        rule_settings[rule.group] = build_settings(rule, values, sources[0])
        # Settings that name files (proofread's words-file) read them here, at the edge,
        # so that the rule's check stays pure.
        load_files = getattr(rule.settings, "load_files", None)
        if load_files is not None:
            rule_settings[rule.group] = load_files(rule_settings[rule.group], root)
        if "profiles" in values:
            rule_profiles[rule.group] = frozenset(values["profiles"])
    return Config(
        rules=rules,
        fail_on=Severity.parse(table.get("fail-on", "warning")),
        default_profile=table.get("profile", "reply"),
        select=tuple(table.get("select", ())),
        ignore=tuple(table.get("ignore", ())),
        include=tuple(files.get("include", ())),
        exclude=tuple(files.get("exclude", ())),
        profile_globs={name: tuple(value.get("include", ())) for name, value in table.get("profiles", {}).items()},
        vocabulary=PlaceholderVocabulary(
            customer_words=tuple(w.lower() for w in placeholders.get("customer-words", ())),
            agent_words=tuple(w.lower() for w in placeholders.get("agent-words", ())),
            bare_tokens=tuple(placeholders.get("bare-tokens", ())),
        ),
        mood_words=TeamMoodWords(
            upset=tuple(mood.get("upset-words", ())), cheerful=tuple(mood.get("cheerful-words", ()))
        ),
        severity={key: Severity.parse(value) for key, value in table.get("severity", {}).items()},
        per_file_ignores={key: tuple(value) for key, value in table.get("per-file-ignores", {}).items()},
        rule_settings=rule_settings,
        rule_profiles=rule_profiles,
        sources=sources,
        root=root,
    )
