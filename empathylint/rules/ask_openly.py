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
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import Document, Span
from empathylint.language.phrases import phrase_matcher, phrase_set
from empathylint.language.vocabulary import default_phrases
from empathylint.rule import Code, Rule, bounded

# The first word of a question, after a list marker ("- Is it…", "2) Does it…").
_FIRST_WORD = re.compile(r"(?:[-*+•]|\d{1,2}[.)])?\s*([A-Za-z’']+)")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]")


@dataclass(frozen=True)
class Settings:
    # How many yes/no questions, with no open one, earn the hint.
    min_closed_questions: int = bounded(3, minimum=1)
    # First words of a yes/no question.
    closed_openers: tuple[str, ...] = field(default_factory=default_phrases("ask-openly", "closed-openers"))
    # Words that make a question open.
    open_questions: tuple[str, ...] = field(default_factory=default_phrases("ask-openly", "open-questions"))
    # Closing courtesies that are not requests for information.
    courtesy_questions: tuple[str, ...] = field(default_factory=default_phrases("ask-openly", "courtesy-questions"))
    # The open question to suggest.
    suggestion: str = "Could you walk me through what happens, step by step, when you try it?"

    open_question = phrase_matcher("open_questions")
    courtesy = phrase_matcher("courtesy_questions")
    closed_opener_set = phrase_set("closed_openers")


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    open_question, courtesy, closed_openers = settings.open_question, settings.courtesy, settings.closed_opener_set
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
