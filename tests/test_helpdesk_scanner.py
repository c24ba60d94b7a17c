"""The JSON string scanner under any JSON: it finds every string value json.loads finds, at
the same pointer, decodes it the same, and a value written back in its token's style parses
to the same document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from empathylint.formats.helpdesk.json_strings import encode_like, escape_pointer_part, string_tokens

SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12)
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
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


# Fewer examples than the default profile: the strategy is recursive, and this runs twice in CI.
@settings(max_examples=30)
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
