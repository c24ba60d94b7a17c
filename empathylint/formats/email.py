"""Email drafts (`.eml`), read with the standard library's `email` package.

The reply is the `text/plain` part, or else the `text/html` part read through the HTML
reader. Transfer encodings are decoded with positions kept: a quoted-printable body maps
each character back to its bytes (`=C3=AB` is one "ë" at the `=`), so findings point at
the raw file's line and column; a base64 body cannot be mapped character by character, so
its findings point at the body's first line and their fixes are dropped.

`To:` gives the customer's name and `From:` the agent's (a display name only, and not a
team's: "Acme Support" names nobody); the command line wins. The quoted part ("On …
wrote:", `>` lines, Outlook's "-----Original Message-----" and "From: … Sent: …" blocks,
an HTML blockquote) is the customer's message: never checked, kept as context.
Directives stand on a line of their own in a plain body, or in comments in an HTML body.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import email
import email.policy
import re
from collections.abc import Sequence
from email.message import EmailMessage

from empathylint.document import Document, Span, Suppression
from empathylint.files import InputError
from empathylint.formats import ReadOptions
from empathylint.formats.layout import blank_text, find_directives, find_quoted, finish, looks_personal, suppressions_of

_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:[ \t]", re.MULTILINE)
_HEX = frozenset("0123456789ABCDEFabcdef")


def read(source: str, path: str, options: ReadOptions) -> Document:
    if not _HEADER_LINE.match(source):
        from empathylint.formats import plain

        return plain.read(source, path, options)  # a draft saved without headers
    try:
        message = email.message_from_string(source, policy=email.policy.default)
        part = message.get_body(preferencelist=("plain", "html"))
    except Exception as error:  # the parser is lenient; anything it still raises is a broken file
        raise InputError(path, f"not a readable email message ({type(error).__name__}: {error})") from None
    if not isinstance(part, EmailMessage):
        raise InputError(path, "the email has no text/plain or text/html part to check")
    body, body_offsets = _decoded_body(source, message, part, path)
    customer_name = _display_name(message, "To")
    agent_name = _display_name(message, "From")

    if part.get_content_subtype() == "html":
        from empathylint.formats.html import lay_out, quoted_words

        laid_out = lay_out(body, quote_blockquotes=options.profile != "doc")
        text = laid_out.text
        offsets = body_offsets if laid_out.offsets is None else [body_offsets[i] for i in laid_out.offsets]
        blockquoted = quoted_words(body, laid_out.quoted)
        directives = find_directives(body, bare_lines=False, inside=laid_out.comments)
        directive_spans: list[Span] = []
    else:
        text, offsets, blockquoted = body, body_offsets, None
        directives = find_directives(body, bare_lines=True)
        directive_spans = [d.span for d in directives]
    quoted = find_quoted(text) if options.profile != "doc" else None
    text = blank_text(text, [*(quoted.spans if quoted else ()), *directive_spans])
    quoted_message = "\n\n".join(filter(None, (blockquoted, quoted.message if quoted else None))) or None
    if customer_name is None and quoted is not None:
        customer_name = quoted.customer_name
    return finish(
        source,
        path,
        options,
        text=text,
        offsets=offsets,
        suppressions=_to_source(suppressions_of(body, directives), body_offsets, len(source)),
        customer_name=customer_name,
        agent_name=agent_name,
        customer_message=quoted_message,
    )


def _display_name(message: EmailMessage, header: str) -> str | None:
    """The first address's display name, when it names a person."""
    try:
        value = message[header]
        addresses = getattr(value, "addresses", ())
    except Exception:  # a malformed address header: no name rather than no check
        return None
    for address in addresses:
        name = re.split(r"\s+(?:from|at|@|\||-|–|—)\s+", address.display_name.strip().strip("\"'"), maxsplit=1)[0]
        return name if name and looks_personal(name) else None
    return None


def _decoded_body(source: str, message: EmailMessage, part: EmailMessage, path: str) -> tuple[str, list[int]]:
    """The part's text and, for each character, its offset in the raw file."""
    payload = part.get_payload()
    if not isinstance(payload, str):
        raise InputError(path, "the email's text part has no readable body")
    header_end = re.search(r"\r?\n\r?\n|\r\r", source)
    start = source.find(payload, header_end.end() if header_end else 0) if payload else -1
    if start == -1:
        start = header_end.end() if header_end else 0
    charset = part.get_content_charset() or "utf-8"
    encoding = (part.get("Content-Transfer-Encoding") or "7bit").strip().lower()
    if encoding == "quoted-printable":
        return _decode_quoted_printable(payload, start, charset)
    if encoding == "base64":
        try:
            data = base64.b64decode(re.sub(r"\s+", "", payload), validate=False)
        except (binascii.Error, ValueError):
            raise InputError(path, "the email's base64 body is corrupt") from None
        text = data.decode(_codec(charset), errors="replace")
        first_line = start + len(payload) - len(payload.lstrip())
        return text, [first_line] * len(text)
    return payload, list(range(start, start + len(payload)))


def _decode_quoted_printable(payload: str, start: int, charset: str) -> tuple[str, list[int]]:
    data = bytearray()
    byte_offsets: list[int] = []
    position = 0
    length = len(payload)
    while position < length:
        character = payload[position]
        if character == "=":
            soft_break = re.match(r"=[ \t]*(?:\r\n|\r|\n|$)", payload[position : position + 80])
            if soft_break:
                position += soft_break.end()
                continue
            digits = payload[position + 1 : position + 3]
            if len(digits) == 2 and digits[0] in _HEX and digits[1] in _HEX:
                data.append(int(digits, 16))
                byte_offsets.append(start + position)
                position += 3
                continue
        for byte in character.encode("utf-8", "surrogateescape"):
            data.append(byte)
            byte_offsets.append(start + position)
        position += 1
    decoder = codecs.getincrementaldecoder(_codec(charset))(errors="replace")
    characters: list[str] = []
    offsets: list[int] = []
    pending: int | None = None
    for index, byte in enumerate(data):
        if pending is None:
            pending = byte_offsets[index]
        decoded = decoder.decode(bytes((byte,)))
        if decoded:
            characters.append(decoded)
            offsets.extend([pending] * len(decoded))
            pending = None
    return "".join(characters), offsets


def _codec(charset: str) -> str:
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return "utf-8"


def _to_source(suppressions: Sequence[Suppression], body_offsets: Sequence[int], end: int) -> list[Suppression]:
    """Suppressions found in the decoded body, moved to raw-file coordinates."""

    def moved(span: Span) -> Span:
        def at(index: int) -> int:
            return body_offsets[index] if index < len(body_offsets) else end

        return Span(at(span.start), at(span.end))

    return [Suppression(moved(s.region), s.rule_ids, moved(s.directive)) for s in suppressions]
