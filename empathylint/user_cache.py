"""The user cache folder: what a run derives once and later runs read instead (the
pronunciation and spelling lists, the reports of files checked before).

Everything in it can be rebuilt, so a missing, damaged or unwritable cache only ever costs
time. Its content is untrusted input: each entry is data (text or JSON, never code), is
written atomically, and carries a checksum over its content and the key it was stored
under, so an entry that is cut short, changed, or copied from another key is never used;
the caller rebuilds it. A folder owned by another user is not used at all."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

# The first line of every entry: this mark, the format, the checksum and the key, by tabs.
_ENTRY_MARK = "empathylint-cache"
_ENTRY_FORMAT = "1"


def cache_dir() -> Path:
    """$EMPATHYLINT_CACHE_DIR, else $XDG_CACHE_HOME/empathylint, else ~/.cache/empathylint."""
    explicit = os.environ.get("EMPATHYLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "empathylint" if xdg else Path.home() / ".cache" / "empathylint"


def usable_cache_dir() -> Path | None:
    """The cache folder, created (private to this user) when missing; None when it cannot
    be made, is not a folder, or belongs to another user (who could plant entries in it)."""
    folder = cache_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.stat()
    except OSError:
        return None
    getuid = getattr(os, "getuid", None)  # absent on Windows, where folders have no such owner
    if getuid is not None and status.st_uid != getuid():
        return None
    return folder if folder.is_dir() else None


def _checksum(key: str, payload: bytes) -> str:
    return hashlib.blake2b(key.encode("utf-8") + b"\n" + payload, digest_size=20).hexdigest()


def write_entry(path: Path, key: str, payload: bytes) -> None:
    """Store `payload` under `key` (text without tabs or line breaks) at `path`."""
    header = "\t".join((_ENTRY_MARK, _ENTRY_FORMAT, _checksum(key, payload), key)) + "\n"
    write_atomically(path, header.encode("utf-8") + payload)


def read_entry(path: Path, key: str) -> bytes | None:
    """The payload stored at `path` under `key`; None when it is absent, unreadable,
    damaged or stored under another key."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header_end = data.find(b"\n")
    fields = data[:header_end].decode("utf-8", errors="replace").split("\t")
    if header_end < 0 or len(fields) != 4 or fields[:2] != [_ENTRY_MARK, _ENTRY_FORMAT] or fields[3] != key:
        return None
    payload = data[header_end + 1 :]
    return payload if fields[2] == _checksum(key, payload) else None


def write_atomically(path: Path, data: bytes) -> None:
    """Write as every file is written (writing.write_atomic: a temporary file renamed over),
    so that a reader never sees half a file, but not flushed to disk: an entry a power cut
    damages fails its checksum and is rebuilt, and a first run over a help centre writes
    hundreds. Say nothing when the folder cannot be written (read-only homes, CI
    sandboxes): a cache only saves time."""
    from empathylint.writing import WriteError, write_atomic

    with contextlib.suppress(OSError, WriteError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, data, durable=False)
