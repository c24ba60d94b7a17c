"""Real-word errors: a correctly spelt word where another was meant ("you account", "its
been", "more then", "Setup a PIN"), found by the rules of context in language/confusables."""

from __future__ import annotations

from collections.abc import Iterator

from empathylint.diagnostics import Diagnostic
from empathylint.document import Document, Span
from empathylint.language.confusables import confusions
from empathylint.rules.proofread.codes import replacing
from empathylint.rules.proofread.settings import Settings


def confused_words(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    sentence_starts = frozenset(sentence.start for sentence in doc.body_sentences)
    for found in confusions(doc.text, doc.body.start, doc.body.end, sentence_starts):
        message = f'"{found.written}" here should be "{found.meant}": {found.why}'
        yield replacing("confused-word", Span(found.start, found.end), message, found.meant, safe=False)
