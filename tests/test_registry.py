"""The registry and the data stay honest: every rule module is registered, documented
with the four headings, has fixtures that fire and fixtures that stay clean; word lists
are sorted, free of duplicates, and never rewrite a phrase to itself."""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

import pytest

import empathylint.rules as rules_package
from empathylint.rules import RULES
from tests.conftest import FIXTURES, ROOT, tomllib

HEADINGS = ("What it does:", "Why it matters:", "Example:", "Use instead:")
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def rule_modules() -> list[str]:
    return [m.name for m in pkgutil.iter_modules(rules_package.__path__) if not m.name.startswith("_")]


def test_every_rule_module_is_registered() -> None:
    registered = {rule.check.__module__ for rule in RULES}
    for name in rule_modules():
        module = importlib.import_module(f"empathylint.rules.{name}")
        assert module.__name__ in registered, f"{name} is not in RULES"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.group)
def test_rule_is_documented(rule: Any) -> None:
    for heading in HEADINGS:
        assert heading in rule.doc, f"{rule.group} docs lack {heading!r}"
    assert KEBAB.match(rule.group)
    for code in rule.codes:
        assert KEBAB.match(code.name), code.name
        assert code.summary


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.group)
def test_rule_has_firing_and_clean_fixtures(rule: Any) -> None:
    fixture = FIXTURES / f"{rule.group}.toml"
    assert fixture.is_file(), f"no fixtures for {rule.group}"
    cases = tomllib.loads(fixture.read_text(encoding="utf-8"))["case"]
    firing = [c for c in cases if c.get("expect")]
    clean = [c for c in cases if not c.get("expect")]
    assert firing and clean
    assert len(clean) >= len(firing), f"{rule.group}: fewer clean cases ({len(clean)}) than firing ({len(firing)})"
    fired = {e["rule"] for c in firing for e in c["expect"]}
    for rule_id in rule.ids:
        assert rule_id in fired, f"no fixture case fires {rule_id}"


def test_rule_ids_are_unique() -> None:
    ids = [rule_id for rule in RULES for rule_id in rule.ids]
    assert len(ids) == len(set(ids))


def _string_lists(table: dict[str, Any], path: str = "") -> list[tuple[str, list[str]]]:
    found = []
    for key, value in table.items():
        where = f"{path}.{key}" if path else key
        if isinstance(value, dict):
            found.extend(_string_lists(value, where))
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            found.append((where, value))
    return found


SHIPPED = tomllib.loads((ROOT / "checklist.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("where", "words"),
    _string_lists({"rules": SHIPPED["rules"], "placeholders": SHIPPED["placeholders"]}),
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_shipped_word_lists_are_sorted_and_unique(where: str, words: list[str]) -> None:
    assert words == sorted(words, key=str.lower), f"{where} is not sorted"
    assert len({w.lower() for w in words}) == len(words), f"{where} has duplicates"


def _rewrite_tables(table: dict[str, Any], path: str = "") -> list[tuple[str, dict[str, str]]]:
    found = []
    for key, value in table.items():
        where = f"{path}.{key}" if path else key
        if isinstance(value, dict):
            if value and all(isinstance(v, str) for v in value.values()):
                found.append((where, value))
            else:
                found.extend(_rewrite_tables(value, where))
    return found


@pytest.mark.parametrize(
    ("where", "rewrites"),
    _rewrite_tables(SHIPPED["rules"], "rules") or [("none", {})],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_no_phrase_is_rewritten_to_itself(where: str, rewrites: dict[str, str]) -> None:
    for phrase, rewrite in rewrites.items():
        assert phrase.lower() != rewrite.lower(), f"{where}: {phrase!r} rewrites to itself"
    assert list(rewrites) == sorted(rewrites, key=str.lower), f"{where} keys are not sorted"
