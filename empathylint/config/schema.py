"""What a checklist.toml layer may say, and the typed settings built from what it says.

Each layer is checked on its own, before merging, so that an error names the file, the key
and the line: unknown keys, rule ids and groups (with the closest known one), wrong types,
numbers out of range. What a table may hold comes from the settings classes themselves
(the rules' and those of config/sections.py), so a new setting needs no schema edit."""

from __future__ import annotations

import dataclasses
import difflib
import functools
import types
import typing
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from empathylint.config.layers import ConfigError, Layer
from empathylint.config.resolved import ALL
from empathylint.config.sections import FREE_TABLES, SECTIONS, ChannelGlobs, Options, ProfileGlobs
from empathylint.document import CHANNELS, PROFILES

if TYPE_CHECKING:
    from empathylint.rule import AnyRule

EXTEND = "extend-"


@dataclasses.dataclass(frozen=True)
class Setting:
    """One key a table may hold: its type, and the range of a number."""

    hint: Any
    minimum: float | None = None
    maximum: float | None = None


@functools.cache
def _type_hints(settings_class: type) -> dict[str, Any]:
    """The class's field types, resolved once (get_type_hints evaluates every annotation)."""
    return typing.get_type_hints(settings_class)


@functools.cache
def settings_keys(settings_class: type) -> dict[str, Setting]:
    """The keys of a settings class as checklist.toml spells them (kebab-case); read it,
    never change it."""
    hints = _type_hints(settings_class)
    return {
        kebab(f.name): Setting(hints[f.name], f.metadata.get("minimum"), f.metadata.get("maximum"))
        for f in dataclasses.fields(settings_class)
        if f.init
    }


def kebab(name: str) -> str:
    return name.replace("_", "-")


_RULE_COMMON = {"profiles": Setting(tuple[typing.Literal["reply", "template", "doc"], ...])}
_TOP_LEVEL_TABLES = (
    "files",
    "profiles",
    "channels",
    "placeholders",
    "mood",
    "severity",
    "per-file-ignores",
    "acronyms",
    "rules",
)


# [profiles.<profile>] and [channels.<channel>]: the files each takes, by include globs.
_GLOB_SECTIONS: tuple[tuple[str, tuple[str, ...], str, type], ...] = (
    ("profiles", PROFILES, "profile", ProfileGlobs),
    ("channels", CHANNELS, "channel", ChannelGlobs),
)


class Schema:
    """What checklist.toml may say, derived from the settings classes."""

    def __init__(self, rules: tuple[AnyRule, ...]) -> None:
        self.rules = {rule.group: rule for rule in rules}
        self.rule_ids = {rule_id for rule in rules for rule_id in rule.ids}
        self.rule_keys = {
            rule.group: {**_RULE_COMMON, **settings_keys(typing.cast(type, rule.settings))} for rule in rules
        }
        self.top_level = {**settings_keys(Options), **{name: Setting(dict) for name in _TOP_LEVEL_TABLES}}
        self.selectors = sorted({ALL, *self.rules, *self.rule_ids})

    def validate(self, layer: Layer) -> None:
        table = layer.table
        _check_table(layer, (), table, self.top_level)
        for key in ("select", "ignore", f"{EXTEND}select", f"{EXTEND}ignore"):
            for selector in table.get(key, ()):
                self._check_selector(layer, (key,), selector)
        for name, settings_class in SECTIONS.items():
            _check_table(layer, (name,), table.get(name, {}), settings_keys(settings_class))
        for section, names, what, globs_class in _GLOB_SECTIONS:
            for name, globs_table in table.get(section, {}).items():
                if name not in names:
                    _fail(layer, (section, name), f"unknown {what} {name!r} in [{section}]{_did_you_mean(name, names)}")
                _check_type(layer, (section, name), globs_table, dict)
                _check_table(layer, (section, name), globs_table, settings_keys(globs_class))
        for name, value_type in FREE_TABLES.items():
            for key, value in table.get(name, {}).items():
                _check_type(layer, (name, key), value, value_type)
        for selector in table.get("severity", {}):
            self._check_selector(layer, ("severity", selector), selector)
        for pattern, selectors in table.get("per-file-ignores", {}).items():
            for selector in selectors:
                self._check_selector(layer, ("per-file-ignores", pattern), selector)
        for group, rule_table in table.get("rules", {}).items():
            if group not in self.rules:
                _fail(layer, ("rules", group), f"unknown rule {group!r} in [rules]{_did_you_mean(group, self.rules)}")
            _check_type(layer, ("rules", group), rule_table, dict)
            _check_table(layer, ("rules", group), rule_table, self.rule_keys[group])
            # Settings that need more than a type check (house-style's regexes) say what is wrong.
            problems = getattr(self.rules[group].settings, "problems", None)
            if problems is not None:
                for key_path, message in problems(rule_table):
                    _fail(layer, ("rules", group, *key_path), f"[rules.{group}] {message}")

    def _check_selector(self, layer: Layer, key_path: tuple[str, ...], selector: str) -> None:
        if selector not in self.selectors:
            where = ".".join(key_path[:1])
            _fail(layer, key_path, f"unknown rule id {selector!r} in {where}{_did_you_mean(selector, self.selectors)}")


def _fail(layer: Layer, key_path: tuple[str, ...], message: str) -> typing.NoReturn:
    raise ConfigError(layer.path, message, layer.line_of(*key_path))


def _did_you_mean(word: str, known: Iterable[str]) -> str:
    """ " (did you mean 'x'?)" for the closest known word, or nothing when none is close."""
    candidates = list(known)
    folded = {candidate.replace("_", "-").lower(): candidate for candidate in candidates}
    exact = folded.get(word.replace("_", "-").lower())
    close = [exact] if exact else difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _check_table(
    layer: Layer, key_path: tuple[str, ...], table: Mapping[str, Any], allowed: Mapping[str, Setting]
) -> None:
    """Every key known (`extend-<key>` for a list), of the right type and in range."""
    where = f"[{'.'.join(key_path)}]" if key_path else "the top level"
    for key, value in table.items():
        base = key.removeprefix(EXTEND)
        if base not in allowed:
            _fail(layer, (*key_path, key), f"unknown key {key!r} in {where}{_did_you_mean(base, allowed)}")
        setting = allowed[base]
        if key != base and typing.get_origin(setting.hint) is not tuple:
            _fail(layer, (*key_path, key), f"{key!r} in {where}: only list settings can be extended")
        _check_type(layer, (*key_path, key), value, setting.hint)
        _check_range(layer, (*key_path, key), value, setting)


def _check_type(layer: Layer, key_path: tuple[str, ...], value: Any, expected: Any) -> None:
    problem = _type_problem(value, expected)
    if problem:
        _fail(layer, key_path, f"{'.'.join(key_path)} {problem}")


def _check_range(layer: Layer, key_path: tuple[str, ...], value: Any, setting: Setting) -> None:
    numbers = value.values() if isinstance(value, dict) else [value]
    for number in numbers:
        if not isinstance(number, (int, float)) or isinstance(number, bool):
            continue
        low, high = setting.minimum, setting.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            bounds = f"from {low:g} to {high:g}" if low is not None and high is not None else ""
            bounds = bounds or (f"at least {low:g}" if low is not None else f"at most {high:g}")
            _fail(layer, key_path, f"{'.'.join(key_path)} must be {bounds}, not {number!r}")


def _type_problem(value: Any, expected: Any) -> str | None:
    origin = typing.get_origin(expected)
    if origin is typing.Literal:
        choices = typing.get_args(expected)
        if value not in choices:
            hint = _did_you_mean(value, choices) if isinstance(value, str) else ""
            return f"must be one of {', '.join(map(repr, choices))}, not {value!r}{hint}"
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
    if origin in (dict, Mapping) or expected is dict:
        if not isinstance(value, dict):
            return f"must be a table, not {_toml_type(value)}"
        if origin is not None:
            key_type, value_type = typing.get_args(expected)
            for key, item in value.items():
                problem = _type_problem(key, key_type) or _type_problem(item, value_type)
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


# --- building ------------------------------------------------------------------------------


def build_settings(base: Any, table: Mapping[str, Any]) -> Any:
    """`base` (a settings object, usually the defaults) with what `table` sets: a value
    replaces the default, a table merges into it key by key, `extend-<key>` appends to it.
    The field types are resolved only when the table sets a field: a run without a
    checklist.toml builds every rule's settings from their defaults, and evaluating all
    their annotations cost it 6 ms."""
    changes: dict[str, Any] = {}
    for settings_field in dataclasses.fields(base):
        key = kebab(settings_field.name)
        if key not in table and EXTEND + key not in table:
            continue
        hint = _type_hints(typing.cast(type, type(base)))[settings_field.name]
        value = getattr(base, settings_field.name)
        if key in table:
            given = _convert(table[key], hint)
            value = {**value, **given} if isinstance(given, dict) else given
        if EXTEND + key in table:
            value = (*value, *_convert(table[EXTEND + key], hint))
        changes[settings_field.name] = value
    return dataclasses.replace(base, **changes) if changes else base


def _convert(value: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin is tuple:
        return tuple(_convert(item, typing.get_args(hint)[0]) for item in value)
    if origin in (dict, Mapping):
        value_hint = typing.get_args(hint)[1]
        return {key: _convert(item, value_hint) for key, item in value.items()}
    if hint is float:
        return float(value)
    return value
