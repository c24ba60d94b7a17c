"""The terminal report of a long article goes out a batch of lines at a time: rich holds the
segments of one print until it writes them, so one print per file held the whole report."""

from __future__ import annotations

import io
from collections.abc import Iterator

from rich.console import Console

from empathylint.reporters.lines import PRINT_BATCH, Pieces, print_lines


def test_lines_are_written_before_the_rest_are_made() -> None:
    file = io.StringIO()
    console = Console(file=file, width=80, color_system=None, highlight=False, emoji=False)
    written_when_asked: list[int] = []

    def lines() -> Iterator[Pieces]:
        for number in range(PRINT_BATCH * 2 + 3):
            written_when_asked.append(len(file.getvalue()))
            yield [(f"line {number}", "bold")]

    print_lines(console, lines())

    assert file.getvalue() == "".join(f"line {number}\n" for number in range(PRINT_BATCH * 2 + 3))
    assert written_when_asked[PRINT_BATCH - 1] == 0
    assert written_when_asked[PRINT_BATCH] > 0  # the first batch was out before line PRINT_BATCH was made


def test_no_lines_print_nothing() -> None:
    file = io.StringIO()
    print_lines(Console(file=file, width=80, color_system=None), iter([]))
    assert file.getvalue() == ""
