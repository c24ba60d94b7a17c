"""Whether a regular expression can backtrack catastrophically: one analysis for the
patterns users write in checklist.toml (refused when they load) and for every pattern
empathylint compiles itself (tests/test_regex_safety.py).

Python's `re` has no time limit, so a pattern that backtracks catastrophically turns a
pre-commit hook into a hang. Backtracking explodes when the engine can split the same text
in many ways; the shapes found here are:

exponential (a few dozen characters are enough):
  - a repeat whose body holds an unbounded repeat that can hand a character over to what
    follows it, in the body or in the body's next round: (a+)+, (\\w+\\s?)*, (x+x+)+y, and
    the bounded (a+){2,30};
  - a repeat over alternatives that can start with the same character: (a|aa)+, (\\w|\\d)*;
  - a repeat, of more than a few rounds, of something that can also match nothing:
    (a?){30}, (\\s*)+.
polynomial (a long line is enough):
  - two unbounded repeats over overlapping characters with only optional things between
    them, and something after that can fail: a*a*c, \\s+\\s*x;
  - an unbounded repeat at the start of the pattern, with something after it that can fail:
    \\s+$ is tried from every space of a long run of spaces, each try running to its end.

Possessive repeats and atomic groups (a++, (?>a+)) never give characters back, so they are
the way out the messages suggest; an anchor before a leading repeat (\\b, ^, a lookbehind)
pins where a match can start. Characters are compared on a sample that holds every
character the pattern names (and a letter, digit, space, punctuation mark and emoji of
each kind), so two sets overlap here when they share a character that matters."""

from __future__ import annotations

from dataclasses import dataclass

from empathylint.language.regex_syntax import (
    Alternation,
    Anchor,
    Backreference,
    Chars,
    Group,
    Lookaround,
    Node,
    Repeat,
    Sequence,
    parse,
)

# More rounds than this make a repeat count as unbounded: (a+){2,30} explodes like (a+)+.
ROUNDS_THAT_EXPLODE = 6
SAMPLE = frozenset("aAzZéÉßıİ09٣ \t\n\r\u00a0'’\".,;:!?-_—()[]{}<>/\\@#$%&*+=|~^`\ufffc😊")

EXPONENTIAL = "exponential"
POLYNOMIAL = "polynomial"


@dataclass(frozen=True)
class Problem:
    kind: str  # EXPONENTIAL or POLYNOMIAL
    reason: str


def problems(pattern: str, flags: int = 0) -> list[Problem]:
    """How `pattern` (already accepted by re.compile) can backtrack badly; empty when it cannot."""
    tree = parse(pattern, flags)
    return _Analysis(_alphabet(tree)).run(tree)


def _alphabet(tree: Node) -> frozenset[str]:
    named: set[str] = set()
    for node in _walk(tree):
        if isinstance(node, Chars):
            named |= node.endpoints()
    return SAMPLE | {form for character in named for form in (character, character.lower(), character.upper())}


def _walk(node: Node) -> list[Node]:
    found = [node]
    for child in _children(node):
        found += _walk(child)
    return found


def _children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, Sequence):
        return node.items
    if isinstance(node, Alternation):
        return node.branches
    if isinstance(node, (Repeat, Group, Lookaround)):
        return (node.body,)
    return ()


def _flatten(node: Node) -> list[Node]:
    """A node as a sequence, with plain groups opened, so a repeat sees its true neighbours."""
    if isinstance(node, Sequence):
        return [item for child in node.items for item in _flatten(child)]
    if isinstance(node, Group) and not node.atomic:
        return _flatten(node.body)
    return [node]


def _unbounded(node: Node) -> bool:
    return isinstance(node, Repeat) and (node.maximum is None or node.maximum > ROUNDS_THAT_EXPLODE)


def _backtracks(node: Node) -> bool:
    return not (isinstance(node, Repeat) and node.possessive) and not (isinstance(node, Group) and node.atomic)


class _Analysis:
    def __init__(self, alphabet: frozenset[str]) -> None:
        self.alphabet = alphabet
        self.found: list[Problem] = []
        self._sets: dict[Chars, frozenset[str]] = {}

    def run(self, tree: Node) -> list[Problem]:
        self._visit(tree)
        self._leading_repeat(tree)
        return self.found

    def _report(self, kind: str, reason: str) -> None:
        problem = Problem(kind, reason)
        if problem not in self.found:
            self.found.append(problem)

    # --- characters -------------------------------------------------------------------------

    def _set(self, chars: Chars) -> frozenset[str]:
        if chars not in self._sets:
            self._sets[chars] = frozenset(character for character in self.alphabet if chars.accepts(character))
        return self._sets[chars]

    def _first(self, nodes: list[Node]) -> tuple[frozenset[str], bool]:
        """The characters a sequence can start with, and whether it can match nothing."""
        start: set[str] = set()
        for node in nodes:
            first, empty = self._first_of(node)
            start |= first
            if not empty:
                return frozenset(start), False
        return frozenset(start), True

    def _first_of(self, node: Node) -> tuple[frozenset[str], bool]:
        if isinstance(node, Chars):
            return self._set(node), False
        if isinstance(node, Repeat):
            first, empty = self._first_of(node.body)
            return first, empty or node.minimum == 0
        if isinstance(node, Sequence):
            return self._first(_flatten(node))
        if isinstance(node, Group):
            return self._first(_flatten(node.body))
        if isinstance(node, Alternation):
            starts = [self._first_of(branch) for branch in node.branches]
            return frozenset().union(*(first for first, _ in starts)), any(empty for _, empty in starts)
        if isinstance(node, Backreference):
            return self._first_of(node.target) if node.target is not None else (self.alphabet, True)
        return frozenset(), True  # anchors and lookarounds take no character

    def _can_fail(self, nodes: list[Node]) -> bool:
        """Whether a sequence can fail to match where it is tried (it needs a character, or
        asserts something)."""
        return any(not self._first_of(node)[1] or isinstance(node, (Anchor, Lookaround)) for node in nodes)

    # --- the shapes ---------------------------------------------------------------------------

    def _visit(self, node: Node) -> None:
        if isinstance(node, Repeat) and not node.possessive:
            self._repeated_body(node)
        if isinstance(node, (Sequence, Group)):
            self._adjacent_repeats(_flatten(node))
        for child in _children(node):
            self._visit(child)

    def _repeated_body(self, repeat: Repeat) -> None:
        body = _flatten(repeat.body)
        first, body_empty = self._first(body)
        if not _unbounded(repeat):
            return  # a few rounds split a text in few ways
        for index, node in enumerate(body):
            follow, rest_empty = self._first(body[index + 1 :])
            if rest_empty:
                follow |= first  # the next round of the repeat follows
            if isinstance(node, Alternation):
                self._overlapping_alternatives(node, follow)
            if _unbounded(node) and _backtracks(node) and isinstance(node, Repeat):
                inner, _ = self._first_of(node.body)
                if inner & follow:
                    self._report(EXPONENTIAL, f"a repeat inside a repeat, both able to take {_shown(inner & follow)}")
        if body_empty and first:
            self._report(EXPONENTIAL, "a repeat of something that can also match nothing")

    def _overlapping_alternatives(self, alternation: Alternation, follow: frozenset[str]) -> None:
        starts = []
        for branch in _factored(alternation.branches):
            first, empty = self._first(branch)
            starts.append(first | follow if empty else first)
        for index, left in enumerate(starts):
            for right in starts[index + 1 :]:
                if left & right:
                    shared = _shown(left & right)
                    self._report(
                        EXPONENTIAL,
                        f"a repeat over alternatives that can match the same text (both can start with {shared})",
                    )

    def _adjacent_repeats(self, items: list[Node]) -> None:
        for index, node in enumerate(items):
            if not (_unbounded(node) and _backtracks(node)) or not isinstance(node, Repeat):
                continue
            taken, _ = self._first_of(node.body)
            for later_index in range(index + 1, len(items)):
                later = items[later_index]
                if _unbounded(later) and _backtracks(later) and isinstance(later, Repeat):
                    shared = taken & self._first_of(later.body)[0]
                    if shared and self._can_fail(items[later_index + 1 :]):
                        self._report(POLYNOMIAL, f"two repeats in a row that can both take {_shown(shared)}")
                    break
                if not self._first_of(later)[1]:
                    break  # something that must take a character stands between them

    def _leading_repeat(self, tree: Node) -> None:
        items = _flatten(tree)
        for index, node in enumerate(items):
            if (isinstance(node, Anchor) and node.restricts) or (isinstance(node, Lookaround) and node.behind):
                return
            if isinstance(node, Repeat) and node.maximum is None:
                if self._can_fail(items[index + 1 :]):
                    self._report(
                        POLYNOMIAL,
                        "an unbounded repeat at the start, tried again from every character of a long run",
                    )
                return
            if not self._first_of(node)[1]:
                return


def _factored(branches: tuple[Node, ...]) -> list[list[Node]]:
    """Alternatives with the characters they all start with set aside, as Python's compiler
    does: (a|ab) is a(|b), whose alternatives start apart."""
    flat = [_flatten(branch) for branch in branches]
    while all(items and isinstance(items[0], Chars) for items in flat) and len({items[0] for items in flat}) == 1:
        flat = [items[1:] for items in flat]
    return flat


def _shown(characters: frozenset[str]) -> str:
    return " ".join(repr(character) for character in sorted(characters)[:4])
