"""No regex of ours can backtrack catastrophically: checked by construction, not by timing.

Catastrophic backtracking needs a repeat that can split the same text between its
iterations in more than one way: `(a+)+`, `(\\w+\\s?)*`, `(a|ab)*`. This test collects every
pattern empathylint compiles while checking all fixture texts and the examples (in a fresh
process, so that every lazily compiled pattern is compiled in front of the recorder), parses
each with Python's own regex parser, and fails on any unbounded repeat whose body contains
an unbounded repeat that is followed, inside the body or across into the next iteration,
by something that can match the same character; and on any unbounded repeat over
alternatives that can start with the same character."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

# Python's own regex parser: re._parser from 3.11, sre_parse before.
_NEW_NAMES = sys.version_info >= (3, 11)
sre_parse: Any = importlib.import_module("re._parser" if _NEW_NAMES else "sre_parse")
sre: Any = importlib.import_module("re._constants" if _NEW_NAMES else "sre_constants")

ROOT = Path(__file__).resolve().parent.parent

COLLECT = r"""
import json, re, sys
from pathlib import Path
package = str(Path("empathylint").resolve())
seen = {}
original = re._compile
def recording(pattern, flags):
    if isinstance(pattern, str):
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename.startswith(re.__file__.rsplit("/", 1)[0]):
            frame = frame.f_back
        if frame is not None and frame.f_code.co_filename.startswith(package):
            seen[(pattern, int(flags))] = frame.f_code.co_filename
    return original(pattern, flags)
re._compile = recording

import tomllib
from empathylint.checking import CheckOptions, check_paths
from tests.conftest import FIXTURES, case_path, lint_text
for fixture in sorted(FIXTURES.glob("*.toml")):
    for case in tomllib.loads(fixture.read_text(encoding="utf-8"))["case"]:
        lint_text(case["text"], path=case_path(case), customer=case.get("customer"))
from empathylint.config import load_config
from empathylint.rules import RULES
examples = sorted(str(p) for p in Path("examples").rglob("*") if p.is_file())
list(check_paths(examples, load_config(RULES, isolated=True), CheckOptions()))
# Patterns compiled at import time, before the recorder could see them.
for name, module in list(sys.modules.items()):
    if name.startswith("empathylint"):
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                seen.setdefault((value.pattern, int(value.flags)), module.__file__)
print(json.dumps([[p, f, where] for (p, f), where in seen.items()]))
"""


@cache
def collected_patterns() -> list[tuple[str, int, str]]:
    result = subprocess.run(
        [sys.executable, "-c", COLLECT], cwd=ROOT, capture_output=True, text=True, check=True, timeout=600
    )
    return [(pattern, flags, where) for pattern, flags, where in json.loads(result.stdout)]


# Characters that stand for every class a pattern can name: letters (accented, upper),
# digits, spaces, line breaks, apostrophes, punctuation, the object mark, emoji.
SAMPLE = "aAzZéÉß09 \t\n\r'’\".,;:!?-_—()[]{}<>/\\@#$%&*+=|~^`\ufffc😊"
_CATEGORIES: dict[Any, Callable[[str], bool]] = {
    sre.CATEGORY_DIGIT: str.isdigit,
    sre.CATEGORY_NOT_DIGIT: lambda c: not c.isdigit(),
    sre.CATEGORY_SPACE: str.isspace,
    sre.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    sre.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    sre.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
    sre.CATEGORY_LINEBREAK: lambda c: c == "\n",
    sre.CATEGORY_NOT_LINEBREAK: lambda c: c != "\n",
}
Node = tuple[Any, Any]


def _fold(characters: Iterable[str], ignore_case: bool) -> frozenset[str]:
    found = set(characters)
    if ignore_case:
        found |= {c.swapcase() for c in found if len(c.swapcase()) == 1}
    return frozenset(found)


def _in_set(items: list[Node], character: str) -> bool:
    negate = False
    matched = False
    for op, value in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            matched |= ord(character) == value
        elif op is sre.RANGE:
            matched |= value[0] <= ord(character) <= value[1]
        elif op is sre.CATEGORY:
            matched |= _CATEGORIES[value](character)
    return matched != negate


def _single(op: Any, value: Any, ignore_case: bool) -> frozenset[str] | None:
    """The sample characters one character-matching node accepts, or None for other nodes."""
    if op is sre.LITERAL:
        return _fold([chr(value)], ignore_case) & frozenset(SAMPLE) | {chr(value)}
    if op is sre.NOT_LITERAL:
        excluded = _fold([chr(value)], ignore_case)
        return frozenset(c for c in SAMPLE if c not in excluded)
    if op is sre.ANY:
        return frozenset(SAMPLE)
    if op is sre.IN:
        return _fold((c for c in SAMPLE if _in_set(value, c)), ignore_case)
    return None


def _unbounded(op: Any, value: Any) -> bool:
    return op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[1] > 6


def _first(nodes: list[Node], ignore_case: bool) -> tuple[frozenset[str], bool]:
    """Characters a sequence can start with, and whether it can match the empty string."""
    start: set[str] = set()
    for op, value in nodes:
        first, empty = _first_of(op, value, ignore_case)
        start |= first
        if not empty:
            return frozenset(start), False
    return frozenset(start), True


def _first_of(op: Any, value: Any, ignore_case: bool) -> tuple[frozenset[str], bool]:
    single = _single(op, value, ignore_case)
    if single is not None:
        return single, False
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        first, empty = _first(list(value[2]), ignore_case)
        return first, empty or value[0] == 0
    if op is sre.SUBPATTERN:
        return _first(list(value[-1]), ignore_case)
    if op is sre.ATOMIC_GROUP:
        return _first(list(value), ignore_case)
    if op is sre.BRANCH:
        starts = [_first(list(branch), ignore_case) for branch in value[1]]
        return frozenset().union(*(s for s, _ in starts)), any(e for _, e in starts)
    return frozenset(), True  # anchors, lookarounds, group references: zero width here


def _children(op: Any, value: Any) -> list[list[Node]]:
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return [list(value[2])]
    if op is sre.SUBPATTERN:
        return [list(value[-1])]
    if op is sre.BRANCH:
        return [list(branch) for branch in value[1]]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [list(value[1])]
    if op is sre.ATOMIC_GROUP:
        return [list(value)]
    return []


def ambiguities(pattern: str, flags: int) -> list[str]:
    """Why `pattern` can backtrack catastrophically; empty when it cannot."""
    tree = sre_parse.parse(pattern, flags)
    ignore_case = bool(tree.state.flags & re.IGNORECASE)
    found: list[str] = []

    def visit(nodes: list[Node], inside_unbounded: bool) -> None:
        for op, value in nodes:
            if _unbounded(op, value) and op is not sre.POSSESSIVE_REPEAT:
                body = list(value[2])
                found.extend(_ambiguous_body(body, ignore_case))
            for child in _children(op, value):
                visit(child, inside_unbounded or _unbounded(op, value))

    visit(list(tree), False)
    return found


def _ambiguous_body(body: list[Node], ignore_case: bool) -> list[str]:
    """An unbounded repeat's body is ambiguous when an inner unbounded repeat can hand a
    character to what follows it (in the body, or the body's next iteration), or when
    alternatives can start alike."""
    problems = []
    wrap, _ = _first(body, ignore_case)
    flat = _flatten(body)
    for index, (op, value) in enumerate(flat):
        follow, rest_empty = _first(flat[index + 1 :], ignore_case)
        if rest_empty:
            follow |= wrap
        if op is sre.BRANCH:
            # An alternative that can match nothing starts, in effect, with what follows.
            starts = []
            for branch in value[1]:
                first, empty = _first(list(branch), ignore_case)
                starts.append(first | follow if empty else first)
            for i, left in enumerate(starts):
                for right in starts[i + 1 :]:
                    if left & right:
                        problems.append(f"alternatives inside a repeat both start with {sorted(left & right)}")
        if not _unbounded(op, value):
            continue
        item, _ = _first(list(value[2]), ignore_case)
        shared = item & follow
        if shared:
            problems.append(f"a nested repeat and what follows it both match {sorted(shared)}")
    return problems


def _flatten(nodes: list[Node]) -> list[Node]:
    """A sequence with its plain groups opened up, so a repeat sees its true neighbours."""
    flat: list[Node] = []
    for op, value in nodes:
        if op is sre.SUBPATTERN:
            flat.extend(_flatten(list(value[-1])))
        else:
            flat.append((op, value))
    return flat


CATASTROPHES = (
    r"(a+)+$",
    r"(?:\w+\s?)*x",
    r"(?:a|aa)*c",
    r"(?:ab|abc?)+d",
    r"(?:[a-z]+,?)+!",
    r"(\d*)*y",
    r"(?:\S+\s*)+\.",
)
SAFE = (
    r"(?:\S+\s+){2,}\S*",
    r"(?:\s+[\w'’-]+){0,6}?\s+",
    r"\b(?:foo|bar)\b",
    r"[a-z]+(?:-[a-z]+)*",
    r"a*b*",
    r"(?:a|ab)*c",
)


def test_the_checker_finds_the_classic_catastrophes() -> None:
    for dangerous in CATASTROPHES:
        assert ambiguities(dangerous, 0), dangerous
    for safe in SAFE:
        assert not ambiguities(safe, 0), safe


# Patterns the checker flags that cannot backtrack badly, each with the reason; matched by
# a piece of the pattern, so a changed pattern is checked afresh.
REVIEWED = {
    r"(?<=Mr)\.|(?<=Ms)\.": "the dots after Mr, Ms, Mrs and Dr are told apart by their lookbehinds, so only "
    "one alternative can take a given dot, and the repeat is bounded ({0,120})",
}


def test_no_pattern_we_compile_can_backtrack_catastrophically() -> None:
    patterns = collected_patterns()
    assert len(patterns) > 100, "the recorder missed the rules' patterns"
    problems = {
        f"{where}: {pattern[:120]!r}: {'; '.join(sorted(set(found)))}"
        for pattern, flags, where in patterns
        if (found := ambiguities(pattern, flags)) and not any(piece in pattern for piece in REVIEWED)
    }
    assert not problems, "\n".join(sorted(problems))
