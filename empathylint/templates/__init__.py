"""`empathylint init`: a commented checklist.toml to start from, one per kind of repository,
named like the profile it checks with:

reply     drafts of replies to customers (the default)
template  a repository of canned replies / macros, checked as templates with placeholders
doc       a help-center repository, checked as help articles

The names of the first release, canned and docs, are still accepted."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

TEMPLATES = ("reply", "template", "doc")
OLD_NAMES = {"canned": "template", "docs": "doc"}


def template_name(name: str) -> str | None:
    """The template a name given to `init --template` means, or None."""
    name = OLD_NAMES.get(name, name)
    return name if name in TEMPLATES else None


def template_text(name: str) -> str:
    known = template_name(name)
    if known is None:
        raise ValueError(f"unknown template {name!r} (use {', '.join(TEMPLATES)})")
    return resources.files(__name__).joinpath(f"{known}.toml").read_text(encoding="utf-8")


def write_template(path: Path, name: str, *, force: bool = False) -> None:
    """Write the template atomically; an existing file is kept unless `force`."""
    from empathylint.writing import WriteError, write_atomic

    text = template_text(name)
    if (path.exists() or path.is_symlink()) and not force:
        raise WriteError(str(path), "already exists; use --force to overwrite it")
    write_atomic(path, text.encode("utf-8"), display=str(path))
