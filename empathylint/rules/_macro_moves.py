"""The moves a stock reply is made of, sentence by sentence: a courtesy ("Sorry to hear
that!", "Hope this helps.") or a pointer elsewhere (a link, "Please send us an email",
"Check out this page"). A reply made of nothing else answers nobody in particular: the
same words could go to any customer who wrote about anything."""

from __future__ import annotations

import re

from empathylint.document import OBJECT, Document, Span
from empathylint.language.phrases import PhraseMatcher

_LETTERS = re.compile(r"[^\W\d_]{2,}")


def only_courtesy_and_pointers(doc: Document, courtesy: PhraseMatcher, pointers: PhraseMatcher) -> bool:
    """Whether every body sentence with words in it is a courtesy or points elsewhere (holds a
    link or a pointer phrase), and at least one points elsewhere. A placeholder is a
    deliberate slot the writer fills with the answer, so a sentence holding one answers."""
    pointed = False
    for sentence in doc.body_sentences:
        words = doc.slice(sentence)
        if not _LETTERS.search(words.replace(OBJECT, " ")):
            continue
        if _holds_link(doc, sentence, words) or (pointers is not None and pointers.search(words)):
            pointed = True
        elif courtesy is None or not courtesy.search(words) or doc.placeholders_in(sentence):
            return False
    return pointed


def _holds_link(doc: Document, sentence: Span, words: str) -> bool:
    """Whether the sentence holds masked text that is no placeholder: a link or an address."""
    if OBJECT not in words:
        return False
    slots = doc.placeholders_in(sentence)
    return any(
        char == OBJECT and not any(slot.span.start <= sentence.start + i < slot.span.end for slot in slots)
        for i, char in enumerate(words)
    )
