"""empathylint: a linter for customer-support writing.

The Python API (`check_text`, `check_file`, `Settings`, `Report`) is imported on first use,
so `import empathylint` stays cheap and never loads the command line's typer or rich."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from empathylint.api import (
        ConfigError,
        Diagnostic,
        Edit,
        Fix,
        Fixed,
        InputError,
        Report,
        Settings,
        Severity,
        check_file,
        check_text,
    )

__all__ = [
    "ConfigError",
    "Diagnostic",
    "Edit",
    "Fix",
    "Fixed",
    "InputError",
    "Report",
    "Settings",
    "Severity",
    "__version__",
    "check_file",
    "check_text",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from empathylint import api

        return getattr(api, name)
    raise AttributeError(f"module 'empathylint' has no attribute {name!r}")
