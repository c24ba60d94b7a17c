"""Where a grammar pattern's matches can start, read from the pattern itself, so that a
pattern is tried only there and not at every character of a long text.

The grammar's patterns (refusals.py, reproach.py) open with a lookbehind and an alternation
of words ("(?<![\\w'’])(?:we|I|our team)…"), which `re` cannot skip ahead to: each scanned
the whole text, and an article paid for every pattern at every character. Their openings
are read from the pattern's head (regex_heads.py): the words a match begins with, after no
word character or apostrophe, are looked up among the places where a word starts (the
index phrase_trie cuts a text into once, for every list); other openings (a contraction's
"'s", a word that ends in "n't") are found with `str.find`.
`Gated.finditer` then tries `re.Pattern.match` at those places only, in order, going on
after each match's end as `finditer` does: the same matches, found from far fewer places.
A pattern whose opening cannot be read (a capitalised name, any word) is scanned whole."""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from empathylint.language.phrase_trie import folded, places

# How much text a pattern scans whole before it reads its openings.
_SCANNED_BEFORE_READING = 20_000
_NOWHERE: Sequence[int] = ()
# What a place is (phrase_trie's index): a spot after no word character nor apostrophe.
_PLACE_CHARACTERS = r"\w'’"
_WORD_RUN = re.compile(r"\w+")

WORD = "word"  # at a place, the text's words begin with these characters
FIND = "find"  # anywhere these characters stand
RUN = "run"  # at the start of a run of word characters that goes on into these characters


@dataclass(frozen=True)
class Opening:
    kind: str  # WORD, FIND or RUN
    text: str  # folded
    # Whether the word of a WORD opening ends where its text does ("we" is not "were").
    whole: bool = False


class Gated:
    """A compiled pattern and the openings its matches start with: `finditer` gives what
    `re.Pattern.finditer` gives."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)
        self._scanned = 0

    @functools.cached_property
    def openings(self) -> frozenset[Opening] | None:
        # The analysis and its regex parser load only for a run that reads openings.
        from empathylint.language.regex_heads import openings

        return openings(self.regex.pattern, self.regex.flags)

    def finditer(self, text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        if "openings" not in self.__dict__:
            # Reading the openings costs about what scanning a few pages does: a run that
            # checks one short reply never pays for it.
            self._scanned += endpos - pos
            if self._scanned < _SCANNED_BEFORE_READING:
                yield from self.regex.finditer(text, pos, endpos)
                return
        if self.openings is None:
            yield from self.regex.finditer(text, pos, endpos)
            return
        cursor = pos
        for start in _starts(text, self.openings, pos, endpos):
            if start >= cursor:
                match = self.regex.match(text, start, endpos)
                if match is not None:
                    yield match
                    cursor = match.end()  # never empty: an opening is at least a character


@functools.lru_cache(maxsize=4)
def _starts(text: str, found: frozenset[Opening], pos: int, endpos: int) -> Sequence[int]:
    """The places in [pos, endpos) where one of the openings stands, in order; kept for
    the next patterns of the text that share their openings (a refusal's subjects), and
    for no more than a few (a long article's places run to hundreds of thousands: four
    bytes each, not an integer object and a list's slot)."""
    return array("I", _find_starts(text, found, pos, endpos))


def _find_starts(text: str, found: frozenset[Opening], pos: int, endpos: int) -> list[int]:
    index = places(text, _PLACE_CHARACTERS)
    plan = _plan(found)
    starts: list[int] = []
    for key, texts in plan.keys.items():
        starts += _within(index.get(key, _NOWHERE), pos, endpos, text, texts)
    for prefix, texts in plan.prefixes.items():
        for key in _keys_from(text, prefix):
            starts += _within(index[key], pos, endpos, text, texts)
    if plan.finds or plan.runs:
        folded_text = folded(text)
        for literal in plan.finds:
            starts += _occurrences(folded_text, literal, pos, endpos)
        for literal in plan.runs:
            for at in _occurrences(folded_text, literal, pos, endpos):
                start = at
                while start > pos and is_word(text[start - 1]):
                    start -= 1
                if start < at:
                    starts.append(start)
    return sorted(set(starts))


@dataclass(frozen=True)
class _Plan:
    """The openings as lookups: a word's places (with the texts that must stand there, or
    None when the word is all), the places of the words a prefix begins, and the literals."""

    keys: dict[str, tuple[str, ...] | None]
    prefixes: dict[str, tuple[str, ...] | None]
    finds: tuple[str, ...]
    runs: tuple[str, ...]


@functools.lru_cache(maxsize=256)
def _plan(found: frozenset[Opening]) -> _Plan:
    keys: dict[str, set[str] | None] = {}
    prefixes: dict[str, set[str] | None] = {}
    for opening in found:
        if opening.kind != WORD:
            continue
        key = _WORD_RUN.match(opening.text)
        assert key is not None
        table = keys if opening.whole or key.end() < len(opening.text) else prefixes
        if key.end() == len(opening.text):
            table[key.group()] = None
        elif table.get(key.group(), set()) is not None:
            table.setdefault(key.group(), set()).add(opening.text)  # type: ignore[union-attr]
    return _Plan(
        {key: None if texts is None else tuple(texts) for key, texts in keys.items()},
        {key: None if texts is None else tuple(texts) for key, texts in prefixes.items()},
        tuple(sorted(opening.text for opening in found if opening.kind == FIND)),
        tuple(sorted(opening.text for opening in found if opening.kind == RUN)),
    )


def _within(positions: Sequence[int], pos: int, endpos: int, text: str, texts: tuple[str, ...] | None) -> list[int]:
    """The positions in [pos, endpos), where one of `texts` stands when given."""
    chosen = positions[bisect.bisect_left(positions, pos) : bisect.bisect_left(positions, endpos)]
    if texts is None:
        return list(chosen)
    folded_text = folded(text)
    return [position for position in chosen if folded_text.startswith(texts, position)]


def _occurrences(folded_text: str, literal: str, pos: int, endpos: int) -> Iterator[int]:
    at = folded_text.find(literal, pos, endpos)
    while at != -1:
        yield at
        at = folded_text.find(literal, at + 1, endpos)


def _keys_from(text: str, prefix: str) -> list[str]:
    """The words at the text's places that begin with `prefix`."""
    keys = _sorted_keys(text)
    low = bisect.bisect_left(keys, prefix)
    high = low
    while high < len(keys) and keys[high].startswith(prefix):
        high += 1
    return keys[low:high]


@functools.lru_cache(maxsize=4)
def _sorted_keys(text: str) -> list[str]:
    """The keys of the text's places in order, kept for the last few texts (not their
    places, which a long article holds by the million)."""
    return sorted(places(text, _PLACE_CHARACTERS))


def forget_texts() -> None:
    """Let go of the places and keys kept for the last texts read (see phrase_trie.forget_texts)."""
    _starts.cache_clear()
    _sorted_keys.cache_clear()


def is_word(character: str) -> bool:
    """`\\w` as `re` reads it."""
    return character.isalnum() or character == "_"
