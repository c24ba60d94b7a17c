"""`empathylint audit`: pass rates of sent replies, per checklist item, agent and macro."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from empathylint.cli.options import CONFIGURATION, SEVERITIES, Ignore, Select, check_choice, fail, one_of, split
from empathylint.document import CHANNELS

AUDIT_COLUMNS = "Columns"


def _column(field: str, examples: str) -> object:
    return typer.Option(
        f"--{field}-column",
        metavar="NAME",
        help=f"The column (CSV) or key (JSONL; a.b for nested) of the {examples}.",
        rich_help_panel=AUDIT_COLUMNS,
    )


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
    channel_column: Annotated[Optional[str], _column("channel", "channel, e.g. email or chat (or via)")] = None,  # noqa: UP045
    date_column: Annotated[Optional[str], _column("date", "date sent")] = None,  # noqa: UP045
    id_column: Annotated[Optional[str], _column("id", "reply's or ticket's id")] = None,  # noqa: UP045
    input_format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(metavar="FORMAT", help="jsonl | csv (default: by extension, then by content)."),
    ] = None,
    channel: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(metavar="CHANNEL", help=f"The channel of replies whose row names none, {one_of(CHANNELS)}."),
    ] = None,
    config: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--config",
            metavar="FILE",
            help="A checklist.toml to check with (default: the built-in one).",
            rich_help_panel=CONFIGURATION,
        ),
    ] = None,
    select: Select = None,
    ignore: Ignore = None,
    fail_on: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            metavar="SEVERITY",
            help=f"A reply is not ready to send with findings at {one_of(SEVERITIES)}.",
            rich_help_panel=CONFIGURATION,
        ),
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

    check_choice("--input-format", input_format, INPUT_FORMATS)
    check_choice("--output-format", output_format, AUDIT_FORMATS)
    if dask is not None and jobs is not None:
        raise fail("--jobs and --dask exclude each other: with --dask the cluster decides")
    if dask is not None:
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            raise fail("--dask needs Dask: pip install 'empathylint[dask]'")
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
            select=split(select) if select else None,
            ignore=split(ignore),
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
