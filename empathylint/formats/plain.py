"""Plain text: the reply as typed.

Lines quoted with `>`, and everything from an "On … wrote:" line, an Outlook
"-----Original Message-----" line or a "From: … Sent: …" block on, are the customer's
words: kept as context, never checked. Suppression directives stand on a line of their
own, as `<!-- empathylint: disable=jargon -->` or bare `empathylint: disable=jargon`."""

from __future__ import annotations

from empathylint.document import Document
from empathylint.formats import ReadOptions
from empathylint.formats.layout import blank_text, find_directives, find_quoted, finish, suppressions_of


def read(source: str, path: str, options: ReadOptions) -> Document:
    directives = find_directives(source, bare_lines=True)
    quoted = find_quoted(source)
    text = blank_text(source, [*quoted.spans, *(d.span for d in directives)])
    return finish(
        source,
        path,
        options,
        text=text,
        offsets=None,
        suppressions=suppressions_of(source, directives),
        customer_name=quoted.customer_name,
        customer_message=quoted.message,
    )
