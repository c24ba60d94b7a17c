"""Phrase lists compiled into one regex each, once per settings object, for the rules.

A phrase is written plainly in checklist.toml ("you failed to", "don't worry"); matching is
case-insensitive, treats ’ and ' alike, lets any run of spaces or a line break stand for a
space, and respects word boundaries. `…` in a phrase stands for up to six words.

A rule's settings hold their matchers (`phrase_matcher`, `phrase_lookup`, `phrase_set`):
each is built the first time a check asks for it and kept with the settings, so a check
only matches."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from empathylint.document import Span

_GAP = r"(?:\s+[\w'’-]+){0,6}?\s+"


# What a phrase may not touch on either side: a word character or an apostrophe.
WORD_CHARACTERS = r"\w'’"


@functools.lru_cache(maxsize=1024)
def compile_phrases(phrases: tuple[str, ...], word_characters: str = WORD_CHARACTERS) -> re.Pattern[str] | None:
    """One regex over all phrases; where several match at one place, the longest phrase wins.
    A match stands between characters outside `word_characters` (a character class body).
    Built once per list per process: settings objects built again from the same lists (each
    folder's checklist.toml, the language server's every edit) share their matchers."""
    if not phrases:
        return None
    spelled = [_atoms(phrase) for phrase in sorted(set(phrases), key=lambda p: (-len(p), p))]
    by_first = _by_first_character(spelled)
    if by_first is None:
        return re.compile(
            rf"(?<![{word_characters}])(?:" + _alternation(spelled) + rf")(?![{word_characters}])", re.IGNORECASE
        )
    # The first character is matched case-sensitively against every form it can take, so
    # the regex engine skips ahead to the places where one stands instead of trying each
    # position of the text; the branch for it then checks which character that was.
    every_first = "".join(by_first)
    branches = [f"(?<=[{characters}])(?:{_alternation(rests)})" for characters, rests in by_first.items()]
    return re.compile(
        f"(?-i:[{every_first}])" + rf"(?<![{word_characters}].)(?:" + "|".join(branches) + rf")(?![{word_characters}])",
        re.IGNORECASE,
    )


# Characters that IGNORECASE matches to an ASCII letter besides its two cases (a test checks
# this against every code point).
_CASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _by_first_character(spelled: Sequence[list[str]]) -> dict[str, list[list[str]]] | None:
    """The phrases' atoms after the first, grouped by every form their first character can
    take (as a character class body), in the order of the phrases; None when a phrase does
    not start with a plain ASCII character. Groups exclude each other, so their order is free."""
    groups: dict[str, list[list[str]]] = {}
    for atoms in spelled:
        first = atoms[0]
        if first == "['’]":
            forms = "'’"
        elif len(first) == 1 and first.isascii():
            forms = first + first.upper() + _CASE_EXTRAS.get(first, "") if first.isalpha() else first
        elif len(first) == 2 and first[0] == "\\" and first[1].isascii() and not first[1].isalnum():
            forms = first[1]
        else:
            return None
        groups.setdefault("".join(map(re.escape, forms)), []).append(atoms[1:])
    return groups


def _alternation(spelled: Sequence[list[str]]) -> str:
    """The phrases (as atoms, longest first) as one alternation that matches as the plain
    one does. An alternation tries its branches in order, so it can be cut into consecutive
    runs without changing what it matches: each run of plain phrases becomes one trie, and a
    phrase with a `…` gap (which can match in several ways) stays a branch of its own."""
    runs = [list(run) for _, run in itertools.groupby(spelled, key=lambda atoms: _GAP in atoms)]
    return "|".join("|".join("".join(atoms) for atoms in run) if _GAP in run[0] else _trie_pattern(run) for run in runs)


# --- runs of plain phrases as a trie ------------------------------------------------------------
#
# A plain alternation makes the regex engine try every phrase at every word start: with the
# longer lists (a hundred phrases and more) that was a tenth of checking a reply. Phrases
# sharing a beginning share it in the pattern instead ("we\s+(?:are\s+unable\s+to|can['’]t)"),
# so a word start that begins no phrase costs one test. The match is the one the alternation
# "longest phrase first" gives: two phrases without `…` can only both match at one place when
# one is the other plus more words, and a branch that continues is tried before the branch
# that ends there (`(?:...)?` is greedy); branches that differ in their next character or
# space exclude each other, and are kept in the alternation's order all the same. So the trie
# offers the engine the same matches in the same order as the run's alternation, and the
# word-boundary check after it backtracks through them alike.

_END = ""  # the key of a trie node's "a phrase ends here"


def _atoms(phrase: str) -> list[str]:
    r"""The phrase as regex atoms: one per character, \s+ between words, a gap for `…`."""
    atoms: list[str] = []
    for index, word in enumerate(phrase.split()):
        if word == "…":
            atoms.append(_GAP)
            continue
        if index and atoms[-1] != _GAP:
            atoms.append(r"\s+")
        atoms.extend(map(_atom, word))
    return atoms


@functools.cache
def _atom(character: str) -> str:
    """Either apostrophe for an apostrophe; a letter in lower case, as the pattern ignores case."""
    if character in "'’":
        return "['’]"
    lower = character.lower()
    return re.escape(lower if len(lower) == 1 else character)


def _trie_pattern(spelled: Sequence[list[str]]) -> str:
    """The alternation of the phrases' atoms (longest first), shared beginnings factored out."""
    root: dict[str, Any] = {}
    for atoms in spelled:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[_END] = {}
    return _render(root)


def _render(node: dict[str, Any]) -> str:
    # Dicts keep insertion order: siblings come in the order of the first (longest) phrase
    # through them, as in the plain alternation.
    branches = [atom + _render(child) for atom, child in node.items() if atom != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END not in node:
        return body
    return (body if len(branches) > 1 else "(?:" + body + ")") + "?"


def find_phrases(pattern: re.Pattern[str] | None, text: str, within: Span) -> Iterator[re.Match[str]]:
    if pattern is None:
        return
    yield from pattern.finditer(text, within.start, within.end)


def normalize(phrase: str) -> str:
    """The key a matched phrase is looked up by: lower case, plain apostrophes, single spaces."""
    return " ".join(phrase.replace("’", "'").lower().split())


def keyed_by_phrase(table: Mapping[str, str]) -> Mapping[str, str]:
    """`table` with its phrases normalized, to look a matched phrase's entry up by."""
    return {normalize(phrase): value for phrase, value in table.items()}


PhraseMatcher = re.Pattern[str] | None
"""One regex over a list's phrases; None for an empty list, which matches nothing."""


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


def any_phrase(pattern: re.Pattern[str] | None, text: str, spans: Sequence[Span]) -> bool:
    return pattern is not None and any(pattern.search(text, s.start, s.end) for s in spans)
