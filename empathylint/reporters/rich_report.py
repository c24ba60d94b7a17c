"""The default terminal report: findings with the source line underlined and the rewrite on
its own line under it, then the file's checklist and verdict, then a summary across files.

rich decides about colour (none when piped, none with NO_COLOR, colour with FORCE_COLOR) and
wraps every line at word boundaries to the console's width, continuation lines indented
under their start. User text is always printed as text, never as rich markup."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import IO

from rich.console import Console

from empathylint.checklist import ITEMS_BY_KEY, SEND
from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import line_starts
from empathylint.engine import FileReport, Status
from empathylint.reporters import item_of, located_path, plural
from empathylint.reporters.lines import Pieces, as_printed, cells, print_lines, wrap

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
STATUS_MARK = {Status.MET: ("✓", "green"), Status.NOT_MET: ("✗", "red"), Status.NOT_APPLICABLE: ("–", "dim")}

PIPED_WIDTH = 160
"""Columns of a report piped into a file or a CI log with no COLUMNS set: room for whole
paths and ids instead of rich's 80."""


def make_console(file: IO[str] | None = None) -> Console:
    # rich's own NO_COLOR handling drops colours but keeps bold and dim; no-color.org users
    # (and logs) want no escape codes at all, even where FORCE_COLOR asks for a terminal.
    plain = bool(os.environ.get("NO_COLOR"))
    console = Console(file=file, highlight=False, emoji=False, color_system=None if plain else "auto")
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPED_WIDTH
    return console


def render(
    reports: Sequence[FileReport],
    fail_on: Severity,
    *,
    console: Console,
    quiet: bool = False,
    explain_context: bool = False,
) -> None:
    print_lines(console, _report_lines(reports, fail_on, console.width, quiet=quiet, explain_context=explain_context))


def _report_lines(
    reports: Sequence[FileReport], fail_on: Severity, width: int, *, quiet: bool, explain_context: bool
) -> Iterator[Pieces]:
    """Every file's lines, then the summary: made as they are printed, a batch at a time."""
    for report in reports:
        if report.error is not None:
            continue  # the CLI reports unreadable files on standard error, one line each
        if quiet:
            for diagnostic in report.diagnostics:
                yield from wrap(finding_line(report.path, diagnostic), width, 0)
            continue
        yield from file_lines(report, fail_on, width, explain_context=explain_context)
    if not quiet:
        yield from wrap(summary_line(reports, fail_on), width, 0)


def file_lines(report: FileReport, fail_on: Severity, width: int, *, explain_context: bool = False) -> Iterator[Pieces]:
    """A file's block wrapped to `width` columns, a line at a time (a long article's report
    is never held whole)."""
    yield from wrap(header(report), width, 0)
    if explain_context:
        from empathylint.reporters.context import context_pieces

        yield from as_printed(context_pieces(report))
    source = report.document.source if report.document else ""
    starts = line_starts(source)
    for diagnostic in report.diagnostics:
        yield from wrap([("  ", ""), *finding_line(report.path, diagnostic)], width, FINDING_INDENT)
        yield from _excerpt(width, source, starts, diagnostic)
    if report.scorecard:
        yield from wrap(scorecard_line(report), width, CHECKLIST_INDENT)
        yield from as_printed(verdict(report, fail_on))
    yield []  # the blank line between files


FINDING_INDENT = 4
CHECKLIST_INDENT = 13


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
    item = item_of(report)
    if item is not None:
        # A canned reply of a helpdesk export: the file, then which reply and where.
        return [
            (report.path, "bold underline"),
            ("  ", ""),
            (item.label, "bold"),
            ("  ", ""),
            (item.pointer, "dim"),
            ("  ", ""),
            (f"({' · '.join(details)})", "dim"),
        ]
    return [(report.path, "bold underline"), ("  ", ""), (f"({' · '.join(details)})", "dim")]


def finding_line(path: str, diagnostic: Diagnostic) -> Pieces:
    return [
        (f"{located_path(path, diagnostic)}:{diagnostic.line}:{diagnostic.column}", "bold"),
        (" ", ""),
        (f"{diagnostic.severity.label:<7}", SEVERITY_STYLE[diagnostic.severity]),
        (" ", ""),
        (diagnostic.rule_id, "magenta"),
        ("  ", ""),
        (diagnostic.message, ""),
    ]


GUTTER = 9
"""Columns of the line-number gutter: `    12 │ `."""


def _excerpt(width: int, source: str, starts: Sequence[int], diagnostic: Diagnostic) -> list[Pieces]:
    """The finding's source line (a window around the finding when the line is wider than
    the console), the finding underlined under it, and the rewrite on a line of its own."""
    if diagnostic.line < 1 or diagnostic.line > len(starts):
        return []
    line_start = starts[diagnostic.line - 1]
    line_end = starts[diagnostic.line] if diagnostic.line < len(starts) else len(source)
    line_text = source[line_start:line_end].rstrip("\r\n")
    start_col = diagnostic.column - 1
    end_col = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(line_text)
    end_col = min(max(end_col, start_col + 1), max(len(line_text), start_col + 1))
    room = max(20, width - GUTTER - 2)
    window_start, window_end = 0, len(line_text)
    if cells(line_text) > room:
        context = max(10, (room - (end_col - start_col)) // 2)
        window_start = max(0, start_col - context)
        window_end = min(len(line_text), window_start + room)
        while window_end > window_start + 1 and cells(line_text[window_start:window_end]) > room:
            window_end -= 1
    lead = "…" if window_start > 0 else ""
    tail = "…" if window_end < len(line_text) else ""
    shown = _printable(line_text[window_start:window_end])
    gutter = f"{diagnostic.line:>6} │ "
    blank_gutter = " " * (GUTTER - 2) + "│ "
    before = cells(lead + shown[: max(0, start_col - window_start)])
    underline = max(1, cells(shown[max(0, start_col - window_start) : max(0, min(end_col, window_end) - window_start)]))
    lines = [
        [(gutter, "dim"), (lead, "dim"), (shown, ""), (tail, "dim")],
        [(blank_gutter + " " * before, "dim"), ("^" * underline, SEVERITY_STYLE[diagnostic.severity])],
    ]
    if diagnostic.suggestion:
        rewrite = diagnostic.suggestion.replace("\n", " ⏎ ")
        lines += wrap([(" " * (GUTTER - 2) + "→ ", "dim"), (rewrite, "green")], width, GUTTER)
    return lines


_PRINTABLE = {code: "?" for code in (*range(32), *range(0x7F, 0xA0))} | {ord("\t"): " "}


def _printable(text: str) -> str:
    """Tabs as one space and control characters as '?', so columns stay aligned."""
    return text.translate(_PRINTABLE)


def scorecard_line(report: FileReport) -> Pieces:
    """What failed, by name, and how many of the items that apply were met; items that
    never apply to the file (a greeting in a help article) are left out."""
    applicable = [e for e in report.scorecard if e.item != SEND and e.status is not Status.NOT_APPLICABLE]
    unmet = [e for e in applicable if e.status is Status.NOT_MET]
    met = len(applicable) - len(unmet)
    line: Pieces = [("  Checklist  ", "bold")]
    for entry in unmet:
        line += [("✗ ", "bold red"), (ITEMS_BY_KEY[entry.item].label, "bold"), ("  ", "")]
    if unmet:
        line.append((f"· {met} of {len(applicable)} met", "dim"))
    else:
        line.append((f"✓ all {len(applicable)} met", "bold green"))
    return line


def verdict(report: FileReport, fail_on: Severity) -> Pieces:
    """A help article is published, not sent."""
    blocking = len(report.blocking(fail_on))
    goes_out = "publish" if report.profile == "doc" else "send"
    if blocking:
        noun = "thing" if blocking == 1 else "things"
        return [(f"  {blocking} {noun} to fix before {goes_out}ing.", "bold")]
    return [(f"  Ready to {goes_out}.", "bold green")]


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
    items = sum(1 for r in checked if item_of(r) is not None)
    files = len({r.path for r in checked}) if items else len(checked)
    text = plural(files, "file")
    if items:
        text += f" ({items} canned {'reply' if items == 1 else 'replies'})"
    text += f" · {plural(len(findings), 'finding')}"
    if parts:
        text += f" ({', '.join(parts)})"
    ready = sum(1 for r in checked if r.ready_to_send(fail_on))
    text += f" · {ready} ready to send"
    if failed:
        text += f" · {plural(len(failed), 'file')} could not be read"
    return [(text, "bold")]
