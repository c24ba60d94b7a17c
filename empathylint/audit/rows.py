"""Reading an export of sent replies, one row at a time, never the whole file.

A JSONL export holds one JSON object per line; a CSV export a header row, then one reply per
record (a reply may span lines inside quotes). Each row becomes a Row, or a BadRow naming
the file, the line and the cause (invalid JSON, no reply, a line too long): the audit counts
and names those and reads on. A file that cannot be opened is an ExportError, one line.

Which column holds what is records.py's: Columns, Row and BadRow."""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Literal, cast

from empathylint.audit.records import BadRow, Columns, Row, row_from_record, row_from_values

InputFormat = Literal["jsonl", "csv"]
INPUT_FORMATS: tuple[InputFormat, ...] = ("jsonl", "csv")

# A reply longer than this is not a reply but a broken export (a missing closing quote that
# swallows the rest of a CSV, a log dumped into one line): named and skipped, never held.
MAX_ROW_BYTES = 1_048_576


class ExportError(Exception):
    """An export that cannot be read at all: one line, naming it and the cause."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def detect_format(path: str, first_bytes: bytes) -> InputFormat:
    """By extension, else by content: JSON starts with `{` (or `[`, to be told it is not JSONL)."""
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "csv"
    return "jsonl" if first_bytes.lstrip(codecs.BOM_UTF8).lstrip()[:1] in (b"{", b"[") else "csv"


STDIN = "-"
STDIN_NAME = "<stdin>"


class ExportReader:
    """The rows of one export (`-`: standard input), read as they are iterated;
    `bytes_read` says how far along."""

    def __init__(self, path: str, columns: Columns, input_format: InputFormat | None = None) -> None:
        self.path = STDIN_NAME if path == STDIN else path
        self.columns = columns
        self.bytes_read = 0
        self._from_stdin = path == STDIN
        try:
            self._file: io.BufferedReader = (
                # Buffered anew: whatever standard input is (a pipe, a test's bytes), it can peek.
                io.BufferedReader(cast(io.RawIOBase, sys.stdin.buffer)) if self._from_stdin else open(path, "rb")  # noqa: SIM115 - closed when the rows end
            )
        except FileNotFoundError:
            raise ExportError(path, "no such file") from None
        except IsADirectoryError:
            raise ExportError(path, "is a directory, not an export") from None
        except OSError as error:
            raise ExportError(path, f"cannot be read: {error.strerror or error}") from None
        try:
            start = self._file.peek(64)[:64]
        except OSError as error:
            self._close()
            raise ExportError(self.path, f"cannot be read: {error.strerror or error}") from None
        self.format = input_format or detect_format(path, start)
        if self.format == "jsonl" and start.lstrip(codecs.BOM_UTF8).lstrip().startswith(b"["):
            self._close()
            raise ExportError(
                self.path,
                "is one JSON array, not JSON Lines (an object per line); "
                f"`jq -c '.[]' {path} > replies.jsonl` converts it",
            )

    def _close(self) -> None:
        if not self._from_stdin:
            self._file.close()

    def __iter__(self) -> Iterator[Row | BadRow]:
        try:
            yield from self._jsonl() if self.format == "jsonl" else self._csv()
        except OSError as error:
            raise ExportError(self.path, f"cannot be read: {error.strerror or error}") from None
        finally:
            self._close()

    def _lines(self) -> Iterator[bytes | None]:
        """The export's lines, None for a line over MAX_ROW_BYTES (read past, not kept)."""
        while True:
            line = self._file.readline(MAX_ROW_BYTES + 1)
            self.bytes_read += len(line)
            if not line:
                return
            if len(line) > MAX_ROW_BYTES and not line.endswith(b"\n"):
                while (rest := self._file.readline(MAX_ROW_BYTES)) and not rest.endswith(b"\n"):
                    self.bytes_read += len(rest)
                self.bytes_read += len(rest)
                yield None
                continue
            yield line

    def _jsonl(self) -> Iterator[Row | BadRow]:
        for number, line in enumerate(self._lines(), start=1):
            if line is None:
                yield BadRow(self.path, number, f"line longer than {MAX_ROW_BYTES // 1_048_576} MB; skipped")
                continue
            if number == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except UnicodeDecodeError:
                yield BadRow(self.path, number, "not valid UTF-8")
                continue
            except json.JSONDecodeError as error:
                yield BadRow(self.path, number, f"invalid JSON at column {error.colno}: {error.msg}")
                continue
            yield row_from_record(record, self.columns, self.path, number)

    def _csv(self) -> Iterator[Row | BadRow]:
        # Lines are decoded one by one, so a byte that is not UTF-8 spoils its own record only.
        spoiled: dict[int, str] = {}
        lines = _decoded_lines(self._lines(), spoiled)
        records = csv.reader(lines, dialect="excel-tab" if self.path.lower().endswith(".tsv") else "excel")
        try:
            header = next(records, None)
        except csv.Error as error:
            raise ExportError(self.path, f"the header row cannot be read: {error}") from None
        if header is None:
            return
        if spoiled:
            raise ExportError(self.path, f"the header row cannot be read: {next(iter(spoiled.values()))}")
        found = self.columns.find(header)
        if "reply" not in found:
            raise ExportError(self.path, _no_reply_column(self.columns, header))
        index = {field_name: header.index(name) for field_name, name in found.items()}
        while True:
            start = records.line_num + 1
            try:
                record = next(records)
            except StopIteration:
                return
            except csv.Error as error:
                yield BadRow(self.path, start, f"not a CSV record: {error}")
                continue
            problems = [spoiled.pop(line) for line in range(start, records.line_num + 1) if line in spoiled]
            if problems:
                yield BadRow(self.path, start, problems[0])
                continue
            if not any(cell.strip() for cell in record):
                continue
            values = {field_name: record[i] if i < len(record) else None for field_name, i in index.items()}
            yield row_from_values(values, self.path, start)


def _no_reply_column(columns: Columns, header: list[str]) -> str:
    shown = ", ".join(header[:12]) + (", …" if len(header) > 12 else "")
    if columns.reply is not None:
        return f"no column {columns.reply!r} for the reply (the columns are: {shown})"
    return f"no reply column found among {shown}; name it with --reply-column"


def _decoded_lines(lines: Iterator[bytes | None], spoiled: dict[int, str]) -> Iterator[str]:
    """A CSV's lines as text; a line that is not UTF-8, or too long, is noted in `spoiled`
    by its number (and read with replacement characters, so its quotes still count, or as
    empty)."""
    for number, line in enumerate(lines, start=1):
        if line is None:
            spoiled[number] = f"line longer than {MAX_ROW_BYTES // 1_048_576} MB; skipped"
            yield "\n"
            continue
        try:
            yield line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            spoiled[number] = "not valid UTF-8"
            yield line.decode("utf-8", errors="replace")
