"""An export's reports: one per canned reply for people and machines to read, and one for
the whole file for --fix, whose edits are already edits of the file.

A run's reporters see the per-reply reports (`expand_items`); the fixer sees the file's,
so it can apply, re-check and write back the export as it does any file."""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Edit, Fix, ItemLocation
from empathylint.document import line_starts
from empathylint.engine import FileReport
from empathylint.formats.helpdesk.items import Item


@dataclass
class ItemReport(FileReport):
    """The report of one canned reply; its positions count inside that reply."""

    item: ItemLocation | None = None


@dataclass
class ExportReport(FileReport):
    """A whole export: its canned replies' reports, and (in `diagnostics`) their findings
    with spans and fixes in the file's offsets, for --fix."""

    helpdesk: str = ""
    items: list[ItemReport] = field(default_factory=list)


def export_report(path: str, file_text: str, helpdesk: str, checked: Sequence[tuple[Item, FileReport]]) -> ExportReport:
    """The file's report from each item and its lint report."""
    starts = line_starts(file_text)
    item_reports: list[ItemReport] = []
    in_file: list[Diagnostic] = []
    for item, report in checked:
        location = _at(item.location, starts, item.offsets[0])
        kept: list[Diagnostic] = []
        for diagnostic in report.diagnostics:
            edits, refusal = _file_edits(item, diagnostic.fix)
            if refusal is not None:
                diagnostic = dataclasses.replace(
                    diagnostic, fix=None, message=f"{diagnostic.message} (not fixed in the export: {refusal})"
                )
            start = item.offsets[min(diagnostic.start, len(item.text))]
            end = item.offsets[min(diagnostic.end, len(item.text))]
            found_at = _at(location, starts, start)
            kept.append(dataclasses.replace(diagnostic, item=found_at))
            in_file.append(
                dataclasses.replace(
                    diagnostic,
                    start=start,
                    end=end,
                    fix=Fix(edits, diagnostic.fix.safe) if edits and diagnostic.fix is not None else None,
                    item=found_at,
                )
            )
        fields = {f.name: getattr(report, f.name) for f in dataclasses.fields(FileReport)}
        item_reports.append(ItemReport(**{**fields, "diagnostics": kept}, item=location))
    return ExportReport(
        path=path,
        profile=item_reports[0].profile if item_reports else None,
        diagnostics=sorted(in_file, key=lambda d: (d.start, d.end, d.rule_id)),
        helpdesk=helpdesk,
        items=item_reports,
    )


def _at(location: ItemLocation, starts: Sequence[int], offset: int) -> ItemLocation:
    """The location with the file's line and column of `offset`."""
    line_index = bisect.bisect_right(starts, offset) - 1
    return dataclasses.replace(location, file_line=line_index + 1, file_column=offset - starts[line_index] + 1)


def _file_edits(item: Item, fix: Fix | None) -> tuple[tuple[Edit, ...], str | None]:
    if fix is None:
        return (), None
    in_file = item.file_edits(fix.edits)
    if isinstance(in_file, str):
        return (), in_file
    return in_file, None


def expand_items(reports: Iterable[FileReport]) -> list[FileReport]:
    """The reports a run shows: an export's canned replies in its place, one each."""
    expanded: list[FileReport] = []
    for report in reports:
        if isinstance(report, ExportReport):
            expanded.extend(report.items)
        else:
            expanded.append(report)
    return expanded


def item_of(report: FileReport) -> ItemLocation | None:
    """The canned reply a report is about, when it is one of an export's."""
    return report.item if isinstance(report, ItemReport) else None
