"""`empathylint check`: its options, and the run they start (check_stages)."""

import dataclasses
from pathlib import Path
from typing import Annotated, Optional

import typer

from empathylint.cli.check_stages import (
    Outcome,
    checked_folders,
    exit_code,
    fix_files,
    report,
    result_cache,
    several_files,
    tell_errors_and_notices,
)
from empathylint.cli.options import (
    CONFIGURATION,
    EXPORT_FORMATS,
    FIXING,
    INPUT,
    OUTPUT,
    PERFORMANCE,
    READ_FORMATS,
    SEVERITIES,
    Ignore,
    Select,
    check_choice,
    fail,
    one_of,
    split,
)
from empathylint.document import CHANNELS, PROFILES
from empathylint.engine import FileReport
from empathylint.reporters import OUTPUT_FORMATS


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
            help=f"Check every file as {one_of(PROFILES)}; overrides the profile globs in checklist.toml.",
            rich_help_panel=INPUT,
        ),
    ] = None,
    channel: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            metavar="CHANNEL",
            help=f"Where the replies are sent, {one_of(CHANNELS)}; overrides the channel globs in checklist.toml.",
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
            help=f"Read every file as {one_of(READ_FORMATS)} instead of by extension.",
            rich_help_panel=INPUT,
        ),
    ] = None,
    input_format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--input-format",
            metavar="EXPORT",
            help=f"Read .json and .csv files as this helpdesk export, {one_of(EXPORT_FORMATS)}; "
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
    select: Select = None,
    ignore: Ignore = None,
    fail_on: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            metavar="SEVERITY",
            help=f"Exit 1 on findings at or above {one_of(SEVERITIES)}; warning unless checklist.toml says.",
            rich_help_panel=CONFIGURATION,
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            metavar="FORMAT",
            help=f"{one_of(OUTPUT_FORMATS)}: rich for people, concise a line per finding, the rest for machines.",
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
    from empathylint.notices import before_checking

    check_choice("--format-in", format_in, READ_FORMATS)
    check_choice("--input-format", input_format, EXPORT_FORMATS)
    check_choice("--output-format", output_format, OUTPUT_FORMATS)
    options = CheckOptions(
        customer_name=customer,
        agent_name=agent,
        format_name=format_in,
        stdin_filename=stdin_filename,
        customer_message=None,
        profile_forced=profile is not None,
        input_format=input_format,
        columns=tuple(column or ()),
    )
    fixing_mode = fix or fix_only or diff
    # --fix re-checks each file after writing it, so it stays in one process, and is never
    # answered from the result cache: it reads the files it writes.
    cache = None if no_cache or fixing_mode or show_settings else result_cache(options)
    try:
        # The same Settings the Python API checks with: flags override the files found
        # nearest to each file.
        resolver = Settings(
            config=config,
            folder=None if isolated else Path.cwd(),
            profile=profile,  # type: ignore[arg-type]  # validated by Settings, as in checklist.toml
            channel=channel,  # type: ignore[arg-type]  # validated by Settings, as in checklist.toml
            select=split(select) if select else None,
            ignore=split(ignore),
            fail_on=fail_on.lower() if fail_on else None,  # type: ignore[arg-type]
            _source="command line",
            _memo=cache,  # layers validated by an earlier run are not validated again
        ).internal_resolver
    except ConfigError as error:
        raise fail(str(error)) from None
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
            raise fail(f"--customer-message {error}") from None
    if customer is not None and several_files(paths, settings):
        raise fail(
            "--customer names one customer, so it applies to a single draft, and several files were given; "
            "check them one at a time, or set `customer:` in each draft's front matter"
        )
    options = dataclasses.replace(options, customer_message=customer_text)
    for notice in before_checking(paths, settings):
        typer.echo(notice.line(), err=True)
    results = check_paths(paths, resolver, options, jobs=1 if fixing_mode else jobs or default_jobs(), cache=cache)
    outcome = Outcome()
    if fixing_mode:
        reports = fix_files(
            results,
            outcome,
            paths,
            resolver,
            options,
            unsafe_fixes=unsafe_fixes,
            write=not diff,
            quiet=fix_only,
            inside=None if fix_outside else checked_folders(paths),
        )
    else:
        reports = [report for report, _source in results]
    if any(type(report) is not FileReport for report in reports):
        from empathylint.formats.helpdesk.reports import expand_items

        reports = expand_items(reports)  # a helpdesk export: one report per canned reply
    if not fix_only:
        report(
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
    tell_errors_and_notices(reports, outcome, paths, settings, profile_forced=profile is not None, debug=debug)
    raise typer.Exit(exit_code(reports, outcome, settings, diff=diff, exit_zero=exit_zero or fix_only))
