"""Defaults live in code (each rule's settings class, config/sections.py) and word lists in
language/data/; the shipped checklist.toml is their documented copy. These tests hold the
copy equal to the defaults, key by key, and make sure every setting in it is explained."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from empathylint.config.schema import kebab
from empathylint.config.sections import DEFAULT_CHANNEL_GLOBS, DEFAULT_PROFILE_GLOBS, FileGlobs, Options
from empathylint.document import PlaceholderVocabulary, TeamMoodWords
from empathylint.language.acronyms import default_uses
from empathylint.language.vocabulary import DATA
from empathylint.rules import RULES
from tests.conftest import ROOT, tomllib

SHIPPED_TEXT = (ROOT / "checklist.toml").read_text(encoding="utf-8")
SHIPPED = tomllib.loads(SHIPPED_TEXT)


def as_toml(value: Any) -> Any:
    """A settings value as tomllib reads it back: tuples as lists, dataclasses as tables."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {kebab(f.name): as_toml(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, (tuple, list)):
        return [as_toml(item) for item in value]
    if isinstance(value, dict):
        return {key: as_toml(item) for key, item in value.items()}
    return value


@pytest.mark.parametrize("rule", RULES, ids=[rule.group for rule in RULES])
def test_each_rule_table_is_the_rules_defaults(rule: Any) -> None:
    shipped = dict(SHIPPED["rules"][rule.group])
    shipped.pop("profiles", None)  # the rule's own `profiles`, stated in the rule, not a setting
    assert shipped == as_toml(rule.settings())


def test_the_top_level_is_the_defaults() -> None:
    top = {key: value for key, value in SHIPPED.items() if not isinstance(value, dict)}
    assert top == as_toml(Options())
    assert SHIPPED["files"] == as_toml(FileGlobs())
    assert SHIPPED["profiles"] == {name: as_toml(globs) for name, globs in DEFAULT_PROFILE_GLOBS.items()}
    assert SHIPPED["channels"] == {name: as_toml(globs) for name, globs in DEFAULT_CHANNEL_GLOBS.items()}
    assert SHIPPED["placeholders"] == as_toml(PlaceholderVocabulary())
    assert SHIPPED["acronyms"] == default_uses()
    assert SHIPPED["mood"] == as_toml(TeamMoodWords())
    assert SHIPPED["severity"] == {} and SHIPPED["per-file-ignores"] == {}


# Tables whose keys are the user's (rule ids, globs, acronyms, phrase = rewrite): their
# entries are data; the table itself is the setting, documented above its header.
_FREE_TABLES = {"severity", "per-file-ignores", "acronyms"}
_HEADER = re.compile(r"^\[([^\]]+)\]")
_KEY = re.compile(r'^("[^"]*"|[A-Za-z0-9_-]+)\s*=')


def _documented_lines() -> list[tuple[int, str, bool]]:
    """(line number, key or header, whether a comment stands right above it) for every
    setting and table header in the shipped checklist."""
    found = []
    lines = SHIPPED_TEXT.splitlines()
    table = ""
    for number, line in enumerate(lines, start=1):
        above = lines[number - 2] if number > 1 else ""
        header = _HEADER.match(line)
        if header:
            table = header.group(1)
            free = table in _FREE_TABLES or table.count(".") == 2  # [rules.<group>.<table>]
            if free:
                found.append((number, f"[{table}]", above.startswith("#")))
            continue
        key = _KEY.match(line)
        if key and table not in _FREE_TABLES and table.count(".") < 2:
            found.append((number, f"{table}.{key.group(1)}" if table else key.group(1), above.startswith("#")))
    return found


def test_every_setting_in_the_shipped_checklist_is_explained() -> None:
    lines = _documented_lines()
    assert len(lines) > 100
    undocumented = [f"checklist.toml:{number}: {name}" for number, name, documented in lines if not documented]
    assert not undocumented, "a comment should say what each setting does:\n" + "\n".join(undocumented)


def _data_lists(table: Any, where: str) -> list[tuple[str, list[str]]]:
    found = []
    for key, value in table.items():
        if isinstance(value, dict):
            found.extend(_data_lists(value, f"{where}.{key}"))
            found.append((f"{where}.{key} (keys)", list(value)))
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            found.append((f"{where}.{key}", value))
    return found


DATA_FILES = sorted(DATA.rglob("*.toml"))
DATA_LISTS = [
    entry
    for path in DATA_FILES
    for entry in _data_lists(tomllib.loads(path.read_text(encoding="utf-8")), str(path.relative_to(DATA)))
]


@pytest.mark.parametrize(("where", "words"), DATA_LISTS, ids=[where for where, _ in DATA_LISTS])
def test_word_lists_in_the_data_files_are_sorted_and_unique(where: str, words: list[str]) -> None:
    assert words == sorted(words, key=str.lower), f"{where} is not sorted"
    assert len({word.lower() for word in words}) == len(words), f"{where} has duplicates"


def test_every_data_file_is_read() -> None:
    """A data file no default reads is dead weight: each one is a rule's or a shared list."""
    groups = {rule.group for rule in RULES}
    for path in DATA_FILES:
        name = path.relative_to(DATA).with_suffix("").as_posix()
        assert (
            name in {"acronyms", "confused-words", "placeholders", "refusals", "sentence-openers", "words"}
            or name.removeprefix("phrases/") in groups
        ), name
    assert Path(DATA / "phrases").is_dir()
