"""Alternations of words for the grammar patterns, written as a trie to keep them small.

`re` compiles a pattern in time about linear in its length, and the refusal grammar repeats
its word classes (hedges, verbs of offering and their forms) in many places: as a flat
alternation they made most of its length. Words sharing a beginning share it in the trie
("offer(?:ing|s)?" for "offering", "offers", "offer"), which matches exactly as the flat
alternation ordered longest first does: words that can match at one place are each the
other plus more (every atom matches one way: a character, either apostrophe, a run of
spaces), the flat alternation tries the longer first, and the trie tries a continuation
before the end (`(?:...)?` is greedy). Where two sibling branches could match the same
character (the same letter in two cases, ’ beside either apostrophe), the trie would try
them in another order, so the flat alternation is kept."""

from __future__ import annotations

import re
from typing import Any

from empathylint.language.phrase_trie import fold

APOSTROPHE = "['’]"
_SPACES = r"\s+"
_END = ""


def word_alternation(words: tuple[str, ...]) -> str:
    """An alternation of words or phrases (longest first), either apostrophe, any spacing."""
    spelled = sorted({" ".join(word.split()) for word in words}, key=lambda w: (-len(w), w))
    root: dict[str, Any] = {}
    for word in spelled:
        node = root
        for atom in _atoms(word):
            node = node.setdefault(atom, {})
        node[_END] = {}
    if not _exclusive(root):
        return "(?:" + "|".join("".join(_atoms(word)) for word in spelled) + ")"
    return "(?:" + _render(root) + ")"


def _atoms(word: str) -> list[str]:
    atoms: list[str] = []
    for index, part in enumerate(word.split(" ")):
        if index:
            atoms.append(_SPACES)
        atoms += [APOSTROPHE if character == "'" else re.escape(character) for character in part]
    return atoms


def _exclusive(node: dict[str, Any]) -> bool:
    """Whether no two sibling atoms can match one character, even ignoring case."""
    keys = [_key(atom) for atom in node if atom != _END]
    return len(set(keys)) == len(keys) and all(_exclusive(child) for atom, child in node.items() if atom != _END)


def _key(atom: str) -> str:
    if atom == APOSTROPHE:
        return "'"
    return atom if atom == _SPACES else fold(atom.removeprefix("\\"))


def _render(node: dict[str, Any]) -> str:
    # Dicts keep insertion order: siblings come in the order of the first (longest) word
    # through them, as in the flat alternation.
    branches = [atom + _render(child) for atom, child in node.items() if atom != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END not in node:
        return body
    return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
