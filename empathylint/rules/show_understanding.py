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

from collections.abc import Iterator
from dataclasses import dataclass

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import Document, Span
from empathylint.phrases import compile_phrases, find_phrases
from empathylint.rule import Code, Rule


@dataclass(frozen=True)
class Settings:
    blunt_phrases: tuple[str, ...]
    rewrite: str


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    blunt = compile_phrases(settings.blunt_phrases)
    for match in find_phrases(blunt, doc.text, doc.body):
        yield RULE.diagnostic(
            "blunt-clarification",
            Span(match.start(), match.end()),
            f'"{match.group()}" can sound like the customer explained badly; '
            "restate what you understood and ask about the rest.",
            suggestion=settings.rewrite,
        )


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
