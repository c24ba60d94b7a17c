"""The audit on Dask (`pip install 'empathylint[dask]'`), for exports past one machine: the
same per-reply check and the same mergeable totals as `--jobs`, with Dask placing the work.

- `audit_bag(bag)`: a dask.bag of reply records (dicts, as a JSONL line) → a lazy AuditTotals;
  a dask.dataframe becomes one with `frame.to_bag(format="dict")`.
- `audit_on_scheduler(rows, settings, address)`: what `empathylint audit --dask ADDRESS`
  runs: the export is read here, chunk by chunk, and each chunk checked on the cluster.

Each worker needs empathylint installed, and the checklist file (if one is named) readable
at the same path. Only this module imports dask, and only when called."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from empathylint.audit.checker import AuditSettings, check_rows
from empathylint.audit.records import BadRow, Columns, Row, row_from_record
from empathylint.audit.running import chunks
from empathylint.audit.totals import AuditTotals, merge_all

BAG_SOURCE = "<dask>"
"""The file a bag's replies are reported in; the line is the record's place in its partition."""


def audit_bag(bag: Any, settings: AuditSettings | None = None, columns: Columns | None = None) -> Any:
    """A dask.bag.Item that computes to the AuditTotals of the bag's records: each
    partition is checked where it lives, and the partitions' totals merge, as with --jobs.

        totals = audit_bag(dask.bag.read_text("replies-*.jsonl").map(json.loads)).compute()
    """
    settings = settings or AuditSettings()
    return bag.reduction(
        functools.partial(_partition_totals, settings=settings, columns=columns or Columns()),
        functools.partial(merge_all, worst_kept=settings.worst_kept),
        split_every=8,
    )


def _partition_totals(records: Iterable[Mapping[str, Any]], settings: AuditSettings, columns: Columns) -> AuditTotals:
    rows: Iterator[Row | BadRow] = (
        row_from_record(record, columns, BAG_SOURCE, place) for place, record in enumerate(records, start=1)
    )
    return check_rows(rows, settings)


def audit_on_scheduler(
    rows: Iterable[Row | BadRow],
    settings: AuditSettings,
    address: str,
    *,
    on_chunk: Callable[[int], None] | None = None,
) -> AuditTotals:
    """The totals of the rows, each chunk checked on the Dask cluster at `address`. At most
    two chunks per worker thread are in flight, so memory here stays flat."""
    from distributed import Client, wait

    totals = AuditTotals(worst_kept=settings.worst_kept)

    def merge(done: Iterable[Any], pending: dict[Any, int]) -> None:
        for future in done:
            totals.merge(future.result())
            size = pending.pop(future)
            if on_chunk is not None:
                on_chunk(size)

    with Client(address) as client:
        window = 2 * max(1, sum(client.nthreads().values()))
        pending: dict[Any, int] = {}
        for chunk in chunks(rows):
            if len(pending) >= window:
                merge(wait(list(pending), return_when="FIRST_COMPLETED").done, pending)
            pending[client.submit(check_rows, chunk, settings, pure=False)] = len(chunk)
        while pending:
            merge(wait(list(pending), return_when="FIRST_COMPLETED").done, pending)
    return totals
