"""Small helpers the empathy rules share: quoting the reply back, finding its sentences,
telling an automated notice from a person's reply."""

from __future__ import annotations

import bisect

from empathylint.document import Document, Span
from empathylint.language.notices import automated_notice_pattern


def quoted(doc: Document, span: Span) -> str:
    """The reply's own words for a span, for a suggestion: masked links and placeholders
    come back as written in the source, line breaks become spaces."""
    if doc.encoded_source:
        return " ".join(doc.text[span.start : span.end].split())
    start, end = doc.source_span(span.start, span.end)
    return " ".join(doc.source[start:end].split())


def sentence_at(doc: Document, offset: int) -> Span | None:
    """The body sentence holding a text offset."""
    index = _last_starting_at_or_before(doc, offset)
    if index >= 0 and offset < doc.body_sentences[index].end:
        return doc.body_sentences[index]
    return None


def run_in(doc: Document) -> Span | None:
    """The body's words in the sentence a greeting runs into ("@maria Hi there, we're sorry
    for the trouble."): that sentence starts before the body, so it is no body sentence."""
    first = doc.body_sentences[0].start if doc.body_sentences else doc.body.end
    if first > doc.body.start and doc.text[doc.body.start : first].strip():
        return Span(doc.body.start, first)
    return None


def neighbourhood(doc: Document, sentence: Span, before: int, after: int) -> list[Span]:
    """The sentence with up to `before` body sentences before it and `after` after it."""
    sentences = doc.body_sentences
    index = _last_starting_at_or_before(doc, sentence.start)
    if index < 0 or sentences[index] != sentence:
        raise ValueError(f"{sentence} is not a body sentence")
    return sentences[max(0, index - before) : index + after + 1]


def _last_starting_at_or_before(doc: Document, offset: int) -> int:
    """Body sentences follow one another without overlapping, so the one holding an offset
    is found by bisection: a scan per finding was quadratic on a long help article."""
    starts = doc.memo("body-sentence-starts", lambda: [sentence.start for sentence in doc.body_sentences])
    return bisect.bisect_right(starts, offset) - 1


def is_automated_notice(doc: Document) -> bool:
    """Whether the text says it is an automated message ("This is an automated message",
    "Please do not reply to this email"): a notice a system sends, not a person's reply."""
    return doc.memo("automated-notice", lambda: automated_notice_pattern().search(doc.text) is not None)
