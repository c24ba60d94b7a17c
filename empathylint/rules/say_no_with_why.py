"""Say no with a why.

What it does: flags a refusal ("we don't support", "that isn't possible", "we won't be
adding", "we're unable to", "we aren't currently offering") when no reason stands in its
sentence or the one before ("because", "since", "due to", "so that", "for security
reasons", "as it is outside the return window", a cause the no follows from: "the key is
unknown, so we can't …"), nor after it in its own sentence (a colon, semicolon or dash, a
clause with its own subject: "We can't merge them: each holds its own history", or when it
holds: "we aren't accepting translations until the strings are frozen"), nor in
the two after as one that points back at it ("That's because …", "The reason is …") or
gives the purpose ("For your privacy, …", "…, which keeps it fair"), nor in a canned
reply's slot for it ("%{reject_reason}").
A sentence after it that opens with "Because" explains its own clause, not the no. A no
that says what ends it ("you won't be able to post until a moderator reviews it") is not
bare: negative-language offers it as a yes ("…once a moderator reviews it"). What we
don't offer or have, conceded in a clause the sentence then turns from ("Although we don't
fly there direct, we do offer a connection"), leads into what they can have and is not a bare
no; "While we can't help with that here, …" still is.
Refusals are read by the same grammar as negative-language's (a subject, a negated
auxiliary or modal, a verb of offering or ability); saying what we can't find or confirm
("we can't reproduce it") is not a no, nor is a promise that keeps their things private
("we don't sell your personal data", "we have no access to your vault"), nor good news
("we have no plans to raise prices"). A notice's no that follows from the state it names
("This topic is closed. New replies are not allowed.") has its why, and so has one that
keeps someone else's things private ("we can't discuss another customer's order"). An
alternative is welcome, but it is not a reason: "We can't help with that here; DM us"
still leaves the customer asking why.

Why it matters: a bare "no" sounds like a closed door and invites an argument. Honesty
beats a vague yes, and a reason makes the no fair; an alternative turns it into help.

Example:
    We don't support exporting to Excel.

Use instead:
    We don't support exporting to Excel because the reports use live formulas. What you can
    do instead is export to CSV, which Excel opens directly.

The finding is the sentence that lacks its why (negative-language reports the refusal's own
words), and its suggestion keeps the no word for word, leads with what can be done (an
alternative the reply already gives goes first; else a gap for one) and asks for the why:
the same rewrite negative-language gives the refusal, never one that rewrites the no away.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import Document, Span
from empathylint.language.cant_until import cant_until_rewrites
from empathylint.language.clauses import (
    bound_pattern,
    concession_pattern,
    others_pattern,
    reason_in,
    reason_lead_pattern,
    state_pattern,
)
from empathylint.language.phrase_trie import PhraseTrie
from empathylint.language.phrases import compile_phrases, find_phrases, normalize
from empathylint.language.refusals import (
    Refusal,
    RefusalGrammar,
    find_refusals,
    grammar_words,
    refusal_grammar,
)
from empathylint.language.regex_on_use import LazyPattern
from empathylint.language.vocabulary import default_phrases
from empathylint.rule import Code, Rule
from empathylint.rules._reply import neighbourhood, quoted, refusal_rewrite, reply_sentence, run_in


@dataclass(frozen=True)
class Settings:
    refusers: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "refusers"))
    # Refusers who are the reader: a limit put on them ("you can't transfer a save") is a no,
    # their own trouble ("it looks like you can't log in") is not. The same lists as
    # negative-language's.
    readers: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "readers"))
    reader_troubles: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "reader-troubles"))
    offer_verbs: tuple[str, ...] = field(default_factory=grammar_words("offer-verbs"))
    withheld_words: tuple[str, ...] = field(default_factory=grammar_words("withheld-words"))
    possessions: tuple[str, ...] = field(default_factory=grammar_words("possessions"))
    disclosures: tuple[str, ...] = field(default_factory=grammar_words("disclosures"))
    private_things: tuple[str, ...] = field(default_factory=grammar_words("private-things"))
    outsiders: tuple[str, ...] = field(default_factory=grammar_words("outsiders"))
    hedges: tuple[str, ...] = field(default_factory=grammar_words("hedges"))
    clause_openers: tuple[str, ...] = field(default_factory=grammar_words("clause-openers"))
    refusal_phrases: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "refusal-phrases"))
    not_refusals: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "not-refusals"))
    not_refused_verbs: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "not-refused-verbs"))
    reasons: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "reasons"))
    reasons_after: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "reasons-after"))
    not_reasons: tuple[str, ...] = field(default_factory=grammar_words("not-reasons"))
    reason_leads: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "reason-leads"))
    reason_slots: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "reason-slots"))
    concessions: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "concessions"))
    states: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "states"))
    other_people: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "other-people"))
    bounds: tuple[str, ...] = field(default_factory=default_phrases("say-no-with-why", "bounds"))
    sentences_before: int = 1
    sentences_after: int = 2

    @functools.cached_property
    def matchers(self) -> _Matchers:
        """The lists compiled, once per settings object; a check only matches."""
        return _Matchers(
            refusals=refusal_grammar(
                self, self.refusers, self.not_refusals, readers=self.readers, reader_troubles=self.reader_troubles
            ),
            refusal_phrases=compile_phrases(self.refusal_phrases),
            not_refused=frozenset(map(normalize, self.not_refused_verbs)),
            reasons=compile_phrases(self.reasons),
            reasons_after=compile_phrases(self.reasons_after),
            not_reasons=compile_phrases(self.not_reasons),
            reason_lead=reason_lead_pattern(self.reason_leads),
            reason_slots=frozenset(word.lower() for word in self.reason_slots),
            concession=concession_pattern(self.concessions),
            state=state_pattern(self.states),
            others=others_pattern(self.other_people),
            bound=bound_pattern(self.bounds),
        )


@dataclass(frozen=True)
class _Matchers:
    refusals: RefusalGrammar
    refusal_phrases: PhraseTrie | None
    not_refused: frozenset[str]
    reasons: PhraseTrie | None
    reasons_after: PhraseTrie | None
    not_reasons: PhraseTrie | None
    reason_lead: re.Pattern[str] | None
    reason_slots: frozenset[str]
    concession: re.Pattern[str] | None
    state: re.Pattern[str] | None
    others: re.Pattern[str] | None
    bound: re.Pattern[str] | None


_SLOT_WORD = LazyPattern(r"[a-z]+")
_RELATIVE_BEFORE = LazyPattern(r",\s*which\s*$")
# A purpose opening the sentence: "To keep threads useful, …", "In order to protect you, …".
_PURPOSE_FIRST = LazyPattern(r"(?:in\s+order\s+)?to\s+[^\W\d_][^,.;:!?]{0,150},", re.IGNORECASE)
# How far before a no the word that ties it to its reason may stand ("…, so we").
_LEAD_REACH = 40
# A no whose sentence goes on to its cause: after a colon, semicolon or dash ("We can't merge
# them: each holds its own billing history"), or in a clause with a subject of its own ("We
# won't add it this year, the team is rebuilding the editor first"); not what the reader can
# do instead ("…; you can use the app", "…: please call us").
_CAUSE_AFTER = LazyPattern(
    r"(?:[:;]|\s[—–]|\s-)\s+(?!(?:you|please|but|instead|however|here|try|contact|visit|feel|dm|send|check|reach|call)\b)"
    r"[^\W\d_][\w'’]*(?:\s+[\w'’]+){2,}"
    r"|,\s+(?:the|our|its|it['’]s|it\s+(?:is|was|has)|they['’]re|they\s+are|their|that['’]s|these|those|each|we['’]re"
    r"|we['’]ve|there['’]s|there\s+(?:is|are))\s+[\w'’]+"
    # "…, as gift cards work like cash", "…, as email isn't secure": "as" opening a clause,
    # not "as well", "as soon as", "as a gift", "as standard".
    r"|\bas\s+(?!(?:well|soon|long|much|far|many|a|an|per|of|such|follows|needed|possible|usual|always|standard"
    r"|requested|expected|described|shown|mentioned|part|quickly|fast|you|yet|is|before)\b)"
    r"[^\W\d_][\w'’]*\s+(?:[\w'’]+\s+)?(?:(?:is|are|was|were|has|have)(?:n['’]t)?|work|works|need|needs|lock|locks|do|does|don['’]t"
    r"|doesn['’]t|can|can['’]t|cannot|must|will|won['’]t|only|require|requires|go|goes|come|comes|take|takes|belong"
    r"|belongs|expire|expired|expires|close|closed|closes|ended|end|ends)\b",
    re.IGNORECASE,
)


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    flagged: set[Span] = set()
    explained: dict[Span, bool] = {}  # a sentence is read for its reason once, however many nos it holds
    matchers = settings.matchers
    # "You won't be able to post until a moderator reviews it" says what ends the no, and
    # negative-language rewrites it as a yes ("you'll be able to post once…"): not a bare no.
    temporary = [span for span, _ in cant_until_rewrites(doc.text, doc.body)]
    for refusal, kind in _refusals(doc, matchers):
        sentence = reply_sentence(doc, refusal.start)
        if sentence is None or sentence in flagged:
            continue
        if any(span.start <= refusal.start < span.end for span in temporary):
            continue
        if _follows_from_cause(doc, sentence, refusal, matchers.reason_lead):
            continue
        if _CAUSE_AFTER.search(doc.text, refusal.end, sentence.end) or _found(
            matchers.bound, doc.text, Span(refusal.end, sentence.end)
        ):
            continue
        if kind in _CONCEDABLE and _conceded(doc, sentence, refusal, matchers.concession):
            continue
        if sentence not in explained:
            explained[sentence] = _explained(doc, sentence, settings, matchers)
        if explained[sentence]:
            continue
        flagged.add(sentence)
        # The finding is the sentence that lacks its why: negative-language owns the refusal's
        # own words, so no phrase is reported twice with two pieces of advice.
        yield RULE.diagnostic(
            "no-reason",
            sentence,
            f'"{quoted(doc, refusal)}" is a no without a why; give the reason and, if you can, '
            "what they can do instead.",
            suggestion=refusal_rewrite(doc, sentence, refusal, needs_reason=True),
        )


def _refusals(doc: Document, matchers: _Matchers) -> Iterator[tuple[Span, str]]:
    """The refusals in the reply, in order, with their kind ("inability", "policy", …; ""
    for a listed phrase): by grammar, then the listed phrases."""
    found = [
        (refusal.span, refusal.kind)
        for refusal in find_refusals(doc.text, doc.body, matchers.refusals)
        if normalize(refusal.verb) not in matchers.not_refused and not _describes_what_was_named(doc.text, refusal)
    ]
    # "We have no plans to raise prices" is good news: the not-refusals hold for listed phrases too.
    kept = [Span(m.start(), m.end()) for m in find_phrases(matchers.refusals.exceptions, doc.text, doc.body)]
    found += [
        (Span(m.start(), m.end()), "")
        for m in find_phrases(matchers.refusal_phrases, doc.text, doc.body)
        if not any(span.start < m.end() and m.start() < span.end for span in kept)
    ]
    return iter(sorted(found, key=lambda refusal: refusal[0].start))


def _describes_what_was_named(text: str, refusal: Refusal) -> bool:
    """ "You replied to a digest email, which is not accepted": the no qualifies what the
    sentence has just named, and that naming is its reason."""
    start = refusal.span.start
    return refusal.kind == "withheld" and _RELATIVE_BEFORE.search(text, max(0, start - 20), start) is not None


def _explained(doc: Document, sentence: Span, settings: Settings, matchers: _Matchers) -> bool:
    """A reason in the refusal's sentence or the ones before it ("For security, …"), or one
    pointing back at it from the sentences after ("That's because …"). A sentence after
    that opens with "Because" explains its own clause ("Because you've been with us a
    while, here's a code"), not the no before it."""
    if sentence == run_in(doc):  # the words a greeting runs into come before every body sentence
        before, after = [sentence], doc.body_sentences[: settings.sentences_after]
    else:
        nearby = neighbourhood(doc, sentence, settings.sentences_before, settings.sentences_after)
        index = nearby.index(sentence)
        before, after = nearby[: index + 1], nearby[index + 1 :]
    if any(reason_in(doc.text, span, matchers.reasons, matchers.not_reasons) for span in before) or any(
        reason_in(doc.text, span, matchers.reasons_after, matchers.not_reasons) for span in after
    ):
        return True
    # "This topic is closed. New replies are not allowed.": a notice of the state it follows
    # from; "we can't discuss another customer's order": their privacy is the why.
    if any(_found(matchers.state, doc.text, span) for span in before) or _found(matchers.others, doc.text, sentence):
        return True
    # A canned reply's slot for the reason fills it in ("%{reject_reason}" on the next line).
    region = Span(before[0].start, after[-1].end if after else len(doc.text))
    return any(
        not matchers.reason_slots.isdisjoint(_SLOT_WORD.findall(slot.raw.lower()))
        for slot in doc.placeholders_in(region)
    )


def _found(pattern: re.Pattern[str] | None, text: str, span: Span) -> bool:
    return pattern is not None and pattern.search(text, span.start, span.end) is not None


def _follows_from_cause(doc: Document, sentence: Span, refusal: Span, reason_lead: re.Pattern[str] | None) -> bool:
    """ "The key is unknown, so we can't tell…", "To keep threads useful, short replies are
    not allowed", "read on to see why we don't": the words before the no give its reason."""
    if _PURPOSE_FIRST.match(doc.text, sentence.start, refusal.start):
        return True
    lead_start = max(sentence.start, refusal.start - _LEAD_REACH)
    return reason_lead is not None and reason_lead.search(doc.text, lead_start, refusal.start) is not None


# What we do not offer or have can be conceded on the way to what we do ("While we don't fly
# there direct, we do offer a connection"); "While we can't help with that here, …" still
# refuses what they asked.
_CONCEDABLE = frozenset({"policy", "possession"})


def _conceded(doc: Document, sentence: Span, refusal: Span, concession: re.Pattern[str] | None) -> bool:
    """ "Although we don't stream it yet, we've passed your request on": the no is a clause
    that opens with a concession and the sentence turns, after a comma, to what they can have."""
    if concession is None or concession.match(doc.text, sentence.start, refusal.start) is None:
        return False
    turn = doc.text.find(",", refusal.end, sentence.end)
    return turn != -1 and any(character.isalpha() for character in doc.text[turn : sentence.end])


RULE = Rule(
    group="say-no-with-why",
    item="reasoned-no",
    codes=(Code("no-reason", "A refusal with no reason nearby.", Severity.WARNING),),
    profiles=frozenset({"reply", "template"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
