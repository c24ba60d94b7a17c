"""Pair empathy with action.

What it does: flags a reply that offers sympathy or an apology and nothing to act on: no
steps (a list, or an instruction such as "Go to Settings"), no answer ("I've refunded…",
"is now fixed", "You can…"), no link, no commitment ("I'll…", "we will…"), no request
for what you need from them, and no timeframe. An apology that opens bad news ("We're
sorry, but your message didn't go through") is the news, not sympathy. It also points out
three or more sympathy statements in a row, which read as a script (a hint).

Why it matters: customers write in to get something solved. Sympathy instead of a fix
reads as hollow, and scripted sympathy breeds resentment. "Default to action": every
"I'm sorry" should come with what happens next.

Example:
    I'm so sorry about this. I completely understand how frustrating it is. We apologise
    for the inconvenience.

Use instead:
    I'm sorry about this. I've refunded the second charge; you'll see it within 5 days.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import OBJECT, Document, Span
from empathylint.language.phrases import phrase_matcher, phrase_set
from empathylint.language.timeframes import find_timeframe
from empathylint.language.vocabulary import default_phrases
from empathylint.rule import Code, Rule, bounded
from empathylint.rules._reply import quoted, run_in


@dataclass(frozen=True)
class Settings:
    # Sympathy and apology: the statements that need an action beside them.
    empathy_phrases: tuple[str, ...] = field(default_factory=default_phrases("hollow-empathy", "empathy-phrases"))
    # An apology that opens bad news ("We're sorry, but your message didn't go through") is
    # the news itself, not sympathy waiting for an action.
    bad_news_openers: tuple[str, ...] = field(default_factory=default_phrases("hollow-empathy", "bad-news-openers"))
    # What counts as doing something: commitments, requests, answers, explanations.
    action_phrases: tuple[str, ...] = field(default_factory=default_phrases("hollow-empathy", "action-phrases"))
    # A sentence that starts with one of these (after "Please", "Then"…) is a step.
    instruction_verbs: tuple[str, ...] = field(default_factory=default_phrases("hollow-empathy", "instruction-verbs"))
    # "I've …ed" that reports nothing done for the customer ("I've received", "I just wanted").
    not_done: tuple[str, ...] = field(default_factory=default_phrases("hollow-empathy", "not-done"))
    # How many sympathy statements in a row read as scripted.
    stacked_limit: int = bounded(3, minimum=1)
    # What to suggest after sympathy with no action.
    action_suggestion: str = "Here's what I've done: … I'll update you by tomorrow at 5pm."
    # Words before a step's verb: "Please click", "Then open", "Just try".
    lead_ins: tuple[str, ...] = field(default_factory=default_phrases("hollow-empathy", "lead-ins"))
    # What to suggest in place of stacked sympathy.
    pivot: str = "Let's get this sorted: …"

    empathy = phrase_matcher("empathy_phrases")
    bad_news = phrase_matcher("bad_news_openers")
    actions = phrase_matcher("action_phrases")
    instruction_verb_set = phrase_set("instruction_verbs")
    not_done_set = phrase_set("not_done")
    lead_in_set = phrase_set("lead_ins")


_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)
# "I've refunded", "we have just reset", "I went ahead and cancelled": something already done.
_DONE = re.compile(
    r"\b(?:I|we)(?:['’]ve|\s+have|\s+went\s+ahead\s+and|\s+just)\s+(?:just\s+|now\s+|already\s+|also\s+)?"
    r"(?P<verb>[a-z]+ed|sent|made|set|put|given|done|found|run|written|taken|built|rebuilt|shipped|paid|split)\b",
    re.IGNORECASE,
)


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    empathy = settings.empathy
    opening = run_in(doc)  # "Hi Ana, we're so sorry about this." is sympathy too
    sentences = [opening, *doc.body_sentences] if opening is not None else doc.body_sentences
    if empathy is None or not sentences:
        return
    bad_news = settings.bad_news
    sympathetic = [
        s
        for s in sentences
        if empathy.search(doc.text, s.start, s.end)
        and not (bad_news is not None and bad_news.search(doc.text, s.start, s.end))
    ]
    if not sympathetic:
        return
    if not has_action(doc, settings):
        first = sympathetic[0]
        yield RULE.diagnostic(
            "no-action",
            first,
            "Sympathy with nothing to act on reads as hollow; say what you've done, the next step, "
            "a link, or when they'll hear from you.",
            suggestion=f"{quoted(doc, first)} {settings.action_suggestion}",
        )
    yield from _stacked(doc, sentences, {s.start for s in sympathetic}, settings)


def has_action(doc: Document, settings: Settings) -> bool:
    """A step, an answer, a link, a commitment, a request or a timeframe in the reply's body."""
    body = doc.body
    text = doc.text
    if _LIST_ITEM.search(text, body.start, body.end):
        return True
    if _has_link(doc):
        return True
    if find_timeframe(text, [body]) is not None:
        return True
    if settings.actions is not None and settings.actions.search(text, body.start, body.end):
        return True
    if any(m.group("verb").lower() not in settings.not_done_set for m in _DONE.finditer(text, body.start, body.end)):
        return True
    return any(_opening_verb(doc.slice(s), settings) in settings.instruction_verb_set for s in doc.body_sentences)


def _has_link(doc: Document) -> bool:
    """A masked URL or email address in the body; placeholders are masked too, so they are set aside."""
    text, body = doc.text, doc.body
    offset = text.find(OBJECT, body.start, body.end)
    while offset != -1:
        if not any(p.span.start <= offset < p.span.end for p in doc.placeholders):
            return True
        offset = text.find(OBJECT, offset + 1, body.end)
    return False


def _opening_verb(sentence: str, settings: Settings) -> str:
    """The first word of a sentence after lead-ins such as "Please" or "Then"."""
    words = re.findall(r"[A-Za-z]+", sentence.lower())
    while words and words[0] in settings.lead_in_set:
        words.pop(0)
    return words[0] if words else ""


def _stacked(
    doc: Document, sentences: Sequence[Span], sympathetic: set[int], settings: Settings
) -> Iterator[Diagnostic]:
    run: list[Span] = []
    for sentence in [*sentences, None]:
        if sentence is not None and sentence.start in sympathetic:
            run.append(sentence)
            continue
        if len(run) >= settings.stacked_limit:
            yield RULE.diagnostic(
                "stacked-empathy",
                Span(run[0].start, run[-1].end),
                f"{len(run)} sympathy statements in a row read as scripted; keep the one that fits best "
                "and move on to the fix.",
                suggestion=f"{quoted(doc, run[0])} {settings.pivot}",
            )
        run = []


RULE = Rule(
    group="hollow-empathy",
    item="action",
    codes=(
        Code("no-action", "Sympathy or an apology with no step, answer, link or timeframe.", Severity.WARNING),
        Code("stacked-empathy", "Three or more sympathy statements in a row.", Severity.INFO),
    ),
    profiles=frozenset({"reply", "template"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
