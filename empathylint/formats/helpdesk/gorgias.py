"""Gorgias macros: `{"data": [...]}` (or a bare list) of macros with a `name` and `actions`;
the reply is in the action named `setResponseText`, as `arguments.body_html` and
`arguments.body_text` (the HTML one is checked when both are there). Placeholders:
`{{ticket.customer.firstname}}`, `{{current_user.firstname}}`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from empathylint.formats.helpdesk.fields import first_list, html_or_plain, objects
from empathylint.formats.helpdesk.items import Item, helpdesk, scalar_id, text_of
from empathylint.formats.helpdesk.json_strings import StringToken

HELPDESK = helpdesk("gorgias")
LIST_KEYS = ("data", "macros")
REPLY_ACTION = "setResponseText"


def matches(document: Any) -> bool:
    return any(
        isinstance(action.get("arguments"), dict)
        for _, macro in _macros(document)
        for _, action in _reply_actions(macro, "")
    )


def items(document: Any, tokens: Mapping[str, StringToken]) -> list[Item]:
    found: list[Item] = []
    for macro_pointer, macro in _macros(document):
        item_id, title = scalar_id(macro.get("id")), text_of(macro.get("name"))
        for action_pointer, _action in _reply_actions(macro, macro_pointer):
            arguments = f"{action_pointer}/arguments"
            item = html_or_plain(
                HELPDESK.name, tokens, arguments, ("body_html", "body_text"), item_id=item_id, title=title
            )
            if item is not None:
                found.append(item)
    return found


def _macros(document: Any) -> list[tuple[str, dict[str, Any]]]:
    listed = first_list(document, LIST_KEYS)
    return [] if listed is None else list(objects(listed[1], listed[0]))


def _reply_actions(macro: dict[str, Any], macro_pointer: str) -> list[tuple[str, dict[str, Any]]]:
    return [
        (action_pointer, action)
        for action_pointer, action in objects(macro.get("actions"), f"{macro_pointer}/actions")
        if action.get("name") == REPLY_ACTION
    ]
