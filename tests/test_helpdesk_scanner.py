"""The JSON string scanner under any JSON: it finds every string value json.loads finds, at
the same pointer, decodes it the same, and a value written back in its token's style parses
to the same document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from empathylint.formats.helpdesk.json_strings import encode_like, escape_pointer_part, string_tokens

# What a JSON string may have to escape, or may write either way: quotes, backslashes,
# slashes, control characters, non-ASCII, a character beyond the BMP (a surrogate pair).
CHARACTERS = st.sampled_from(["a", " ", '"', "\\", "/", "\n", "\t", "\x00", "\x1f", "é", "“", "\u2028", "😀", "~"])
NUMBERS = st.integers() | st.floats(allow_nan=False, allow_infinity=False)
SCALARS = st.none() | st.booleans() | NUMBERS | st.text(CHARACTERS, max_size=12)
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(CHARACTERS, max_size=4), children, max_size=4)
    ),
    max_leaves=12,
)


def strings(value: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield pointer, value
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from strings(child, f"{pointer}/{index}")
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from strings(child, f"{pointer}/{escape_pointer_part(key)}")


@given(VALUES, st.booleans(), st.sampled_from([None, 2]))
def test_every_string_is_found_where_json_has_it(value: Any, ascii_only: bool, indent: int | None) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    tokens = string_tokens(text)
    assert {pointer: token.decode()[0] for pointer, token in tokens.items()} == dict(strings(json.loads(text)))
    for token in tokens.values():
        decoded, offsets = token.decode()
        assert len(offsets) == len(decoded) + 1
        assert offsets[0] == token.start + 1 and offsets[-1] == token.end - 1
        start, end = token.interior
        rewritten = text[:start] + encode_like(decoded, token.style()) + text[end:]
        assert json.loads(rewritten) == json.loads(text)
