"""What a writer meant to come back to: drafting marks (TODO, lorem ipsum), a placeholder
nobody filled in, and a placeholder whose braces do not pair up."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from empathylint.diagnostics import Diagnostic, Edit, Fix
from empathylint.document import Document, Placeholder, Span
from empathylint.rules.proofread.codes import finding
from empathylint.rules.proofread.settings import Settings


def leftovers(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    markers = settings.leftover_markers
    if doc.profile == "template":
        # In a canned reply "XXX" is the slot the agent fills ("the steps are at XXX").
        markers = tuple(marker for marker in markers if marker.strip("X"))
    for pattern in _leftover_patterns(markers):
        for match in pattern.finditer(doc.text):
            yield finding(
                "leftover",
                Span(match.start(), match.end()),
                f'"{match.group()}" is a drafting note left in; finish or delete this part before sending.',
            )
    if doc.profile in ("reply", "template"):
        # "Hey ___," : a blank after a word, left for a name or a value; a line of underscores
        # alone is a separator, not a blank.
        for blank in _FILL_IN_BLANK.finditer(doc.text):
            yield finding(
                "leftover",
                Span(blank.start(1), blank.end(1)),
                f'"{blank.group(1)}" is a blank nobody filled in; write the name or value it stands for.',
            )


_FILL_IN_BLANK = re.compile(r"(?<=[^\W_])[ \t]+(_{3,})(?!\w)")
# A Markdown link whose target was never filled in: "[see our guide]()".
_EMPTY_LINK = re.compile(r"(?<![!\]\\])\[([^\[\]\n]{1,200})\]\([ \t]*\)")


def empty_links(doc: Document) -> Iterator[Diagnostic]:
    """Links in Markdown with an empty target, reported on their text as the reader sees it."""
    if "](" not in doc.source or doc.source_format != "markdown":
        return
    for link in _EMPTY_LINK.finditer(doc.source):
        # The text offset whose source offset is the link text's first character (offsets grow).
        start = bisect.bisect_left(range(len(doc.text)), link.start(1), key=doc.source_offset)
        end = start + len(link.group(1))
        if start >= len(doc.text) or doc.text[start:end] != link.group(1):
            continue  # the link text holds markup of its own; not worth a guess
        yield finding(
            "leftover",
            Span(start, end),
            f'"{link.group(1)}" links to nothing: its target was left empty; add the address or drop the link.',
        )


# Built once per checklist, not per draft (a run has one checklist, or a few).
@functools.lru_cache(maxsize=16)
def _leftover_patterns(markers: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    capitals = [m for m in markers if m.isupper()]
    others = [m for m in markers if not m.isupper()]
    patterns = []
    if capitals:
        # "a TODO list", "TODO items", "TODO tests": the marker names a kind of thing, not a note left in;
        # "see the TODO file", "the file TODO": a project's file of that name.
        patterns.append(
            re.compile(
                r"(?<![\w\-])(?<![Tt]he[ \t])(?<![Ff]ile[ \t])(?:"
                + "|".join(map(re.escape, capitals))
                + r")(?![\w\-])(?![ \t]+(?:comments?|files?|items?|lists?|markers?|options?|tests?)\b)"
            )
        )
    if others:
        alternatives = "|".join(r"\s+".join(map(re.escape, m.split())) for m in others)
        patterns.append(re.compile(r"(?<![\w\-])(?:" + alternatives + r")(?![\w\-])", re.IGNORECASE))
    return tuple(patterns)


def unfilled_placeholders(doc: Document, broken: list[Span]) -> Iterator[Diagnostic]:
    for placeholder in doc.placeholders:
        if any(span.contains(placeholder.span) for span in broken):
            continue  # "{first_name}" inside a broken "{{first_name}" is reported as broken
        value, what = _value_for(doc, placeholder)
        fix = Fix((Edit(placeholder.span.start, placeholder.span.end, value),), safe=False) if value else None
        yield finding(
            "unfilled-placeholder",
            placeholder.span,
            f"{placeholder.raw} is still a placeholder in a reply; replace it with {what}.",
            suggestion=value,
            fix=fix,
        )


def _value_for(doc: Document, placeholder: Placeholder) -> tuple[str | None, str]:
    if placeholder.role == "customer":
        return doc.customer_name, "the customer's name"
    if placeholder.role == "agent":
        return doc.agent_name, "your name"
    return None, "the real value"


_OPENER = re.compile(r"\{\{|\{%|\{\$")
_CLOSERS = {"{{": "}}", "{%": "%}", "{$": "}"}
_STRAY_CLOSER = re.compile(r"\}\}|%\}")


def malformed_placeholders(doc: Document) -> Iterator[Diagnostic]:
    """Placeholders whose braces do not pair up: "{{first_name}", "{{ name }",
    "{%customer.firstName" with no "%}". Well-formed ones were found by the Document;
    this looks at the text with them put back."""
    text = _with_placeholders(doc)
    whole = {(p.span.start, p.span.end) for p in doc.placeholders}
    claimed: set[int] = set()
    for opener in _OPENER.finditer(text):
        if opener.start() in claimed:
            continue
        closer = _CLOSERS[opener.group()]
        line_end = text.find("\n", opener.end())
        line_end = len(text) if line_end == -1 else line_end
        close_at = text.find(closer, opener.end(), line_end)
        next_open = _OPENER.search(text, opener.end(), line_end)
        if close_at != -1 and (next_open is None or next_open.start() >= close_at):
            end = close_at + len(closer)
            claimed.update(range(opener.start(), end))
            if (opener.start(), end) in whole or text[opener.end() : close_at].strip("{}% ") == "":
                continue
            if text[end : end + 1] != "}" and not text[opener.end() : close_at].count("{"):
                continue  # well-formed though outside the Document's families; not ours to judge
        end = _end_of_broken(text, opener.end(), line_end)
        claimed.update(range(opener.start(), end))
        yield _malformed_diagnostic(Span(opener.start(), end), text[opener.start() : end], closer)
    for stray in _STRAY_CLOSER.finditer(text):
        if stray.start() in claimed or any(p.span.start <= stray.start() < p.span.end for p in doc.placeholders):
            continue
        start = _start_of_broken(text, stray.start())
        span = Span(start, stray.end())
        partner = "{{" if stray.group() == "}}" else "{%"
        yield _malformed_diagnostic(span, text[span.start : span.end], partner, closing=True)


def _with_placeholders(doc: Document) -> str:
    if not doc.placeholders:
        return doc.text
    pieces = []
    position = 0
    for placeholder in doc.placeholders:
        pieces.append(doc.text[position : placeholder.span.start])
        pieces.append(placeholder.raw)
        position = placeholder.span.end
    pieces.append(doc.text[position:])
    return "".join(pieces)


def _end_of_broken(text: str, after: int, line_end: int) -> int:
    """Where a broken placeholder ends: after its stray closing brace(s), or at the end of
    its name ("{{first_name Hi" ends before " Hi")."""
    with_closer = _BROKEN_WITH_CLOSER.match(text, after, line_end)
    if with_closer is not None:
        return with_closer.end()
    name_only = _BROKEN_NAME_ONLY.match(text, after, line_end)
    return name_only.end() if name_only is not None else after


_BROKEN_WITH_CLOSER = re.compile(r"\s*[\w.|:\"'=,\-]+(?:[ \t]+[\w.|:\"'=,\-]+){0,3}\s*[}%]+")
_BROKEN_NAME_ONLY = re.compile(r"\s*[\w.|:\"'=,\-]+")


def _start_of_broken(text: str, closer_start: int) -> int:
    line_start = text.rfind("\n", 0, closer_start) + 1
    match = re.compile(r"[{%]*[\w.|:\"'=,\-]+\s*$").search(text, line_start, closer_start)
    return match.start() if match else closer_start


def _malformed_diagnostic(span: Span, written: str, partner: str, *, closing: bool = False) -> Diagnostic:
    if closing:
        message = f"{written} closes a placeholder that was never opened; it should start with {partner}."
    else:
        message = f"{written} is a broken placeholder; it should end with {partner}, or the helpdesk sends it as typed."
    name = re.sub(r"[{}%$]", "", written).strip()
    suggestion = None
    if name and re.fullmatch(r"[\w.|:\"'=, \-]+", name):
        pair = "{{" if partner in ("{{", "}}") else "{%" if partner in ("{%", "%}") else "{$"
        suggestion = f"{pair}{name}{_CLOSERS[pair]}"
    return finding("malformed-placeholder", span, message, suggestion=suggestion)
