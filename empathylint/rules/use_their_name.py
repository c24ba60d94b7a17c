"""Use their name.

What it does: checks that the reply opens with a greeting that names the customer, or
carries a helpdesk placeholder for the customer's name. It flags a missing greeting, a
greeting without a name ("Hi there,"), an impersonal one ("Dear customer",
"To whom it may concern"), a name that is not the customer's or is misspelt ("Hi Jonh"
when the customer is John), a placeholder that fills in the agent's name, and, in a canned
reply, a real person's name where a placeholder belongs. In a notice the system sends (the
notice channel, or a canned reply that reads as one) a greeting without a name is a hint.

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

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import OBJECT, Document, Placeholder, Span
from empathylint.language.names import fold, is_short_form, looks_like_misspelling, name_tokens, same_name
from empathylint.language.notices import MENTION_SLOT
from empathylint.language.phrases import normalize, phrase_matcher, phrase_set
from empathylint.language.vocabulary import default_phrases
from empathylint.rule import Code, Rule
from empathylint.rules._reply import is_automated_notice, quoted


@dataclass(frozen=True)
class Settings:
    # Words after "Hi" that name nobody.
    generic_names: tuple[str, ...] = field(default_factory=default_phrases("use-their-name", "generic-names"))
    # Greetings that could be to anyone.
    impersonal_greetings: tuple[str, ...] = field(
        default_factory=default_phrases("use-their-name", "impersonal-greetings")
    )
    # What a canned reply should greet with.
    template_placeholder: str = "{{ticket.requester.first_name}}"
    # Words after a name that end it: "Hi Maria and welcome aboard", "Hi Tom & Zoë".
    name_ends: tuple[str, ...] = field(default_factory=default_phrases("use-their-name", "name-ends"))
    # Lower-case words inside a name: "Hi Ludwig van Beethoven".
    name_particles: tuple[str, ...] = field(default_factory=default_phrases("use-their-name", "name-particles"))

    generic = phrase_set("generic_names")
    name_end_set = phrase_set("name_ends")
    particle_set = phrase_set("name_particles")
    impersonal = phrase_matcher("impersonal_greetings")


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    notice = is_automated_notice(doc)
    for finding in _findings(doc, settings):
        # An automated notice names no one and may still go out as it is.
        unnamed = finding.rule_id in _UNNAMED
        yield replace(finding, severity=Severity.INFO) if notice and unnamed else finding


_UNNAMED = frozenset(
    {"use-their-name.missing-greeting", "use-their-name.generic-greeting", "use-their-name.impersonal-greeting"}
)


def _findings(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    if not doc.slice(Span(0, len(doc.text))).strip():
        return
    if doc.greeting is None:
        if not _opening_names_customer(doc):
            yield _missing_greeting(doc, settings)
        return
    greeting_text = doc.slice(doc.greeting)
    if settings.impersonal is not None and settings.impersonal.search(greeting_text) and doc.handle is None:
        yield RULE.diagnostic(
            "impersonal-greeting",
            doc.greeting,
            f'"{greeting_text.strip()}" could be to anyone; greet the customer by name.',
            suggestion=f"Hi {_name_for(doc, settings)},",
        )
        return
    name_span = doc.greeting_name
    if name_span is not None and MENTION_SLOT.fullmatch(quoted(doc, name_span)):
        return  # "Hello @{issue-author}": a bot mentions whoever opened the issue
    placeholders = doc.placeholders_in(name_span) if name_span else []
    if placeholders:
        yield from _check_placeholders(placeholders)
        return
    written = doc.slice(name_span) if name_span else ""
    addressed = _addressed_names(written, name_span.start if name_span else 0, settings)
    if name_span is None or not addressed:
        if doc.handle is None:  # "@maria Hi there!": the handle is the name
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
    if doc.customer_name and "@" not in doc.customer_name:
        yield from _check_against_customer(doc.customer_name, addressed)


def _addressed_names(written: str, offset: int, settings: Settings) -> list[tuple[int, str]]:
    """The words of the greeting that name someone, with their offsets in the text.

    Generic words ("there", "team") are no one; a name ends at a connecting word or, once a
    capitalised name has started, at a lower-case word that is not a particle, so that
    "Hi Maria and Tom" addresses Maria (and Tom) but "Hi there and welcome" nobody."""
    addressed: list[tuple[int, str]] = []
    for start, token in _token_spans(written, offset):
        word = normalize(token)
        if word in settings.name_end_set:
            break
        if word in settings.generic:
            continue
        if addressed and token[0].islower() and word not in settings.particle_set:
            break
        addressed.append((start, token))
    return addressed


def _check_against_customer(customer_name: str, addressed: list[tuple[int, str]]) -> Iterator[Diagnostic]:
    """The greeting names the customer when one of its words is the customer's name, a
    part of it ("Anne" of Anne-Marie) or a short form of it ("Mike" for Michael); other
    words may be a second person or a surname we were not told. Only a greeting that names
    the customer nowhere is wrong; a word that is one slip away from their name is misspelt."""
    known = name_tokens(customer_name)
    if not known:
        return
    joined = _misspelt_as_several_words(addressed, known)
    if joined is not None:
        yield joined
        return
    parts = known + [part for token in known for part in re.split(r"[-‐]", token) if part and part != token]
    if any(same_name(token, k) or is_short_form(token, k) for _, token in addressed for k in parts):
        yield from _misspelt_words(addressed, known, parts)
        return
    misspelt = list(_misspelt_words(addressed, known, parts))
    if misspelt:
        yield from misspelt
        return
    start = addressed[0][0]
    end = addressed[-1][0] + len(addressed[-1][1])
    suggestion = _display(known[0])
    yield RULE.diagnostic(
        "wrong-name",
        Span(start, end),
        f'The customer is {customer_name}, but the greeting says "{" ".join(t for _, t in addressed)}"; '
        "check whose reply this is.",
        suggestion=suggestion,
        fix=Fix((Edit(start, end, suggestion),), safe=False),
    )


def _misspelt_words(addressed: list[tuple[int, str]], known: list[str], parts: list[str]) -> Iterator[Diagnostic]:
    for start, token in addressed:
        if any(same_name(token, k) or is_short_form(token, k) for k in parts):
            continue
        close = next((k for k in known if looks_like_misspelling(token, k)), None)
        if close is None:
            continue
        suggestion = _display(close)
        yield RULE.diagnostic(
            "misspelt-name",
            Span(start, start + len(token)),
            f'"{token}" looks like a misspelling of the customer\'s name, {suggestion}; spell it as they do.',
            suggestion=suggestion,
            fix=Fix((Edit(start, start + len(token), suggestion),)),
        )


def _misspelt_as_several_words(addressed: list[tuple[int, str]], known: list[str]) -> Diagnostic | None:
    """ "Anne Marie" or "Anne marie" for Anne-Marie: the letters are right, the hyphen is not."""
    if len(addressed) < 2:
        return None
    letters = fold("".join(token for _, token in addressed))
    for k in known:
        if fold(re.sub(r"[\W_]", "", k)) == re.sub(r"[\W_]", "", letters) and not any(
            same_name(token, k) for _, token in addressed
        ):
            start, end = addressed[0][0], addressed[-1][0] + len(addressed[-1][1])
            suggestion = _display(k)
            return RULE.diagnostic(
                "misspelt-name",
                Span(start, end),
                f"The customer writes their name {suggestion}; spell it as they do.",
                suggestion=suggestion,
                fix=Fix((Edit(start, end, suggestion),)),
            )
    return None


def _display(name: str) -> str:
    """A name as it should be written back, even when it was passed in lower case."""
    return name[:1].upper() + name[1:] if name.islower() else name


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


# "Thanks for reaching out, Maria!": a name said to the reader, set off by a comma.
_VOCATIVE = re.compile(r",[ \t]*[A-Z\u00C0-\u024F][\w'’-]+(?:[ \t]+[A-Z\u00C0-\u024F][\w'’-]+)?[ \t]*[!.?,]")


def _opening_names_customer(doc: Document) -> bool:
    """A reply without a greeting line may still name the customer in its first sentence
    ("Thanks for getting in touch, Maria!"), which is what the checklist asks for."""
    if not doc.sentences:
        return False
    first = doc.sentences[0]
    if any(p.role == "customer" for p in doc.placeholders_in(first)):
        return True
    sentence = doc.slice(first)
    if doc.customer_name and any(
        re.search(rf"(?<!\w){re.escape(token)}(?!\w)", sentence, re.IGNORECASE)
        for token in name_tokens(doc.customer_name)
    ):
        return True
    return _VOCATIVE.search(sentence) is not None


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
