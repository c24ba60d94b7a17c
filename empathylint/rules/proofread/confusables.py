"""Real-word errors: a correctly spelt word where another was meant ("you account", "its
been", "more then", "Setup a PIN") or a word too many ("let us know which plan do you
need"), found by the rules of context in language/confusables."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from empathylint.diagnostics import Diagnostic, Edit, Fix
from empathylint.document import Document, Span
from empathylint.language.confusables import confusions, inverted_questions
from empathylint.language.grammar_frames import grammar_slips
from empathylint.rules.proofread.codes import finding, replacing
from empathylint.rules.proofread.settings import Settings
from empathylint.rules.proofread.spans import inside_any, quoted


def confused_words(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    sentence_starts = frozenset(doc.body_sentences.starts)
    found_words = confusions(doc.text, doc.body.start, doc.body.end, sentence_starts)
    in_quotes: list[Span] | None = None
    questions = inverted_questions(doc.text, doc.body.start, doc.body.end)
    for found in itertools.chain(found_words, questions, grammar_slips(doc.text, doc.body.start, doc.body.end)):
        if in_quotes is None:
            in_quotes = quoted(doc)
        if inside_any(found.start, found.end, in_quotes):
            continue
        span = Span(found.start, found.end)
        if not found.meant:
            # A word too many ("we suggest you to restart"): delete it with the space before it.
            lead = doc.text[max(0, found.start - 40) : found.start]
            spaces = len(lead) - len(lead.rstrip(" \t"))
            fix = Fix((Edit(found.start - spaces, found.end, ""),), safe=False)
            yield finding("confused-word", span, f'Delete "{found.written}" here: {found.why}', fix=fix)
            continue
        message = f'"{found.written}" here should be "{found.meant}": {found.why}'
        yield replacing("confused-word", span, message, found.meant, safe=False)
