"""One line per finding, `path:line:column: severity rule-id [*] message`, as ruff's concise
output, so editors' problem matchers and grep read it. `[*]` marks what --fix would fix."""

from __future__ import annotations

from collections.abc import Sequence

from empathylint.diagnostics import Diagnostic
from empathylint.engine import FileReport
from empathylint.reporters import Run, fixable, located_path, plural


def finding_line(path: str, diagnostic: Diagnostic, unsafe_fixes: bool = False) -> str:
    mark = " [*]" if fixable(diagnostic, unsafe_fixes) else ""
    message = " ".join(diagnostic.message.split())
    if diagnostic.suggestion:
        message += f" → {' ⏎ '.join(diagnostic.suggestion.splitlines())}"
    return (
        f"{located_path(path, diagnostic)}:{diagnostic.line}:{diagnostic.column}: "
        f"{diagnostic.severity.label} {diagnostic.rule_id}{mark} {message}"
    )


def render_concise(reports: Sequence[FileReport], run: Run) -> str:
    lines: list[str] = []
    for report in reports:
        if report.error is not None:
            lines.append(f"{report.path}: error: {report.error}")
            continue
        lines.extend(finding_line(report.path, d, run.unsafe_fixes) for d in report.diagnostics)
    if not run.quiet:
        lines.append(summary(reports, run))
    return "".join(line + "\n" for line in lines)


def summary(reports: Sequence[FileReport], run: Run) -> str:
    findings = [d for report in reports for d in report.diagnostics]
    failed = sum(1 for report in reports if report.error is not None)
    if failed:
        checked = len(reports) - failed
        return (
            f"Found {plural(len(findings), 'finding')} in {plural(checked, 'checked file')}; "
            f"{plural(failed, 'file')} could not be checked."
        )
    if not reports:
        return "No file was checked."
    if not findings:
        return "All checked. No findings."
    count = len(findings)
    text = f"Found {count} finding{'' if count == 1 else 's'}."
    can_fix = sum(1 for d in findings if fixable(d, run.unsafe_fixes))
    if can_fix:
        text += f"\n[*] {can_fix} fixable with --fix{' --unsafe-fixes' if run.unsafe_fixes else ''}."
    hidden = sum(1 for d in findings if fixable(d, True) and not fixable(d, run.unsafe_fixes))
    if hidden:
        text += f"\n{hidden} more fixable with --unsafe-fixes (rewrites that change the meaning; review them)."
    return text
