"""Plain text: the reply as typed. Lines quoted with `>` and everything from an
"On … wrote:" line on are the customer's words: kept as context, never checked."""

from __future__ import annotations

import re

from empathylint.document import Document, Span, build_document
from empathylint.formats import ReadOptions

_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*", re.MULTILINE)
_ATTRIBUTION = re.compile(r"^[ \t]*On [^\n]{1,200} wrote:[ \t]*$", re.MULTILINE)


def read(source: str, path: str, options: ReadOptions) -> Document:
    quoted = [Span(m.start(), m.end()) for m in _QUOTED_LINE.finditer(source)]
    attribution = _ATTRIBUTION.search(source)
    if attribution:
        quoted.append(Span(attribution.start(), len(source)))
    text = blank(source, quoted)
    customer_message = options.customer_message
    if quoted and customer_message is None:
        customer_message = "\n".join(
            re.sub(r"^[ \t]*>+ ?", "", source[span.start : span.end], flags=re.MULTILINE) for span in quoted
        )
    return build_document(
        source,
        text=text,
        path=path,
        profile=options.profile,
        vocabulary=options.vocabulary,
        customer_name=options.customer_name,
        agent_name=options.agent_name,
        customer_message=customer_message,
    )


def blank(text: str, spans: list[Span]) -> str:
    """Replace spans by spaces, keeping line breaks, so coordinates stay those of the source."""
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        for index in range(span.start, span.end):
            if chars[index] not in "\r\n":
                chars[index] = " "
    return "".join(chars)
