"""Refusals and inability, found by grammar rather than by lists of sentences.

A refusal is a clause whose subject is someone (`subjects`: "we", "I", "you", "our team"),
whose verb is negated by an auxiliary or a modal, and whose main verb withholds something:

- a negated ability or permission, before any verb: "we can't refund", "I'm unable to
  change", "you won't be able to edit", "we aren't allowed to share";
- a negated "do", "be" or "will" before a verb of offering (`offer_verbs`): "we don't
  offer", "we aren't currently offering", "we are no longer offering", "we've stopped
  offering", "we don't have a way to", "you'll not have access to", "we no longer ship";
- a negated "have" before a thing held that permits (`possessions`), a few words apart:
  "we don't currently have the streaming rights", "we have no way to", "we do not have
  the necessary permissions";
- a decision: "we have decided not to", "we chose not to", "we've decided against";
- without a subject, a thing withheld (`withheld_words`): "it isn't possible", "which is not
  accepted", "refunds are no longer available", "no recording will be available".

A promise that keeps what is the customer's from others is no refusal: a verb of passing on
(`disclosures`) whose object is their private things (`private_things`): "we don't sell your
personal data", "we won't give your phone number to couriers", "our team does not have
access to your vault" (but "we don't offer refunds" and "we can't share your details by
email" still are).

Contractions are read as their long forms (either apostrophe). The auxiliaries, modals
and negators are English grammar and live here; the open word classes (who, what is
offered, what is withheld, the adverbs that may stand between, the words that make a clause
conditional, the exceptions) are data the rules take from checklist.toml. A clause that is a
condition ("if you can't sign in"), a purpose ("so that no one can"), a question, or
matches an exception ("we can't wait", "you won't be charged") is not a refusal.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from empathylint.document import Span
from empathylint.language.clauses import in_condition, is_question, phrases_within, word_start
from empathylint.language.phrase_trie import PhraseTrie
from empathylint.language.phrases import compile_phrases, normalize
from empathylint.language.regex_openings import Gated
from empathylint.language.verb_forms import APOSTROPHE, inflections, word_alternation
from empathylint.language.vocabulary import default_words

_NOT = rf"(?:n{APOSTROPHE}t|\s+not)"  # "couldn't" / "could not" after a modal
_ABLE = r"(?:able|allowed|permitted|authori[sz]ed|in\s+a\s+position)\s+to"


def grammar_words(key: str) -> Callable[[], tuple[str, ...]]:
    """A default_factory for a word class both refusal rules read (language/data/refusals.toml):
    offer-verbs, withheld-words, possessions, hedges, clause-openers, not-reasons."""
    return default_words("refusals", key)


@dataclass(frozen=True)
class RefusalVocabulary:
    """The open word classes of the grammar, as checklist.toml lists them."""

    subjects: tuple[str, ...]
    offer_verbs: tuple[str, ...]
    withheld_words: tuple[str, ...]
    adverbs: tuple[str, ...]
    clause_openers: tuple[str, ...]
    exceptions: tuple[str, ...]
    # Subjects that are the reader ("you", "users"): a limit put on them is a refusal, but
    # their own plans ("you no longer plan to use it") and troubles ("an account you can't
    # access") are not.
    readers: tuple[str, ...] = ()
    reader_troubles: tuple[str, ...] = ()
    # What a subject may lack that permits it to do something ("rights", "permission", "way"):
    # "we don't have the streaming rights" withholds as "we don't offer" does.
    possessions: tuple[str, ...] = ()
    # Subjects that are someone else ("they"): their inability is a refusal only before a
    # verb of offering ("they are unable to assist"), not "they can't get into your account".
    third_parties: tuple[str, ...] = ()
    # Verbs of passing a thing on, and the customer's things kept private: "we don't sell your
    # data" is a promise, not a no.
    disclosures: tuple[str, ...] = ()
    private_things: tuple[str, ...] = ()
    # Who the customer's things are kept from: "we don't sell your purchase history to advertisers".
    outsiders: tuple[str, ...] = ()


class RefusalWords(Protocol):
    """The word classes every rule that reads refusals takes from its settings (their
    defaults are language/data/refusals.toml, through grammar_words)."""

    @property
    def offer_verbs(self) -> tuple[str, ...]: ...
    @property
    def withheld_words(self) -> tuple[str, ...]: ...
    @property
    def hedges(self) -> tuple[str, ...]: ...
    @property
    def clause_openers(self) -> tuple[str, ...]: ...
    @property
    def possessions(self) -> tuple[str, ...]: ...
    @property
    def disclosures(self) -> tuple[str, ...]: ...
    @property
    def private_things(self) -> tuple[str, ...]: ...
    @property
    def outsiders(self) -> tuple[str, ...]: ...


def refusal_grammar(
    words: RefusalWords,
    subjects: tuple[str, ...],
    exceptions: tuple[str, ...],
    *,
    readers: tuple[str, ...] = (),
    reader_troubles: tuple[str, ...] = (),
    third_parties: tuple[str, ...] = (),
) -> RefusalGrammar:
    """A rule's refusal grammar: the shared word classes from its settings, with who refuses
    and what is no refusal, which stay each rule's own."""
    return compile_refusals(
        RefusalVocabulary(
            subjects=subjects,
            offer_verbs=words.offer_verbs,
            withheld_words=words.withheld_words,
            adverbs=words.hedges,
            clause_openers=words.clause_openers,
            exceptions=exceptions,
            readers=readers,
            reader_troubles=reader_troubles,
            third_parties=third_parties,
            possessions=words.possessions,
            disclosures=words.disclosures,
            private_things=words.private_things,
            outsiders=words.outsiders,
        )
    )


@dataclass(frozen=True, slots=True)
class Refusal:
    span: Span
    # The subject as written, lower case ("we", "our team"), or "" when a thing is withheld.
    subject: str
    # "inability" (can't, unable to), "policy" (don't offer, decided not to), "possession"
    # (don't have the rights) or "withheld".
    kind: str
    # The verb or word that says what is withheld, as written ("refund", "available").
    verb: str


def find_refusals(text: str, within: Span, grammar: RefusalGrammar) -> Iterator[Refusal]:
    """The refusals in text[within], in order, none overlapping another."""
    exceptions = [Span(m.start(), m.end()) for m in phrases_within(grammar.exceptions, text, within)]
    found: list[Refusal] = []
    for kind, pattern in grammar.patterns:
        for match in pattern.finditer(text, within.start, within.end):
            span = Span(word_start(text, match.start()), match.end())
            subject = normalize(match.group("subject") or "") if "subject" in pattern.regex.groupindex else ""
            verb = match.group("verb")
            if any(e.start < span.end and span.start < e.end for e in exceptions):
                continue
            if is_question(text, span.end, within.end) or in_condition(text, span.start, grammar.openers):
                continue
            refusal = Refusal(span, subject, kind, verb)
            if not _only_describes(text, refusal, grammar):
                found.append(refusal)
    last_end = -1
    for refusal in sorted(found, key=lambda r: (r.span.start, -len(r.span))):
        if refusal.span.start >= last_end:
            last_end = refusal.span.end
            yield refusal


_FUTURE = re.compile(r"(?<![\w'’])(?:will|won['’]t|would|wouldn['’]t)(?![\w'’])|['’]ll(?![\w'’])", re.IGNORECASE)
# "It may not be suitable for everyone": a possibility, not a thing withheld.
_POSSIBILITY = re.compile(r"(?<![\w'’])(?:may|might|could)\s*$", re.IGNORECASE)


def _only_describes(text: str, refusal: Refusal, grammar: RefusalGrammar) -> bool:
    """Whether the clause describes a possibility, or the reader's own plan or present trouble."""
    if refusal.kind == "withheld":
        return _POSSIBILITY.search(text, max(0, refusal.span.start - 12), refusal.span.start) is not None
    if refusal.subject in grammar.third_parties:
        return refusal.kind == "inability" and grammar.offered.fullmatch(refusal.verb) is None
    if refusal.subject not in grammar.readers:
        return _keeps_private(text, refusal, grammar)
    verb = normalize(refusal.verb)
    if refusal.kind == "possession":
        return True  # "you don't have access to the old phone" is their situation
    if refusal.kind == "policy":
        return not verb.startswith("ha")  # "you won't have access to" is withheld from them
    # "an account you can't access" is their trouble; "you won't be able to access it" is
    # what will be withheld from them.
    return verb in grammar.reader_troubles and _FUTURE.search(text, refusal.span.start, refusal.span.end) is None


def _keeps_private(text: str, refusal: Refusal, grammar: RefusalGrammar) -> bool:
    """ "We don't sell your data", "we have no access to your vault": a promise to the customer,
    said with a negated verb of passing on (not "can't", which is a no: "we can't share your
    details by email")."""
    if grammar.promise is None or refusal.kind not in ("policy", "possession"):
        return False
    if " ".join(normalize(refusal.verb).split()) not in grammar.disclosed:
        return False
    return grammar.promise.match(text, refusal.span.end) is not None


@dataclass(frozen=True)
class RefusalGrammar:
    """A vocabulary compiled: built once per rule's settings, then only matched."""

    # Each tried only where its opening words stand (regex_openings.py).
    patterns: tuple[tuple[str, Gated], ...]
    exceptions: PhraseTrie | None
    openers: PhraseTrie | None
    # Any form of a verb of offering, as a word: "assist", "offering".
    offered: re.Pattern[str]
    readers: frozenset[str]
    reader_troubles: frozenset[str]
    third_parties: frozenset[str]
    # Every form of a verb of passing on ("sell", "sells", "selling"), and what may follow
    # one that makes the no a promise (" or rent your personal data").
    disclosed: frozenset[str] = frozenset()
    promise: re.Pattern[str] | None = None


@functools.lru_cache(maxsize=64)
def compile_refusals(vocabulary: RefusalVocabulary) -> RefusalGrammar:
    # "our billing team", "the returns team" stand where "our team" does
    subject = rf"(?:{word_alternation(vocabulary.subjects)}|(?:our|the)\s+[^\W\d_]+\s+team)"
    # "we can't", "we currently can't", and fenced by commas "we will, however, not be able to"
    hedged = rf"\s+{word_alternation(vocabulary.adverbs)}|\s*,\s*(?:{word_alternation(vocabulary.adverbs)}|however),"
    adverb = rf"(?:{hedged})?" if vocabulary.adverbs else ""
    offer_forms = tuple(form for verb in vocabulary.offer_verbs for form in inflections(verb))
    offered = word_alternation(offer_forms)
    withheld = word_alternation(vocabulary.withheld_words)
    be_forms = rf"(?:\s+(?:am|are|is|was|were)|{APOSTROPHE}(?:m|re|s))"
    # "can't", "cannot", "won't be able to", "'m unable to", "aren't allowed to", "haven't been able to"
    negated_ability = "|".join(
        (
            rf"\s+(?:can(?:not|{APOSTROPHE}t|\s+not|\s+no\s+longer)|could{_NOT})",
            rf"\s+(?:won{APOSTROPHE}t|will\s+not|would{_NOT}|shall\s+not){adverb}\s+be\s+{_ABLE}",
            rf"(?:\s+will|\s+would|{APOSTROPHE}ll|{APOSTROPHE}d){adverb}\s+(?:not|no\s+longer|never){adverb}\s+be\s+{_ABLE}",
            rf"(?:\s+will|\s+would|{APOSTROPHE}ll|{APOSTROPHE}d){adverb}\s+be\s+unable\s+to",
            rf"{be_forms}{adverb}\s+(?:(?:not|never){adverb}\s+{_ABLE}|unable\s+to|no\s+longer\s+{_ABLE})",
            # "we're not going to be able to replace it"
            rf"(?:{be_forms}{adverb}\s+not|\s+(?:aren|isn){APOSTROPHE}t){adverb}\s+going\s+to\s+be\s+{_ABLE}",
            rf"\s+(?:aren|isn|wasn|weren){APOSTROPHE}t{adverb}\s+{_ABLE}",
            rf"(?:\s+(?:have|has|had){_NOT}|{APOSTROPHE}ve\s+not)\s+been\s+{_ABLE}",
            # "we didn't manage to recover it", "I haven't managed to reach them"
            rf"\s+(?:do|does|did)(?:{_NOT}|{adverb}\s+not){adverb}\s+manage\s+to",
            rf"(?:\s+(?:have|has|had){_NOT}|{APOSTROPHE}ve\s+not|\s+never){adverb}\s+managed\s+to",
        )
    )
    # "don't", "won't (be)", "aren't", "'ll not", "no longer" before a verb of offering
    negated_offer = "|".join(
        (
            rf"\s+(?:do|does|will|would)(?:{_NOT}|{adverb}\s+not)",
            rf"\s+won{APOSTROPHE}t",
            rf"(?:{APOSTROPHE}ll|{APOSTROPHE}d)\s+not",
            rf"{be_forms}{adverb}\s+(?:not|no\s+longer)",
            rf"\s+(?:aren|isn){APOSTROPHE}t",
            # "we're not going to support it", "we aren't going to add it"
            rf"(?:{be_forms}{adverb}\s+not|\s+(?:aren|isn){APOSTROPHE}t){adverb}\s+going\s+to",
            r"\s+no\s+longer",
            # "we've stopped offering", "we ceased shipping"
            rf"(?:\s+(?:have|has|had)|{APOSTROPHE}ve)?\s+(?:stopped|ceased)",
        )
    )
    head = rf"(?<![\w'’])(?P<subject>{subject}){adverb}"
    patterns = [
        ("inability", rf"{head}(?:{negated_ability}){adverb}\s+(?P<verb>[^\W\d_][\w'’-]*)"),
        ("policy", rf"{head}(?:{negated_offer}){adverb}(?:\s+be)?{adverb}\s+(?P<verb>{offered})(?![\w'’])"),
        (
            "policy",
            rf"{head}(?:\s+(?:have|has|had)|{APOSTROPHE}(?:ve|d))?{adverb}\s+"
            r"(?P<verb>decided|chosen|chose|opted|elected)\s+(?:not\s+to|against)(?![\w'’])",
        ),
        # "we'd rather not change it", "we would prefer not to": a no said softly
        (
            "policy",
            rf"{head}(?:{APOSTROPHE}d|\s+would){adverb}\s+(?:rather|prefer)\s+not(?:\s+to)?"
            rf"\s+(?P<verb>[^\W\d_][\w'’-]*)",
        ),
        (
            "withheld",
            rf"(?:(?<![\w'’])(?:is|are|was|were|be|been){adverb}\s+(?:not|no\s+longer)"
            rf"|{APOSTROPHE}(?:s|re)\s+not|(?<![\w'’])(?:isn|aren|wasn|weren){APOSTROPHE}t"
            rf"|(?<![\w'’])(?:not|cannot|\w+n{APOSTROPHE}t)\s+be|(?<![\w'’])no\s+longer)"
            rf"{adverb}(?:\s+being)?\s+(?P<verb>{withheld})(?![\w'’])",
        ),
        (
            "withheld",
            r"(?<![\w'’])no(?:\s+[\w-]+){1,4}?\s+(?:is|are|will\s+be|can\s+be|would\s+be)"
            rf"{adverb}\s+(?P<verb>{withheld})(?![\w'’])",
        ),
    ]
    if vocabulary.possessions:
        # "we don't (currently) have (the) (streaming) rights", "we have no way to"
        patterns.append(
            (
                "possession",
                rf"{head}(?:\s+(?:do|does|did)(?:{_NOT}|{adverb}\s+not){adverb}\s+have|\s+(?:have|has)\s+no)"
                rf"(?:\s+(?:the|any|a|an|enough))?(?:\s+[^\W\d_][\w-]*){{0,2}}?"
                rf"\s+(?P<verb>{word_alternation(vocabulary.possessions)})(?![\w'’])",
            )
        )
    return RefusalGrammar(
        patterns=tuple((kind, Gated(pattern, re.IGNORECASE)) for kind, pattern in patterns),
        exceptions=compile_phrases(vocabulary.exceptions),
        openers=compile_phrases(vocabulary.clause_openers),
        offered=re.compile(word_alternation(tuple(form.split()[0] for form in offer_forms)), re.IGNORECASE),
        readers=frozenset(map(normalize, vocabulary.readers)),
        reader_troubles=frozenset(map(normalize, vocabulary.reader_troubles)),
        third_parties=frozenset(map(normalize, vocabulary.third_parties)),
        disclosed=frozenset(
            " ".join(normalize(form).split()) for verb in vocabulary.disclosures for form in inflections(verb)
        ),
        promise=_promise_pattern(vocabulary.private_things, vocabulary.outsiders),
    )


def _promise_pattern(private_things: tuple[str, ...], outsiders: tuple[str, ...]) -> re.Pattern[str] | None:
    """What follows a verb of passing on when its object is the customer's: "(or rent) (out)
    (any of) your personal data", "(anyone else to see) your password", "your purchase
    history to (any) advertisers"."""
    if not private_things:
        return None
    kept_from = (
        rf"|(?:[^\W\d_][\w-]*\s+){{1,2}}?(?:to|with)\s+(?:any\s+)?{word_alternation(outsiders)}" if outsiders else ""
    )
    return re.compile(
        r"(?:\s+(?:or|and|nor)\s+[^\W\d_]+|\s+(?:out|away|on|to|in|into|any\s+of)"
        r"|\s+(?:anyone|anybody|others|third\s+parties)(?:\s+else)?\s+to\s+[^\W\d_]+){0,3}"
        rf"\s+your\s+(?:{word_alternation(private_things)}{kept_from})(?![\w'’])",
        re.IGNORECASE,
    )
