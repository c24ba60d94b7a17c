"""Where each string of a JSON file stands, byte for byte, so a fix can rewrite one string and
leave every other character of the file as it was.

`json.loads` says whether the file is JSON at all (and where it breaks); this scanner then
walks the same text once more and records, for every string value, its JSON pointer and the
span of its token. A string's decoded characters map back to the token with `StringToken.
offsets`, and `encode_like` writes new text in the token's own escaping style."""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

MAX_DEPTH = 64
"""No helpdesk export nests deeper than a dozen levels; deeper is hostile or not an export
(and the rest of the reader may then walk a document without counting levels)."""


class JsonShapeError(ValueError):
    """The file is not JSON, or nests past MAX_DEPTH: one line saying where."""


def load(text: str) -> Any:
    """The parsed value, or a JsonShapeError naming the line and column where it breaks."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise JsonShapeError(f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
    except RecursionError:  # the decoder recurses once per level
        raise JsonShapeError(_TOO_DEEP) from None
    if _deeper_than(document, MAX_DEPTH):
        raise JsonShapeError(_TOO_DEEP)
    return document


_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep; not a helpdesk export"


def _deeper_than(document: Any, limit: int) -> bool:
    """Whether lists and objects nest past `limit`, walked without recursion."""
    pending = [(document, 0)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, (list, dict)):
            if depth >= limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            pending.extend((child, depth + 1) for child in children)
    return False


@dataclass(frozen=True)
class StringToken:
    """A string value's token in the file: text[start:end] is `"…"`, quotes included."""

    start: int
    end: int
    raw: str

    @property
    def interior(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1

    def decode(self) -> tuple[str, Sequence[int]]:
        """The string's characters, and for each the file offset where its escape or
        character starts (one past the last: the closing quote's offset)."""
        body = self.raw[1:-1]
        base = self.start + 1
        if "\\" not in body:
            return body, range(base, base + len(body) + 1)
        pieces: list[str] = []
        offsets: array[int] = array("q")
        position = 0
        for match in _ESCAPE.finditer(body):
            pieces.append(body[position : match.start()])
            offsets.extend(range(base + position, base + match.start()))
            decoded = _unescape(match.group())
            pieces.append(decoded)
            offsets.append(base + match.start())
            position = match.end()
        pieces.append(body[position:])
        offsets.extend(range(base + position, base + len(body) + 1))
        return "".join(pieces), offsets

    def style(self) -> EscapeStyle:
        body = self.raw[1:-1]
        escapes = _UNICODE_ESCAPE.findall(body)
        return EscapeStyle(
            ascii_only=bool(escapes) and body.isascii(),
            upper_hex=any(any(c in "ABCDEF" for c in escape) for escape in escapes),
            escaped_slash="\\/" in body,
        )


# A surrogate pair is one escape: decoded alone, each half would be a lone surrogate.
_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_SIMPLE_ESCAPES = {
    '\\"': '"',
    "\\\\": "\\",
    "\\/": "/",
    "\\b": "\b",
    "\\f": "\f",
    "\\n": "\n",
    "\\r": "\r",
    "\\t": "\t",
}


def _unescape(escape: str) -> str:
    """One escape's character: a surrogate pair is one character beyond the BMP."""
    simple = _SIMPLE_ESCAPES.get(escape)
    if simple is not None:
        return simple
    if len(escape) == 12:
        high, low = int(escape[2:6], 16), int(escape[8:12], 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    return chr(int(escape[2:6], 16))


@dataclass(frozen=True)
class EscapeStyle:
    """How a token writes what JSON lets a writer choose: non-ASCII as \\u escapes or as is,
    their hex in capitals, "/" as "\\/" (PHP's json_encode does)."""

    ascii_only: bool = False
    upper_hex: bool = False
    escaped_slash: bool = False


def encode_like(text: str, style: EscapeStyle) -> str:
    """`text` as a JSON string's interior, escaped as the token it replaces part of was."""
    encoded = json.dumps(text, ensure_ascii=style.ascii_only)[1:-1]
    if style.upper_hex:
        encoded = _UNICODE_ESCAPE.sub(lambda m: "\\u" + m.group(1).upper(), encoded)
    if style.escaped_slash:
        encoded = encoded.replace("/", "\\/")
    return encoded


def escape_pointer_part(part: str | int) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


def string_tokens(text: str) -> dict[str, StringToken]:
    """Every string value of a JSON text (already known to parse) by its JSON pointer;
    object keys are not values and are left out. A key given twice keeps its last value,
    as json.loads does."""
    return dict(_walk(text))


# A string written as the unrolled loop "[^"\\]*(?:\\.[^"\\]*)*": linear on a long string.
_TOKEN = re.compile(r'\s*(?:("[^"\\]*(?:\\.[^"\\]*)*")|([\[\]{}:,])|([^\s\[\]{}:,"]+))', re.S)


def _walk(text: str) -> Iterator[tuple[str, StringToken]]:
    # Each open container: [is_object, pointer, next key or index, expecting a key].
    stack: list[list[Any]] = []
    position = 0
    while True:
        match = _TOKEN.match(text, position)
        if match is None:
            return
        position = match.end()
        string, punctuation, _scalar = match.groups()
        frame = stack[-1] if stack else None
        if punctuation in ("{", "["):
            pointer = _child(frame)
            stack.append([punctuation == "{", pointer, 0, punctuation == "{"])
        elif punctuation in ("}", "]"):
            stack.pop()
            _after_value(stack)
        elif punctuation == ",":
            if frame is not None and frame[0]:
                frame[3] = True
        elif punctuation == ":":
            continue
        elif string is not None and frame is not None and frame[0] and frame[3]:
            frame[2] = json.loads(string)
            frame[3] = False
        else:
            if string is not None:
                yield _child(frame), StringToken(match.start(1), match.end(1), string)
            _after_value(stack)


def _child(frame: list[Any] | None) -> str:
    if frame is None:
        return ""
    return f"{frame[1]}/{escape_pointer_part(frame[2])}"


def _after_value(stack: list[list[Any]]) -> None:
    if stack and not stack[-1][0]:
        stack[-1][2] += 1
