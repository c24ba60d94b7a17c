"""Find, load, merge and validate configuration.

Layers, each overriding the one before key by key (tables merge, lists replace, and a
list key `extend-<key>` appends to `<key>` instead):
  1. the defaults, in code (each rule's settings class, config/sections.py),
  2. the checklist.toml, or [tool.empathylint] in pyproject.toml, nearest to the file
     checked: in its folder or the first folder above that has one,
  3. --config FILE (a checklist.toml, or a pyproject.toml's [tool.empathylint]),
  4. command-line flags (--select, --ignore, --fail-on, --profile, --channel).
Each layer is validated on its own, so an error names the file, the key and the line.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from empathylint.config.layers import PYPROJECT_NAME, Layer, config_in, read_layer
from empathylint.config.resolved import Config
from empathylint.config.schema import EXTEND, Schema, build_settings
from empathylint.config.sections import DEFAULT_CHANNEL_GLOBS, DEFAULT_PROFILE_GLOBS, FileGlobs, Options
from empathylint.diagnostics import Severity
from empathylint.document import CHANNELS, PROFILES, TeamMoodWords

if TYPE_CHECKING:
    from empathylint.rule import AnyRule

BUILT_IN = "built-in defaults"


@dataclass(frozen=True)
class CommandLine:
    """The flags that override configuration."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    profile: str | None = None
    channel: str | None = None
    # What errors in these flags are said to come from (the Python API says "Settings").
    source: str = "command line"


class LayerMemo(Protocol):
    """The layers a run need not validate again: validated before, by the same installation,
    with the same text (the result cache keeps them, empathylint.result_cache)."""

    def knows(self, layer: Layer) -> bool: ...

    def remember(self, layer: Layer) -> None: ...


RuleSource = Callable[[], Iterable["AnyRule"]]


class Resolver:
    """The configuration in force for each file, as ruff finds its settings: the nearest
    checklist.toml (or pyproject.toml with [tool.empathylint]) in the file's folder or
    above, under --config and the command line. Each folder is looked up once and each
    configuration file read and validated once per run.

    `root` is the configuration of the current folder, whose fail-on decides the run.

    `rules` is the rule set, or a function that returns it. With a `memo`, a layer it knows
    is not validated again, and the rules (a function's) are imported only when a file is
    checked: a run answered from the result cache never imports them. Without one, every
    layer is validated and every configuration's rule settings built as it loads."""

    def __init__(
        self,
        rules: Iterable[AnyRule] | RuleSource,
        *,
        cwd: Path | None = None,
        config_file: Path | None = None,
        command_line: CommandLine | None = None,
        isolated: bool = False,
        overrides: Mapping[str, Any] | None = None,
        memo: LayerMemo | None = None,
    ) -> None:
        self._rule_source: RuleSource = rules if callable(rules) else functools.partial(tuple, rules)
        self.isolated = isolated
        self._memo = memo
        self._cwd = Path(os.path.abspath(cwd or Path.cwd()))
        self._after: list[Layer] = []
        self._config_root: Path | None = None
        if config_file is not None:
            self._after.append(read_layer(config_file, pyproject=config_file.name == PYPROJECT_NAME))
            self._config_root = Path(os.path.abspath(config_file)).parent
        if overrides:
            self._after.append(Layer("overrides", dict(overrides)))
        if command_line is not None and _command_line_layer(command_line).table:
            self._after.append(_command_line_layer(command_line))
        for layer in self._after:
            self._validate(layer)
        self._nearest_by_folder: dict[Path, Layer | None] = {}
        self._by_source: dict[str | None, Config] = {}
        # By the folder's absolute name: asked for every file, twice, on a run of many.
        self._by_folder_name: dict[str, Config] = {}
        self.root = self.for_folder(self._cwd)

    @functools.cached_property
    def rules(self) -> tuple[AnyRule, ...]:
        return tuple(self._rule_source())

    @functools.cached_property
    def _schema(self) -> Schema:
        return Schema(self.rules)

    def _validate(self, layer: Layer) -> None:
        if self._memo is not None and self._memo.knows(layer):
            return
        self._schema.validate(layer)
        if self._memo is not None:
            self._memo.remember(layer)

    def for_path(self, path: str | Path | None) -> Config:
        """The configuration of a file (its folder's); the current folder's for standard
        input without --stdin-filename (None)."""
        if path is None:
            return self.root
        folder = os.path.dirname(os.path.abspath(path))
        known = self._by_folder_name.get(folder)
        if known is None:
            known = self._by_folder_name[folder] = self.for_folder(Path(folder))
        return known

    def for_folder(self, folder: Path) -> Config:
        found = None if self.isolated else self._nearest(folder)
        key = found.path if found is not None else None
        if key not in self._by_source:
            self._by_source[key] = self._load(found)
        return self._by_source[key]

    def _nearest(self, folder: Path) -> Layer | None:
        visited: list[Path] = []
        found: Layer | None = None
        for candidate in (folder, *folder.parents):
            if candidate in self._nearest_by_folder:
                found = self._nearest_by_folder[candidate]
                break
            visited.append(candidate)
            found = config_in(candidate)
            if found is not None:
                break
        for candidate in visited:
            self._nearest_by_folder[candidate] = found
        return found

    def _load(self, found: Layer | None) -> Config:
        layers = [found, *self._after] if found is not None else self._after
        if found is not None:
            self._validate(found)
        merged: dict[str, Any] = {}
        for layer in layers:
            merged = merge(merged, layer.table)
        root = self._config_root or (Path(found.path).resolve().parent if found is not None else self._cwd)
        config = _build(lambda: self.rules, merged, (BUILT_IN, *(layer.path for layer in layers)), root)
        if self._memo is None or config.names_files():
            # A file the settings name (a words-file) that cannot be read is told now.
            config.rule_settings  # noqa: B018 - built for its errors
        return config


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
    if flags.channel is not None:
        table["channel"] = flags.channel
        table["channels"] = {name: {"include": []} for name in CHANNELS}
    return Layer(flags.source, table)


def merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Key by key: tables merge, other values replace, `extend-<key>` appends to `<key>`
    (or, where no layer has set `<key>` yet, waits to append to its default)."""
    merged = dict(base)
    for key, value in override.items():
        if key.startswith(EXTEND) and isinstance(value, list):
            target = key.removeprefix(EXTEND)
            if target in merged:
                merged[target] = [*merged[target], *value]
            else:
                merged[key] = [*merged.get(key, []), *value]
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
            merged.pop(EXTEND + key, None)
    return merged


def _build(
    rule_source: Callable[[], tuple[AnyRule, ...]], table: dict[str, Any], sources: tuple[str, ...], root: Path
) -> Config:
    """The typed configuration: each setting's default in code, with what the layers set
    (the rules' own settings built on first use, Config.rule_settings)."""
    options = build_settings(Options(), table)
    profile_tables = table.get("profiles", {})
    channel_tables = table.get("channels", {})
    files = build_settings(FileGlobs(), table.get("files", {}))
    return Config(
        rule_source=rule_source,
        table=table,
        fail_on=Severity.parse(options.fail_on),
        default_profile=options.profile,
        select=options.select,
        ignore=options.ignore,
        include=files.include,
        exclude=files.exclude,
        profile_globs={
            name: build_settings(globs, profile_tables.get(name, {})).include
            for name, globs in DEFAULT_PROFILE_GLOBS.items()
        },
        default_channel=options.channel,
        channel_globs={
            name: build_settings(globs, channel_tables.get(name, {})).include
            for name, globs in DEFAULT_CHANNEL_GLOBS.items()
        },
        mood_words=build_settings(TeamMoodWords(), table.get("mood", {})),
        severity={key: Severity.parse(value) for key, value in table.get("severity", {}).items()},
        per_file_ignores={key: tuple(value) for key, value in table.get("per-file-ignores", {}).items()},
        sources=sources,
        root=root,
    )
