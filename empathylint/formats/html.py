"""HTML help-center articles and macros exported as HTML, read with the standard library's
html.parser (a real tokenizer, not regexes).

Prose is element text; tags and their attributes vanish from the text; `<code>`, `<kbd>`,
`<samp>` and `<var>` are masked like inline code; `<pre>`, `<script>`, `<style>`,
`<template>`, `<textarea>` and the `<head>` are blanked. Entities are decoded and each
decoded character maps back to its entity, so findings point at the file's own line and
column (fixes that would edit inside an entity are dropped). Block elements (p, li, td,
h1-h6, br, div …) end sentences.

In a reply or a canned reply a `<blockquote>` (or Gmail's `gmail_quote` block) is the
customer's message: context, never checked; in a help article it is a callout.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from empathylint.document import Document, Span
from empathylint.formats import ReadOptions
from empathylint.formats.layout import (
    BLOCK_BREAK,
    TextLayout,
    blank_text,
    find_directives,
    find_quoted,
    finish,
    suppressions_of,
)

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
CODE_TAGS = frozenset({"code", "kbd", "samp", "var"})
SKIPPED_TAGS = frozenset({"pre", "script", "style", "template", "textarea", "head", "noscript", "svg", "math"})
VOID_TAGS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{0,31};?)")


@dataclass(frozen=True)
class HtmlText:
    """An HTML source laid out as prose: the text, its offsets into the source, and the
    source spans of the comments (for directives) and of the customer's quoted words."""

    text: str
    offsets: Sequence[int] | None
    comments: list[Span]
    quoted: list[Span]


def read(source: str, path: str, options: ReadOptions) -> Document:
    laid_out = lay_out(source, quote_blockquotes=options.profile != "doc")
    text = laid_out.text
    customer_message = quoted_words(source, laid_out.quoted)
    customer_name = None
    if options.profile != "doc":
        quoted = find_quoted(text)
        text = blank_text(text, quoted.spans)
        customer_message = "\n\n".join(filter(None, (customer_message, quoted.message))) or None
        customer_name = quoted.customer_name
        if customer_name is None and customer_message:
            customer_name = find_quoted(customer_message).customer_name
    directives = find_directives(source, bare_lines=False, inside=laid_out.comments)
    return finish(
        source,
        path,
        options,
        text=text,
        offsets=laid_out.offsets,
        suppressions=suppressions_of(source, directives),
        customer_name=customer_name,
        customer_message=customer_message,
    )


def lay_out(source: str, *, quote_blockquotes: bool) -> HtmlText:
    """Parse the HTML and build its prose text; blockquotes are the customer's words when
    `quote_blockquotes` (their text is kept aside, not in the prose)."""
    parser = _ProseParser(source, quote_blockquotes)
    parser.feed(_without_marked_sections(source))
    parser.close()
    if parser.quote_tag is not None:  # a quote left open runs to the end
        parser.quoted.append(Span(parser.quote_start, len(source)))
    text, offsets = parser.layout.build()
    return HtmlText(text, offsets, parser.comments, parser.quoted)


# `<![if !mso]>`, `<![endif]>`, `<![CDATA[…]]>`: in HTML a bogus comment that ends at the
# first ">" (or at the end of the file). html.parser asserts on the ones it does not know.
_MARKED_SECTION = re.compile(r"<!\[[^>]*(?:>|\Z)")


def _without_marked_sections(source: str) -> str:
    """The source with each marked section turned into a processing instruction of the
    same length and lines (`<?…>`, which the parser passes over), and one left open at the
    end cut off, so every offset the parser reports is still the source's."""

    def as_instruction(section: re.Match[str]) -> str:
        inside = re.sub(r"[^\n]", " ", section.group()[2:-1])
        return f"<?{inside}>"

    sections = list(_MARKED_SECTION.finditer(source))
    if sections and not sections[-1].group().endswith(">"):
        source = source[: sections[-1].start()]
    return _MARKED_SECTION.sub(as_instruction, source)


def quoted_words(source: str, spans: Sequence[Span]) -> str | None:
    """The customer's quoted words as text: each quote laid out as prose on its own."""
    words = (lay_out(source[span.start : span.end], quote_blockquotes=False).text for span in spans)
    joined = "\n\n".join(re.sub(r"[ \t]*\n\s*\n\s*", "\n\n", part).strip() for part in words)
    return joined.strip() or None


def mark_html_block(source: str, start: int, end: int, layout: TextLayout) -> None:
    """Mark source[start:end], an HTML block inside Markdown (a `<div>` callout, `<details>`),
    on the Markdown reader's layout: its tags and attributes markup, its text prose."""
    parser = _ProseParser(source[start:end], quote_blockquotes=False, layout=_ShiftedLayout(layout, start))
    parser.feed(source[start:end])
    parser.close()


class _ShiftedLayout(TextLayout):
    """A window onto another layout: offsets of a slice of its source, moved by `origin`."""

    def __init__(self, layout: TextLayout, origin: int) -> None:
        self._whole = layout
        self._origin = origin

    def prose(self, start: int, end: int) -> None:
        self._whole.prose(start + self._origin, end + self._origin)

    def code(self, start: int, end: int) -> None:
        self._whole.code(start + self._origin, end + self._origin)

    def markup(self, start: int, end: int) -> None:
        self._whole.markup(start + self._origin, end + self._origin)

    def replace(self, start: int, end: int, text: str) -> None:
        self._whole.replace(start + self._origin, end + self._origin, text)

    def insert_break(self, at: int, text: str = BLOCK_BREAK) -> None:
        self._whole.insert_break(at + self._origin, text)


class _ProseParser(HTMLParser):
    def __init__(self, source: str, quote_blockquotes: bool, layout: TextLayout | None = None) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.layout = TextLayout(source) if layout is None else layout
        self.quote_blockquotes = quote_blockquotes
        self.line_offsets = [0, *(m.end() for m in re.finditer("\n", source))]
        self.open_skipped = 0
        self.open_code = 0
        self.quote_tag: str | None = None
        self.quote_depth = 0
        self.quote_start = 0
        self.quoted: list[Span] = []
        self.comments: list[Span] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_offsets[line - 1] + column

    # --- tags ---

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        self._tag(tag, start, start + len(raw))
        if tag in VOID_TAGS:
            return
        if tag in SKIPPED_TAGS:
            self.open_skipped += 1
        elif tag in CODE_TAGS:
            self.open_code += 1
        elif tag == self.quote_tag:
            self.quote_depth += 1
        elif self.quote_tag is None and self.quote_blockquotes and _is_quote(tag, attrs):
            self.quote_tag, self.quote_depth, self.quote_start = tag, 1, start

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        self._tag(tag, start, start + len(self.get_starttag_text() or ""))

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        closing = self.source.find(">", start)
        end = len(self.source) if closing == -1 else closing + 1
        self._tag(tag, start, end)
        if tag in SKIPPED_TAGS and self.open_skipped:
            self.open_skipped -= 1
        elif tag in CODE_TAGS and self.open_code:
            self.open_code -= 1
        elif tag == self.quote_tag:
            self.quote_depth -= 1
            if self.quote_depth == 0:
                self.quote_tag = None
                self.quoted.append(Span(self.quote_start, end))

    def _tag(self, tag: str, start: int, end: int) -> None:
        self.layout.markup(start, end)
        if tag == "br":
            self.layout.insert_break(start, "\n")
        elif tag in BLOCK_TAGS or tag in SKIPPED_TAGS:
            self.layout.insert_break(start)

    # --- text ---

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self._text(start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def _reference(self) -> None:
        start = self._offset()
        reference = _CHARACTER_REFERENCE.match(self.source, start)
        if reference is None:
            return
        if self.open_skipped or self.quote_tag:
            return
        if self.open_code:
            self.layout.code(start, reference.end())
        else:
            self.layout.replace(start, reference.end(), html.unescape(reference.group()))

    def _text(self, start: int, end: int) -> None:
        if self.open_skipped or self.quote_tag:
            return  # left blank
        if self.open_code:
            self.layout.code(start, end)
        else:
            self.layout.prose(start, end)

    # --- comments and the rest ---

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        self.comments.append(Span(start, start + len(data) + len("<!---->")))

    def handle_decl(self, decl: str) -> None:
        pass  # <!DOCTYPE html>: stays blank

    def handle_pi(self, data: str) -> None:
        pass

    def unknown_decl(self, data: str) -> None:
        pass


def _is_quote(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag == "blockquote":
        return True
    classes = " ".join(value or "" for name, value in attrs if name in ("class", "id"))
    return tag == "div" and bool(re.search(r"\b(?:gmail_quote|divRplyFwdMsg|moz-cite-prefix|yahoo_quoted)\b", classes))
