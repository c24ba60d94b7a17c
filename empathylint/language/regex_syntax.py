"""Python's regular-expression syntax read into a small tree, for the backtracking analysis
in regex_safety.py. Only patterns that `re.compile` has accepted are read, so the reader
need not report errors; it understands what the analysis needs: characters and classes,
groups (capturing, atomic, lookaround, conditional), alternation, repeats (greedy, lazy,
possessive), anchors, backreferences, and the i, s and x flags, global or scoped.

(Python's own parser, re._parser, is private: its shape changes between versions.)"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field

UNBOUNDED = None


@dataclass(frozen=True)
class Chars:
    """One character out of a set: a literal, a class, `.` or an escape such as \\d."""

    literals: frozenset[str] = frozenset()
    ranges: tuple[tuple[str, str], ...] = ()
    categories: frozenset[str] = frozenset()  # d D w W s S, and "." (any but a newline)
    negate: bool = False
    ignore_case: bool = False
    dot_all: bool = False

    def accepts(self, character: str) -> bool:
        forms = {character, character.lower(), character.upper()} if self.ignore_case else {character}
        inside = any(self._member(form) for form in forms)
        return inside != self.negate

    def _member(self, character: str) -> bool:
        if character in self.literals:
            return True
        if any(low <= character <= high for low, high in self.ranges):
            return True
        return any(_in_category(category, character, self.dot_all) for category in self.categories)

    def endpoints(self) -> set[str]:
        """Characters the pattern names, so that an overlap between two sets shows on them."""
        return set(self.literals) | {end for pair in self.ranges for end in pair}


def _in_category(category: str, character: str, dot_all: bool) -> bool:
    if category == ".":
        return dot_all or character != "\n"
    test = {
        "d": character.isdecimal(),
        "w": character.isalnum() or character == "_",
        "s": character.isspace(),
    }[category.lower()]
    return test if category.islower() else not test


@dataclass(frozen=True)
class Sequence:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Alternation:
    branches: tuple[Node, ...]


@dataclass(frozen=True)
class Repeat:
    body: Node
    minimum: int
    maximum: int | None
    possessive: bool = False


@dataclass(frozen=True)
class Group:
    """A group the engine can backtrack into; `atomic` ((?>…)) it cannot."""

    body: Node
    atomic: bool = False


@dataclass(frozen=True)
class Lookaround:
    body: Node
    behind: bool
    negative: bool = False


@dataclass(frozen=True)
class Anchor:
    """^ $ \\A \\Z \\b \\B: zero width; `restricts` when it pins where a match may start."""

    kind: str

    @property
    def restricts(self) -> bool:
        return self.kind in ("^", "A", "b")


@dataclass(frozen=True)
class Backreference:
    """Text a group matched before: what that group can match (`target`), or anything at
    all when the group is not known yet where the reference stands."""

    target: Node | None = None


Node = Chars | Sequence | Alternation | Repeat | Group | Lookaround | Anchor | Backreference

_ESCAPED_CHARACTERS = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


@dataclass
class _Reader:
    pattern: str
    position: int = 0
    flags: set[str] = field(default_factory=set)
    # Capturing groups by number (from 1), each filled in when it closes; and by name.
    groups: list[Node | None] = field(default_factory=lambda: [None])
    names: dict[str, int] = field(default_factory=dict)

    def capture(self, flags: set[str], name: str | None = None) -> Node:
        """A capturing group: numbered when it opens, as Python numbers them."""
        number = len(self.groups)
        self.groups.append(None)
        if name is not None:
            self.names[name] = number
        body = _alternation(self, flags)
        self.groups[number] = body
        return body

    def reference(self, number: int) -> Backreference:
        target = self.groups[number] if number < len(self.groups) else None
        return Backreference(target)

    def peek(self, count: int = 1) -> str:
        return self.pattern[self.position : self.position + count]

    def take(self, count: int = 1) -> str:
        text = self.pattern[self.position : self.position + count]
        self.position += count
        return text

    def at_end(self) -> bool:
        return self.position >= len(self.pattern)

    def skip_verbose_space(self, flags: set[str]) -> None:
        if "x" not in flags:
            return
        while not self.at_end():
            if self.peek().isspace():
                self.position += 1
            elif self.peek() == "#":
                end = self.pattern.find("\n", self.position)
                self.position = len(self.pattern) if end == -1 else end + 1
            else:
                return


def parse(pattern: str, flags: int = 0) -> Node:
    """The tree of a pattern `re.compile` accepts (with the re flags it was compiled with)."""
    import re

    names = {re.IGNORECASE: "i", re.DOTALL: "s", re.VERBOSE: "x", re.MULTILINE: "m"}
    reader = _Reader(pattern, flags={name for flag, name in names.items() if flags & flag})
    _leading_global_flags(reader)
    return _alternation(reader, set(reader.flags))


def _leading_global_flags(reader: _Reader) -> None:
    """(?aimsux) at the start sets flags for the whole pattern."""
    while reader.peek(2) == "(?" and reader.pattern[reader.position + 2 : reader.position + 3] in set("aiLmsux"):
        end = reader.pattern.find(")", reader.position)
        body = reader.pattern[reader.position + 2 : end]
        if not body.isalpha():
            return
        reader.flags |= set(body)
        reader.position = end + 1


def _alternation(reader: _Reader, flags: set[str]) -> Node:
    branches = [_sequence(reader, flags)]
    while reader.peek() == "|":
        reader.take()
        branches.append(_sequence(reader, flags))
    return branches[0] if len(branches) == 1 else Alternation(tuple(branches))


# Characters that are no plain literal where they stand, or that make the one before them
# something else than a plain literal.
_NOT_PLAIN = frozenset("\\[](){}|.^$*+?")


def _sequence(reader: _Reader, flags: set[str]) -> Node:
    items: list[Node] = []
    pattern, plain = reader.pattern, "x" not in flags
    while True:
        reader.skip_verbose_space(flags)
        if reader.at_end() or reader.peek() in "|)":
            break
        at = reader.position
        if plain and pattern[at] not in _NOT_PLAIN and pattern[at + 1 : at + 2] not in _NOT_PLAIN:
            # a plain character, quantified by nothing (the fast way through a list of words)
            reader.position += 1
            items.append(_literal(pattern[at], "i" in flags))
            continue
        atom = _atom(reader, flags)
        if atom is None:
            continue
        reader.skip_verbose_space(flags)
        items.append(_quantified(reader, atom))
    return items[0] if len(items) == 1 else Sequence(tuple(items))


@functools.cache
def _literal(character: str, ignore_case: bool) -> Chars:
    return Chars(literals=frozenset(character), ignore_case=ignore_case)


def _quantified(reader: _Reader, atom: Node) -> Node:
    bounds = _quantifier(reader)
    if bounds is None:
        return atom
    minimum, maximum = bounds
    possessive = False
    if reader.peek() == "?":
        reader.take()
    elif reader.peek() == "+":
        reader.take()
        possessive = True
    return Repeat(atom, minimum, maximum, possessive)


def _quantifier(reader: _Reader) -> tuple[int, int | None] | None:
    symbol = reader.peek()
    if symbol in "*+?" and symbol:
        reader.take()
        return {"*": (0, UNBOUNDED), "+": (1, UNBOUNDED), "?": (0, 1)}[symbol]
    if symbol != "{":
        return None
    end = reader.pattern.find("}", reader.position)
    inside = reader.pattern[reader.position + 1 : end] if end != -1 else ""
    low, comma, high = inside.partition(",")
    if end == -1 or not (low.isdigit() or (comma and (not low or low.isdigit()))) or (high and not high.isdigit()):
        return None  # a literal "{"
    if not low and not comma:
        return None
    reader.position = end + 1
    minimum = int(low) if low else 0
    if not comma:
        return minimum, minimum
    return minimum, int(high) if high else UNBOUNDED


def _atom(reader: _Reader, flags: set[str]) -> Node | None:
    character = reader.take()
    if character == "(":
        return _group(reader, flags)
    if character == "[":
        return _class(reader, flags)
    if character == "\\":
        return _escape(reader, flags)
    if character == ".":
        return Chars(categories=frozenset("."), dot_all="s" in flags)
    if character in "^$":
        return Anchor(character)
    return Chars(literals=frozenset(character), ignore_case="i" in flags)


def _group(reader: _Reader, flags: set[str]) -> Node | None:
    if reader.peek() != "?":
        return _closed(reader, Group(reader.capture(flags)))
    reader.take()
    kind = reader.peek()
    if kind == "#":
        reader.position = reader.pattern.index(")", reader.position) + 1
        return None
    if kind in ":>":
        reader.take()
        return _closed(reader, Group(_alternation(reader, flags), atomic=kind == ">"))
    if kind in "=!":
        reader.take()
        return _closed(reader, Lookaround(_alternation(reader, flags), behind=False, negative=kind == "!"))
    if reader.peek(2) in ("<=", "<!"):
        negative = reader.take(2) == "<!"
        return _closed(reader, Lookaround(_alternation(reader, flags), behind=True, negative=negative))
    if kind == "P":
        reader.take()
        if reader.take() == "=":
            end = reader.pattern.index(")", reader.position)
            name = reader.pattern[reader.position : end]
            reader.position = end + 1
            return reader.reference(reader.names.get(name, len(reader.groups)))
        end = reader.pattern.index(">", reader.position)
        name = reader.pattern[reader.position + 1 : end]
        reader.position = end + 1
        return _closed(reader, Group(reader.capture(flags, name)))
    if kind == "(":
        reader.position = reader.pattern.index(")", reader.position) + 1
        return _closed(reader, Group(_alternation(reader, flags)))  # (?(id)yes|no)
    return _scoped_flags(reader, flags)


def _scoped_flags(reader: _Reader, flags: set[str]) -> Node | None:
    end = reader.position
    while reader.pattern[end] not in ":)":
        end += 1
    on, _, off = reader.pattern[reader.position : end].partition("-")
    reader.position = end + 1
    if reader.pattern[end] == ")":  # global flags after the start: already in force
        return None
    scoped = (flags | set(on)) - set(off)
    return _closed(reader, Group(_alternation(reader, scoped)))


def _closed(reader: _Reader, node: Node) -> Node:
    reader.take()  # ")"
    return node


def _escape(reader: _Reader, flags: set[str]) -> Node:
    character = reader.take()
    if character in "dDwWsS":
        return Chars(categories=frozenset(character))
    if character in "bBAZ":
        return Anchor(character)
    if character.isdigit() and character != "0" and not (reader.peek(2).isdigit() and len(reader.peek(2)) == 2):
        digits = character
        if reader.peek().isdigit():
            digits += reader.take()
        return reader.reference(int(digits))
    return Chars(literals=frozenset(_escaped_character(reader, character)), ignore_case="i" in flags)


def _escaped_character(reader: _Reader, character: str) -> str:
    """The character an escape stands for: \\n, \\x41, \\u00e9, \\N{EM DASH}, octal, or itself."""
    if character in _ESCAPED_CHARACTERS:
        return _ESCAPED_CHARACTERS[character]
    if character in "xuU":
        digits = reader.take({"x": 2, "u": 4, "U": 8}[character])
        return chr(int(digits, 16))
    if character == "N":
        end = reader.pattern.index("}", reader.position)
        name = reader.pattern[reader.position + 1 : end]
        reader.position = end + 1
        return unicodedata.lookup(name)
    if character.isdigit():
        digits = character
        while len(digits) < 3 and reader.peek() in "01234567" and reader.peek():
            digits += reader.take()
        return chr(int(digits, 8))
    return character


def _class(reader: _Reader, flags: set[str]) -> Chars:
    negate = reader.peek() == "^"
    if negate:
        reader.take()
    literals: set[str] = set()
    ranges: list[tuple[str, str]] = []
    categories: set[str] = set()
    first = True
    while first or reader.peek() != "]":
        first = False
        character = reader.take()
        if character == "\\":
            escaped = reader.take()
            if escaped in "dDwWsS":
                categories.add(escaped)
                continue
            character = "\b" if escaped == "b" else _escaped_character(reader, escaped)
        if reader.peek() == "-" and reader.pattern[reader.position + 1 : reader.position + 2] not in ("]", ""):
            reader.take()
            high = reader.take()
            if high == "\\":
                high = _escaped_character(reader, reader.take())
            ranges.append((character, high))
        else:
            literals.add(character)
    reader.take()  # "]"
    return Chars(frozenset(literals), tuple(ranges), frozenset(categories), negate, "i" in flags)
