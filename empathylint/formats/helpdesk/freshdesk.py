"""Freshdesk canned responses: objects with a `title`, the reply as HTML in `content_html`
and as plain text in `content` (Freshdesk derives one from the other, so the HTML one is
checked when both are there). A list at the top level, or under `canned_responses`.
Placeholders: `{{ticket.requester.firstname}}`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from empathylint.formats.helpdesk.fields import first_list, html_or_plain, objects
from empathylint.formats.helpdesk.items import Item, helpdesk, scalar_id, text_of
from empathylint.formats.helpdesk.json_strings import StringToken

HELPDESK = helpdesk("freshdesk")
LIST_KEYS = ("canned_responses",)


def matches(document: Any) -> bool:
    return any(
        "content_html" in response or ("content" in response and "folder_id" in response)
        for _, response in _responses(document)
    )


def items(document: Any, tokens: Mapping[str, StringToken]) -> list[Item]:
    found: list[Item] = []
    for response_pointer, response in _responses(document):
        item_id, title = scalar_id(response.get("id")), text_of(response.get("title"))
        item = html_or_plain(
            HELPDESK.name, tokens, response_pointer, ("content_html", "content"), item_id=item_id, title=title
        )
        if item is not None:
            found.append(item)
    return found


def _responses(document: Any) -> list[tuple[str, dict[str, Any]]]:
    if isinstance(document, dict) and isinstance(document.get("canned_response"), dict):
        return [("/canned_response", document["canned_response"])]
    listed = first_list(document, LIST_KEYS)
    return [] if listed is None else list(objects(listed[1], listed[0]))
