"""Markdown, parsed with markdown-it-py (CommonMark, plus GitHub tables and strikethrough).

Prose is the text of paragraphs, headings, list items, table cells, link text and image
alt text. Fenced and indented code, inline code, link URLs, autolinks, HTML and front
matter are not. markdown-it gives line ranges but not character offsets, so each inline
token is aligned with the source from a cursor: its text is found character by character
(an escape or an entity may stand between), its markup is found and dropped.

In a reply or a canned reply, a blockquote is the customer's message (context, never
checked); in a help article (profile "doc") it is a callout and is checked.

Front matter (`---` YAML or `+++` TOML) may set `profile`, `customer` and `agent`; the
command line wins over it, and it wins over the profile globs of checklist.toml.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from empathylint.document import PROFILES, Document, Span, line_starts
from empathylint.files import InputError
from empathylint.formats import ReadOptions
from empathylint.formats.layout import TextLayout, blank_text, find_directives, find_quoted, finish, suppressions_of

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)(?:\r?\n|\r)?^(?P=fence)[ \t]*$", re.S | re.M
)
_YAML_PAIR = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>[^#\r\n]*?)[ \t]*(?:#.*)?$", re.M)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LINE_BREAK = re.compile(r"\r\n?|\n")
_CELL_TOKENS = frozenset({"th_open", "td_open"})


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def read(source: str, path: str, options: ReadOptions) -> Document:
    front_matter = _FRONT_MATTER.match(source)
    settings: dict[str, str] = {}
    parsed = source
    if front_matter:
        settings = _front_matter_settings(front_matter, path)
        end = front_matter.end()
        parsed = re.sub(r"[^\r\n]", " ", source[:end]) + source[end:]
        if "profile" in settings and not options.profile_forced:
            profile = settings["profile"]
            if profile not in PROFILES:
                raise InputError(path, f"front matter profile {profile!r} is not one of {', '.join(PROFILES)}")
            options = dataclasses.replace(options, profile=profile)

    layout = TextLayout(source)
    walker = _Walker(source, layout)
    walker.walk(_parser().parse(parsed))

    quoted_message = customer_name = None
    if options.profile != "doc":
        quoted = find_quoted(blank_text(source, walker.code_spans))  # a `>` inside a fence is no quote
        for span in quoted.spans:
            layout.blank(span.start, span.end)
        quoted_message, customer_name = quoted.message, quoted.customer_name
    text, offsets = layout.build()
    directives = find_directives(source, bare_lines=False, inside=walker.html_spans)
    return finish(
        source,
        path,
        options,
        text=text,
        offsets=offsets,
        suppressions=suppressions_of(source, directives),
        customer_name=settings.get("customer") or customer_name,
        agent_name=settings.get("agent"),
        customer_message=quoted_message,
    )


def _front_matter_settings(match: re.Match[str], path: str) -> dict[str, str]:
    body = match.group("body")
    if match.group("fence") == "+++":
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - Python 3.10 only
            import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

        if _nesting(body) > MAX_FRONT_MATTER_NESTING:
            raise InputError(path, f"front matter nests deeper than {MAX_FRONT_MATTER_NESTING} levels; not read")
        try:
            table: dict[str, Any] = tomllib.loads(body)
        except tomllib.TOMLDecodeError as error:
            raise InputError(path, f"front matter is not valid TOML: {error}") from None
    else:
        table = {m.group("key"): m.group("value").strip().strip("\"'") for m in _YAML_PAIR.finditer(body)}
    return {key: str(table[key]).strip() for key in ("profile", "customer", "agent") if str(table.get(key, "")).strip()}


# tomllib parses nested arrays and tables by recursion: 3,000 levels end in RecursionError.
# Front matter holds a profile and two names; a few levels are all it ever needs.
MAX_FRONT_MATTER_NESTING = 32


def _nesting(body: str) -> int:
    """How deep brackets and braces nest (an over-count inside strings errs on the safe side)."""
    depth = deepest = 0
    for character in body:
        if character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth = max(0, depth - 1)
    return deepest


class _Walker:
    """Marks a Markdown source's prose, code and markup on a TextLayout."""

    def __init__(self, source: str, layout: TextLayout) -> None:
        self.source = source
        self.layout = layout
        self.line_starts = line_starts(source)
        self.cursor = 0
        self.code_spans: list[Span] = []
        self.html_spans: list[Span] = []

    def _line_span(self, line_map: list[int] | None) -> Span:
        if line_map is None:
            return Span(self.cursor, len(self.source))
        starts = self.line_starts
        begin = starts[line_map[0]] if line_map[0] < len(starts) else len(self.source)
        end = starts[line_map[1]] if line_map[1] < len(starts) else len(self.source)
        return Span(begin, end)

    def walk(self, tokens: Sequence[Token]) -> None:
        in_cell = False
        previous_type = ""
        for token in tokens:
            if token.type in ("fence", "code_block"):
                self.code_spans.append(self._line_span(token.map))
            elif token.type == "html_block":
                self.html_spans.append(self._line_span(token.map))
            elif token.type == "list_item_open":
                self._list_item(token)
            elif token.type in _CELL_TOKENS:
                in_cell = True
            elif token.type == "inline":
                block = self._line_span(token.map)
                start = max(block.start, self.cursor)
                first = self._inline(token.children or [], start, block.end)
                if first is not None and (in_cell or previous_type == "heading_open"):
                    # A heading or a table cell is a sentence of its own even when no
                    # blank line or full stop ends it.
                    self.layout.insert_break(first)
                    self.layout.insert_break(self.cursor)
                in_cell = False
            previous_type = token.type

    def _list_item(self, token: Token) -> None:
        """A list item starts a paragraph of its own; its marker (`-`, `1.`) is markup, so
        that "1." is not read as a sentence and an item's first word starts its sentence."""
        line = self._line_span(token.map)
        marker = re.escape(token.info + token.markup) if token.info else re.escape(token.markup)
        found = re.compile(rf"[ \t>]*({marker}[ \t]*)", re.M).match(self.source, line.start, line.end)
        if found:
            self.layout.insert_break(found.start(1))
            self.layout.markup(found.start(1), found.end(1))
            self.cursor = max(self.cursor, found.end(1))

    def _inline(self, children: Sequence[Token], start: int, limit: int) -> int | None:
        """Align the children with source[start:limit]; the first prose offset, if any."""
        aligner = _InlineAligner(self, start, limit)
        aligner.run(children)
        self.cursor = max(self.cursor, aligner.cursor)
        return aligner.first_prose


class _InlineAligner:
    def __init__(self, walker: _Walker, start: int, limit: int) -> None:
        self.walker = walker
        self.source = walker.source
        self.layout = walker.layout
        self.cursor = start
        self.limit = limit
        self.first_prose: int | None = None
        self.masking_html: str | None = None

    def run(self, children: Sequence[Token]) -> None:
        skipping_autolink = False
        for child in children:
            kind = child.type
            if skipping_autolink:
                skipping_autolink = kind != "link_close"
                continue
            if kind == "text":
                self._text(child.content)
            elif kind in ("softbreak", "hardbreak"):
                self._line_break()
            elif kind == "code_inline":
                self._code_inline(child.markup)
            elif kind == "html_inline":
                self._html_inline(child.content)
            elif kind == "link_open" and child.markup == "autolink":
                self._autolink()
                skipping_autolink = True
            elif kind == "link_open":
                self._skip_to("[")
            elif kind == "link_close":
                self._link_destination()
            elif kind == "image":
                self._skip_to("![")
                self.run(child.children or [])
                self._link_destination()
            elif child.markup:
                self._skip_to(child.markup)

    def _skip_to(self, markup: str) -> bool:
        found = self.source.find(markup, self.cursor, self.limit)
        if found == -1:
            return False
        self.layout.markup(self.cursor, found + len(markup))
        self.cursor = found + len(markup)
        return True

    def _text(self, content: str) -> None:
        if not content:
            return
        source = self.source
        mark = self.layout.code if self.masking_html else self.layout.prose
        if source.startswith(content, self.cursor):
            self._note_first(self.cursor)
            mark(self.cursor, self.cursor + len(content))
            self.cursor += len(content)
            return
        matched: list[tuple[int, int, str | None]] = []
        position = self.cursor
        for character in content:
            while position < self.limit:
                current = source[position]
                if current == character:
                    matched.append((position, position + 1, None))
                    position += 1
                    break
                if current == "&":
                    entity = _ENTITY.match(source, position, self.limit)
                    if entity and html.unescape(entity.group()) == character:
                        matched.append((position, entity.end(), character))
                        position = entity.end()
                        break
                position += 1
            else:
                return  # not found: leave this text unchecked rather than misplace it
        self.layout.markup(self.cursor, position)
        for start, end, decoded in matched:
            if decoded is None:
                mark(start, end)
            else:
                self.layout.replace(start, end, decoded)
        self._note_first(matched[0][0])
        self.cursor = position

    def _note_first(self, position: int) -> None:
        if self.first_prose is None and not self.masking_html:
            self.first_prose = position

    def _line_break(self) -> None:
        found = _LINE_BREAK.search(self.source, self.cursor, self.limit)
        if found:
            self.layout.markup(self.cursor, found.start())
            self.cursor = found.end()

    def _code_inline(self, markup: str) -> None:
        opening = self.source.find(markup, self.cursor, self.limit)
        if opening == -1:
            return
        closing = self.source.find(markup, opening + len(markup), self.limit)
        end = self.limit if closing == -1 else closing + len(markup)
        self.layout.markup(self.cursor, opening)
        self.layout.code(opening, end)
        self.cursor = end

    def _html_inline(self, content: str) -> None:
        found = self.source.find(content, self.cursor, self.limit)
        if found == -1:
            return
        self.layout.markup(self.cursor, found + len(content))
        self.walker.html_spans.append(Span(found, found + len(content)))
        self.cursor = found + len(content)
        tag = re.match(r"<(/?)(code|kbd|samp|var)\b", content, re.I)
        if tag:
            self.masking_html = None if tag.group(1) else tag.group(2).lower()

    def _autolink(self) -> None:
        opening = self.source.find("<", self.cursor, self.limit)
        closing = self.source.find(">", opening, self.limit) if opening != -1 else -1
        if closing == -1:
            return
        self.layout.markup(self.cursor, opening)
        self.layout.code(opening, closing + 1)
        self.cursor = closing + 1

    def _link_destination(self) -> None:
        """`](url "title")`, `][ref]` or a bare `]`: all markup."""
        if not self._skip_to("]"):
            return
        source, position = self.source, self.cursor
        if position < self.limit and source[position] == "(":
            end = _closing_parenthesis(source, position, self.limit)
        elif position < self.limit and source[position] == "[":
            found = source.find("]", position, self.limit)
            end = position if found == -1 else found + 1
        else:
            return
        self.layout.markup(position, end)
        self.cursor = end


def _closing_parenthesis(source: str, opening: int, limit: int) -> int:
    """The end of `(url "title")`, with nested parentheses and quoted titles."""
    depth = 0
    quote: str | None = None
    position = opening
    while position < limit:
        character = source[position]
        if quote:
            if character == quote:
                quote = None
        elif character in "\"'" and depth == 1 and source[position - 1] in " \t\n":
            quote = character
        elif character == "\\":
            position += 1
        elif character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if depth == 0:
                return position + 1
        position += 1
    return limit
