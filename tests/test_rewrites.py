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


def test_a_refusal_gets_advice_that_agrees_never_a_rewrite_that_reverses_it() -> None:
    """ "We cannot refund it.": negative-language reports the refusal's words and
    say-no-with-why the sentence that lacks its why, with one rewrite between them that
    leads with what can be done (a gap) and keeps the no (never "what we can do is …
    refund"); neither is an edit."""
    report = lint_text("Hi Maria,\n\nThanks for writing in. We cannot refund it.\n\nBest,\nSam\n")
    on_the_refusal = {d.rule_id: d for d in report.diagnostics if d.line == 3 and d.column == 24}
    assert set(on_the_refusal) == {"negative-language.refusal", "say-no-with-why.no-reason"}
    refusal = on_the_refusal["negative-language.refusal"]
    no_reason = on_the_refusal["say-no-with-why.no-reason"]
    assert refusal.fix is None and no_reason.fix is None
    assert refusal.suggestion == no_reason.suggestion == "What we can do is … We cannot refund it. That's because …"


def test_a_refusal_leads_with_the_alternative_the_reply_gives() -> None:
    """An alternative after the no, in its sentence or the next, goes first; the no follows
    word for word, and the sentence it leans on stays joined to it."""
    cases = {
        "Sadly, we cannot move the booking for you, but you can change it in the app.": (
            "You can change it in the app. Sadly, we cannot move the booking for you. That's because …"
        ),
        "We don't ship to Norway. You can pick it up from our Oslo partner instead.": (
            "You can pick it up from our Oslo partner instead. We don't ship to Norway. That's because …"
        ),
        "While we don't sell the blue one any more, we do sell the green one.": (
            "We do sell the green one, while we don't sell the blue one any more. That's because …"
        ),
        # "We can only …" is another no, not what we can do instead.
        "We don't ship to Norway. We can only post within the EU for now.": (
            "What we can do is … We don't ship to Norway. That's because …"
        ),
    }
    for sentence, rewrite in cases.items():
        report = lint_text(f"Hi Maria,\n\n{sentence}\n\nBest,\nSam\n", select=("negative-language",))
        refusal = next(d for d in report.diagnostics if d.rule_id == "negative-language.refusal")
        assert refusal.suggestion == rewrite


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
