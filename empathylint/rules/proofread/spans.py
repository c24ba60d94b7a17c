"""Where a word stands: what the proofread checks share about the text around a span."""

from __future__ import annotations

from empathylint.document import OBJECT, Document, Span


def touches_object(doc: Document, span: Span) -> bool:
    """Whether the span is glued to a masked object ("{{x}}s", "`npm`'s"): not a word of its own."""
    before = doc.text[span.start - 1] if span.start > 0 else ""
    after = doc.text[span.end] if span.end < len(doc.text) else ""
    return OBJECT in (before, after)
