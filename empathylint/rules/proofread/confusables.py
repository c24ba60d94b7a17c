"""Real-word errors: a correctly spelt word where another was meant ("you account", "its
been", "more then", "Setup a PIN") or a word too many ("let us know which plan do you
need"), found by the rules of context in language/confusables."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from empathylint.diagnostics import Diagnostic, Edit, Fix
from empathylint.document import Document, Span
from empathylint.language.confusables import confusions, inverted_questions
from empathylint.rules.proofread.codes import finding, replacing
from empathylint.rules.proofread.settings import Settings

# Words in double quotes on one line are someone else's, as they wrote them (the customer's
# "cant login", a button's label), not the writer's slip.
_QUOTED = re.compile(r'"[^"\n]{1,120}"|“[^”\n]{1,120}”')


def confused_words(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    sentence_starts = frozenset(doc.body_sentences.starts)
    found_words = confusions(doc.text, doc.body.start, doc.body.end, sentence_starts)
    quoted: list[re.Match[str]] | None = None
    for found in itertools.chain(found_words, inverted_questions(doc.text, doc.body.start, doc.body.end)):
        if quoted is None:
            quoted = list(_QUOTED.finditer(doc.text, doc.body.start, doc.body.end))
        if any(quote.start() < found.start and found.end < quote.end() for quote in quoted):
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
