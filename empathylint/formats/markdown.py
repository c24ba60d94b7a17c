"""Markdown, parsed with markdown-it-py (CommonMark, plus GitHub tables and strikethrough).

Prose is the text of paragraphs, headings, list items, table cells, link text and image
alt text, and the text inside HTML blocks (a `<div>` callout, `<details>`). Fenced and
indented code with its info string, inline code, link URLs, autolinks, HTML tags, attributes
and entities, and front matter (but its title and description) are not (an MkDocs admonition's
indented text, '!!! warn ""' and the lines under it, is prose, not code); `.mdx` is read as
Markdown with its `import`/`export` lines and `{…}` expressions blanked.

markdown-it gives line ranges but not character offsets, so each inline
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
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from empathylint.document import PROFILES, Document, Span, line_starts
from empathylint.files import InputError
from empathylint.formats import ReadOptions
from empathylint.formats.front_matter import FrontMatter, blank_except_prose, find_front_matter
from empathylint.formats.html import mark_html_block
from empathylint.formats.layout import TextLayout, blank_text, find_directives, find_quoted, finish, suppressions_of
from empathylint.formats.markdown_parts import parts

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LINE_BREAK = re.compile(r"\r\n?|\n")
_CELL_TOKENS = frozenset({"th_open", "td_open"})


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def read(source: str, path: str, options: ReadOptions) -> Document:
    front_matter = find_front_matter(source, path)
    settings: dict[str, str] = {}
    parsed = source
    if front_matter is not None:
        settings = front_matter.settings
        parsed = blank_except_prose(source, front_matter)
        if "profile" in settings and not options.profile_forced:
            profile = settings["profile"]
            if profile not in PROFILES:
                raise InputError(path, f"front matter profile {profile!r} is not one of {', '.join(PROFILES)}")
            options = dataclasses.replace(options, profile=profile)
    # MDX, and Docusaurus articles that are MDX in a .md file: their JavaScript is no prose.
    scripts = jsx_spans(parsed) if PurePath(path).suffix.lower() == ".mdx" else es_imports(parsed)
    if scripts:
        parsed = blank_text(parsed, scripts)

    parsed = admonitions_as_callouts(parsed)
    layout = TextLayout(source)
    # Aligned with what was parsed (blanked where the source is metadata or script), marked
    # on the source.
    walker = _Walker(parsed, layout)
    starts = walker.line_starts
    # A part at a time: a long article never holds the parser's tokens for all of it.
    for first_line, end_line in parts(parsed, starts):
        begin = starts[first_line]
        end = starts[end_line] if end_line < len(starts) else len(parsed)
        walker.walk(_parser().parse(parsed[begin:end]), first_line)
    for script in scripts:
        layout.code(script.start, script.end)
    if front_matter is not None:
        _mark_front_matter_values(source, front_matter, layout)

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


def _mark_front_matter_values(source: str, front_matter: FrontMatter, layout: TextLayout) -> None:
    """A title or description on its key's line is prose, a sentence of its own (the parser
    saw it as indented code, its key blanked before it); a Lektor body below its key was parsed
    as the Markdown it is."""
    for span in front_matter.prose:
        if "\n" not in source[span.start : span.end].strip("\r\n"):
            layout.prose(span.start, span.end)
            layout.insert_break(span.start)
            layout.insert_break(span.end)


# An MkDocs admonition's marker line: '!!! warn ""', '??? tip'.
_ADMONITION = re.compile(r'(?:!!!|\?\?\?\+?)[ \t]+[\w-]{1,30}(?:[ \t]+"[^"\n]{0,200}")?[ \t]*')


def admonitions_as_callouts(parsed: str) -> str:
    """An admonition's text is indented four spaces, which CommonMark reads as code; a reader
    reads it as the callout's prose. The parser is shown each of its lines with a ">" in
    the first column, the same length, so it parses the callout a blockquote is in an
    article, and every offset stays where it was. The text runs from the marker to the first
    line that is neither blank nor indented."""
    if "!!!" not in parsed and "???" not in parsed:
        return parsed
    shown: list[str] = []
    inside = False
    for line in parsed.splitlines(keepends=True):
        if _ADMONITION.fullmatch(line.rstrip("\r\n")):
            inside = True
        elif inside and line.startswith(("    ", "\t")):
            line = ">" + line[1:]
        elif inside and line.strip():
            inside = False
        shown.append(line)
    return "".join(shown)


# MDX: `import`/`export` lines are JavaScript, `{…}` is an expression; JSX tags are read as
# HTML (tags dropped, the text between them checked).
_MDX_STATEMENT = re.compile(r"^(?:import|export)\b[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*", re.M)
_MDX_EXPRESSION = re.compile(r"\{[^{}\n]{0,500}\}")


_ES_IMPORT = re.compile(r"^import[ \t]+[\w{}, *\t]+[ \t]+from[ \t]+['\"][^'\"\n]+['\"];?[ \t]*$", re.M)


def es_imports(source: str) -> list[Span]:
    """`import X from '…';` lines: JavaScript whatever the file is called."""
    return [Span(m.start(), m.end()) for m in _ES_IMPORT.finditer(source)] if "import" in source else []


def jsx_spans(source: str) -> list[Span]:
    """An MDX source's JavaScript: `import`/`export` statements and `{…}` expressions."""
    spans = [Span(m.start(), m.end()) for m in _MDX_STATEMENT.finditer(source)]
    spans += [Span(m.start(), m.end()) for m in _MDX_EXPRESSION.finditer(source) if not m.group().startswith("{{")]
    return spans


class _Walker:
    """Marks a Markdown source's prose, code and markup on a TextLayout."""

    def __init__(self, source: str, layout: TextLayout) -> None:
        self.source = source
        self.layout = layout
        self.line_starts = line_starts(source)
        self.first_line = 0  # the line the tokens being walked count theirs from
        self.cursor = 0
        self.code_spans: list[Span] = []
        self.html_spans: list[Span] = []

    def _line_span(self, line_map: list[int] | None) -> Span:
        if line_map is None:
            return Span(self.cursor, len(self.source))
        starts = self.line_starts
        first, end_line = line_map[0] + self.first_line, line_map[1] + self.first_line
        begin = starts[first] if first < len(starts) else len(self.source)
        end = starts[end_line] if end_line < len(starts) else len(self.source)
        return Span(begin, end)

    def walk(self, tokens: Sequence[Token], first_line: int) -> None:
        """Mark the tokens of the source's part that starts at `first_line`."""
        self.first_line = first_line
        in_cell = False
        previous_type = ""
        for token in tokens:
            if token.type in ("fence", "code_block"):
                self.code_spans.append(self._line_span(token.map))
            elif token.type == "html_block":
                block = self._line_span(token.map)
                self.html_spans.append(block)
                # A callout or a <details> is read by customers: its text is prose, its tags not.
                mark_html_block(self.source, block.start, block.end, self.layout)
                self.layout.insert_break(block.start)
                self.layout.insert_break(block.end)
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


def _may_hold(character: str, source: str, start: int, end: int) -> bool:
    """Whether source[start:end] holds `character` or an entity's `&` that may decode to it."""
    return source.find(character, start, end) != -1 or source.find("&", start, end) != -1


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
        found = source.find(content, self.cursor, self.limit)
        # Verbatim, after markup the parser dropped (a continuation line's indent): what the
        # character-by-character walk below finds too when nothing before it is the text's
        # first character or could be an entity, in one step.
        if found != -1 and not _may_hold(content[0], source, self.cursor, found):
            self.layout.markup(self.cursor, found)
            self._note_first(found)
            mark(found, found + len(content))
            self.cursor = found + len(content)
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
        run_start = run_end = -1  # consecutive characters found as they are, marked at once
        for start, end, decoded in matched:
            if decoded is None and start == run_end:
                run_end = end
                continue
            if run_end > run_start:
                mark(run_start, run_end)
            run_start = run_end = -1
            if decoded is None:
                run_start, run_end = start, end
            else:
                self.layout.replace(start, end, decoded)
        if run_end > run_start:
            mark(run_start, run_end)
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
        end = found + len(content)
        if found == -1 and "\n" in content:
            # A tag over several lines of a list item or a quote: markdown-it drops each next
            # line's indent (and ">") from the content, not from the source.
            lines = (re.escape(line) for line in content.split("\n"))
            spread = re.compile(r"\n[ \t>]*".join(lines)).search(self.source, self.cursor, self.limit)
            found, end = (spread.start(), spread.end()) if spread else (-1, -1)
        if found == -1:
            return
        self.layout.markup(self.cursor, end)
        self.walker.html_spans.append(Span(found, end))
        between_words = _between_words(self.source, found, end)
        if "\n" in self.source[found:end]:
            # Its line breaks are no lines of the text: "(<span …\n…></span>)" reads "()".
            self.layout.replace(found, end, " " if between_words else "")
        elif between_words and _WORD_BREAKING_TAG.match(content):
            self.layout.insert_break(found, " ")  # "annually<br>or" reads "annually or", not "annuallyor"
        self.cursor = end
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


# A line break, a rule, an image or a block's edge between two words parts them, where an
# inline element ("un<b>believ</b>able") does not.
_WORD_BREAKING_TAG = re.compile(
    r"</?(?:br|hr|img|wbr|p|div|li|ul|ol|dl|dt|dd|td|th|tr|table|h[1-6]|blockquote|details|summary)\b", re.I
)


def _between_words(source: str, start: int, end: int) -> bool:
    return start > 0 and end < len(source) and source[start - 1].isalnum() and source[end].isalnum()


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
