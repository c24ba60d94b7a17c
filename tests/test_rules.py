"""Every rule's fixture cases, one parametrized test (the sqlfluff way).

tests/fixtures/<rule-group>.toml holds [[case]] tables:
    name      what the case shows
    text      the draft
    expect    [[case.expect]] tables: rule, line, column and optionally suggestion;
              no expect means the text must stay clean for this rule group
    profile, channel, customer, agent, format, path   optional, as on the command line
    settings  optional table of this group's settings, as in [rules.<group>]
Only the fixture's own rule group runs, so a case tests one thing.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import FIXTURES, lint_case, tomllib


def load_cases() -> list[Any]:
    cases = []
    for fixture in sorted(FIXTURES.glob("*.toml")):
        group = fixture.stem
        with fixture.open("rb") as handle:
            for index, case in enumerate(tomllib.load(handle)["case"]):
                case_id = f"{group}:{index}:{case['name']}"
                cases.append(pytest.param(group, case, id=case_id))
    return cases


def found_of(group: str, case: dict[str, Any]) -> list[dict[str, Any]]:
    report = lint_case(group, case)
    assert report.error is None, report.error
    return [
        {"rule": d.rule_id, "line": d.line, "column": d.column, "suggestion": d.suggestion} for d in report.diagnostics
    ]


@pytest.mark.parametrize(("group", "case"), load_cases())
def test_fixture_case(group: str, case: dict[str, Any]) -> None:
    found = found_of(group, case)
    expected = case.get("expect", [])
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [
        (e["rule"], e["line"], e["column"]) for e in expected
    ], f"found {found}"
    for finding, expectation in zip(found, expected, strict=True):
        if "suggestion" in expectation:
            assert finding["suggestion"] == expectation["suggestion"]


def test_every_fixture_file_names_a_rule_group() -> None:
    from empathylint.rules import RULES

    groups = {rule.group for rule in RULES}
    for fixture in FIXTURES.glob("*.toml"):
        assert fixture.stem in groups, f"{fixture.name} names no rule group"
