"""Apologise once, and only for what is yours.

What it does: counts the apologies in a reply ("sorry", "I apologise", "apologies for",
"we regret") and flags each one past the first; flags apologies for things that are not
the company's fault ("Sorry for your question") and non-apologies that blame the
customer's feelings ("I'm sorry you feel that way"), with a rewrite. "No need to
apologise" is not an apology.

Why it matters: one sincere apology shows you own the problem. Three read as a script, make
the reply longer than the fix, and start to sound like the customer is being managed. An
apology for their question tells them that writing in was a nuisance.

Example:
    I'm sorry for the delay. Apologies for the confusion. Sorry for your question!

Use instead:
    I'm sorry for the delay. Thanks for your question! Here's how to export your invoices: …
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Document, Span
from empathylint.language.phrases import find_phrases, match_case, normalize, phrase_lookup, phrase_matcher
from empathylint.language.vocabulary import default_phrases, default_rewrites
from empathylint.rule import Code, Rule, bounded
from empathylint.rules._reply import run_in


@dataclass(frozen=True)
class Settings:
    # Apologies a reply needs; each one past this is flagged.
    max_apologies: int = bounded(1, minimum=0)
    # What counts as an apology (one per sentence).
    apology_phrases: tuple[str, ...] = field(default_factory=default_phrases("over-apology", "apology-phrases"))
    # Sentences with these are not apologies.
    not_apologies: tuple[str, ...] = field(default_factory=default_phrases("over-apology", "not-apologies"))
    # A second apology that can become thanks.
    apology_rewrites: dict[str, str] = field(default_factory=default_rewrites("over-apology", "apology-rewrites"))
    # Apologies for what is not a fault, and non-apologies, with what to say instead.
    misplaced_apologies: dict[str, str] = field(default_factory=default_rewrites("over-apology", "misplaced-apologies"))

    apology = phrase_matcher("apology_phrases")
    not_apology = phrase_matcher("not_apologies")
    rewrites = phrase_matcher("apology_rewrites")
    rewrite_for = phrase_lookup("apology_rewrites")
    misplaced = phrase_matcher("misplaced_apologies")
    misplaced_rewrite_for = phrase_lookup("misplaced_apologies")


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    apology, not_apology = settings.apology, settings.not_apology
    if apology is None:
        return
    apologies: list[Span] = []
    opening = run_in(doc)
    for sentence in [*([opening] if opening else []), *doc.body_sentences, *_closing_words(doc)]:
        if not_apology is not None and not_apology.search(doc.text, sentence.start, sentence.end):
            continue
        match = apology.search(doc.text, sentence.start, sentence.end)
        if match is not None:
            apologies.append(sentence)
    for match in find_phrases(settings.misplaced, doc.text, doc.body):
        yield _not_our_fault(match, settings)
    total = len(apologies)
    for extra in apologies[settings.max_apologies :]:
        yield _repeated(doc, extra, total, settings)


def _closing_words(doc: Document) -> list[Span]:
    """The closing line above the name ("Sorry again,"), which apologises as much as the body."""
    if doc.sign_off is None or doc.sign_off_name is None or doc.sign_off_name.start <= doc.sign_off.start:
        return []
    closing = doc.text[doc.sign_off.start : doc.sign_off_name.start].rstrip()
    return [Span(doc.sign_off.start, doc.sign_off.start + len(closing))]


def _not_our_fault(match: re.Match[str], settings: Settings) -> Diagnostic:
    replacement = match_case(match.group(), settings.misplaced_rewrite_for[normalize(match.group())])
    return RULE.diagnostic(
        "not-our-fault",
        Span(match.start(), match.end()),
        f'"{match.group()}" apologises for something that is not a fault; '
        "thank them, or apologise for what went wrong on our side.",
        suggestion=replacement,
        fix=Fix((Edit(match.start(), match.end(), replacement),), safe=False),
    )


def _repeated(doc: Document, sentence: Span, total: int, settings: Settings) -> Diagnostic:
    message = (
        f"{total} apologies in one reply read as scripted; keep {_count(settings.max_apologies)} "
        "and turn this one into thanks or a step."
    )
    rewrites = settings.rewrites
    rewrite = rewrites.search(doc.text, sentence.start, sentence.end) if rewrites is not None else None
    # Only a stock apology that ends its sentence can become thanks without leaving a dangling
    # "…this may have caused".
    if rewrite is None or doc.text[rewrite.end() : sentence.end].strip(" .!,"):
        return RULE.diagnostic(
            "repeated-apology",
            sentence,
            message,
            suggestion="(drop this apology; say what you're doing about it instead)",
        )
    replacement = match_case(rewrite.group(), settings.rewrite_for[normalize(rewrite.group())])
    suggested = doc.text[sentence.start : rewrite.start()] + replacement + doc.text[rewrite.end() : sentence.end]
    return RULE.diagnostic(
        "repeated-apology",
        sentence,
        message,
        suggestion=suggested,
        fix=Fix((Edit(rewrite.start(), rewrite.end(), replacement),), safe=False),
    )


def _count(number: int) -> str:
    return {1: "one", 2: "two", 3: "three"}.get(number, str(number))


RULE = Rule(
    group="over-apology",
    item="one-apology",
    codes=(
        Code("repeated-apology", "More apologies in one reply than the one it needs.", Severity.WARNING, "unsafe"),
        Code(
            "not-our-fault",
            'An apology for something that is not a fault ("sorry for your question").',
            Severity.WARNING,
            "unsafe",
        ),
    ),
    profiles=frozenset({"reply", "template"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
