"""Zendesk macros, as the API lists them (`{"macros": [...]}`, or one `{"macro": {...}}`).

The reply is the value of an action whose `field` is `comment_value` (plain text, sometimes a
`[channel, text]` pair) or `comment_value_html`; newer exports hold it in `reply_public`,
plain or HTML. Placeholders are Liquid: `{{ticket.requester.first_name}}`, and `{% if %}`
blocks that may span lines. When a macro carries both the HTML and the plain reply, the HTML
one is checked: it is the one agents see and send."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from empathylint.formats.helpdesk.fields import json_item, objects, pointer
from empathylint.formats.helpdesk.items import Item, helpdesk, looks_like_html, scalar_id, text_of
from empathylint.formats.helpdesk.json_strings import StringToken

HELPDESK = helpdesk("zendesk")
REPLY_FIELDS = ("comment_value_html", "comment_value", "reply_public")


def matches(document: Any) -> bool:
    """Macros with a list of actions, whether or not one of them writes a reply."""
    return any(isinstance(macro.get("actions"), list) for _, macro in _macros(document))


def items(document: Any, tokens: Mapping[str, StringToken]) -> list[Item]:
    found: list[Item] = []
    for macro_pointer, macro in _macros(document):
        candidates = []
        for action_pointer, action in objects(macro.get("actions"), f"{macro_pointer}/actions"):
            field = action.get("field")
            if field not in REPLY_FIELDS:
                continue
            value = action.get("value")
            value_pointer = f"{action_pointer}/value"
            if isinstance(value, list) and len(value) == 2 and text_of(value[1]):
                value, value_pointer = value[1], f"{value_pointer}/1"
            text = text_of(value)
            if text is None:
                continue
            html = field == "comment_value_html" or (field == "reply_public" and looks_like_html(text))
            candidates.append((REPLY_FIELDS.index(field), value_pointer, html))
        if not candidates:
            continue
        _, value_pointer, html = min(candidates)
        item = json_item(
            HELPDESK.name,
            tokens,
            value_pointer,
            item_id=scalar_id(macro.get("id")),
            title=text_of(macro.get("title")),
            kind="html" if html else "plain",
        )
        if item is not None:
            found.append(item)
    return found


def _macros(document: Any) -> list[tuple[str, dict[str, Any]]]:
    if not isinstance(document, dict):
        return []
    if isinstance(document.get("macro"), dict):
        return [(pointer("macro"), document["macro"])]
    return list(objects(document.get("macros"), pointer("macros")))
