"""Writing files at the edge: fixed drafts back over themselves, reports and templates.

Every write is atomic (a temporary file in the same folder, flushed, then put in place) and
keeps the old file's permissions and owner. A fixed draft is written the way it came (its
encoding, byte order mark and newlines) and never over an edit made by someone else:

- a file that changed since it was read, is read-only, or has other hard links (replacing
  it would leave its other names with the old text) is not written, and named;
- through a symbolic link, the file it points to is replaced and the link kept, but only
  inside the folders being checked, unless the user asks for more;
- the last check that nobody saved the file meanwhile comes after the slow part (writing
  and flushing the new text), and the new file takes the name only if it is free, so an
  editor's save that lands while the files are swapped is kept and the fix dropped
  (see _swap_in)."""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from empathylint.files import InputError, SourceFile, decode

BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


class WriteError(Exception):
    """A file that could not be written back, told in one line that names it."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def encode(text: str, encoding: str, bom: bool) -> bytes:
    return (BOMS.get(encoding, b"") if bom else b"") + text.encode(encoding)


def write_back(source: SourceFile, text: str, *, inside: Sequence[Path] | None = None) -> None:
    """Write fixed text over the file it was read from. `inside` are the folders being
    checked: a symbolic link that leads out of them is not followed (None: anywhere)."""
    shown = source.path
    target = Path(os.path.realpath(source.path))
    if inside is not None and not any(target.is_relative_to(folder) for folder in inside):
        raise WriteError(
            shown,
            f"is a symbolic link to {target}, outside the folders being checked; not fixed "
            "(--fix-outside writes there)",
        )
    try:
        info = target.stat()
    except FileNotFoundError:
        raise WriteError(shown, "was removed since it was read; not fixed") from None
    if info.st_size != source.size or info.st_mtime_ns != source.mtime_ns:
        raise WriteError(shown, CHANGED_SINCE_READ)
    writable_bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    # Root may write anywhere; a file with no write bit is still meant to be left alone.
    if not info.st_mode & writable_bits or not os.access(target, os.W_OK):
        raise WriteError(shown, "is read-only; not fixed")
    if info.st_nlink > 1:
        raise WriteError(
            shown,
            f"has {info.st_nlink} hard links; not fixed, as replacing it would leave its other names with the old text",
        )
    try:
        original = encode(source.text, source.encoding, source.bom)
    except UnicodeEncodeError:
        raise WriteError(
            shown, f"holds bytes that are not valid {source.encoding} (read as �); not fixed, so they are kept"
        ) from None
    try:
        data = encode(text, source.encoding, source.bom)
    except UnicodeEncodeError as error:
        raise WriteError(
            shown, f"the fix needs {error.object[error.start]!r}, which {source.encoding} cannot hold; not fixed"
        ) from None
    if not _reads_back(data, text, shown):
        raise WriteError(shown, f"the fixed text would not read back as {source.encoding}; not fixed")
    write_atomic(target, data, display=shown, replacing=original)


def _reads_back(data: bytes, text: str, shown: str) -> bool:
    """Whether the bytes about to be written decode, as the next run will read them, to
    the text meant: a fix must never leave a file that reads differently, or not at all."""
    try:
        return decode(data, shown)[0] == text
    except InputError:
        return False


def write_atomic(
    path: Path, data: bytes, *, display: str | None = None, replacing: bytes | None = None, durable: bool = True
) -> None:
    """Replace `path` (or its symlink's target) in one step: a temporary file in the same
    folder, flushed to disk, given the old file's permissions and owner, then put in place.
    With `replacing`, the file is only replaced while it still holds exactly those bytes.
    `durable=False` skips flushing to disk, for files whose loss in a power cut costs only
    time (cache entries, which carry a checksum): still atomic for every reader."""
    import tempfile  # imported by the runs that write: a run answered from the result cache writes nothing

    shown = display or str(path)
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    mode = stat.S_IMODE(info.st_mode) if info else 0o666 & ~_umask()
    try:
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise WriteError(shown, f"cannot write in its folder: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        if info is not None and hasattr(os, "geteuid") and os.geteuid() == 0:
            os.chown(temporary, info.st_uid, info.st_gid)
        if replacing is None:
            os.replace(temporary, target)
        else:
            _swap_in(Path(temporary), target, replacing, shown)
    except OSError as error:
        raise WriteError(shown, f"cannot write: {error.strerror or error}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    if durable:
        _sync_folder(target.parent)


CHANGED_SINCE_READ = "changed since it was read; not fixed (check it again)"
CHANGED_WHILE_FIXING = "was saved by another program while it was being fixed; kept that version, not fixed"


def _swap_in(temporary: Path, target: Path, expected: bytes, shown: str) -> None:
    """Put `temporary` in place of `target` unless someone else saved `target` since it
    held `expected`, keeping their save whenever it lands, however close to ours:

    1. compared once more after the slow part (writing and flushing the new text);
    2. the old file is moved aside in one atomic step, so a save made after it creates a
       new file at the path instead of writing into the one being replaced; if what was
       moved aside is not exactly the text that was read, it goes back;
    3. the new file takes the name only if nothing is there yet (an exclusive hard link):
       a save that landed since step 2 wins, and the fix is dropped;
    4. a program that opened the old file before step 2 and wrote into it since is
       noticed, and its file is put back.
    The path is empty only between steps 2 and 3, two system calls apart; a crash there
    leaves the draft whole under its hidden `.aside` name."""
    import secrets

    if _content(target) != expected:
        raise WriteError(shown, CHANGED_SINCE_READ)
    aside = target.with_name(f".{target.name}.{secrets.token_hex(6)}.aside")
    os.rename(target, aside)
    if _content(aside) != expected:
        _put_back(aside, target)
        raise WriteError(shown, CHANGED_WHILE_FIXING)
    try:
        _take_name(temporary, target)
    except FileExistsError:
        os.unlink(aside)  # their save is newer than the text we fixed
        raise WriteError(shown, CHANGED_WHILE_FIXING) from None
    except OSError:
        _put_back(aside, target)
        raise
    if _content(aside) != expected:
        os.replace(aside, target)
        raise WriteError(shown, CHANGED_WHILE_FIXING)
    os.unlink(aside)


def _take_name(source: Path, name: Path) -> None:
    """Give `source` the name `name` only if it is free (FileExistsError otherwise): a hard
    link, or a rename where the file system cannot link."""
    try:
        os.link(source, name)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(name):
            raise FileExistsError(errno.EEXIST, "File exists", str(name)) from None
        os.rename(source, name)


def _put_back(aside: Path, target: Path) -> None:
    """Return a moved-aside file to its name, unless a newer save already took the name."""
    with contextlib.suppress(FileExistsError):
        _take_name(aside, target)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(aside)


def _content(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder, which is fine."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
