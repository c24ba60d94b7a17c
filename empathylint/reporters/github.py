"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. GitHub's docs ask
that the message escape `%`, `\\r` and `\\n`, and that property values also escape `:` and
`,`, or the command is cut short or misread."""

from __future__ import annotations

from collections.abc import Sequence

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.engine import FileReport

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, diagnostic: Diagnostic) -> str:
    properties = {
        "file": path.replace("\\", "/"),
        "line": str(diagnostic.line),
        "col": str(diagnostic.column),
        "endLine": str(diagnostic.end_line),
        "endColumn": str(diagnostic.end_column),
        "title": f"empathylint {diagnostic.rule_id}",
    }
    message = diagnostic.message
    if diagnostic.suggestion:
        message += f"\n→ {diagnostic.suggestion}"
    item = diagnostic.item
    if item is not None:
        # A canned reply of a helpdesk export: annotate the file where the finding stands,
        # and say which reply it is in and where inside it.
        properties.update(line=str(item.file_line), col=str(item.file_column))
        del properties["endLine"], properties["endColumn"]
        message = f"{item.label} {item.pointer} {diagnostic.line}:{diagnostic.column}: {message}"
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMAND[diagnostic.severity]} {joined}::{escape_data(message)}"


def render_github(reports: Sequence[FileReport]) -> str:
    lines: list[str] = []
    for report in reports:
        if report.error is not None:
            file_property = escape_property(report.path.replace("\\", "/"))
            lines.append(f"::error file={file_property},title=empathylint::{escape_data(report.error)}")
            continue
        lines.extend(annotation(report.path, diagnostic) for diagnostic in report.diagnostics)
    return "".join(line + "\n" for line in lines)
