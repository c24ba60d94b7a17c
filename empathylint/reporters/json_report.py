"""The JSON report, schema version 1 (documented in README, "Output formats").

Additive changes (a new key) keep the version; a renamed or removed key, or a changed
meaning, bumps it. Lines and columns are 1-based, columns count characters (code points);
offsets count characters of the decoded file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from empathylint import __version__
from empathylint.diagnostics import Diagnostic, ItemLocation, Severity
from empathylint.document import Document
from empathylint.engine import FileReport
from empathylint.reporters import Run, fixable, item_of

SCHEMA_VERSION = 1


def render_json(reports: Sequence[FileReport], run: Run) -> str:
    return json.dumps(json_document(reports, run), indent=2, ensure_ascii=run.ascii_only) + "\n"


def json_document(reports: Sequence[FileReport], run: Run) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "empathylint", "version": __version__},
        "fail_on": run.fail_on.label,
        "files": [file_entry(report, run) for report in reports],
        "summary": summary(reports, run),
    }


def file_entry(report: FileReport, run: Run) -> dict[str, Any]:
    if report.error is not None:
        return {"path": report.path, "error": report.error}
    entry: dict[str, Any] = {
        "path": report.path,
        "profile": report.profile,
        "channel": report.channel,
        "error": None,
        "ready_to_send": report.ready_to_send(run.fail_on),
        "findings": [finding(d, report.document) for d in report.diagnostics],
        "scorecard": {entry.item: entry.status.value for entry in report.scorecard},
        "metrics": report.metrics,
    }
    item = item_of(report)
    if item is not None:
        entry["item"] = item_entry(item)
    return entry


def item_entry(item: ItemLocation) -> dict[str, Any]:
    """A canned reply of a helpdesk export; the findings' lines and columns count inside it,
    `file_line` and `file_column` say where it (or a finding) starts in the file."""
    return {
        "helpdesk": item.helpdesk,
        "id": item.item_id,
        "title": item.title,
        "pointer": item.pointer,
        "field_kind": item.field_kind,
        "file_line": item.file_line,
        "file_column": item.file_column,
    }


def finding(diagnostic: Diagnostic, document: Document | None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "rule": diagnostic.rule_id,
        "severity": diagnostic.severity.label,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": diagnostic.end_line,
        "end_column": diagnostic.end_column,
        "message": diagnostic.message,
        "suggestion": diagnostic.suggestion,
        "fix": fix_entry(diagnostic, document),
    }
    if diagnostic.item is not None:
        entry["item"] = item_entry(diagnostic.item)
    return entry


def fix_entry(diagnostic: Diagnostic, document: Document | None) -> dict[str, Any] | None:
    fix = diagnostic.fix
    if fix is None or not fix.edits or document is None:
        return None
    edits = []
    for edit in fix.edits:
        line, column = document.position(edit.start)
        end_line, end_column = document.position(edit.end)
        edits.append(
            {
                "content": edit.replacement,
                "location": {"line": line, "column": column, "offset": edit.start},
                "end_location": {"line": end_line, "column": end_column, "offset": edit.end},
            }
        )
    return {"applicability": "safe" if fix.safe else "unsafe", "edits": edits}


def summary(reports: Sequence[FileReport], run: Run) -> dict[str, int]:
    checked = [r for r in reports if r.error is None]
    findings = [d for r in checked for d in r.diagnostics]
    return {
        "files": len(checked),
        "unreadable": len(reports) - len(checked),
        "findings": len(findings),
        "errors": sum(1 for d in findings if d.severity is Severity.ERROR),
        "warnings": sum(1 for d in findings if d.severity is Severity.WARNING),
        "info": sum(1 for d in findings if d.severity is Severity.INFO),
        "fixable": sum(1 for d in findings if fixable(d)),
        "ready_to_send": sum(1 for r in checked if r.ready_to_send(run.fail_on)),
    }
