"""What `empathylint audit` does between parsing its options and exiting: read the exports,
check every reply, tell what could not be read, print or write the summary, and decide the
exit code.

Exit codes, as ruff's: 0 the audit ran and the share of replies ready to send is at least
--fail-under (100% by default: every reply); 1 it is below; 2 an export could not be read,
the options or the configuration are wrong, a rule failed, the summary could not be
written, or no reply was checked at all (an empty export never passes). Bad rows are
named on standard error and counted in the summary; they do not change the exit code."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from empathylint.audit.checker import AuditSettings
from empathylint.audit.records import BadRow, Columns, Row
from empathylint.audit.render import render_rich, to_csv, to_json
from empathylint.audit.rows import ExportError, ExportReader, InputFormat
from empathylint.audit.running import audit_rows
from empathylint.audit.totals import AuditTotals
from empathylint.engine import INTERNAL_ERROR

EXIT_READY, EXIT_NOT_READY, EXIT_ERROR = 0, 1, 2

Say = Callable[[str], None]


@dataclass(frozen=True)
class AuditRun:
    paths: Sequence[str]
    columns: Columns
    audit: AuditSettings
    input_format: InputFormat | None = None
    jobs: int = 1
    output_format: str = "rich"
    output_file: Path | None = None
    fail_under: float = 100.0
    exit_zero: bool = False
    dask_scheduler: str | None = None


class _Reading:
    """The rows of every export in turn, an unreadable export told and passed over, and how
    many bytes have been read (for the progress bar)."""

    def __init__(self, run: AuditRun, say: Say) -> None:
        self.run = run
        self.say = say
        self.failed = False
        self.done_bytes = 0
        self.current: ExportReader | None = None

    @property
    def bytes_read(self) -> int:
        return self.done_bytes + (self.current.bytes_read if self.current is not None else 0)

    def rows(self) -> Iterator[Row | BadRow]:
        for path in self.run.paths:
            try:
                self.current = ExportReader(path, self.run.columns, self.run.input_format)
                yield from self.current
            except ExportError as error:
                self.failed = True
                self.say(f"empathylint: error: {error}")
            finally:
                self.done_bytes += _size(path)
                self.current = None


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def run_audit(run: AuditRun, say: Say) -> int:
    """Run the audit; `say` prints a line on standard error. Returns the exit code."""
    from empathylint.api import ConfigError

    try:
        run.audit.load()
    except ConfigError as error:
        say(f"empathylint: error: {error}")
        return EXIT_ERROR
    reading = _Reading(run, say)
    with _ProgressBar(sum(_size(path) for path in run.paths)) as advance:

        def on_chunk(rows: int) -> None:
            advance(reading.bytes_read, rows)

        if run.dask_scheduler is not None:
            from empathylint.audit.on_dask import audit_on_scheduler

            totals = audit_on_scheduler(reading.rows(), run.audit, run.dask_scheduler, on_chunk=on_chunk)
        else:
            totals = audit_rows(reading.rows(), run.audit, jobs=run.jobs, on_chunk=on_chunk)
    failed = _tell_problems(totals, run, say) or reading.failed
    if totals.replies == 0:
        say(
            "empathylint: error: no reply was checked: "
            + ("every row is bad" if totals.bad_rows else "the exports are empty")
        )
        return EXIT_ERROR
    if not _emit(totals, run, say):
        return EXIT_ERROR
    if failed:
        return EXIT_ERROR
    ready_percent = 100 * totals.ready / totals.replies
    return EXIT_READY if run.exit_zero or ready_percent >= run.fail_under else EXIT_NOT_READY


def _tell_problems(totals: AuditTotals, run: AuditRun, say: Say) -> bool:
    """Bad rows, unknown channels and rule failures on standard error; whether a rule failed."""
    for bad in totals.bad_rows_named:
        say(f"empathylint: bad row: {bad}")
    if totals.bad_rows > len(totals.bad_rows_named):
        say(f"empathylint: {totals.bad_rows:,} bad rows in all; the first {len(totals.bad_rows_named)} are named")
    if totals.unknown_channels:
        default = run.audit.channel or "the configured channel"
        shown = ", ".join(f"{name!r} ×{count:,}" for name, count in sorted(totals.unknown_channels.items())[:10])
        say(f"empathylint: channels that are not email, chat, social or notice were checked as {default}: {shown}")
    failures = totals.replies_with.get(INTERNAL_ERROR, 0)
    if failures:
        say(
            f"empathylint: error: a rule failed on {failures:,} replies "
            "(please report it; `empathylint check --debug` on one of them shows the traceback)"
        )
    return bool(failures)


def _emit(totals: AuditTotals, run: AuditRun, say: Say) -> bool:
    """The summary on standard output or into --output-file (atomically); False if it
    could not be written."""
    from empathylint.writing import WriteError, write_atomic

    if run.output_format == "json":
        text = to_json(totals, run.paths)
    elif run.output_format == "csv":
        text = to_csv(totals)
    elif run.output_file is None:
        render_rich(totals, run.paths, _console())
        return True
    else:
        buffer = io.StringIO()
        render_rich(totals, run.paths, _console(buffer))
        text = buffer.getvalue()
    if run.output_file is None:
        sys.stdout.write(text)
        return True
    try:
        write_atomic(run.output_file, text.encode("utf-8"))
    except WriteError as error:
        say(f"empathylint: error: {error}")
        return False
    return True


def _console(file: io.StringIO | None = None) -> Any:
    from empathylint.reporters.rich_report import make_console

    return make_console(file)


class _ProgressBar:
    """A progress bar on standard error, on a terminal only: never in a pipe, a file or CI
    output. Yields a function to call with the bytes read and the rows just checked."""

    def __init__(self, total_bytes: int) -> None:
        self.total_bytes = total_bytes
        self.bar: Any = None
        self.task: Any = None
        self.rows = 0

    def __enter__(self) -> Callable[[int, int], None]:
        if sys.stderr.isatty() and not os.environ.get("CI"):
            from rich.console import Console
            from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("auditing"),
                BarColumn(),
                DownloadColumn(),
                TextColumn("{task.fields[rows]} rows"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("audit", total=self.total_bytes or None, rows=0)
        return self.advance

    def advance(self, bytes_read: int, rows: int) -> None:
        self.rows += rows
        if self.bar is not None:
            self.bar.update(self.task, completed=bytes_read, rows=f"{self.rows:,}")

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
