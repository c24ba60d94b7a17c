"""--statistics: how often each rule fired across the run, most frequent first, as ruff
prints it; a JSON list with --output-format json."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from empathylint.engine import FileReport
from empathylint.reporters import fixable


def statistics(reports: Sequence[FileReport], unsafe_fixes: bool = False) -> list[dict[str, Any]]:
    counts: Counter[str] = Counter()
    fixable_counts: Counter[str] = Counter()
    severities: dict[str, str] = {}
    for report in reports:
        for diagnostic in report.diagnostics:
            counts[diagnostic.rule_id] += 1
            severities.setdefault(diagnostic.rule_id, diagnostic.severity.label)
            if fixable(diagnostic, unsafe_fixes):
                fixable_counts[diagnostic.rule_id] += 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [
        {"rule": rule_id, "count": count, "severity": severities[rule_id], "fixable": fixable_counts[rule_id]}
        for rule_id, count in ordered
    ]


def render_statistics(reports: Sequence[FileReport], as_json: bool, unsafe_fixes: bool = False) -> str:
    rows = statistics(reports, unsafe_fixes)
    if as_json:
        return json.dumps(rows, indent=2) + "\n"
    if not rows:
        return "No findings.\n"
    count_width = max(len(str(row["count"])) for row in rows)
    rule_width = max(len(row["rule"]) for row in rows)
    lines = []
    for row in rows:
        mark = "[*]" if row["fixable"] == row["count"] else "[-]" if row["fixable"] else "   "
        lines.append(f"{row['count']:>{count_width}}  {row['rule']:<{rule_width}}  {mark}  {row['severity']}")
    return "".join(line + "\n" for line in lines)
