"""One `check` run: collect the files, read each into a Document, lint it.

Reading happens here, at the edge; everything per file after reading is pure. A file that
cannot be read becomes a FileReport with an error, and the run goes on."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from empathylint.config import Config
from empathylint.engine import FileReport, lint
from empathylint.files import STDIN, InputError, SourceFile, collect, decode, read_source, require_text
from empathylint.formats import ReadOptions, read_document

if TYPE_CHECKING:
    from empathylint.result_cache import ResultCache


@dataclass(frozen=True)
class CheckOptions:
    customer_name: str | None = None
    agent_name: str | None = None
    format_name: str | None = None
    stdin_filename: str | None = None
    # The customer's message from --customer-message; without it, a sibling file
    # (draft.customer.txt beside draft.md) is looked for. Context only, never checked.
    customer_message: str | None = None
    # --profile was given: front matter may not change the profile.
    profile_forced: bool = False


Checked = tuple[FileReport, SourceFile | None]

# Below this much text still to check (in characters), a second process costs more than
# it saves: forking, the worker's own warm-up (the patterns and spelling lists the first
# file did not need) and sending the reports back. The corpus's 400 replies (115,000
# characters) took 10.4 s of CPU in one process and 12.1 s in two (wall times, on a
# machine loaded 9.5 on its 2 cores: 64-78 s and 53 s): about 1.7 s of CPU per extra
# process, worth it from some 50,000 characters on.
MIN_CHARACTERS_PER_EXTRA_JOB = 50_000
# Files per message to a worker: few enough that the work is shared out evenly at the end.
_CHUNKS_PER_WORKER = 8


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def jobs_for(pending: Sequence[SourceFile], jobs: int) -> int:
    """How many processes to check `pending` in: one per MIN_CHARACTERS_PER_EXTRA_JOB of
    text, at most `jobs`, and one where forking is not available."""
    if len(pending) < 2 or not _can_fork():
        return 1
    characters = sum(len(source.text) for source in pending)
    return max(1, min(jobs, len(pending), 1 + characters // MIN_CHARACTERS_PER_EXTRA_JOB))


@dataclass(frozen=True)
class _Pending:
    """A file read and not found in the result cache: to be checked."""

    source: SourceFile
    customer_message: str | None
    cache_key: str | None


def check_paths(
    paths: Sequence[str],
    config: Config,
    options: CheckOptions,
    jobs: int = 1,
    cache: ResultCache | None = None,
) -> Iterator[Checked]:
    """A report per file, in a stable order, with the source it was read from.

    Each file is read first, and its report taken from the result cache when it is there.
    The rest is checked here, or, with `jobs` over 1 and enough text to be worth it, in
    forked processes; the reports still come back in the order of the files."""
    prepared = [_prepare(target, config, options, cache) for target in _targets(paths, config)]
    pending = [item for item in prepared if isinstance(item, _Pending)]
    workers = jobs_for([item.source for item in pending], jobs)
    if workers == 1:
        for item in prepared:
            yield _check_pending(item, config, options, cache) if isinstance(item, _Pending) else item
        return
    # The first file is checked here, and textstat's dictionary loaded, before forking, so
    # that every worker inherits the patterns, word lists and modules warmed here.
    first = _check_pending(pending[0], config, options, cache)
    from empathylint.language.grade import load_grade_dictionary

    load_grade_dictionary()
    checked = _check_in_parallel(pending[1:], workers, (config, options, cache))
    for item in prepared:
        if not isinstance(item, _Pending):
            yield item
        elif item is pending[0]:
            yield first
        else:
            yield next(checked)


def _prepare(
    target: str | InputError, config: Config, options: CheckOptions, cache: ResultCache | None
) -> Checked | _Pending:
    """The file's report when it cannot be read or is in the result cache, else what to check."""
    if isinstance(target, InputError):
        return FileReport(path=target.path, error=target.reason), None
    try:
        source = _read(target, options)
        customer_message = customer_message_for(source, options)
    except InputError as error:
        return FileReport(path=error.path, error=error.reason), None
    if cache is None or target == STDIN:  # standard input is an editor's buffer: never stored
        return _Pending(source, customer_message, None)
    key = cache.key(source, customer_message)
    cached = cache.lookup(key, source)
    return _Pending(source, customer_message, key) if cached is None else (cached, source)


def _check_pending(item: _Pending, config: Config, options: CheckOptions, cache: ResultCache | None) -> Checked:
    try:
        report = _lint_source(item.source, item.customer_message, config, options)
    except InputError as error:  # an email without a text part, broken front matter
        return FileReport(path=error.path, error=error.reason), None
    if cache is not None and item.cache_key is not None:
        cache.store(item.cache_key, report)
    return report, item.source


def _can_fork() -> bool:
    """Fork shares the loaded rules and settings with the workers for free; where it is
    missing (Windows) or unsafe (macOS), the files are checked one after another."""
    import multiprocessing

    return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


_WorkerSettings = tuple[Config, CheckOptions, "ResultCache | None"]
# What every forked worker checks with: inherited through fork, never pickled.
_worker_settings: _WorkerSettings | None = None


def _check_in_worker(chunk: list[_Pending]) -> list[Checked]:
    if _worker_settings is None:
        raise RuntimeError("a worker started before its settings were set")
    return [_check_pending(item, *_worker_settings) for item in chunk]


WORKER_DIED = (
    "not checked: the process checking it died (killed, or out of memory), and the run stopped; "
    "check it again, or with --jobs 1"
)


def _check_in_parallel(pending: list[_Pending], workers: int, settings: _WorkerSettings) -> Iterator[Checked]:
    """The reports of `pending`, in order, checked in `workers` forked processes. When a
    worker dies, the files not yet reported get an error each and the run ends: the pool
    cannot say which of them the dead worker held."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _worker_settings
    _worker_settings = settings
    size = max(1, len(pending) // (workers * _CHUNKS_PER_WORKER))
    chunks = [pending[start : start + size] for start in range(0, len(pending), size)]
    # As the gc module's documentation advises before fork(): the objects warmed here
    # (textstat's dictionary alone holds some 260,000 lists) are left out of the workers' garbage
    # collections, which would otherwise touch, and so copy, every page holding them.
    gc.freeze()
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    try:
        futures = [executor.submit(_check_in_worker, chunk) for chunk in chunks]
        for number, future in enumerate(futures):
            try:
                checked = future.result()
            except BrokenProcessPool:
                for chunk in chunks[number:]:
                    for item in chunk:
                        yield FileReport(path=item.source.path, error=WORKER_DIED), None
                return
            yield from checked
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()
        _worker_settings = None


def _targets(paths: Sequence[str], config: Config) -> Iterator[str | InputError]:
    for path in paths:
        if path == STDIN:
            yield STDIN
            continue
        for found in collect([path], config):
            yield found if isinstance(found, InputError) else str(found)


def _read(target: str, options: CheckOptions) -> SourceFile:
    if target == STDIN:
        display = options.stdin_filename or "<stdin>"
        data = sys.stdin.buffer.read()
        text, encoding, bom = decode(data, display)
        require_text(text, display)
        return SourceFile(display, text, encoding, bom, len(data), 0)
    return read_source(Path(target))


def check_source(source: SourceFile, config: Config, options: CheckOptions) -> FileReport:
    return _lint_source(source, customer_message_for(source, options), config, options)


def customer_message_for(source: SourceFile, options: CheckOptions) -> str | None:
    """The customer's message a draft answers: --customer-message, else the file beside it."""
    return options.customer_message or sibling_customer_message(source.path)


def _lint_source(source: SourceFile, customer_message: str | None, config: Config, options: CheckOptions) -> FileReport:
    read_options = ReadOptions(
        profile=config.profile_for(source.path),
        vocabulary=config.vocabulary,
        customer_name=options.customer_name,
        agent_name=options.agent_name,
        customer_message=customer_message,
        mood_words=config.mood_words,
        profile_forced=options.profile_forced,
    )
    document = read_document(source.text, source.path, read_options, options.format_name)
    return lint(document, config.for_file(source.path, document.profile))


CUSTOMER_SUFFIXES = (".customer.txt", ".customer.md")


def sibling_customer_message(path: str) -> str | None:
    """The customer's message saved beside a draft: `refund.md` → `refund.customer.txt`
    (or `.customer.md`) in the same folder."""
    draft = Path(path)
    if not draft.name or draft.name.endswith(CUSTOMER_SUFFIXES):
        return None
    for suffix in CUSTOMER_SUFFIXES:
        candidate = draft.with_name(draft.stem + suffix)
        if candidate.is_file():
            return read_source(candidate).text
    return None
