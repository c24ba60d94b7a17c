"""A grammar pattern tried only where its opening words stand finds what a scan of the whole
text finds (language/regex_openings.py, with the openings language/regex_heads.py reads)."""

from __future__ import annotations

import re

import pytest

from empathylint.language.regex_heads import openings
from empathylint.language.regex_openings import FIND, RUN, WORD, Gated, Opening
from empathylint.rules._negative_vocabulary import Settings as NegativeSettings
from empathylint.rules.say_no_with_why import Settings as SayNoSettings

_START = r"(?<![\w'’])"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # a word before a space ends there: "we" is not "were"
        (rf"{_START}(?:we|our\s+team)\s+can", {Opening(WORD, "we", True), Opening(WORD, "our", True)}),
        # a word the head does not see the end of stands for the words it begins
        (rf"{_START}(?:we|I)", {Opening(WORD, "we"), Opening(WORD, "i")}),
        # an optional item is read both taken and skipped
        (rf"{_START}we(?:'ll)?\s", {Opening(WORD, "we'", True), Opening(WORD, "we", True)}),
        # a contraction's apostrophe stands after a word character: found anywhere
        (r"['’]s\s+not", {Opening(FIND, "'s")}),
        # "don't", "couldn't": the run of word characters that goes on into "n't"
        (rf"{_START}\w+n['’]t\s+be", {Opening(RUN, "n'")}),
        # after a stop, a line break or at the start
        (r"(?:^|(?<=[.!?]\s)|(?<=\n))of\s+course", {Opening(WORD, "of", True)}),
    ],
)
def test_openings_are_read_from_the_head(pattern: str, expected: set[Opening]) -> None:
    assert openings(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?-i:[A-Z][\w-]*)\s+does\s+not",  # a capitalised name: any word
        r"we\s+can",  # no lookbehind: "we" may stand inside "awe"
        rf"{_START}we|\w+\s+can",  # one branch opens with any word
        rf"{_START}(?:we)?\s+can",  # an optional first word, then a space
    ],
)
def test_an_opening_that_cannot_be_read_leaves_the_pattern_scanning_whole(pattern: str) -> None:
    found = openings(pattern, re.IGNORECASE)
    assert found is None or any(opening.kind == FIND for opening in found)


TEXTS = [
    "We can't refund it, and our billing team won't be able to change the plan.\n\nIt's not possible.",
    "Sadly, we're unable to ship abroad. Refunds aren't available; you'll not have access to the beta.",
    "The browser doesn't offer tabs. Acme does not offer refunds. There's no way to undo it.",
    "As I mentioned, your request was denied. Of course, you need to sign in first. Clearly the card failed.",
    "I've already answered this. It works fine for our other customers. You should have backed it up.",
    "were we? awe can't; cannot be refunded, couldn't be reversed: no updates to share yet.",
    "None of our plans include it. Refunds are no longer available, and no recording will be available.",
    "Your post violates our community guidelines and may get you banned. You may not share your account.",
    "Isn’t it? We’ll not be able to; they’re not able to help; users can’t edit it. İ WE CAN'T REFUND.",
]


def _grammar_patterns() -> list[Gated]:
    negative, say_no = NegativeSettings().matchers, SayNoSettings().matchers
    reproach = negative.reproach
    found = [pattern for _, pattern in (*negative.refusals.patterns, *say_no.refusals.patterns)]
    found += [*reproach.nos, *reproach.rules, reproach.blame]
    found += [pattern for pattern in (reproach.orders, reproach.reminders, reproach.repeats) if pattern is not None]
    return found


def test_the_grammar_finds_what_a_scan_of_the_whole_text_finds() -> None:
    patterns = _grammar_patterns()
    assert sum(pattern.openings is not None for pattern in patterns) > len(patterns) * 3 // 4
    for text in TEXTS:
        for pos, endpos in ((0, len(text)), (3, len(text) - 4), (10, 40)):
            for pattern in patterns:
                expected = [(m.span(), m.groupdict()) for m in pattern.regex.finditer(text, pos, endpos)]
                assert [(m.span(), m.groupdict()) for m in pattern.finditer(text, pos, endpos)] == expected
