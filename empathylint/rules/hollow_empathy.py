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
from collections.abc import Iterator
from dataclasses import dataclass

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import OBJECT, Document, Span
from empathylint.language.phrases import compile_phrases
from empathylint.language.timeframes import find_timeframe
from empathylint.rule import Code, Rule
from empathylint.rules._reply import quoted


@dataclass(frozen=True)
class Settings:
    empathy_phrases: tuple[str, ...]
    bad_news_openers: tuple[str, ...]
    action_phrases: tuple[str, ...]
    instruction_verbs: tuple[str, ...]
    not_done: tuple[str, ...]
    stacked_limit: int
    action_suggestion: str
    pivot: str


_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)
# "I've refunded", "we have just reset", "I went ahead and cancelled": something already done.
_DONE = re.compile(
    r"\b(?:I|we)(?:['’]ve|\s+have|\s+went\s+ahead\s+and|\s+just)\s+(?:just\s+|now\s+|already\s+|also\s+)?"
    r"(?P<verb>[a-z]+ed|sent|made|set|put|given|done|found|run|written|taken|built|rebuilt|shipped|paid|split)\b",
    re.IGNORECASE,
)
_LEAD_INS = ("please", "just", "then", "first", "next", "now", "simply", "and", "so")


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    empathy = compile_phrases(settings.empathy_phrases)
    sentences = doc.body_sentences
    if empathy is None or not sentences:
        return
    bad_news = compile_phrases(settings.bad_news_openers)
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
    actions = compile_phrases(settings.action_phrases)
    if actions is not None and actions.search(text, body.start, body.end):
        return True
    not_done = {word.lower() for word in settings.not_done}
    if any(m.group("verb").lower() not in not_done for m in _DONE.finditer(text, body.start, body.end)):
        return True
    verbs = {verb.lower() for verb in settings.instruction_verbs}
    return any(_opening_verb(doc.slice(s)) in verbs for s in doc.body_sentences)


def _has_link(doc: Document) -> bool:
    """A masked URL or email address in the body; placeholders are masked too, so they are set aside."""
    text, body = doc.text, doc.body
    offset = text.find(OBJECT, body.start, body.end)
    while offset != -1:
        if not any(p.span.start <= offset < p.span.end for p in doc.placeholders):
            return True
        offset = text.find(OBJECT, offset + 1, body.end)
    return False


def _opening_verb(sentence: str) -> str:
    """The first word of a sentence after lead-ins such as "Please" or "Then"."""
    words = re.findall(r"[A-Za-z]+", sentence.lower())
    while words and words[0] in _LEAD_INS:
        words.pop(0)
    return words[0] if words else ""


def _stacked(doc: Document, sentences: list[Span], sympathetic: set[int], settings: Settings) -> Iterator[Diagnostic]:
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
