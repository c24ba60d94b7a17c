"""The `empathylint` application: its commands, `--version`, and the run the console script
(`empathylint.cli.main`) starts once it has set the collector's thresholds."""

import importlib
import os
import sys
import traceback
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Annotated, Any, Optional

import typer
import typer.core
import typer.main

from empathylint import __version__
from empathylint.cli.options import EXIT_ERROR

# Each command, in the order --help lists them, by its module in this package and its function.
COMMANDS = {
    "check": ("check", "check"),
    "audit": ("audit", "audit"),
    "rules": ("rules", "rules"),
    "explain": ("rules", "explain"),
    "init": ("init", "init"),
    "lsp": ("servers", "lsp"),
    "serve": ("servers", "serve"),
}


class _CommandsOnDemand(MutableMapping[str, Any]):
    """The application's commands, each of COMMANDS built from its module when first asked
    for (to run it, or to list it in --help): a `check` imports and reads the signature of no
    other command (`audit` alone imports its report's modules). A command added otherwise
    (`app.command()`) is kept as it is given."""

    def __init__(self, added: Mapping[str, Any]) -> None:
        self._names = [*COMMANDS, *(name for name in added if name not in COMMANDS)]
        self._built = dict(added)

    def __getitem__(self, name: str) -> Any:
        if name not in self._names:
            raise KeyError(name)
        if name not in self._built:
            module, function = COMMANDS[name]
            single = typer.Typer(add_completion=False)
            single.command()(getattr(importlib.import_module(f"empathylint.cli.{module}"), function))
            self._built[name] = typer.main.get_command(single)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        if name not in self._names:
            self._names.append(name)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self._names:
            raise KeyError(name)
        self._names.remove(name)
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._names))

    def __len__(self) -> int:
        return len(self._names)


class _Application(typer.core.TyperGroup):
    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.commands = _CommandsOnDemand(self.commands)


app = typer.Typer(
    name="empathylint",
    help="Lint customer-support replies, canned replies and help docs before they go out.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    cls=_Application,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


def run() -> None:
    """The console script's run (empathylint.cli.main). A console that cannot show a
    character gets a replacement for it instead of a crash (Python on Windows writes a pipe
    in cp1252), and a bug is one line and exit 2: exit 1 means findings, and CI must not
    read a crash as findings."""
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
