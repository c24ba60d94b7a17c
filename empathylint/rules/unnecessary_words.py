"""Remove unnecessary words.

What it does: finds wordy phrases and filler words and cuts or shortens them: "in order
to" → "to", "at this point in time" → "now", "due to the fact that" → "because", "kindly" →
"please", "at your earliest convenience" → "when you can"; "please be advised that" and
"I wanted to reach out to let you know that" go entirely. Filler words ("really", "very",
"actually", "basically", "literally", "quite") go too. Every finding carries a safe fix that
keeps the sentence's capital and spacing: "Just restart it." → "Restart it.".

What stays silent, because there the word carries meaning: "just" anywhere but at the start
of a sentence or before a word of action ("just click", "just wanted to"), so "we just
shipped it" (recently), "just $5" (only), "just in case" and "just now" stay; intensifiers in
thanks, apologies and empathy ("thank you very much", "I'm really sorry", "that sounds really
frustrating"), where warmth is the point; "not really", "not quite", "quite a few"; and filler
in questions ("Did it actually go through?"), where it asks about what really happened.
"Simply" is left to negative-language, which reports it as condescension.

Why it matters: every extra word is one more thing a busy or stressed customer must read
before the answer. Filler and stock padding make a reply sound scripted; short and plain
sounds like a person who knows the fix.

Example:
    I just wanted to reach out to let you know that in order to reset it, you basically
    need to sign in again at your earliest convenience.

Use instead:
    To reset it, you need to sign in again when you can.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Fix, Severity
from empathylint.document import Document, Span
from empathylint.language.phrase_edits import (
    cut_edit,
    replacement_edit,
    rewritten_sentence,
    sentence_of,
    starts_sentence,
)
from empathylint.language.phrases import find_phrases, normalize, phrase_lookup, phrase_matcher, phrase_set
from empathylint.language.vocabulary import default_phrases, default_rewrites
from empathylint.rule import Code, Rule


@dataclass(frozen=True)
class Settings:
    # Each wordy phrase and its short form; an empty short form cuts the phrase.
    wordy: dict[str, str] = field(default_factory=default_rewrites("unnecessary-words", "wordy"))
    # Cut wherever they stand, except in questions and in the exceptions.
    filler_words: tuple[str, ...] = field(default_factory=default_phrases("unnecessary-words", "filler-words"))
    # Filler only at the start of a sentence or before one of the action words ("just click").
    filler_before_action: tuple[str, ...] = field(
        default_factory=default_phrases("unnecessary-words", "filler-before-action")
    )
    action_words: tuple[str, ...] = field(default_factory=default_phrases("unnecessary-words", "action-words"))
    # Words whose warmth depends on what follows them ("really sorry", "very glad").
    intensifiers: tuple[str, ...] = field(default_factory=default_phrases("unnecessary-words", "intensifiers"))
    # Where "really", "very" and "quite" carry warmth: thanks, apologies and empathy.
    keep_intensifier_before: tuple[str, ...] = field(
        default_factory=default_phrases("unnecessary-words", "keep-intensifier-before")
    )
    # Phrases in which a filler word or a wordy phrase means something; never flagged.
    exceptions: tuple[str, ...] = field(default_factory=default_phrases("unnecessary-words", "exceptions"))

    wordy_matcher = phrase_matcher("wordy")
    wordy_rewrites = phrase_lookup("wordy")
    filler_matcher = phrase_matcher("filler_words", "filler_before_action")
    before_action = phrase_set("filler_before_action")
    action_word_set = phrase_set("action_words")
    keep_intensifier_set = phrase_set("keep_intensifier_before")
    intensifier_set = phrase_set("intensifiers")
    exceptions_matcher = phrase_matcher("exceptions")


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    text = doc.text
    kept_phrases = [Span(m.start(), m.end()) for m in find_phrases(settings.exceptions_matcher, text, doc.body)]
    taken = _TakenSpans(kept_phrases)
    for match in find_phrases(settings.wordy_matcher, text, doc.body):
        span = Span(match.start(), match.end())
        if taken.overlaps(span):
            continue
        taken.add(span)
        yield _wordy(doc, span, settings.wordy_rewrites[normalize(match.group())])
    for match in find_phrases(settings.filler_matcher, text, doc.body):
        span = Span(match.start(), match.end())
        word = normalize(match.group())
        if taken.overlaps(span) or _in_question(doc, span):
            continue
        following = _next_word(text, span.end)
        if word in settings.before_action and not (
            starts_sentence(text, span.start) or following in settings.action_word_set
        ):
            continue
        if word in settings.intensifier_set and following in settings.keep_intensifier_set:
            continue
        taken.add(span)
        yield _filler(doc, span)


def _wordy(doc: Document, span: Span, rewrite: str) -> Diagnostic:
    phrase = " ".join(doc.slice(span).split())
    edit = replacement_edit(doc, span, rewrite)
    if rewrite and len(phrase.split()) == 1:
        message = f'"{phrase}" sounds stiff; "{rewrite}" is plainer.'
    elif rewrite:
        message = f'"{phrase}" says in many words what "{rewrite}" says in few.'
    else:
        message = f'"{phrase}" delays the point; start with what you want to tell them.'
    return RULE.diagnostic(
        "wordy", span, message, suggestion=rewritten_sentence(doc, span, edit), fix=Fix((edit,), safe=True)
    )


def _filler(doc: Document, span: Span) -> Diagnostic:
    edit = cut_edit(doc, span)
    return RULE.diagnostic(
        "filler",
        span,
        f'"{doc.slice(span)}" adds nothing here; cut it.',
        suggestion=rewritten_sentence(doc, span, edit),
        fix=Fix((edit,), safe=True),
    )


def _next_word(text: str, index: int) -> str:
    position = index
    while position < len(text) and text[position] in " \t":
        position += 1
    end = position
    while end < len(text) and (text[end].isalpha() or text[end] in "'’"):
        end += 1
    return normalize(text[position:end])


def _in_question(doc: Document, span: Span) -> bool:
    sentence = sentence_of(doc, span)
    return doc.text[sentence.start : sentence.end].rstrip("\"'”’)] ").endswith("?")


class _TakenSpans:
    """Spans already reported or kept, none overlapping another, in text order; asked
    about by bisection, since a long help article has thousands of findings."""

    def __init__(self, spans: list[Span]) -> None:
        self._spans = sorted(spans, key=lambda span: span.start)
        self._starts = [span.start for span in self._spans]

    def overlaps(self, span: Span) -> bool:
        # The only candidate is the last span starting before this one ends: being apart
        # from each other, the spans that start earlier also end earlier.
        before = bisect.bisect_left(self._starts, span.end)
        return before > 0 and self._spans[before - 1].end > span.start

    def add(self, span: Span) -> None:
        index = bisect.bisect_left(self._starts, span.start)
        self._starts.insert(index, span.start)
        self._spans.insert(index, span)


RULE = Rule(
    group="unnecessary-words",
    item="concise",
    codes=(
        Code("wordy", 'A long way to say something short ("in order to" → "to").', Severity.WARNING, "safe"),
        Code("filler", 'A word that adds nothing ("basically", "really").', Severity.INFO, "safe"),
    ),
    profiles=frozenset({"reply", "template", "doc"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
