"""One rewrite per phrase: findings of different rule groups that flag the same words, and
suggestions that would each undo the other's rewrite.

Called by the engine on a file's findings, before they are mapped to the source:
- a fix that would write a gap ("…") or text the writer has to finish is a suggestion to
  show, never an edit to apply;
- two groups flagging a phrase from the same word of one sentence with different rewrites
  and no edit ("we cannot" as a closed door and as a no without a why) give one finding:
  the one that asks for more (PREFERRED), else the more severe; its message names the
  other (a finding with an edit keeps its place: the edit goes into the other's rewrite);
- a suggestion that quotes its sentence shows the sentence with the other findings' edits
  in it too, so that no rewrite keeps a word another finding removes ("Obviously we'll be
  able to ship it…")."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from empathylint.diagnostics import Diagnostic, Edit
from empathylint.document import Document, Span
from empathylint.language.phrase_edits import rewritten_sentence, sentence_of

GAP = "…"
"""Marks where the writer must fill something in: such text is shown, never written."""

PREFERRED = ("say-no-with-why.no-reason",)
"""Kept over another group's finding on the same words when neither has a fix: asking for
the reason and an alternative covers a closed door, and keeps the refusal a refusal."""


def resolve_overlaps(found: Sequence[Diagnostic], document: Document) -> list[Diagnostic]:
    findings = [_without_gap_fix(diagnostic) for diagnostic in found]
    findings = _one_per_phrase(findings, document)
    return _composed(findings, document)


def _without_gap_fix(diagnostic: Diagnostic) -> Diagnostic:
    fix = diagnostic.fix
    if fix is None or not any(GAP in edit.replacement for edit in fix.edits):
        return diagnostic
    return dataclasses.replace(diagnostic, fix=None)


def _group(diagnostic: Diagnostic) -> str:
    return diagnostic.rule_id.split(".", 1)[0]


def _phrase_in_sentence(diagnostic: Diagnostic, document: Document) -> Span | None:
    """The sentence holding a finding that flags some of its words (not all of them)."""
    span = Span(diagnostic.start, diagnostic.end)
    if diagnostic.suggestion is None or not span.end > span.start:
        return None
    sentence = sentence_of(document, span)
    return sentence if sentence != span and sentence.contains(span) else None


def _rank(diagnostic: Diagnostic) -> tuple[bool, int]:
    return (diagnostic.rule_id in PREFERRED, int(diagnostic.severity))


def _one_per_phrase(findings: list[Diagnostic], document: Document) -> list[Diagnostic]:
    phrases = [(finding, _phrase_in_sentence(finding, document)) for finding in findings]
    dropped: set[int] = set()
    also: dict[int, list[str]] = {}
    for index, (finding, sentence) in enumerate(phrases):
        if sentence is None or index in dropped:
            continue
        for other_index in range(index + 1, len(phrases)):
            other, other_sentence = phrases[other_index]
            if (
                other_index in dropped
                or other_sentence != sentence
                or _group(other) == _group(finding)
                or other.start != finding.start  # flagged from the same word on: the same phrase
                or other.suggestion == finding.suggestion
                or finding.fix is not None  # a concrete edit goes into the other's suggestion
                or other.fix is not None
            ):
                continue
            keep, drop = (index, other_index) if _rank(finding) >= _rank(other) else (other_index, index)
            dropped.add(drop)
            also.setdefault(keep, []).append(phrases[drop][0].rule_id)
            if drop == index:
                break
    kept = []
    for index, finding in enumerate(findings):
        if index in dropped:
            continue
        if index in also:
            finding = dataclasses.replace(finding, message=f"{finding.message} (Also {', '.join(also[index])}.)")
        kept.append(finding)
    return kept


def _composed(findings: list[Diagnostic], document: Document) -> list[Diagnostic]:
    """Suggestions that quote their sentence, with every finding's edit in that sentence."""
    edits_by_sentence: dict[Span, list[tuple[int, Edit]]] = {}
    for index, finding in enumerate(findings):
        if finding.fix is None or len(finding.fix.edits) != 1:
            continue
        (edit,) = finding.fix.edits
        sentence = sentence_of(document, Span(finding.start, finding.end))
        # Edits that change the sentence's own words; an insertion (a greeting, an
        # acknowledgement before it) is its finding's own suggestion.
        if edit.end > edit.start and sentence.start <= edit.start and edit.end <= sentence.end:
            edits_by_sentence.setdefault(sentence, []).append((index, edit))
    if not edits_by_sentence:
        return findings
    composed = []
    for index, finding in enumerate(findings):
        sentence = sentence_of(document, Span(finding.start, finding.end))
        edits = edits_by_sentence.get(sentence, [])
        others = [edit for owner, edit in edits if owner != index]
        suggestion = finding.suggestion
        if not others or suggestion is None:
            composed.append(finding)
            continue
        original = document.slice(sentence).strip()
        own = [edit for owner, edit in edits if owner == index]
        if own and suggestion == rewritten_sentence(document, Span(finding.start, finding.end), own[0]):
            suggestion = _rewrite(document.text, sentence, [edit for _, edit in edits])
        elif not own and original and original in suggestion:
            suggestion = suggestion.replace(original, _rewrite(document.text, sentence, others), 1)
        composed.append(dataclasses.replace(finding, suggestion=suggestion))
    return composed


def _rewrite(text: str, sentence: Span, edits: Sequence[Edit]) -> str:
    """The sentence with the edits that fit together applied. A cut at the start of a
    sentence capitalises the next word by replacing its first letter; when another edit
    rewrites from that letter on, the cut keeps its capital and the rewrite its words."""
    capitals: set[int] = set()
    plain: list[Edit] = []
    for edit in edits:
        last = edit.end - 1
        if len(edit.replacement) == 1 and last >= edit.start and edit.replacement == text[last].upper() != text[last]:
            plain.append(Edit(edit.start, last, ""))
            capitals.add(last)
        else:
            plain.append(edit)
    pieces: list[str] = []
    position = sentence.start
    for edit in sorted(plain, key=lambda e: (e.start, e.end)):
        if edit.start < position:
            continue  # overlaps an edit already in: it waits, as --fix would make it wait
        pieces.append(_capitalised(text, position, edit.start, capitals))
        replacement = edit.replacement
        if edit.start in capitals and replacement:
            replacement = replacement[0].upper() + replacement[1:]
        pieces.append(replacement)
        position = edit.end
    pieces.append(_capitalised(text, position, sentence.end, capitals))
    return " ".join("".join(pieces).split())


def _capitalised(text: str, start: int, end: int, capitals: set[int]) -> str:
    piece = text[start:end]
    if start in capitals and piece:
        return piece[0].upper() + piece[1:]
    return piece
