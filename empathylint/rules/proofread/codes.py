"""The proofread group's codes, and the one way its checks make a finding of one."""

from __future__ import annotations

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Span
from empathylint.rule import Code

GROUP = "proofread"

CODES = (
    Code("spelling", "A common misspelling, with its correction.", Severity.WARNING, "safe"),
    Code("unknown-word", "A word in no dictionary that is clearly a slip, corrected.", Severity.INFO, "unsafe"),
    Code("confused-word", 'A real word where another was meant ("you account").', Severity.WARNING, "unsafe"),
    Code("repeated-word", 'A word typed twice ("the the").', Severity.WARNING, "safe"),
    Code("doubled-space", "Two or three spaces between words.", Severity.INFO, "safe"),
    Code("sentence-case", "A sentence that starts in lower case.", Severity.WARNING, "safe"),
    Code("capital-mid-sentence", 'A step verb capitalised mid-sentence (", Select the").', Severity.WARNING, "unsafe"),
    Code("lowercase-i", 'A lower-case "i" for "I".', Severity.WARNING, "safe"),
    Code("name-casing", 'A product, language or day in the wrong case ("Github").', Severity.WARNING, "unsafe"),
    Code("article", '"a" or "an" before the wrong sound ("a hour", "an user").', Severity.WARNING, "unsafe"),
    Code("unbalanced", "A bracket or quotation mark that is never closed or never opened.", Severity.WARNING),
    Code("shouting", "ALL-CAPS words that are not acronyms.", Severity.WARNING, "unsafe"),
    Code("punctuation", '"!!!", "??", "?!" or "..".', Severity.WARNING, "safe"),
    Code("leftover", "TODO, TBD, XXX, FIXME, lorem ipsum, a ___ blank or a link to nothing.", Severity.ERROR),
    Code("unfilled-placeholder", "A helpdesk placeholder left in a reply.", Severity.ERROR, "unsafe"),
    Code("malformed-placeholder", 'A placeholder with broken braces ("{{first_name}").', Severity.ERROR),
)  # fmt: skip

_SEVERITY = {code.name: code.severity for code in CODES}


def finding(
    code_name: str, span: Span, message: str, *, suggestion: str | None = None, fix: Fix | None = None
) -> Diagnostic:
    """A finding of `proofread.<code_name>` at `span` of the Document's text."""
    return Diagnostic(
        rule_id=f"{GROUP}.{code_name}",
        severity=_SEVERITY[code_name],
        start=span.start,
        end=span.end,
        message=message,
        suggestion=suggestion,
        fix=fix,
    )


def replacing(code_name: str, span: Span, message: str, replacement: str, *, safe: bool) -> Diagnostic:
    """A finding whose suggestion is `replacement`, fixed by writing it over the whole `span`."""
    fix = Fix((Edit(span.start, span.end, replacement),), safe=safe)
    return finding(code_name, span, message, suggestion=replacement, fix=fix)
