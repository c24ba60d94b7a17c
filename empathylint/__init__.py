"""empathylint: a linter for customer-support writing.

The Python API (`check_text`, `check_file`, `Settings`, `Report`: `empathylint.api.__all__`)
is imported on first use, so `import empathylint` stays cheap and never loads the command
line's typer or rich. The names are listed once, in empathylint.api."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from empathylint.api import *  # noqa: F403  # what type checkers see: api's __all__


def __getattr__(name: str) -> Any:
    from importlib import import_module

    api = import_module("empathylint.api")  # not `from empathylint import api`: that asks this hook
    if name == "__all__":
        return [*api.__all__, "__version__"]
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'empathylint' has no attribute {name!r}")
