"""`empathylint lsp`: the checks in an editor, over the Language Server Protocol (stdio).

pygls is an optional extra: nothing here is imported on the way to `empathylint check`,
and without the extra `empathylint lsp` says in one line how to install it.

  server.py       pygls wiring: the requests and notifications answered
  session.py      what is kept between messages; when to check, what to publish
  checker.py      a buffer checked with the configuration nearest to its file
  positions.py    offsets ↔ LSP positions (UTF-16 code units unless agreed otherwise)
  diagnostics.py  findings → LSP diagnostics
  actions.py      code actions: apply a fix (or all, as --fix), suppress on this line, add a word
  suppression.py  the directive edit that suppresses a finding on its line
  dictionary.py   adding a word to checklist.toml (or its words-file), byte for byte
  explain.py      hover: the rule's documentation
"""

from __future__ import annotations

import sys

EXIT_MISSING_EXTRA = 2
INSTALL_HINT = (
    "empathylint: error: the language server needs the lsp extra (pygls); "
    "install it with: python3 -m pip install 'path/to/empathylint[lsp]'"
)
_EXTRA_MODULES = frozenset({"pygls", "lsprotocol", "cattrs", "attrs"})


def run() -> int:
    """Serve over standard input and output; the exit code."""
    try:
        from empathylint.lsp.server import serve
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] not in _EXTRA_MODULES:
            raise
        print(INSTALL_HINT, file=sys.stderr)
        return EXIT_MISSING_EXTRA
    serve()
    return 0
