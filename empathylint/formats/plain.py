"""Plain text: the reply as typed.

Lines quoted with `>`, and everything from an "On … wrote:" line, an Outlook
"-----Original Message-----" line or a "From: … Sent: …" block on, are the customer's
words: kept as context, never checked. Front matter (YAML, TOML or Lektor fields) is
metadata, except the title and description customers read; HTML tags and entities, template
tags, domains, file names and command lines are not prose. Suppression directives stand on a line of their
own, as `<!-- empathylint: disable=jargon -->` or bare `empathylint: disable=jargon`."""

from __future__ import annotations

from empathylint.document import Document
from empathylint.formats import ReadOptions
from empathylint.formats.front_matter import blank_except_prose, find_front_matter
from empathylint.formats.layout import blank_text, find_directives, find_quoted, finish, suppressions_of


def read(source: str, path: str, options: ReadOptions) -> Document:
    directives = find_directives(source, bare_lines=True)
    front_matter = find_front_matter(source, path)
    readable = source if front_matter is None else blank_except_prose(source, front_matter)
    quoted = find_quoted(readable)
    text = blank_text(readable, [*quoted.spans, *(d.span for d in directives)])
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
