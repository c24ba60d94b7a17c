"""Where a word stands: what the proofread checks share about the text around a span."""

from __future__ import annotations

import re

from empathylint.document import OBJECT, Document, Span

# Words in double quotes on one line are someone else's, as they wrote them (the customer's
# "cant login", a button's label), not the writer's slip.
_QUOTED = re.compile(r'"[^"\n]{1,120}"|“[^”\n]{1,120}”')


def touches_object(doc: Document, span: Span) -> bool:
    """Whether the span is glued to a masked object ("{{x}}s", "`npm`'s"): not a word of its own."""
    before = doc.text[span.start - 1] if span.start > 0 else ""
    after = doc.text[span.end] if span.end < len(doc.text) else ""
    return OBJECT in (before, after)


def quoted(doc: Document) -> list[Span]:
    """The body's stretches in double quotes on one line, in order (quotes included)."""
    return [Span(found.start(), found.end()) for found in _QUOTED.finditer(doc.text, doc.body.start, doc.body.end)]


def inside_any(start: int, end: int, stretches: list[Span]) -> bool:
    """Whether text[start:end] stands inside one of the stretches (not on its edge)."""
    return any(stretch.start < start and end < stretch.end for stretch in stretches)
