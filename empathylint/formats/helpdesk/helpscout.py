"""Help Scout saved replies: a list of objects (top level, or under `savedReplies`,
`saved_replies` or `_embedded.replies`) with a `name`, the email reply as HTML in `text` and
the chat reply as plain text in `chatText`. Both are replies customers read, on different
channels, so both are checked. Placeholders: `{%customer.firstName,fallback=there%}`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from empathylint.formats.helpdesk.fields import first_list, json_item, objects
from empathylint.formats.helpdesk.items import Item, helpdesk, scalar_id, text_of
from empathylint.formats.helpdesk.json_strings import StringToken

HELPDESK = helpdesk("helpscout")
LIST_KEYS = ("savedReplies", "saved_replies", "replies")


def matches(document: Any) -> bool:
    _, replies = _replies(document)
    return any("chatText" in reply or ("text" in reply and "name" in reply) for _, reply in replies)


def items(document: Any, tokens: Mapping[str, StringToken]) -> list[Item]:
    found: list[Item] = []
    _, replies = _replies(document)
    for reply_pointer, reply in replies:
        item_id, title = scalar_id(reply.get("id")), text_of(reply.get("name"))
        email = json_item(HELPDESK.name, tokens, f"{reply_pointer}/text", item_id=item_id, title=title, kind="html")
        chat = json_item(
            HELPDESK.name,
            tokens,
            f"{reply_pointer}/chatText",
            item_id=item_id,
            title=f"{title} (chat)" if title else None,
            kind="plain",
            channel="chat",
        )
        found.extend(item for item in (email, chat) if item is not None)
    return found


def _replies(document: Any) -> tuple[str, list[tuple[str, dict[str, Any]]]]:
    if isinstance(document, dict) and isinstance(document.get("_embedded"), dict):
        embedded = first_list(document["_embedded"], LIST_KEYS)
        if embedded is not None:
            base = "/_embedded" + embedded[0]
            return base, list(objects(embedded[1], base))
    listed = first_list(document, LIST_KEYS)
    if listed is None:
        return "", []
    return listed[0], list(objects(listed[1], listed[0]))
