"""Findings as LSP diagnostics: the range in the client's code units, the severity, the
rule id as `code` with a link to the rules' documentation, and the rewrite in the message
(as `--output-format concise` shows it)."""

from __future__ import annotations

from lsprotocol import types

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.lsp.checker import Checked
from empathylint.lsp.positions import LineIndex

SOURCE = "empathylint"
SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def to_range(index: LineIndex, start: int, end: int) -> types.Range:
    start_line, start_character = index.position(start)
    end_line, end_character = index.position(end)
    return types.Range(types.Position(start_line, start_character), types.Position(end_line, end_character))


def lsp_diagnostic(finding: Diagnostic, index: LineIndex, docs: str) -> types.Diagnostic:
    message = finding.message if not finding.suggestion else f"{finding.message} → {finding.suggestion}"
    return types.Diagnostic(
        range=to_range(index, finding.start, finding.end),
        message=message,
        severity=SEVERITY[finding.severity],
        code=finding.rule_id,
        code_description=types.CodeDescription(href=docs),
        source=SOURCE,
    )


def lsp_diagnostics(checked: Checked, index: LineIndex) -> list[types.Diagnostic]:
    """The buffer's diagnostics; a buffer that could not be checked gets one, at its start,
    saying why (a broken checklist.toml names its file and line)."""
    if checked.error is not None:
        return [
            types.Diagnostic(
                range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                message=checked.error,
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
            )
        ]
    if checked.report is None:
        return []
    from empathylint.reporters.sarif import documentation_uri

    docs = documentation_uri("what-it-checks")
    return [lsp_diagnostic(finding, index, docs) for finding in checked.report.diagnostics]
