"""Make sure you understood the request, and show it.

What it does: flags blunt clarification ("What do you mean?", "I don't understand",
"That doesn't make sense", "Please explain") and offers a rewrite that restates what you
did understand and asks for the rest. A reply that restates the request ("It sounds
like…", "If I understand correctly…", "So you'd like to…") shows understanding.

Why it matters: a blunt question puts the work of being understood back on the customer and
can read as if they explained badly. Restating shows you listened, and lets them correct
you in one line.

Example:
    What do you mean? Please explain.

Use instead:
    I want to make sure I understand you fully, so I can answer completely. It sounds like
    the export stops halfway; is that right?
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import Document, Span
from empathylint.language.phrases import any_phrase, find_phrases, phrase_matcher
from empathylint.language.vocabulary import default_phrases
from empathylint.rule import Code, Rule


@dataclass(frozen=True)
class Settings:
    # Clarifying questions that sound like the customer explained badly.
    blunt_phrases: tuple[str, ...] = field(default_factory=default_phrases("show-understanding", "blunt-phrases"))
    # What to ask instead.
    rewrite: str = (
        "I want to make sure I understand you fully, so I can answer completely. It sounds like … — is that right?"
    )
    # Restating the request shows understanding: a clarifying question in the same paragraph
    # as one of these is not blunt.
    restatement_phrases: tuple[str, ...] = field(
        default_factory=default_phrases("show-understanding", "restatement-phrases")
    )

    blunt = phrase_matcher("blunt_phrases")
    restatements = phrase_matcher("restatement_phrases")


# "If that doesn't make sense, reply and I'll walk you through it" is about our own
# explanation, not the customer's; "That doesn't make sense to me either" agrees with them.
_CONDITIONAL_BEFORE = re.compile(r"\b(?:if|in\s+case|unless|whether)\b", re.IGNORECASE)
_AGREEING_AFTER = re.compile(r"\s*(?:to\s+me\s+)?either\b", re.IGNORECASE)


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    for match in find_phrases(settings.blunt, doc.text, doc.body):
        sentence = _enclosing(doc.sentences, match.start())
        if _CONDITIONAL_BEFORE.search(doc.text, sentence.start, match.start()):
            continue
        if _AGREEING_AFTER.match(doc.text, match.end(), sentence.end):
            continue
        paragraph = _enclosing(doc.paragraphs, match.start())
        if any_phrase(settings.restatements, doc.text, [paragraph]):
            continue
        yield RULE.diagnostic(
            "blunt-clarification",
            Span(match.start(), match.end()),
            f'"{match.group().rstrip(".")}" can sound like the customer explained badly; '
            "restate what you understood and ask about the rest.",
            suggestion=settings.rewrite,
        )


def _enclosing(spans: Sequence[Span], offset: int) -> Span:
    """The sentence or paragraph holding an offset (a one-character span if none does)."""
    return next((span for span in spans if span.start <= offset < span.end), Span(offset, offset + 1))


RULE = Rule(
    group="show-understanding",
    item="understood",
    codes=(
        Code(
            "blunt-clarification",
            'A blunt request to clarify ("What do you mean?").',
            Severity.WARNING,
        ),
    ),
    profiles=frozenset({"reply", "template"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
