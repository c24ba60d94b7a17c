"""Thank them for writing.

What it does: checks that the reply thanks the customer near its opening: in the greeting
line or the first sentences of the body ("Thanks for reaching out", "Thank you for letting
us know", "I appreciate you flagging this", and their variants). In a short reply (a social
post, a chat message) a thanks anywhere counts. A "Thanks!" that only closes the reply does
not count: it thanks them for reading, not for writing; nor does "thanks in advance", which
thanks them for what they have yet to do, nor "thanks for using Acme" or "thanks for your
understanding". A notice the customer did not prompt (the notice channel, or a canned reply
that reads as one) has nothing to thank for and is not checked.

Why it matters: writing to support takes effort, and often some frustration. Thanking
them first recognises that effort and sets a friendly tone for the rest of the reply.

Example:
    Hi Maria,
    Your refund is on its way.

Use instead:
    Hi Maria,
    Thanks for letting us know about the double charge. Your refund is on its way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import Channel, Document, Span, count_words
from empathylint.language.mood import mood_of
from empathylint.language.notices import is_bot_comment
from empathylint.language.phrases import any_phrase, find_phrases, normalize, phrase_matcher, phrase_set
from empathylint.language.vocabulary import default_phrases
from empathylint.rule import Code, Rule, bounded
from empathylint.rules._reply import capitalised, is_automated_notice, quoted


@dataclass(frozen=True)
class Settings:
    # How many sentences of the body, after the greeting line, count as the opening.
    opening_sentences: int = bounded(2, minimum=1)
    # What thanks the customer.
    thanks_phrases: tuple[str, ...] = field(default_factory=default_phrases("thank-them", "thanks-phrases"))
    # Thanks for what the customer has yet to do ("thanks in advance"), for being a customer
    # ("thanks for using Acme") or for accepting a no ("thanks for understanding"): not for writing.
    not_thanks_phrases: tuple[str, ...] = field(default_factory=default_phrases("thank-them", "not-thanks-phrases"))
    # A sentence that is only one of these ("Thanks!", "Thank you.") closes the reply when it
    # is the body's last; it counts only at the opening.
    closing_thanks: tuple[str, ...] = field(default_factory=default_phrases("thank-them", "closing-thanks"))
    # A reply of at most this many words is short (a social post, a chat message): a thanks
    # anywhere in it counts.
    short_reply_words: int = bounded(60, minimum=0)
    # Channels where a missing thanks is reported as info, so it does not hold a short
    # public post or a chat message back.
    info_on_channels: tuple[Channel, ...] = ("chat", "social")
    # The thanks to suggest when the opening has none.
    suggestion: str = "Thanks for reaching out."
    # Offered instead when the customer's message says they have written before.
    repeat_contact_suggestion: str = "Thank you for your patience."

    thanks = phrase_matcher("thanks_phrases")
    not_thanks = phrase_matcher("not_thanks_phrases")
    closing_thanks_set = phrase_set("closing_thanks")


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    body = doc.body_sentences
    if not body:
        return
    if any(_thanks_in(doc, sentence, settings) for sentence in _where_thanks_count(doc, body, settings)):
        return
    closes_with_thanks = doc.sign_off is not None and any_phrase(settings.thanks, doc.text, [doc.sign_off])
    message = "Thank the customer for writing, near the start of the reply."
    if closes_with_thanks:
        message += ' A closing "Thanks" thanks them for reading, not for writing.'
    first = body[0]
    finding = RULE.diagnostic(
        "missing-thanks",
        first,
        message,
        suggestion=f"{_thanks_for_this_customer(doc, settings)} {capitalised(quoted(doc, first).lstrip(',;:–— '))}",
    )
    # A bot's comment on an issue may go out without thanks: a hint, not a reason to hold it.
    nicety = doc.channel in settings.info_on_channels or is_bot_comment(doc)
    yield replace(finding, severity=Severity.INFO) if nicety else finding


def _where_thanks_count(doc: Document, body: Sequence[Span], settings: Settings) -> list[Span]:
    """The greeting and the opening sentences of the body; in a short reply, every sentence
    but a closing "Thanks!"."""
    opening = list(body[: settings.opening_sentences])
    if count_words(doc.slice(doc.body)) <= settings.short_reply_words:
        last = body[-1]
        opening = list(body if len(body) == 1 or not _is_closing_thanks(doc, last, settings) else body[:-1])
    if doc.greeting is None:
        return opening
    # "Hi José, thanks for writing!" and "Hi Maria,\nThanks for the screenshots!" are one
    # sentence that starts in the greeting: the body's sentences do not hold its thanks.
    greeting_end = doc.greeting.end
    around = next((s for s in doc.sentences if s.start < greeting_end < s.end), None)
    return [Span(doc.greeting.start, max(greeting_end, around.end if around else 0)), *opening]


def _is_closing_thanks(doc: Document, sentence: Span, settings: Settings) -> bool:
    words = re.sub(r"[^\w\s'’]", " ", doc.slice(sentence))
    return normalize(words) in settings.closing_thanks_set


def _thanks_in(doc: Document, span: Span, settings: Settings) -> bool:
    excluded = [Span(m.start(), m.end()) for m in find_phrases(settings.not_thanks, doc.text, span)]
    return any(
        not any(e.start <= m.start() < e.end for e in excluded) for m in find_phrases(settings.thanks, doc.text, span)
    )


def applies_to(doc: Document) -> bool:
    """An automated notice the customer did not prompt ("your post was hidden") has nothing
    to thank them for."""
    return not is_automated_notice(doc)


def _thanks_for_this_customer(doc: Document, settings: Settings) -> str:
    """ "Thanks for reaching out" to someone writing for the third time reads as if nobody
    noticed: a customer who has written before is thanked for their patience."""
    mood = mood_of(doc)
    if mood is not None and any(cue.reason == "repeated contact" for cue in mood.cues):
        return settings.repeat_contact_suggestion
    return settings.suggestion


RULE = Rule(
    group="thank-them",
    item="thanks",
    codes=(Code("missing-thanks", "No thanks for writing near the opening.", Severity.WARNING),),
    profiles=frozenset({"reply", "template"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
    applies_to=applies_to,
)
