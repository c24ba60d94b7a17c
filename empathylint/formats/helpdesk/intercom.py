"""Intercom saved replies and macros: `{"type": "list", "data": [...]}` (or a bare list) of
objects typed `saved_reply` or `macro`, named by `name` or `title`, the reply as HTML in
`body` and as plain text in `body_text`; the HTML one is checked when both are there.

The HTML names the customer with `<attribute key="user.first_name" default="there"/>`, the
text with `{{user.name | fallback: 'there'}}`. In Intercom `user` is the customer (the agent
is a `teammate`); see its customer-words in helpdesks.toml."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from empathylint.formats.helpdesk.fields import first_list, html_or_plain, objects
from empathylint.formats.helpdesk.items import Item, helpdesk, scalar_id, text_of
from empathylint.formats.helpdesk.json_strings import StringToken

HELPDESK = helpdesk("intercom")
LIST_KEYS = ("data", "saved_replies", "macros")
ITEM_TYPES = ("saved_reply", "macro")


def matches(document: Any) -> bool:
    return any(
        entry.get("type") in ITEM_TYPES or ("body_text" in entry and "actions" not in entry)
        for _, entry in _entries(document)
    )


def items(document: Any, tokens: Mapping[str, StringToken]) -> list[Item]:
    found: list[Item] = []
    for entry_pointer, entry in _entries(document):
        item_id = scalar_id(entry.get("id"))
        title = text_of(entry.get("name")) or text_of(entry.get("title"))
        item = html_or_plain(HELPDESK.name, tokens, entry_pointer, ("body", "body_text"), item_id=item_id, title=title)
        if item is not None and item.kind == "html":
            item = _attributes_as_placeholders(item)
        if item is not None:
            found.append(item)
    return found


# <attribute key="user.first_name" default="there"/>, as Intercom's editor writes it.
_ATTRIBUTE = re.compile(r"""<attribute\s[^<>]*?\bkey\s*=\s*["']([^"'<>]{1,200})["'][^<>]*>(?:</attribute>)?""", re.I)


def _attributes_as_placeholders(item: Item) -> Item:
    """Each attribute tag read as the placeholder it is: `{{user.first_name      }}`, padded
    to the tag's length so every other offset of the reply stays where it was. An HTML
    reader would drop the tag, and "Hi ," would read as a greeting with no name."""
    pieces: list[str] = []
    stand_ins: list[tuple[int, int]] = []
    position = 0
    for match in _ATTRIBUTE.finditer(item.text):
        key = match.group(1).strip()
        room = match.end() - match.start() - 4
        pieces.append(item.text[position : match.start()])
        pieces.append("{{" + key[:room].ljust(room) + "}}")
        stand_ins.append((match.start(), match.end()))
        position = match.end()
    if not stand_ins:
        return item
    pieces.append(item.text[position:])
    return dataclasses.replace(item, text="".join(pieces), stand_ins=tuple(stand_ins))


def _entries(document: Any) -> list[tuple[str, dict[str, Any]]]:
    listed = first_list(document, LIST_KEYS)
    return [] if listed is None else list(objects(listed[1], listed[0]))
