"""Regular expressions written by users in checklist.toml: checked when the configuration
loads, compiled once per run.

A user's pattern runs over every draft, so one that can backtrack catastrophically turns a
pre-commit hook into a hang. Python's `re` has no timeout; instead we refuse, at load time,
the shapes that cause it: an unbounded repeat whose body can itself repeat unboundedly
(`(a+)+`, `(\\w*)*`), or whose body chooses between alternatives that can start alike or
match nothing (`(a|aa)+`, `(\\w|\\d)+`). Possessive repeats and atomic groups (`a++`,
`(?>a+)`, Python 3.11+) never backtrack, so they are the way out the message suggests.
The check is conservative: it may refuse a pattern that would have been fine, never the
other way round for these shapes."""

from __future__ import annotations

import functools
import re
from typing import Any

try:
    from re import _parser as sre_parse  # type: ignore[attr-defined, unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef, unused-ignore]

_UNBOUNDED = sre_parse.MAXREPEAT
_BACKTRACKING_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT)
# A first-character set we cannot enumerate: assume it overlaps anything.
_ANY_CHARACTER = None
_ENUMERABLE_RANGE = 512


class UnsafePattern(ValueError):
    """A pattern refused before it ever runs, with the reason in words."""


def regex_problem(pattern: str) -> str | None:
    """Why `pattern` cannot be used, in one phrase, or None when it is fine."""
    try:
        parsed = sre_parse.parse(pattern)
        re.compile(pattern)
    except re.error as error:
        return f"invalid regular expression: {error}"
    except (RecursionError, OverflowError):
        return "regular expression too deeply nested"
    nested = _catastrophic(list(parsed), inside_unbounded=False)
    if nested is not None:
        return (
            f"{nested}, which can backtrack catastrophically on a long draft; "
            "use one quantifier, or a possessive one (a++) or an atomic group (?>…)"
        )
    return None


@functools.lru_cache(maxsize=512)
def compile_user_regex(pattern: str) -> re.Pattern[str]:
    """Compile a pattern already accepted by `regex_problem`, once per run."""
    problem = regex_problem(pattern)
    if problem is not None:
        raise UnsafePattern(problem)
    return re.compile(pattern)


def _catastrophic(items: list[tuple[Any, Any]], *, inside_unbounded: bool) -> str | None:
    for op, argument in items:
        if op in _BACKTRACKING_REPEATS:
            _low, high, body = argument
            unbounded = high == _UNBOUNDED
            if unbounded and inside_unbounded:
                return "a repeat inside a repeat"
            if unbounded and _ambiguous_branch(list(body)):
                return "a repeat over alternatives that can match the same text"
            found = _catastrophic(list(body), inside_unbounded=inside_unbounded or unbounded)
            if found is not None:
                return found
        elif op == sre_parse.POSSESSIVE_REPEAT or op == sre_parse.ATOMIC_GROUP:
            continue  # no backtracking into it
        else:
            for child in _children(op, argument):
                found = _catastrophic(child, inside_unbounded=inside_unbounded)
                if found is not None:
                    return found
    return None


def _children(op: Any, argument: Any) -> list[list[tuple[Any, Any]]]:
    if op == sre_parse.SUBPATTERN:
        return [list(argument[3])]
    if op == sre_parse.BRANCH:
        return [list(alternative) for alternative in argument[1]]
    if op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
        return [list(argument[1])]
    if op == sre_parse.GROUPREF_EXISTS:
        return [list(branch) for branch in argument[1:] if branch is not None]
    return []


def _ambiguous_branch(items: list[tuple[Any, Any]]) -> bool:
    """A choice, directly in a repeated body, whose alternatives can start with the same
    character or match nothing: the repeat can then split one text many ways."""
    for op, argument in items:
        if op == sre_parse.SUBPATTERN:
            if _ambiguous_branch(list(argument[3])):
                return True
        elif op == sre_parse.BRANCH:
            firsts = [_first_characters(list(alternative)) for alternative in argument[1]]
            for index, first in enumerate(firsts):
                for other in firsts[index + 1 :]:
                    if first is _ANY_CHARACTER or other is _ANY_CHARACTER or first & other:
                        return True
    return False


def _first_characters(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The characters an alternative can start with, lower-cased, or None when that set is
    open-ended (a class, `.`, an optional start, an empty alternative)."""
    if not items:
        return _ANY_CHARACTER
    op, argument = items[0]
    if op == sre_parse.LITERAL:
        return frozenset({chr(argument).lower()})
    if op == sre_parse.SUBPATTERN:
        return _first_characters(list(argument[3]))
    if op in _BACKTRACKING_REPEATS or op == sre_parse.POSSESSIVE_REPEAT:
        low, _high, body = argument
        return _first_characters(list(body)) if low > 0 else _ANY_CHARACTER
    if op == sre_parse.IN:
        characters: set[str] = set()
        for member, value in argument:
            if member == sre_parse.LITERAL:
                characters.add(chr(value).lower())
            elif member == sre_parse.RANGE and value[1] - value[0] < _ENUMERABLE_RANGE:
                characters.update(chr(code).lower() for code in range(value[0], value[1] + 1))
            else:
                return _ANY_CHARACTER
        return frozenset(characters)
    return _ANY_CHARACTER
