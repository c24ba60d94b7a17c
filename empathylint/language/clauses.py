"""Where a clause stands in its sentence: whether a condition or a purpose opens it ("if you
can't sign in", "so that no one can"), whether its sentence is a question, whether a span
gives a reason (and the patterns, built from a rule's word lists, for the words around a no
that give its why: a state, a bound, someone else's things, a concession, a lead), and where
the word ends that a contraction belongs to. Shared by the refusal grammar and the rules
that read its findings."""

from __future__ import annotations

import re
from collections.abc import Iterator

from empathylint.document import Span
from empathylint.language.phrase_trie import PhraseTrie
from empathylint.language.verb_forms import word_alternation

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\n—–]|\s-\s")
_SENTENCE_END = re.compile(r"[.!?\n]")
# How many words may stand between "if" (or "so that", "unless") and the clause it opens.
_OPENER_REACH = 3
# How far after a clause its question mark may stand.
_QUESTION_REACH = 300


def reason_in(text: str, span: Span, reasons: PhraseTrie | None, not_reasons: PhraseTrie | None) -> bool:
    """Whether text[span] gives a reason ("because", "as it is outside the window"), not
    counting words that only look like one ("as soon as the", "such as the")."""
    decoys = [Span(m.start(), m.end()) for m in phrases_within(not_reasons, text, span)]
    return any(
        not any(decoy.start < match.end() and match.start() < decoy.end for decoy in decoys)
        for match in phrases_within(reasons, text, span)
    )


def word_start(text: str, index: int) -> int:
    """Where the word ends that a contraction at `index` belongs to: "It's not possible"."""
    while index > 0 and text[index] in "'’" and (text[index - 1].isalpha()):
        index -= 1
        while index > 0 and text[index - 1].isalpha():
            index -= 1
    return index


def phrases_within(pattern: PhraseTrie | None, text: str, within: Span) -> Iterator[re.Match[str]]:
    return iter(()) if pattern is None else pattern.finditer(text, within.start, within.end)


def is_question(text: str, end: int, limit: int) -> bool:
    """Whether the sentence the clause ends in is a question ("What if we can't?"); looked
    for a few lines ahead only, so a text without full stops is not read once per clause."""
    stop = _SENTENCE_END.search(text, end, min(limit, end + _QUESTION_REACH))
    return stop is not None and stop.group() == "?"


def in_condition(text: str, start: int, openers: PhraseTrie | None) -> bool:
    """Whether the clause before `start` opens with a condition or a purpose: "If you can't
    sign in", "so that no one can", "as long as you haven't"."""
    if openers is None:
        return False
    clause_start = max(0, start - 120)
    for stop in _CLAUSE_BREAK.finditer(text, clause_start, start):
        clause_start = stop.end()
    for stop in _SENTENCE_END.finditer(text, clause_start, start):
        clause_start = stop.end()
    # The opener governs this subject only when few words stand between them: "if you can't",
    # "as long as you haven't", but not "if you are wondering why we don't".
    ends = [opener.end() for opener in openers.finditer(text, clause_start, start)]
    return bool(ends) and len(text[ends[-1] : start].split()) <= _OPENER_REACH


# Patterns the rules build from their word lists, for the words around a no that give its why.


def state_pattern(states: tuple[str, ...]) -> re.Pattern[str] | None:
    """A thing said to be in a state: "is closed", "has been locked", "was automatically archived"."""
    if not states:
        return None
    return re.compile(
        rf"(?<![\w'’])(?:is|are|was|were|been|now)(?:\s+(?:now|already|automatically|permanently|temporarily))?"
        rf"\s+{word_alternation(states)}(?![\w'’-])",
        re.IGNORECASE,
    )


def bound_pattern(bounds: tuple[str, ...]) -> re.Pattern[str] | None:
    """When a no holds, after it: "until the strings are frozen", "once it's opened" (not a
    closing "as I said before.")."""
    if not bounds:
        return None
    return re.compile(rf"(?<![\w'’]){word_alternation(bounds)}\s+[\w'’]", re.IGNORECASE)


def others_pattern(other_people: tuple[str, ...]) -> re.Pattern[str] | None:
    """Someone else's things: "another customer's account", "other members' details"."""
    if not other_people:
        return None
    return re.compile(rf"(?<![\w'’]){word_alternation(other_people)}(?:['’]s?(?![\w'’]))", re.IGNORECASE)


def concession_pattern(concessions: tuple[str, ...]) -> re.Pattern[str] | None:
    """A concession opening the sentence, after any greeting words run into it ("Hey there!")."""
    if not concessions:
        return None
    words = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(concessions, key=len, reverse=True))
    return re.compile(rf"[^\w]*(?:{words})(?![\w'’])", re.IGNORECASE)


def reason_lead_pattern(reason_leads: tuple[str, ...]) -> re.Pattern[str] | None:
    """A reason-leading word at the end of the text before the no: "…, so", "… why"."""
    if not reason_leads:
        return None
    words = "|".join(re.escape(word) for word in sorted(reason_leads, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{words})[\s,]*$", re.IGNORECASE)
