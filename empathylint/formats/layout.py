"""What the format readers share: laying out the prose of a source, finding the quoted
customer text, reading suppression directives, and handing it all to build_document.

A reader marks each source character as prose (kept), markup (dropped), code (masked with
OBJECT) or neither (blanked to a space); it may replace a span by its decoded form (an
HTML entity) or insert a sentence break where the source ends a block without a blank
line (a heading, a table cell). `TextLayout.build` turns those marks into the text the
rules read and, only when lengths changed, one source offset per text character.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from empathylint.document import OBJECT, Document, Span, Suppression, normalize_newlines
from empathylint.document_builder import build_document, mask
from empathylint.formats import ReadOptions
from empathylint.formats.markup import non_prose_spans
from empathylint.source_map import SourceMapBuilder

_BLANK, _PROSE, _CODE, _MARKUP = 0, 1, 2, 3
BLOCK_BREAK = "\n\n"
"""Inserted where a block ends without a blank line, so sentences and paragraphs end too."""


class TextLayout:
    """Marks over a source, built into (text, offsets). Everything starts blank."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._marks = bytearray(len(source))
        self._inserts: dict[int, str] = {}
        self._replacements: dict[int, tuple[int, str]] = {}

    def prose(self, start: int, end: int) -> None:
        self._mark(start, end, _PROSE)

    def code(self, start: int, end: int) -> None:
        self._mark(start, end, _CODE)

    def markup(self, start: int, end: int) -> None:
        """Characters that are syntax, not words (`**`, `[`, `](url)`): they vanish from the
        text so "**Sorry** for" reads "Sorry for", not "  Sorry   for"."""
        self._mark(start, end, _MARKUP)

    def blank(self, start: int, end: int) -> None:
        self._mark(start, end, _BLANK)

    def is_marked(self, position: int) -> bool:
        return self._marks[position] != _BLANK

    def replace(self, start: int, end: int, text: str) -> None:
        """The source span reads as `text` (a decoded entity); every character maps to `start`."""
        self._replacements[start] = (end, text)
        self._mark(start, end, _PROSE)

    def insert_break(self, at: int, text: str = BLOCK_BREAK) -> None:
        self._inserts[at] = text

    def _mark(self, start: int, end: int, mark: int) -> None:
        self._marks[start:end] = bytes([mark]) * (end - start)

    def build(self) -> tuple[str, Sequence[int] | None]:
        """The text and, when anything was dropped, inserted or decoded, its offsets.

        Works a run of equal marks at a time (a 170 kB article builds in milliseconds)."""
        pieces: list[str] = []
        offsets = SourceMapBuilder()
        changed = False
        position = 0
        length = len(self.source)
        for stop in [*sorted({*self._inserts, *self._replacements}), length]:
            if stop < position:
                continue  # inside a replacement already taken
            changed |= self._emit_runs(position, stop, pieces, offsets)
            position = stop
            inserted = self._inserts.get(stop)
            if inserted is not None:
                pieces.append(inserted)
                offsets.repeat(stop, len(inserted))
                changed = True
            replacement = self._replacements.get(stop)
            if replacement is not None:
                end, text = replacement
                pieces.append(text)
                offsets.repeat(stop, len(text))
                changed |= len(text) != end - stop
                position = end
        return "".join(pieces), (offsets.build() if changed else None)

    def _emit_runs(self, start: int, end: int, pieces: list[str], offsets: SourceMapBuilder) -> bool:
        """Emit source[start:end] by its marks; True when a character was dropped."""
        dropped = False
        for run in _RUN.finditer(self._marks, start, end):
            run_start, run_end = run.span()
            chunk = self.source[run_start:run_end]
            mark = self._marks[run_start]
            if mark == _MARKUP:
                for line_break in _LINE_BREAK_CHARACTER.finditer(chunk):
                    pieces.append(line_break.group())
                    offsets.advance(run_start + line_break.start(), 1)
                dropped = True
                continue
            if mark == _BLANK:
                chunk = _NOT_LINE_BREAK.sub(" ", chunk)
            elif mark == _CODE:
                chunk = _NOT_LINE_BREAK.sub(OBJECT, chunk)
            pieces.append(chunk)
            offsets.advance(run_start, run_end - run_start)
        return dropped


_RUN = re.compile(rb"(.)\1*", re.DOTALL)
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")
_LINE_BREAK_CHARACTER = re.compile(r"[\r\n]")


# --- quoted customer text ---------------------------------------------------------------

_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*", re.MULTILINE)
_ATTRIBUTION = re.compile(
    r"^[ \t]*(?:On|Le|Am|El|Il|Op)\b[^\n]{1,200}?(?:\n[^\n]{1,120}?)?\b"
    r"(?:wrote|a écrit|schrieb|escribió|ha scritto|schreef)[ \t]*:[ \t]*\r?$",
    re.MULTILINE,
)
_ORIGINAL_MESSAGE = re.compile(
    r"^[ \t]*-{2,}[ \t]*(?:Original Message|Forwarded message)[ \t]*-{2,}[ \t]*\r?$", re.I | re.M
)
_OUTLOOK_HEADER = re.compile(r"^[ \t]*\*?From:\*?[ \t]+[^\n]+\n(?:[^\n]*\n){0,2}?[ \t]*\*?(?:Sent|Date):\*?[ \t]", re.M)
_QUOTED_NEXT = re.compile(r"(?:[ \t]*\r?\n)+[ \t]*>")
_ATTRIBUTED_NAME = re.compile(r"(?P<name>[^,:<>\n\d@]{2,60}?)[ \t]*<[^<>\s]+@[^<>\s]+>")


@dataclass(frozen=True)
class Quoted:
    """The customer's words inside a draft: where they stand and what they say."""

    spans: list[Span]
    message: str | None
    customer_name: str | None


def find_quoted(text: str) -> Quoted:
    """`>` lines, and everything from an "On … wrote:" line, an Outlook
    "-----Original Message-----" line or a "From: … Sent: …" block to the end."""
    spans = [Span(m.start(), m.end()) for m in _QUOTED_LINE.finditer(text)]
    headers = [Span(m.start(), m.end()) for m in (p.search(text) for p in (_ORIGINAL_MESSAGE, _OUTLOOK_HEADER)) if m]
    attribution = _ATTRIBUTION.search(text)
    if attribution is not None:
        if _QUOTED_NEXT.match(text, attribution.end()):
            # Bottom-posted or interleaved: the quote is the `>` lines, the reply goes on.
            spans.append(Span(attribution.start(), attribution.end()))
        else:
            headers.append(Span(attribution.start(), attribution.end()))
    if headers:
        spans.append(Span(min(h.start for h in headers), len(text)))
    if not spans:
        return Quoted([], None, None)
    first_header = min(headers, key=lambda h: h.start) if headers else None
    name: str | None = None
    if attribution is not None:
        name = _attributed_name(attribution.group())
    elif first_header is not None:
        name = _attributed_name(text[first_header.start : first_header.start + 400])
    spans = merge_spans(spans)
    message = re.sub(r"\r\n?", "\n", "\n".join(_unquote(text[s.start : s.end]) for s in spans)).strip()
    return Quoted(spans, message or None, name)


def _attributed_name(header: str) -> str | None:
    """The display name in "On …, Maria López <maria@example.com> wrote:" or "From: …"."""
    named = _ATTRIBUTED_NAME.search(header)
    if named is None:
        return None
    name = re.sub(r"^(?:[AaPp]\.?[Mm]\.?\s+)", "", named.group("name").strip()).strip("\"' ")
    return name if looks_personal(name) else None


def _unquote(block: str) -> str:
    return re.sub(r"^[ \t]*>+ ?", "", block, flags=re.MULTILINE)


def merge_spans(spans: Sequence[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def blank_text(text: str, spans: Sequence[Span]) -> str:
    """Spans become spaces, line breaks kept, so coordinates stay the same."""
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        for index in range(span.start, span.end):
            if chars[index] not in "\r\n":
                chars[index] = " "
    return "".join(chars)


_NOT_A_PERSON = frozenset(
    [
        "accounts",
        "admin",
        "billing",
        "care",
        "center",
        "centre",
        "desk",
        "do-not-reply",
        "donotreply",
        "help",
        "helpdesk",
        "info",
        "mailer",
        "no-reply",
        "noreply",
        "notifications",
        "office",
        "sales",
        "service",
        "services",
        "support",
        "team",
    ]
)


def looks_personal(display_name: str) -> bool:
    """'Maria López' or "Seán O'Brien" yes; 'Acme Support', 'no-reply' or 'billing' no."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", display_name)
    if not words or len(words) > 4 or re.search(r"[@\d]", display_name):
        return False
    return not any(word.lower().strip(".") in _NOT_A_PERSON for word in words)


# --- suppression directives -------------------------------------------------------------

_DIRECTIVE = re.compile(
    r"""(?P<directive>
          <!--[ \t]*empathylint:[ \t]*(?P<action>[a-z-]+)(?:[ \t]*=[ \t]*(?P<ids>[^\n>]*?))?[ \t]*-->
        | ^[ \t]*empathylint:[ \t]*(?P<bare_action>[a-z-]+)(?:[ \t]*=[ \t]*(?P<bare_ids>[^\n]*?))?[ \t]*\r?$
        )""",
    re.VERBOSE | re.MULTILINE,
)
DIRECTIVE_ACTIONS = ("disable", "enable", "disable-next-line")


@dataclass(frozen=True)
class Directive:
    span: Span
    action: str
    rule_ids: frozenset[str]


def find_directives(source: str, *, bare_lines: bool, inside: Sequence[Span] | None = None) -> list[Directive]:
    """`<!-- empathylint: disable=a,b -->` comments; with `bare_lines`, also a line that
    reads `empathylint: disable=a,b` on its own (plain text and email). When `inside` is
    given, only directives that start inside one of those spans count (HTML comments, not
    code blocks that show a directive)."""
    found = []
    for match in _DIRECTIVE.finditer(source):
        bare = match.group("bare_action") is not None
        if bare and not bare_lines:
            continue
        span = Span(match.start("directive"), match.end("directive"))
        if inside is not None and not any(s.start <= span.start < s.end for s in inside):
            continue
        action = match.group("bare_action") if bare else match.group("action")
        ids_text = match.group("bare_ids") if bare else match.group("ids")
        ids = frozenset(part.strip() for part in (ids_text or "").split(",") if part.strip())
        found.append(Directive(span, action, ids))
    return found


def suppressions_of(source: str, directives: Sequence[Directive]) -> list[Suppression]:
    """Source-coordinate suppressions. `disable` runs to the next `enable` (of those ids,
    or of all when `enable` names none) or to the end; `disable-next-line` covers the next
    line that is not blank. An unknown action is kept as a suppression of nothing whose
    id is the action itself, so the engine reports it where it stands."""
    suppressions: list[Suppression] = []
    open_blocks: list[tuple[int, frozenset[str], Span]] = []

    def close(at: int, ids: frozenset[str]) -> None:
        # `enable` closes every block; `enable=a` closes the blocks naming `a` and keeps
        # the rest of their ids disabled. A block of all rules ends only at a bare `enable`.
        still_open = []
        for start, block_ids, directive in open_blocks:
            if ids and not block_ids & ids:
                still_open.append((start, block_ids, directive))
                continue
            suppressions.append(Suppression(Span(start, at), block_ids, directive))
            remaining = block_ids - ids if ids else frozenset()
            if remaining:
                still_open.append((at, remaining, directive))
        open_blocks[:] = still_open

    for directive in directives:
        if directive.action == "disable":
            open_blocks.append((directive.span.end, directive.rule_ids, directive.span))
        elif directive.action == "enable":
            close(directive.span.start, directive.rule_ids)
        elif directive.action == "disable-next-line":
            line = _next_nonblank_line(source, directive.span.end)
            region = line if line is not None else Span(directive.span.end, directive.span.end)
            suppressions.append(Suppression(region, directive.rule_ids, directive.span))
        else:
            empty = Span(directive.span.start, directive.span.start)
            suppressions.append(Suppression(empty, frozenset({directive.action}), directive.span))
    close(len(source), frozenset())
    return suppressions


def _next_nonblank_line(source: str, after: int) -> Span | None:
    line_break = source.find("\n", after)
    if line_break == -1:
        return None
    line = _NONBLANK_LINE.search(source, line_break + 1)
    return Span(line.start(), line.end()) if line else None


_NONBLANK_LINE = re.compile(r"^[^\n]*\S[^\n]*$", re.MULTILINE)


# --- handing over to build_document -----------------------------------------------------


def finish(
    source: str,
    path: str,
    options: ReadOptions,
    *,
    text: str,
    offsets: Sequence[int] | None,
    suppressions: Sequence[Suppression] = (),
    customer_name: str | None = None,
    agent_name: str | None = None,
    customer_message: str | None = None,
) -> Document:
    """Normalise newlines, mask the markup and machine text left in the prose (template tags,
    HTML tags and entities no parser took, domains, file names, command lines), map the
    source-coordinate suppressions into the text, and build.

    What the command line says about the people wins over what the file says."""
    if "\r" in text:
        text, offsets = normalize_newlines(text, offsets)
    text = mask(text, non_prose_spans(text))
    mapped = [
        Suppression(
            to_text_span(s.region, offsets),
            s.rule_ids,
            to_text_span(s.directive, offsets),
        )
        for s in suppressions
    ]
    return build_document(
        source,
        path=path,
        profile=options.profile,
        vocabulary=options.vocabulary,
        channel=options.channel,
        acronyms=options.acronyms,
        text=text,
        offsets=offsets,
        customer_name=options.customer_name or customer_name,
        agent_name=options.agent_name or agent_name,
        customer_message=options.customer_message or customer_message,
        mood_words=options.mood_words,
        suppressions=mapped,
    )


def to_text_span(span: Span, offsets: Sequence[int] | None) -> Span:
    """The text span covering a source span (offsets are non-decreasing)."""
    if offsets is None:
        return span
    return Span(bisect.bisect_left(offsets, span.start), bisect.bisect_left(offsets, span.end))
