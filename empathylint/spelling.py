"""English spelling for the proofread rule: is a word known, and what was likely meant.

The word list is pyspellchecker's bundled English frequencies (MIT, offline, ~150 ms to
load), read lazily and once per process, only when a draft has words to check. On top of
it: British spellings are accepted through their American forms ("colour", "organised",
"cancelled"), a shipped list of support vocabulary the frequency list lacks
(data/spelling-words.txt: "screenshot", "webinar"), and the team's own words, with their
plurals and verb forms ("webinars", "misrouted").
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spellchecker import SpellChecker

# Words shorter than this get no suggestion from two edits away: too many real words are.
_MIN_LENGTH_FOR_TWO_EDITS = 5
# Two edits away grows quadratically with length; longer words get one-edit suggestions only.
_MAX_LENGTH_FOR_TWO_EDITS = 14

# (British ending, American ending): "colour" is known through "color".
_BRITISH_ENDINGS: tuple[tuple[str, str], ...] = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("iser", "izer"),
    ("isers", "izers"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("llers", "lers"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("ence", "ense"),
    ("dgement", "dgment"),
    ("dgements", "dgments"),
    ("mme", "m"),
    ("mmes", "ms"),
)
_BRITISH_INFIXES: tuple[tuple[str, str], ...] = (("our", "or"),)

_CONTRACTION_ENDINGS = frozenset({"s", "ll", "d", "ve", "re", "m"})

# Endings stripped to find a custom word's base: "webinars" -> "webinar", "misrouted" -> "misroute".
_INFLECTIONS: tuple[tuple[str, str], ...] = (
    ("'s", ""),
    ("’s", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ers", ""),
    ("er", ""),
)


@functools.cache
def _dictionary() -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=2)


@functools.cache
def shipped_words() -> frozenset[str]:
    """Support vocabulary the frequency list lacks, one word a line, sorted."""
    text = (Path(__file__).parent / "data" / "spelling-words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=64)
def vocabulary(team_words: tuple[str, ...]) -> frozenset[str]:
    """The shipped support words and the team's own, lower case."""
    return shipped_words() | {word.lower().replace("’", "'") for word in team_words}


def is_known(word: str, extra: frozenset[str]) -> bool:
    """True when `word` (any case, ’ or ') is an English word or one of `extra`, or an
    inflection of one of `extra`, or the British spelling of a known American word."""
    lower = word.lower().replace("’", "'")
    if lower in extra or _inflection_of(lower, extra):
        return True
    dictionary = _dictionary()
    if lower in dictionary:
        return True
    stem, apostrophe, ending = lower.rpartition("'")
    if apostrophe and ending in _CONTRACTION_ENDINGS and stem in dictionary:
        return True  # "that'll", "Maria's", "nobody'd"
    return any(variant in dictionary for variant in _american_forms(lower))


def is_common_word(word: str, min_frequency: float) -> bool:
    """True when the lower-case `word` is an everyday English word (used to tell shouting
    "PLEASE" from an acronym such as "SLA")."""
    lower = word.lower()
    dictionary = _dictionary()
    return lower in dictionary and dictionary.word_usage_frequency(lower) >= min_frequency


def correction(word: str) -> str | None:
    """The likeliest intended word, in the case of the original, or None.

    A missing apostrophe ("dont") is tried first; then known words one edit away, then two,
    preferring those that keep the first letter (typos rarely change it: "adress" means
    "address", not "dress") and then the most frequent."""
    lower = word.lower().replace("’", "'")
    dictionary = _dictionary()
    apostrophe = [f"{lower[:i]}'{lower[i:]}" for i in range(1, len(lower))]
    candidates = set(dictionary.known(c for c in apostrophe if c in dictionary))
    if not candidates:
        candidates = set(dictionary.known(dictionary.edit_distance_1(lower)))
    if not candidates and _MIN_LENGTH_FOR_TWO_EDITS <= len(lower) <= _MAX_LENGTH_FOR_TWO_EDITS:
        candidates = set(dictionary.known(dictionary.edit_distance_2(lower)))
    candidates.discard(lower)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c[0] == lower[0], dictionary.word_usage_frequency(c), c))
    if best in ("i", "i'm", "i've", "i'll", "i'd"):
        best = "I" + best[1:]
    return _in_case_of(word, best)


def _in_case_of(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def _inflection_of(lower: str, extra: frozenset[str]) -> bool:
    for ending, base_ending in _INFLECTIONS:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            base = lower[: -len(ending)] + base_ending
            if base in extra:
                return True
            # "unticked" from "untick", but also "shipped" from "ship": a doubled last letter.
            if base_ending == "" and len(base) > 2 and base[-1] == base[-2] and base[:-1] in extra:
                return True
    return False


def _american_forms(lower: str) -> Iterable[str]:
    for british, american in _BRITISH_ENDINGS:
        if lower.endswith(british):
            yield lower[: -len(british)] + american
    for british, american in _BRITISH_INFIXES:
        if british in lower:
            yield lower.replace(british, american)
