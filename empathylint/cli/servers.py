"""`empathylint serve` (a local page to paste a draft into) and `empathylint lsp` (the
language server for editors)."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from empathylint.cli.options import fail


def lsp() -> None:
    """Run the language server for editors (Markdown, plain text, HTML) over standard input and
    output. Needs the lsp extra: pip install 'empathylint\\[lsp]'."""
    from empathylint.lsp import run

    raise typer.Exit(run())


def serve(
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, metavar="PORT", help="The port to listen on; 0 picks a free one.")
    ] = 8765,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in the web browser.")] = False,
    config: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--config", metavar="FILE", help="A checklist.toml to use over the one found from here."),
    ] = None,
) -> None:
    """Open a local page to paste a draft into: findings as you type, fixes, the checklist.
    Listens on 127.0.0.1 only; drafts never leave this computer."""
    from empathylint.config import ConfigError
    from empathylint.serve.server import serve_until_stopped, start

    try:
        server = start(Path.cwd(), config_file=config, port=port)
    except ConfigError as error:
        raise fail(str(error)) from None
    except OSError as error:
        raise fail(f"cannot listen on 127.0.0.1:{port}: {error.strerror or error} (try --port 0)") from None
    serve_until_stopped(server, open_browser=open_browser, say=typer.echo)
