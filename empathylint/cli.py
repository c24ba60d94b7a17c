"""The command line: parsing and exit codes only; the work is done elsewhere.

Exit codes: 0 nothing at or above the failing severity; 1 findings that block sending;
2 a usage, configuration or input error (named in one line; other files still checked)."""

from __future__ import annotations

import dataclasses
import os
import sys
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from empathylint import __version__
from empathylint.document import CHANNELS, PROFILES
from empathylint.formats import FORMATS
from empathylint.formats.helpdesk import INPUT_FORMATS
from empathylint.reporters import OUTPUT_FORMATS

if TYPE_CHECKING:
    from empathylint.checking import CheckOptions
    from empathylint.config import Config, Resolver
    from empathylint.engine import FileReport
    from empathylint.files import SourceFile
    from empathylint.result_cache import ResultCache

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("error", "warning", "info")

app = typer.Typer(
    name="empathylint",
    help="Lint customer-support replies, canned replies and help docs before they go out.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# The groups of `check --help`, in the order a person reaches for them.
INPUT, CONFIGURATION, OUTPUT, FIXING, PERFORMANCE = "Input", "Configuration", "Output", "Fixing", "Performance"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"empathylint {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        Optional[bool],  # noqa: UP045 - typer reads the annotation at run time on 3.10
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """empathylint: the checklist a support lead would run over your reply."""


def _split(values: Optional[list[str]]) -> tuple[str, ...]:  # noqa: UP045
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


def _fail(message: str) -> typer.Exit:
    typer.echo(f"empathylint: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def _one_of(values: tuple[str, ...]) -> str:
    """The allowed values, as --help lists them."""
    return " | ".join(values)


def _check_choice(option: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise _fail(f"{option} must be one of {', '.join(allowed)}, not {value!r}")


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files and folders to check; - reads standard input.", metavar="PATH...", show_default=False
        ),
    ],
    profile: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            metavar="PROFILE",
            help=f"Check every file as {_one_of(PROFILES)}; overrides the profile globs in checklist.toml.",
            rich_help_panel=INPUT,
        ),
    ] = None,
    channel: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            metavar="CHANNEL",
            help=f"Where the replies are sent, {_one_of(CHANNELS)}; overrides the channel globs in checklist.toml.",
            rich_help_panel=INPUT,
        ),
    ] = None,
    customer: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            metavar="NAME", help="The customer's name, e.g. Maria (one draft at a time).", rich_help_panel=INPUT
        ),
    ] = None,
    agent: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(metavar="NAME", help="Your name, as you sign.", rich_help_panel=INPUT),
    ] = None,
    customer_message: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            metavar="FILE",
            help="The customer's message, as context (never checked); default: draft.customer.txt beside draft.md.",
            rich_help_panel=INPUT,
        ),
    ] = None,
    format_in: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format-in",
            metavar="FORMAT",
            help=f"Read every file as {_one_of(FORMATS)} instead of by extension.",
            rich_help_panel=INPUT,
        ),
    ] = None,
    input_format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--input-format",
            metavar="EXPORT",
            help=f"Read .json and .csv files as this helpdesk export, {_one_of(INPUT_FORMATS)}; "
            "default: found by content.",
            rich_help_panel=INPUT,
        ),
    ] = None,
    column: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--column",
            metavar="[KEY=]NAME",
            help="A CSV export's reply column; KEY=NAME names the id, title, agent or customer column.",
            rich_help_panel=INPUT,
        ),
    ] = None,
    stdin_filename: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            metavar="NAME",
            help="The name to report standard input as; its extension picks the format and profile.",
            rich_help_panel=INPUT,
        ),
    ] = None,
    config: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--config",
            metavar="FILE",
            help="A checklist.toml, or a pyproject.toml's [tool.empathylint], to use over the one nearest "
            "to each file.",
            rich_help_panel=CONFIGURATION,
        ),
    ] = None,
    show_settings: Annotated[
        bool,
        typer.Option(
            "--show-settings",
            help="Show each file's settings and the configuration they come from; check nothing.",
            rich_help_panel=CONFIGURATION,
        ),
    ] = False,
    isolated: Annotated[
        bool,
        typer.Option(
            "--isolated", help="Ignore checklist.toml and pyproject.toml files on disk.", rich_help_panel=CONFIGURATION
        ),
    ] = False,
    select: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            metavar="RULES", help="Only these rule groups or ids (comma-separated).", rich_help_panel=CONFIGURATION
        ),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            metavar="RULES", help="Skip these rule groups or ids (comma-separated).", rich_help_panel=CONFIGURATION
        ),
    ] = None,
    fail_on: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            metavar="SEVERITY",
            help=f"Exit 1 on findings at or above {_one_of(SEVERITIES)}; warning unless checklist.toml says.",
            rich_help_panel=CONFIGURATION,
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            metavar="FORMAT",
            help=f"{_one_of(OUTPUT_FORMATS)}: rich for people, concise a line per finding, the rest for machines.",
            rich_help_panel=OUTPUT,
        ),
    ] = "rich",
    output_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(metavar="FILE", help="Write the report to this file instead.", rich_help_panel=OUTPUT),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print the findings only.", rich_help_panel=OUTPUT)
    ] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Count the findings per rule instead.", rich_help_panel=OUTPUT)
    ] = False,
    summary: Annotated[
        bool,
        typer.Option(
            "--summary", help="Only the checklists: one row per file, and the verdict.", rich_help_panel=OUTPUT
        ),
    ] = False,
    explain_context: Annotated[
        bool,
        typer.Option(
            "--explain-context",
            help="Show what was read from the customer's message (mood, and why).",
            rich_help_panel=OUTPUT,
        ),
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.", rich_help_panel=OUTPUT)
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.", rich_help_panel=OUTPUT)
    ] = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply the safe fixes, then report what is left.", rich_help_panel=FIXING)
    ] = False,
    fix_only: Annotated[
        bool,
        typer.Option(
            "--fix-only", help="Apply the safe fixes and print only what changed (for hooks).", rich_help_panel=FIXING
        ),
    ] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option("--unsafe-fixes", help="Also apply rewrites that change the meaning.", rich_help_panel=FIXING),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print the fixes as a unified diff; write nothing.", rich_help_panel=FIXING)
    ] = False,
    fix_outside: Annotated[
        bool,
        typer.Option(
            "--fix-outside",
            help="Also write files that a symbolic link leads to outside the folders checked.",
            rich_help_panel=FIXING,
        ),
    ] = False,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Check in up to N processes (default: one per core; fewer when the work is small).",
            rich_help_panel=PERFORMANCE,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Check every file again: neither read nor write reports in the user cache folder "
            "($EMPATHYLINT_CACHE_DIR, else $XDG_CACHE_HOME/empathylint).",
            rich_help_panel=PERFORMANCE,
        ),
    ] = False,
) -> None:
    """Check replies, canned replies and help docs against the support checklist."""
    from empathylint.api import Settings
    from empathylint.checking import CheckOptions, check_paths, default_jobs
    from empathylint.config import ConfigError
    from empathylint.formats.helpdesk.reports import expand_items
    from empathylint.notices import before_checking

    _check_choice("--format-in", format_in, FORMATS)
    _check_choice("--input-format", input_format, INPUT_FORMATS)
    _check_choice("--output-format", output_format, OUTPUT_FORMATS)
    try:
        # The same Settings the Python API checks with: flags override the files found
        # nearest to each file.
        resolver = Settings(
            config=config,
            folder=None if isolated else Path.cwd(),
            profile=profile,  # type: ignore[arg-type]  # validated by Settings, as in checklist.toml
            channel=channel,  # type: ignore[arg-type]  # validated by Settings, as in checklist.toml
            select=_split(select) if select else None,
            ignore=_split(ignore),
            fail_on=fail_on.lower() if fail_on else None,  # type: ignore[arg-type]
            _source="command line",
        ).internal_resolver
    except ConfigError as error:
        raise _fail(str(error)) from None
    settings = resolver.root  # the current folder's: its fail-on decides the run
    if show_settings:
        from empathylint.config.show import show_settings as describe

        typer.echo(describe(paths, resolver), nl=False)
        return
    customer_text = None
    if customer_message is not None:
        from empathylint.files import InputError, read_source

        try:
            customer_text = read_source(customer_message).text
        except InputError as error:
            raise _fail(f"--customer-message {error}") from None
    if customer is not None and _several_files(paths, settings):
        raise _fail(
            "--customer names one customer, so it applies to a single draft, and several files were given; "
            "check them one at a time, or set `customer:` in each draft's front matter"
        )
    options = CheckOptions(
        customer_name=customer,
        agent_name=agent,
        format_name=format_in,
        stdin_filename=stdin_filename,
        customer_message=customer_text,
        profile_forced=profile is not None,
        input_format=input_format,
        columns=tuple(column or ()),
    )
    for notice in before_checking(paths, settings):
        typer.echo(notice.line(), err=True)
    fixing_mode = fix or fix_only or diff
    # --fix re-checks each file after writing it, so it stays in one process, and is never
    # answered from the result cache: it reads the files it writes.
    cache = None if no_cache or fixing_mode else _result_cache(resolver, options)
    results = check_paths(paths, resolver, options, jobs=1 if fixing_mode else jobs or default_jobs(), cache=cache)
    outcome = Outcome()
    if fixing_mode:
        reports = _fix(
            results,
            outcome,
            paths,
            resolver,
            options,
            unsafe_fixes=unsafe_fixes,
            write=not diff,
            quiet=fix_only,
            inside=None if fix_outside else _checked_folders(paths),
        )
    else:
        reports = [report for report, _source in results]
    reports = expand_items(reports)  # a helpdesk export: one report per canned reply
    if not fix_only:
        _report(
            reports,
            outcome,
            settings,
            output_format.lower(),
            output_file,
            quiet,
            statistics,
            summary,
            unsafe_fixes,
            explain_context,
        )
    _tell_errors_and_notices(reports, outcome, paths, settings, profile_forced=profile is not None, debug=debug)
    raise typer.Exit(_exit_code(reports, outcome, settings, diff=diff, exit_zero=exit_zero or fix_only))


@dataclasses.dataclass
class Outcome:
    """What the stages of a check run leave for the exit code and the closing messages."""

    diffs: list[str] = dataclasses.field(default_factory=list)
    stdin_data: bytes | None = None
    not_fixed: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    errors: bool = False


def _fix(
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
            _write_bytes(outcome.stdin_data)
        else:
            for path, applied in fixing.changed:
                typer.echo(f"Fixed {path} ({', '.join(f'{rule_id} ×{n}' for rule_id, n in sorted(applied.items()))})")
    else:
        typer.echo(fix_summary(fixing, write=write), err=True)
    return fixing.reports


def _checked_folders(paths: list[str]) -> list[Path]:
    """Where --fix may write: inside the folders named, and beside the files named."""
    from empathylint.files import STDIN

    folders = []
    for given in paths:
        if given == STDIN:
            continue
        path = Path(given)
        folders.append(path.resolve() if path.is_dir() else Path(os.path.abspath(path)).parent.resolve())
    return folders


def _write_bytes(data: bytes) -> None:
    """Bytes to standard output as they are: a draft's text is not the console's to re-encode."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _report(
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
    from empathylint.rules import RULES
    from empathylint.writing import WriteError

    run = Run(
        settings.fail_on, RULES, Path.cwd(), quiet=quiet, unsafe_fixes=unsafe_fixes, explain_context=explain_context
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
            _write_bytes(outcome.stdin_data)
            emit_report(output_format, reports, run, output_file, statistics, to_stderr=True)
        else:
            emit_report(output_format, reports, run, output_file, statistics)
    except WriteError as error:
        typer.echo(f"empathylint: error: {error}", err=True)
        outcome.errors = True


def _tell_errors_and_notices(
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


def _exit_code(reports: list[FileReport], outcome: Outcome, settings: Config, *, diff: bool, exit_zero: bool) -> int:
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


def _result_cache(resolver: Resolver, options: CheckOptions) -> ResultCache | None:
    from empathylint.result_cache import open_result_cache

    return open_result_cache(resolver.rules, options)


def _several_files(paths: list[str], settings: Config) -> bool:
    """Whether the paths name more than one file to check (stops at the second)."""
    import itertools

    from empathylint.files import STDIN, collect

    named = [path for path in paths if path != STDIN]
    files = itertools.islice(collect(named, settings), 2)
    return len(paths) - len(named) + sum(1 for _ in files) > 1


AUDIT_COLUMNS = "Columns"


def _column(field: str, examples: str) -> object:
    return typer.Option(
        f"--{field}-column",
        metavar="NAME",
        help=f"The column (CSV) or key (JSONL; a.b for nested) of the {examples}.",
        rich_help_panel=AUDIT_COLUMNS,
    )


@app.command()
def audit(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="JSONL or CSV exports of sent replies; - reads standard input.", metavar="FILE...", show_default=False
        ),
    ],
    reply_column: Annotated[Optional[str], _column("reply", "reply (default: reply, body, text, …)")] = None,  # noqa: UP045
    customer_message_column: Annotated[
        Optional[str],  # noqa: UP045
        _column("customer-message", "customer's message, read for mood (default: customer_message, request, …)"),
    ] = None,
    customer_name_column: Annotated[Optional[str], _column("customer-name", "customer's name")] = None,  # noqa: UP045
    agent_column: Annotated[Optional[str], _column("agent", "agent (default: agent, assignee, author, …)")] = None,  # noqa: UP045
    macro_column: Annotated[Optional[str], _column("macro", "macro or canned reply used")] = None,  # noqa: UP045
    channel_column: Annotated[Optional[str], _column("channel", "channel: email, chat or social (or via)")] = None,  # noqa: UP045
    date_column: Annotated[Optional[str], _column("date", "date sent")] = None,  # noqa: UP045
    id_column: Annotated[Optional[str], _column("id", "reply's or ticket's id")] = None,  # noqa: UP045
    input_format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(metavar="FORMAT", help="jsonl | csv (default: by extension, then by content)."),
    ] = None,
    channel: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(metavar="CHANNEL", help=f"The channel of replies whose row names none, {_one_of(CHANNELS)}."),
    ] = None,
    config: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--config", metavar="FILE", help="A checklist.toml to check with (default: the built-in one)."),
    ] = None,
    select: Annotated[Optional[list[str]], typer.Option(metavar="RULES", help="Only these rule groups or ids.")] = None,  # noqa: UP045
    ignore: Annotated[Optional[list[str]], typer.Option(metavar="RULES", help="Skip these rule groups or ids.")] = None,  # noqa: UP045
    fail_on: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(metavar="SEVERITY", help=f"A reply is not ready to send with findings at {_one_of(SEVERITIES)}."),
    ] = None,
    fail_under: Annotated[
        float,
        typer.Option(min=0, max=100, metavar="PERCENT", help="Exit 1 when fewer replies than this are ready to send."),
    ] = 100.0,
    worst: Annotated[int, typer.Option(min=0, metavar="N", help="How many of the worst replies to list.")] = 10,
    output_format: Annotated[str, typer.Option(metavar="FORMAT", help="rich | csv | json.")] = "rich",
    output_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(metavar="FILE", help="Write the summary to this file (atomically)."),
    ] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when replies are not ready.")] = False,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--jobs", "-j", min=1, metavar="N", help="Check in N processes (default: one per core)."),
    ] = None,
    dask: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--dask", metavar="ADDRESS", help="Check on this Dask scheduler (needs the dask extra)."),
    ] = None,
) -> None:
    """Audit sent replies (a JSONL or CSV export): pass rates per checklist item, agent and macro.

    Exit 0 when the share ready to send is at least --fail-under, 1 when below, 2 on an
    unreadable export, a bad option, or when no reply was checked."""
    from empathylint.audit.checker import AuditSettings
    from empathylint.audit.command import AuditRun, run_audit
    from empathylint.audit.records import Columns
    from empathylint.audit.render import OUTPUT_FORMATS as AUDIT_FORMATS
    from empathylint.audit.rows import INPUT_FORMATS
    from empathylint.checking import default_jobs

    _check_choice("--input-format", input_format, INPUT_FORMATS)
    _check_choice("--output-format", output_format, AUDIT_FORMATS)
    if dask is not None and jobs is not None:
        raise _fail("--jobs and --dask exclude each other: with --dask the cluster decides")
    if dask is not None:
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            raise _fail("--dask needs Dask: pip install 'empathylint[dask]'")
    run = AuditRun(
        paths=paths,
        columns=Columns(
            reply=reply_column,
            customer_message=customer_message_column,
            customer_name=customer_name_column,
            agent=agent_column,
            macro=macro_column,
            channel=channel_column,
            date=date_column,
            id=id_column,
        ),
        audit=AuditSettings(
            config=None if config is None else str(config),
            select=_split(select) if select else None,
            ignore=_split(ignore),
            fail_on=fail_on.lower() if fail_on else None,  # type: ignore[arg-type]  # validated by Settings
            channel=channel,  # type: ignore[arg-type]  # validated by Settings
            worst_kept=worst,
            source="command line",
        ),
        input_format=input_format,  # type: ignore[arg-type]  # checked above
        jobs=jobs or default_jobs(),
        output_format=output_format,
        output_file=output_file,
        fail_under=fail_under,
        exit_zero=exit_zero,
        dask_scheduler=dask,
    )
    raise typer.Exit(run_audit(run, lambda line: typer.echo(line, err=True)))


RULES_TABLE_WIDTH = 120
"""Below this many columns `rules` lists the rules one block each instead of a table."""


@app.command()
def rules(
    output_format: Annotated[str, typer.Option(help="rich (a table, the default) or json.")] = "rich",
) -> None:
    """List every rule: id, checklist item, default severity, profiles and fix."""
    from rich.table import Table

    from empathylint.checklist import ITEMS_BY_KEY
    from empathylint.reporters.lines import print_lines, wrap
    from empathylint.reporters.rich_report import make_console
    from empathylint.rules import RULES

    if output_format == "json":
        from empathylint.reporters import writes_unicode
        from empathylint.reporters.rule_docs import rules_json

        typer.echo(rules_json(RULES, ascii_only=not writes_unicode(sys.stdout)), nl=False)
        return
    if output_format != "rich":
        raise _fail(f"--output-format must be rich or json, not {output_format!r}")
    console = make_console()
    if console.width < RULES_TABLE_WIDTH:
        # Too narrow for a table: one block per rule, its id on a line of its own, never cut.
        for rule in RULES:
            item = ITEMS_BY_KEY[rule.item]
            for rule_id, code in zip(rule.ids, rule.codes, strict=True):
                details = [
                    f"{item.number}. {item.title}" if item.number else item.title,
                    code.severity.label,
                    ", ".join(sorted(rule.profiles)),
                    f"fix: {code.fix}",
                ]
                print_lines(
                    console,
                    [
                        [(rule_id, "bold")],
                        *wrap([("    " + " · ".join(details), "")], console.width, 4),
                        *wrap([("    " + code.summary, "")], console.width, 4),
                    ],
                )
        return
    table = Table("id", "checklist item", "severity", "profiles", "fix", "what it flags", box=None)
    table.columns[0].no_wrap = True  # an id is what users copy into a directive: never cut it
    for rule in RULES:
        item = ITEMS_BY_KEY[rule.item]
        for rule_id, code in zip(rule.ids, rule.codes, strict=True):
            table.add_row(
                rule_id,
                f"{item.number}. {item.title}" if item.number else item.title,
                code.severity.label,
                ", ".join(sorted(rule.profiles)),
                code.fix,
                code.summary,
            )
    console.print(table)


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule group or id, e.g. use-their-name.")],
    config: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--config", help="Show the settings this checklist.toml puts in force."),
    ] = None,
    isolated: Annotated[bool, typer.Option(help="Show the built-in settings only.")] = False,
) -> None:
    """Show a rule's documentation (what it does, why it matters, an example, what to write
    instead) and the settings in force here."""
    from rich.markdown import Markdown
    from rich.text import Text

    from empathylint.api import Settings
    from empathylint.config import ConfigError
    from empathylint.reporters.rich_report import make_console
    from empathylint.reporters.rule_docs import rule_markdown, settings_toml
    from empathylint.rules import rule_by_id

    rule = rule_by_id(rule_id)
    if rule is None or (rule_id != rule.group and rule_id not in rule.ids):
        raise _fail(f"unknown rule {rule_id!r}; `empathylint rules` lists them")
    try:
        settings = Settings(config=config, folder=None if isolated else Path.cwd()).internal_config
    except ConfigError as error:
        raise _fail(str(error)) from None
    console = make_console()
    console.soft_wrap = False  # prose wraps at the terminal's width instead of being cut
    console.print(Markdown(rule_markdown(rule, settings)))
    console.print()
    console.print(Text(f"# Settings in force (from {', '.join(settings.sources)}):", style="bold"), soft_wrap=True)
    # Never wrapped by rich: what is printed here is pasted into checklist.toml.
    console.print(Text(settings_toml(rule, settings)), end="", soft_wrap=True)


@app.command()
def init(
    template: Annotated[
        str,
        typer.Option(
            metavar="PROFILE",
            help="reply (drafts), template (a repository of canned replies) or doc (a help center).",
        ),
    ] = "reply",
    path: Annotated[Path, typer.Option("--path", metavar="FILE", help="Where to write it.")] = Path("checklist.toml"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented checklist.toml to start from."""
    from empathylint.templates import TEMPLATES, template_name, write_template
    from empathylint.writing import WriteError

    chosen = template_name(template)
    if chosen is None:
        raise _fail(f"--template must be one of {', '.join(TEMPLATES)}, not {template!r}")
    try:
        write_template(path, chosen, force=force)
    except WriteError as error:
        raise _fail(str(error)) from None
    typer.echo(f"Wrote {path} ({chosen} template). `empathylint explain RULE` shows each rule's settings.")


@app.command()
def lsp() -> None:
    """Run the language server for editors (Markdown, plain text, HTML) over standard input and
    output. Needs the lsp extra: pip install 'empathylint[lsp]'."""
    from empathylint.lsp import run

    raise typer.Exit(run())


@app.command()
def serve(
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, metavar="PORT", help="The port to listen on; 0 picks a free one.")
    ] = 8765,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in the web browser.")] = False,
    config: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--config", metavar="FILE", help="A checklist.toml to use over the one found from here."),
    ] = None,
) -> None:
    """Open a local page to paste a draft into: findings as you type, fixes, the checklist.
    Listens on 127.0.0.1 only; drafts never leave this computer."""
    from empathylint.config import ConfigError
    from empathylint.serve.server import serve_until_stopped, start

    try:
        server = start(Path.cwd(), config_file=config, port=port)
    except ConfigError as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"cannot listen on 127.0.0.1:{port}: {error.strerror or error} (try --port 0)") from None
    serve_until_stopped(server, open_browser=open_browser, say=typer.echo)


def main() -> None:
    """The console script. A console that cannot show a character gets a replacement for
    it instead of a crash (Python on Windows writes a pipe in cp1252), and a bug is one line
    and exit 2: exit 1 means findings, and CI must not read a crash as findings."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        app()
    except BrokenPipeError:
        # The reader went away (`| head`): nothing more can be said on standard output.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_ERROR)
    except Exception as error:
        if "--debug" in sys.argv:
            traceback.print_exc()
        typer.echo(
            f"empathylint: internal error: {type(error).__name__}: {error} "
            "(please report it; --debug shows the traceback)",
            err=True,
        )
        sys.exit(EXIT_ERROR)
