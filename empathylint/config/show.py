"""`check --show-settings`: for each file a run would check, the configuration in force and
where it comes from, as TOML a user can paste into checklist.toml (settings equal to the
built-in defaults are left out; `empathylint explain RULE` shows a rule's in full)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from empathylint.config.loading import Resolver
from empathylint.config.resolved import Config
from empathylint.config.schema import kebab


def show_settings(paths: Sequence[str], resolver: Resolver) -> str:
    from empathylint.checking import files_to_check
    from empathylint.files import STDIN, InputError

    blocks = []
    for target in files_to_check(paths, resolver):
        if isinstance(target, InputError):
            blocks.append(f"# {target.path}: {target.reason}\n")
            continue
        blocks.append(describe(target, resolver.for_path(None if target == STDIN else target)))
    return "\n".join(blocks)


def describe(path: str, config: Config) -> str:
    """One file's settings: the configuration files they come from, the profile, the rules
    that run, and every setting that differs from the built-in defaults."""
    from empathylint.reporters.rule_docs import toml_value

    profile = config.profile_for(path)
    settings = config.for_file(path, profile)
    lines = [
        f"# {path}",
        f"# settings from: {' < '.join(config.sources)}",
        f"profile = {toml_value(profile)}  # by path; front matter may choose another",
        f"fail-on = {toml_value(settings.fail_on.label)}",
        f"rules = {toml_value([active.rule.group for active in settings.rules])}",
    ]
    ignored = config.ignore + config.ignores_for(path)
    if ignored:
        lines.append(f"ignore = {toml_value(list(ignored))}")
    if config.severity:
        lines.append("[severity]")
        lines += [f"{toml_value(key)} = {toml_value(value.label)}" for key, value in config.severity.items()]
    for rule in config.rules:
        current = config.rule_settings[rule.group]
        default = rule.settings()
        changed = [
            f"{kebab(field.name)} = {toml_value(getattr(current, field.name))}"
            for field in dataclasses.fields(current)
            if getattr(current, field.name) != getattr(default, field.name)
        ]
        if rule.group in config.rule_profiles:
            changed.insert(0, f"profiles = {toml_value(sorted(config.rule_profiles[rule.group]))}")
        if changed:
            lines += [f"[rules.{rule.group}]", *changed]
    return "".join(line + "\n" for line in lines)
