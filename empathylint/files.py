"""Reading at the edge: which files to check, and their text.

Every problem becomes an InputError with one line that names the file and the cause; the
CLI reports it, exits 2 at the end, and goes on with the other files."""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path
from typing import TYPE_CHECKING

from empathylint.config import Config, glob_match

if TYPE_CHECKING:
    from empathylint.gitignore import GitIgnore

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


BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def shown_path(path: str) -> str:
    """A file name as every report writes it: bytes that are not UTF-8 (`caf\\xe9.txt`,
    which Python holds as a lone surrogate) are escaped as `\\xe9`, so JSON, SARIF and
    files written stay valid UTF-8 and each format names the file the same way."""
    if path.isascii():
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def decode(data: bytes, path: str) -> tuple[str, str, bool]:
    """Text, encoding and whether a byte order mark was present."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8", path), "utf-8", True
    # UTF-32 first: its little-endian mark begins with UTF-16's (FF FE), and read as UTF-16
    # the text is garbage that a fix would then write back.
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], encoding, path), encoding, True
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes); not checked")
    if path.lower().endswith(".eml"):
        try:
            return data.decode("utf-8"), "utf-8", False
        except UnicodeDecodeError:
            charset = _declared_single_byte_charset(data)
            if charset is not None:
                # A byte the charset leaves undefined (0x81 in windows-1252) reads as "�"; the
                # text then cannot be written back, so --fix leaves such a file alone.
                return data.decode(charset, errors="replace"), charset, False
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
            # The size the file had when looked at, and a byte more to see it grow: a read of
            # MAX_BYTES + 1 at once takes a buffer that size for every file (60 µs each, and a
            # second run over 400 replies reads 800 files, their customers' messages too).
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:  # it grew since: the rest, up to the limit
                data += handle.read(MAX_BYTES + 1 - len(data))
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
    (sorted, skipping hidden folders, .git, node_modules, the configured excludes and what
    .gitignore ignores). A folder that cannot be read is an error, not a silent gap."""
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in _walk(path, config):
                if isinstance(found, InputError):
                    yield found
                elif found not in seen:
                    seen.add(found)
                    yield found
        elif path.exists() or path.is_symlink():
            if path not in seen and skip_reason(path, config) is None:
                seen.add(path)
                yield path
        else:
            yield InputError(given, "no such file or directory")


def skip_reason(path: Path, config: Config) -> str | None:
    """Why a file named on the command line is not checked, or None when it is."""
    pattern = _exclude_pattern(path, config)
    if pattern is not None:
        return f'matches "{pattern}" in [files] exclude'
    draft = _draft_beside(path)
    if draft is not None:
        return f"the customer's message for {draft.name} (context for the draft, never checked itself)"
    return None


def _walk(folder: Path, config: Config, passed_over: Counter[str] | None = None) -> Iterator[Path | InputError]:
    """Files under `folder` to check; what was passed over is counted in `passed_over`
    (by reason) when given, to explain a walk that found nothing."""
    from empathylint.gitignore import GitIgnore  # a folder walked: not for files named

    tally: Counter[str] = Counter() if passed_over is None else passed_over
    ignore_files = {folder: GitIgnore.for_folder(folder)}
    unreadable: list[OSError] = []
    for root, folders, names in os.walk(folder, onerror=unreadable.append):
        yield from _unreadable_folders(unreadable)
        root_path = Path(root)
        ignored = ignore_files.pop(root_path, None) or GitIgnore()
        kept: list[str] = []
        for name in sorted(folders):
            reason = _folder_skip_reason(root_path / name, name, config, ignored)
            if reason is None:
                kept.append(name)
                ignore_files[root_path / name] = ignored.enter(root_path / name)
            else:
                tally[reason] += 1
        folders[:] = kept
        for name in sorted(names):
            candidate = root_path / name
            reason = _file_skip_reason(candidate, name, config, ignored)
            if reason is None:
                yield candidate
            else:
                tally[reason] += 1
    yield from _unreadable_folders(unreadable)


def _unreadable_folders(errors: list[OSError]) -> Iterator[InputError]:
    """os.walk's errors, each a folder it could not list: named, so no gap goes unseen."""
    while errors:
        error = errors.pop(0)
        reason = error.strerror or str(error)
        yield InputError(str(error.filename), f"folder not readable ({reason}); its files were not checked")


def _folder_skip_reason(path: Path, name: str, config: Config, ignored: GitIgnore) -> str | None:
    if name.startswith(".") or name in SKIPPED_FOLDERS:
        return "hidden or tool folder"
    if _exclude_pattern(path, config) is not None:
        return "excluded folder"
    if ignored.ignores(path, is_folder=True):
        return "folder ignored by .gitignore"
    return None


def _file_skip_reason(path: Path, name: str, config: Config, ignored: GitIgnore) -> str | None:
    if not any(glob_match(name, pattern) for pattern in config.include):
        suffix = "".join(Path(name).suffixes[-1:]) or "(no extension)"
        return f"not included: {suffix}"
    if name.endswith(CUSTOMER_CONTEXT_SUFFIXES):
        return "customer's message"
    if _exclude_pattern(path, config) is not None:
        return "excluded"
    if ignored.ignores(path, is_folder=False):
        return "ignored by .gitignore"
    return None


def why_nothing_to_check(folder: Path, config: Config) -> str:
    """One line on why a folder walk found no file to check, from what it passed over."""
    passed_over: Counter[str] = Counter()
    for _ in _walk(folder, config, passed_over):
        pass
    if not passed_over:
        return "no file to check (the folder is empty)"
    parts: list[str] = []
    not_included = {
        reason.split(": ", 1)[1]: count for reason, count in passed_over.items() if reason.startswith("not included")
    }
    if not_included:
        kinds = sorted(not_included.items(), key=lambda item: (-item[1], item[0]))
        listed = ", ".join(f"{suffix} ×{count}" for suffix, count in kinds)
        commonest = kinds[0][0]
        hint = f' (to check them, add "*{commonest}" to include in checklist.toml)' if commonest[0] == "." else ""
        parts.append(
            f"{sum(not_included.values())} with an extension not in [files] include "
            f"({', '.join(config.include)}): {listed}{hint}"
        )
    for reason, text in _REASON_TEXT.items():
        if passed_over[reason]:
            parts.append(f"{passed_over[reason]} {text}")
    return "no file to check: " + "; ".join(parts)


_REASON_TEXT = {
    "customer's message": "customer's message (*.customer.txt, read as context for a draft)",
    "excluded": "excluded by [files] exclude",
    "ignored by .gitignore": "ignored by .gitignore",
    "excluded folder": "folder(s) excluded by [files] exclude",
    "folder ignored by .gitignore": "folder(s) ignored by .gitignore",
    "hidden or tool folder": "hidden or tool folder(s) (.git, node_modules, …)",
}


CUSTOMER_CONTEXT_SUFFIXES = (".customer.txt", ".customer.md")
"""A customer's message saved beside a draft is context for it, not a draft: a folder
walk skips it, and so does a named file when its draft stands beside it (pre-commit and
shell globs name both); a lone one, named on the command line, is checked like any file."""


def _draft_beside(path: Path) -> Path | None:
    if not path.name.endswith(CUSTOMER_CONTEXT_SUFFIXES):
        return None
    stem = path.name[: path.name.rindex(".customer.")]
    for sibling in sorted(path.parent.glob(f"{glob_escape(stem)}.*")):
        if sibling.name != path.name and not sibling.name.endswith(CUSTOMER_CONTEXT_SUFFIXES):
            return sibling
    return None


def _exclude_pattern(path: Path, config: Config) -> str | None:
    """The [files] exclude pattern that matches `path`, if any."""
    if not config.exclude:
        return None
    try:
        relative = path.resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        relative = path.as_posix()
    return next((pattern for pattern in config.exclude if glob_match(relative, pattern)), None)
