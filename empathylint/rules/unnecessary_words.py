"""Remove unnecessary words.

What it does: finds wordy phrases and filler words and cuts or shortens them: "in order
to" → "to", "at this point in time" → "now", "due to the fact that" → "because", "kindly" →
"please", "attempt to" → "try to", "revert back" → "revert", doublets ("full and complete"
→ "complete"), "on a daily basis" → "daily"; openers that delay the point go entirely
("please be advised that", "I wanted to reach out to let you know that", "This is an
automated message from Acme to let you know that", "go ahead and"). Filler words go too:
intensifiers ("really", "very", "truly", "absolutely", "certainly", "so sorry"), "easily",
"basically" ("Basically, …" too), "actually" where it marks no contrast, "pretty" or "super" before a word they only
soften ("pretty easy", "super quick"), and "just" before an action ("just click", "just email us"). A sentence that
repeats one earlier in a reply is cut. Every finding carries a safe fix that keeps the
sentence's capital and spacing: "Just restart it." → "Restart it.".

What stays silent, because there the word carries meaning: "just" meaning "recently" or
"only" ("we just shipped it", "just $5", "just in case", "just now"); "actually" marking a
contrast ("it was actually counted", "this is actually a usage question"); "thank you very
much", "very well", "not really", "not quite", "quite a few", "more easily"; intensifiers
in thanks and empathy ("I really appreciate it", "that sounds really frustrating"); noun
uses ("an attempt to", "a pretty picture"); and "actually" or "really" in a question ("Did
it actually go through?"), where it asks about what really happened (a "very" there is
still filler). "Simply" is left to
negative-language, which reports it as condescension.

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
import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Document, Span
from empathylint.language.phrase_edits import (
    cut_edit,
    replacement_edit,
    rewritten_sentence,
    sentence_of,
    starts_sentence,
)
from empathylint.language.phrase_trie import PhraseTrie
from empathylint.language.phrases import compile_phrases, find_phrases, keyed_by_phrase, normalize
from empathylint.language.vocabulary import default_phrases, default_rewrites
from empathylint.language.wordiness import (
    basis_rewrite,
    is_gerund,
    is_past,
    marks_contrast,
    next_word,
    opens_sentence,
    repeated_sentences,
    softener_at,
    stretch_of_opener,
)
from empathylint.rule import Code, Rule
from empathylint.rules._reply import quoted


@dataclass(frozen=True)
class Settings:
    wordy: dict[str, str] = field(default_factory=default_rewrites("unnecessary-words", "wordy"))
    filler_words: tuple[str, ...] = field(default_factory=default_phrases("unnecessary-words", "filler-words"))
    filler_before_action: tuple[str, ...] = field(
        default_factory=default_phrases("unnecessary-words", "filler-before-action")
    )
    action_words: tuple[str, ...] = field(default_factory=default_phrases("unnecessary-words", "action-words"))
    filler_before_feeling: tuple[str, ...] = field(
        default_factory=default_phrases("unnecessary-words", "filler-before-feeling")
    )
    feeling_words: tuple[str, ...] = field(default_factory=default_phrases("unnecessary-words", "feeling-words"))
    softeners: tuple[str, ...] = field(default_factory=default_phrases("unnecessary-words", "softeners"))
    contrast_words: tuple[str, ...] = field(default_factory=default_phrases("unnecessary-words", "contrast-words"))
    affirmations: tuple[str, ...] = field(default_factory=default_phrases("unnecessary-words", "affirmations"))
    keep_intensifier_before: tuple[str, ...] = field(
        default_factory=default_phrases("unnecessary-words", "keep-intensifier-before")
    )
    kept_in_questions: tuple[str, ...] = field(
        default_factory=default_phrases("unnecessary-words", "kept-in-questions")
    )
    automated_openers: tuple[str, ...] = field(
        default_factory=default_phrases("unnecessary-words", "automated-openers")
    )
    exceptions: tuple[str, ...] = field(default_factory=default_phrases("unnecessary-words", "exceptions"))

    @functools.cached_property
    def matchers(self) -> _Matchers:
        """The lists compiled, once per settings object; a check only matches."""
        fillers = self.filler_words + self.filler_before_action + self.filler_before_feeling + self.contrast_words
        return _Matchers(
            exceptions=compile_phrases(self.exceptions),
            automated_openers=compile_phrases(self.automated_openers),
            wordy=compile_phrases(tuple(self.wordy)),
            rewrites=keyed_by_phrase(self.wordy),
            fillers=compile_phrases(fillers),
            before_action=frozenset(map(normalize, self.filler_before_action)),
            actions=frozenset(map(normalize, self.action_words)),
            before_feeling=frozenset(map(normalize, self.filler_before_feeling)),
            feelings=frozenset(map(normalize, self.feeling_words)),
            contrast=frozenset(map(normalize, self.contrast_words)),
            affirmations=frozenset(map(normalize, self.affirmations)),
            keep_after=frozenset(map(normalize, self.keep_intensifier_before)),
            asking=frozenset(map(normalize, self.kept_in_questions)),
            softeners=frozenset(map(normalize, self.softeners)),
        )


@dataclass(frozen=True)
class _Matchers:
    exceptions: PhraseTrie | None
    automated_openers: PhraseTrie | None
    wordy: PhraseTrie | None
    rewrites: Mapping[str, str]
    fillers: PhraseTrie | None
    before_action: frozenset[str]
    actions: frozenset[str]
    before_feeling: frozenset[str]
    feelings: frozenset[str]
    contrast: frozenset[str]
    affirmations: frozenset[str]
    keep_after: frozenset[str]
    asking: frozenset[str]
    softeners: frozenset[str]


_BASIS = re.compile(r"(?<![\w'’])on\s+an?\s+(?P<how>[^\W\d_][\w-]*)\s+basis(?![\w'’])", re.IGNORECASE)


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    text = doc.text
    matchers = settings.matchers
    kept_phrases = [Span(m.start(), m.end()) for m in find_phrases(matchers.exceptions, text, doc.body)]
    taken = _TakenSpans(kept_phrases)
    findings: list[Diagnostic] = []
    for span, rewrite in _wordy_spans(doc, matchers):
        if not taken.overlaps(span):
            taken.add(span)
            findings.append(_wordy(doc, span, rewrite))
    for span in _filler_spans(doc, matchers):
        if taken.overlaps(span) or (
            normalize(doc.slice(span)) in matchers.asking and _in_question(doc, span) and not _aside(doc, span)
        ):
            continue  # "Did it actually go through?" asks about what really happened
        taken.add(span)
        findings.append(_filler(doc, span))
    if doc.profile != "doc":
        for repeat in repeated_sentences(doc):
            if not taken.overlaps(repeat):
                taken.add(repeat)
                findings.append(_repeated(doc, repeat))
    yield from sorted(findings, key=lambda d: d.start)


def _wordy_spans(doc: Document, matchers: _Matchers) -> Iterator[tuple[Span, str]]:
    """Wordy phrases with their short forms, longest first where they start together."""
    text, body = doc.text, doc.body
    for match in find_phrases(matchers.automated_openers, text, body):
        opener = stretch_of_opener(text, Span(match.start(), match.end()), body)
        if opener is not None:
            yield opener, ""
    for match in find_phrases(matchers.wordy, text, body):
        yield Span(match.start(), match.end()), matchers.rewrites[normalize(match.group())]
    for match in _BASIS.finditer(text, body.start, body.end):
        rewrite = basis_rewrite(match.group("how"))
        if rewrite is not None:
            yield Span(match.start(), match.end()), rewrite


def _filler_spans(doc: Document, matchers: _Matchers) -> Iterator[Span]:
    text = doc.text
    for match in find_phrases(matchers.fillers, text, doc.body):
        span = Span(match.start(), match.end())
        word = normalize(match.group())
        following = next_word(text, span.end)
        alone = word in matchers.affirmations or text[span.end : span.end + 1] != ","
        if not following and alone and starts_sentence(text, span.start):
            continue  # "Definitely!" alone answers a question; "Basically, …" opens with filler
        if word in matchers.before_action and not (
            (opens_sentence(text, span.start) and not is_past(following))
            or following in matchers.actions
            or is_gerund(following)
        ):
            continue  # "Just sent you a DM" says "recently"
        if word in matchers.before_feeling and following not in matchers.feelings:
            continue
        if word in matchers.contrast and marks_contrast(text, span):
            continue
        if following in matchers.keep_after:
            continue
        yield span
    yield from softener_at(text, doc.body, matchers.softeners)


def _wordy(doc: Document, span: Span, rewrite: str) -> Diagnostic:
    phrase = quoted(doc, span)
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
        f'"{quoted(doc, span)}" adds nothing here; cut it.',
        suggestion=rewritten_sentence(doc, span, edit),
        fix=Fix((edit,), safe=True),
    )


def _repeated(doc: Document, sentence: Span) -> Diagnostic:
    # The sentence goes with the space before it, so the paragraph closes up.
    start = sentence.start
    while start > doc.body.start and doc.text[start - 1] in " \t":
        start -= 1
    edit = Edit(start, sentence.end, "")
    return RULE.diagnostic(
        "wordy",
        sentence,
        "This sentence says again what an earlier one said; cut it.",
        suggestion="(delete the sentence)",
        fix=Fix((edit,), safe=True),
    )


def _aside(doc: Document, span: Span) -> bool:
    """ "Actually, could you send a screenshot?": opening the sentence before a comma, the word
    asks nothing about what really happened."""
    return opens_sentence(doc.text, span.start) and doc.text[span.end : span.end + 1] == ","


def _in_question(doc: Document, span: Span) -> bool:
    """Whether the sentence ends in "?", closing quotes and brackets aside (read from its end,
    not copied: a long sentence holds many findings)."""
    end = sentence_of(doc, span).end
    while end > span.end and doc.text[end - 1] in "\"'”’)] ":
        end -= 1
    return doc.text[end - 1 : end] == "?"


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
        # Info, like filler: a reviewer shortens "in order to" but sends the reply as it is
        # (bench/accuracy/LABELING.md), so it never blocks a draft from being ready to send.
        Code("wordy", 'A long way to say something short ("in order to" → "to").', Severity.INFO, "safe"),
        Code("filler", 'A word that adds nothing ("basically", "really").', Severity.INFO, "safe"),
    ),
    profiles=frozenset({"reply", "template", "doc"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
