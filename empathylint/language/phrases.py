"""Phrase lists compiled into one matcher each, once per settings object, for the rules.

A phrase is written plainly in checklist.toml ("you failed to", "don't worry"); matching is
case-insensitive, treats ’ and ' alike, lets any run of spaces or a line break stand for a
space, and respects word boundaries. `…` in a phrase stands for up to six words.

A rule's settings hold their matchers (`phrase_matcher`, `phrase_lookup`, `phrase_set`):
each is built the first time a check asks for it and kept with the settings, so a check
only matches."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from empathylint.language.phrase_trie import GAP, SPACE, PhraseTrie, fold

if TYPE_CHECKING:
    from empathylint.document import Span

# What a phrase may not touch on either side: a word character or an apostrophe.
WORD_CHARACTERS = r"\w'’"


@functools.lru_cache(maxsize=1024)
def compile_phrases(phrases: tuple[str, ...], word_characters: str = WORD_CHARACTERS) -> PhraseTrie | None:
    """One matcher over all phrases; where several match at one place, the longest phrase
    wins, as in the regex `(?<![wc])(?:longest|…|shortest)(?![wc])` with IGNORECASE (phrases
    ordered by length, then alphabetically), matches left to right without overlapping. A
    match stands between characters outside `word_characters` (`\\w` and more, as a
    character class body). Built once per list per process: settings objects built again
    from the same lists (each folder's checklist.toml, the language server's every edit)
    share their matchers."""
    spelled = [_atoms(phrase) for phrase in sorted(set(phrases), key=lambda p: (-len(p), p))]
    spelled = [atoms for atoms in spelled if atoms]
    return PhraseTrie(spelled, word_characters) if spelled else None


def _atoms(phrase: str) -> list[str]:
    """The phrase as trie keys: each character folded, SPACE between words, GAP for `…`."""
    atoms: list[str] = []
    for index, word in enumerate(phrase.split()):
        if word == "…":
            atoms.append(GAP)
            continue
        if index and atoms[-1] != GAP:
            atoms.append(SPACE)
        atoms.extend(fold(word))
    return atoms


def find_phrases(pattern: PhraseTrie | None, text: str, within: Span) -> Iterator[re.Match[str]]:
    if pattern is None:
        return
    yield from pattern.finditer(text, within.start, within.end)


def normalize(phrase: str) -> str:
    """The key a matched phrase is looked up by: lower case, plain apostrophes, single spaces."""
    return " ".join(phrase.replace("’", "'").lower().split())


def keyed_by_phrase(table: Mapping[str, str]) -> Mapping[str, str]:
    """`table` with its phrases normalized, to look a matched phrase's entry up by."""
    return {normalize(phrase): value for phrase, value in table.items()}


PhraseMatcher = PhraseTrie | None
"""One matcher over a list's phrases; None for an empty list, which matches nothing."""


def phrase_matcher(*field_names: str) -> functools.cached_property[PhraseMatcher]:
    """A settings attribute: the phrases of these list fields (or the keys of these
    phrase = rewrite tables) as one matcher, built once per settings object."""

    def build(settings: Any) -> PhraseMatcher:
        return compile_phrases(tuple(phrase for name in field_names for phrase in getattr(settings, name)))

    return functools.cached_property(build)


def phrase_lookup(field_name: str) -> functools.cached_property[Mapping[str, str]]:
    """A settings attribute: a phrase = rewrite table keyed by normalized phrase, to look a
    matched phrase's rewrite up by; built once per settings object."""

    def build(settings: Any) -> Mapping[str, str]:
        return keyed_by_phrase(getattr(settings, field_name))

    return functools.cached_property(build)


def phrase_set(field_name: str) -> functools.cached_property[frozenset[str]]:
    """A settings attribute: a list's phrases normalized, to test a word against."""

    def build(settings: Any) -> frozenset[str]:
        return frozenset(map(normalize, getattr(settings, field_name)))

    return functools.cached_property(build)


def match_case(original: str, replacement: str) -> str:
    """Give the replacement the capitalisation of the text it replaces."""
    if not replacement or not original:
        return replacement
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def any_phrase(pattern: PhraseTrie | None, text: str, spans: Sequence[Span]) -> bool:
    return pattern is not None and any(pattern.search(text, s.start, s.end) for s in spans)
