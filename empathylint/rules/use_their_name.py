"""Use their name.

What it does: checks that the reply opens with a greeting that names the customer, or
carries a helpdesk placeholder for the customer's name. It flags a missing greeting, a
greeting without a name ("Hi there,"), an impersonal one ("Dear customer",
"To whom it may concern"), a name that is not the customer's or is misspelt ("Hi Jonh"
when the customer is John), a placeholder that fills in the agent's name, and, in a canned
reply, a real person's name where a placeholder belongs.

Why it matters: a name tells the customer a person read their message. "Dear customer"
tells them the opposite, and a misspelt name is worse than none.

Example:
    Hi there,
    Your refund is on its way.

Use instead:
    Hi Maria,
    Your refund is on its way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import OBJECT, Document, Placeholder, Span
from empathylint.names import looks_like_misspelling, name_tokens, same_name
from empathylint.phrases import compile_phrases, normalize
from empathylint.rule import Code, Rule


@dataclass(frozen=True)
class Settings:
    generic_names: tuple[str, ...]
    impersonal_greetings: tuple[str, ...]
    template_placeholder: str


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    if not doc.slice(Span(0, len(doc.text))).strip():
        return
    if doc.greeting is None:
        yield _missing_greeting(doc, settings)
        return
    greeting_text = doc.slice(doc.greeting)
    impersonal = compile_phrases(settings.impersonal_greetings)
    if impersonal is not None and impersonal.search(greeting_text):
        yield RULE.diagnostic(
            "impersonal-greeting",
            doc.greeting,
            f'"{greeting_text.strip()}" could be to anyone; greet the customer by name.',
            suggestion=f"Hi {_name_for(doc, settings)},",
        )
        return
    name_span = doc.greeting_name
    placeholders = doc.placeholders_in(name_span) if name_span else []
    if placeholders:
        yield from _check_placeholders(placeholders)
        return
    written = doc.slice(name_span) if name_span else ""
    personal = [t for t in name_tokens(written) if normalize(t) not in set(settings.generic_names)]
    if name_span is None or not personal:
        yield _generic_greeting(doc, settings, name_span)
        return
    if doc.profile == "template":
        yield RULE.diagnostic(
            "name-in-template",
            name_span,
            f'A canned reply greets "{written}" by name; use a placeholder so each customer gets their own.',
            suggestion=settings.template_placeholder,
            fix=Fix((Edit(name_span.start, name_span.end, settings.template_placeholder),), safe=False),
        )
        return
    if doc.customer_name:
        yield from _check_against_customer(doc, name_span, written)


def _check_against_customer(doc: Document, name_span: Span, written: str) -> Iterator[Diagnostic]:
    assert doc.customer_name is not None
    known = name_tokens(doc.customer_name)
    if not known:
        return
    for token_start, token in _token_spans(written, name_span.start):
        if any(same_name(token, k) for k in known):
            continue
        close = [k for k in known if looks_like_misspelling(token, k)]
        span = Span(token_start, token_start + len(token))
        if close:
            yield RULE.diagnostic(
                "misspelt-name",
                span,
                f'"{token}" looks like a misspelling of the customer\'s name, {close[0]}.',
                suggestion=close[0],
                fix=Fix((Edit(span.start, span.end, close[0]),)),
            )
        else:
            yield RULE.diagnostic(
                "wrong-name",
                span,
                f'The customer is {doc.customer_name}, but the greeting says "{token}".',
                suggestion=known[0],
                fix=Fix((Edit(span.start, span.end, known[0]),), safe=False),
            )


def _token_spans(written: str, offset: int) -> Iterator[tuple[int, str]]:
    position = 0
    for token in name_tokens(written):
        index = written.find(token, position)
        position = index + len(token)
        yield offset + index, token


def _check_placeholders(placeholders: list[Placeholder]) -> Iterator[Diagnostic]:
    for placeholder in placeholders:
        if placeholder.role != "agent":
            continue
        yield RULE.diagnostic(
            "agent-placeholder",
            placeholder.span,
            f"{placeholder.raw} fills in the agent's name; the greeting needs the customer's.",
            suggestion="a customer placeholder such as {{ticket.requester.first_name}}",
        )


def _missing_greeting(doc: Document, settings: Settings) -> Diagnostic:
    first = doc.sentences[0] if doc.sentences else Span(0, 0)
    line_end = doc.text.find("\n", first.start)
    span = Span(first.start, first.end if line_end == -1 else min(first.end, line_end))
    greeting = f"Hi {_name_for(doc, settings)},"
    return RULE.diagnostic(
        "missing-greeting",
        span,
        "Open with a greeting that names the customer.",
        suggestion=greeting,
        fix=Fix((Edit(span.start, span.start, f"{greeting}\n\n"),), safe=False),
    )


def _generic_greeting(doc: Document, settings: Settings, name_span: Span | None) -> Diagnostic:
    assert doc.greeting is not None
    name = _name_for(doc, settings)
    greeting_text = doc.slice(doc.greeting).strip()
    if name_span is not None:
        edit = Edit(name_span.start, name_span.end, name)
    else:
        opener_end = doc.greeting.start + len(greeting_text.rstrip(",!:;.—– "))
        edit = Edit(opener_end, opener_end, f" {name}")
    fix = Fix((edit,), safe=False) if doc.customer_name or doc.profile == "template" else None
    return RULE.diagnostic(
        "generic-greeting",
        doc.greeting,
        f'"{greeting_text}" has no name; greet the customer by name.',
        suggestion=_apply(doc, doc.greeting, edit),
        fix=fix,
    )


def _apply(doc: Document, span: Span, edit: Edit) -> str:
    before = doc.text[span.start : edit.start]
    after = doc.text[edit.end : span.end]
    return (before + edit.replacement + after).strip().replace(OBJECT, "")


def _name_for(doc: Document, settings: Settings) -> str:
    if doc.profile == "template":
        return settings.template_placeholder
    if doc.customer_name:
        return name_tokens(doc.customer_name)[0] if name_tokens(doc.customer_name) else doc.customer_name
    return "<customer's name>"


RULE = Rule(
    group="use-their-name",
    item="their-name",
    codes=(
        Code("missing-greeting", "The reply does not open with a greeting.", Severity.WARNING, "unsafe"),
        Code("generic-greeting", 'The greeting names nobody ("Hi there,").', Severity.WARNING, "unsafe"),
        Code("impersonal-greeting", '"Dear customer", "To whom it may concern".', Severity.WARNING),
        Code("wrong-name", "The greeting names someone other than the customer.", Severity.ERROR, "unsafe"),
        Code("misspelt-name", "The customer's name is misspelt.", Severity.ERROR, "safe"),
        Code("agent-placeholder", "The greeting's placeholder fills in the agent's name.", Severity.ERROR),
        Code("name-in-template", "A canned reply greets a real person by name.", Severity.WARNING, "unsafe"),
    ),
    profiles=frozenset({"reply", "template"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
