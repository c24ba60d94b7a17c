"""Orders a phrase list cannot spell out: reading set as homework ("Please read the
guide."), and a rule quoted with "must" ("subscriptions must end first", "the title must be
short"), told apart from a guess ("that must be hard")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from empathylint.document import Span
from empathylint.language.phrases import normalize

_WORD_BEFORE = re.compile(r"([\w'’]+)[ \t]*$")


def word_before(text: str, index: int) -> str:
    """The word just before text[index], normalized ("" at the start of the text)."""
    before = _WORD_BEFORE.search(text[max(0, index - 40) : index])
    return normalize(before.group(1)) if before else ""


def curt_reading(text: str, within: Span, pattern: re.Pattern[str] | None) -> Iterator[Span]:
    """ "Please read the guide." or "please read them before opening issues": reading set as
    homework, with nothing said about what to look for in it (`pattern`: curt_reading_pattern)."""
    if pattern is None:
        return
    for match in pattern.finditer(text, within.start, within.end):
        yield Span(match.start(), match.end())


def curt_reading_pattern(reading_matter: tuple[str, ...]) -> re.Pattern[str] | None:
    """The pattern of curt reading for these words of what to read ("guide", "docs")."""
    if not reading_matter:
        return None
    matter = "|".join(re.escape(word) for word in sorted(reading_matter, key=len, reverse=True))
    read = rf"(?<![\w'’])please\s+(?:re-?)?read\s+(?:(?:the|our|these|those|this)\s+)?(?:{matter})"
    return re.compile(
        rf"{read}(?:\s+(?:carefully|again|first))?(?=\s*(?:[.!]|$))|{read}\s+before\s+[\w'’-]+(?:\s+[\w'’-]+)?",
        re.IGNORECASE,
    )


# "must" with its verb: "must reach", "must, unfortunately, retire", "must be signed", "must
# be short"; not "must have" or "must've", which guess at the past.
_MUST = re.compile(
    r"(?<![\w'’])must(?:\s+not)?(?:\s*,\s*[^\W\d_]+\s*,)?\s+"
    r"(?P<be>be\s+(?P<participle>[^\W\d_]+(?:ed|en)\b)?)?(?(be)|(?!have\b|['’]ve\b)[^\W\d_])",
    re.IGNORECASE,
)
# Subjects after which "must be …" guesses ("that must be hard") rather than requires
# ("the title must be short").
_GUESSING = frozenset({"it", "that", "this", "there", "you", "they", "he", "she", "we", "i", "which", "what"})


def musts_quoted(text: str, within: Span) -> Iterator[Span]:
    """Each "must" that quotes a rule at the reader, as the span of the word: a subject
    other than "you" (whose "you must" a phrase list rewrites) and no guess."""
    for match in _MUST.finditer(text, within.start, within.end):
        subject = word_before(text, match.start())
        guess = match.group("be") and not match.group("participle") and subject in _GUESSING
        if subject not in ("you", "if") and not guess:
            yield Span(match.start(), match.start() + len("must"))
