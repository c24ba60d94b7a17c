"""Apply fixes, re-check, and hand the fixed text to writing.py to write back the way the
file came (encoding, byte order mark, newlines, permissions), atomically.

Edits arrive in source offsets (the engine maps them), so text outside the edits, newlines
included, is kept byte for byte. Two fixes that overlap are never applied together: the
first wins and the other waits for the next pass, which re-checks the new text."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from empathylint.diagnostics import Diagnostic, Edit, Fix, apply_edits
from empathylint.engine import FileReport
from empathylint.files import SourceFile
from empathylint.writing import WriteError, encode, write_back

MAX_PASSES = 10


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


# Punctuation that no sentence has: a mark doubled across a join ("Daniel!." after a
# rewrite of "!!", "it,." after a cut), or a space left before a mark ("it ."). "...",
# "?!" and "!!" are the writer's own and are not counted.
_BROKEN_PUNCTUATION = re.compile(r"[,;:][.,;:!?]|[.!?][,;:]|[!?]\.|(?<!\.)\.\.(?!\.)|(?<=\w)[ \t]+[.,;:!?]")
_AROUND = 3


def keeps_sentences(text: str, fix: Fix) -> bool:
    """Whether the text still reads as sentences after the fix: no edit may join
    punctuation that no sentence has. A fix that would is not applied; its finding stays."""
    for edit in fix.edits:
        start, end = max(0, edit.start - _AROUND), edit.end + _AROUND
        before = text[start:end]
        after = text[start : edit.start] + edit.replacement + text[edit.end : end]
        if len(_BROKEN_PUNCTUATION.findall(after)) > len(_BROKEN_PUNCTUATION.findall(before)):
            return False
    return True


def fix_text(text: str, check: Callable[[str], FileReport], unsafe_fixes: bool = False) -> FixOutcome:
    """Fix, re-check and fix again until nothing applicable is left (at most MAX_PASSES)."""
    report = check(text)
    outcome = FixOutcome(text, report)
    for _ in range(MAX_PASSES):
        chosen = [d for d in choose_fixes(report.diagnostics, unsafe_fixes) if d.fix and keeps_sentences(text, d.fix)]
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


@dataclass
class FixRun:
    """What `--fix` or `--diff` did across the files of a run."""

    reports: list[FileReport] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    applied: Counter[str] = field(default_factory=Counter)
    files_changed: int = 0
    # What was fixed in each file, for --fix-only, which prints only that.
    changed: list[tuple[str, Counter[str]]] = field(default_factory=list)
    # Files whose fixes could not be written (read-only, changed meanwhile), and why: their
    # findings are still reported.
    not_fixed: list[tuple[str, str]] = field(default_factory=list)
    # Standard input's fixed text, encoded as it came (a console's encoding must not
    # replace a character of the user's draft).
    stdin_data: bytes | None = None


def fix_results(
    results: Iterable[tuple[FileReport, SourceFile | None]],
    recheck: Callable[[SourceFile, str], FileReport],
    *,
    unsafe_fixes: bool,
    write: bool,
    is_stdin: Callable[[SourceFile], bool],
    inside: Sequence[Path] | None = None,
) -> FixRun:
    """Fix each readable file; with `write` false, only collect the diffs (--diff).

    Standard input is never written anywhere: its fixed text is handed back for the CLI to
    print, as ruff does. A file that cannot be written keeps its findings and is named in
    `not_fixed`; `inside` limits where a symbolic link may be written through."""
    run = FixRun()
    for report, source in results:
        if source is None or report.error is not None:
            run.reports.append(report)
            continue
        outcome = fix_text(source.text, functools.partial(recheck, source), unsafe_fixes)
        if is_stdin(source):
            run.stdin_data = encode(outcome.text, source.encoding, source.bom)
        if outcome.text != source.text:
            if not write:
                run.diffs.append(unified_diff(source.path, source.text, outcome.text))
            elif not is_stdin(source):
                try:
                    write_back(source, outcome.text, inside=inside)
                except WriteError as error:
                    run.not_fixed.append((source.path, error.reason))
                    run.reports.append(report)
                    continue
            run.files_changed += 1
            run.applied.update(outcome.applied)
            run.changed.append((source.path, outcome.applied))
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
