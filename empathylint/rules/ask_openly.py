"""Ask one open question.

What it does: when a reply asks the customer for more information with a string of
yes/no questions ("Is it on Wi-Fi? Did you restart? Are you on the latest version?") and
no open one, it hints that one open question ("Could you walk me through what happens
when you…?") gets more in one reply. A hint, never a failure: closed questions are right
for confirming. A list item that asks and then explains ("- Did you reply from another
address? Replies must come from…") is a checklist for the reader, not a question to answer.

Why it matters: each yes/no question costs the customer a round trip and may miss what
they never thought to mention. An open question lets them tell the story in their words,
and shows you are listening rather than going down a script.

Example:
    Is the app up to date? Did you restart your phone? Are you on Wi-Fi?

Use instead:
    Could you walk me through what happens, step by step, when you try to log in?
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import Document, Span
from empathylint.language.phrases import compile_phrases
from empathylint.rule import Code, Rule

# The first word of a question, after a list marker ("- Is it…", "2) Does it…").
_FIRST_WORD = re.compile(r"(?:[-*+•]|\d{1,2}[.)])?\s*([A-Za-z’']+)")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]")


@dataclass(frozen=True)
class Settings:
    min_closed_questions: int
    closed_openers: tuple[str, ...]
    open_questions: tuple[str, ...]
    courtesy_questions: tuple[str, ...]
    suggestion: str


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    open_question = compile_phrases(settings.open_questions)
    courtesy = compile_phrases(settings.courtesy_questions)
    closed_openers = {opener.lower() for opener in settings.closed_openers}
    closed: list[Span] = []
    sentences = doc.body_sentences
    for index, sentence in enumerate(sentences):
        text = doc.slice(sentence)
        if not text.rstrip().endswith("?"):
            continue
        if courtesy is not None and courtesy.search(text):
            continue
        if open_question is not None and open_question.search(text):
            return
        first_word = _FIRST_WORD.match(text)
        if first_word is None or first_word.group(1).lower() not in closed_openers:
            continue
        if not _answered_in_its_list_item(doc, sentence, sentences[index + 1 : index + 2]):
            closed.append(sentence)
    if len(closed) < settings.min_closed_questions:
        return
    yield RULE.diagnostic(
        "closed-questions",
        closed[0],
        f"{len(closed)} yes/no questions ask the customer to answer one at a time; "
        "one open question gets the whole story (keep a closed one to confirm).",
        suggestion=settings.suggestion,
    )


def _answered_in_its_list_item(doc: Document, question: Span, following: list[Span]) -> bool:
    """A list item that goes on, after its question, with a statement: the question is the
    item's heading and the statement its answer."""
    item = next((p for p in doc.paragraphs if p.start <= question.start < p.end), None)
    if item is None:
        return False
    # Markdown's list markers are not prose, so the marker is looked for in the source.
    source_start, _ = doc.source_span(question.start, question.end)
    line_start = doc.source.rfind("\n", 0, source_start) + 1
    if not _LIST_MARKER.match(doc.source, line_start):
        return False
    return any(s.start < item.end and not doc.slice(s).rstrip().endswith("?") for s in following)


RULE = Rule(
    group="ask-openly",
    item="open-question",
    codes=(Code("closed-questions", "A string of yes/no questions and no open one.", Severity.INFO),),
    profiles=frozenset({"reply", "template"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
