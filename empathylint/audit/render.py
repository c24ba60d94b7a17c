"""The audit's summary for people (rich tables) and for machines (CSV, JSON).

All three say the same: the replies checked and how many are ready to send, each checklist
item's pass rate (met out of the replies it applies to) overall, per agent and per macro,
the most frequent findings and the worst replies. Rates are fractions, rounded to four
places in CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from empathylint.audit.totals import AuditTotals, GroupTotals, ItemTally, group_rates
from empathylint.checklist import ITEMS, ITEMS_BY_KEY, SEND

OUTPUT_FORMATS = ("rich", "csv", "json")
JSON_VERSION = 1
CSV_COLUMNS = ("section", "name", "item", "count", "total", "rate")
READY = "ready-to-send"
# Rows of each table a terminal shows; CSV and JSON hold them all.
SHOWN = 15


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _tally(tally: ItemTally) -> dict[str, Any]:
    return {
        "met": tally.met,
        "not_met": tally.not_met,
        "not_applicable": tally.not_applicable,
        "pass_rate": _rate(tally.pass_rate),
    }


def _group(name: str, group: GroupTotals) -> dict[str, Any]:
    return {
        "name": name,
        "replies": group.replies,
        "ready_to_send": group.ready,
        "ready_rate": _rate(group.ready_rate),
        "items": {item: _tally(tally) for item, tally in group.items.items()},
    }


def to_json(totals: AuditTotals, files: Sequence[str]) -> str:
    document = {
        "version": JSON_VERSION,
        "files": list(files),
        "replies": totals.replies,
        "ready_to_send": totals.ready,
        "ready_rate": _rate(totals.overall.ready_rate),
        "bad_rows": totals.bad_rows,
        "period": {"first": totals.first_date, "last": totals.last_date},
        "channels": dict(sorted(totals.channels.items())),
        "unknown_channels": dict(sorted(totals.unknown_channels.items())),
        "items": {item: _tally(tally) for item, tally in totals.overall.items.items()},
        "agents": [_group(name, group) for name, group in group_rates(totals.agents)],
        "macros": [_group(name, group) for name, group in group_rates(totals.macros)],
        "findings": [
            {"rule": rule_id, "count": count, "replies": replies} for rule_id, count, replies in totals.most_frequent()
        ],
        "worst_replies": [
            {
                "id": worst.id,
                "file": worst.file,
                "line": worst.line,
                "agent": worst.agent,
                "macro": worst.macro,
                "blocking": worst.blocking,
                "findings": worst.findings,
                "rules": list(worst.rules),
            }
            for worst in totals.worst
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def to_csv(totals: AuditTotals) -> str:
    """One table, a row per figure: `section` says what the row is (summary, item, agent,
    macro, finding, worst-reply), `name` whose it is, `item` which checklist item; `count`
    out of `total` gives `rate`. A finding row counts findings (`count`) and the replies
    they were in (`total`); a worst-reply row its blocking findings and all its findings."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    replies = totals.replies
    writer.writerow(("summary", "", READY, totals.ready, replies, _shown(totals.overall.ready_rate)))
    writer.writerow(("summary", "", "bad-rows", totals.bad_rows, replies + totals.bad_rows, ""))
    _group_rows(writer, "item", [("", totals.overall)])
    _group_rows(writer, "agent", group_rates(totals.agents))
    _group_rows(writer, "macro", group_rates(totals.macros))
    for rule_id, count, with_it in totals.most_frequent():
        writer.writerow(("finding", rule_id, "", count, with_it, ""))
    for worst in totals.worst:
        writer.writerow(
            (
                "worst-reply",
                worst.id or f"{worst.file}:{worst.line}",
                " ".join(worst.rules),
                worst.blocking,
                worst.findings,
                "",
            )
        )
    return out.getvalue()


def _group_rows(writer: Any, section: str, groups: Sequence[tuple[str, GroupTotals]]) -> None:
    for name, group in groups:
        if section != "item":
            writer.writerow((section, name, READY, group.ready, group.replies, _shown(group.ready_rate)))
        for item, tally in group.items.items():
            if item != SEND:
                writer.writerow((section, name, item, tally.met, tally.met + tally.not_met, _shown(tally.pass_rate)))


def _shown(rate: float | None) -> str:
    return "" if rate is None else f"{rate:.4f}"


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate * 100:.1f}%"


def render_rich(totals: AuditTotals, files: Sequence[str], console: Any) -> None:
    """The summary as tables on a rich Console."""
    from rich.table import Table
    from rich.text import Text

    period = f" · {totals.first_date} to {totals.last_date}" if totals.first_date else ""
    files_read = f"{len(files)} file{'s' if len(files) != 1 else ''}"
    console.print(Text(f"Audit of {totals.replies:,} replies in {files_read}{period}"))

    items = Table(title="Checklist", title_justify="left")
    for column in ("item", "pass rate", "met", "not met"):
        items.add_column(column, justify="left" if column == "item" else "right")
    for item in ITEMS:
        tally = totals.overall.items.get(item.key)
        if item.key != SEND and tally is not None and tally.pass_rate is not None:
            items.add_row(item.title, percent(tally.pass_rate), f"{tally.met:,}", f"{tally.not_met:,}")
    console.print(items)

    for title, groups in (("Agents", totals.agents), ("Macros", totals.macros)):
        ranked = group_rates(groups)
        table = Table(title=f"{title} (least ready first)", title_justify="left")
        for column in (title[:-1].lower(), "replies", "ready to send", "weakest items"):
            table.add_column(column, justify="right" if column in ("replies", "ready to send") else "left")
        for name, group in ranked[:SHOWN]:
            weakest = ", ".join(f"{ITEMS_BY_KEY[item].label} {percent(rate)}" for item, rate in group.weakest())
            table.add_row(Text(name), f"{group.replies:,}", percent(group.ready_rate), weakest)
        if len(ranked) > SHOWN:
            table.caption = f"and {len(ranked) - SHOWN} more (--output-format csv or json lists them all)"
        console.print(table)

    findings = Table(title="Most frequent findings", title_justify="left")
    for column in ("rule", "findings", "replies", "share of replies"):
        findings.add_column(column, justify="left" if column == "rule" else "right")
    for rule_id, count, with_it in totals.most_frequent(SHOWN):
        findings.add_row(rule_id, f"{count:,}", f"{with_it:,}", percent(with_it / totals.replies))
    console.print(findings)

    worst = Table(title="Worst replies", title_justify="left")
    for column in ("reply", "where", "agent", "macro", "blocking", "findings", "rules"):
        worst.add_column(column, justify="right" if column in ("blocking", "findings") else "left")
    for reply in totals.worst:
        worst.add_row(
            Text(reply.id or ""),
            Text(f"{reply.file}:{reply.line}"),
            Text(reply.agent or ""),
            Text(reply.macro or ""),
            str(reply.blocking),
            str(reply.findings),
            ", ".join(reply.rules[:3]) + (" …" if len(reply.rules) > 3 else ""),
        )
    console.print(worst)

    skipped = f" · {totals.bad_rows:,} bad rows skipped" if totals.bad_rows else ""
    ready = percent(totals.overall.ready_rate)
    console.print(Text(f"{totals.ready:,} of {totals.replies:,} replies ready to send ({ready}){skipped}"))
