"""What every match of a grammar pattern starts with, read from the pattern's head: its
zero-width items, then its first few groups, classes and escapes (regex_syntax reads them),
followed as far as the first word ends. A group too long for the head ends it, cut down to
its branches' heads: every match still begins with what the cut head matches. The words
found are looked up where words start (regex_openings.Gated); a pattern whose head opens
with any word or a class of letters has no openings and is scanned whole."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from empathylint.language.phrase_trie import fold
from empathylint.language.regex_openings import FIND, RUN, WORD, Opening, is_word
from empathylint.language.regex_syntax import (
    Alternation,
    Anchor,
    Chars,
    Group,
    Lookaround,
    Node,
    Repeat,
    Sequence,
    parse,
)

# How many groups, classes or escapes a head reads: the first one and those after it, which
# say where its first word ends ("we" before a space or "'ll" is no "were").
_HEAD_ITEMS = 6
# How long a head may grow (the grammar's alternations of word classes run to kilobytes,
# and only their first words matter here).
_HEAD_SIZE = 1200
_QUANTIFIER_OF_NONE = re.compile(r"[*?]|\{0*(?:,|\}|,\d*\})")
_GROUP_OPENING = re.compile(r"\((?:\?(?:P<\w+>|[:>]|[a-zA-Z]*-?[a-zA-Z]*:))?")
_ZERO_WIDTH = ("(?=", "(?!", "(?<=", "(?<!", "\\b", "\\B", "\\A", "\\Z")
# More openings than this are not worth looking up one by one.
_MOST_OPENINGS = 400
# The characters that steer a pattern's structure, for cutting it into branches and items.
_STRUCTURE = re.compile(r"[\\\[()|]")
_QUANTIFIER = re.compile(r"[*+?]|\{\d*,?\d*\}")


@functools.lru_cache(maxsize=256)
def openings(pattern: str, flags: int = 0) -> frozenset[Opening] | None:
    """What every match of the pattern starts with, or None when a match may start with
    anything (or with more openings than are worth looking up)."""
    found: set[Opening] = set()
    for branch in _top_branches(pattern):
        head = _head(branch)
        if not head:
            return None
        read = _openings_of(tuple(_parsed(item, flags) for item in head), place=False)
        if read is None:
            return None
        found |= read
    return frozenset(found) if len(found) <= _MOST_OPENINGS else None


@functools.lru_cache(maxsize=1024)
def _parsed(item: str, flags: int) -> Node:
    """An item of a head read, once: the grammar's patterns share their subjects and hedges."""
    return parse(item, flags)


def _structure(pattern: str, at: int = 0) -> Iterator[tuple[str, int, int, int]]:
    """The `(`, `)` and `|` of the pattern from `at` on, outside classes and escapes: each as
    (character, start, end, depth after it), depth counted from `at`."""
    depth = 0
    while (special := _STRUCTURE.search(pattern, at)) is not None:
        at = special.end()
        character = special.group()
        if character == "\\":
            at += 1
            continue
        if character == "[":
            at = _class_end(pattern, at)
            continue
        depth += {"(": 1, ")": -1}.get(character, 0)
        yield character, special.start(), at, depth


def _top_branches(pattern: str) -> list[str]:
    """The pattern cut at its top-level `|`."""
    branches, start = [], 0
    for character, begin, end, depth in _structure(pattern):
        if character == "|" and depth == 0:
            branches.append(pattern[start:begin])
            start = end
    return [*branches, pattern[start:]]


def _class_end(pattern: str, at: int) -> int:
    """Where the class whose `[` stands just before `at` ends (after its `]`)."""
    if pattern.startswith("^", at):
        at += 1
    if pattern.startswith("]", at):
        at += 1
    while pattern[at] != "]":
        at += 2 if pattern[at] == "\\" else 1
    return at + 1


def _group_end(pattern: str, at: int) -> int:
    """Where the group whose `(` stands at `at` ends (after its `)`)."""
    for character, _, end, depth in _structure(pattern, at):
        if character == ")" and depth == 0:
            return end
    return len(pattern)


def _head(branch: str, size: int = _HEAD_SIZE, most: int = _HEAD_ITEMS) -> tuple[str, ...]:
    """The branch's first items: its zero-width items, then what it consumes up to a few
    groups, classes or escapes in (plain characters do not count), each with its quantifier.
    A group that would take the head past `size` characters ends it, cut down to its
    branches' heads: every match still begins with what the head matches."""
    items: list[str] = []
    at, counted = 0, 0
    while at < len(branch) and counted < most:
        end = _item_end(branch, at)
        quantifier = _QUANTIFIER.match(branch, end)
        if quantifier is not None:
            end = quantifier.end() + (branch[quantifier.end() : quantifier.end() + 1] in ("?", "+"))
        zero_width = branch.startswith(_ZERO_WIDTH, at)
        if end > size:
            if branch[at] == "(" and not zero_width and not branch.startswith("(?(", at):
                # one round of a repeated group, or none when it may be left out
                optional = quantifier is not None and _QUANTIFIER_OF_NONE.match(quantifier.group()) is not None
                items.append(_cut_down(branch[at : _group_end(branch, at)]) + "?" * optional)
            break
        if branch[at] in "([\\.":
            counted += not zero_width
        items.append(branch[at:end])
        at = end
    return tuple(items)


def _cut_down(group: str) -> str:
    """A group with each of its branches cut down to its head."""
    opening = _GROUP_OPENING.match(group)
    assert opening is not None
    inside = group[opening.end() : -1]
    heads = ("".join(_head(branch, _HEAD_SIZE // 12, 2)) for branch in _top_branches(inside))
    return opening.group() + "|".join(heads) + ")"


def _item_end(branch: str, at: int) -> int:
    """Where the item that starts at `at` ends: a group, a class, an escape or a character."""
    character = branch[at]
    if character == "(":
        return _group_end(branch, at)
    if character == "[":
        return _class_end(branch, at + 1)
    if character != "\\":
        return at + 1
    escaped = branch[at + 1]
    if escaped == "N":
        return branch.index("}", at) + 1
    return at + 2 + {"x": 2, "u": 4, "U": 8}.get(escaped, 0)


def _openings_of(nodes: tuple[Node, ...], *, place: bool) -> frozenset[Opening] | None:
    """The openings of the items in order; `place` once a lookbehind or anchor has said the
    match starts after no word character nor apostrophe."""
    if not nodes:
        return None
    node, rest = nodes[0], nodes[1:]
    if isinstance(node, Sequence):
        return _openings_of(node.items + rest, place=place)
    if isinstance(node, Group):
        return _openings_of((node.body, *rest), place=place)
    if isinstance(node, Alternation):
        found: set[Opening] = set()
        for branch in node.branches:
            read = _openings_of((branch, *rest), place=place)
            if read is None:
                return None
            found |= read
        return frozenset(found)
    if isinstance(node, Lookaround):
        return _openings_of(rest, place=place or (node.behind and _keeps_off_words(node)))
    if isinstance(node, Anchor):
        return _openings_of(rest, place=place or node.kind in ("^", "A"))
    if isinstance(node, Repeat):
        if node.minimum == 0:
            skipped, taken = _openings_of(rest, place=place), _openings_of((node.body,), place=place)
            return None if skipped is None or taken is None else skipped | taken
        if place and _is_word_run(node):
            after = _openings_of(rest, place=False)
            if after is None or any(opening.kind != FIND for opening in after):
                return None
            return frozenset(Opening(RUN, opening.text) for opening in after)
        return _openings_of((node.body,), place=place)
    if isinstance(node, Chars) and _literals(node):
        return frozenset(
            Opening(WORD, text, whole) if place and is_word(text[0]) else Opening(FIND, text)
            for character in _literals(node)
            for text, whole in _continued(fold(character), rest)
        )
    return None


def _continued(text: str, nodes: tuple[Node, ...]) -> set[tuple[str, bool]]:
    """The text with the plain characters that must follow it, and whether its last word
    is known to end there."""
    if text and not is_word(text[-1]) and any(map(is_word, text)):
        return {(text, True)}  # its first word has ended: what follows changes no lookup
    if len(text) > 40 or not nodes:
        return {(text, False)}
    node, rest = nodes[0], nodes[1:]
    if isinstance(node, Sequence):
        return _continued(text, node.items + rest)
    if isinstance(node, Group):
        return _continued(text, (node.body, *rest))
    if isinstance(node, Alternation):
        found = {pair for branch in node.branches for pair in _continued(text, (branch, *rest))}
        return found if len(found) <= _MOST_OPENINGS else {(text, False)}
    if isinstance(node, Chars):
        if _literals(node):
            return {pair for character in _literals(node) for pair in _continued(text + fold(character), rest)}
        return {(text, _keeps_off_words_chars(node))}
    if isinstance(node, Lookaround) and not node.behind and node.negative:
        return {(text, isinstance(node.body, Chars) and "w" in node.body.categories and not node.body.negate)}
    if isinstance(node, Anchor) and node.kind in ("$", "Z"):
        return {(text, True)}
    if isinstance(node, Repeat):
        taken = _continued(text, (node.body, *rest) if node.maximum == 1 else (node.body,))
        return taken if node.minimum > 0 else taken | _continued(text, rest)
    return {(text, False)}


def _literals(chars: Chars) -> frozenset[str]:
    """The few plain characters a class stands for (empty for a wider class)."""
    if chars.negate or chars.ranges or chars.categories or len(chars.literals) > 4:
        return frozenset()
    return chars.literals


def _keeps_off_words(lookbehind: Lookaround) -> bool:
    """Whether the lookbehind puts no word character nor apostrophe just before the match:
    `(?<![\\w'’])`, or one that ends in a space or a stop ("(?<=because\\s)", "(?<=[.!?]\\s)")."""
    body = lookbehind.body
    if lookbehind.negative:
        return isinstance(body, Chars) and not body.negate and "w" in body.categories and {"'", "’"} <= body.literals
    last = body.items[-1] if isinstance(body, Sequence) and body.items else body
    return isinstance(last, Chars) and _keeps_off_words_chars(last) and not last.literals & {"'", "’"}


def _keeps_off_words_chars(chars: Chars) -> bool:
    """Whether the class holds no word character."""
    if chars.negate:
        return "w" in chars.categories
    return (
        not chars.ranges and chars.categories <= {"s", "W"} and not any(is_word(literal) for literal in chars.literals)
    )


def _is_word_run(repeat: Repeat) -> bool:
    """`\\w+`: word characters, as many as there are."""
    body = repeat.body
    return (
        repeat.maximum is None
        and isinstance(body, Chars)
        and body.categories == {"w"}
        and not (body.negate or body.ranges or body.literals)
    )
