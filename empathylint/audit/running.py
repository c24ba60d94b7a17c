"""Running an audit: the rows go in chunks to the check, in this process or in a pool of
worker processes, and the chunks' totals merge into one.

Memory stays flat however long the export: the rows are read as they are needed, and at
most two chunks per worker are in flight; only the totals are kept."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from multiprocessing.context import BaseContext

from empathylint.audit.checker import AuditSettings, check_rows
from empathylint.audit.records import BadRow, Row
from empathylint.audit.totals import AuditTotals

# Rows per chunk: enough that sending a chunk and its totals costs little beside checking
# it (~200 replies take a worker about two seconds), few enough that the work spreads.
CHUNK_ROWS = 200
# Chunks queued per worker: one being checked, one waiting, so no worker idles.
IN_FLIGHT_PER_JOB = 2

Chunk = list[Row | BadRow]
CheckChunk = Callable[[Chunk, AuditSettings], AuditTotals]


def chunks(rows: Iterable[Row | BadRow], size: int = CHUNK_ROWS) -> Iterator[Chunk]:
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def audit_rows(
    rows: Iterable[Row | BadRow],
    audit: AuditSettings,
    *,
    jobs: int = 1,
    chunk_rows: int = CHUNK_ROWS,
    check_chunk: CheckChunk = check_rows,
    on_chunk: Callable[[int], None] | None = None,
) -> AuditTotals:
    """The totals of all the rows, checked in `jobs` processes; `on_chunk` hears how many
    rows each chunk held once its totals are in."""
    totals = AuditTotals(worst_kept=audit.worst_kept)
    batches = chunks(rows, chunk_rows)

    def merge(chunk_totals: AuditTotals, size: int) -> None:
        totals.merge(chunk_totals)
        if on_chunk is not None:
            on_chunk(size)

    # The first chunk is checked here: a bad configuration fails once, before any worker
    # starts, and forked workers inherit the settings and word lists it loaded.
    first = next(batches, None)
    if first is None:
        return totals
    merge(check_chunk(first, audit), len(first))
    if jobs <= 1:
        for chunk in batches:
            merge(check_chunk(chunk, audit), len(chunk))
        return totals
    with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_load, initargs=(audit,)) as pool:
        pending: dict[Future[AuditTotals], int] = {}
        for chunk in batches:
            if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                done, _waiting = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    merge(future.result(), pending.pop(future))
            pending[pool.submit(check_chunk, chunk, audit)] = len(chunk)
        while pending:
            done, _waiting = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                merge(future.result(), pending.pop(future))
    return totals


def _load(audit: AuditSettings) -> None:
    """A worker's start: a forked one already holds the loaded settings; a spawned one loads them."""
    audit.load()


def _context() -> BaseContext:
    """Fork shares what the first chunk loaded for free; where it is missing (Windows) or
    unsafe (macOS), workers are spawned and load their own."""
    import multiprocessing

    method = "fork" if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)
