"""Thank them for writing.

What it does: checks that the reply thanks the customer near its opening: in the greeting
line or the first sentences of the body ("Thanks for reaching out", "Thank you for letting
us know", "I appreciate you flagging this", and their variants). A "Thanks!" that only
closes the reply does not count: it thanks them for reading, not for writing.

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

from collections.abc import Iterator
from dataclasses import dataclass

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import Document, Span
from empathylint.language.mood import mood_of
from empathylint.language.phrases import any_phrase, compile_phrases
from empathylint.rule import Code, Rule


@dataclass(frozen=True)
class Settings:
    opening_sentences: int
    thanks_phrases: tuple[str, ...]
    suggestion: str
    # Offered instead when the customer's message says they have written before.
    repeat_contact_suggestion: str


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    body = doc.body_sentences
    if not body:
        return
    opening = body[: settings.opening_sentences]
    if doc.greeting is not None:
        greeting_line_end = doc.text.find("\n", doc.greeting.start)
        if greeting_line_end != -1 and greeting_line_end > doc.greeting.end:
            opening = [Span(doc.greeting.start, greeting_line_end), *opening]
        else:
            opening = [doc.greeting, *opening]
    thanks = compile_phrases(settings.thanks_phrases)
    if any_phrase(thanks, doc.text, opening):
        return
    closes_with_thanks = doc.sign_off is not None and any_phrase(thanks, doc.text, [doc.sign_off])
    message = "Thank the customer for writing, near the start of the reply."
    if closes_with_thanks:
        message += ' A closing "Thanks" thanks them for reading, not for writing.'
    first = body[0]
    yield RULE.diagnostic(
        "missing-thanks",
        first,
        message,
        suggestion=f"{_thanks_for_this_customer(doc, settings)} {doc.slice(first)}",
    )


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
)
