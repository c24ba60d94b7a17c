"""A long text's words read a piece at a time, as lists of strings.

`pattern.findall` over a piece hands back the words' strings without a match object for
each (a several-fold saving on a pass over an article's every word), and a piece at a
time keeps a 10 MB article from holding a list of all its words. The text is cut at a
space: a word pattern never matches a space, and a lookbehind still sees the text before a
piece (only its end is cut), so the pieces' words are the words of the whole, in order."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Characters per piece: large enough that the per-call cost vanishes, small enough that a
# piece's list of words stays a small fraction of the text.
PIECE = 65_536


def findall_by_piece(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None, piece: int = PIECE
) -> Iterator[list[str]]:
    """`pattern.findall(text, start, end)` in consecutive lists, cut at spaces. The pattern
    must have no group, match no space, and need no lookahead into a space after a word
    (the end of a piece reads as the end of the text)."""
    stop = len(text) if end is None else end
    while stop - start > piece:
        cut = text.find(" ", start + piece, stop)
        if cut == -1:
            break
        yield pattern.findall(text, start, cut)
        start = cut
    yield pattern.findall(text, start, stop)
