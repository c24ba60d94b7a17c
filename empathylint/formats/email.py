"""Email drafts (`.eml`), read with the standard library's `email` package.

The reply is the `text/plain` part, or else the `text/html` part read through the HTML
reader. Transfer encodings are decoded with positions kept: a quoted-printable body maps
each character back to its bytes (`=C3=AB` is one "ë" at the `=`), so findings point at
the raw file's line and column; in a base64 body each character maps to the encoded
characters of its first byte (the line that encodes its words), and fixes are dropped. A fix is kept
only where it cannot corrupt the body: inside it, in quoted-printable only printable ASCII
without `=` (no trailing white space, no line made longer than 76 characters), and in an
unencoded body non-ASCII only when the part declares UTF-8.

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
from dataclasses import dataclass
from email import errors
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
        message = email.message_from_string(_with_bounded_headers(source), policy=email.policy.default)
        part = message.get_body(preferencelist=("plain", "html"))
    except Exception as error:  # the parser is lenient; anything it still raises is a broken file
        raise InputError(path, f"not a readable email message ({type(error).__name__}: {error})") from None
    if not isinstance(part, EmailMessage):
        raise InputError(path, _no_text_part(message))
    body, body_offsets, body_edits = _decoded_body(source, message, part, path)
    if not body.strip():
        raise InputError(path, "the email's text part is empty; nothing to check")
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
    document = finish(
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
    document.accepts_edit = body_edits.accepts
    document.encoded_source = body_edits.transfer_encoding == "base64"
    return document


# The standard library's header parser is slow on long structured headers: a `To:` with
# 50,000 addresses took over a minute. No header we read (names, content type, charset,
# transfer encoding) needs more than its first few hundred characters.
MAX_HEADER_FIELD = 2000
_HEADER_FIELD = re.compile(r"^[^ \t\r\n][^\r\n]*(?:\r?\n[ \t][^\r\n]*)*", re.MULTILINE)


def _with_bounded_headers(source: str) -> str:
    """The message with each header field cut to MAX_HEADER_FIELD characters (at its last
    comma, so an address list keeps whole addresses). The body is untouched: it is found
    again in the source itself, so positions stay those of the file."""
    header_end = re.search(r"\r?\n\r?\n|\r\r", source)
    headers = source[: header_end.start()] if header_end else source
    if all(len(field.group()) <= MAX_HEADER_FIELD for field in _HEADER_FIELD.finditer(headers)):
        return source

    def bounded(field: re.Match[str]) -> str:
        text = field.group()
        if len(text) <= MAX_HEADER_FIELD:
            return text
        text = text[:MAX_HEADER_FIELD]
        comma = text.rfind(",")
        return text[:comma] if comma > text.find(":") else text

    return _HEADER_FIELD.sub(bounded, headers) + source[len(headers) :]


def _no_text_part(message: EmailMessage) -> str:
    """Why no part could be checked, naming a broken MIME structure when that is the cause."""
    defects = [d for part in message.walk() for d in part.defects]
    boundary = message.get_boundary()
    if any(isinstance(d, errors.NoBoundaryInMultipartDefect) for d in defects):
        return f"malformed MIME: {message.get_content_type()} without a boundary; no text part to check"
    if any(isinstance(d, errors.StartBoundaryNotFoundDefect) for d in defects):
        return f'malformed MIME: the boundary "{boundary}" never appears in the body; no text part to check'
    return "the email has no text/plain or text/html part to check"


_QUOTED_PRINTABLE_SAFE = re.compile(r"[\x21-\x3c\x3e-\x7e \t\n]*")
_QP_LINE_LIMIT = 76


@dataclass(frozen=True)
class _BodyEdits:
    """Which fixes the raw body of an email can take without being corrupted."""

    source: str
    start: int
    end: int
    transfer_encoding: str
    utf8: bool  # non-ASCII text may go in as it is

    def accepts(self, start: int, end: int, replacement: str) -> bool:
        if not self.start <= start <= end <= self.end:
            return False  # outside the part (a header, another part, past the closing boundary)
        if self.transfer_encoding == "base64":
            return False
        if self.transfer_encoding == "quoted-printable":
            return _QUOTED_PRINTABLE_SAFE.fullmatch(replacement) is not None and self._lines_stay_valid(
                start, end, replacement
            )
        return replacement.isascii() or self.utf8

    def _lines_stay_valid(self, start: int, end: int, replacement: str) -> bool:
        """Quoted-printable lines may not end in white space nor grow past 76 characters."""
        line_start = self.source.rfind("\n", 0, start) + 1
        line_end = self.source.find("\n", end)
        line_end = len(self.source) if line_end == -1 else line_end
        before = self.source[line_start:line_end].split("\n")
        after = (self.source[line_start:start] + replacement + self.source[end:line_end]).split("\n")
        limit = max(_QP_LINE_LIMIT, *(len(line.rstrip("\r")) for line in before))
        return all(len(line.rstrip("\r")) <= limit and not line.rstrip("\r").endswith((" ", "\t")) for line in after)


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


def _decoded_body(
    source: str, message: EmailMessage, part: EmailMessage, path: str
) -> tuple[str, list[int], _BodyEdits]:
    """The part's text, for each character its offset in the raw file, and which fixes the
    raw body can take."""
    payload = part.get_payload()
    if not isinstance(payload, str):
        raise InputError(path, "the email's text part has no readable body")
    header_end = re.search(r"\r?\n\r?\n|\r\r", source)
    start = source.find(payload, header_end.end() if header_end else 0) if payload else -1
    located = start != -1
    if not located:
        start = header_end.end() if header_end else 0
    declared_charset = part.get_content_charset()
    charset = declared_charset or "utf-8"
    declared_encoding = part.get("Content-Transfer-Encoding")
    encoding = (declared_encoding or "7bit").strip().lower()
    explicit_7bit = declared_encoding is not None and encoding == "7bit"
    utf8 = not explicit_7bit and (_codec(charset) == "utf-8" if declared_charset else not payload.isascii())
    # Where the raw body could not be found, its positions are a guess: no fix goes in.
    body_edits = _BodyEdits(source, start, start + len(payload) if located else start, encoding, utf8)
    if encoding == "quoted-printable":
        return (*_decode_quoted_printable(payload, start, charset), body_edits)
    if encoding == "base64":
        try:
            data = base64.b64decode(re.sub(r"\s+", "", payload), validate=False)
        except (binascii.Error, ValueError):
            raise InputError(path, "the email's base64 body is corrupt") from None
        # Each 3 bytes are 4 characters of the payload: a byte's position is that of the
        # character that begins it, so a finding points at the line that encodes its words.
        encoded = [start + match.start() for match in re.finditer(r"[^\s=]", payload)]
        byte_offsets = [encoded[min(4 * (index // 3) + index % 3, len(encoded) - 1)] for index in range(len(data))]
        return (*_decode_bytes(data, byte_offsets, charset), body_edits)
    return payload, list(range(start, start + len(payload))), body_edits


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
    return _decode_bytes(data, byte_offsets, charset)


def _decode_bytes(data: bytes | bytearray, byte_offsets: list[int], charset: str) -> tuple[str, list[int]]:
    """The text of `data` with each character's source offset: that of its first byte."""
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
