"""Properties that hold for any text in any supported format: no exception, every span inside
the source and on a real line and column, the same findings every time.

The default profile runs a modest number of examples; `--hypothesis-profile=long` runs
100,000 (see README's development section)."""

from __future__ import annotations

import string

from hypothesis import example, given
from hypothesis import strategies as st

from empathylint.document import line_starts
from empathylint.engine import INTERNAL_ERROR, FileReport
from empathylint.formats import FORMATS
from tests.conftest import lint_text

EXTENSION = {"plain": ".txt", "markdown": ".md", "html": ".html", "email": ".eml"}

# Pieces that real drafts are made of, so that examples reach the rules' interesting paths.
PIECES = [
    "Hi Maria,",
    "Hi there,",
    "Dear customer,",
    "Thanks for reaching out!",
    "Unfortunately you can't export until Friday.",
    "I just wanted to reach out to let you know that",
    "What do you mean?",
    "the the",
    "  ",
    "{{ticket.requester.first_name}}",
    "{%customer.firstName,fallback=there%}",
    "[NAME]",
    "https://example.com/help?a=1",
    "help@example.com",
    "`code`",
    "```\nunfortunately\n```",
    "> I am so angry, this is the third time!!!",
    "On Tue, Maria wrote:",
    "<p>",
    "</p>",
    "&amp;",
    "&nbsp;",
    "<!-- empathylint: disable=negative-language -->",
    "<!-- empathylint: enable -->",
    "Best,",
    "Sam",
    "The Support Team",
    "José Zoë Nguyễn O'Brien",
    "🙂",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "- ",
    "1. ",
    "# ",
    "(",
    ")",
    '"',
    "…",
    "\ufeff",
    "\x00",
]

drafts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet=string.printable + "éü’“”—", max_size=12)),
    max_size=40,
).map(" ".join)


def check_properties(text: str, format_name: str) -> None:
    from empathylint.files import InputError

    try:
        report = lint_text(text, path="draft" + EXTENSION[format_name], format_name=format_name, select=None)
    except InputError:
        return  # odd input that is a one-line error (an email without a text part), as the CLI prints it
    if report.error is not None:
        return  # a clean one-line error is an acceptable result for odd input
    assert report.document is not None
    source = report.document.source
    lines = line_starts(source)
    for diagnostic in report.diagnostics:
        assert diagnostic.rule_id != INTERNAL_ERROR, diagnostic.message
        assert 0 <= diagnostic.start <= diagnostic.end <= len(source), diagnostic
        assert 1 <= diagnostic.line <= len(lines), diagnostic
        assert 1 <= diagnostic.end_line <= len(lines), diagnostic
        assert (diagnostic.line, diagnostic.column) <= (diagnostic.end_line, diagnostic.end_column)
        line_start = lines[diagnostic.line - 1]
        assert diagnostic.column - 1 == diagnostic.start - line_start, diagnostic
        if diagnostic.fix is not None:
            for edit in diagnostic.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(source), edit
    again = lint_text(text, path="draft" + EXTENSION[format_name], format_name=format_name)
    assert again.diagnostics == report.diagnostics


@given(text=drafts, format_index=st.integers(min_value=0, max_value=len(FORMATS) - 1))
def test_any_draft_in_any_format_checks_cleanly(text: str, format_index: int) -> None:
    check_properties(text, FORMATS[format_index])


@example(text="A: ")  # an email whose headers leave no text part: a one-line error, not a crash
@given(text=st.text(max_size=300))
def test_any_unicode_text_checks_cleanly(text: str) -> None:
    for format_name in FORMATS:
        check_properties(text, format_name)


def fix_properties(text: str, format_name: str) -> None:
    """Applying every safe fix leaves nothing safe to fix, and fixing the result again
    changes nothing: the fixes neither fight each other nor feed new findings."""
    from empathylint.files import InputError
    from empathylint.fixes import applies, fix_text

    path = "draft" + EXTENSION[format_name]

    def check(draft: str) -> FileReport:
        return lint_text(draft, path=path, format_name=format_name)

    try:
        outcome = fix_text(text, check)
    except InputError:
        return  # odd input that is a one-line error (an email without a text part) has nothing to fix
    if outcome.report.error is not None:
        return
    left = [d for d in outcome.report.diagnostics if applies(d, unsafe_fixes=False)]
    assert not left, (outcome.text, left)
    again = fix_text(outcome.text, check)
    assert again.text == outcome.text and not again.applied, (outcome.text, again.text)


@given(text=drafts, format_index=st.integers(min_value=0, max_value=len(FORMATS) - 1))
def test_safe_fixes_converge_in_any_format(text: str, format_index: int) -> None:
    fix_properties(text, FORMATS[format_index])
