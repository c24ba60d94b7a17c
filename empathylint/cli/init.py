"""`empathylint init`: a commented checklist.toml to start from."""

from pathlib import Path
from typing import Annotated

import typer

from empathylint.cli.options import fail


def init(
    template: Annotated[
        str,
        typer.Option(
            metavar="PROFILE",
            help="reply (drafts), template (a repository of canned replies) or doc (a help center).",
        ),
    ] = "reply",
    path: Annotated[Path, typer.Option("--path", metavar="FILE", help="Where to write it.")] = Path("checklist.toml"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented checklist.toml to start from."""
    from empathylint.templates import TEMPLATES, template_name, write_template
    from empathylint.writing import WriteError

    chosen = template_name(template)
    if chosen is None:
        raise fail(f"--template must be one of {', '.join(TEMPLATES)}, not {template!r}")
    try:
        write_template(path, chosen, force=force)
    except WriteError as error:
        raise fail(str(error)) from None
    typer.echo(f"Wrote {path} ({chosen} template). `empathylint explain RULE` shows each rule's settings.")
