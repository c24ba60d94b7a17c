"""Acknowledge how an upset customer feels.

What it does: reads the customer's message (an email's quoted part, `>` lines, or the
context given on the command line) for signs they are upset: frustration and anger words,
"still", "again", "third time", "unacceptable", "cancel", ALL CAPS, "?!", profanity. When
they are, and the reply has no acknowledgement ("That sounds frustrating", "I can see
why…", "I'm sorry you've had to…"), it suggests one, followed by a pivot to action. With
no customer message, or a calm one, the rule has nothing to judge and stays silent.

Why it matters: an upset customer reads a reply that goes straight to the fix as if
nobody noticed how they feel. One honest sentence of acknowledgement, then action, lowers
the temperature; skipping it makes even a good fix feel cold.

Example:
    > This is the THIRD time my export has failed. Unacceptable.

    Hi Dana,
    Go to Reports > Export and pick CSV.

Use instead:
    Hi Dana,
    That sounds really frustrating, especially the third time. Let's get this sorted.
    Go to Reports > Export and pick CSV.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Document, Span
from empathylint.language.mood import mood_of
from empathylint.language.phrases import any_phrase, phrase_matcher
from empathylint.language.vocabulary import default_phrases
from empathylint.rule import Code, Rule
from empathylint.rules._reply import capitalised, quoted, run_in


@dataclass(frozen=True)
class Settings:
    # Sentences that acknowledge how the customer feels (anywhere in the reply).
    acknowledgements: tuple[str, ...] = field(
        default_factory=default_phrases("acknowledge-feelings", "acknowledgements")
    )
    # The acknowledgement to suggest.
    suggestion: str = "That sounds really frustrating. Let's get this sorted."

    acknowledgement = phrase_matcher("acknowledgements")


def applies_to(doc: Document) -> bool:
    mood = mood_of(doc)
    return mood is not None and mood.is_upset


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    mood = mood_of(doc)
    if mood is None or not mood.is_upset:
        return
    # A social reply can be one sentence the greeting runs into ("@maria Hi there, for sign-in
    # problems, see this article."): that sentence is where the acknowledgement goes.
    opening = run_in(doc)
    sentences = doc.body_sentences or ([opening] if opening is not None else [])
    if not sentences:
        return
    # The whole reply from its greeting: a greeting run into the first sentence ("@maria Hi
    # there, we're sorry for the trouble.") is no body sentence of its own, and the closing
    # above the name ("Sorry for the hassle,") acknowledges as much as the body.
    start = doc.greeting.start if doc.greeting is not None else doc.body.start
    end = doc.sign_off.end if doc.sign_off is not None else doc.body.end
    if any_phrase(settings.acknowledgement, doc.text, [Span(min(start, doc.body.start), max(end, doc.body.end))]):
        return
    first = sentences[0]
    signs = ", ".join(f'"{reason}"' for reason in mood.reasons("upset")[:3])
    # Written before a run-in sentence it would sit after "Hi there," in lower case: shown only.
    fix = Fix((Edit(first.start, first.start, settings.suggestion + " "),), safe=False) if first != opening else None
    yield RULE.diagnostic(
        "missing-acknowledgement",
        first,
        f"The customer sounds upset ({signs}); acknowledge how they feel in one sentence, then go to the fix.",
        suggestion=f"{settings.suggestion} {capitalised(quoted(doc, first))}",
        fix=fix,
    )


RULE = Rule(
    group="acknowledge-feelings",
    item="acknowledged",
    codes=(
        Code(
            "missing-acknowledgement",
            "An upset customer gets a reply that does not acknowledge how they feel.",
            Severity.WARNING,
            "unsafe",
        ),
    ),
    profiles=frozenset({"reply", "template"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
    applies_to=applies_to,
)
