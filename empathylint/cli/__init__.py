"""The command line, one module per command: `check` (check, and the stages of a run after
it in check_stages), `audit`, `rules` and `explain` (rules), `init`, `serve` and `lsp`
(servers); the options several commands share in `options`; the application and the console
script in `application`. Parsing and exit codes only; the work is done elsewhere.

Exit codes: 0 nothing at or above the failing severity; 1 findings that block sending;
2 a usage, configuration or input error (named in one line; other files still checked).

The modules that define commands keep their annotations evaluated (no `from __future__
import annotations`): typer reads each command's signature two or three times a run, and
string annotations would be compiled and evaluated again each time (a third of the start-up
of a run answered from the result cache)."""

from empathylint.cli.application import app, main

__all__ = ["app", "main"]
