"""Say no with a why.

What it does: flags a refusal ("we don't support", "that isn't possible", "we won't be
adding", "we're unable to") when neither a reason ("because", "since", "due to", "so
that") nor an alternative ("instead", "what you can do is", "you can", "a workaround")
stands in the same sentence, the one before or the two after.

Why it matters: a bare "no" sounds like a closed door and invites an argument. Honesty
beats a vague yes, and a reason makes the no fair; an alternative turns it into help.

Example:
    We don't support exporting to Excel.

Use instead:
    We don't support exporting to Excel because the reports use live formulas. What you can
    do instead is export to CSV, which Excel opens directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import Document, Span
from empathylint.language.phrases import any_phrase, find_phrases, phrase_matcher
from empathylint.language.vocabulary import default_phrases
from empathylint.rule import Code, Rule, bounded
from empathylint.rules._reply import neighbourhood, quoted, sentence_at


@dataclass(frozen=True)
class Settings:
    # Ways of saying no.
    refusals: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "refusals"))
    # Sentences with these are not refusals.
    not_refusals: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "not-refusals"))
    # A reason or an alternative near the refusal makes it a fair no.
    reasons: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "reasons"))
    # How many sentences around the refusal may hold the reason.
    sentences_before: int = bounded(1, minimum=0)
    sentences_after: int = bounded(2, minimum=0)
    # The reason to suggest.
    suggestion: str = "That's because … What you can do instead is …"

    refusal = phrase_matcher("refusals")
    not_refusal = phrase_matcher("not_refusals")
    reason = phrase_matcher("reasons")


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    refusal, not_refusal, reason = settings.refusal, settings.not_refusal, settings.reason
    flagged: set[Span] = set()
    for match in find_phrases(refusal, doc.text, doc.body):
        sentence = sentence_at(doc, match.start())
        if sentence is None or sentence in flagged:
            continue
        if not_refusal is not None and not_refusal.search(doc.text, sentence.start, sentence.end):
            continue
        nearby = neighbourhood(doc, sentence, settings.sentences_before, settings.sentences_after)
        if any_phrase(reason, doc.text, nearby):
            continue
        flagged.add(sentence)
        yield RULE.diagnostic(
            "no-reason",
            Span(match.start(), match.end()),
            f'"{match.group()}" is a no without a why; give the reason and, if you can, what they can do instead.',
            suggestion=f"{quoted(doc, sentence)} {settings.suggestion}",
        )


RULE = Rule(
    group="say-no-with-why",
    item="reasoned-no",
    codes=(Code("no-reason", "A refusal with no reason or alternative nearby.", Severity.WARNING),),
    profiles=frozenset({"reply", "template"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
