"""English spelling for the proofread rule: is a word known, and what was likely meant.

The word list is pyspellchecker's bundled English frequencies (MIT, offline). Loading it
through pyspellchecker costs ~0.45 s, more than all the rest of a cold run, so it is read
from a sorted copy in the user cache (empathylint.language.lexicons, a few ms) and words are found by
binary search; the whole list is read into memory only when a correction two edits away has
to test some 10^5 candidates. Suggestions follow pyspellchecker's method (Peter Norvig's:
known words one, then two edits away, over the list's own letters). On top of
it: British spellings are accepted through their American forms ("colour", "organised",
"cancelled"), a shipped list of support vocabulary the frequency list lacks
(data/spelling-words.txt: "screenshot", "webinar"), and the team's own words, with their
plurals and verb forms ("webinars", "misrouted").
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from empathylint.language.lexicons import SortedLexicon, build_text, load, package_data

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


# A typo's candidates (~700 one edit away, ~10^5 two edits away) are looked up one by one
# by binary search (~12 µs each) until the run has looked up this many; then the whole
# list is read into a set (~50 ms, ~17 MB) and every later candidate costs one set lookup.
# A run with a dozen distinct one-edit typos or fewer never pays for the set; one that
# corrects more, or searches two edits away, pays at most about three times what the
# cheaper choice would have cost (the ski-rental rule, renting up to twice the price).
_CANDIDATES_BEFORE_READING_ALL = 8_000
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


class _WordFrequencies:
    """pyspellchecker's English word counts (case variants summed, as it does), with the
    questions the spelling check asks of pyspellchecker answered the same way."""

    def __init__(self, lexicon: SortedLexicon) -> None:
        total, longest, self.letters = lexicon.metadata.split("\t")
        self.total_words = int(total)
        self._longest = int(longest)
        self._lexicon = lexicon
        self._candidates_searched = 0

    @functools.cached_property
    def _all_words(self) -> frozenset[str]:
        return frozenset(self._lexicon.words())

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._lexicon

    def word_usage_frequency(self, word: str) -> float:
        count = self._lexicon.get(word.lower())
        return int(count) / self.total_words if count is not None else 0.0

    def known(self, candidates: Iterable[str]) -> set[str]:
        lowered = [candidate.lower() for candidate in candidates]
        self._candidates_searched += len(lowered)
        if self._candidates_searched > _CANDIDATES_BEFORE_READING_ALL:
            words = self._all_words
            found = {word for word in lowered if word in words}
        else:
            # Searched without the lexicon's memo: candidates rarely come back, and
            # remembering them would grow with every typo of the run.
            search = self._lexicon.search
            found = {word for word in lowered if search(word) is not None}
        return {word for word in found if self._worth_checking(word)}

    def edit_distance_1(self, word: str) -> set[str]:
        """Every string one deletion, transposition, replacement or insertion away."""
        word = word.lower()
        if not self._worth_checking(word):
            return {word}
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {left + right[1:] for left, right in splits if right}
        edits.update(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1)
        edits.update(left + letter + right[1:] for left, right in splits if right for letter in self.letters)
        edits.update(left + letter + right for left, right in splits for letter in self.letters)
        return edits

    def edit_distance_2(self, word: str) -> list[str]:
        return [second for first in self.edit_distance_1(word) for second in self.edit_distance_1(first)]

    def _worth_checking(self, word: str) -> bool:
        """pyspellchecker leaves out punctuation, numbers and words too long to be in its list."""
        if (len(word) == 1 and word in _PUNCTUATION) or len(word) > self._longest + 3:
            return False
        if word in ("nan", "inf", "infinity"):
            return True
        try:
            float(word)
        except ValueError:
            return True
        return False


_FREQUENCIES_SOURCE = ("spellchecker", "resources/en.json.gz")


@functools.cache
def _dictionary() -> _WordFrequencies:
    source = package_data(*_FREQUENCIES_SOURCE)
    return _WordFrequencies(load("spelling-en", source, lambda: _frequencies_text(source)))


def _frequencies_text(source: Path) -> str:
    import gzip
    import json

    counts: dict[str, int] = {}
    for word, count in json.loads(gzip.decompress(source.read_bytes())).items():
        lower = word.lower()
        counts[lower] = counts.get(lower, 0) + count
    letters = "".join(sorted(set().union(*counts)))
    metadata = f"{sum(counts.values())}\t{max(map(len, counts))}\t{letters}"
    return build_text({word: str(count) for word, count in counts.items()}, metadata)


@functools.cache
def shipped_words() -> frozenset[str]:
    """Support vocabulary the frequency list lacks, one word a line, sorted."""
    text = (Path(__file__).parent / "data" / "spelling-words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=64)
def vocabulary(team_words: tuple[str, ...]) -> frozenset[str]:
    """The shipped support words and the team's own, lower case."""
    return shipped_words() | {word.lower().replace("’", "'") for word in team_words}


# Asked for every word of every draft, and words repeat from draft to draft.
@functools.lru_cache(maxsize=65_536)
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
    best = _likeliest_word(word.lower().replace("’", "'"))
    return None if best is None else _in_case_of(word, best)


# The same typos recur from draft to draft ("teh", "recieve"), and each costs hundreds of
# look-ups: their answers are remembered, up to a bound.
@functools.lru_cache(maxsize=4_096)
def _likeliest_word(lower: str) -> str | None:
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
    return best


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
