"""From a reader's text to a Document: placeholders, links and email addresses masked as
objects, the reply's greeting, body and sign-off found.

The format readers (formats/) hand over the text the rules should read, with offsets
back into the source where lengths changed; this is the last step they share."""

from __future__ import annotations

import re
from collections.abc import Sequence

from empathylint.document import (
    NO_TEAM_MOOD_WORDS,
    OBJECT,
    Channel,
    Document,
    Placeholder,
    PlaceholderRole,
    PlaceholderVocabulary,
    Profile,
    Span,
    Suppression,
    TeamMoodWords,
    normalize_newlines,
)
from empathylint.language.acronyms import Acronyms, shipped_acronyms
from empathylint.reply_structure import find_greeting, find_opening_handles, find_sign_off

_PLACEHOLDER = re.compile(
    r"""
      \{\{[^{}\n]{1,200}\}\}          # {{ticket.requester.first_name}}, {{first_name|fallback:"there"}}
    | \{%[^{}\n]{1,200}%\}            # {%customer.firstName,fallback=there%}
    | \{\$[^{}\n]{1,200}\}            # {$ticket.requester.name}
    | \{[A-Za-z_][\w.]{0,80}\}        # {user.firstname}
    | \*\|[A-Z_]{2,40}\|\*            # *|FNAME|*
    | %[A-Z][A-Z_]{1,40}%             # %FIRSTNAME%
    | \[[A-Z][A-Z0-9 _]{1,40}\]       # [NAME], [AGENT NAME]
    | \[[A-Za-z][a-z]*(?:[ _][A-Za-z][a-z]*){0,3}\s?[Nn]ame\]  # [first name], [Customer Name]
    | <[A-Za-z][a-z]*(?:[ _][A-Za-z][a-z]*){0,3}\s?[Nn]ame>    # <first name>, <Agent Name>
    | \[(?:[Ii]nsert|INSERT)[ \t][^\[\]\n]{1,60}\](?!\()  # [insert the tracking link]
    | \{![A-Za-z][\w.]{0,80}\}        # {!Contact.FirstName} (Salesforce)
    | «[A-Za-z][\w .]{0,40}»          # «FirstName» (a mail merge)
    """,
    re.VERBOSE,
)
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]]")
_MASKED = re.compile(f"{OBJECT}+")
_EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\b")


def find_placeholders(text: str, vocabulary: PlaceholderVocabulary) -> list[Placeholder]:
    found = [
        Placeholder(Span(m.start(), m.end()), m.group(), classify_placeholder(m.group(), vocabulary))
        for m in _PLACEHOLDER.finditer(text)
    ]
    bare = vocabulary.bare_token_pattern
    if bare is not None:
        taken = [p.span for p in found]
        for m in bare.finditer(text):
            span = Span(m.start(), m.end())
            if not any(t.start <= span.start < t.end for t in taken):
                found.append(Placeholder(span, m.group(), classify_placeholder(m.group(), vocabulary)))
        found.sort(key=lambda p: p.span.start)
    return found


def classify_placeholder(raw: str, vocabulary: PlaceholderVocabulary) -> PlaceholderRole:
    """Whose name a placeholder carries, from the words inside it.

    `site_name` names no one (a thing word wins); `current_user.first_name` is the agent
    although it also says "name"; agent words are looked for first, and "name"/"first_name"
    alone means the customer (Intercom's {{first_name}}, a macro's [NAME])."""
    words = set(re.findall(r"[a-z]+", _split_camel(raw).lower()))
    if words & vocabulary.thing_word_set:
        return "other"
    if words & vocabulary.agent_word_set:
        return "agent"
    if words & vocabulary.customer_word_set:
        return "customer"
    return "other"


def _split_camel(raw: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw)


def mask(text: str, spans: Sequence[Span]) -> str:
    """The text with every character of the spans (which may overlap, in any order) but a
    line break made OBJECT. Built a stretch at a time: a list of a 10 MB article's characters
    held eight bytes each, four times the text."""
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda span: span.start):
        start = max(span.start, position)
        if span.end <= start:
            continue  # inside a span masked already
        pieces.append(text[position:start])
        pieces.append(_NOT_LINE_BREAK.sub(OBJECT, text[start : span.end]))
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)


_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


def build_document(
    source: str,
    *,
    path: str,
    profile: Profile,
    vocabulary: PlaceholderVocabulary,
    channel: Channel = "email",
    acronyms: Acronyms | None = None,
    text: str | None = None,
    offsets: Sequence[int] | None = None,
    customer_name: str | None = None,
    agent_name: str | None = None,
    customer_message: str | None = None,
    mood_words: TeamMoodWords = NO_TEAM_MOOD_WORDS,
    suppressions: Sequence[Suppression] = (),
) -> Document:
    """Find placeholders, URLs and emails, mask them, and find greeting, body and sign-off.

    Help articles (profile "doc") have no greeting or sign-off: all of it is body."""
    readable = source if text is None else text
    if "\r" in readable:
        readable, offsets = normalize_newlines(readable, offsets)
    placeholders = find_placeholders(readable, vocabulary)
    links: list[Span] = []
    # Most replies hold no link and no address; the patterns try every word boundary of the
    # text, so the text is first asked for what each needs at least once.
    if "://" in readable or "www." in readable:
        links += [Span(m.start(), m.end()) for m in _URL.finditer(readable)]
    if "@" in readable:
        links += [Span(m.start(), m.end()) for m in _EMAIL.finditer(readable)]
    if OBJECT in readable:
        # What the format's reader masked as machine text (a bare domain, a file name) is
        # no more a name than a link is: "Thanks,\nhelp.example.com" is signed by nobody.
        links += [Span(m.start(), m.end()) for m in _MASKED.finditer(readable)]
    masked = mask(readable, [p.span for p in placeholders] + links)

    greeting = greeting_name = handle = sign_off = sign_off_name = None
    if profile != "doc":
        handle = find_opening_handles(masked)
        greeting, greeting_name = find_greeting(masked, handle.end if handle else 0, links)
        if handle is not None:
            greeting = Span(handle.start, greeting.end if greeting else handle.end)
        sign_off, sign_off_name = find_sign_off(masked, greeting.end if greeting else 0, channel=channel, links=links)
    body_start = greeting.end if greeting else 0
    body_end = sign_off.start if sign_off else len(masked)
    return Document(
        source=source,
        text=masked,
        path=path,
        profile=profile,
        channel=channel,
        customer_name=customer_name,
        agent_name=agent_name,
        customer_message=customer_message,
        mood_words=mood_words,
        acronyms=acronyms or shipped_acronyms(),
        placeholders=tuple(placeholders),
        greeting=greeting,
        greeting_name=greeting_name,
        handle=handle,
        sign_off=sign_off,
        sign_off_name=sign_off_name,
        body=Span(body_start, max(body_start, body_end)),
        suppressions=tuple(suppressions),
        offsets=offsets,
    )
