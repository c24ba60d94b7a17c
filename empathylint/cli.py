"""The command line: parsing and exit codes only; the work is done elsewhere.

Exit codes: 0 nothing at or above the failing severity; 1 findings that block sending;
2 a usage, configuration or input error (named in one line; other files still checked)."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from empathylint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    name="empathylint",
    help="Lint customer-support replies, canned replies and help docs before they go out.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"empathylint {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        Optional[bool],  # noqa: UP045 - typer reads the annotation at run time on 3.10
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """empathylint: the checklist a support lead would run over your reply."""


def _split(values: Optional[list[str]]) -> tuple[str, ...]:  # noqa: UP045
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


def _fail(message: str) -> typer.Exit:
    typer.echo(f"empathylint: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files and folders to check; - reads standard input.")],
    profile: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="reply, template or doc; overrides the profile globs in checklist.toml."),
    ] = None,
    customer: Annotated[Optional[str], typer.Option(help="The customer's name, e.g. Maria.")] = None,  # noqa: UP045
    agent: Annotated[Optional[str], typer.Option(help="Your name, as you sign.")] = None,  # noqa: UP045
    customer_message: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            help="A file with the customer's message, as context for the rules (never checked); "
            "without it, draft.customer.txt beside draft.md is used."
        ),
    ] = None,
    config: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--config", help="A checklist.toml to use over the one found from here upwards."),
    ] = None,
    isolated: Annotated[
        bool, typer.Option(help="Ignore checklist.toml and pyproject.toml files found on disk.")
    ] = False,
    select: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(help="Only these rule groups or ids (comma-separated, repeatable)."),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(help="Skip these rule groups or ids (comma-separated, repeatable)."),
    ] = None,
    fail_on: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Exit 1 on findings at or above: error, warning or info."),
    ] = None,
    exit_zero: Annotated[bool, typer.Option(help="Exit 0 even when there are findings.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print the findings only.")] = False,
    format_in: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--format-in", help="Read every file as this format instead of by extension."),
    ] = None,
    stdin_filename: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="The name to report standard input as; its extension picks the format and profile."),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(help="rich (default), concise (one line per finding), json, sarif or github."),
    ] = "rich",
    output_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="Write the report to this file instead of standard output."),
    ] = None,
    statistics: Annotated[bool, typer.Option(help="Count the findings per rule instead of listing them.")] = False,
    explain_context: Annotated[
        bool, typer.Option(help="Show what was read from the customer's message (mood, and why) before each file.")
    ] = False,
    summary: Annotated[
        bool, typer.Option(help="Print only the checklists: one row per file, each item ✓/✗/–, and the verdict.")
    ] = False,
    fix: Annotated[bool, typer.Option(help="Apply the safe fixes, then report what is left.")] = False,
    diff: Annotated[bool, typer.Option(help="Print the fixes as a unified diff; write nothing.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option(help="With --fix or --diff, also apply rewrites that change the meaning.")
    ] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks of internal errors.")] = False,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Check files in up to this many processes (default: one per core; fewer when the work is small).",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Check every file again: neither read nor write reports in the user cache folder."
        ),
    ] = False,
) -> None:
    """Check replies, canned replies and help docs against the support checklist."""
    from empathylint.checking import CheckOptions, check_paths, check_source, default_jobs
    from empathylint.config import CommandLine, ConfigError, load_config
    from empathylint.engine import INTERNAL_ERROR
    from empathylint.files import STDIN
    from empathylint.fixes import FixError
    from empathylint.formats import FORMATS
    from empathylint.reporters import OUTPUT_FORMATS, Run, emit_report
    from empathylint.rules import RULES

    if format_in is not None and format_in not in FORMATS:
        raise _fail(f"--format-in must be one of {', '.join(FORMATS)}, not {format_in!r}")
    flags = CommandLine(
        select=_split(select) if select else None,
        ignore=_split(ignore),
        fail_on=fail_on.lower() if fail_on else None,
        profile=profile,
    )
    try:
        settings = load_config(RULES, config_file=config, command_line=flags, isolated=isolated)
    except ConfigError as error:
        raise _fail(str(error)) from None

    customer_text = None
    if customer_message is not None:
        from empathylint.files import InputError, read_source

        try:
            customer_text = read_source(customer_message).text
        except InputError as error:
            raise _fail(f"--customer-message {error}") from None
    options = CheckOptions(
        customer_name=customer,
        agent_name=agent,
        format_name=format_in,
        stdin_filename=stdin_filename,
        customer_message=customer_text,
        profile_forced=profile is not None,
    )
    if output_format not in OUTPUT_FORMATS:
        raise _fail(f"--output-format must be one of {', '.join(OUTPUT_FORMATS)}, not {output_format!r}")
    cache = None
    if not no_cache:
        from empathylint.result_cache import open_result_cache

        cache = open_result_cache(settings, options)
    # --fix re-checks each file after writing it, so it stays in one process.
    results = check_paths(paths, settings, options, jobs=1 if fix or diff else jobs or default_jobs(), cache=cache)
    run = Run(
        settings.fail_on, RULES, Path.cwd(), quiet=quiet, unsafe_fixes=unsafe_fixes, explain_context=explain_context
    )
    if fix or diff:
        from empathylint.fixes import fix_results, fix_summary

        fixing = fix_results(
            results,
            lambda source, text: check_source(dataclasses.replace(source, text=text), settings, options),
            unsafe_fixes=unsafe_fixes,
            write=not diff,
            is_stdin=lambda source: (
                STDIN in paths and source.path == (stdin_filename or "<stdin>") and not source.mtime_ns
            ),
        )
        reports = fixing.reports
        typer.echo(fix_summary(fixing, write=not diff), err=True)
    else:
        reports = [report for report, _source in results]
    try:
        if diff:
            typer.echo("".join(fixing.diffs), nl=False)
        elif summary:
            from empathylint.reporters.rich_report import make_console
            from empathylint.reporters.summary import render_summary

            render_summary(reports, settings.fail_on, make_console())
        elif fix and fixing.stdin_text is not None:
            # As ruff does: the fixed text is the output; the report goes to standard error.
            sys.stdout.write(fixing.stdin_text)
            emit_report(output_format, reports, run, output_file, statistics, to_stderr=True)
        else:
            emit_report(output_format, reports, run, output_file, statistics)
    except FixError as error:
        raise _fail(str(error)) from None
    for report in reports:
        if report.error is not None:
            typer.echo(f"empathylint: error: {report.path}: {report.error}", err=True)
    if debug:
        for report in reports:
            for trace in report.tracebacks:
                typer.echo(f"{report.path}:\n{trace}", err=True)

    errors = any(r.error is not None for r in reports) or any(
        d.rule_id == INTERNAL_ERROR for r in reports for d in r.diagnostics
    )
    if errors:
        raise typer.Exit(EXIT_ERROR)
    if diff:
        raise typer.Exit(EXIT_FINDINGS if fixing.diffs and not exit_zero else EXIT_CLEAN)
    if not exit_zero and any(r.blocking(settings.fail_on) for r in reports):
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def rules(
    output_format: Annotated[str, typer.Option(help="rich (a table, the default) or json.")] = "rich",
) -> None:
    """List every rule: id, checklist item, default severity, profiles and fix."""
    from rich.table import Table

    from empathylint.checklist import ITEMS_BY_KEY
    from empathylint.reporters.rich_report import make_console
    from empathylint.rules import RULES

    if output_format == "json":
        from empathylint.reporters.rule_docs import rules_json

        typer.echo(rules_json(RULES), nl=False)
        return
    if output_format != "rich":
        raise _fail(f"--output-format must be rich or json, not {output_format!r}")
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
    make_console().print(table)


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

    from empathylint.config import ConfigError, load_config
    from empathylint.reporters.rich_report import make_console
    from empathylint.reporters.rule_docs import rule_markdown, settings_toml
    from empathylint.rules import RULES, rule_by_id

    rule = rule_by_id(rule_id)
    if rule is None or (rule_id != rule.group and rule_id not in rule.ids):
        raise _fail(f"unknown rule {rule_id!r}; `empathylint rules` lists them")
    try:
        settings = load_config(RULES, config_file=config, isolated=isolated)
    except ConfigError as error:
        raise _fail(str(error)) from None
    console = make_console()
    console.soft_wrap = False  # prose wraps at the terminal's width instead of being cut
    console.print(Markdown(rule_markdown(rule, settings)))
    console.print()
    console.print(Text(f"Settings in force (from {', '.join(settings.sources)}):", style="bold"))
    console.print(Text(settings_toml(rule, settings)), end="")


@app.command()
def init(
    template: Annotated[
        str, typer.Option(help="reply (drafts), canned (a macros repository) or docs (a help center).")
    ] = "reply",
    path: Annotated[Path, typer.Option("--path", help="Where to write it.")] = Path("checklist.toml"),
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented checklist.toml to start from."""
    from empathylint.fixes import FixError
    from empathylint.templates import TEMPLATES, write_template

    if template not in TEMPLATES:
        raise _fail(f"--template must be one of {', '.join(TEMPLATES)}, not {template!r}")
    try:
        write_template(path, template, force=force)
    except FixError as error:
        raise _fail(str(error)) from None
    typer.echo(f"Wrote {path} ({template} template). `empathylint explain RULE` shows each rule's settings.")


def main() -> None:
    """The console script."""
    app()
