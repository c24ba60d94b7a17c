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

import bisect
import dataclasses
from collections.abc import Sequence

from empathylint.diagnostics import Diagnostic, Edit
from empathylint.document import Document, Span
from empathylint.language.phrase_edits import clause_window, framed, rewritten_sentence, sentence_of

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
    """Findings of other groups flagged from the same word of the same sentence are one
    phrase: only those are compared, so a text with thousands of findings stays linear."""
    same_phrase: dict[tuple[Span, int], list[int]] = {}
    for index, finding in enumerate(findings):
        sentence = _phrase_in_sentence(finding, document)
        if sentence is not None:
            same_phrase.setdefault((sentence, finding.start), []).append(index)
    dropped: set[int] = set()
    also: dict[int, list[str]] = {}
    for indices in same_phrase.values():
        if len(indices) > 1:
            _keep_one(findings, indices, dropped, also)
    kept = []
    for index, finding in enumerate(findings):
        if index in dropped:
            continue
        if index in also:
            finding = dataclasses.replace(finding, message=f"{finding.message} (Also {', '.join(also[index])}.)")
        kept.append(finding)
    return kept


def _keep_one(findings: list[Diagnostic], indices: list[int], dropped: set[int], also: dict[int, list[str]]) -> None:
    """Of findings flagged from one word, in text order, each pair of different groups with
    different rewrites and no edit keeps the one that ranks higher."""
    for position, index in enumerate(indices):
        if index in dropped:
            continue
        finding = findings[index]
        for other_index in indices[position + 1 :]:
            other = findings[other_index]
            if (
                other_index in dropped
                or _group(other) == _group(finding)
                or other.suggestion == finding.suggestion
                or finding.fix is not None  # a concrete edit goes into the other's suggestion
                or other.fix is not None
            ):
                continue
            keep, drop = (index, other_index) if _rank(finding) >= _rank(other) else (other_index, index)
            dropped.add(drop)
            also.setdefault(keep, []).append(findings[drop].rule_id)
            if drop == index:
                break


def _composed(findings: list[Diagnostic], document: Document) -> list[Diagnostic]:
    """Suggestions that quote their sentence, with every finding's edit in that sentence.

    A suggestion quotes a window of a long sentence (see clause_window), so only the edits
    inside that window go in, found by bisection: a sentence with thousands of findings
    stays linear, in time and in output."""
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
    for edits in edits_by_sentence.values():
        edits.sort(key=lambda owned: (owned[1].start, owned[1].end))
    starts = {sentence: [edit.start for _, edit in edits] for sentence, edits in edits_by_sentence.items()}
    composed = []
    for index, finding in enumerate(findings):
        sentence = sentence_of(document, Span(finding.start, finding.end))
        all_edits = edits_by_sentence.get(sentence, [])
        suggestion = finding.suggestion
        if not all_edits or suggestion is None:
            composed.append(finding)
            continue
        own = [edit for owner, edit in all_edits if owner == index][:1] if finding.fix is not None else []
        window = clause_window(document.text, sentence, own[0] if own else Edit(finding.start, finding.end, ""))
        first = bisect.bisect_left(starts[sentence], window.start)
        last = bisect.bisect_right(starts[sentence], window.end)
        edits = [(owner, edit) for owner, edit in all_edits[first:last] if edit.end <= window.end]
        others = [edit for owner, edit in edits if owner != index]
        if not others:
            composed.append(finding)
            continue
        original = document.slice(sentence).strip()
        if own and suggestion == rewritten_sentence(document, Span(finding.start, finding.end), own[0]):
            suggestion = framed(_rewrite(document.text, window, [edit for _, edit in edits]), window, sentence)
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
