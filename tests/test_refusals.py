"""The grammar of refusals (language/refusals.py) and the wordiness a phrase list can't spell
(language/wordiness.py), checked on their own; the rules' fixtures check them in context.
Also: a no reported by negative-language and say-no-with-why gets advice that agrees, and
never a rewrite that turns it into a yes."""

from __future__ import annotations

import re

import pytest

from empathylint.document import Span
from empathylint.language.clauses import reason_in
from empathylint.language.phrases import compile_phrases
from empathylint.language.refusals import RefusalVocabulary, compile_refusals, find_refusals
from empathylint.language.verb_forms import inflections
from empathylint.language.wordiness import basis_rewrite
from tests.conftest import lint_text

GRAMMAR = compile_refusals(
    RefusalVocabulary(
        subjects=("I", "our team", "they", "users", "we", "you"),
        offer_verbs=("assist", "have a way to", "offer", "plan to", "ship", "support"),
        withheld_words=("accepted", "available", "possible", "worked on"),
        adverbs=("currently", "typically", "unfortunately"),
        clause_openers=("if", "so that", "unless"),
        exceptions=("can't wait", "won't be charged"),
        readers=("users", "you"),
        reader_troubles=("access", "sign"),
        third_parties=("they",),
    )
)


def refusals(text: str) -> list[tuple[str, str, str]]:
    return [(text[r.span.start : r.span.end], r.kind, r.verb) for r in find_refusals(text, Span(0, len(text)), GRAMMAR)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We can't refund it.", ("We can't refund", "inability", "refund")),
        ("We can’t refund it.", ("We can’t refund", "inability", "refund")),
        ("we cannot refund it", ("we cannot refund", "inability", "refund")),
        ("I'm unable to change it.", ("I'm unable to change", "inability", "change")),
        ("We aren't able to share it.", ("We aren't able to share", "inability", "share")),
        ("We are currently unable to ship.", ("We are currently unable to ship", "inability", "ship")),
        ("You won't be able to edit it.", ("You won't be able to edit", "inability", "edit")),
        ("We haven't been able to reach them.", ("We haven't been able to reach", "inability", "reach")),
        ("We aren't currently offering it.", ("We aren't currently offering", "policy", "offering")),
        ("We typically do not offer it.", ("We typically do not offer", "policy", "offer")),
        ("We don't have a way to merge them.", ("We don't have a way to", "policy", "have a way to")),
        ("We won't be shipping there.", ("We won't be shipping", "policy", "shipping")),
        ("We no longer support it.", ("We no longer support", "policy", "support")),
        ("Our team doesn't support it.", ("Our team doesn't support", "policy", "support")),
        ("We don't plan to add it.", ("We don't plan to", "policy", "plan to")),
        ("We've decided not to renew.", ("We've decided not to", "policy", "decided")),
        ("It's not possible to merge.", ("It's not possible", "withheld", "possible")),
        ("It wouldn't be possible.", ("wouldn't be possible", "withheld", "possible")),
        ("Replies are no longer accepted.", ("are no longer accepted", "withheld", "accepted")),
        ("No recording will be available.", ("No recording will be available", "withheld", "available")),
        ("A port is not currently being worked on.", ("is not currently being worked on", "withheld", "worked on")),
        ("They are unable to assist with it.", ("They are unable to assist", "inability", "assist")),
    ],
)
def test_a_refusal_is_read_by_its_grammar(text: str, found: tuple[str, str, str]) -> None:
    assert refusals(text) == [found]


@pytest.mark.parametrize(
    "text",
    [
        "We can't wait to see it.",  # an exception
        "You won't be charged twice.",  # good news
        "If you can't sign in, reset it.",  # a condition
        "We store it so that no one else can read it.",  # a purpose
        "What if we can't reach you?",  # a question
        "It may not be available everywhere.",  # a possibility
        "An account you can't access is locked.",  # the reader's trouble
        "Channels you no longer plan to use can go.",  # the reader's own plan
        "They can't get into your account.",  # someone else, not a no to the customer
        "We don't recommend it, and we don't charge for it.",  # not verbs of offering
        "Unless you can't make it, we meet at three.",
    ],
)
def test_what_is_not_a_refusal(text: str) -> None:
    assert refusals(text) == []


def test_the_opener_governs_only_the_clause_right_after_it() -> None:
    text = "If you are wondering why we don't support it, read on."
    assert refusals(text) == [("we don't support", "policy", "support")]


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("offer", ("offer", "offers", "offering")),
        ("provide", ("provide", "provides", "providing")),
        ("ship", ("ship", "ships", "shipping")),
        ("carry", ("carry", "carries", "carrying")),
        ("have a way to", ("have a way to", "has a way to", "having a way to")),
        ("accept", ("accept", "accepts", "accepting")),
    ],
)
def test_verbs_of_offering_are_found_in_their_forms(verb: str, forms: tuple[str, ...]) -> None:
    assert inflections(verb) == forms


@pytest.mark.parametrize(
    ("sentence", "gives_reason"),
    [
        ("We can't refund it, as it is outside the window.", True),
        ("We can't refund it because it was opened.", True),
        ("We can't refund it, but as soon as the stock is back I'll tell you.", False),
        ("We can't offer refunds such as the one you asked about.", False),
    ],
)
def test_a_reason_is_told_from_words_that_only_look_like_one(sentence: str, gives_reason: bool) -> None:
    reasons = compile_phrases(("as it", "as the", "because"))
    decoys = compile_phrases(("as soon as", "such as"))
    assert reason_in(sentence, Span(0, len(sentence)), reasons, decoys) is gives_reason


@pytest.mark.parametrize(
    ("how", "short"),
    [
        ("daily", "daily"),
        ("regular", "regularly"),
        ("individual", "individually"),
        ("individual-by-individual", "individually"),
        ("case-by-case", "case by case"),
        ("temporary", "temporarily"),
        ("periodic", "periodically"),
        ("need-to-know", None),
        ("trial", None),
    ],
)
def test_on_a_basis_has_its_short_form(how: str, short: str | None) -> None:
    assert basis_rewrite(how) == short


def test_one_no_two_groups_and_advice_that_agrees() -> None:
    """negative-language owns the refusal's words and say-no-with-why the sentence that lacks
    its why; both give the one rewrite, which leads with what can be done and keeps the no
    word for word (issue 14)."""
    reply = "Hi Ana,\n\nI checked the order. We are unable to refund the order.\n\nBest,\nSam\n"
    report = lint_text(reply, select=("negative-language", "say-no-with-why"))
    by_rule = {d.rule_id: d for d in report.diagnostics}
    refusal = by_rule["negative-language.refusal"]
    no_reason = by_rule["say-no-with-why.no-reason"]
    assert reply[refusal.start : refusal.end] == "We are unable to refund"
    assert reply[no_reason.start : no_reason.end] == "We are unable to refund the order."
    assert refusal.fix is None and no_reason.fix is None
    assert refusal.suggestion == no_reason.suggestion
    assert no_reason.suggestion == "What we can do is … We are unable to refund the order. That's because …"


@pytest.mark.parametrize(
    "reply",
    [
        "We can't refund the order.",
        "I'm afraid we cannot issue a refund.",
        "Unfortunately, we aren't able to refund it.",
        "It is not possible to refund this order.",
    ],
)
def test_no_rewrite_of_a_refusal_promises_what_was_refused(reply: str) -> None:
    """The rewrite keeps the no; what can be done is a gap for the writer, never a yes."""
    report = lint_text(f"Hi Ana,\n\n{reply}\n\nSam\n", select=("negative-language",))
    assert report.diagnostics
    for diagnostic in report.diagnostics:
        rewrite = diagnostic.suggestion or ""
        assert "can do" not in rewrite.replace("can do is …", ""), rewrite
        assert re.search(r"can't|cannot|aren't able|not possible", rewrite), rewrite
        edits = diagnostic.fix.edits if diagnostic.fix else ()
        assert all("refund" not in edit.replacement for edit in edits)
