"""negative-language's settings, and its lists compiled once per settings object: the
vocabulary of the rule (what it reads), apart from how it reads and reports (the rule)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from empathylint.language.orders import curt_reading_pattern
from empathylint.language.phrase_trie import PhraseTrie
from empathylint.language.phrases import compile_phrases, keyed_by_phrase, normalize
from empathylint.language.refusals import RefusalGrammar, grammar_words, refusal_grammar
from empathylint.language.reproach import Reproach, ReproachVocabulary, compile_reproach
from empathylint.language.vocabulary import default_phrases, default_rewrites


@dataclass(frozen=True)
class Settings:
    framing: dict[str, str] = field(default_factory=default_rewrites("negative-language", "framing"))
    blame: dict[str, str] = field(default_factory=default_rewrites("negative-language", "blame"))
    commands: dict[str, str] = field(default_factory=default_rewrites("negative-language", "commands"))
    condescension: dict[str, str] = field(default_factory=default_rewrites("negative-language", "condescension"))
    stock_negatives: dict[str, str] = field(default_factory=default_rewrites("negative-language", "stock-negatives"))
    refusal_phrases: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "refusal-phrases"))
    prohibitions: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "prohibitions"))
    contact_acts: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "contact-acts"))
    requests_to_stop: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "requests-to-stop"))
    demands: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "demands"))
    reading_matter: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "reading-matter"))
    rule_citing: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "rule-citing"))
    dismissive: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "dismissive"))
    submissions: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "submissions"))
    shortfalls: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "shortfalls"))
    product_limits: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "product-limits"))
    article_limits: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "article-limits"))
    exceptions: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "exceptions"))
    refusal_subjects: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "refusal-subjects"))
    offer_verbs: tuple[str, ...] = field(default_factory=grammar_words("offer-verbs"))
    withheld_words: tuple[str, ...] = field(default_factory=grammar_words("withheld-words"))
    possessions: tuple[str, ...] = field(default_factory=grammar_words("possessions"))
    disclosures: tuple[str, ...] = field(default_factory=grammar_words("disclosures"))
    private_things: tuple[str, ...] = field(default_factory=grammar_words("private-things"))
    outsiders: tuple[str, ...] = field(default_factory=grammar_words("outsiders"))
    hedges: tuple[str, ...] = field(default_factory=grammar_words("hedges"))
    clause_openers: tuple[str, ...] = field(default_factory=grammar_words("clause-openers"))
    readers: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "readers"))
    reader_troubles: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "reader-troubles"))
    third_parties: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "third-parties"))
    reasons: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "reasons"))
    withheld_adjectives: tuple[str, ...] = field(
        default_factory=default_phrases("negative-language", "withheld-adjectives")
    )
    interface_gerunds: tuple[str, ...] = field(
        default_factory=default_phrases("negative-language", "interface-gerunds")
    )
    refused_participles: tuple[str, ...] = field(
        default_factory=default_phrases("negative-language", "refused-participles")
    )
    refusal_verbs: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "refusal-verbs"))
    trade_verbs: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "trade-verbs"))
    trade_goods: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "trade-goods"))
    organisations: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "organisations"))
    violations: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "violations"))
    rule_nouns: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "rule-nouns"))
    sanctions: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "sanctions"))
    prohibited_acts: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "prohibited-acts"))
    saying_verbs: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "saying-verbs"))
    already_said: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "already-said"))
    reader_duties: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "reader-duties"))
    withheld_news: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "withheld-news"))
    withheld_timing: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "withheld-timing"))
    not_reasons: tuple[str, ...] = field(default_factory=grammar_words("not-reasons"))

    @functools.cached_property
    def matchers(self) -> Matchers:
        """The lists compiled, once per settings object; a check only matches."""
        return Matchers.of(self)


@dataclass(frozen=True)
class Matchers:
    exceptions: PhraseTrie | None
    # (code, matcher, rewrites) for the phrase = rewrite tables
    tables: tuple[tuple[str, PhraseTrie | None, Mapping[str, str]], ...]
    # (code, matcher, in articles too, bare at a sentence start only) for the plain lists
    lists: tuple[tuple[str, PhraseTrie | None, bool, bool], ...]
    refusal_phrases: PhraseTrie | None
    refusals: RefusalGrammar
    reproach: Reproach
    interface_gerunds: frozenset[str]
    openers: PhraseTrie | None
    reasons: PhraseTrie | None
    not_reasons: PhraseTrie | None
    readers: frozenset[str]
    reading: re.Pattern[str] | None
    product_limits: PhraseTrie | None
    article_limits: PhraseTrie | None

    @classmethod
    def of(cls, settings: Settings) -> Matchers:
        prohibitions = compile_phrases(settings.prohibitions)
        return cls(
            exceptions=compile_phrases(settings.exceptions),
            tables=tuple(
                (code, compile_phrases(tuple(table)), keyed_by_phrase(table))
                for code, table in (
                    ("blame", settings.blame),
                    ("framing", settings.framing),
                    ("command", settings.commands),
                    ("condescension", settings.condescension),
                    ("stock-negative", settings.stock_negatives),
                )
            ),
            lists=(
                ("rule-citing", compile_phrases(settings.rule_citing), True, False),
                ("dismissive", compile_phrases(settings.dismissive), True, False),
                ("blame", compile_phrases(_shortfall_phrases(settings.submissions, settings.shortfalls)), True, False),
                # An article states requirements as how things work ("two-step login is required").
                ("command", compile_phrases(settings.demands), False, False),
                ("command", prohibitions, True, True),
                ("command", compile_phrases(settings.requests_to_stop), True, False),
                # "Never open a second ticket": an order that keeps them from us, in articles too
                ("command", compile_phrases(_joined(settings.prohibitions, settings.contact_acts)), True, False),
            ),
            refusal_phrases=compile_phrases(settings.refusal_phrases),
            refusals=refusal_grammar(
                settings,
                settings.refusal_subjects,
                settings.exceptions,
                readers=settings.readers,
                reader_troubles=settings.reader_troubles,
                third_parties=settings.third_parties,
            ),
            reproach=compile_reproach(
                ReproachVocabulary(
                    # "you declined the offer", "they refused the parcel": no no of ours
                    subjects=tuple(
                        subject
                        for subject in settings.refusal_subjects
                        if normalize(subject) not in {*map(normalize, settings.readers + settings.third_parties)}
                    ),
                    hedges=settings.hedges,
                    possessions=settings.possessions,
                    submissions=settings.submissions,
                    withheld_adjectives=settings.withheld_adjectives,
                    refused_participles=settings.refused_participles,
                    refusal_verbs=settings.refusal_verbs,
                    offer_verbs=settings.offer_verbs,
                    trade_verbs=settings.trade_verbs,
                    trade_goods=settings.trade_goods,
                    violations=settings.violations,
                    rule_nouns=settings.rule_nouns,
                    sanctions=settings.sanctions,
                    prohibited_acts=settings.prohibited_acts,
                    saying_verbs=settings.saying_verbs,
                    already_said=settings.already_said,
                    duties=settings.reader_duties,
                    news=settings.withheld_news,
                    timing=settings.withheld_timing,
                    organisations=settings.organisations,
                )
            ),
            interface_gerunds=frozenset(map(normalize, settings.interface_gerunds)),
            openers=compile_phrases(settings.clause_openers),
            reasons=compile_phrases(settings.reasons),
            not_reasons=compile_phrases(settings.not_reasons),
            readers=frozenset(map(normalize, settings.readers)),
            reading=curt_reading_pattern(settings.reading_matter),
            product_limits=compile_phrases(settings.product_limits),
            article_limits=compile_phrases(settings.article_limits),
        )


def _shortfall_phrases(submissions: tuple[str, ...], shortfalls: tuple[str, ...]) -> tuple[str, ...]:
    """ "your ticket lacks", "your pull request does not follow": what they sent, found short."""
    return tuple(f"your {submission} {shortfall}" for submission in submissions for shortfall in shortfalls)


def _joined(heads: tuple[str, ...], tails: tuple[str, ...]) -> tuple[str, ...]:
    """ "do not contact us", "never open a second": each head before each tail."""
    return tuple(f"{head} {tail}" for head in heads for tail in tails)
