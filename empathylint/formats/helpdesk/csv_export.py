"""A CSV of canned replies (or of replies to check) with a header row: one item per row.

`--column` names the reply's column (`--column Body`), and optionally the others as
`KEY=NAME`: `id=`, `title=`, `agent=` and `customer=` (the customer's message, read as
context, never checked). Without it, a column named reply, response, body, text, content
or message is the reply's when it is the only one so named.

The csv module reads the rows; a small scanner finds where each cell stands in the file and
must agree with it cell for cell, so that a fix rewrites that cell and nothing else. A fix
that needs quotes in a cell written without them rewrites the whole cell, quoted as the csv
module quotes it."""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from empathylint.formats.helpdesk.items import ExportError, Item, helpdesk, looks_like_html, scalar_id

HELPDESK = helpdesk("csv")
COLUMN_KEYS = ("reply", "id", "title", "agent", "customer")
CONVENTIONAL = {
    "reply": ("reply", "response", "body", "text", "content", "message", "reply_text", "canned_reply"),
    "id": ("id", "ticket_id", "macro_id", "reply_id"),
    "title": ("title", "name", "macro", "subject"),
    "agent": ("agent", "agent_name", "assignee"),
    "customer": ("customer_message", "customer", "question", "request"),
}
MAX_ROWS = 200_000


@dataclass(frozen=True)
class Cell:
    start: int  # the cell's first character in the file, its opening quote if quoted
    end: int
    quoted: bool


def parse_columns(values: tuple[str, ...]) -> dict[str, str]:
    """`--column` values as {key: header}: a bare name is the reply's column."""
    columns: dict[str, str] = {}
    for value in values:
        key, sep, name = value.partition("=")
        if not sep:
            key, name = "reply", value
        key = key.strip().lower()
        if key not in COLUMN_KEYS:
            raise ExportError(f"--column {value!r}: the key must be one of {', '.join(COLUMN_KEYS)}")
        columns[key] = name.strip()
    return columns


def items(text: str, columns: Mapping[str, str]) -> list[Item]:
    delimiter = _delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise ExportError(f"not valid CSV: {error}") from None
    if len(rows) > MAX_ROWS + 1:
        raise ExportError(f"more than {MAX_ROWS:,} rows; split the file")
    if len(rows) < 2:
        raise ExportError("a CSV needs a header row and at least one row of replies")
    header = [name.strip() for name in rows[0]]
    chosen = _choose_columns(header, columns)
    cells = _scan(text, delimiter)
    if [[text_of_cell(text, cell) for cell in row] for row in cells] != rows:
        raise ExportError("its quoting could not be followed cell by cell; not read (save it with standard quoting)")
    found: list[Item] = []
    for index, (row, row_cells) in enumerate(zip(rows[1:], cells[1:], strict=True)):
        reply_index = chosen["reply"]
        if reply_index >= len(row) or not row[reply_index].strip():
            continue

        def value(key: str, row: list[str] = row) -> str | None:
            at = chosen.get(key)
            return row[at] if at is not None and at < len(row) and row[at].strip() else None

        cell = row_cells[reply_index]
        reply, offsets = _decode_cell(text, cell)
        found.append(
            Item(
                helpdesk=HELPDESK.name,
                item_id=scalar_id(value("id")) or f"row {index + 2}",
                title=value("title"),
                pointer=f"/{index}/{header[reply_index].replace('~', '~0').replace('/', '~1')}",
                kind="html" if looks_like_html(reply) else "plain",
                text=reply,
                offsets=offsets,
                encoder=_encoder(cell.quoted, delimiter),
                rewrite=functools.partial(_quoted_cell, delimiter=delimiter),
                customer_message=value("customer"),
                agent_name=value("agent"),
            )
        )
    return found


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    counts = {candidate: first_line.count(candidate) for candidate in (",", ";", "\t")}
    best = max(counts, key=lambda candidate: counts[candidate])
    return best if counts[best] else ","


def _choose_columns(header: list[str], columns: Mapping[str, str]) -> dict[str, int]:
    lowered = [name.lower() for name in header]
    chosen: dict[str, int] = {}
    for key, name in columns.items():
        if name.lower() not in lowered:
            raise ExportError(f"no column {name!r} (the columns are {', '.join(header)})")
        chosen[key] = lowered.index(name.lower())
    for key, names in CONVENTIONAL.items():
        if key in chosen:
            continue
        matching = [at for at, name in enumerate(lowered) if name in names]
        if len(matching) == 1:
            chosen[key] = matching[0]
        elif key == "reply":
            listed = ", ".join(header)
            raise ExportError(f"which column holds the reply? name it with --column (the columns are {listed})")
    return chosen


_QUOTED = re.compile(r'"[^"]*(?:""[^"]*)*"')


def _scan(text: str, delimiter: str) -> list[list[Cell]]:
    """Each row's cells as spans of the file: RFC 4180, the same rules csv.reader follows."""
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    position, length = 0, len(text)
    unquoted = re.compile(f'[^{re.escape(delimiter)}"\\r\\n]*')
    while position < length:
        quoted = _QUOTED.match(text, position)
        if quoted is not None:
            cell = Cell(position, quoted.end(), True)
        else:
            plain = unquoted.match(text, position)
            assert plain is not None  # the pattern matches the empty string
            cell = Cell(position, plain.end(), False)
        row.append(cell)
        position = cell.end
        if text.startswith(delimiter, position):
            position += len(delimiter)
            if position == length:
                row.append(Cell(position, position, False))
            continue
        # A blank line is a row of no cells to csv.reader, not a row of one empty cell.
        blank = len(row) == 1 and row[0].start == row[0].end
        rows.append([] if blank else row)
        row = []
        if text.startswith("\r\n", position):
            position += 2
        elif position < length:
            position += 1
    if row:
        rows.append(row)
    return rows


def text_of_cell(text: str, cell: Cell) -> str:
    raw = text[cell.start : cell.end]
    return raw[1:-1].replace('""', '"') if cell.quoted else raw


def _decode_cell(text: str, cell: Cell) -> tuple[str, list[int]]:
    if not cell.quoted:
        return text[cell.start : cell.end], list(range(cell.start, cell.end + 1))
    characters: list[str] = []
    offsets: list[int] = []
    position, end = cell.start + 1, cell.end - 1
    while position < end:
        characters.append(text[position])
        offsets.append(position)
        position += 2 if text.startswith('""', position) else 1
    offsets.append(end)
    return "".join(characters), offsets


def _quoted_cell(text: str, delimiter: str) -> str:
    """A cell as the csv module writes it: quoted when it must be, quotes doubled."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="").writerow([text])
    return buffer.getvalue()


def _encoder(quoted: bool, delimiter: str) -> Callable[[str], str | None]:
    def encode(replacement: str) -> str | None:
        if quoted:
            return replacement.replace('"', '""')
        if any(character in replacement for character in (delimiter, '"', "\n", "\r")):
            return None
        return replacement

    return encode
