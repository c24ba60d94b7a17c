"""Reviewer agreement (bench/accuracy/agreement.py, issue 13) on tiny invented labels."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

AGREEMENT_PY = Path(__file__).resolve().parents[1] / "bench" / "accuracy" / "agreement.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_accuracy_agreement", AGREEMENT_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


agreement = _module()
GROUPS = ("thank-them", "proofread")


def record(
    kind: str, thanks: str, spans: list[tuple[int, int]], upset: bool | None = None, ready: bool = True
) -> dict[str, object]:
    return {
        "kind": kind,
        "customer_upset": upset,
        "items": {"thank-them": thanks, "proofread": "fail" if spans else "pass"},
        "spans": [{"start": start, "end": end, "category": "proofread", "type": "typography"} for start, end in spans],
        "ready": ready,
    }


def test_kappa_of_a_textbook_table() -> None:
    # 50 texts: both flag 20, only the first 5, only the second 10, neither 15.
    score = agreement.Agreement(texts=50, first_flags=25, second_flags=30, both_flag=20)
    assert score.precision == pytest.approx(20 / 30)
    assert score.recall == pytest.approx(20 / 25)
    assert score.kappa == pytest.approx(0.4)


def test_kappa_is_undefined_when_both_pass_everything() -> None:
    assert agreement.Agreement(texts=3).kappa is None
    assert agreement.Agreement().kappa is None


def test_compare_counts_flags_spans_and_na_per_kind() -> None:
    first = {
        "a": record("reply", "fail", [(0, 5), (10, 12)], upset=True, ready=False),
        "b": record("reply", "fail", [], upset=False),
        "c": record("reply", "pass", [], upset=False),
        "d": record("template", "n/a", [(4, 6)]),
        "only-first": record("reply", "fail", [(0, 1)], upset=True),
    }
    second = {
        "a": record("reply", "fail", [(3, 8)], upset=True, ready=False),
        "b": record("reply", "pass", [], upset=True),
        "c": record("reply", "fail", [], upset=False, ready=False),
        "d": record("template", "pass", [(5, 9), (20, 22)]),
    }
    scores = agreement.compare(first, second, GROUPS, ("proofread",))

    thanks = scores[("thank-them", "reply")]
    assert (thanks.texts, thanks.first_flags, thanks.second_flags, thanks.both_flag) == (3, 2, 2, 1)
    assert thanks.kappa == pytest.approx(-0.5)  # agreeing on 1 of 3 is below the 5 of 9 chance gives
    assert scores[("thank-them", "template")].one_says_na == 1
    assert scores[("thank-them", "all")].texts == 3  # the n/a text is counted apart

    proofread = scores[("proofread", "all")]
    assert (proofread.texts, proofread.first_flags, proofread.second_flags, proofread.both_flag) == (4, 2, 2, 2)
    assert proofread.kappa == pytest.approx(1.0)
    assert (proofread.first_spans, proofread.first_spans_overlapped) == (3, 2)
    assert (proofread.second_spans, proofread.second_spans_overlapped) == (3, 2)
    assert proofread.span_recall == pytest.approx(2 / 3)

    upset = scores[("customer_upset", "reply")]
    assert (upset.texts, upset.first_flags, upset.second_flags, upset.both_flag) == (3, 1, 2, 1)
    assert ("customer_upset", "template") not in scores
    not_ready = scores[("not ready", "all")]
    assert (not_ready.texts, not_ready.first_flags, not_ready.second_flags, not_ready.both_flag) == (4, 1, 2, 1)


def test_table_leaves_out_rows_without_texts() -> None:
    scores = {("thank-them", "reply"): agreement.Agreement(texts=2, first_flags=1, second_flags=1, both_flag=1)}
    lines = agreement.table(scores, ["thank-them", "eli5"], {"reply": "replies", "doc": "articles"})
    assert lines[2:] == ["| thank-them | replies | 2 | 1 | 1 | 1.00 | 1.00 | 1.00 | – | – | 0 |"]


def test_section_is_replaced_in_place_and_carried_over() -> None:
    document = "# Accuracy\n\nthe linter's table\n"
    once = agreement.with_section(document, agreement.section(["old figures"]))
    assert once.startswith(document) and "old figures" in once
    twice = agreement.with_section(once + "\nmore after\n", agreement.section(["new figures"]))
    assert "old figures" not in twice and "new figures" in twice and twice.endswith("more after\n")
    kept = agreement.kept_section(twice)
    assert kept[0] == agreement.SECTION_START and kept[-1] == agreement.SECTION_END and "new figures" in kept
    assert agreement.kept_section(document) == []
