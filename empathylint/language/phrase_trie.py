"""A phrase list as a trie of dicts, matched in plain Python with the semantics of the regex
"longest phrase first" alternation (`phrases.compile_phrases` says which).

Building a regex for a list took milliseconds in `re`'s compiler (half of a cold run went to
compiling patterns); building dicts takes microseconds. A text is cut once into the places
where a phrase may start (after a character that is no word character), each keyed by its
folded first word; a list only walks its trie from the places whose key begins one of its
phrases. Case is folded as `re.IGNORECASE` folds it (a test checks every code point)."""

from __future__ import annotations

import bisect
import functools
import re
import weakref
from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

# Characters that IGNORECASE holds equal beyond their simple lower case, one class a word:
# the first character is the class's key. One is left out: IGNORECASE also holds U+0345
# (combining ypogegrammeni, no word character) equal to iota, but folding it to a letter
# would join words that `\w` keeps apart; it folds to itself.
_CASE_CLASSES = (
    "iI\u0130\u0131 sS\u017f \xb5\u039c\u03bc \u03b9\u0399\u1fbe \u0390\u1fd3 "
    "\u03b2\u0392\u03d0 \u03b5\u0395\u03f5 \u03b8\u0398\u03d1\u03f4 \u03ba\u039a\u03f0 "
    "\u03c0\u03a0\u03d6 \u03c1\u03a1\u03f1 \u03c2\u03a3\u03c3 \u03c6\u03a6\u03d5 \u03b0\u1fe3 "
    "\u0432\u0412\u1c80 \u0434\u0414\u1c81 \u043e\u041e\u1c82 \u0441\u0421\u1c83 "
    "\u0442\u0422\u1c84\u1c85 \u044a\u042a\u1c86 \u0463\u0462\u1c87 \u1c88\ua64a\ua64b "
    "\u1e61\u1e60\u1e9b \ufb05\ufb06"
)
_FOLDS = {member: word[0] for word in _CASE_CLASSES.split() for member in word} | {"\u2019": "'"}
# With these translated first, `str.lower` folds the rest one character for one character.
_FOLD_TABLE = str.maketrans(_FOLDS)

SPACE = " "  # a trie key: any run of whitespace
GAP = "\t"  # a trie key: `…`, up to six words
_END = ""  # a trie key: a phrase ends here (its value is the phrase's rank)
_GAP_WORDS = 6


def fold(text: str) -> str:
    """The text as IGNORECASE compares it, a character for a character; either apostrophe
    as a plain one."""
    return text.translate(_FOLD_TABLE).lower()


def _is_word(character: str) -> bool:
    """`\\w` as `re` reads it."""
    return character.isalnum() or character == "_"


def _is_gap_word(character: str) -> bool:
    return character.isalnum() or character in "_'-"


# A match is handed out as `re.Match`, as a regex would give it: this pattern's match over
# exactly the phrase's characters.
_SPAN = re.compile(".*", re.DOTALL)


def _found(text: str, start: int, end: int) -> re.Match[str]:
    span = _SPAN.match(text, start, end)
    assert span is not None
    return span


class PhraseTrie:
    """The phrases (as folded atoms: characters, SPACE, GAP), ranked longest first, as a trie;
    `search`, `match` and `finditer` take the arguments of `re.Pattern`'s."""

    def __init__(self, spelled: list[list[str]], word_characters: str) -> None:
        self._root: dict[str, Any] = {}
        for rank, atoms in enumerate(spelled):
            node = self._root
            for atom in atoms:
                node = node.setdefault(atom, {})
            node.setdefault(_END, rank)
        # Where the trie stands after each first key: a place whose key is one goes on from
        # there (within a run of word characters no phrase can end, nor a gap open).
        self._after_first: dict[str, dict[str, Any]] = {}
        for atoms in spelled:
            key = _first_key(atoms)
            if key not in self._after_first:
                self._after_first[key] = functools.reduce(dict.__getitem__, key, self._root) if key != SPACE else {}
        self._first_keys = self._after_first.keys()
        self._opens_with_gap = SPACE in self._first_keys
        self._remembered = _NOTHING_REMEMBERED
        self._extra = _extra_word_characters(word_characters)
        self._word_characters = word_characters

    def _is_boundary(self, text: str, position: int, endpos: int) -> bool:
        """Whether no word character stands at `position` (the text ends at `endpos`)."""
        if position >= endpos:
            return True
        character = text[position]
        return not (_is_word(character) or character in self._extra)

    def _may_start(self, text: str, position: int) -> bool:
        return position == 0 or self._is_boundary(text, position - 1, len(text))

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        folded = _folded(text)
        if pos > endpos or not self._may_start(folded, pos):
            return None
        end = self._match_at(folded, pos, endpos)
        return None if end is None else _found(text, pos, end)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """A phrase from `pos` to `endpos` exactly (not only the one `match` gives there)."""
        endpos = len(text) if endpos is None else min(endpos, len(text))
        folded = _folded(text)
        if pos > endpos or not self._may_start(folded, pos):
            return None
        found: list[tuple[int, int]] = []
        self._walk(self._root, folded, pos, endpos, found)
        return _found(text, pos, endpos) if any(end == endpos for _, end in found) else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        folded = _folded(text)
        places = self._gap_places(folded, pos, endpos) if self._opens_with_gap else self._places(folded, pos, endpos)
        cursor = pos
        for start, key in places:
            if start < cursor:
                continue
            end = self._match_at(folded, start, endpos, key)
            if end is not None:
                yield _found(text, start, end)
                cursor = end

    def _places(self, folded: str, pos: int, endpos: int) -> Iterator[tuple[int, str]]:
        """The places in the window whose key opens a phrase, in order, with that key."""
        starts, numbers, names = self._openings(folded)
        for index in range(bisect.bisect_left(starts, pos), bisect.bisect_left(starts, endpos)):
            start, key = starts[index], names[numbers[index]]
            if start + len(key) <= endpos:
                yield start, key
            elif folded[start:endpos] in self._first_keys:  # a word the window's end cuts short
                yield start, folded[start:endpos]
        if 0 < endpos < len(folded) and _is_word(folded[endpos - 1]) and _is_word(folded[endpos]):
            # A word that runs past the window: its first part may be a key its whole is not.
            start = endpos - 1
            while start > pos and _is_word(folded[start - 1]):
                start -= 1
            whole = _place_pattern(self._word_characters).match(folded, start)
            if (
                whole is not None
                and whole.group() not in self._first_keys
                and folded[start:endpos] in self._first_keys
                and self._may_start(folded, start)
            ):
                yield start, folded[start:endpos]

    def _gap_places(self, folded: str, pos: int, endpos: int) -> Iterator[tuple[int, str]]:
        """Every place in the window (a list with a phrase that opens with `…` starts at runs
        of spaces too), read by the regex itself: slower, and as rare as such phrases."""
        for place in _place_pattern(self._word_characters).finditer(folded, pos, endpos):
            key = place.group()
            if key[0].isspace():
                yield place.start(), ""  # from the root: the spaces open the gap
            elif key in self._first_keys:
                yield place.start(), key

    def _openings(self, folded: str) -> tuple[Sequence[int], Sequence[int], list[str]]:
        """Where the folded text has a place whose key opens a phrase, with the number of
        its key among the keys; kept for the last text, which the rules search again
        sentence by sentence. Put in order a piece of the text at a time: a sort holds a
        tuple per place of one piece, not of a whole 10 MB article."""
        remembered = self._remembered
        if remembered[0] is not folded:
            index = _places(folded, self._word_characters)
            names = list(self._first_keys & index.keys())
            opening = [(number, index[name]) for number, name in enumerate(names)]
            starts: array[int] = array("I")
            numbers: array[int] = array("H" if len(names) <= 0xFFFF else "I")
            for begin in range(0, len(folded), _SORTED_PIECE):
                end = begin + _SORTED_PIECE
                found = sorted(
                    (start, number)
                    for number, at in opening
                    for start in at[bisect.bisect_left(at, begin) : bisect.bisect_left(at, end)]
                )
                starts.extend(start for start, _ in found)
                numbers.extend(number for _, number in found)
            remembered = self._remembered = (folded, starts, numbers, names)
            _REMEMBERING.add(self)
        return remembered[1], remembered[2], remembered[3]

    def _match_at(self, text: str, start: int, endpos: int, key: str = "") -> int | None:
        """The end of the first phrase (by rank) that matches at `start`, where the place's
        key (when given) is known to open a phrase."""
        found: list[tuple[int, int]] = []
        if key:
            self._walk(self._after_first[key], text, start + len(key), endpos, found)
        else:
            self._walk(self._root, text, start, endpos, found)
        if not found:
            return None
        first = min(rank for rank, _ in found)
        return next(end for rank, end in found if rank == first)

    def _walk(
        self, node: dict[str, Any] | None, text: str, position: int, endpos: int, found: list[tuple[int, int]]
    ) -> None:
        while node is not None:
            rank = node.get(_END)
            if rank is not None and self._is_boundary(text, position, endpos):
                found.append((rank, position))
            gap = node.get(GAP)
            if gap is not None:
                self._gap(gap, text, position, endpos, found)
            if position >= endpos:
                return
            character = text[position]
            if character.isspace():
                node = node.get(SPACE)
                position += 1
                while position < endpos and text[position].isspace():
                    position += 1
            else:
                node = node.get(character)
                position += 1

    def _gap(self, node: dict[str, Any], text: str, position: int, endpos: int, found: list[tuple[int, int]]) -> None:
        """`(?:\\s+[\\w'’-]+){0,6}?\\s+`, fewest words first, then what follows the gap."""
        for _ in range(_GAP_WORDS + 1):
            if position >= endpos or not text[position].isspace():
                return
            after = position + 1
            while after < endpos and text[after].isspace():
                after += 1
            rank = node.get(_END)
            if rank is not None and after - position >= 2 and not self._is_boundary(text, after, endpos):
                # A phrase ending in a gap: the spaces give one back when a word follows them.
                found.append((rank, after - 1))
            self._walk(node, text, after, endpos, found)
            position = after
            while position < endpos and _is_gap_word(text[position]):
                position += 1
            if position == after:
                return


def _first_key(atoms: list[str]) -> str:
    """The key of the places a phrase can start at (as `_places` keys the text there)."""
    if atoms[0] == GAP:
        return SPACE
    run = ""
    for atom in atoms:
        if len(atom) != 1 or atom in (SPACE, GAP) or not _is_word(atom):
            break
        run += atom
    return run or atoms[0]


def _extra_word_characters(word_characters: str) -> str:
    r"""The characters of a class body such as `\w'’-` besides `\w`."""
    if not word_characters.startswith("\\w"):
        raise ValueError(f"word characters must start with \\w: {word_characters!r}")
    return re.sub(r"\\(.)", r"\1", word_characters[2:])


@functools.cache
def _place_pattern(word_characters: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![{word_characters}])(?:\w+|\s+|.)", re.DOTALL)


def folded(text: str) -> str:
    """The text folded (`fold`), kept for the last few texts."""
    return _folded(text)


def places(text: str, word_characters: str) -> dict[str, array[int]]:
    """Where a phrase may start in the text (after no character of `word_characters`, a
    class body such as `\\w'’`), by folded key, each list in order; kept for the last few
    texts, which every phrase list of a run reads."""
    return _places(_folded(text), word_characters)


# The lists that keep a text's openings (`PhraseTrie._openings`), to let go of them.
_REMEMBERING: weakref.WeakSet[PhraseTrie] = weakref.WeakSet()
_NOTHING_REMEMBERED: tuple[str | None, Sequence[int], Sequence[int], list[str]] = (None, (), (), [])


def forget_texts() -> None:
    """Let go of what is kept for the last texts read (their folded copies, their indexes of
    places, each list's openings in them): called once a document's rules are done, so that
    a 10 MB article's derived views (several times its text) are not held while its findings
    are mapped and reported."""
    _folded.cache_clear()
    _places.cache_clear()
    for trie in list(_REMEMBERING):
        trie._remembered = _NOTHING_REMEMBERED
    _REMEMBERING.clear()


@functools.lru_cache(maxsize=8)
def _folded(text: str) -> str:
    """The text folded, kept for the last few texts, which every list of a run reads again."""
    return fold(text)


@functools.lru_cache(maxsize=4)
def _places(folded: str, word_characters: str) -> dict[str, array[int]]:
    """The places of the last few texts (`index_places`), which every list of a run reads again."""
    return index_places(folded, word_characters, INDEX_PIECE)


# A list's places are put in order this many characters of the text at a time.
_SORTED_PIECE = 262_144
# The text is indexed this many characters at a time (then to the next line's start): the
# regex passes of one piece are all it holds at once, not a string and an int per place of
# a 10 MB article (a few hundred MB).
INDEX_PIECE = 65_536
# Where a piece may end: after a line break, before what is no space. No place runs over it
# (a run of word characters or of spaces stops there), and the character before it is no
# word character, so a place starts there whether the pattern starts there or reads on to it.
_PIECE_END = re.compile(r"\n(?=\S)")


def index_places(folded: str, word_characters: str, piece: int) -> dict[str, array[int]]:
    """Where a phrase may start in the folded text (after no word character), by key: the
    place's run of word characters, its run of spaces, or its one character; the offsets of
    each key in order, four bytes each."""
    pattern = _place_pattern(word_characters)
    index: defaultdict[str, array[int]] = defaultdict(lambda: array("I"))
    begin = 0
    while begin < len(folded):
        cut = _PIECE_END.search(folded, begin + piece)
        end = cut.end() if cut is not None else len(folded)
        starts = [place.start() for place in pattern.finditer(folded, begin, end)]
        for start, key in zip(starts, pattern.findall(folded, begin, end), strict=True):
            index[key].append(start)
        begin = end
    return index
