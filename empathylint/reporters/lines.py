"""The terminal report's lines as plain (text, style) pieces, wrapped once and handed to rich
as segments.

A report of a few hundred files has thousands of lines. Building a rich `Text` for each, then
joining them and letting `Console.print` split, expand and render them again, was two thirds
of a second run's time (issue 19). Here a line is a list of pieces; the few that are wider
than the console are wrapped once, at the word boundaries rich's `Text.wrap(overflow="fold")`
chooses, and `PrintedLines` yields each piece as one `Segment` through rich's console
protocol. rich still decides about colour and writes the escape codes; the output is the
same, character for character, as printing the pieces as `Text`."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions
from rich.control import strip_control_codes
from rich.segment import Segment
from rich.style import Style

# A line of the report as (text, style) pieces, style "" for none.
Pieces = list[tuple[str, str]]

TAB_SIZE = 8
# A word and the spaces after it, as rich divides a line.
_WORD = re.compile(r"\s*\S+\s*")
_WORD_AND_SPACES = re.compile(r"(\s*\S+)\s*")
_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")
_JOINER, _EMOJI_PRESENTATION = "\u200d", "\ufe0f"


class PrintedLines:
    """Lines already wrapped to the console's width, for one `console.print(..., soft_wrap=True)`."""

    def __init__(self, lines: Sequence[Pieces]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        """A segment per styled piece; unstyled text, line breaks included, is written as
        it is, so each run of it is one segment (a report has tens of thousands of pieces).
        Where rich chose no colour system (piped, NO_COLOR) it writes a style as its bare
        text (`Style.render`), so the lines are one segment of text, unless the console
        records them with their styles for an export."""
        if console.color_system is None and not console.record:
            yield Segment("".join(["".join([text for text, _style in line]) + "\n" for line in self.lines]))
            return
        styles: dict[str, Style | None] = {"": None}
        plain: list[str] = []
        for line in self.lines:
            for text, name in line:
                if not text:
                    continue
                style = styles[name] if name in styles else styles.setdefault(name, console.get_style(name))
                if style is None:
                    plain.append(text)
                    continue
                if plain:
                    yield Segment("".join(plain))
                    plain.clear()
                yield Segment(text, style)
            plain.append("\n")
        if plain:
            yield Segment("".join(plain))


# Lines handed to rich in one print: few prints, since each costs rich as much as a file's
# lines, but not one for a whole run: rich holds a print's segments until it writes them,
# and the report of a 10 MB article has tens of thousands of findings.
PRINT_BATCH = 1_000


def print_lines(console: Console, lines: Iterable[Pieces]) -> None:
    """The lines, each already wrapped to the console's width, in prints of PRINT_BATCH lines
    (the same text as one print: every line ends with its own line break)."""
    remaining = iter(lines)
    while batch := list(itertools.islice(remaining, PRINT_BATCH)):
        console.print(PrintedLines(batch), soft_wrap=True)


def wrap(pieces: Pieces, width: int, indent: int) -> list[Pieces]:
    """A line of the report wrapped at word boundaries to `width` columns, every continuation
    line indented by `indent` columns (the continuation wrapped to at least 20 columns).
    Control codes are dropped and tabs expanded, as rich's `Text` does."""
    plain = "".join(text for text, _style in pieces)
    if plain.isprintable():  # no control code, tab or newline: the common line
        lines, fits = [pieces], cells(plain) <= width
    else:
        lines, fits = as_printed(pieces), cells(strip_control_codes(plain)) <= width
    if fits:
        return lines
    first, *rest = [folded for line in lines for folded in _fold(line, width)]
    if not rest:
        return [first]
    joined: Pieces = []
    for number, line in enumerate(rest):
        joined += [(" ", ""), *line] if number else line
    return [first, *([(" " * indent, ""), *line] for line in _fold(joined, max(20, width - indent)))]


def as_printed(pieces: Pieces) -> list[Pieces]:
    """The pieces as rich prints them unwrapped: control codes dropped, a line of their own
    after each newline, tabs expanded."""
    joined = "".join(text for text, _style in pieces)
    if joined.isprintable():  # no control code, tab or newline: the common line, as it is
        return [pieces]
    if strip_control_codes(joined) != joined:
        pieces = [(strip_control_codes(text), style) for text, style in pieces]
    return [_expand_tabs(line) for line in _split_lines(pieces)]


def cells(text: str) -> int:
    """The cells `text` takes, as rich counts them; printable ASCII takes one a character.

    A line with a curly quote or an emoji is most of a real report's lines, and rich
    measures such a line a character at a time: here only the characters other than
    printable ASCII are measured, each distinct one once, since a line's width is the sum
    of its characters' widths. Not so with a zero-width joiner or variation selector 16,
    which join characters into one glyph: rich measures that line whole."""
    if text.isascii() and text.isprintable():
        return len(text)
    if _JOINER in text or _EMOJI_PRESENTATION in text:
        return cell_len(text)
    others = Counter(_NOT_PRINTABLE_ASCII.findall(text))
    return len(text) - others.total() + sum(cell_len(character) * count for character, count in others.items())


def _split_lines(pieces: Pieces) -> list[Pieces]:
    """The pieces cut at each newline into lines of their own."""
    if not any("\n" in text for text, _style in pieces):
        return [pieces]
    lines: list[Pieces] = [[]]
    for text, style in pieces:
        first, *others = text.split("\n")
        lines[-1].append((first, style))
        lines.extend([(other, style)] for other in others)
    return lines


def _expand_tabs(line: Pieces) -> Pieces:
    """Each tab as spaces to the next tab stop, in the style of the piece it was in, the
    piece cut after them (rich expands a tab so, and prints each part apart)."""
    if not any("\t" in text for text, _style in line):
        return line
    expanded: Pieces = []
    column = 0
    for text, style in line:
        *ended, last = text.split("\t")
        for part in ended:
            column += cell_len(part)
            spaces = TAB_SIZE - column % TAB_SIZE
            expanded.append((part + " " * spaces, style))
            column += spaces
        expanded.append((last, style))
        column += cell_len(last)
    return expanded


def _fold(line: Pieces, width: int) -> list[Pieces]:
    """The line divided where rich's word wrap divides it, each part without the spaces it
    was broken at."""
    plain = "".join(text for text, _style in line)
    bounds = [0, *_breaks(plain, width), len(plain)]
    return [_slice(line, start, len(plain[start:end].rstrip()) + start) for start, end in itertools.pairwise(bounds)]


def _breaks(text: str, width: int) -> list[int]:
    """Where rich's `divide_line` breaks `text` to fit `width` cells, folding a word wider
    than a whole line."""
    if text.isascii() and text.isprintable():
        return _ascii_breaks(text, width)
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = _word_cells(word.rstrip())
        if width - offset >= length:
            offset += _word_cells(word)
        elif length > width:
            offset = _fold_word(word, start, width, breaks)
        elif offset and start:
            breaks.append(start)
            offset = _word_cells(word)
    return breaks


def _word_cells(word: str) -> int:
    """The cells a word takes: words repeat, and rich keeps the width of each short
    string it has measured."""
    return len(word) if word.isascii() and word.isprintable() else cell_len(word)


def _ascii_breaks(text: str, width: int) -> list[int]:
    """_breaks for printable ASCII, most of a report, where a character takes a cell: each
    word's width is where its match ends, with or without the spaces after it."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD_AND_SPACES.finditer(text):
        start, length, spaced = match.start(), match.end(1) - match.start(), match.end() - match.start()
        if width - offset >= length:
            offset += spaced
        elif length > width:
            offset = _fold_word(match.group(), start, width, breaks)
        elif offset and start:
            breaks.append(start)
            offset = spaced
    return breaks


def _fold_word(word: str, start: int, width: int, breaks: list[int]) -> int:
    """A word wider than a whole line, folded into lines' worth of cells from `start`:
    the breaks are added, and the cells taken on the last line returned."""
    *whole, last = chop_cells(word, width)
    for chunk in whole:
        if start:
            breaks.append(start)
        start += len(chunk)
    if start:
        breaks.append(start)
    return cell_len(last)


def _slice(line: Pieces, start: int, end: int) -> Pieces:
    """The characters start:end of the line, with their pieces' styles."""
    sliced: Pieces = []
    position = 0
    for text, style in line:
        after = position + len(text)
        if after > start and position < end:
            sliced.append((text[max(0, start - position) : end - position], style))
        position = after
    return sliced
