"""Front message templates: `{"_results": [...]}` (or a bare list) of objects with an id
`rsp_…`, a `name`, maybe a `subject`, and the reply as HTML in `body`. Placeholders:
`{{recipient.first_name}}` for the customer, `{{user.first_name}}` for the teammate."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from empathylint.formats.helpdesk.fields import first_list, json_item, objects
from empathylint.formats.helpdesk.items import Item, helpdesk, scalar_id, text_of
from empathylint.formats.helpdesk.json_strings import StringToken

HELPDESK = helpdesk("front")
LIST_KEYS = ("_results", "message_templates")


def matches(document: Any) -> bool:
    return any(
        "body" in template and (str(template.get("id", "")).startswith("rsp_") or "_links" in template)
        for _, template in _templates(document)
    )


def items(document: Any, tokens: Mapping[str, StringToken]) -> list[Item]:
    found: list[Item] = []
    for template_pointer, template in _templates(document):
        item = json_item(
            HELPDESK.name,
            tokens,
            f"{template_pointer}/body",
            item_id=scalar_id(template.get("id")),
            title=text_of(template.get("name")) or text_of(template.get("subject")),
            kind="html",
        )
        if item is not None:
            found.append(item)
    return found


def _templates(document: Any) -> list[tuple[str, dict[str, Any]]]:
    listed = first_list(document, LIST_KEYS)
    return [] if listed is None else list(objects(listed[1], listed[0]))
