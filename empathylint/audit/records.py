"""A reply as the audit reads it: a Row (the reply and what the export says about it) or a
BadRow (where, and why it is not one), and the Columns that say where each field is.

Columns are found by name: the options name them, or the common names below are looked for
(case, spaces and hyphens ignored). A JSON key may be a dotted path into nested objects
(`comment.body`). Pure: a mapping in, a Row out; reading files is rows.py's."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# The column names each field of a row is found under, in order of preference.
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


# The fields a row may have: those Columns can name, in its order.
FIELDS = tuple(field.name for field in dataclasses.fields(Columns))


def _normal(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def row_from_record(record: Any, columns: Columns, file: str, line: int) -> Row | BadRow:
    """A JSON object (a JSONL line, a dask.bag item, a dataframe row) as a Row."""
    if not isinstance(record, Mapping):
        return BadRow(file, line, f"a JSON {type(record).__name__}, not an object")
    keys = _keys(record, columns)
    found = columns.find(keys)
    if "reply" not in found:
        return BadRow(file, line, _no_reply_key(columns, keys))
    values = {field_name: _lookup(record, key) for field_name, key in found.items()}
    return row_from_values(values, file, line)


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


def row_from_values(values: Mapping[str, Any], file: str, line: int) -> Row | BadRow:
    """A Row from each field's value (as found by Columns.find), or why there is none."""
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
