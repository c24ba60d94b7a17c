"""Why a finding in an HTML reply has no fix: its rewrite would span tags or an entity.

The engine drops such a fix (the rewrite cannot be written over the markup without losing
it), and in a file of its own a reader sees the HTML. In an export the HTML is a string in a
JSON field, so the finding says so by name instead of silently having no fix."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from empathylint.config import FileSettings
from empathylint.diagnostics import Diagnostic
from empathylint.document import Document

REASON = "the rewrite would span HTML tags or entities"


def name_markup_refusals(
    document: Document, settings: FileSettings, diagnostics: Sequence[Diagnostic]
) -> list[Diagnostic]:
    """The diagnostics, each unfixed one whose rule did offer a rewrite told why it has none.

    Only the rules with an unfixed finding run again; what they found before the engine
    mapped it is compared by rule and place."""
    unfixed_groups = {d.rule_id.split(".", 1)[0] for d in diagnostics if d.fix is None}
    if not unfixed_groups:
        return list(diagnostics)
    refused = {
        (raw.rule_id, *document.source_span(raw.start, raw.end))
        for raw in _raw_findings(document, settings, unfixed_groups)
        if raw.fix is not None and not all(document.is_verbatim(edit.start, edit.end) for edit in raw.fix.edits)
    }
    return [
        dataclasses.replace(d, message=f"{d.message} (not fixed in the export: {REASON})")
        if d.fix is None and (d.rule_id, d.start, d.end) in refused
        else d
        for d in diagnostics
    ]


def _raw_findings(document: Document, settings: FileSettings, groups: set[str]) -> Iterable[Diagnostic]:
    for active in settings.rules:
        rule = active.rule
        if rule.group not in groups:
            continue
        try:
            if rule.check_selected is None:
                yield from rule.check(document, active.settings)
            else:
                selected = frozenset(
                    code.name for code in rule.codes if f"{rule.group}.{code.name}" in settings.selected_ids
                )
                yield from rule.check_selected(document, active.settings, selected)
        except Exception:  # the engine has already reported this rule's failure
            continue
