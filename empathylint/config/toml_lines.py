"""The line a key stands on in a TOML text, so that a configuration error can name it.

tomllib gives values, not positions; this reads the text's table headers and `key =`
lines, which is enough for the checklist.toml files people write."""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.\-]+)\s*=""")
_DOTTED_PART = re.compile(r'"([^"]*)"|\'([^\']*)\'|([^.\s]+)')


def locate_key(text: str, key_path: tuple[str, ...]) -> int | None:
    """The 1-based line where a key (or table) of `key_path` is defined; else the line of
    the nearest enclosing key written inline (`patterns = { … }`); else None."""
    if not text or not key_path:
        return None
    current: tuple[str, ...] = ()
    enclosing: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = split_dotted(header.group(1))
            if current == key_path:
                return number
            continue
        key = _KEY.match(line)
        if key:
            full = current + split_dotted(key.group(1))
            if full == key_path:
                return number
            if enclosing is None and len(full) <= len(key_path) and key_path[: len(full)] == full:
                enclosing = number
    return enclosing


def split_dotted(key: str) -> tuple[str, ...]:
    """`rules."use-their-name".x` → ("rules", "use-their-name", "x")."""
    return tuple(next(part for part in parts if part) if any(parts) else "" for parts in _DOTTED_PART.findall(key))
