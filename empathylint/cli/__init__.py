"""The command line, one module per command: `check` (check, and the stages of a run after
it in check_stages), `audit`, `rules` and `explain` (rules), `init`, `serve` and `lsp`
(servers); the options several commands share in `options`; the application in
`application`, and the console script here. Parsing and exit codes only; the work is done
elsewhere.

Exit codes: 0 nothing at or above the failing severity; 1 findings that block sending;
2 a usage, configuration or input error (named in one line; other files still checked).

The modules that define commands keep their annotations evaluated (no `from __future__
import annotations`): typer reads each command's signature two or three times a run, and
string annotations would be compiled and evaluated again each time (a third of the start-up
of a run answered from the result cache)."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from empathylint.cli.application import app

__all__ = ["app", "main"]

# The cyclic garbage collector's thresholds for a run of the command line. A run builds its
# rules' tables, tries and patterns once and keeps them to the end, so with CPython's
# defaults (a young collection every 700 allocations, an older one every 10 of those) most
# collections walk objects that are still in use: 150 collections taking 50 ms of a cold
# one-reply check, 490 taking 0.23 s of a first run over the corpus's 240 articles.
# Collecting every 50,000 allocations and the older generations every 20 leaves what a run
# frees by reference counting (nearly all of it) as it was: the peak memory of those runs
# did not change (95 MB over the corpus's 400 replies, 74 MB over its articles, either way).
# They are set before the command line's modules load: with the defaults, importing typer
# and the application ran 30 collections, a quarter of that import's time. The Python API
# and the tests keep the interpreter's defaults.
GC_THRESHOLDS = (50_000, 20, 20)


def main() -> None:
    """The console script: the collector's thresholds, then the application (typer)."""
    gc.set_threshold(*GC_THRESHOLDS)
    from empathylint.cli.application import run

    run()


def __getattr__(name: str) -> Any:
    """`app`, the typer application, imported when first asked for (the tests, the docs)."""
    if name == "app":
        from empathylint.cli.application import app

        return app
    raise AttributeError(f"module 'empathylint.cli' has no attribute {name!r}")
