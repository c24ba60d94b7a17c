"""Apply fixes and write files back, the way the file came: same encoding, byte order mark,
newlines, permissions and owner, through symbolic links to their target, atomically.

Edits arrive in source offsets (the engine maps them), so text outside the edits, newlines
included, is kept byte for byte. Two fixes that overlap are never applied together: the
first wins and the other waits for the next pass, which re-checks the new text."""

from __future__ import annotations

import bisect
import codecs
import contextlib
import functools
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from empathylint.diagnostics import Diagnostic, Edit, apply_edits
from empathylint.engine import FileReport
from empathylint.files import SourceFile

MAX_PASSES = 10
BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


class FixError(Exception):
    """A file that could not be written back, told in one line that names it."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass
class FixOutcome:
    """The text after fixing, how many fixes of each rule went in, and the final report."""

    text: str
    report: FileReport
    applied: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(self.applied.values())


def applies(diagnostic: Diagnostic, unsafe_fixes: bool) -> bool:
    fix = diagnostic.fix
    return fix is not None and bool(fix.edits) and (fix.safe or unsafe_fixes)


def _conflict(first: Edit, second: Edit) -> bool:
    """Overlapping ranges, or two edits starting at one offset (their order would be a guess)."""
    return first.start == second.start or (first.start < second.end and second.start < first.end)


def choose_fixes(diagnostics: Iterable[Diagnostic], unsafe_fixes: bool) -> list[Diagnostic]:
    """The findings whose fixes go in together this pass: in file order, skipping any whose
    edits would touch edits already chosen."""
    chosen: list[Diagnostic] = []
    taken = _TakenEdits()
    candidates = [d for d in diagnostics if applies(d, unsafe_fixes)]
    for diagnostic in sorted(candidates, key=lambda d: (d.start, d.end, d.rule_id)):
        assert diagnostic.fix is not None
        edits = diagnostic.fix.edits
        if any(taken.conflicts(edit) for edit in edits):
            continue
        chosen.append(diagnostic)
        for edit in edits:
            taken.add(edit)
    return chosen


class _TakenEdits:
    """The edits chosen so far, in order of start. They never conflict, so each ends at or
    before the next one starts: a new edit can only conflict with its neighbours, found by
    bisection (comparing it with every chosen edit was quadratic on a long article)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def conflicts(self, edit: Edit) -> bool:
        index = bisect.bisect_left(self._starts, edit.start)
        if index < len(self._starts) and _conflict(edit, Edit(self._starts[index], self._ends[index], "")):
            return True
        return index > 0 and _conflict(edit, Edit(self._starts[index - 1], self._ends[index - 1], ""))

    def add(self, edit: Edit) -> None:
        index = bisect.bisect_right(self._starts, edit.start)
        self._starts.insert(index, edit.start)
        self._ends.insert(index, edit.end)


def fix_text(text: str, check: Callable[[str], FileReport], unsafe_fixes: bool = False) -> FixOutcome:
    """Fix, re-check and fix again until nothing applicable is left (at most MAX_PASSES)."""
    report = check(text)
    outcome = FixOutcome(text, report)
    for _ in range(MAX_PASSES):
        chosen = choose_fixes(report.diagnostics, unsafe_fixes)
        if not chosen:
            break
        fixed = apply_edits(text, (edit for d in chosen if d.fix is not None for edit in d.fix.edits))
        if fixed == text:
            break
        outcome.applied.update(d.rule_id for d in chosen)
        text = fixed
        report = check(text)
    outcome.text = text
    outcome.report = report
    return outcome


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff naming the file as given (as ruff does; `patch -p0` applies it); a last
    line without a newline is marked as diff marks it."""
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=path, tofile=path
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def encode(text: str, encoding: str, bom: bool) -> bytes:
    return (BOMS.get(encoding, b"") if bom else b"") + text.encode(encoding)


def write_back(source: SourceFile, text: str) -> None:
    """Write fixed text over the file it was read from, refusing when that file has changed
    since (an editor saved it meanwhile) or is read-only."""
    target = Path(os.path.realpath(source.path))
    try:
        info = target.stat()
    except FileNotFoundError:
        raise FixError(source.path, "was removed since it was read; not fixed") from None
    if info.st_size != source.size or info.st_mtime_ns != source.mtime_ns:
        raise FixError(source.path, "changed since it was read; not fixed (check it again)")
    writable_bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    # Root may write anywhere; a file with no write bit is still meant to be left alone.
    if not info.st_mode & writable_bits or not os.access(target, os.W_OK):
        raise FixError(source.path, "is read-only; not fixed")
    try:
        data = encode(text, source.encoding, source.bom)
    except UnicodeEncodeError as error:
        raise FixError(
            source.path, f"the fix needs {error.object[error.start]!r}, which {source.encoding} cannot hold; not fixed"
        ) from None
    write_atomic(target, data, display=source.path)


def write_atomic(path: Path, data: bytes, *, display: str | None = None) -> None:
    """Replace `path` (or its symlink's target) in one step: a temporary file in the same
    folder, flushed to disk, given the old file's permissions and owner, then renamed over."""
    shown = display or str(path)
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    mode = stat.S_IMODE(info.st_mode) if info else 0o666 & ~_umask()
    try:
        import tempfile

        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise FixError(shown, f"cannot write in its folder: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        if info is not None and hasattr(os, "geteuid") and os.geteuid() == 0:
            os.chown(temporary, info.st_uid, info.st_gid)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise FixError(shown, f"cannot write: {error.strerror or error}") from None
    _sync_folder(target.parent)


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


@dataclass
class FixRun:
    """What `--fix` or `--diff` did across the files of a run."""

    reports: list[FileReport] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    applied: Counter[str] = field(default_factory=Counter)
    files_changed: int = 0
    stdin_text: str | None = None


def fix_results(
    results: Iterable[tuple[FileReport, SourceFile | None]],
    recheck: Callable[[SourceFile, str], FileReport],
    *,
    unsafe_fixes: bool,
    write: bool,
    is_stdin: Callable[[SourceFile], bool],
) -> FixRun:
    """Fix each readable file; with `write` false, only collect the diffs (--diff).

    Standard input is never written anywhere: its fixed text is handed back for the CLI to
    print, as ruff does. A file that cannot be written becomes a report with the error."""
    run = FixRun()
    for report, source in results:
        if source is None or report.error is not None:
            run.reports.append(report)
            continue
        outcome = fix_text(source.text, functools.partial(recheck, source), unsafe_fixes)
        if is_stdin(source):
            run.stdin_text = outcome.text
        if outcome.text != source.text:
            if not write:
                run.diffs.append(unified_diff(source.path, source.text, outcome.text))
            elif not is_stdin(source):
                try:
                    write_back(source, outcome.text)
                except FixError as error:
                    run.reports.append(FileReport(path=source.path, error=error.reason))
                    continue
            run.files_changed += 1
            run.applied.update(outcome.applied)
        run.reports.append(outcome.report if write else report)
    return run


def fix_summary(run: FixRun, *, write: bool) -> str:
    """One line for the terminal: what was fixed, or would be with --fix."""
    count = sum(run.applied.values())
    if not count:
        return "Nothing to fix."
    by_rule = ", ".join(f"{rule_id} ×{n}" for rule_id, n in sorted(run.applied.items()))
    files = f"{run.files_changed} file{'' if run.files_changed == 1 else 's'}"
    verb = "Fixed" if write else "Would fix"
    return f"{verb} {count} finding{'' if count == 1 else 's'} in {files} ({by_rule})."
