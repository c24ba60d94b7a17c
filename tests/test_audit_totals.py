"""The audit's totals merge to the same figures whatever the order and the split (what
--jobs and Dask rely on), and reading an export holds a bounded number of rows however long
it is."""

from __future__ import annotations

import json
import random
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from empathylint.audit.checker import AuditSettings, check_row, check_rows
from empathylint.audit.records import BadRow, Columns, Row
from empathylint.audit.render import to_json
from empathylint.audit.rows import ExportReader
from empathylint.audit.running import audit_rows
from empathylint.audit.totals import AuditTotals, ReplyResult, merge_all
from tests.conftest import FIXTURES

REPLIES = FIXTURES / "audit" / "replies.jsonl"


def read(path: Path) -> list[Row | BadRow]:
    return list(ExportReader(str(path), Columns()))


@pytest.fixture(scope="module")
def results() -> list[ReplyResult]:
    settings = AuditSettings().load()
    checked = [check_row(row, settings) for row in read(REPLIES) if isinstance(row, Row)]
    assert all(isinstance(result, ReplyResult) for result in checked)
    return [result for result in checked if isinstance(result, ReplyResult)]


def summary(totals: AuditTotals) -> str:
    return to_json(totals, ["replies.jsonl"])


def test_merging_in_any_order_and_split_gives_the_same_totals(results: list[ReplyResult]) -> None:
    one_by_one = AuditTotals()
    for result in results:
        one_by_one.add(result)
    shuffler = random.Random(16)
    for _attempt in range(20):
        shuffled = results * 3
        shuffler.shuffle(shuffled)
        cuts = sorted(shuffler.sample(range(1, len(shuffled)), 4))
        parts = []
        for start, end in zip([0, *cuts], [*cuts, len(shuffled)], strict=True):
            part = AuditTotals()
            for result in shuffled[start:end]:
                part.add(result)
            parts.append(part)
        shuffler.shuffle(parts)
        tripled = AuditTotals()
        for result in results * 3:
            tripled.add(result)
        assert summary(merge_all(parts)) == summary(tripled)
    assert summary(merge_all([one_by_one, AuditTotals()])) == summary(one_by_one)


def test_the_worst_and_the_bad_rows_kept_are_bounded(results: list[ReplyResult]) -> None:
    totals = AuditTotals(worst_kept=2)
    for result in results * 5:
        totals.add(result)
    for line in range(200, 0, -1):
        totals.add_bad_row(BadRow("export.jsonl", line, "invalid JSON"))
    assert len(totals.worst) == 2
    assert [worst.id for worst in totals.worst] == ["r3", "r3"]
    assert totals.bad_rows == 200
    assert [bad.line for bad in totals.bad_rows_named] == list(range(1, 51))


def test_jobs_give_the_same_totals(tmp_path: Path) -> None:
    rows = read(REPLIES) * 3 + [BadRow("replies.jsonl", 99, "invalid JSON")]
    alone = audit_rows(rows, AuditSettings(), jobs=1, chunk_rows=2)
    seen: list[int] = []
    together = audit_rows(rows, AuditSettings(), jobs=2, chunk_rows=2, on_chunk=seen.append)
    assert summary(together) == summary(alone)
    assert (together.replies, together.bad_rows) == (21, 1)
    assert sum(seen) == len(rows)
    assert summary(check_rows(rows, AuditSettings())) == summary(alone)


# --- constant memory --------------------------------------------------------------------------


def write_export(path: Path, replies: int) -> None:
    agents, macros = ("Sam", "Priya", "Ana", "Lee"), ("Refund", "Reset", None)
    with path.open("w", encoding="utf-8") as export:
        for number in range(replies):
            row = {
                "id": f"t{number}",
                "agent": agents[number % 4],
                "macro": macros[number % 3],
                "channel": "chat" if number % 2 else "email",
                "reply": f"Hi Maria,\n\nThanks for writing. Order {number} ships on Friday.\n\nSam\n",
                "customer_message": "Where is my order?",
            }
            export.write(json.dumps(row) + "\n")


def cheap_check(chunk: list[Row | BadRow], audit: AuditSettings) -> AuditTotals:
    """A stand-in for the rules (whose own memory is their caches, not the rows): what is
    measured is the reading, chunking and totals around them."""
    totals = AuditTotals(worst_kept=audit.worst_kept)
    for row in chunk:
        if isinstance(row, Row):
            findings = (("proofread.spelling", 1),) if row.line % 7 == 0 else ()
            totals.add(
                ReplyResult(
                    row.file,
                    row.line,
                    row.id,
                    row.agent,
                    row.macro,
                    row.channel or "email",
                    row.date,
                    (("proofread", "not met" if findings else "met"),),
                    not findings,
                    findings,
                    len(findings),
                )
            )
    return totals


def peak_memory(path: Path) -> tuple[int, int]:
    def rows() -> Iterator[Row | BadRow]:
        yield from ExportReader(str(path), Columns())

    tracemalloc.start()
    try:
        totals = audit_rows(rows(), AuditSettings(), jobs=1, check_chunk=cheap_check)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return totals.replies, peak


def test_memory_does_not_grow_with_the_rows(tmp_path: Path) -> None:
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    write_export(small, 1_000)
    write_export(large, 10_000)
    assert large.stat().st_size > 9 * small.stat().st_size
    small_replies, small_peak = peak_memory(small)
    large_replies, large_peak = peak_memory(large)
    assert (small_replies, large_replies) == (1_000, 10_000)
    # Ten times the rows in the same memory, give or take the allocator's noise (~20%):
    # keeping the rows would take about eight times as much (9,000 rows of ~300 bytes).
    assert large_peak < small_peak * 1.5, (small_peak, large_peak)


def test_auditing_from_python_loads_neither_typer_nor_rich_nor_dask(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from empathylint.audit.checker import AuditSettings\n"
        "from empathylint.audit.render import to_csv, to_json\n"
        "from empathylint.audit.records import Columns\n"
        "from empathylint.audit.rows import ExportReader\n"
        "from empathylint.audit.running import audit_rows\n"
        f"totals = audit_rows(ExportReader({str(REPLIES)!r}, Columns()), AuditSettings())\n"
        "to_csv(totals); to_json(totals, [])\n"
        "assert totals.replies == 7, totals.replies\n"
        "print(sorted(name for name in ('typer', 'rich', 'click', 'dask') if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
