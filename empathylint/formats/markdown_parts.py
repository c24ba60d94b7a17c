"""Where a long Markdown source can be cut into parts that parse apart exactly as they
parse together, so a 10 MB help article is parsed a part at a time and never holds the
parser's tokens for all of it at once.

CommonMark ends every open block (paragraph, list, block quote, table, indented code, an
HTML block of kinds 6 and 7) at a blank line followed by a line that starts in the first
column with a letter or a heading's `#`: no container continues there, since a list item's
or a quote's next line would be indented or start with its marker. What can run on across
such a line is a fenced code block and an HTML block of kinds 1 to 5 (`<pre>`, `<script>`,
`<style>`, `<textarea>`, `<!-- -->`, `<? ?>`, `<!X >`, `<![CDATA[ ]]>`), which end only at
their closing line: the scan follows both. A source it cannot follow with certainty (a
fence opened in a list, or link reference definitions, which are shared across the whole
document) is not cut."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# Parts of about this many characters: the parser's tokens for one part are a few MB.
PART_SIZE = 64_000

_FENCE = re.compile(r"([ \t]*)(`{3,}|~{3,})([^\n]*)")
_CUT_LINE = re.compile(r"[A-Za-z]|#{1,6}(?:[ \t]|$)")
_BLANK_LINE = re.compile(r"[ \t]*$")
# HTML blocks that run on over blank lines, by how they start (CommonMark kinds 1 to 5) and
# the text that ends them.
_LONG_HTML = (
    (
        re.compile(r"([ \t]*)<(?:pre|script|style|textarea)(?:[\s>]|$)", re.I),
        re.compile(r"</(?:pre|script|style|textarea)>", re.I),
    ),
    (re.compile(r"([ \t]*)<!--"), re.compile(r"-->")),
    (re.compile(r"([ \t]*)<\?"), re.compile(r"\?>")),
    (re.compile(r"([ \t]*)<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"([ \t]*)<!\[CDATA\["), re.compile(r"\]\]>")),
)
# A link reference definition's "]:": its label may be used anywhere in the document.
_REFERENCE = re.compile(r"\]:")


def parts(source: str, line_starts: Sequence[int]) -> Iterator[tuple[int, int]]:
    """(first line, end line) of each part of about PART_SIZE characters, in order, covering
    the source's lines: one part when the source is short or cannot be cut with certainty."""
    part_size = PART_SIZE
    line_count = len(line_starts)
    if len(source) <= part_size or _REFERENCE.search(source):
        yield 0, line_count
        return
    cuts = _cut_lines(source, line_starts)
    if cuts is None:
        yield 0, line_count
        return
    first = 0
    for line in cuts:
        if line_starts[line] - line_starts[first] >= part_size:
            yield first, line
            first = line
    yield first, line_count


def _cut_lines(source: str, line_starts: Sequence[int]) -> list[int] | None:
    """The lines a part may start at, in order; None when the scan cannot be sure. Only a
    fence or an HTML block opened in the first column is followed: one indented may belong
    to a list item, which a line in the first column ends before its closing line."""
    cuts: list[int] = []
    fence: tuple[str, int] | None = None  # the open fence's character and length
    html_end: re.Pattern[str] | None = None  # what ends the open HTML block
    after_blank = False
    for index, start in enumerate(line_starts):
        end = line_starts[index + 1] if index + 1 < len(line_starts) else len(source)
        line = source[start:end].rstrip("\r\n")
        if html_end is not None:
            if html_end.search(line):
                html_end = None
            after_blank = False
            continue
        found = _FENCE.match(line)
        if found and found.group(1):
            return None
        if fence is not None:
            if found and _closes(found, fence):
                fence = None
            after_blank = False
            continue
        if found and not (found.group(2)[0] == "`" and "`" in found.group(3)):
            fence = (found.group(2)[0], len(found.group(2)))
            after_blank = False
            continue
        for opening, closing in _LONG_HTML:
            started = opening.match(line)
            if started and started.group(1):
                return None
            if started:
                html_end = None if closing.search(line, started.end()) else closing
                break
        if html_end is None and after_blank and _CUT_LINE.match(line):
            cuts.append(index)
        after_blank = _BLANK_LINE.match(line) is not None
    return cuts


def _closes(found: re.Match[str], fence: tuple[str, int]) -> bool:
    """Whether a fence line closes the open fence: its character, as long or longer, and
    nothing after it but spaces and tabs."""
    marker = found.group(2)
    return marker[0] == fence[0] and len(marker) >= fence[1] and not found.group(3).strip(" \t")
