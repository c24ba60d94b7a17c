"""One `check` run: collect the files, read each into a Document, lint it.

Reading happens here, at the edge; everything per file after reading is pure. A file that
cannot be read becomes a FileReport with an error, and the run goes on."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from empathylint.config import Config, ConfigError, Resolver
from empathylint.document import Document
from empathylint.engine import FileReport, lint
from empathylint.files import MAX_BYTES, STDIN, InputError, SourceFile, collect, decode, read_source, require_text
from empathylint.formats import ReadOptions, read_document


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

# Below this many files a second process costs more than it saves: forking, warming each
# worker's lexicons and regexes, and sending the reports back (~0.4 s in all on 2 cores,
# about what 30 short replies take to check).
MIN_FILES_PER_EXTRA_JOB = 30


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def check_paths(paths: Sequence[str], resolver: Resolver, options: CheckOptions, jobs: int = 1) -> Iterator[Checked]:
    """A report per file, in a stable order, with the source it was read from; each file
    checked with the configuration nearest to it.

    With `jobs` over 1 and enough files, the files are checked in that many forked
    processes; the reports still come back in the order of the files."""
    targets = list(files_to_check(paths, resolver))
    workers = min(jobs, len(targets) // MIN_FILES_PER_EXTRA_JOB)
    if workers > 1 and STDIN not in targets and _can_fork():
        # The first file is checked here, before forking, so that every worker inherits
        # the regexes, lexicons and modules it warmed instead of loading its own.
        yield _check_target(targets[0], resolver, options)
        yield from _check_in_parallel(targets[1:], workers, (resolver, options))
        return
    for target in targets:
        yield _check_target(target, resolver, options)


def _check_target(target: str | InputError, resolver: Resolver, options: CheckOptions) -> Checked:
    if isinstance(target, InputError):
        return FileReport(path=target.path, error=target.reason), None
    try:
        config = resolver.for_path(options.stdin_filename if target == STDIN else target)
    except ConfigError as error:  # a broken checklist.toml in a folder below the current one
        return FileReport(path=target, error=f"not checked: {error}"), None
    try:
        source = _read(target, options)
    except InputError as error:
        return FileReport(path=error.path, error=error.reason), None
    try:
        report = check_source(source, config, options)
    except InputError as error:  # an email without a text part, broken front matter
        return FileReport(path=error.path, error=error.reason), None
    except ReadFailure as failure:
        return FileReport(path=source.path, error=failure.reason, tracebacks=[failure.trace]), None
    return report, source


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


# What every forked worker checks with: inherited through fork, never pickled.
_worker_settings: tuple[Resolver, CheckOptions] | None = None


def _check_in_worker(target: str | InputError) -> Checked:
    if _worker_settings is None:
        raise RuntimeError("a worker started before its settings were set")
    return _check_target(target, *_worker_settings)


def _check_in_parallel(
    targets: list[str | InputError], workers: int, settings: tuple[Resolver, CheckOptions]
) -> Iterator[Checked]:
    import multiprocessing

    global _worker_settings
    _worker_settings = settings
    # Several files per message keep the pipe busy without starving a worker at the end.
    chunk = max(1, len(targets) // (workers * 8))
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_check_in_worker, targets, chunksize=chunk)
    finally:
        _worker_settings = None


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
    profile = config.profile_for(source.path)
    read_options = ReadOptions(
        profile=profile,
        vocabulary=config.vocabulary,
        channel=config.channel_for(source.path),
        acronyms=config.acronyms,
        customer_name=options.customer_name,
        agent_name=options.agent_name,
        customer_message=options.customer_message or sibling_customer_message(source.path),
        mood_words=config.mood_words,
        profile_forced=options.profile_forced,
    )
    from empathylint.formats.helpdesk import is_export

    if is_export(source.path, options.input_format) and options.format_name is None:
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
    (or `.customer.md`) in the same folder."""
    draft = Path(path)
    if not draft.name or draft.name.endswith(CUSTOMER_SUFFIXES):
        return None
    for suffix in CUSTOMER_SUFFIXES:
        candidate = draft.with_name(draft.stem + suffix)
        if candidate.is_file():
            return read_source(candidate).text
    return None
