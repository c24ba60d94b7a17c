"""The edit that suppresses one finding on its line, in the directive syntax the readers
already obey (formats/layout.py): `<!-- empathylint: disable-next-line=ID -->`, or in plain
text the bare `empathylint: disable-next-line=ID` on a line of its own.

`disable-next-line` covers the next line that is not blank, so two directives stacked
above a line would cover each other: a directive already there gets the id added instead.
In Markdown a line inside a paragraph, a list or a block quote gets the comment at the end
of the last line above it that is not blank (inline HTML, invisible when rendered): a line
of its own there would split the paragraph in two, end the list or the quote. Inside a
table or front matter there is no such place, and no edit is offered."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from empathylint.diagnostics import Edit
from empathylint.formats.front_matter import find_front_matter
from empathylint.formats.layout import find_directives
from empathylint.lsp.positions import LineIndex, newline_of

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

NEXT_LINE = "disable-next-line"


def directive(rule_ids: list[str], *, bare: bool) -> str:
    ids = ",".join(rule_ids)
    return f"empathylint: {NEXT_LINE}={ids}" if bare else f"<!-- empathylint: {NEXT_LINE}={ids} -->"


def suppression_edit(index: LineIndex, line: int, rule_id: str, format_name: str, path: str) -> Edit | None:
    """The edit that keeps `rule_id` from being reported on `line` (0-based) of the text."""
    text = index.text
    front_matter = find_front_matter(text, path)
    if front_matter is not None and index.starts[line] < front_matter.span.end:
        return None
    bare = format_name == "plain"
    above = _previous_directive(index, line, bare)
    if above is not None:
        start, end, ids = above
        if rule_id in ids:
            return None
        original = text[start:end]
        return Edit(start, end, directive([*ids, rule_id], bare=not original.startswith("<!--")))
    if format_name == "markdown" and line > 0:
        context = _markdown_context(text, line)
        if context == "table":
            return None
        if context == "inside":
            target = line - 1
            while target > 0 and not text[index.starts[target] : index.line_end(target)].strip():
                target -= 1
            end = index.line_end(target)
            return Edit(end, end, " " + directive([rule_id], bare=False))
    start = index.starts[line] if line < len(index.starts) else len(text)
    line_text = text[start : index.line_end(line)]
    leading = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
    return Edit(start, start, leading + directive([rule_id], bare=bare) + newline_of(text))


def _previous_directive(index: LineIndex, line: int, bare: bool) -> tuple[int, int, list[str]] | None:
    """A `disable-next-line` directive ending the line above, with its ids."""
    if line <= 0:
        return None
    start, end = index.starts[line - 1], index.line_end(line - 1)
    above = index.text[start:end]
    for found in find_directives(above, bare_lines=bare):
        if found.action == NEXT_LINE and found.span.end == len(above.rstrip()) and found.rule_ids:
            return start + found.span.start, start + found.span.end, sorted(found.rule_ids)
    return None


@functools.cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # As formats/markdown.py reads it: CommonMark with GitHub's tables.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


_CONTAINERS = frozenset({"paragraph_open", "bullet_list_open", "ordered_list_open", "blockquote_open"})


def _markdown_context(text: str, line: int) -> str | None:
    """Where the line stands: "table" when it is a table's row below its header, "inside"
    when it continues a paragraph, a list or a block quote begun above it, else None."""
    inside = False
    for kind, first, after in _blocks(text):
        if first < line < after:
            if kind == "table_open":
                return "table"
            inside = inside or kind in _CONTAINERS
    return "inside" if inside else None


@functools.lru_cache(maxsize=4)
def _blocks(text: str) -> tuple[tuple[str, int, int], ...]:
    """The text's blocks and their lines, parsed once for all the findings of a request."""
    return tuple((token.type, token.map[0], token.map[1]) for token in _markdown().parse(text) if token.map)
