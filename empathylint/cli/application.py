"""The `empathylint` application: its commands, `--version`, and the console script."""

import os
import sys
import traceback
from typing import Annotated, Optional

import typer

from empathylint import __version__
from empathylint.cli import audit, check, init, rules, servers
from empathylint.cli.options import EXIT_ERROR

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


for command in (check.check, audit.audit, rules.rules, rules.explain, init.init, servers.lsp, servers.serve):
    app.command()(command)


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
