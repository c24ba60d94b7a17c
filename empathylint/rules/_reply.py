"""Small helpers the empathy rules share: quoting the reply back, finding its sentences."""

from __future__ import annotations

from empathylint.document import Document, Span


def quoted(doc: Document, span: Span) -> str:
    """The reply's own words for a span, for a suggestion: masked links and placeholders
    come back as written in the source, line breaks become spaces."""
    start, end = doc.source_span(span.start, span.end)
    return " ".join(doc.source[start:end].split())


def sentence_at(doc: Document, offset: int) -> Span | None:
    """The body sentence holding a text offset."""
    return next((s for s in doc.body_sentences if s.start <= offset < s.end), None)


def neighbourhood(doc: Document, sentence: Span, before: int, after: int) -> list[Span]:
    """The sentence with up to `before` body sentences before it and `after` after it."""
    sentences = doc.body_sentences
    index = sentences.index(sentence)
    return sentences[max(0, index - before) : index + after + 1]
