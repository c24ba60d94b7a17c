"""Reporters: what a run found, written for a person (rich, concise) or a machine (json,
sarif, github). Each machine format is a pure function from reports to text, so it can go to
standard output or, atomically, to --output-file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from empathylint.diagnostics import Diagnostic, ItemLocation, Severity
from empathylint.engine import FileReport

if TYPE_CHECKING:
    from empathylint.rule import AnyRule

OutputFormat = Literal["rich", "concise", "json", "sarif", "github"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("rich", "concise", "json", "sarif", "github")


@dataclass(frozen=True)
class Run:
    """What every reporter needs besides the reports."""

    fail_on: Severity
    rules: Sequence[AnyRule]
    root: Path
    quiet: bool = False
    unsafe_fixes: bool = False
    explain_context: bool = False
    # JSON and SARIF escape every non-ASCII character (\\u00e9): written to a console that is
    # not UTF-8, the report stays valid and loses nothing.
    ascii_only: bool = False


def fixable(diagnostic: Diagnostic, unsafe_fixes: bool = False) -> bool:
    """True when `--fix` (with `--unsafe-fixes` if given) would apply this finding's fix."""
    return diagnostic.fix is not None and bool(diagnostic.fix.edits) and (diagnostic.fix.safe or unsafe_fixes)


def located_path(path: str, diagnostic: Diagnostic) -> str:
    """The file as a finding names it: with `#` and the JSON pointer of the field when the
    finding is in a canned reply of a helpdesk export (its line and column count inside it)."""
    return path if diagnostic.item is None else f"{path}#{diagnostic.item.pointer}"


def item_of(report: FileReport) -> ItemLocation | None:
    """The canned reply a report is about, when it is one of a helpdesk export's. A file's
    own report is a plain FileReport: the helpdesk modules are imported only for a run
    that read an export."""
    if type(report) is FileReport:
        return None
    from empathylint.formats.helpdesk.reports import item_of as export_item_of

    return export_item_of(report)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def render_text(output_format: OutputFormat, reports: Sequence[FileReport], run: Run) -> str:
    """The whole report in one format, as text (rich without colour)."""
    if output_format == "json":
        from empathylint.reporters.json_report import render_json

        return render_json(reports, run)
    if output_format == "sarif":
        from empathylint.reporters.sarif import render_sarif

        return render_sarif(reports, run)
    if output_format == "github":
        from empathylint.reporters.github import render_github

        return render_github(reports)
    if output_format == "concise":
        from empathylint.reporters.concise import render_concise

        return render_concise(reports, run)
    import io

    from empathylint.reporters.rich_report import make_console, render

    buffer = io.StringIO()
    render(reports, run.fail_on, console=make_console(buffer), quiet=run.quiet, explain_context=run.explain_context)
    return buffer.getvalue()


def emit_report(
    output_format: OutputFormat | str,
    reports: Sequence[FileReport],
    run: Run,
    output_file: Path | None = None,
    statistics: bool = False,
    *,
    to_stderr: bool = False,
) -> None:
    """Print the report, or write it atomically to `output_file`. Rich output keeps its
    colours on a terminal; everything else is plain text."""
    import dataclasses
    import sys

    from empathylint.files import shown_path

    reports = [
        report if shown_path(report.path) == report.path else dataclasses.replace(report, path=shown_path(report.path))
        for report in reports
    ]
    stream = sys.stderr if to_stderr else sys.stdout
    if output_file is None and not writes_unicode(stream):
        run = dataclasses.replace(run, ascii_only=True)
    chosen: OutputFormat = next((known for known in OUTPUT_FORMATS if known == output_format), "rich")
    if statistics:
        from empathylint.reporters.statistics import render_statistics

        text = render_statistics(reports, as_json=chosen == "json", unsafe_fixes=run.unsafe_fixes)
    elif chosen == "rich" and output_file is None:
        if run.quiet and not any(report.diagnostics for report in reports if report.error is None):
            return  # nothing to print (a quiet all-clear): rich is not loaded to print it
        from empathylint.reporters.rich_report import make_console, render

        render(
            reports,
            run.fail_on,
            console=make_console(sys.stderr if to_stderr else None),
            quiet=run.quiet,
            explain_context=run.explain_context,
        )
        return
    else:
        text = render_text(chosen, reports, run)
    if output_file is not None:
        from empathylint.writing import write_atomic

        write_atomic(output_file, text.encode("utf-8"))
        return
    stream.write(text)


def writes_unicode(stream: object) -> bool:
    """Whether a text stream can take any character (a UTF encoding)."""
    import codecs

    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False
