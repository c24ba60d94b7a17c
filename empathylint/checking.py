"""One `check` run: collect the files, read each into a Document, lint it.

Reading happens here, at the edge; everything per file after reading is pure. A file that
cannot be read becomes a FileReport with an error, and the run goes on."""

from __future__ import annotations

import dataclasses
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, NamedTuple

from empathylint.config import Config, ConfigError, Resolver
from empathylint.document import Channel, Document, Profile
from empathylint.engine import FileReport, lint
from empathylint.files import MAX_BYTES, STDIN, InputError, SourceFile, collect, decode, read_source, require_text

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from empathylint.formats import ReadOptions
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
    # --input-format and --column: how a helpdesk export (.json, .csv) is read.
    input_format: str | None = None
    columns: tuple[str, ...] = ()


Checked = tuple[FileReport, SourceFile | None]

# Below this much text still to check (in characters), a second process costs more than
# it saves. Each process needs its own ~100 MB (textstat's pronouncing dictionary, the word
# lists, the memos; fork shares them only until they are touched): the corpus's 400 replies
# (115,000 characters) peaked at 127 MB in one process and climbed past 190 MB, all processes
# together, in two, where issue 19 allows 150 MB, and a second process adds about 1.7 s of
# CPU warming up. So a run stays in one process until the text is large enough for the
# second core to win back its warm-up many times over (a help centre of several MB).
MIN_CHARACTERS_PER_EXTRA_JOB = 1_000_000
# Tasks per worker: few enough that the work is shared out evenly at the end.
_CHUNKS_PER_WORKER = 8


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def jobs_for(pending: Sequence[SourceFile], jobs: int) -> int:
    """How many processes to check `pending` in: one per MIN_CHARACTERS_PER_EXTRA_JOB of
    text, at most `jobs` and one per file, and one where forking is not available."""
    if len(pending) < 2 or not _can_fork():
        return 1
    characters = sum(len(source.text) for source in pending)
    return max(1, min(jobs, len(pending), 1 + characters // MIN_CHARACTERS_PER_EXTRA_JOB))


@dataclass(frozen=True)
class _Pending:
    """A file read, with the settings nearest to it, and not found in the result cache."""

    source: SourceFile
    config: Config
    read_options: ReadOptions
    cache_key: str | None


def check_paths(
    paths: Sequence[str], resolver: Resolver, options: CheckOptions, jobs: int = 1, cache: ResultCache | None = None
) -> Iterator[Checked]:
    """A report per file, in a stable order, with the source it was read from; each file
    checked with the configuration nearest to it.

    Each file is read first, and its report taken from the result cache when it is there.
    The rest is checked here, or, with `jobs` over 1 and enough text to be worth it, in
    forked processes; the reports still come back in the order of the files."""
    prepared = [_prepare(target, resolver, options, cache) for target in files_to_check(paths, resolver)]
    pending = [item for item in prepared if isinstance(item, _Pending)]
    workers = jobs_for([item.source for item in pending], jobs)
    if workers == 1:
        for item in prepared:
            yield _check_pending(item, options, cache) if isinstance(item, _Pending) else item
    else:
        yield from _in_order(prepared, _checked_in_parallel(pending, workers, options), cache)
    if cache is not None:
        cache.save()


def _in_order(
    prepared: list[Checked | _Pending], checked: Iterator[Checked], cache: ResultCache | None
) -> Iterator[Checked]:
    """The reports in the order of the files; those checked in the workers are stored here,
    in the process that writes the cache."""
    for item in prepared:
        if isinstance(item, _Pending):
            report, source = next(checked)
            if cache is not None and item.cache_key is not None and source is not None:
                cache.store(item.cache_key, report)
            yield report, source
        else:
            yield item


def _prepare(
    target: str | InputError, resolver: Resolver, options: CheckOptions, cache: ResultCache | None
) -> Checked | _Pending:
    """The file's report when it cannot be read or is in the result cache, else what to check."""
    if isinstance(target, InputError):
        return FileReport(path=target.path, error=target.reason), None
    try:
        config = resolver.for_path(options.stdin_filename if target == STDIN else target)
    except ConfigError as error:  # a broken checklist.toml in a folder below the current one
        return FileReport(path=target, error=f"not checked: {error}"), None
    try:
        source = _read(target, options)
        reading = _reading(source, config, options)
    except InputError as error:
        return FileReport(path=error.path, error=error.reason), None
    # Standard input is an editor's buffer, never stored.
    if cache is None or target == STDIN:
        return _Pending(source, config, _read_options(reading, config, options), None)
    key = cache.key(source, config, reading, options)
    cached = cache.lookup(key, source, config) if key is not None else None
    if cached is not None:
        return cached, source
    # A helpdesk export's report holds one report per canned reply, which the cache does not
    # keep (so never finds: the readers of exports are imported only to check one).
    if _is_export(source, options):
        key = None
    return _Pending(source, config, _read_options(reading, config, options), key)


def _check_pending(item: _Pending, options: CheckOptions, cache: ResultCache | None) -> Checked:
    try:
        report = _lint(item.source, item.config, item.read_options, options)
    except InputError as error:  # an email without a text part, broken front matter
        return FileReport(path=error.path, error=error.reason), None
    except ReadFailure as failure:
        return FileReport(path=item.source.path, error=failure.reason, tracebacks=[failure.trace]), None
    if cache is not None and item.cache_key is not None:
        cache.store(item.cache_key, report)
    return report, item.source


class ReadFailure(Exception):
    """A reader (or the library under it) raised on one file: that file's error line."""

    def __init__(self, reason: str, trace: str) -> None:
        self.reason = reason
        self.trace = trace
        super().__init__(reason)


def _read_document(source: SourceFile, read_options: ReadOptions, format_name: str | None) -> Document:
    """The file's Document. The parsers under the readers (html.parser, tomllib, email)
    were not written for hostile input: whatever one still raises on a file is that file's
    "cannot read" line, never the end of the run. Rules run after this, in the engine,
    which reports their failures as internal-error findings."""
    from empathylint.formats import read_document

    try:
        return read_document(source.text, source.path, read_options, format_name)
    except InputError:
        raise
    except Exception as error:  # RecursionError, AssertionError, UnicodeError, …
        import traceback

        raise ReadFailure(f"cannot read: {type(error).__name__}: {error}", traceback.format_exc()) from None


def _can_fork() -> bool:
    """Fork shares the loaded rules and settings with the workers for free; where it is
    missing (Windows) or unsafe (macOS), the files are checked one after another."""
    import multiprocessing

    return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


# What every forked worker checks: inherited through fork, never pickled. A task is a
# range of indices into the list, so only two numbers go to a worker.
_worker_state: tuple[list[_Pending], CheckOptions] | None = None


def _check_in_worker(start: int, stop: int) -> list[Checked]:
    if _worker_state is None:
        raise RuntimeError("a worker started before its settings were set")
    pending, options = _worker_state
    return [_check_pending(item, options, None) for item in pending[start:stop]]


WORKER_DIED = "not checked: the process checking it died (killed, or out of memory); check it again with --jobs 1"


def _checked_in_parallel(pending: list[_Pending], workers: int, options: CheckOptions) -> Iterator[Checked]:
    """The reports of `pending`, in order, checked in `workers` forked processes after the
    first is checked here (so that every worker inherits the patterns, word lists and
    textstat's dictionary it warmed instead of loading its own)."""
    from empathylint.language.grade import load_grade_dictionary

    yield _check_pending(pending[0], options, None)
    load_grade_dictionary()
    global _worker_state
    _worker_state = (pending, options)
    # As the gc module advises before fork(): what was warmed here is left out of the
    # workers' collections, which would otherwise touch, and so copy, every page of it.
    gc.freeze()
    try:
        size = max(1, (len(pending) - 1) // (workers * _CHUNKS_PER_WORKER))
        ranges = [(start, min(start + size, len(pending))) for start in range(1, len(pending), size)]
        yield from _run_ranges(ranges, workers)
    finally:
        gc.unfreeze()
        _worker_state = None


def _run_ranges(ranges: list[tuple[int, int]], workers: int) -> Iterator[Checked]:
    """The reports of each range, in order. When a worker dies, the pool cannot say which
    file it held: the ranges not yet reported are checked again one file at a time, in a
    process of their own, so only the file that kills its process is reported so."""
    executor = _fork_pool(workers)
    try:
        futures = [executor.submit(_check_in_worker, start, stop) for start, stop in ranges]
        for number, future in enumerate(futures):
            try:
                checked = future.result()
            except _broken_pool():
                for start, stop in ranges[number:]:
                    yield from _one_by_one(start, stop)
                return
            yield from checked
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _one_by_one(start: int, stop: int) -> Iterator[Checked]:
    """Each file of the range in a one-process pool, a new pool after a file killed one."""
    executor = _fork_pool(1)
    try:
        for index in range(start, stop):
            try:
                yield from executor.submit(_check_in_worker, index, index + 1).result()
            except _broken_pool():
                executor.shutdown(wait=True)
                executor = _fork_pool(1)
                assert _worker_state is not None
                yield FileReport(path=_worker_state[0][index].source.path, error=WORKER_DIED), None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _fork_pool(workers: int) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))


def _broken_pool() -> type[Exception]:
    from concurrent.futures.process import BrokenProcessPool

    return BrokenProcessPool


def files_to_check(paths: Sequence[str], resolver: Resolver) -> Iterator[str | InputError]:
    """The files to check: a folder is walked with its own configuration's include and
    exclude, and a file found there that a configuration nearer to it excludes is left out."""
    for path in paths:
        if path == STDIN:
            yield STDIN
            continue
        try:
            walk_config = resolver.for_folder(Path(os.path.abspath(path))) if os.path.isdir(path) else None
            config = walk_config or resolver.for_path(path)
        except ConfigError as error:
            yield InputError(path, f"not checked: {error}")
            continue
        for found in collect([path], config):
            if isinstance(found, InputError):
                yield found
            elif walk_config is None or not _excluded_nearer(resolver, walk_config, found):
                yield str(found)


def _excluded_nearer(resolver: Resolver, walk_config: Config, found: Path) -> bool:
    try:
        nearest = resolver.for_path(found)
    except ConfigError:
        return False  # checked, so that the file reports its configuration's error
    return nearest is not walk_config and nearest.excludes(str(found))


def _read(target: str, options: CheckOptions) -> SourceFile:
    if target == STDIN:
        display = options.stdin_filename or "<stdin>"
        # The same bound as a file's: 30 MB piped in must not exhaust memory (issue 15).
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(display, f"too large (over {MAX_BYTES // 1_048_576} MB, the limit for any input)")
        text, encoding, bom = decode(data, display)
        require_text(text, display)
        return SourceFile(display, text, encoding, bom, len(data), 0)
    return read_source(Path(target))


def check_source(source: SourceFile, config: Config, options: CheckOptions) -> FileReport:
    return _lint(source, config, _read_options(_reading(source, config, options), config, options), options)


class Reading(NamedTuple):
    """What a file's report depends on besides its text and configuration: its settings by
    path and the customer's message (part of its result-cache key)."""

    profile: Profile
    channel: Channel
    ignores: tuple[str, ...]
    customer_message: str | None


def _reading(source: SourceFile, config: Config, options: CheckOptions) -> Reading:
    profile, channel, ignores = config.by_path(source.path)
    return Reading(
        profile=profile,
        channel=channel,
        ignores=ignores,
        customer_message=options.customer_message or sibling_customer_message(source.path),
    )


def _read_options(reading: Reading, config: Config, options: CheckOptions) -> ReadOptions:
    """How the file is read into a Document (built only for a file that is checked: the
    placeholder words and acronyms are read from their lists then)."""
    from empathylint.formats import ReadOptions

    return ReadOptions(
        profile=reading.profile,
        vocabulary=config.vocabulary,
        channel=reading.channel,
        acronyms=config.acronyms,
        customer_name=options.customer_name,
        agent_name=options.agent_name,
        customer_message=reading.customer_message,
        mood_words=config.mood_words,
        profile_forced=options.profile_forced,
    )


def _is_export(source: SourceFile, options: CheckOptions) -> bool:
    from empathylint.formats.helpdesk import is_export

    return options.format_name is None and is_export(source.path, options.input_format)


def _lint(source: SourceFile, config: Config, read_options: ReadOptions, options: CheckOptions) -> FileReport:
    if _is_export(source, options):
        return check_export(source, config, options, read_options)
    document = _read_document(source, read_options, options.format_name)
    return lint(document, config.for_file(source.path, document.profile))


def check_export(source: SourceFile, config: Config, options: CheckOptions, read_options: ReadOptions) -> FileReport:
    """A helpdesk export expanded into its canned replies, each read and linted as its own
    document; the report holds one report per reply (formats/helpdesk/reports.py)."""
    from empathylint.formats.helpdesk import read_export
    from empathylint.formats.helpdesk.items import ExportError
    from empathylint.formats.helpdesk.linting import item_read_options, lint_item
    from empathylint.formats.helpdesk.reports import export_report

    try:
        export = read_export(source.text, source.path, options.input_format, options.columns)
    except ExportError as error:
        raise InputError(source.path, str(error)) from None
    checked = []
    for item in export.items:
        item_source = dataclasses.replace(source, text=item.text)
        document = _read_document(item_source, item_read_options(read_options, item), item.kind)
        checked.append((item, lint_item(document, config.for_file(source.path, document.profile), item)))
    return export_report(source.path, source.text, export.helpdesk, checked)


CUSTOMER_SUFFIXES = (".customer.txt", ".customer.md")


def sibling_customer_message(path: str) -> str | None:
    """The customer's message saved beside a draft: `refund.md` → `refund.customer.txt`
    (or `.customer.md`) in the same folder. (os.path, not pathlib: asked for every file of a
    run, most of them answered from the result cache.)"""
    folder, name = os.path.split(path)
    if not name or name.endswith(CUSTOMER_SUFFIXES):
        return None
    stem = PurePath(name).stem
    for suffix in CUSTOMER_SUFFIXES:
        candidate = os.path.join(folder, stem + suffix)
        if os.path.isfile(candidate):
            return read_source(Path(candidate)).text
    return None
