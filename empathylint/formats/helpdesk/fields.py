"""What the helpdesk readers share: a JSON field made into an Item, and walking a list of
objects with their pointers."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

from empathylint.formats.helpdesk.items import FieldKind, Item
from empathylint.formats.helpdesk.json_strings import StringToken, encode_like, escape_pointer_part


def json_item(
    helpdesk: str,
    tokens: Mapping[str, StringToken],
    pointer: str,
    *,
    item_id: str | None,
    title: str | None,
    kind: FieldKind,
    channel: Literal["email", "chat"] = "email",
) -> Item | None:
    """The reply in the string at `pointer`, or None when there is none or it is blank."""
    token = tokens.get(pointer)
    if token is None:
        return None
    text, offsets = token.decode()
    if not text.strip():
        return None
    style = token.style()
    return Item(
        helpdesk=helpdesk,
        item_id=item_id,
        title=title,
        pointer=pointer,
        kind=kind,
        text=text,
        offsets=offsets,
        encoder=lambda replacement: encode_like(replacement, style),
        rewrite=lambda text: encode_like(text, style),
        channel=channel,
    )


def html_or_plain(
    helpdesk: str,
    tokens: Mapping[str, StringToken],
    base: str,
    keys: tuple[str, str],
    *,
    item_id: str | None,
    title: str | None,
) -> Item | None:
    """The reply a helpdesk keeps as HTML under `keys[0]`, else its plain-text twin under
    `keys[1]`: where both hold one, the HTML one is what is checked and fixed."""
    html_key, plain_key = keys
    item = json_item(helpdesk, tokens, f"{base}/{html_key}", item_id=item_id, title=title, kind="html")
    if item is None:
        item = json_item(helpdesk, tokens, f"{base}/{plain_key}", item_id=item_id, title=title, kind="plain")
    return item


def pointer(*parts: str | int) -> str:
    return "".join(f"/{escape_pointer_part(part)}" for part in parts)


def objects(value: Any, base: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """The objects of a list, each with its pointer; anything else in the list is skipped."""
    if not isinstance(value, list):
        return
    for index, entry in enumerate(value):
        if isinstance(entry, dict):
            yield f"{base}/{index}", entry


def first_list(document: Any, keys: tuple[str, ...]) -> tuple[str, Any] | None:
    """The first of `keys` that holds a list in a top-level object, with its pointer; a
    top-level list is its own list (pointer "")."""
    if isinstance(document, list):
        return "", document
    if isinstance(document, dict):
        for key in keys:
            if isinstance(document.get(key), list):
                return pointer(key), document[key]
    return None
