"""Phrase lists compiled once per run into one regex each, shared by the rules.

A phrase is written plainly in checklist.toml ("you failed to", "don't worry"); matching is
case-insensitive, treats ’ and ' alike, lets any run of spaces or a line break stand for a
space, and respects word boundaries. `…` in a phrase stands for up to six words."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from empathylint import regexes
from empathylint.document import Span

_GAP = r"(?:\s+[\w'’-]+){0,6}?\s+"
# Either apostrophe in a phrase matches both in the text.
_APOSTROPHES = str.maketrans({"'": "['’]", "’": "['’]"})


@functools.lru_cache(maxsize=256)
def compile_phrases(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex over all phrases; where several match at one place, the longest phrase wins."""
    if not phrases:
        return None
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    # An alternation tries its branches in order, so it can be cut into consecutive runs
    # without changing what it matches: each run of plain phrases becomes one trie, and a
    # phrase with a `…` gap (which can match in several ways) stays a branch of its own.
    runs = [list(run) for _, run in itertools.groupby(ordered, key=_has_gap)]
    body = "|".join(
        "|".join(_phrase_pattern(p) for p in run) if _has_gap(run[0]) else _trie_pattern(run) for run in runs
    )
    return regexes.compile(r"(?<![\w'’])(?:" + body + r")(?![\w'’])", re.IGNORECASE)


def _has_gap(phrase: str) -> bool:
    return "…" in phrase.split()


def _phrase_pattern(phrase: str) -> str:
    words = phrase.strip().split()
    out: list[str] = []
    for index, word in enumerate(words):
        if word == "…":
            out.append(_GAP)
            continue
        if index and out[-1] != _GAP:
            out.append(r"\s+")
        out.append(re.escape(word).translate(_APOSTROPHES))
    return "".join(out)


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
    r"""The phrase as regex atoms: one per character and \s+ between words."""
    atoms: list[str] = []
    for index, word in enumerate(phrase.split()):
        if index:
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


def _trie_pattern(ordered: Sequence[str]) -> str:
    """The alternation of `ordered` (longest first), with shared beginnings factored out."""
    root: dict[str, Any] = {}
    for phrase in ordered:
        node = root
        for atom in _atoms(phrase):
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
    """`table` with its phrases normalized, to look a matched phrase's entry up by; built
    once per table rather than once per draft (read it, never change it)."""
    return _keyed_by_phrase(tuple(table.items()))


@functools.lru_cache(maxsize=64)
def _keyed_by_phrase(items: tuple[tuple[str, str], ...]) -> Mapping[str, str]:
    return {normalize(phrase): value for phrase, value in items}


@functools.lru_cache(maxsize=64)
def normalized_set(phrases: tuple[str, ...]) -> frozenset[str]:
    """The phrases normalized, built once per list."""
    return frozenset(map(normalize, phrases))


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
