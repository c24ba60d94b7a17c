"""A canned reply found in a helpdesk export: where it stands in the file and how a fix to
its text goes back into the same field, byte for byte."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from empathylint.diagnostics import Edit, ItemLocation, apply_edits

FieldKind = Literal["html", "plain"]


@dataclass(frozen=True)
class Helpdesk:
    """What a helpdesk calls its canned replies and which placeholders it fills in (an entry
    of helpdesks.toml, which says what each field means)."""

    name: str
    label: str
    product: str
    customer_placeholder: str | None
    agent_placeholder: str | None
    native_placeholder: str | None
    customer_words: tuple[str, ...]
    agent_words: tuple[str, ...]


def helpdesk(name: str) -> Helpdesk:
    """A helpdesk's entry in helpdesks.toml, the table of every helpdesk read here."""
    entry = _helpdesk_table()[name]
    return Helpdesk(
        name=name,
        label=entry["label"],
        product=entry["product"],
        customer_placeholder=entry.get("customer-placeholder"),
        agent_placeholder=entry.get("agent-placeholder"),
        native_placeholder=entry.get("native-placeholder"),
        customer_words=tuple(entry.get("customer-words", ())),
        agent_words=tuple(entry.get("agent-words", ())),
    )


@functools.cache
def _helpdesk_table() -> dict[str, Any]:
    """helpdesks.toml, parsed once per run (every helpdesk module reads its entry on import)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    from importlib import resources  # only to read an export: not on a run over drafts

    text = resources.files("empathylint.formats.helpdesk").joinpath("helpdesks.toml").read_text(encoding="utf-8")
    table: dict[str, Any] = tomllib.loads(text)
    return table


class ExportError(ValueError):
    """An export that cannot be read as one: the reason, for the file's one error line."""


# How a new piece of a field's text is written into the file: the encoded text, or None
# when it cannot be written in place (then the whole field is written anew).
Encoder = Callable[[str], "str | None"]


@dataclass(frozen=True)
class Item:
    """One canned reply: its helpdesk, id, title, JSON pointer and field, the reply's text
    and, for each character of it, the file offset it was read from (plus one past the end)."""

    helpdesk: str
    item_id: str | None
    title: str | None
    pointer: str
    kind: FieldKind
    text: str
    offsets: Sequence[int] = field(repr=False)
    encoder: Encoder = field(repr=False, compare=False)
    # The whole field written anew from the reply's new text, for an edit the encoder cannot
    # write in place (a CSV cell without quotes that now needs them).
    rewrite: Callable[[str], str] = field(repr=False, compare=False)
    # Spans of `text` that stand in for markup of the field (Intercom's attribute tags, read
    # as placeholders): an edit that touches one is refused.
    stand_ins: tuple[tuple[int, int], ...] = ()
    channel: Literal["email", "chat"] = "email"
    customer_message: str | None = None
    agent_name: str | None = None

    @property
    def location(self) -> ItemLocation:
        return ItemLocation(
            helpdesk=self.helpdesk, item_id=self.item_id, title=self.title, pointer=self.pointer, field_kind=self.kind
        )

    def file_edits(self, edits: Sequence[Edit]) -> tuple[Edit, ...] | str:
        """A fix's edits of this reply's text as edits of the file, or why they cannot be."""
        if any(edit.start < end and start < edit.end for edit in edits for start, end in self.stand_ins):
            return "the rewrite would change a placeholder tag of the helpdesk"
        encoded = [self.encoder(edit.replacement) for edit in edits]
        if all(replacement is not None for replacement in encoded):
            return tuple(
                Edit(self.offsets[edit.start], self.offsets[edit.end], replacement)
                for edit, replacement in zip(edits, encoded, strict=True)
                if replacement is not None
            )
        return (Edit(self.offsets[0], self.offsets[-1], self.rewrite(apply_edits(self.text, edits))),)


def text_of(value: object) -> str | None:
    """A field's value as reply text: a non-blank string, or None."""
    return value if isinstance(value, str) and value.strip() else None


def scalar_id(value: object) -> str | None:
    """An id as shown to people: numbers and strings, nothing else."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, str)):
        return str(value)
    return None


_HTML_TAG = re.compile(r"</?(?:p|br|div|span|a|ul|ol|li|strong|em|b|i)\b[^<>]{0,500}>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """A field that may hold either (Zendesk's newer reply action, a CSV cell): HTML when it
    has a tag."""
    return _HTML_TAG.search(text) is not None
