"""Rewrites never make a reply worse: a fix invents no commitment, time, fact or name; text
still reads as sentences after any fix; overlapping findings of two groups give one rewrite,
and a suggestion never keeps a word another finding removes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from empathylint.cli import app
from empathylint.diagnostics import Edit, Fix
from empathylint.fixes import fix_text, keeps_sentences
from tests.conftest import lint_text

UPSET = "\n> This is the THIRD time I write about this. Still broken. Unacceptable!!!\n"


def test_an_exclamation_rewrite_never_leaves_punctuation_no_sentence_has(tmp_path: Path) -> None:
    """ "Hey Daniel!! 😊" to an upset customer became "Hey Daniel!." with --unsafe-fixes."""
    path = tmp_path / "reply.txt"
    path.write_text("Hey Daniel!! 😊\n\nGreat news, your refund is on the way!\n\nCheers,\nSam\n" + UPSET, "utf-8")
    CliRunner().invoke(app, ["check", "--isolated", "--select", "match-tone", "--fix", "--unsafe-fixes", str(path)])
    fixed = path.read_text(encoding="utf-8")
    assert fixed.startswith("Hey Daniel.\n\nGreat news, your refund is on the way.\n")


def test_a_fix_that_would_join_two_marks_is_not_applied() -> None:
    text = "Thanks so much!! We'll look into it."
    assert not keeps_sentences(text, Fix((Edit(15, 16, "."),)))  # "much!." is no sentence
    assert not keeps_sentences(text, Fix((Edit(10, 14, ""),)))  # "so !!" leaves a space before a mark
    assert keeps_sentences(text, Fix((Edit(14, 16, "."),)))
    assert keeps_sentences("Wait... what?!", Fix((Edit(0, 4, "Hold"),)))  # the writer's own marks


def test_a_fix_never_promises_a_time_the_agent_did_not() -> None:
    text = "Hi Maria,\n\nI've passed this on to our billing team and we'll get back to you.\n\nBest,\nSam\n"
    report = lint_text(text, select=("set-expectations",))
    (finding,) = report.diagnostics
    assert finding.fix is None
    assert finding.suggestion is not None and "by tomorrow" in finding.suggestion  # shown, for the agent to decide
    outcome = fix_text(text, lambda current: lint_text(current, select=("set-expectations",)), unsafe_fixes=True)
    assert outcome.text == text


def test_a_rewrite_with_a_gap_is_a_suggestion_never_an_edit() -> None:
    text = "Hi Dana,\n\nGo to Reports and pick CSV.\n\nBest,\nSam\n" + UPSET
    overrides = {"rules": {"acknowledge-feelings": {"suggestion": "I'm sorry about … Let's fix it."}}}
    report = lint_text(text, select=("acknowledge-feelings",), overrides=overrides)
    (finding,) = report.diagnostics
    assert finding.fix is None
    assert finding.suggestion is not None and finding.suggestion.startswith("I'm sorry about …")


def test_one_finding_for_words_two_groups_flag_with_contradicting_rewrites() -> None:
    """ "we cannot refund" as a closed door ("what we can do is …", which reverses the
    meaning) and as a no without a why: one finding, which asks for the why."""
    report = lint_text("Hi Maria,\n\nThanks for writing in. We cannot refund it.\n\nBest,\nSam\n")
    on_the_refusal = [d for d in report.diagnostics if d.line == 3 and d.column == 24]
    assert [d.rule_id for d in on_the_refusal] == ["say-no-with-why.no-reason"]
    assert "(Also negative-language.framing.)" in on_the_refusal[0].message


def test_a_suggestion_carries_the_other_findings_rewrites_of_its_sentence() -> None:
    """Cutting "Obviously" must not suggest a sentence that keeps "can't … until", nor the
    positive rewrite one that keeps "Obviously"."""
    text = "Hi Maria,\n\nThanks for writing in. Obviously we can't ship it until Friday.\n\nBest,\nSam\n"
    report = lint_text(text, select=("negative-language",))
    suggestions = {d.rule_id: d.suggestion for d in report.diagnostics}
    assert suggestions == {
        "negative-language.condescension": "We'll be able to ship it from Friday.",
        "negative-language.framing": "We'll be able to ship it from Friday.",
    }
