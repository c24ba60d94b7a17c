"""What a checklist.toml layer may say: its keys, their types, the rule ids it names.

Each layer is checked on its own, before merging, so that an error names the file, the key
and the line. The rules' own settings classes say what `[rules.<group>]` may hold."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any

from empathylint.config.layers import ConfigError, Layer
from empathylint.config.resolved import ALL
from empathylint.document import PROFILES
from empathylint.rule import AnyRule

_TOP_LEVEL: dict[str, Any] = {
    "fail-on": str,
    "profile": str,
    "select": tuple[str, ...],
    "ignore": tuple[str, ...],
    "files": dict,
    "profiles": dict,
    "placeholders": dict,
    "mood": dict,
    "severity": dict,
    "per-file-ignores": dict,
    "rules": dict,
}
_FILES = {"include": tuple[str, ...], "exclude": tuple[str, ...]}
_PROFILE = {"include": tuple[str, ...]}
_PLACEHOLDERS = {
    "customer-words": tuple[str, ...],
    "agent-words": tuple[str, ...],
    "bare-tokens": tuple[str, ...],
}
_MOOD = {"upset-words": tuple[str, ...], "cheerful-words": tuple[str, ...]}
_RULE_COMMON = {"profiles": tuple[str, ...]}


class Schema:
    """What checklist.toml may say, derived from the registered rules' settings classes."""

    def __init__(self, rules: tuple[AnyRule, ...]) -> None:
        self.rules = {rule.group: rule for rule in rules}
        self.rule_ids = {rule_id for rule in rules for rule_id in rule.ids}
        self.rule_fields = {rule.group: {_kebab(f.name): hint for f, hint in _fields(rule.settings)} for rule in rules}

    def known_selector(self, selector: str) -> bool:
        return selector == ALL or selector in self.rules or selector in self.rule_ids

    def validate(self, layer: Layer) -> None:
        table = layer.table
        _check_keys(layer, (), table, _TOP_LEVEL)
        for name, expected in _TOP_LEVEL.items():
            for key in (name, f"extend-{name}"):
                if key in table:
                    _check_type(layer, (key,), table[key], expected)
        for key in ("fail-on",):
            if key in table:
                self._check_severity(layer, (key,), table[key])
        if "profile" in table and table["profile"] not in PROFILES:
            self._fail(layer, ("profile",), f"unknown profile {table['profile']!r} (use {', '.join(PROFILES)})")
        for key in ("select", "ignore", "extend-select", "extend-ignore"):
            for selector in table.get(key, ()):
                self._check_selector(layer, (key,), selector)
        files = table.get("files", {})
        _check_keys(layer, ("files",), files, _FILES, allow_extend=True)
        profiles = table.get("profiles", {})
        for name, profile_table in profiles.items():
            if name not in PROFILES:
                self._fail(layer, ("profiles", name), f"unknown profile {name!r} (use {', '.join(PROFILES)})")
            _check_type(layer, ("profiles", name), profile_table, dict)
            _check_keys(layer, ("profiles", name), profile_table, _PROFILE, allow_extend=True)
        _check_keys(layer, ("placeholders",), table.get("placeholders", {}), _PLACEHOLDERS, allow_extend=True)
        _check_keys(layer, ("mood",), table.get("mood", {}), _MOOD, allow_extend=True)
        for rule_id, severity in table.get("severity", {}).items():
            self._check_selector(layer, ("severity", rule_id), rule_id)
            self._check_severity(layer, ("severity", rule_id), severity)
        for pattern, rule_ids in table.get("per-file-ignores", {}).items():
            _check_type(layer, ("per-file-ignores", pattern), rule_ids, tuple[str, ...])
            for selector in rule_ids:
                self._check_selector(layer, ("per-file-ignores", pattern), selector)
        for group, rule_table in table.get("rules", {}).items():
            if group not in self.rules:
                self._fail(layer, ("rules", group), f"unknown rule {group!r} in [rules]")
            _check_type(layer, ("rules", group), rule_table, dict)
            allowed = {**_RULE_COMMON, **self.rule_fields[group]}
            _check_keys(layer, ("rules", group), rule_table, allowed, allow_extend=True)
            for profile in rule_table.get("profiles", ()):
                if profile not in PROFILES:
                    self._fail(layer, ("rules", group, "profiles"), f"unknown profile {profile!r}")
            # Settings that need more than a type check (house-style's regexes) say what is wrong.
            problems = getattr(self.rules[group].settings, "problems", None)
            if problems is not None:
                for key_path, message in problems(rule_table):
                    self._fail(layer, ("rules", group, *key_path), f"[rules.{group}] {message}")

    def _check_severity(self, layer: Layer, key_path: tuple[str, ...], value: Any) -> None:
        if not isinstance(value, str) or value.lower() not in ("error", "warning", "info"):
            self._fail(layer, key_path, f"{'.'.join(key_path)} must be error, warning or info, not {value!r}")

    def _check_selector(self, layer: Layer, key_path: tuple[str, ...], selector: str) -> None:
        if not self.known_selector(selector):
            self._fail(layer, key_path, f"unknown rule id {selector!r} in {'.'.join(key_path)}")

    @staticmethod
    def _fail(layer: Layer, key_path: tuple[str, ...], message: str) -> typing.NoReturn:
        raise ConfigError(layer.path, message, layer.line_of(*key_path))


def _fields(settings: type) -> list[tuple[dataclasses.Field[Any], Any]]:
    hints = typing.get_type_hints(settings)
    return [(f, hints[f.name]) for f in dataclasses.fields(settings)]


def build_settings(rule: AnyRule, values: Mapping[str, Any], default_path: str) -> Any:
    arguments = {}
    for settings_field, hint in _fields(rule.settings):
        key = _kebab(settings_field.name)
        if key in values:
            arguments[settings_field.name] = _convert(values[key], hint)
        elif settings_field.default is dataclasses.MISSING and settings_field.default_factory is dataclasses.MISSING:
            raise ConfigError(default_path, f"[rules.{rule.group}] is missing {key!r}")
    return rule.settings(**arguments)


def _convert(value: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin is tuple:
        return tuple(_convert(item, typing.get_args(hint)[0]) for item in value)
    if origin is dict:
        value_hint = typing.get_args(hint)[1]
        return {key: _convert(item, value_hint) for key, item in value.items()}
    if hint is float:
        return float(value)
    return value


def _kebab(name: str) -> str:
    return name.replace("_", "-")


def _check_keys(
    layer: Layer,
    key_path: tuple[str, ...],
    table: Mapping[str, Any],
    allowed: Mapping[str, Any],
    *,
    allow_extend: bool = False,
) -> None:
    where = f"[{'.'.join(key_path)}]" if key_path else "the top level"
    for key, value in table.items():
        base = key.removeprefix("extend-") if allow_extend or not key_path else key
        if base not in allowed:
            close = [k for k in allowed if k.replace("-", "") == base.replace("-", "").replace("_", "")]
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(layer.path, f"unknown key {key!r} in {where}{hint}", layer.line_of(*key_path, key))
        if key_path:
            if key.startswith("extend-") and typing.get_origin(allowed[base]) is not tuple:
                raise ConfigError(
                    layer.path, f"{key!r} in {where}: only list settings can be extended", layer.line_of(*key_path, key)
                )
            _check_type(layer, (*key_path, key), value, allowed[base])


def _check_type(layer: Layer, key_path: tuple[str, ...], value: Any, expected: Any) -> None:
    problem = _type_problem(value, expected)
    if problem:
        raise ConfigError(layer.path, f"{'.'.join(key_path)} {problem}", layer.line_of(*key_path))


def _type_problem(value: Any, expected: Any) -> str | None:
    origin = typing.get_origin(expected)
    if origin is typing.Literal:
        choices = typing.get_args(expected)
        if value not in choices:
            return f"must be one of {', '.join(map(repr, choices))}, not {value!r}"
        return None
    if origin is tuple:
        if not isinstance(value, list):
            return f"must be a list, not {_toml_type(value)}"
        item_type = typing.get_args(expected)[0]
        for item in value:
            problem = _type_problem(item, item_type)
            if problem:
                return f"items {problem}"
        return None
    if origin is dict or expected is dict:
        if not isinstance(value, dict):
            return f"must be a table, not {_toml_type(value)}"
        if origin is dict:
            value_type = typing.get_args(expected)[1]
            for key, item in value.items():
                problem = _type_problem(item, value_type)
                if problem:
                    return f"[{key!r}] {problem}"
        return None
    if origin in (typing.Union, types.UnionType):
        if any(_type_problem(value, option) is None for option in typing.get_args(expected)):
            return None
        return f"has the wrong type ({_toml_type(value)})"
    if expected is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif expected is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(expected, type):
        ok = isinstance(value, expected)
    else:  # pragma: no cover - a settings class used a type config does not know
        raise TypeError(f"unsupported settings type {expected!r}")
    if not ok:
        name = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}.get(
            expected, str(expected)
        )
        return f"must be {name}, not {_toml_type(value)}"
    return None


def _toml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"a string ({value!r})"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__
