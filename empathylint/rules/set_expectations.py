"""Say when they will hear back.

What it does: flags a promise to follow up with no when: "we're looking into it", "I've
passed this on", "we'll get back to you", "this has been escalated", "I'll keep you
posted", when nothing in the reply says by when ("by Thursday", "within 24 hours",
"tomorrow", "at 3pm"). "Soon" and "shortly" are not a when. A promise that hangs on
something that may never happen ("If anything changes, we'll keep you posted") leaves
nobody waiting and needs no when.

Why it matters: "we'll get back to you" with no time leaves the customer checking their
inbox and writing in again to ask. A time, even a time to say "no news yet", sets the
expectation and buys patience.

Example:
    I've passed this on to our billing team and we'll get back to you.

Use instead:
    I've passed this on to our billing team. I'll update you by Thursday, even if there's
    no news yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import Document, Span
from empathylint.language.phrases import phrase_matcher
from empathylint.language.timeframes import find_timeframe
from empathylint.language.vocabulary import default_phrases
from empathylint.rule import Code, Rule
from empathylint.rules._reply import quoted, sentence_at


@dataclass(frozen=True)
class Settings:
    # Promises to follow up that need a when.
    follow_up_phrases: tuple[str, ...] = field(default_factory=default_phrases("set-expectations", "follow-up-phrases"))
    # The timeframe to suggest.
    suggestion: str = "I'll update you by tomorrow at 5pm, even if there's no news yet."

    follow_up = phrase_matcher("follow_up_phrases")


# A condition before the promise, in its sentence: "If anything changes, we'll let you know".
_IF_SOMETHING_HAPPENS = re.compile(r"\b(?:if|should|in\s+case|in\s+the\s+event|unless)\b", re.IGNORECASE)


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    follow_up = settings.follow_up
    if follow_up is None:
        return
    promises = (
        (match, sentence_at(doc, match.start()) or Span(match.start(), match.end()))
        for match in follow_up.finditer(doc.text, doc.body.start, doc.body.end)
    )
    found = next(((m, s) for m, s in promises if not _IF_SOMETHING_HAPPENS.search(doc.text, s.start, m.start())), None)
    if found is None or find_timeframe(doc.text, [doc.body]) is not None:
        return
    promise, sentence = found
    yield RULE.diagnostic(
        "no-timeframe",
        Span(promise.start(), promise.end()),
        f'"{promise.group()}" with no when leaves the customer waiting and guessing; say when they will hear from you.',
        # A suggestion only, never an edit: a time is a commitment only the agent can make.
        suggestion=f"{quoted(doc, sentence)} {settings.suggestion}",
    )


RULE = Rule(
    group="set-expectations",
    item="expectations",
    codes=(
        Code(
            "no-timeframe",
            'A follow-up promise ("we\'ll get back to you") with no when.',
            Severity.WARNING,
        ),
    ),
    profiles=frozenset({"reply", "template"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
