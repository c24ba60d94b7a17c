"""The user cache folder: what a run derives once and later runs read instead (lexicons,
compiled patterns, parsed checklists). Everything in it can be rebuilt, so a missing,
damaged or unwritable cache only ever costs time."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def cache_dir() -> Path:
    """$EMPATHYLINT_CACHE_DIR, else $XDG_CACHE_HOME/empathylint, else ~/.cache/empathylint."""
    explicit = os.environ.get("EMPATHYLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "empathylint" if xdg else Path.home() / ".cache" / "empathylint"


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file and os.replace, so that a reader never sees half a
    file; say nothing when the folder cannot be written (read-only homes, CI sandboxes)."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
