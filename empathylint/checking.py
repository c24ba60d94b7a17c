"""One `check` run: collect the files, read each into a Document, lint it.

Reading happens here, at the edge; everything per file after reading is pure. A file that
cannot be read becomes a FileReport with an error, and the run goes on."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from empathylint.config import Config
from empathylint.engine import FileReport, lint
from empathylint.files import STDIN, InputError, SourceFile, collect, decode, read_source, require_text
from empathylint.formats import ReadOptions, read_document
from empathylint.rule import AnyRule


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


def check_paths(
    paths: Sequence[str], config: Config, rules: Sequence[AnyRule], options: CheckOptions
) -> Iterator[tuple[FileReport, SourceFile | None]]:
    """A report per file, in a stable order, with the source it was read from."""
    for item in _targets(paths, config):
        if isinstance(item, InputError):
            yield FileReport(path=item.path, error=item.reason), None
            continue
        try:
            source = _read(item, options)
        except InputError as error:
            yield FileReport(path=error.path, error=error.reason), None
            continue
        try:
            report = check_source(source, config, rules, options)
        except InputError as error:  # an email without a text part, broken front matter
            yield FileReport(path=error.path, error=error.reason), None
            continue
        yield report, source


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


def check_source(source: SourceFile, config: Config, rules: Sequence[AnyRule], options: CheckOptions) -> FileReport:
    profile = config.profile_for(source.path)
    read_options = ReadOptions(
        profile=profile,
        vocabulary=config.vocabulary,
        customer_name=options.customer_name,
        agent_name=options.agent_name,
        customer_message=options.customer_message or sibling_customer_message(source.path),
        profile_forced=options.profile_forced,
    )
    document = read_document(source.text, source.path, read_options, options.format_name)
    return lint(document, config, rules)


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
