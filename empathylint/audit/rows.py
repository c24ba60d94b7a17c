"""Reading an export of sent replies, one row at a time, never the whole file.

A JSONL export holds one JSON object per line; a CSV export a header row, then one reply per
record (a reply may span lines inside quotes). Each row becomes a Row, or a BadRow naming
the file, the line and the cause (invalid JSON, no reply, a line too long): the audit counts
and names those and reads on. A file that cannot be opened is an ExportError, one line.

Columns are found by name: the options name them, or the common names below are looked for
(case, spaces and hyphens ignored). A JSONL key may be a dotted path into nested objects
(`comment.body`)."""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

InputFormat = Literal["jsonl", "csv"]
INPUT_FORMATS: tuple[InputFormat, ...] = ("jsonl", "csv")

# A reply longer than this is not a reply but a broken export (a missing closing quote that
# swallows the rest of a CSV, a log dumped into one line): named and skipped, never held.
MAX_ROW_BYTES = 1_048_576

# The fields of a row and the column names each is found under, in order of preference.
FIELDS = ("reply", "customer_message", "customer_name", "agent", "macro", "channel", "date", "id")
COMMON_NAMES: Mapping[str, tuple[str, ...]] = {
    "reply": ("reply", "reply_text", "reply_body", "response", "agent_reply", "public_reply", "answer", "body", "text"),
    "customer_message": ("customer_message", "customer_text", "inbound_message", "request", "question", "message"),
    "customer_name": ("customer_name", "requester_name", "requester", "customer_first_name", "first_name"),
    "agent": ("agent", "agent_name", "assignee", "assignee_name", "author", "sender"),
    "macro": ("macro", "macro_name", "macro_title", "saved_reply", "canned_reply", "template"),
    "channel": ("channel", "via", "medium", "source"),
    "date": ("date", "sent_at", "created_at", "timestamp", "time"),
    "id": ("id", "reply_id", "message_id", "comment_id", "ticket_id", "ticket"),
}


class ExportError(Exception):
    """An export that cannot be read at all: one line, naming it and the cause."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass(frozen=True, slots=True)
class Row:
    """One sent reply and what the export says about it (None where it says nothing)."""

    file: str
    line: int
    reply: str
    customer_message: str | None = None
    customer_name: str | None = None
    agent: str | None = None
    macro: str | None = None
    channel: str | None = None
    date: str | None = None
    id: str | None = None

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class BadRow:
    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass(frozen=True)
class Columns:
    """The column (CSV) or key (JSONL) of each field the options name; the others are found
    among COMMON_NAMES."""

    reply: str | None = None
    customer_message: str | None = None
    customer_name: str | None = None
    agent: str | None = None
    macro: str | None = None
    channel: str | None = None
    date: str | None = None
    id: str | None = None

    def find(self, names: Iterable[str]) -> dict[str, str]:
        """Which of `names` holds each field: the named column, else the first common name."""
        by_normal: dict[str, str] = {}
        for name in names:
            by_normal.setdefault(_normal(name), name)
        found = {}
        for field_name in FIELDS:
            named = getattr(self, field_name)
            candidates = (named,) if named is not None else COMMON_NAMES[field_name]
            for candidate in candidates:
                actual = by_normal.get(_normal(candidate))
                if actual is not None:
                    found[field_name] = actual
                    break
        return found


def _normal(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


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
            yield _row(values, self.path, start)


def _no_reply_column(columns: Columns, header: list[str]) -> str:
    shown = ", ".join(header[:12]) + (", …" if len(header) > 12 else "")
    if columns.reply is not None:
        return f"no column {columns.reply!r} for the reply (the columns are: {shown})"
    return f"no reply column found among {shown}; name it with --reply-column"


def row_from_record(record: Any, columns: Columns, file: str, line: int) -> Row | BadRow:
    """A JSON object (a JSONL line, a dask.bag item, a dataframe row) as a Row."""
    if not isinstance(record, Mapping):
        return BadRow(file, line, f"a JSON {type(record).__name__}, not an object")
    keys = _keys(record, columns)
    found = columns.find(keys)
    if "reply" not in found:
        return BadRow(file, line, _no_reply_key(columns, keys))
    values = {field_name: _lookup(record, key) for field_name, key in found.items()}
    return _row(values, file, line)


def _no_reply_key(columns: Columns, keys: list[str]) -> str:
    shown = ", ".join(keys[:12]) + (", …" if len(keys) > 12 else "")
    if columns.reply is not None:
        return f"no key {columns.reply!r} for the reply (the keys are: {shown or 'none'})"
    return f"no reply key found among {shown or 'no keys'}; name it with --reply-column"


def _keys(record: Mapping[str, Any], columns: Columns) -> list[str]:
    """The record's keys, and the dotted paths the options name where they lead somewhere."""
    keys = [key for key in record if isinstance(key, str)]
    for field_name in FIELDS:
        named = getattr(columns, field_name)
        if named is not None and "." in named and _lookup(record, named) is not None:
            keys.append(named)
    return keys


def _lookup(record: Mapping[str, Any], key: str) -> Any:
    if key in record:
        return record[key]
    value: Any = record
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _row(values: Mapping[str, Any], file: str, line: int) -> Row | BadRow:
    reply = values.get("reply")
    if reply is None:
        return BadRow(file, line, "the reply is empty")
    if not isinstance(reply, str):
        return BadRow(file, line, f"the reply is a JSON {type(reply).__name__}, not text")
    if not reply.strip():
        return BadRow(file, line, "the reply is empty")
    return Row(
        file=file,
        line=line,
        reply=reply,
        **{field_name: _text(values.get(field_name)) for field_name in FIELDS if field_name != "reply"},
    )


def _text(value: Any) -> str | None:
    """A cell as text: numbers (a numeric id) as written, nothing for null or blank."""
    if value is None or isinstance(value, (dict, list)):
        return None
    shown = value if isinstance(value, str) else json.dumps(value)
    return shown.strip() or None


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
