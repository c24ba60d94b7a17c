"""Exact edits that cut or replace a phrase inside a sentence and leave tidy prose behind.

Shared by the language rules (negative-language, unnecessary-words): cutting "Just" from
"Just restart it." must give "Restart it.", not " restart it."; cutting "actually" from
"It is, actually, fine" must give "It is fine". Each edit covers the fewest characters it can,
so it maps onto the source file and never overlaps a neighbouring finding's edit."""

from __future__ import annotations

import bisect
import re

from empathylint.diagnostics import Edit, apply_edits
from empathylint.document import CLOSING_MARKS, SENTENCE_CLOSERS, Document, Span
from empathylint.language.phrases import match_case

_AFTER_CUT = re.compile(r"[,:;]?[ \t]+")
_SENTENCE_REST_EMPTY = re.compile(f"[{re.escape(SENTENCE_CLOSERS)}]+[ \t]*")
_WORD = re.compile(r"\w+")


def starts_sentence(text: str, index: int) -> bool:
    """True when text[index] begins a sentence or a line: what follows a cut there needs a capital."""
    position = index - 1
    while position >= 0 and text[position] in " \t":
        position -= 1
    if position < 0 or text[position] == "\n":
        return True
    while position >= 0 and text[position] in CLOSING_MARKS:
        position -= 1
    return position >= 0 and text[position] in SENTENCE_CLOSERS


def replacement_edit(doc: Document, span: Span, replacement: str) -> Edit:
    """Replace the phrase with `replacement` (in the phrase's capitalisation), or cut it when empty."""
    if replacement:
        original = doc.text[span.start : span.end]
        return Edit(span.start, span.end, match_case(original, replacement))
    return cut_edit(doc, span)


def cut_edit(doc: Document, span: Span) -> Edit:
    """Delete the phrase with the spacing and punctuation that belonged to it."""
    text = doc.text
    if starts_sentence(text, span.start):
        return _cut_at_sentence_start(text, span)
    # Where the text before the phrase ends, spaces and tabs aside: stepped back to from the
    # phrase, since copying all the text before it cost a whole article per finding.
    before_end = span.start
    while before_end > 0 and text[before_end - 1] in " \t":
        before_end -= 1
    comma_before = before_end > 0 and text[before_end - 1] == ","
    if comma_before and text.startswith(",", span.end):
        # "It is, actually, fine": the commas only fenced the cut word off.
        return Edit(before_end - 1, span.end + 1, "")
    after = _AFTER_CUT.match(text, span.end)
    if after is not None and span.end < len(text) and text[span.end] not in ",:;":
        return Edit(span.start, after.end(), "")
    if after is not None and after.end() < len(text) and text[after.end()] not in "\n" + SENTENCE_CLOSERS:
        # "and really, it works": the comma went with the cut word.
        return Edit(span.start, after.end(), "")
    # Before the end of a sentence or line ("It's fine really.", "It works, really."): take the
    # space, and a comma that only led into the cut word, before it instead.
    start = before_end - 1 if comma_before else before_end
    return Edit(start, span.end, "")


def _cut_at_sentence_start(text: str, span: Span) -> Edit:
    after = _AFTER_CUT.match(text, span.end)
    end = after.end() if after is not None else span.end
    rest_empty = _SENTENCE_REST_EMPTY.match(text, end)
    if rest_empty is not None:
        # The phrase was the whole sentence ("Just wanted to let you know."): cut the sentence.
        return Edit(span.start, rest_empty.end(), "")
    if end < len(text) and _wants_capital(text, end):
        return Edit(span.start, end + 1, text[end].upper())
    return Edit(span.start, end, "")


def _wants_capital(text: str, index: int) -> bool:
    """A plain lowercase word ("restart"), not "iPhone" or "eBay", whose case is its own."""
    word = _WORD.match(text, index)
    return word is not None and text[index].islower() and not any(c.isupper() for c in word.group())


def sentence_of(doc: Document, span: Span) -> Span:
    """The sentence holding the span (or the span itself when no sentence does).

    Sentences follow one another without overlapping, so the only candidate is the last
    one starting at or before the span: found by bisection, as a help article of 10 MB
    has ~10^5 sentences and a finding in most of them."""
    sentences = doc.sentences
    index = bisect.bisect_right(sentences.starts, span.start) - 1
    if index >= 0 and sentences[index].contains(span):
        return sentences[index]
    return span


def rewritten_sentence(doc: Document, span: Span, edit: Edit) -> str:
    """The sentence around `span` as it reads after `edit`, for a finding's suggestion."""
    sentence = sentence_of(doc, span)
    window = clause_window(doc.text, sentence, edit)
    local = Edit(edit.start - window.start, edit.end - window.start, edit.replacement)
    rewritten = apply_edits(doc.text[window.start : window.end], [local]).strip()
    return framed(rewritten, window, sentence) if rewritten else "(delete the sentence)"


def framed(rewritten: str, window: Span, sentence: Span) -> str:
    """A rewrite of part of a sentence, with "…" where the sentence goes on."""
    return ("… " if window.start > sentence.start else "") + rewritten + (" …" if window.end < sentence.end else "")


# How much of a sentence a suggestion quotes on either side of its change.
SUGGESTION_CONTEXT = 80
_CLAUSE_BREAK = re.compile(r"[,;:—–]\s")


def clause_window(text: str, sentence: Span, edit: Edit) -> Span:
    """The sentence around the edit, cut to the clause holding it when the sentence is
    long: at most SUGGESTION_CONTEXT characters either side, cut between words. A long
    sentence is quoted only around the change: a suggestion carrying a 40,000-word
    sentence per finding made the output grow with the square of the sentence."""
    start = min(sentence.start, edit.start)
    end = max(sentence.end, edit.end)
    if edit.start - start > SUGGESTION_CONTEXT:
        low = edit.start - SUGGESTION_CONTEXT
        breaks = list(_CLAUSE_BREAK.finditer(text, low, edit.start))
        space = text.find(" ", low, edit.start)
        start = breaks[-1].end() if breaks else (space + 1 if space != -1 else low)
    if end - edit.end > SUGGESTION_CONTEXT:
        high = edit.end + SUGGESTION_CONTEXT
        clause = _CLAUSE_BREAK.search(text, edit.end, high)
        space = text.rfind(" ", edit.end, high)
        end = clause.start() + 1 if clause else (space if space > edit.end else high)
    return Span(start, end)
