"""Spelling: words that are misspelt, found and corrected only in prose."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from empathylint.diagnostics import Diagnostic, Edit, Fix
from empathylint.document import Document, Span, word_matches
from empathylint.language import spelling
from empathylint.rules.proofread.codes import finding
from empathylint.rules.proofread.settings import Settings
from empathylint.rules.proofread.spans import touches_object


def misspellings(doc: Document, settings: Settings, leftovers: list[Span]) -> Iterator[Diagnostic]:
    known = spelling.vocabulary(settings.words)
    # Nearly every word is spelt right, and a word that is known is never reported wherever
    # it stands: one cached look-up settles it before the tests of where it stands.
    unknown = [
        Span(word.start(), word.end())
        for word in word_matches(doc.text, doc.body)
        if not spelling.is_known(word.group(), known)
    ]
    if not unknown:
        return
    sentence_starts = {s.start for s in doc.body_sentences}
    # "Lorem ipsum dolor sit amet." is reported once as a leftover, not word by word.
    filler = _sentences_holding(doc.body_sentences, [left.start for left in leftovers])
    to_check = [
        span for span in unknown if _worthspelling(doc, span, sentence_starts) and not _within_any(span, filler)
    ]
    if not to_check:
        return
    # Only a capitalised word (opening a sentence: others were left out) needs this.
    capitalised = any(doc.text[span.start].isupper() for span in to_check)
    mid_sentence = _words_mid_sentence(doc, sentence_starts) if capitalised else set()
    for span in to_check:
        word = doc.slice(span)
        if word in mid_sentence and word[0].isupper():
            continue  # a name that also opens a sentence ("Stripe handles it. We use Stripe.")
        parts = _parts(word, span)
        if all(spelling.is_known(part, known) for _, part in parts):
            continue
        for part_span, part in parts:
            if spelling.is_known(part, known):
                continue
            suggestion = spelling.correction(part)
            if suggestion is None and part[0].isupper():
                continue  # an unknown capitalised word with no near neighbour is a name
            yield _spelling_diagnostic(part_span, part, suggestion)


def _words_mid_sentence(doc: Document, sentence_starts: set[int]) -> set[str]:
    """Every word of the body that does not open a sentence, as written."""
    return {word.group() for word in word_matches(doc.text, doc.body) if word.start() not in sentence_starts}


def _sentences_holding(sentences: list[Span], offsets: list[int]) -> list[Span]:
    """The sentences (in order, not overlapping) that hold one of the offsets, in order: each
    offset's only candidate is the last sentence starting at or before it, found by bisection."""
    starts = [sentence.start for sentence in sentences]
    holding: set[int] = set()
    for offset in offsets:
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < sentences[index].end:
            holding.add(index)
    return [sentences[index] for index in sorted(holding)]


def _within_any(span: Span, sentences: list[Span]) -> bool:
    """Whether one of the sentences (in order, not overlapping) contains the span."""
    index = bisect.bisect_right(sentences, span.start, key=lambda sentence: sentence.start) - 1
    return index >= 0 and sentences[index].contains(span)


def _worthspelling(doc: Document, span: Span, sentence_starts: set[int]) -> bool:
    # Called for every word of every reply: the cheap string-method tests come first.
    word = doc.slice(span)
    if len(word) < 2 or not word.isascii():
        return False  # English is typed in ASCII; "journée", "Straße" are another language's words or names
    if not word.isalpha() and any(c.isdigit() or c == "_" for c in word):
        return False
    rest = word[1:]
    if rest != rest.lower():
        # iPhone, McDonald, HubSpot; and acronyms (two or more letters, all capitals, so one
        # of them after the first): shouting is its own check.
        return False
    if touches_object(doc, span):
        return False
    if span.start > 0 and doc.text[span.start - 1] == ".":
        return False  # a file extension or a domain's part: "(.xlsx)", "ends in .edu", "example.de"
    return not (word[0].isupper() and span.start not in sentence_starts)


def _parts(word: str, span: Span) -> list[tuple[Span, str]]:
    """A hyphenated word's parts, each checked alone ("step-by-step", "re-sent")."""
    if "-" not in word:
        return [(span, word)]
    found = []
    offset = 0
    for part in word.split("-"):
        if part:
            found.append((Span(span.start + offset, span.start + offset + len(part)), part))
        offset += len(part) + 1
    return [(s, p) for s, p in found if len(p) > 1]


def _spelling_diagnostic(span: Span, word: str, suggestion: str | None) -> Diagnostic:
    if suggestion is None:
        return finding(
            "spelling",
            span,
            f'"{word}" is not in the dictionary; fix it, or add it to `words` in [rules.proofread] if it is right.',
        )
    return finding(
        "spelling",
        span,
        f'"{word}" looks misspelt; did you mean "{suggestion}"? (If it is right, add it to `words`.)',
        suggestion=suggestion,
        fix=Fix((Edit(span.start, span.end, suggestion),), safe=False),
    )
