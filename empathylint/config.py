"""Find, load, merge and validate configuration.

Layers, each overriding the one before key by key (tables merge, lists replace, and a
list key `extend-<key>` appends to `<key>` instead):
  1. the shipped default checklist.toml,
  2. the user's checklist.toml, or [tool.empathylint] in pyproject.toml, found from the
     current directory upwards,
  3. --config FILE,
  4. command-line flags (--select, --ignore, --fail-on, --profile, --channel).
Each layer is validated on its own, so an error names the file, the key and the line.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import functools
import re
import sys
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from empathylint.diagnostics import Severity
from empathylint.document import CHANNELS, PROFILES, Channel, PlaceholderVocabulary, Profile
from empathylint.rule import AnyRule

USER_CONFIG_NAME = "checklist.toml"
ALL = "ALL"


class ConfigError(Exception):
    """A configuration problem, told in one line: `file:line: what is wrong`."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Layer:
    """One configuration file's table, with what is needed to point at its lines."""

    path: str
    table: dict[str, Any]
    text: str = ""

    def line_of(self, *key_path: str) -> int | None:
        return locate_key(self.text, key_path)


@dataclass
class Config:
    fail_on: Severity
    default_profile: Profile
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    profile_globs: dict[Profile, tuple[str, ...]]
    default_channel: Channel
    channel_globs: dict[Channel, tuple[str, ...]]
    vocabulary: PlaceholderVocabulary
    severity: dict[str, Severity]
    per_file_ignores: dict[str, tuple[str, ...]]
    rule_settings: dict[str, Any]
    rule_profiles: dict[str, frozenset[Profile]]
    sources: tuple[str, ...] = ()
    root: Path = field(default_factory=Path.cwd)

    def is_selected(self, rule_id: str, path: str | None = None) -> bool:
        ignored = self.ignore + (self.ignores_for(path) if path else ())
        if any(_matches(selector, rule_id) for selector in ignored):
            return False
        return not self.select or any(_matches(selector, rule_id) for selector in self.select)

    def ignores_for(self, path: str) -> tuple[str, ...]:
        if not self.per_file_ignores:
            return ()
        relative = _relative(path, self.root)
        found: list[str] = []
        for pattern, rule_ids in self.per_file_ignores.items():
            if glob_match(relative, pattern):
                found.extend(rule_ids)
        return tuple(found)

    def severity_of(self, rule_id: str, default: Severity) -> Severity:
        if rule_id in self.severity:
            return self.severity[rule_id]
        group = rule_id.split(".", 1)[0]
        return self.severity.get(group, default)

    def rule_applies(self, rule: AnyRule, profile: Profile) -> bool:
        return profile in self.rule_profiles.get(rule.group, rule.profiles)

    def profile_for(self, path: str) -> Profile:
        relative = _relative(path, self.root)
        for profile in PROFILES:
            if any(glob_match(relative, pattern) for pattern in self.profile_globs.get(profile, ())):
                return profile
        return self.default_profile

    def channel_for(self, path: str) -> Channel:
        """Where a reply is sent (email, chat, social), by the [channels.*] include globs."""
        relative = _relative(path, self.root)
        for channel in CHANNELS:
            if any(glob_match(relative, pattern) for pattern in self.channel_globs.get(channel, ())):
                return channel
        return self.default_channel


def _matches(selector: str, rule_id: str) -> bool:
    return selector == ALL or rule_id == selector or rule_id.startswith(selector + ".")


# Asked for every finding of a file (per-file ignores) and resolved through the file
# system each time (~0.3 ms): remembered, as a file does not move during a run.
@functools.lru_cache(maxsize=1024)
def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def glob_match(relative_path: str, pattern: str) -> bool:
    """gitignore-like globs: `**` crosses folders, a pattern without `/` matches a name at
    any depth (`*.md`), one with `/` matches from the root (`macros/**`)."""
    if "/" not in pattern.rstrip("/"):
        name = relative_path.rsplit("/", 1)[-1]
        parts = relative_path.split("/")
        return fnmatch.fnmatchcase(name, pattern) or any(
            fnmatch.fnmatchcase(part, pattern.rstrip("/")) for part in parts[:-1]
        )
    return _glob_regex(pattern.lstrip("/")).fullmatch(relative_path) is not None


def _glob_regex(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


# --- loading ----------------------------------------------------------------------------


def default_checklist_path() -> Path:
    """The shipped checklist: inside the installed wheel, or at the top of a source tree
    (an editable install)."""
    packaged = Path(__file__).with_name("checklist.toml")
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "checklist.toml"


def read_layer(path: Path, display: str | None = None, *, pyproject: bool = False) -> Layer:
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(shown, "file not found") from None
    except OSError as error:
        raise ConfigError(shown, f"cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ConfigError(shown, "not UTF-8 text") from None
    try:
        table = parse_toml(text)
    except ValueError as error:  # tomllib.TOMLDecodeError; tomllib is imported only to parse
        line, column = _position_from_message(str(error))
        reason = str(error).split(" (at ")[0]
        where = f" at column {column}" if column else ""
        raise ConfigError(shown, f"invalid TOML{where}: {reason}", line) from None
    if pyproject:
        tool = table.get("tool", {})
        table = tool.get("empathylint", {}) if isinstance(tool, dict) else {}
        text = _pyproject_section(text)
    return Layer(shown, table, text)


def parse_toml(text: str) -> dict[str, Any]:
    """tomllib.loads(text), imported only when a checklist is read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

    table: dict[str, Any] = tomllib.loads(text)
    return table


def _position_from_message(message: str) -> tuple[int | None, int | None]:
    """Line and column from tomllib's "(at line 3, column 5)"."""
    line = re.search(r"line (\d+)", message)
    column = re.search(r"column (\d+)", message)
    return (int(line.group(1)) if line else None, int(column.group(1)) if column else None)


def _pyproject_section(text: str) -> str:
    """pyproject's text with tool.empathylint table headers read as our own headers, so that
    lines can be found by the same key paths."""
    return re.sub(r"^(\s*\[+)\s*tool\.empathylint\.?", r"\1", text, flags=re.MULTILINE)


def discover(start: Path) -> Layer | None:
    """The nearest checklist.toml, or pyproject.toml with [tool.empathylint], upwards."""
    for folder in (start, *start.parents):
        candidate = folder / USER_CONFIG_NAME
        if candidate.is_file():
            return read_layer(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            layer = read_layer(pyproject, pyproject=True)
            if layer.table:
                return layer
    return None


@dataclass(frozen=True)
class CommandLine:
    """The flags that override configuration."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    profile: str | None = None
    channel: str | None = None


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
    return schema.build(merged, tuple(layer.path for layer in layers), root)


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
    return Layer("command line", table)


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


# --- validation -------------------------------------------------------------------------

_TOP_LEVEL: dict[str, Any] = {
    "fail-on": str,
    "profile": str,
    "select": tuple[str, ...],
    "ignore": tuple[str, ...],
    "files": dict,
    "profiles": dict,
    "channel": str,
    "channels": dict,
    "placeholders": dict,
    "severity": dict,
    "per-file-ignores": dict,
    "rules": dict,
}
_FILES = {"include": tuple[str, ...], "exclude": tuple[str, ...]}
_PROFILE = {"include": tuple[str, ...]}
_CHANNEL = {"include": tuple[str, ...]}
_PLACEHOLDERS = {
    "customer-words": tuple[str, ...],
    "agent-words": tuple[str, ...],
    "bare-tokens": tuple[str, ...],
    "thing-words": tuple[str, ...],
}
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
        if "channel" in table and table["channel"] not in CHANNELS:
            self._fail(layer, ("channel",), f"unknown channel {table['channel']!r} (use {', '.join(CHANNELS)})")
        for name, channel_table in table.get("channels", {}).items():
            if name not in CHANNELS:
                self._fail(layer, ("channels", name), f"unknown channel {name!r} (use {', '.join(CHANNELS)})")
            _check_type(layer, ("channels", name), channel_table, dict)
            _check_keys(layer, ("channels", name), channel_table, _CHANNEL, allow_extend=True)
        _check_keys(layer, ("placeholders",), table.get("placeholders", {}), _PLACEHOLDERS, allow_extend=True)
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

    def build(self, table: dict[str, Any], sources: tuple[str, ...], root: Path) -> Config:
        files = table.get("files", {})
        placeholders = table.get("placeholders", {})
        rule_tables = table.get("rules", {})
        rule_settings = {}
        rule_profiles: dict[str, frozenset[Profile]] = {}
        for group, rule in self.rules.items():
            values = rule_tables.get(group, {})
            rule_settings[group] = _build_settings(rule, values, sources[0])
            # Settings that name files (proofread's words-file) read them here, at the edge,
            # so that the rule's check stays pure.
            load_files = getattr(rule.settings, "load_files", None)
            if load_files is not None:
                rule_settings[group] = load_files(rule_settings[group], root)
            if "profiles" in values:
                rule_profiles[group] = frozenset(values["profiles"])
        return Config(
            fail_on=Severity.parse(table.get("fail-on", "warning")),
            default_profile=table.get("profile", "reply"),
            select=tuple(table.get("select", ())),
            ignore=tuple(table.get("ignore", ())),
            include=tuple(files.get("include", ())),
            exclude=tuple(files.get("exclude", ())),
            profile_globs={name: tuple(value.get("include", ())) for name, value in table.get("profiles", {}).items()},
            default_channel=table.get("channel", "email"),
            channel_globs={name: tuple(value.get("include", ())) for name, value in table.get("channels", {}).items()},
            vocabulary=PlaceholderVocabulary(
                customer_words=tuple(w.lower() for w in placeholders.get("customer-words", ())),
                agent_words=tuple(w.lower() for w in placeholders.get("agent-words", ())),
                bare_tokens=tuple(placeholders.get("bare-tokens", ())),
                thing_words=tuple(w.lower() for w in placeholders.get("thing-words", ())),
            ),
            severity={key: Severity.parse(value) for key, value in table.get("severity", {}).items()},
            per_file_ignores={key: tuple(value) for key, value in table.get("per-file-ignores", {}).items()},
            rule_settings=rule_settings,
            rule_profiles=rule_profiles,
            sources=sources,
            root=root,
        )


def _fields(settings: type) -> list[tuple[dataclasses.Field[Any], Any]]:
    hints = typing.get_type_hints(settings)
    return [(f, hints[f.name]) for f in dataclasses.fields(settings)]


def _build_settings(rule: AnyRule, values: Mapping[str, Any], default_path: str) -> Any:
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


# --- finding a key's line in TOML text --------------------------------------------------

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.\-]+)\s*=""")


def locate_key(text: str, key_path: tuple[str, ...]) -> int | None:
    """The 1-based line where a key (or table) of `key_path` is defined, if it can be found."""
    if not text or not key_path:
        return None
    current: tuple[str, ...] = ()
    best: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = _split_dotted(header.group(1))
            if current == key_path:
                return number
            if best is None and key_path[: len(current)] == current and current:
                best = None
            continue
        key = _KEY.match(line)
        if key:
            full = current + _split_dotted(key.group(1))
            if full == key_path:
                return number
            if best is None and len(full) <= len(key_path) and key_path[: len(full)] == full:
                best = number
    return best


def _split_dotted(key: str) -> tuple[str, ...]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([^.\s]+)', key)
    return tuple(next(p for p in part if p) if any(part) else "" for part in parts)
