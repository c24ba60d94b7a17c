"""Reading at the edge: which files to check, and their text.

Every problem becomes an InputError with one line that names the file and the cause; the
CLI reports it, exits 2 at the end, and goes on with the other files."""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path

from empathylint.config import Config, glob_match

MAX_BYTES = 20 * 1024 * 1024
SKIPPED_FOLDERS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})
STDIN = "-"


class InputError(Exception):
    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass(frozen=True)
class SourceFile:
    """A file's decoded text and how to write it back the same way."""

    path: str
    text: str
    encoding: str
    bom: bool
    size: int
    mtime_ns: int


def decode(data: bytes, path: str) -> tuple[str, str, bool]:
    """Text, encoding and whether a byte order mark was present."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8", path), "utf-8", True
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _decode(data[2:], encoding, path), encoding, True
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes); not checked")
    if path.lower().endswith(".eml"):
        try:
            return data.decode("utf-8"), "utf-8", False
        except UnicodeDecodeError:
            charset = _declared_single_byte_charset(data)
            if charset is not None:
                return data.decode(charset), charset, False
    return _decode(data, "utf-8", path), "utf-8", False


_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def _declared_single_byte_charset(data: bytes) -> str | None:
    """An email sent as 8-bit Latin-1 (or another one-byte charset it declares) is read in
    that charset, byte for byte, so positions and a written-back fix stay those of the file."""
    for match in _CHARSET.finditer(data):
        try:
            name = codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            continue
        if name.startswith(("iso8859", "cp125")):
            return name
    return None


def _decode(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            path,
            f"not valid {encoding.upper()} (byte 0x{data[error.start]:02x} on line {line}); "
            "save it as UTF-8 and check again",
        ) from None


def read_source(path: Path, display: str | None = None) -> SourceFile:
    shown = display or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(shown, "broken symbolic link") from None
        raise InputError(shown, "no such file or directory") from None
    except OSError as error:
        if error.errno == 40:  # ELOOP
            raise InputError(shown, "symbolic link loop") from None
        raise InputError(shown, f"cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(shown, "is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(shown, "not a regular file (a FIFO, socket or device); not read")
    if info.st_size > MAX_BYTES:
        raise InputError(
            shown, f"too large ({info.st_size / 1_048_576:.1f} MB; the limit is {MAX_BYTES // 1_048_576} MB)"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise InputError(shown, "permission denied") from None
    except OSError as error:
        raise InputError(shown, f"cannot read: {error.strerror or error}") from None
    text, encoding, bom = decode(data, shown)
    require_text(text, shown)
    return SourceFile(shown, text, encoding, bom, info.st_size, info.st_mtime_ns)


def require_text(text: str, path: str) -> None:
    """An empty or blank draft is a mistake worth a clear error, not a silent pass."""
    if not text.strip():
        raise InputError(path, "empty file; nothing to check" if not text else "only white space; nothing to check")


def collect(paths: Sequence[str], config: Config) -> Iterator[Path | InputError]:
    """The files to check, in a stable order: named files as given, folders recursed
    (sorted, skipping hidden folders, .git, node_modules and the configured excludes)."""
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in _walk(path, config):
                if found not in seen:
                    seen.add(found)
                    yield found
        elif path.exists() or path.is_symlink():
            if not _excluded(path, config) and path not in seen and not _context_beside_a_draft(path):
                seen.add(path)
                yield path
        else:
            yield InputError(given, "no such file or directory")


def _walk(folder: Path, config: Config) -> Iterator[Path]:
    ignored = git_ignored(folder)
    for root, folders, names in os.walk(folder):
        root_path = Path(root)
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".")
            and name not in SKIPPED_FOLDERS
            and not _excluded(root_path / name, config)
            and (root_path / name) not in ignored
        )
        for name in sorted(names):
            candidate = root_path / name
            if (
                any(glob_match(name, pattern) for pattern in config.include)
                and not name.endswith(CUSTOMER_CONTEXT_SUFFIXES)
                and not _excluded(candidate, config)
                and candidate not in ignored
            ):
                yield candidate


CUSTOMER_CONTEXT_SUFFIXES = (".customer.txt", ".customer.md")
"""A customer's message saved beside a draft is context for it, not a draft: a folder
walk skips it, and so does a named file when its draft stands beside it (pre-commit and
shell globs name both); a lone one, named on the command line, is checked like any file."""


def _context_beside_a_draft(path: Path) -> bool:
    if not path.name.endswith(CUSTOMER_CONTEXT_SUFFIXES):
        return False
    stem = path.name[: path.name.rindex(".customer.")]
    return any(
        sibling.name != path.name and not sibling.name.endswith(CUSTOMER_CONTEXT_SUFFIXES)
        for sibling in path.parent.glob(f"{glob_escape(stem)}.*")
    )


def git_ignored(folder: Path) -> frozenset[Path]:
    """What .gitignore (and .git/info/exclude, and the global excludes) ignore under a
    folder, asked of git once per walked folder: `git ls-files --others --ignored
    --exclude-standard --directory` lists ignored files, and whole ignored folders once.
    Outside a git work tree, or without git, nothing is ignored."""
    import subprocess

    try:
        listed = subprocess.run(
            ["git", "-C", str(folder), "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"],
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    if listed.returncode != 0:
        return frozenset()
    names = listed.stdout.decode("utf-8", "surrogateescape").split("\0")
    return frozenset(folder / name.rstrip("/") for name in names if name)


def _excluded(path: Path, config: Config) -> bool:
    if not config.exclude:
        return False
    try:
        relative = path.resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        relative = path.as_posix()
    return any(glob_match(relative, pattern) for pattern in config.exclude)
