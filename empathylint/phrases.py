"""Phrase lists compiled once per run into one regex each, shared by the rules.

A phrase is written plainly in checklist.toml ("you failed to", "don't worry"); matching is
case-insensitive, treats ’ and ' alike, lets any run of spaces or a line break stand for a
space, and respects word boundaries. `…` in a phrase stands for up to six words."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from empathylint import regexes
from empathylint.document import Span

_GAP = r"(?:\s+[\w'’-]+){0,6}?\s+"
# Either apostrophe in a phrase matches both in the text.
_APOSTROPHES = str.maketrans({"'": "['’]", "’": "['’]"})


@functools.lru_cache(maxsize=256)
def compile_phrases(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation over all phrases, longest first so that the longest phrase wins."""
    if not phrases:
        return None
    parts = [_phrase_pattern(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p))]
    return regexes.compile(r"(?<![\w'’])(?:" + "|".join(parts) + r")(?![\w'’])", re.IGNORECASE)


def _phrase_pattern(phrase: str) -> str:
    words = phrase.strip().split()
    out: list[str] = []
    for index, word in enumerate(words):
        if word == "…":
            out.append(_GAP)
            continue
        if index and out[-1] != _GAP:
            out.append(r"\s+")
        out.append(re.escape(word).translate(_APOSTROPHES))
    return "".join(out)


def find_phrases(pattern: re.Pattern[str] | None, text: str, within: Span) -> Iterator[re.Match[str]]:
    if pattern is None:
        return
    yield from pattern.finditer(text, within.start, within.end)


def normalize(phrase: str) -> str:
    """The key a matched phrase is looked up by: lower case, plain apostrophes, single spaces."""
    return " ".join(phrase.replace("’", "'").lower().split())


def match_case(original: str, replacement: str) -> str:
    """Give the replacement the capitalisation of the text it replaces."""
    if not replacement or not original:
        return replacement
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def any_phrase(pattern: re.Pattern[str] | None, text: str, spans: Sequence[Span]) -> bool:
    return pattern is not None and any(pattern.search(text, s.start, s.end) for s in spans)
