"""A no with a time in it, said as a yes: "You can't export until Friday" -> "You'll be able
to export from Friday", "We're unable to refund the order until it arrives back" -> "We'll be
able to refund the order once it arrives back". The rewrite is made on the matched words only,
so the rest of the sentence stays as written; "from" before a point in time, "once" before an
event."""

from __future__ import annotations

import re
from collections.abc import Iterator

from empathylint.document import Span
from empathylint.language.phrases import match_case
from empathylint.language.regex_on_use import LazyPattern

_UNTIL = re.compile(r"until", re.IGNORECASE)
_CANT_UNTIL = LazyPattern(
    r"""(?P<lead>\bunfortunately\b[,;]?[ \t]+)?
        (?P<subject>\b(?:you|we|I|they)\b)
        (?P<negation>
            [ \t]+(?:can['’]t|cannot|can[ \t]+not
                    |won['’]t[ \t]+be[ \t]+able[ \t]+to|will[ \t]+not[ \t]+be[ \t]+able[ \t]+to
                    |aren['’]t[ \t]+able[ \t]+to|are[ \t]+not[ \t]+able[ \t]+to|are[ \t]+unable[ \t]+to)
          | ['’]re[ \t]+(?:unable|not[ \t]+able)[ \t]+to
        )
        [ \t]+(?P<action>[^.!?\n;,\ufffc]{1,80}?)
        [ \t]+until[ \t]+(?P<when>[^.!?\n;,\ufffc]{1,60}?)(?=[ \t]*(?:[.!?\n;,]|$))""",
    re.IGNORECASE | re.VERBOSE,
)
_FUTURE = {"you": "you'll", "we": "we'll", "i": "I'll", "they": "they'll"}
_POINT_IN_TIME = LazyPattern(
    r"""^(?:the[ \t]+)?(?:\d|today|tonight|tomorrow|next|this|midnight|noon|early|mid|late|end
        |monday|tuesday|wednesday|thursday|friday|saturday|sunday
        |january|february|march|april|may|june|july|august|september|october|november|december
        |jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|\d+(?:st|nd|rd|th))\b""",
    re.IGNORECASE | re.VERBOSE,
)


def cant_until_rewrites(text: str, within: Span) -> Iterator[tuple[Span, str]]:
    """Each "can't … until …" in text[within], with its positive rewrite."""
    if not _UNTIL.search(text, within.start, within.end):
        return  # most replies have no "until": the full pattern tries every word for a subject
    for match in _CANT_UNTIL.finditer(text, within.start, within.end):
        subject = match.group("subject")
        future = _FUTURE[subject.lower()]
        when = match.group("when")
        preposition = "from" if _POINT_IN_TIME.match(when) else "once"
        capital_source = match.group("lead") or subject
        opening = match_case(capital_source, future) if capital_source[0].isupper() else future
        yield Span(match.start(), match.end()), f"{opening} be able to {match.group('action')} {preposition} {when}"
