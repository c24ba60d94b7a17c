"""What several commands share: exit codes, option groups, the checks of a choice, and the
options that mean the same in each."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("error", "warning", "info")

# The names of the readers (empathylint.formats.FORMATS) and of the helpdesk exports
# (empathylint.formats.helpdesk.INPUT_FORMATS), for `check`'s help and its checks of a
# choice: spelled here so that a run answered from the result cache imports no reader (a
# test holds them equal).
READ_FORMATS = ("plain", "markdown", "html", "email")
EXPORT_FORMATS = ("auto", "zendesk", "helpscout", "freshdesk", "intercom", "front", "gorgias", "csv")

# The groups of `check --help`, in the order a person reaches for them.
INPUT, CONFIGURATION, OUTPUT, FIXING, PERFORMANCE = "Input", "Configuration", "Output", "Fixing", "Performance"

# The rules a run checks with, the same in `check` and `audit`.
Select = Annotated[
    Optional[list[str]],  # noqa: UP045 - typer reads the annotation at run time on 3.10
    typer.Option(
        metavar="RULES", help="Only these rule groups or ids (comma-separated).", rich_help_panel=CONFIGURATION
    ),
]
Ignore = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        metavar="RULES", help="Skip these rule groups or ids (comma-separated).", rich_help_panel=CONFIGURATION
    ),
]


def split(values: Optional[list[str]]) -> tuple[str, ...]:  # noqa: UP045
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


def fail(message: str) -> typer.Exit:
    typer.echo(f"empathylint: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def one_of(values: tuple[str, ...]) -> str:
    """The allowed values, as --help lists them."""
    return " | ".join(values)


def check_choice(option: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise fail(f"{option} must be one of {', '.join(allowed)}, not {value!r}")
