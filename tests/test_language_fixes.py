"""The language rules' fixes, applied for real: every fixture case with safe fixes names the
text they give (`fixed`), the edits never overlap, and a second pass changes nothing.
Also guards the phrase tables of negative-language and unnecessary-words: no rewrite
contains a phrase its own rule would flag."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from empathylint.diagnostics import Edit, apply_edits
from empathylint.language.phrases import compile_phrases
from tests.conftest import FIXTURES, ROOT, lint_text, tomllib

GROUPS = ("negative-language", "unnecessary-words")


def _cases() -> list[Any]:
    params = []
    for group in GROUPS:
        cases = tomllib.loads((FIXTURES / f"{group}.toml").read_text(encoding="utf-8"))["case"]
        params += [pytest.param(group, case, id=f"{group}:{case['name']}") for case in cases]
    return params


def _safe_edits(group: str, text: str, case: dict[str, Any]) -> list[Edit]:
    report = lint_text(
        text,
        path=case.get("path", "draft.txt"),
        select=(group,),
        profile=case.get("profile", "reply"),
        customer=case.get("customer"),
    )
    assert report.error is None, report.error
    return [edit for d in report.diagnostics if d.fix is not None and d.fix.safe for edit in d.fix.edits]


@pytest.mark.parametrize(("group", "case"), _cases())
def test_safe_fixes_give_the_fixed_text_and_are_idempotent(group: str, case: dict[str, Any]) -> None:
    edits = _safe_edits(group, case["text"], case)
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for earlier, later in itertools.pairwise(ordered):
        assert earlier.end <= later.start, f"edits overlap: {earlier} {later}"
    if not edits:
        assert "fixed" not in case, "the case names a fixed text but no safe fix fired"
        return
    assert "fixed" in case, "a case whose findings carry safe fixes must say the text they give"
    fixed = apply_edits(case["text"], edits)
    assert fixed == case["fixed"]
    assert fixed.count("  ") <= case["text"].count("  "), "a fix left a doubled space"
    assert apply_edits(fixed, _safe_edits(group, fixed, case)) == fixed


SHIPPED = tomllib.loads((ROOT / "checklist.toml").read_text(encoding="utf-8"))["rules"]


def _flagged_phrases(group: str) -> tuple[str, ...]:
    table = SHIPPED[group]
    phrases: list[str] = []
    for key, value in table.items():
        if isinstance(value, dict):
            phrases += list(value)
        elif key in ("filler-words", "filler-before-action", "product-limits"):
            phrases += value
    return tuple(phrases)


@pytest.mark.parametrize("group", GROUPS)
def test_no_rewrite_contains_a_flagged_phrase(group: str) -> None:
    flagged = compile_phrases(_flagged_phrases(group))
    assert flagged is not None
    for key, value in SHIPPED[group].items():
        if not isinstance(value, dict):
            continue
        for phrase, rewrite in value.items():
            found = flagged.search(rewrite)
            assert found is None, (
                f"[rules.{group}.{key}] {phrase!r} rewrites to {rewrite!r}, which has {found.group()!r}"
            )
