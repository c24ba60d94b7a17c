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
    """Write as every file is written (writing.write_atomic: a temporary file, flushed, then
    renamed over), so that a reader never sees half a file; say nothing when the folder
    cannot be written (read-only homes, CI sandboxes): a cache only saves time."""
    from empathylint.writing import WriteError, write_atomic

    with contextlib.suppress(OSError, WriteError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
