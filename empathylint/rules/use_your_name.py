"""Use your name.

What it does: checks that the reply ends with a sign-off carrying a person's name, or a
helpdesk placeholder for the agent's name. It flags a missing sign-off, a closing with no
name ("Thanks!" and nothing after it), a team-only signature ("The Support Team",
"Customer Service"), a name other than the agent's when --agent is given, and a placeholder
that fills in the customer's name. Many helpdesks append the agent's signature when the
reply is sent: with `signature = "added-by-helpdesk"` a missing sign-off or name is not
flagged, but a team-only one still is. A notice the system sends (the notice channel, or a
canned reply that reads as one) is signed by the product, and a bot's comment on an issue
tracker ("@{issue-author}, …") by the bot: neither is checked.

Why it matters: people trust people. A name shows that someone owns the conversation and
can be asked for again; "The Support Team" reads like a queue.

Example:
    Best,
    The Support Team

Use instead:
    Best,
    Sam
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import OBJECT, Channel, Document, Span
from empathylint.language.names import is_initials_of, is_short_form, looks_like_misspelling, name_tokens, same_name
from empathylint.language.phrase_trie import PhraseTrie
from empathylint.language.phrases import phrase_matcher
from empathylint.language.vocabulary import default_phrases
from empathylint.rule import Code, Rule
from empathylint.rules._reply import is_bot, quoted

_PERSON_FIRST = re.compile(r"^[^\W\d_][\w'’.-]*\s*(?:[,|/–—(@-]|\bfrom\b|\bat\b|\bon\b|\bwith\b|$)")


@dataclass(frozen=True)
class Settings:
    # "required", or "added-by-helpdesk" when the helpdesk appends the agent's signature on
    # sending (a missing sign-off is then fine; a team-only one is still flagged).
    signature: Literal["required", "added-by-helpdesk"] = "required"
    # Words that make a signature a team's rather than a person's.
    team_words: tuple[str, ...] = field(default_factory=default_phrases("use-your-name", "team-words"))
    # What a canned reply should sign with.
    template_placeholder: str = "{{current_user.first_name}}"
    # Channels where a missing sign-off or name is reported as info, so it does not hold the
    # reply back: a chat window shows the agent's name, and on social the initials are optional.
    info_on_channels: tuple[Channel, ...] = ("chat", "social")

    team = phrase_matcher("team_words")


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    for finding in _findings(doc, settings):
        nicety = finding.rule_id in _UNSIGNED and doc.channel in settings.info_on_channels
        yield replace(finding, severity=Severity.INFO) if nicety else finding


_UNSIGNED = frozenset({"use-your-name.missing-sign-off", "use-your-name.missing-name"})


def _findings(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    if not doc.text.strip():
        return
    optional = settings.signature == "added-by-helpdesk"
    if doc.sign_off is None:
        if not optional:
            yield _missing_sign_off(doc, settings)
        return
    name_span = doc.sign_off_name
    if name_span is None:
        if not optional:
            closing = doc.slice(doc.sign_off).strip()
            yield RULE.diagnostic(
                "missing-name",
                doc.sign_off,
                f'"{closing}" closes without a name; sign with your own.',
                suggestion=f"{closing}\n{_agent_name(doc, settings)}",
                fix=_insert_name_fix(doc, settings),
            )
        return
    placeholders = doc.placeholders_in(name_span)
    if placeholders:
        for placeholder in placeholders:
            if placeholder.role == "customer":
                yield RULE.diagnostic(
                    "customer-placeholder",
                    placeholder.span,
                    f"{placeholder.raw} fills in the customer's name; the sign-off needs yours.",
                    suggestion="an agent placeholder such as {{current_user.first_name}}",
                )
        if all(placeholder.role == "other" for placeholder in placeholders):
            yield from _signed_by_a_thing(doc, settings, name_span)
        return
    written = doc.slice(name_span).replace(OBJECT, "").strip()
    if settings.team is not None and settings.team.search(written) and not _signs_as_a_person(written, settings.team):
        yield RULE.diagnostic(
            "team-signature",
            name_span,
            f'"{written}" signs as a team; add your own name so the customer knows who is helping.',
            # Your name on its own line with the team under it, as people sign: "Sam\nThe Support Team".
            suggestion=f"{_agent_name(doc, settings)}\n{written}",
        )
        return
    if doc.agent_name and doc.profile != "template":
        yield from _check_against_agent(doc, name_span, written)


def _signed_by_a_thing(doc: Document, settings: Settings, name_span: Span) -> Iterator[Diagnostic]:
    """A sign-off whose placeholders name a thing ("{{company_name}}", "%{site_name} Moderators")
    signs as a team unless a person's name stands beside them."""
    beside = doc.slice(name_span).replace(OBJECT, " ").strip()
    if beside and (settings.team is None or not settings.team.search(beside)):
        return
    written = quoted(doc, name_span)
    yield RULE.diagnostic(
        "team-signature",
        name_span,
        f'"{written}" signs as a team; add your own name so the customer knows who is helping.',
        suggestion=f"{_agent_name(doc, settings)}\n{written}",
    )


def _signs_as_a_person(written: str, team: PhraseTrie) -> bool:
    """A name comes first ("Sam, Support Team", "Sam from Acme Support"); a team word alone
    ("Thanks, Team") is no name."""
    without_article = "" if written.lower().startswith("the ") else written
    first_word = without_article.split()[0].strip(",|/-") if without_article.split() else ""
    return bool(_PERSON_FIRST.match(without_article)) and not team.fullmatch(first_word)


def _check_against_agent(doc: Document, name_span: Span, written: str) -> Iterator[Diagnostic]:
    assert doc.agent_name is not None
    known = name_tokens(doc.agent_name)
    tokens = name_tokens(written)
    if not known or not tokens:
        return
    first = tokens[0]
    parts = known + [part for token in known for part in re.split(r"[-‐]", token) if part and part != token]
    if any(same_name(first, k) or is_short_form(first, k) for k in parts) or is_initials_of(first, doc.agent_name):
        return
    start = name_span.start + doc.slice(name_span).find(first)
    span = Span(start, start + len(first))
    misspelt = looks_like_misspelling(first, known[0])
    yield RULE.diagnostic(
        "wrong-name",
        span,
        f'You are {doc.agent_name}, but the sign-off says "{first}".' + (" It looks like a typo." if misspelt else ""),
        suggestion=known[0],
        fix=Fix((Edit(span.start, span.end, known[0]),), safe=misspelt),
    )


def _missing_sign_off(doc: Document, settings: Settings) -> Diagnostic:
    end = len(doc.text.rstrip())
    last_line_start = doc.text.rfind("\n", 0, end) + 1
    span = Span(
        last_line_start + (len(doc.text[last_line_start:end]) - len(doc.text[last_line_start:end].lstrip())), end
    )
    sign_off = f"Best,\n{_agent_name(doc, settings)}"
    return RULE.diagnostic(
        "missing-sign-off",
        span,
        'End with a sign-off and your name, or set signature = "added-by-helpdesk" if your helpdesk adds it.',
        suggestion=sign_off,
        fix=Fix((Edit(end, end, f"\n\n{sign_off}"),), safe=False) if doc.agent_name else None,
    )


def _insert_name_fix(doc: Document, settings: Settings) -> Fix | None:
    if not doc.agent_name and doc.profile != "template":
        return None
    assert doc.sign_off is not None
    end = doc.sign_off.end
    return Fix((Edit(end, end, f"\n{_agent_name(doc, settings)}"),), safe=False)


def _agent_name(doc: Document, settings: Settings) -> str:
    if doc.profile == "template":
        return settings.template_placeholder
    if doc.agent_name:
        return doc.agent_name
    return "<your name>"


def applies_to(doc: Document) -> bool:
    """An automated notice ("This is an automated message from …") is signed by the product,
    and a bot's comment on an issue ("@{issue-author}, …") by the bot."""
    return not is_bot(doc)


RULE = Rule(
    group="use-your-name",
    item="your-name",
    codes=(
        Code("missing-sign-off", "The reply ends without a sign-off.", Severity.WARNING, "unsafe"),
        Code("missing-name", "The closing carries no name.", Severity.WARNING, "unsafe"),
        Code("team-signature", 'The reply is signed by a team ("The Support Team").', Severity.WARNING),
        Code("wrong-name", "The sign-off names someone other than the agent.", Severity.ERROR, "unsafe"),
        Code("customer-placeholder", "The sign-off's placeholder fills in the customer's name.", Severity.ERROR),
    ),
    profiles=frozenset({"reply", "template"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
    applies_to=applies_to,
)
