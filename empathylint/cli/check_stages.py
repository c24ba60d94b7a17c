"""The stages of a `check` run after the files are checked: fixing, the report, the closing
lines on standard error, and the exit code."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from empathylint.cli.options import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS

if TYPE_CHECKING:
    from empathylint.checking import CheckOptions
    from empathylint.config import Config, Resolver
    from empathylint.engine import FileReport
    from empathylint.files import SourceFile
    from empathylint.result_cache import ResultCache
    from empathylint.rule import AnyRule


@dataclasses.dataclass
class Outcome:
    """What the stages of a check run leave for the exit code and the closing messages."""

    diffs: list[str] = dataclasses.field(default_factory=list)
    stdin_data: bytes | None = None
    not_fixed: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    errors: bool = False


def fix_files(
    results: Iterable[tuple[FileReport, SourceFile | None]],
    outcome: Outcome,
    paths: list[str],
    resolver: Resolver,
    options: CheckOptions,
    *,
    unsafe_fixes: bool,
    write: bool,
    quiet: bool,
    inside: list[Path] | None,
) -> list[FileReport]:
    """--fix, --fix-only or --diff: the reports after fixing, and what to tell about it."""
    from empathylint.checking import check_source
    from empathylint.files import STDIN
    from empathylint.fixes import fix_results, fix_summary

    stdin_name = options.stdin_filename or "<stdin>"
    fixing = fix_results(
        results,
        lambda source, text: check_source(
            dataclasses.replace(source, text=text), resolver.for_path(source.path), options
        ),
        unsafe_fixes=unsafe_fixes,
        write=write,
        is_stdin=lambda source: STDIN in paths and source.path == stdin_name and not source.mtime_ns,
        inside=inside,
    )
    outcome.diffs, outcome.stdin_data, outcome.not_fixed = fixing.diffs, fixing.stdin_data, fixing.not_fixed
    if quiet:  # --fix-only: what changed, one line per file, as ruff's --fix-only
        if outcome.stdin_data is not None:
            write_bytes(outcome.stdin_data)
        else:
            for path, applied in fixing.changed:
                typer.echo(f"Fixed {path} ({', '.join(f'{rule_id} ×{n}' for rule_id, n in sorted(applied.items()))})")
    else:
        typer.echo(fix_summary(fixing, write=write), err=True)
    return fixing.reports


def checked_folders(paths: list[str]) -> list[Path]:
    """Where --fix may write: inside the folders named, and beside the files named."""
    from empathylint.files import STDIN

    folders = []
    for given in paths:
        if given == STDIN:
            continue
        path = Path(given)
        folders.append(path.resolve() if path.is_dir() else Path(os.path.abspath(path)).parent.resolve())
    return folders


def write_bytes(data: bytes) -> None:
    """Bytes to standard output as they are: a draft's text is not the console's to re-encode."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def report(
    reports: list[FileReport],
    outcome: Outcome,
    settings: Config,
    output_format: str,
    output_file: Path | None,
    quiet: bool,
    statistics: bool,
    summary: bool,
    unsafe_fixes: bool,
    explain_context: bool,
) -> None:
    from empathylint.reporters import Run, emit_report
    from empathylint.writing import WriteError

    run = Run(
        settings.fail_on,
        _rules_listed(output_format, statistics),
        Path.cwd(),
        quiet=quiet,
        unsafe_fixes=unsafe_fixes,
        explain_context=explain_context,
    )
    try:
        if outcome.diffs:
            typer.echo("".join(outcome.diffs), nl=False)
        elif summary:
            from empathylint.reporters.rich_report import make_console
            from empathylint.reporters.summary import render_summary

            render_summary(reports, settings.fail_on, make_console())
        elif outcome.stdin_data is not None:
            # As ruff does: the fixed text is the output; the report goes to standard error.
            write_bytes(outcome.stdin_data)
            emit_report(output_format, reports, run, output_file, statistics, to_stderr=True)
        else:
            emit_report(output_format, reports, run, output_file, statistics)
    except WriteError as error:
        typer.echo(f"empathylint: error: {error}", err=True)
        outcome.errors = True


def _rules_listed(output_format: str, statistics: bool) -> tuple[AnyRule, ...]:
    """The rules a report lists besides its findings: SARIF lists every rule it knows; the
    other formats name only the findings' rules, so a run answered from the result cache
    imports none."""
    if output_format != "sarif" or statistics:
        return ()
    from empathylint.rules import RULES

    return RULES


def tell_errors_and_notices(
    reports: list[FileReport],
    outcome: Outcome,
    paths: list[str],
    settings: Config,
    *,
    profile_forced: bool,
    debug: bool,
) -> None:
    """The closing lines on standard error: what could not be read or written, and notices."""
    from empathylint.files import shown_path
    from empathylint.notices import after_checking, article_checked_as_reply

    for report in reports:
        if report.error is not None:
            typer.echo(f"empathylint: error: {shown_path(report.path)}: {report.error}", err=True)
    for path, reason in outcome.not_fixed:
        typer.echo(f"empathylint: error: {shown_path(path)}: {reason}", err=True)
    notices = after_checking(paths, reports, settings)
    hint = article_checked_as_reply(reports, settings, profile_forced=profile_forced)
    for notice in [*notices, *([hint] if hint else [])]:
        typer.echo(notice.line(), err=True)
    outcome.errors = outcome.errors or bool(outcome.not_fixed) or any(notice.error for notice in notices)
    if debug:
        for report in reports:
            for trace in report.tracebacks:
                typer.echo(f"{shown_path(report.path)}:\n{trace}", err=True)


def exit_code(reports: list[FileReport], outcome: Outcome, settings: Config, *, diff: bool, exit_zero: bool) -> int:
    from empathylint.engine import INTERNAL_ERROR

    if (
        outcome.errors
        or any(r.error is not None for r in reports)
        or any(d.rule_id == INTERNAL_ERROR for r in reports for d in r.diagnostics)
    ):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    if diff:
        return EXIT_FINDINGS if outcome.diffs else EXIT_CLEAN
    return EXIT_FINDINGS if any(r.blocking(settings.fail_on) for r in reports) else EXIT_CLEAN


def result_cache(options: CheckOptions) -> ResultCache | None:
    from empathylint.result_cache import open_result_cache

    return open_result_cache(options)


def several_files(paths: list[str], settings: Config) -> bool:
    """Whether the paths name more than one file to check (stops at the second)."""
    import itertools

    from empathylint.files import STDIN, collect

    named = [path for path in paths if path != STDIN]
    files = itertools.islice(collect(named, settings), 2)
    return len(paths) - len(named) + sum(1 for _ in files) > 1
