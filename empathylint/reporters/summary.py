"""`check --summary`: one row per file with its checklist and verdict, for a canned-reply
repository at a glance: one mark per checklist item (✓ met, ✗ not met, – not applicable),
with a legend under the table."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from empathylint.checklist import ITEMS, SEND, ChecklistItem
from empathylint.diagnostics import Severity
from empathylint.engine import FileReport, Status
from empathylint.reporters import item_of

MARK = {Status.MET: Text("✓", style="green"), Status.NOT_MET: Text("✗", style="red")}
NOT_APPLICABLE = Text("–", style="dim")


def summary_table(reports: Sequence[FileReport], fail_on: Severity) -> Table:
    """The nine basics and the empathy items as two runs of marks, one mark per item in
    checklist order, so that sixteen items fit a terminal; `legend` names them."""
    items = [item for item in ITEMS if item.key != SEND]
    basics = [item for item in items if item.number is not None]
    empathy = [item for item in items if item.number is None]
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("file", overflow="fold")
    table.add_column("profile", no_wrap=True)
    table.add_column(f"checklist 1–{len(basics)}", no_wrap=True)
    table.add_column(f"empathy {len(basics) + 1}–{len(items)}", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    for report in reports:
        if report.error is not None:
            table.add_row(report.path, "", "", "", Text(f"unreadable: {report.error}", style="red"))
            continue
        status = {entry.item: entry.status for entry in report.scorecard}
        item = item_of(report)
        table.add_row(
            report.path if item is None else f"{report.path} {item.label}",
            report.profile or "",
            _marks(basics, status),
            _marks(empathy, status),
            verdict(report, fail_on),
        )
    return table


def _marks(items: Sequence[ChecklistItem], status: dict[str, Status]) -> Text:
    return Text("").join(MARK.get(status.get(item.key, Status.NOT_APPLICABLE), NOT_APPLICABLE) for item in items)


def legend() -> Text:
    items = [item for item in ITEMS if item.key != SEND]
    return Text("  ".join(f"{number} {item.label}" for number, item in enumerate(items, start=1)), style="dim")


def verdict(report: FileReport, fail_on: Severity) -> Text:
    blocking = len(report.blocking(fail_on))
    if not blocking:
        return Text("Ready to send", style="bold green")
    return Text(f"{blocking} {'thing' if blocking == 1 else 'things'} to fix", style="bold red")


def render_summary(reports: Sequence[FileReport], fail_on: Severity, console: Console) -> None:
    console.print(summary_table(reports, fail_on))
    console.print(legend())
    ready = sum(1 for report in reports if report.error is None and report.ready_to_send(fail_on))
    console.print(Text(f"{ready} of {len(reports)} ready to send", style="bold"))
