"""Run the enabled rules over a Document: severities, suppressions, positions, scorecard.

Pure: a Document and its resolved FileSettings in, a FileReport out. A rule that raises becomes one
internal-error finding for that rule and file; the other rules still report."""

from __future__ import annotations

import dataclasses
import enum
import sys
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from empathylint.checklist import ITEMS, SEND
from empathylint.config import FileSettings
from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Channel, Document, Profile

if TYPE_CHECKING:
    from empathylint.rule import AnyRule, Metrics

INTERNAL_ERROR = "internal-error"
UNKNOWN_DIRECTIVE = "unknown-directive"


class Status(enum.Enum):
    MET = "met"
    NOT_MET = "not met"
    NOT_APPLICABLE = "n/a"


@dataclass(frozen=True, slots=True)
class ScorecardEntry:
    item: str
    status: Status


@dataclass
class FileReport:
    path: str
    profile: Profile | None = None
    channel: Channel | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    scorecard: list[ScorecardEntry] = field(default_factory=list)
    metrics: dict[str, Metrics] = field(default_factory=dict)
    error: str | None = None
    document: Document | None = None
    tracebacks: list[str] = field(default_factory=list)

    def blocking(self, fail_on: Severity) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity >= fail_on]

    def ready_to_send(self, fail_on: Severity) -> bool:
        return self.error is None and not self.blocking(fail_on)


def lint(document: Document, settings: FileSettings) -> FileReport:
    report = FileReport(path=document.path, profile=document.profile, channel=channel_of(document), document=document)
    applicable = [
        active for active in settings.rules if active.rule.applies_to is None or active.rule.applies_to(document)
    ]
    found: list[Diagnostic] = []
    for active in applicable:
        rule = active.rule
        try:
            if rule.check_selected is None:
                found.extend(rule.check(document, active.settings))
            else:
                selected = frozenset(
                    code.name for code in rule.codes if f"{rule.group}.{code.name}" in settings.selected_ids
                )
                found.extend(rule.check_selected(document, active.settings, selected))
            if rule.metrics is not None:
                report.metrics[rule.group] = rule.metrics(document, active.settings)
        except Exception as error:
            report.tracebacks.append(traceback.format_exc())
            found.append(
                Diagnostic(
                    rule_id=INTERNAL_ERROR,
                    severity=Severity.ERROR,
                    start=0,
                    end=0,
                    message=f"rule {rule.group} failed on this file: {type(error).__name__}: {error}"
                    " (please report it; run with --debug for the traceback)",
                )
            )
    forget_texts()
    found = [d for d in found if d.rule_id == INTERNAL_ERROR or d.rule_id in settings.selected_ids]
    found = [_with_configured_severity(d, settings) for d in found]
    found.extend(unknown_directive_ids(document, settings.known_ids))
    found = _drop_suppressed(found, document)
    # Imported here: a run answered from the result cache takes FileReport from this module
    # and never lints, so it does not load the overlap rules and the phrase matchers under them.
    from empathylint.overlaps import resolve_overlaps

    found = resolve_overlaps(found, document)
    # Mapped in place, so that a long article's findings (~50,000 in 10 MB) are held once,
    # not once as the rules gave them and again as located.
    for index, diagnostic in enumerate(found):
        found[index] = locate(diagnostic, document)
    found.sort(key=lambda d: (d.start, d.end, d.rule_id, d.message))
    report.diagnostics = found
    report.scorecard = scorecard(report.diagnostics, [active.rule for active in applicable], settings.fail_on)
    document.forget_shared_computations()
    return report


def forget_texts() -> None:
    """Once the rules are done, the views of the text their matchers kept (folded copies,
    indexes of places) go: a long article's outweigh its findings. Loaded only when a rule
    loaded them."""
    for name in ("empathylint.language.phrase_trie", "empathylint.language.regex_openings"):
        module = sys.modules.get(name)
        if module is not None:
            module.forget_texts()


def channel_of(document: Document) -> Channel | None:
    """The channel a reply or canned reply is sent on; a help article has none."""
    return None if document.profile == "doc" else document.channel


def _with_configured_severity(diagnostic: Diagnostic, settings: FileSettings) -> Diagnostic:
    severity = settings.severities.get(diagnostic.rule_id, diagnostic.severity)
    if severity == diagnostic.severity:
        return diagnostic
    return dataclasses.replace(diagnostic, severity=severity)


def unknown_directive_ids(document: Document, known_ids: frozenset[str]) -> Iterable[Diagnostic]:
    groups = {rule_id.split(".", 1)[0] for rule_id in known_ids}
    for suppression in document.suppressions:
        for rule_id in sorted(suppression.rule_ids):
            if rule_id not in known_ids and rule_id not in groups:
                yield Diagnostic(
                    rule_id=UNKNOWN_DIRECTIVE,
                    severity=Severity.WARNING,
                    start=suppression.directive.start,
                    end=suppression.directive.end,
                    message=f"Unknown rule id {rule_id!r} in this directive; `empathylint rules` lists them.",
                )


def _drop_suppressed(found: list[Diagnostic], document: Document) -> list[Diagnostic]:
    if not document.suppressions:
        return found
    kept = []
    for diagnostic in found:
        suppressed = any(
            s.region.start <= diagnostic.start < s.region.end
            and (not s.rule_ids or any(_covers(rule_id, diagnostic.rule_id) for rule_id in s.rule_ids))
            for s in document.suppressions
        )
        if not suppressed or diagnostic.rule_id == UNKNOWN_DIRECTIVE:
            kept.append(diagnostic)
    return kept


def _covers(selector: str, rule_id: str) -> bool:
    return rule_id == selector or rule_id.startswith(selector + ".")


def locate(diagnostic: Diagnostic, document: Document) -> Diagnostic:
    """Map a diagnostic from the Document's text to the source file: offsets, line, column.

    An edit whose text does not stand verbatim in the source (a decoded HTML entity
    inside it), or that the reader says would corrupt an encoded source (an email body in
    quoted-printable or base64), is dropped: the finding stays, the fix goes."""
    start, end = document.source_span(diagnostic.start, diagnostic.end)
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    fix = diagnostic.fix
    if fix is not None:
        mapped: list[Edit] = []
        for edit in fix.edits:
            if not document.is_verbatim(edit.start, edit.end):
                mapped = []
                break
            edit_start, edit_end = document.source_span(edit.start, edit.end)
            if document.accepts_edit is not None and not document.accepts_edit(edit_start, edit_end, edit.replacement):
                mapped = []
                break
            mapped.append(Edit(edit_start, edit_end, sys.intern(edit.replacement)))
        fix = Fix(tuple(mapped), fix.safe) if mapped else None
    # A rule words the same finding alike wherever it stands: the report keeps one copy of
    # each message and suggestion, however many times it was made.
    return dataclasses.replace(
        diagnostic,
        message=sys.intern(diagnostic.message),
        suggestion=None if diagnostic.suggestion is None else sys.intern(diagnostic.suggestion),
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fix=fix,
    )


def scorecard(diagnostics: Sequence[Diagnostic], ran: Sequence[AnyRule], fail_on: Severity) -> list[ScorecardEntry]:
    """Each checklist item: not met when one of its rules found something at warning or
    above; met when its rules ran clean or only hinted (info); n/a when none ran."""
    group_item = {rule.group: rule.item for rule in ran}
    failed_items = {
        group_item[d.rule_id.split(".", 1)[0]]
        for d in diagnostics
        if d.severity >= Severity.WARNING and d.rule_id.split(".", 1)[0] in group_item
    }
    entries = []
    for item in ITEMS:
        if item.key == SEND:
            continue
        if item.key not in group_item.values():
            status = Status.NOT_APPLICABLE
        elif item.key in failed_items:
            status = Status.NOT_MET
        else:
            status = Status.MET
        entries.append(ScorecardEntry(item.key, status))
    ready = not any(d.severity >= fail_on for d in diagnostics)
    entries.append(ScorecardEntry(SEND, Status.MET if ready else Status.NOT_MET))
    return entries
