"""Hover: the findings under the cursor, each with its rule's documentation, the text
`empathylint explain` prints (what it does, why it matters, an example, what to write
instead), with the severities in force for this file."""

from __future__ import annotations

from empathylint.config import Config
from empathylint.diagnostics import Diagnostic
from empathylint.reporters.rule_docs import rule_markdown
from empathylint.rules import rule_by_id


def findings_at(findings: list[Diagnostic], offset: int) -> list[Diagnostic]:
    """The findings whose span holds the offset (its end too: the cursor right after a word)."""
    return [finding for finding in findings if finding.start <= offset <= finding.end]


def explanation(findings: list[Diagnostic], config: Config | None) -> str:
    """Markdown: each finding's message and rewrite, then the documentation of its rule
    (once per rule, however many of its findings are there)."""
    parts: list[str] = []
    explained: set[str] = set()
    for finding in findings:
        line = f"**{finding.rule_id}** ({finding.severity.label}): {finding.message}"
        if finding.suggestion:
            line += f"\n\n→ {finding.suggestion}"
        parts.append(line)
        rule = rule_by_id(finding.rule_id)
        if rule is not None and rule.group not in explained:
            explained.add(rule.group)
            parts.append(rule_markdown(rule, config))
    return "\n\n---\n\n".join(parts)
