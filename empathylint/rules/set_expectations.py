"""Say when they will hear back.

What it does: flags a promise to follow up with no when: "we're looking into it", "I've
passed this on", "we'll get back to you", "this has been escalated", "I'll keep you
posted", when nothing in the reply says by when ("by Thursday", "within 24 hours",
"tomorrow", "at 3pm"). "Soon" and "shortly" are not a when. Promises are listed phrases
and a grammar: the agent, someone or a team, "will" or "'ll", and a verb of following up
("we'll reach out", "our billing team will review it"). A promise that hangs on something
that may never happen ("If anything changes, we'll keep you posted") leaves nobody waiting
and needs no when; one tied to an event the customer will see ("we'll email you once the
parcel ships") is its own when, unless the event is only more news ("as soon as we know
more"), and so is one that follows a step asked of them ("send us the order number and
we'll get back to you"). Handing on their feedback ("I've passed your suggestion on") promises no reply.

Why it matters: "we'll get back to you" with no time leaves the customer checking their
inbox and writing in again to ask. A time, even a time to say "no news yet", sets the
expectation and buys patience.

Example:
    I've passed this on to our billing team and we'll get back to you.

Use instead:
    I've passed this on to our billing team. I'll update you by Thursday, even if there's
    no news yet.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import Document, Span
from empathylint.language.phrases import PhraseMatcher, phrase_matcher
from empathylint.language.regex_on_use import LazyPattern
from empathylint.language.timeframes import find_timeframe
from empathylint.language.vocabulary import default_phrases
from empathylint.rule import Code, Rule
from empathylint.rules._reply import quoted, reply_sentence


@dataclass(frozen=True)
class Settings:
    # Promises to follow up that need a when.
    follow_up_phrases: tuple[str, ...] = field(default_factory=default_phrases("set-expectations", "follow-up-phrases"))
    # Promises read by grammar: the agent, someone or a team, "will" or "'ll", and one of these.
    follow_up_verbs: tuple[str, ...] = field(default_factory=default_phrases("set-expectations", "follow-up-verbs"))
    # Follow-up phrases that only hand something on: about feedback they promise no reply.
    passing_on: tuple[str, ...] = field(default_factory=default_phrases("set-expectations", "passing-on"))
    # What a customer gives that is handed on without a reply to wait for.
    feedback_words: tuple[str, ...] = field(default_factory=default_phrases("set-expectations", "feedback-words"))
    # Who else may have done what a follow-up phrase says ("several members flagged it", "you
    # forwarded it"): the phrase then tells what happened, not what we will do.
    other_doers: tuple[str, ...] = field(default_factory=default_phrases("set-expectations", "other-doers"))
    # The timeframe to suggest.
    suggestion: str = "I'll update you by tomorrow at 5pm, even if there's no news yet."

    follow_up = phrase_matcher("follow_up_phrases")
    handing_on = phrase_matcher("passing_on")
    feedback = phrase_matcher("feedback_words")
    other_doer = phrase_matcher("other_doers")

    @functools.cached_property
    def promise(self) -> re.Pattern[str] | None:
        """ "We'll reach out", "someone will call you", "our billing team will review it", "they'll look into it"."""
        if not self.follow_up_verbs:
            return None
        verbs = "|".join(
            re.escape(verb).replace(r"\ ", r"\s+") for verb in sorted(self.follow_up_verbs, key=len, reverse=True)
        )
        return re.compile(
            rf"\b(?:we|i|they|someone|somebody|(?:the|our)\s+(?:[\w-]+\s+){{0,2}}?(?:team|specialists?|engineers?|agents?"
            rf"|colleagues?|department|experts?))\s*(?:['’]ll|\s+will)\s+(?:be\s+able\s+to\s+)?(?:{verbs})\b",
            re.IGNORECASE,
        )


# A condition before the promise, in its sentence: "If anything changes, we'll let you know".
_IF_SOMETHING_HAPPENS = LazyPattern(r"\b(?:if|should|in\s+case|in\s+the\s+event|unless)\b", re.IGNORECASE)
# A step asked of the customer that the promise follows from ("Send us the order number and
# we'll get back to you", "pls share a few details and we'll reach out"): their next step is
# in their hands.
_AFTER_THEIR_STEP = LazyPattern(
    r"\b(?:please|pls|plz|kindly|send|share|dm|submit|fill|reply|open|visit|drop|message|let\s+us\s+know|provide|click"
    r"|tap|follow|go\s+to|head\s+to|reach\s+us|contact\s+us|you\s+can)\b"
    r"[^!?\n]*\band\s+(?:(?:we|i|someone|the\s+team|our\s+team)(?:['’]ll|\s+will)\s+)?$",
    re.IGNORECASE,
)
_STEP_REACH = 300
# An event after the promise that the customer will see ("…once the parcel leaves the
# warehouse", "…when the courier replies"), not only more news ("as soon as we know more",
# "when we have an update", "as soon as possible").
_ONCE_IT_HAPPENS = LazyPattern(
    r"\b(?:once|when|as\s+soon\s+as|after)\s+"
    r"(?!(?:we|i|they)\s+(?:know|have|hear|get|learn|find|receive)\b|possible\b|there\b|more\b|we\s+can\b|i\s+can\b)",
    re.IGNORECASE,
)


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    follow_up = settings.follow_up
    if follow_up is None:
        return
    listed = [*follow_up.finditer(doc.text, doc.body.start, doc.body.end)]
    matches = list(listed)
    if settings.promise is not None:
        # A listed phrase inside a promise read by grammar is the one reported ("keep you posted").
        matches += (
            match
            for match in settings.promise.finditer(doc.text, doc.body.start, doc.body.end)
            if not any(other.start() < match.end() and match.start() < other.end() for other in listed)
        )
    promises = (
        (match, reply_sentence(doc, match.start()) or Span(match.start(), match.end()))
        for match in sorted(matches, key=lambda match: match.start())
    )
    found = next(((m, s) for m, s in promises if _waits_on(doc, settings, m, s)), None)
    if found is None or find_timeframe(doc.text, [doc.body]) is not None:
        return
    promise, sentence = found
    yield RULE.diagnostic(
        "no-timeframe",
        Span(promise.start(), promise.end()),
        f'"{promise.group()}" with no when leaves the customer waiting and guessing; say when they will hear from you.',
        # A suggestion only, never an edit: a time is a commitment only the agent can make.
        suggestion=f"{quoted(doc, sentence)} {settings.suggestion}",
    )


def _waits_on(doc: Document, settings: Settings, promise: re.Match[str], sentence: Span) -> bool:
    """Whether the promise leaves the customer waiting with no when: not one that hangs on
    "if" or on a step asked of them, not one tied to an event they will see, not their
    feedback handed on."""
    if _IF_SOMETHING_HAPPENS.search(doc.text, sentence.start, promise.start()):
        return False
    if settings.other_doer is not None and _done_by_others(doc.text, settings.other_doer, sentence, promise):
        return False
    # The step may stand a sentence back when a link or an "etc." split the sentence: the
    # "and" before the promise still ties the two, so the paragraph's last lines are read.
    paragraph = doc.text.rfind("\n\n", doc.body.start, sentence.start)
    step_from = max(sentence.start - _STEP_REACH, paragraph if paragraph != -1 else doc.body.start)
    if _AFTER_THEIR_STEP.search(doc.text, min(step_from, sentence.start), promise.start()):
        return False
    if _ONCE_IT_HAPPENS.search(doc.text, promise.end(), sentence.end):
        return False
    return not (
        settings.handing_on is not None
        and settings.feedback is not None
        and settings.handing_on.fullmatch(promise.group()) is not None
        and settings.feedback.search(doc.text, _sentence_before(doc, sentence).start, sentence.end) is not None
    )


def _sentence_before(doc: Document, sentence: Span) -> Span:
    """The body sentence before this one, where the feedback may be named ("Thanks for the idea!
    I've passed it on."), or the sentence itself when it is the first."""
    return next((before for before in reversed(doc.body_sentences) if before.end <= sentence.start), sentence)


def _done_by_others(text: str, others: PhraseMatcher, sentence: Span, promise: re.Match[str]) -> bool:
    """Whether the phrase follows another doer as its subject ("several members flagged it",
    "you have already forwarded this"): what happened, no promise of ours."""
    if others is None:
        return False
    before = text[sentence.start : promise.start()].rstrip()
    while (auxiliary := _AUXILIARY.search(before)) is not None:
        before = before[: auxiliary.start()]
    return any(match.end() == len(before) for match in others.finditer(before))


# What may stand between a doer and the phrase: "members have (already) flagged it".
_AUXILIARY = LazyPattern(r"\s+(?:have|has|had|already|just|also)$", re.IGNORECASE)


RULE = Rule(
    group="set-expectations",
    item="expectations",
    codes=(
        Code(
            "no-timeframe",
            'A follow-up promise ("we\'ll get back to you") with no when.',
            Severity.WARNING,
        ),
    ),
    profiles=frozenset({"reply", "template"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
