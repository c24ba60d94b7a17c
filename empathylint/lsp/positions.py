"""Offsets in a text ↔ LSP positions: a line, and a column counted in the code units the
client and server agreed on (UTF-16 unless the client offered UTF-8 or UTF-32 and the
server took it). An emoji is one character to Python, two UTF-16 code units and four
UTF-8 bytes: counting characters would put every finding after one in the wrong place.

Pure: no pygls here, so the arithmetic is tested on its own."""

from __future__ import annotations

import bisect
import re

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
# LSP ends a line at \r\n, \r or \n, and nowhere else (not at \u2028 or \x0c as
# str.splitlines does).
_LINE_END = re.compile(r"\r\n|\r|\n")


def newline_of(text: str) -> str:
    """The text's line ending (its first one), "\n" when it has none."""
    found = _LINE_END.search(text)
    return found.group() if found else "\n"


def units(text: str, encoding: str) -> int:
    """How many code units `text` takes in the position encoding."""
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == UTF32:
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class LineIndex:
    """Where each line starts in one version of a text."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0, *(match.end() for match in _LINE_END.finditer(text))]

    def line_end(self, line: int) -> int:
        """The offset where the line's text ends (before its line break)."""
        if line + 1 >= len(self.starts):
            return len(self.text)
        end = self.starts[line + 1]
        if self.text[end - 2 : end] == "\r\n":
            return end - 2
        return end - 1

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, character) of an offset, both 0-based; a line break is never split."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, units(self.text[start : min(offset, self.line_end(line))], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The offset of a position. A line past the end is the end of the text; a character
        past the line's end is its end, and one inside a surrogate pair or a multi-byte
        character is the character's start (as the specification asks of servers)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.line_end(line)
        counted = 0
        for index in range(start, end):
            width = units(self.text[index], self.encoding)
            if counted + width > character:
                return index
            counted += width
        return end
