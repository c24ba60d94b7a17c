"""The terminal report's lines (empathylint.reporters.lines) print exactly what rich prints
for the same pieces as `Text`: wrapped at the same word boundaries, continuation lines
indented, control codes dropped, tabs expanded, the same escape codes on a colour terminal."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from empathylint.reporters.lines import Pieces, PrintedLines, as_printed, cells, print_lines, wrap

STYLES = ("", "bold", "dim", "green", "bold red", "magenta")
# Words, spaces, a long unbroken run, wide characters, tabs, newlines and control codes.
PIECE_TEXT = st.lists(
    st.sampled_from(["a", "b", "word ", " ", "  ", "x" * 30, "é", "日本", "\t", "\n", "\r", "\x07", "→"]), max_size=12
).map("".join)
PIECES = st.lists(st.tuples(PIECE_TEXT, st.sampled_from(STYLES)), max_size=6)


def _console(width: int) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=width, force_terminal=True, color_system="standard", highlight=False), out


def _as_rich_text(pieces: Pieces, width: int, indent: int, console: Console) -> Text:
    """A line wrapped by rich's Text.wrap: the first line at `width`, the rest joined and
    wrapped again at `width - indent` (at least 20) and indented."""
    text = Text.assemble(*pieces)
    if text.cell_len <= width:
        return text
    lines = list(text.wrap(console, width, overflow="fold"))
    for line in lines:
        line.rstrip()
    first, *rest = lines
    if not rest:
        return first
    folded = list(Text(" ").join(rest).wrap(console, max(20, width - indent), overflow="fold"))
    for line in folded:
        line.rstrip()
    return Text("\n").join([first, *(Text(" " * indent) + line for line in folded)])


@settings(max_examples=300, deadline=None)
@given(pieces=PIECES, width=st.integers(min_value=20, max_value=90), indent=st.integers(min_value=0, max_value=13))
def test_wrapped_lines_print_as_rich_prints_the_same_text(pieces: Pieces, width: int, indent: int) -> None:
    ours, ours_out = _console(width)
    theirs, theirs_out = _console(width)
    print_lines(ours, wrap(pieces, width, indent))
    theirs.print(_as_rich_text(pieces, width, indent, theirs), soft_wrap=True)
    assert ours_out.getvalue() == theirs_out.getvalue()


@settings(max_examples=200, deadline=None)
@given(pieces=PIECES)
def test_unwrapped_lines_print_as_rich_prints_the_same_text(pieces: Pieces) -> None:
    ours, ours_out = _console(40)
    theirs, theirs_out = _console(40)
    print_lines(ours, as_printed(pieces))
    theirs.print(Text.assemble(*pieces), soft_wrap=True)
    assert ours_out.getvalue() == theirs_out.getvalue()


@settings(max_examples=100, deadline=None)
@given(pieces=PIECES, record=st.booleans())
def test_without_colour_the_lines_print_as_rich_prints_the_same_text(pieces: Pieces, record: bool) -> None:
    consoles = [Console(file=io.StringIO(), width=40, color_system=None, record=record) for _ in range(2)]
    print_lines(consoles[0], as_printed(pieces))
    consoles[1].print(Text.assemble(*pieces), soft_wrap=True)
    outputs = [console.file.getvalue() for console in consoles]  # type: ignore[attr-defined]
    assert outputs[0] == outputs[1]
    if record:  # a recording keeps the styles for an export
        assert consoles[0].export_html() == consoles[1].export_html()


def test_without_colour_a_batch_of_lines_is_one_piece_of_text() -> None:
    """rich writes a style as bare text where it chose no colour system: the lines are
    handed over as one segment, not one per styled piece."""
    lines: list[Pieces] = [[("reply.md", "bold underline"), ("  ", ""), ("(reply)", "dim")], [("✓", "green")]]
    plain = Console(file=io.StringIO(), width=80, color_system=None)
    segments = list(PrintedLines(lines).__rich_console__(plain, plain.options))
    assert [segment.text for segment in segments] == ["reply.md  (reply)\n✓\n"]
    coloured, _out = _console(80)
    assert len(list(PrintedLines(lines).__rich_console__(coloured, coloured.options))) > 1


def test_a_long_line_wraps_between_words_with_its_continuation_indented() -> None:
    line = [("reply.md:3:1", "bold"), (" ", ""), ("Say what you can do before what you cannot do here.", "")]
    assert ["".join(text for text, _style in wrapped) for wrapped in wrap(line, 30, 4)] == [
        "reply.md:3:1 Say what you can",
        "    do before what you cannot",
        "    do here.",
    ]


# ASCII, accents, curly quotes, dashes, wide characters, emoji, combining marks, control
# codes, and the joiners that make one glyph of several characters (a family, a flag).
MEASURED = st.lists(
    st.sampled_from(
        ["a", "word ", "\t", "\x07", "\x9b", "é", "e\u0301", "’", "—", "日本", "🙂", "👍🏽", "\u200d", "\ufe0f", "❤"]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=MEASURED)
def test_a_line_is_measured_as_rich_measures_it(text: str) -> None:
    assert cells(text) == cell_len(text)
