"""`empathylint init`: a commented checklist.toml to start from, one per kind of repository.

reply   drafts of replies to customers (the default)
canned  a repository of canned replies / macros, checked as templates with placeholders
docs    a help-center repository, checked as help articles"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

TEMPLATES = ("reply", "canned", "docs")


def template_text(name: str) -> str:
    if name not in TEMPLATES:
        raise ValueError(f"unknown template {name!r} (use {', '.join(TEMPLATES)})")
    return resources.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8")


def write_template(path: Path, name: str, *, force: bool = False) -> None:
    """Write the template atomically; an existing file is kept unless `force`."""
    from empathylint.writing import WriteError, write_atomic

    text = template_text(name)
    if (path.exists() or path.is_symlink()) and not force:
        raise WriteError(str(path), "already exists; use --force to overwrite it")
    write_atomic(path, text.encode("utf-8"), display=str(path))
