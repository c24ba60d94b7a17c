"""A file's report as JSON data and back, for the result cache (empathylint.result_cache).

A report read back carries a Document with what the reporters and the closing notices read
(the source and prose text, the profile and channel, the names, the customer's message and
the reply's parts); the rules never see it. Everything else the Document held comes from
the settings the file was read with, which are part of the entry's key."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Document, Span
from empathylint.engine import FileReport, ScorecardEntry, Status
from empathylint.files import SourceFile

if TYPE_CHECKING:
    from empathylint.config import Config

# The reply's parts, read by the notices (an article checked as a reply has no greeting).
_REPLY_PARTS = ("greeting", "greeting_name", "handle", "sign_off", "sign_off_name", "body")
# By stored value: a second run reads thousands (an enum's call is a search).
_SEVERITIES = {int(severity): severity for severity in Severity}
_STATUSES = {status.value: status for status in Status}


def report_data(report: FileReport, document: Document) -> dict[str, Any]:
    return {
        "path": report.path,
        "profile": report.profile,
        "channel": report.channel,
        "document": {
            "text": document.text if document.text != document.source else None,
            "profile": document.profile,
            "channel": document.channel,
            "customer_name": document.customer_name,
            "agent_name": document.agent_name,
            "customer_message": document.customer_message,
            **{name: _span_data(getattr(document, name)) for name in _REPLY_PARTS},
        },
        "diagnostics": [_diagnostic_data(diagnostic) for diagnostic in report.diagnostics],
        "scorecard": [[entry.item, entry.status.value] for entry in report.scorecard],
        "metrics": report.metrics,
    }


def report_from_data(data: dict[str, Any], source: SourceFile, config: Config) -> FileReport:
    """The report stored as `data`; KeyError, TypeError or ValueError when it is not one."""
    facts = data["document"]
    parts = {name: _span_from_data(facts[name]) for name in _REPLY_PARTS}
    document = Document(
        source=source.text,
        text=source.text if facts["text"] is None else str(facts["text"]),
        path=data["path"],
        profile=facts["profile"],
        channel=facts["channel"],
        customer_name=facts["customer_name"],
        agent_name=facts["agent_name"],
        customer_message=facts["customer_message"],
        mood_words=config.mood_words,
        acronyms=config.acronyms,
        greeting=parts["greeting"],
        greeting_name=parts["greeting_name"],
        handle=parts["handle"],
        sign_off=parts["sign_off"],
        sign_off_name=parts["sign_off_name"],
        body=parts["body"] or Span(0, 0),
    )
    return FileReport(
        path=data["path"],
        profile=data["profile"],
        channel=data["channel"],
        diagnostics=[_diagnostic_from_data(item) for item in data["diagnostics"]],
        scorecard=[ScorecardEntry(item, _STATUSES[status]) for item, status in data["scorecard"]],
        metrics=dict(data["metrics"]),
        document=document,
    )


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


def _diagnostic_from_data(item: list[Any]) -> Diagnostic:
    rule_id, severity, start, end, message, suggestion, fix_data, line, column, end_line, end_column = item
    fix = None
    if fix_data is not None:
        safe, edits = fix_data
        fix = Fix(tuple(Edit(edit_start, edit_end, replacement) for edit_start, edit_end, replacement in edits), safe)
    return Diagnostic(
        rule_id, _SEVERITIES[severity], start, end, message, suggestion, fix, line, column, end_line, end_column
    )
