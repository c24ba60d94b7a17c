"""Grammar frames of the proofread check that a word's neighbours alone do not settle: a
verb's form after a modal ("we will sending"), a "to" left out before a verb ("happy help",
"our goal is simplify"), a clock time after "on" ("on 10:00"), and a noun's number against
the word that counts it ("these setting only apply", "one or more file failed"). The words
are data, read from the frame tables of data/confused-words.toml; each frame fires only
where the other reading is (nearly) impossible, so a noun counts as singular or plural only
when both its forms are everyday words and the word after it cannot start a compound."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from empathylint.language import spelling
from empathylint.language.confusables import Confusion
from empathylint.language.verb_forms import inflections
from empathylint.language.vocabulary import data_table

# Words used at least this often (share of English text) count as everyday forms of a noun.
_EVERYDAY = 1e-7


def grammar_slips(text: str, start: int, end: int) -> Iterator[Confusion]:
    """The frames' findings in text[start:end], in the order of the frames."""
    for frame in (_modal_verb_forms, _verb_after_do, _missing_to, _bare_verb_after_be, _clock_times, _number_agreement):
        yield from frame(text, start, end)


def _table(name: str) -> dict[str, Any]:
    table: dict[str, Any] = data_table("confused-words")[name]
    return table


def _one_of(words: list[str]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", "[ \t]+") for word in sorted(words, key=len, reverse=True))


def _in_case_of(original: str, replacement: str) -> str:
    return replacement[0].upper() + replacement[1:] if original[:1].isupper() else replacement


# --- a verb's form after a modal: "we will sending" -----------------------------------------


@functools.cache
def _modal_pattern() -> re.Pattern[str]:
    frame = _table("verb-after-modal")
    return re.compile(
        rf"(?<![\w'’-])(?:{_one_of(frame['modal'])})[ \t]+(?P<verb>[a-z]{{2,}}ing)(?![\w'’-])", re.IGNORECASE
    )


def _modal_verb_forms(text: str, start: int, end: int) -> Iterator[Confusion]:
    frame = _table("verb-after-modal")
    not_verbs = frozenset(frame["not-verbs"])
    for found in _modal_pattern().finditer(text, start, end):
        written = found.group("verb")
        if found.group()[0].isupper() or written.lower() in not_verbs:
            continue  # "May" is a month
        if _AS_BEFORE.search(text, max(start, found.start() - 4), found.start()):
            continue  # "as will piping to a file": "as" stands for the clause before
        base = _base_of(written.lower())
        if base:
            yield Confusion(found.start("verb"), found.end("verb"), written, base, frame["why"])


_AS_BEFORE = re.compile(r"(?<![\w'’-])as\s+\Z", re.IGNORECASE)
_BUT_BEFORE = re.compile(r"(?<![\w'’-])but\s+\Z", re.IGNORECASE)


def _base_of(gerund: str) -> str | None:
    """The everyday verb an "-ing" form is made of ("sending" -> "send", "making" -> "make",
    "shipping" -> "ship"), or None."""
    stem = gerund[:-3]
    # A stem ending in a vowel, "w", "x" or "y" lost no "e" ("being", "showing", "paying").
    candidates = [stem] if stem.endswith(tuple("aeiouwxy")) else [stem + "e", stem]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        candidates.insert(0, stem[:-1])  # "shipping" -> "ship"
    return next((word for word in candidates if len(word) > 1 and spelling.is_common_word(word, _EVERYDAY)), None)


# --- a verb's form after "do": "it doesn't works", "did you received" -----------------------


@functools.cache
def _after_do_pattern() -> re.Pattern[str]:
    frame = _table("verb-after-do")
    negated = r"(?:did|does|do)(?:n['’]t|[ \t]+not)"
    asked = rf"(?:did|does|do)[ \t]+(?:{_one_of(frame['subjects'])})"
    return re.compile(
        rf"(?<![\w'’-])(?:{negated}|{asked})[ \t]+(?P<verb>[a-z]{{3,}}(?:ed|s))(?![\w'’-])", re.IGNORECASE
    )


def _verb_after_do(text: str, start: int, end: int) -> Iterator[Confusion]:
    frame = _table("verb-after-do")
    not_verbs = frozenset(frame["not-verbs"])
    for found in _after_do_pattern().finditer(text, start, end):
        written = found.group("verb")
        if written.lower() in not_verbs or _BUT_BEFORE.search(text, max(start, found.start() - 5), found.start()):
            continue  # "a test that should fail but didn't revealed a bug": "didn't" ends a clause
        base = _base_of_past(written.lower()) if written.lower().endswith("ed") else _base_of_present(written.lower())
        if base:
            yield Confusion(found.start("verb"), found.end("verb"), written, base, frame["why"])


def _base_of_past(past: str) -> str | None:
    """The everyday verb a regular past form is made of ("received" -> "receive", "worked" ->
    "work", "shipped" -> "ship", "tried" -> "try"), or None ("need" and "proceed" end in "eed")."""
    if past.endswith("eed") or len(past) < 5:
        return None
    if past.endswith("ied"):
        candidates = [past[:-3] + "y"]
    else:
        candidates = [past[:-1], past[:-2]]
        if past[-3] == past[-4] and past[-3] not in "aeiouls":
            candidates.insert(0, past[:-3])
    return next((word for word in candidates if spelling.is_common_word(word, _EVERYDAY)), None)


def _base_of_present(present: str) -> str | None:
    """The everyday verb a third-person form is made of ("works" -> "work", "fixes" -> "fix",
    "tries" -> "try", "has" -> "have"), or None."""
    if present == "has":
        return "have"
    if present.endswith(("ss", "us", "is")):
        return None
    if present.endswith("ies"):
        candidates = [present[:-3] + "y"]
    elif present.endswith(("shes", "ches", "xes", "zes", "sses", "oes")):
        candidates = [present[:-2]]
    else:
        candidates = [present[:-1]]
    return next((word for word in candidates if spelling.is_common_word(word, _EVERYDAY)), None)


# --- a "to" left out: "happy help", "our goal is simplify" ----------------------------------


@functools.cache
def _missing_to_pattern() -> re.Pattern[str]:
    frame = _table("missing-to")
    lead = rf"(?:{_one_of(frame['adjectives'])}|(?:{_one_of(frame['aims'])})[ \t]+(?:is|was))"
    return re.compile(rf"(?<![\w'’-])(?:{lead})[ \t]+(?P<verb>{_one_of(frame['verbs'])})(?![\w'’-])", re.IGNORECASE)


def _missing_to(text: str, start: int, end: int) -> Iterator[Confusion]:
    why = _table("missing-to")["why"]
    for found in _missing_to_pattern().finditer(text, start, end):
        verb = found.group("verb")
        yield Confusion(found.start("verb"), found.end("verb"), verb, f"to {verb}", why)


# --- a bare verb after "is" or "are" before its object: "we are provide a replacement" -----


@functools.cache
def _after_be_pattern() -> re.Pattern[str]:
    frame = _table("missing-to")
    be = r"(?:[ \t]+(?:am|are|is|was|were)|['’]re)"
    return re.compile(
        rf"(?<![\w'’-])(?P<subject>[^\W\d_]+){be}[ \t]+(?P<verb>{_one_of(frame['verbs'])})"
        rf"(?=[ \t]+(?:{_one_of(frame['objects'])})(?![\w'’-]))",
        re.IGNORECASE,
    )


def _bare_verb_after_be(text: str, start: int, end: int) -> Iterator[Confusion]:
    """A bare verb between "is" and its object wants its "-ing" ("the team is investigate the
    outage"). Not after a noun of purpose (the missing "to" is said there) nor where the
    sentence's subject is a clause with "do" ("all you need to do is update the app")."""
    frame = _table("missing-to")
    aims = frozenset(frame["aims"]) | frozenset(frame["steps"])
    for found in _after_be_pattern().finditer(text, start, end):
        subject_is_a_clause = _DO_BEFORE.search(_sentence_before(text, start, found.start("verb")))
        if found.group("subject").lower() in aims or subject_is_a_clause:
            continue
        verb = found.group("verb")
        yield Confusion(found.start("verb"), found.end("verb"), verb, inflections(verb.lower())[-1], frame["be-why"])


_DO_BEFORE = re.compile(r"(?<![\w'’-])(?:do|does|did|done|doing)(?![\w'’-])", re.IGNORECASE)


def _sentence_before(text: str, start: int, at: int) -> str:
    """The text of the sentence before `at` (from the last full stop, "!", "?" or line break)."""
    low = max(start, at - 200)
    cut = max(text.rfind(mark, low, at) for mark in ".!?\n")
    return text[max(low, cut + 1) : at]


# --- a clock time after "on": "on 10:00" -----------------------------------------------------

_ON_CLOCK_TIME = re.compile(
    r"(?<![\w'’-])on(?=[ \t]+(?:\d{1,2}:\d{2}(?![\d:/])|\d{1,2}(?::\d{2})?[ \t]?(?:[ap]\.m\.|[ap]m)(?![\w])))",
    re.IGNORECASE,
)


def _clock_times(text: str, start: int, end: int) -> Iterator[Confusion]:
    why = _table("number-agreement")["clock-time-why"]
    for found in _ON_CLOCK_TIME.finditer(text, start, end):
        yield Confusion(found.start(), found.end(), found.group(), _in_case_of(found.group(), "at"), why)


# --- a noun's number against the word that counts it ----------------------------------------


@dataclass(frozen=True)
class _CountFrame:
    pattern: re.Pattern[str]
    other_form: Callable[[str], str | None]
    why: str
    # The counting word's own correction ("this features are": "these"), or None to change the noun.
    lead_meant: str | None = None


@functools.cache
def _count_frames() -> tuple[_CountFrame, ...]:
    frame = _table("number-agreement")
    # A mark right after the noun, or a bracket after a space ("end()" is a function's name).
    mark = r"[,.;:!?](?!\w)|[ \t]+\("
    ends_noun = rf"(?=[ \t]+(?:{_one_of(frame['after-plural-noun'])})(?![\w'’-])|{mark})"
    ends_plural = rf"(?=[ \t]+(?:of|{_one_of(frame['after-plural-noun'])})(?![\w'’-])|{mark})"
    plural_verb = rf"(?=[ \t]+(?:{_one_of(frame['plural-verbs'])})(?![\w'’-]))"

    def compiled(pattern: str) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w'’-]){pattern}", re.IGNORECASE)

    return (
        _CountFrame(
            compiled(rf"(?:{_one_of(frame['counting-many'])})[ \t]+(?P<noun>[a-z]{{3,}}){ends_noun}"),
            _plural_of,
            frame["many-why"],
        ),
        _CountFrame(compiled(r"every[ \t]+(?P<noun>[a-z]{3,}s)(?![\w'’-])"), _singular_of, frame["every-why"]),
        _CountFrame(
            re.compile(
                rf"(?:(?<![\w'’-])an?|(?:^|(?<=[.!?][ \t])|(?<=^[ \t]))An?)[ \t]+(?P<noun>[a-z]{{3,}}s){ends_plural}",
                re.M,
            ),
            _singular_of,
            frame["one-why"],
        ),
        _CountFrame(
            compiled(rf"(?P<lead>this)[ \t]+(?P<noun>[a-z]{{3,}}s){plural_verb}"),
            _singular_of,
            frame["this-why"],
            lead_meant="these",
        ),
    )


def _number_agreement(text: str, start: int, end: int) -> Iterator[Confusion]:
    not_nouns = frozenset(_table("number-agreement")["not-nouns"])
    for frame in _count_frames():
        for found in frame.pattern.finditer(text, start, end):
            noun = found.group("noun")
            if noun.lower() in not_nouns or noun[0].isupper() or noun.endswith("est"):
                continue
            other = frame.other_form(noun)
            if other is None:
                continue
            if frame.lead_meant:
                lead = found.group("lead")
                meant = _in_case_of(lead, frame.lead_meant)
                yield Confusion(found.start("lead"), found.end("lead"), lead, meant, frame.why)
            else:
                yield Confusion(found.start("noun"), found.end("noun"), noun, other, frame.why)


def _plural_of(noun: str) -> str | None:
    """The plural of an everyday singular noun ("file" -> "files", "reply" -> "replies"),
    when both forms are everyday words; None for a word that is not such a singular."""
    if noun.endswith(("s", "ed", "ly")):
        return None
    if re.search(r"[^aeiou]y$", noun):
        plural = noun[:-1] + "ies"
    elif noun.endswith(("sh", "ch", "x", "z")):
        plural = noun + "es"
    else:
        plural = noun + "s"
    both = spelling.is_common_word(noun, _EVERYDAY) and spelling.is_common_word(plural, _EVERYDAY)
    return plural if both else None


def _singular_of(noun: str) -> str | None:
    """The singular of an everyday plural noun ("features" -> "feature"), or None."""
    if noun.endswith(("ss", "us", "is", "ous")):
        return None
    singular = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]
    both = spelling.is_common_word(noun, _EVERYDAY) and spelling.is_common_word(singular, _EVERYDAY)
    return singular if both else None
