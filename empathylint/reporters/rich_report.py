"""The default terminal report: findings with the source line underlined and the rewrite
under it, then the file's checklist and verdict, then a summary across files.

Colour comes from rich and goes away by itself with NO_COLOR or when output is not a
terminal; user text is always printed as text, never as rich markup. Where the output is
surely plain (a pipe, a file, NO_COLOR), rich is not even imported: a pre-commit hook or a
CI job starts ~20 ms sooner."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

from empathylint.checklist import ITEMS_BY_KEY
from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import line_starts
from empathylint.engine import FileReport, Status

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
STATUS_MARK = {Status.MET: ("✓", "green"), Status.NOT_MET: ("✗", "red"), Status.NOT_APPLICABLE: ("–", "dim")}


PIPED_WIDTH = 160


def make_console(file: IO[str] | None = None) -> Console:
    from rich.console import Console

    # rich's own NO_COLOR handling drops colours but keeps bold and dim; no-color.org users
    # (and logs) want no escape codes at all, even where FORCE_COLOR asks for a terminal.
    plain = bool(os.environ.get("NO_COLOR"))
    console = Console(file=file, highlight=False, soft_wrap=True, emoji=False, color_system=None if plain else "auto")
    if not console.is_terminal and "COLUMNS" not in os.environ:
        # Piped into a file or a CI log, tables (rules, --summary) get room for whole paths
        # and ids instead of rich's 80 columns.
        console.width = PIPED_WIDTH
    return console


def report_console(file: IO[str] | None = None) -> Console | PlainConsole:
    """The console the report prints on: rich's, or a plain one where rich would not colour."""
    return PlainConsole(file) if _surely_plain(file) else make_console(file)


class PlainConsole:
    """What the report needs of a console where nothing is coloured: the file to write to.
    Text that rich would change (a tab, a control character) still goes through rich."""

    color_system = None
    soft_wrap = True

    def __init__(self, file: IO[str] | None) -> None:
        self._file = file

    @property
    def file(self) -> IO[str]:
        return self._file if self._file is not None else sys.stdout

    def print(self, text: Text) -> None:
        make_console(self._file).print(text)


def _surely_plain(file: IO[str] | None) -> bool:
    """Whether rich would print to `file` without colour, from what rich itself reads:
    NO_COLOR (make_console turns colour off), TTY_COMPATIBLE, FORCE_COLOR, then isatty.
    Inside IPython rich has ways of its own, so it decides there."""
    environ = os.environ
    if environ.get("NO_COLOR"):
        return True
    if "IPython" in sys.modules:
        return False
    tty_compatible = environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "0"
    force_color = environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color == ""
    isatty = getattr(file if file is not None else sys.stdout, "isatty", None)
    try:
        return isatty is None or not isatty()
    except ValueError:  # a closed file: rich too reads it as no terminal
        return True


# A line of the report as (text, style) pieces, style "" for none. Colour output assembles
# them into rich Text; piped or NO_COLOR output joins their strings, skipping the Text and
# span bookkeeping that was most of the report's cost over many files.
Pieces = list[tuple[str, str]]


def render(
    reports: Sequence[FileReport],
    fail_on: Severity,
    *,
    console: Console | PlainConsole,
    quiet: bool = False,
    explain_context: bool = False,
) -> None:
    for report in reports:
        if report.error is not None:
            continue  # the CLI reports unreadable files on standard error, one line each
        if quiet:
            if report.diagnostics:
                _print(console, [finding_line(report.path, d) for d in report.diagnostics])
            continue
        render_file(report, fail_on, console, explain_context=explain_context)
    if not quiet:
        _print(console, [summary_line(reports, fail_on)])


def render_file(
    report: FileReport, fail_on: Severity, console: Console | PlainConsole, *, explain_context: bool = False
) -> None:
    # One print per file, not one per line: each console.print costs rich a full render
    # pass, which was a third of the time of checking a folder of short replies.
    lines: list[Pieces | Text] = [header(report)]
    if explain_context:
        from empathylint.reporters.context import context_block

        lines.append(context_block(report))
    source = report.document.source if report.document else ""
    starts = line_starts(source)
    for diagnostic in report.diagnostics:
        lines.append([("  ", ""), *finding_line(report.path, diagnostic)])
        excerpt = _excerpt(source, starts, diagnostic)
        if excerpt is not None:
            lines.append(excerpt)
    if report.scorecard:
        lines.append(scorecard_line(report))
        blocking = len(report.blocking(fail_on))
        if blocking:
            noun = "thing" if blocking == 1 else "things"
            lines.append([(f"  {blocking} {noun} to fix before sending.", "bold")])
        else:
            lines.append([("  Ready to send.", "bold green")])
    lines.append([])  # the blank line between files
    _print(console, lines)


def _print(console: Console | PlainConsole, lines: Sequence[Pieces | Text]) -> None:
    """The lines in one print, as printing each of them would show them."""
    if console.color_system is None:
        # Piped or NO_COLOR: styles print as nothing. Text that rich would print unchanged
        # is written as it is: rich's line splitting and segment bookkeeping for it cost
        # more than checking a short reply.
        plain = "\n".join(_plain(line) for line in lines)
        if console.soft_wrap and not _CHANGED_BY_RICH.search(plain):
            console.file.write(plain + "\n")
        else:
            from rich.text import Text

            console.print(Text(plain))
        return
    from rich.text import Text

    console.print(Text("\n").join(Text.assemble(*line) if isinstance(line, list) else line for line in lines))


def _plain(line: Pieces | Text) -> str:
    return "".join(text for text, _ in line) if isinstance(line, list) else line.plain


# What rich changes in text it prints with soft wrapping (no wrapping, no cropping): it
# expands tabs and strips some control characters. Any control character but the line
# break leaves the text to rich.
_CHANGED_BY_RICH = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def header(report: FileReport) -> Pieces:
    details: list[str] = [report.profile or ""]
    if report.channel is not None:
        details.append(report.channel)
    document = report.document
    if document is not None and document.profile != "doc":
        if document.customer_name:
            details.append(f"customer {document.customer_name}")
        if document.agent_name:
            details.append(f"agent {document.agent_name}")
    for metrics in report.metrics.values():
        summary = metrics.get("summary")
        if summary:
            details.append(str(summary))
    return [(report.path, "bold underline"), ("  ", ""), (f"({' · '.join(details)})", "dim")]


def finding_line(path: str, diagnostic: Diagnostic) -> Pieces:
    return [
        (f"{path}:{diagnostic.line}:{diagnostic.column}", "bold"),
        (" ", ""),
        (f"{diagnostic.severity.label:<7}", SEVERITY_STYLE[diagnostic.severity]),
        (" ", ""),
        (diagnostic.rule_id, "magenta"),
        ("  ", ""),
        (diagnostic.message, ""),
    ]


EXCERPT_CONTEXT = 30
"""Characters of context kept on each side of a finding when its line is too long to show whole."""
EXCERPT_WIDTH = 110
"""Lines longer than this many characters are shown as a window around the finding."""


def _excerpt(source: str, starts: list[int], diagnostic: Diagnostic) -> Pieces | None:
    """The finding's source line and, under it, the finding underlined and its rewrite."""
    if diagnostic.line < 1 or diagnostic.line > len(starts):
        return None
    line_start = starts[diagnostic.line - 1]
    line_end = starts[diagnostic.line] if diagnostic.line < len(starts) else len(source)
    line_text = source[line_start:line_end].rstrip("\r\n")
    start_col = diagnostic.column - 1
    end_col = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(line_text)
    end_col = min(max(end_col, start_col + 1), max(len(line_text), start_col + 1))
    window_start, window_end = 0, len(line_text)
    if len(line_text) > EXCERPT_WIDTH:
        window_start = max(0, start_col - EXCERPT_CONTEXT)
        window_end = min(len(line_text), end_col + EXCERPT_CONTEXT, window_start + EXCERPT_WIDTH)
    lead = "…" if window_start > 0 else ""
    tail = "…" if window_end < len(line_text) else ""
    shown = _printable(line_text[window_start:window_end])
    gutter = f"{diagnostic.line:>6} │ "
    blank_gutter = " " * (len(gutter) - 2) + "│ "
    before = _cells(lead + shown[: start_col - window_start])
    width = max(1, _cells(shown[start_col - window_start : min(end_col, window_end) - window_start]))
    excerpt = [
        (gutter, "dim"),
        (lead, "dim"),
        (shown, ""),
        (tail, "dim"),
        ("\n", ""),
        (blank_gutter + " " * before, "dim"),
        ("^" * width, SEVERITY_STYLE[diagnostic.severity]),
    ]
    if diagnostic.suggestion:
        excerpt += [("  → ", "dim"), (diagnostic.suggestion.replace("\n", " ⏎ "), "green")]
    return excerpt


_PRINTABLE = {code: "?" for code in (*range(32), *range(0x7F, 0xA0))} | {ord("\t"): " "}


def _cells(text: str) -> int:
    """The terminal columns `text` takes (a wide character takes two)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _printable(text: str) -> str:
    """Tabs as one space and control characters as '?', so columns stay aligned."""
    return text.translate(_PRINTABLE)


def scorecard_line(report: FileReport) -> Pieces:
    line = [("  Checklist ", "bold")]
    for entry in report.scorecard:
        mark, style = STATUS_MARK[entry.status]
        line.append((f" {mark} ", f"bold {style}"))
        item_style = "dim" if entry.status is Status.NOT_APPLICABLE else ""
        line.append((ITEMS_BY_KEY[entry.item].label, f"bold {item_style}".strip()))
    return line


def summary_line(reports: Sequence[FileReport], fail_on: Severity) -> Pieces:
    checked = [r for r in reports if r.error is None]
    failed = [r for r in reports if r.error is not None]
    findings = [d for r in checked for d in r.diagnostics]
    counts = {severity: sum(1 for d in findings if d.severity is severity) for severity in Severity}
    parts = [
        f"{counts[s]} {s.label if s is Severity.INFO else s.label + ('s' if counts[s] != 1 else '')}"
        for s in sorted(Severity, reverse=True)
        if counts[s]
    ]
    text = f"{_plural(len(checked), 'file')} · {_plural(len(findings), 'finding')}"
    if parts:
        text += f" ({', '.join(parts)})"
    ready = sum(1 for r in checked if r.ready_to_send(fail_on))
    text += f" · {ready} ready to send"
    if failed:
        text += f" · {_plural(len(failed), 'file')} could not be read"
    return [(text, "bold")]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
