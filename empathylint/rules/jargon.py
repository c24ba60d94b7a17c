"""Use words the customer uses.

What it does: finds terms a customer would have to look up, from word lists by domain
(software and git: "pull request", "repo"; the web: "DNS", "user agent"; security: "SIM
hijacking"; payments: "authorization hold", "line items"; forums: "crossposting"; support:
"escalated"; …), and offers the plain alternative where the list has one ("your repo" →
"your project"). It also finds acronyms of two to six capitals that no list knows and the
draft never explains, in replies and canned replies (FAQ, PDF, DM, ETA and other everyday
ones are fine). Each term is reported once, where it first appears.

A term is not jargon where the draft explains it ("single sign-on (SSO)", "SSO, or single
sign-on,", "a chargeback or payment reversal,", "DNS, the internet's address book", "a copy
called a cache", "Google Tag Manager … our GTM guide"; an acronym in brackets after a
product's name, "Acme Authenticator (TOTP)", is not explained by it), where the customer
used it first (answering in their words is matching them), where it is part of a name in
capitals ("VS Code", "Directory Services", "HTTPS Everywhere") or of a label on the screen
("the **URI** field"), a file name ("README"), the writer's initials ("/OP"), inside an
author's fill-in slot ("[Issue URL]"), or the subject of the article it is in (a page titled
"Connect through a proxy"), where its paragraph links to the help centre's own page about
it ("[API keys](/help/api-keys/)", "… see [Using URIs](/article/uri-matching/)"; a link to
an encyclopedia leaves the help centre and explains nothing), or, in an article, in a
sentence or under a heading for people who run the service themselves ("on a self-hosted
instance", "## Self-hosting"; a reply's reader may run a server without knowing its
words). Code, links, placeholders, quoted customer text, the greeting and the sign-off are never read.

`audience` picks the domain lists the draft is held to: "general" (customers, the default)
or "technical" (a help centre for a developer product, where "API" and "pull request" are
everyday). `technical-paths` reads some files as technical whatever the audience: a help
centre whose developer pages live in "developers/" sets `technical-paths = ["developers/"]`.
A draft reads as technical on its own when it shows a code block, the customer used a
developer's term ("429s from your API"), an article's title names a developer's tool
("Public API", "CLI Setup"), or an article is filed for the administrators who set the
service up (its title, categories or description name "SSO", "enterprise" or
"administrators", or it says only admins or owners can do what it describes: `admin-topics`,
`admin-notices`). A help centre can exempt its articles
from the words it uses on every page for its own settings and features
(`article-vocabulary`, none by default); a reply to one customer is still held to them.
`glossary` allows a team's own terms and product names; `terms` adds more.

Why it matters: jargon makes a customer feel they should already know something, and an
answer they cannot follow is no answer. Plain words, or a term explained once, let anyone
act on the reply.

Example:
    The DNS change can take 48 hours to propagate, so please open a pull request in the repo.

Use instead:
    The domain change can take 48 hours to take effect, so please send us your proposed
    change in the project.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Document, Profile, Span
from empathylint.language.capitals import (
    ACRONYM,
    NAMES_SOMETHING,
    OPENS_A_REFERENCE,
    ROMAN_NUMERAL,
    is_a_signature,
    is_file_name,
    is_shouting,
    is_word,
)
from empathylint.language.explanations import Spellings, explained_names, is_explained
from empathylint.language.jargon_audience import on_a_technical_path, shows_code, title_has, written_for_admins
from empathylint.language.jargon_context import (
    in_a_name_line,
    in_a_passage_for_operators,
    in_a_table,
    inside,
    labels_a_control,
    links_to_a_definition,
    near_a_page_about_it,
    opens_sentence,
    set_aside,
    signs_the_reply,
    subject,
    written_as_a_name,
)
from empathylint.language.jargon_terms import Term, domain_terms, find_terms, shipped_domains, term_regex
from empathylint.language.phrases import match_case, normalize, phrase_matcher, phrase_set
from empathylint.language.vocabulary import default_phrases
from empathylint.rule import Code, Rule

Audience = Literal["general", "technical"]


@dataclass(frozen=True)
class Settings:
    # Who reads the drafts: "general" (customers) or "technical" (developers).
    audience: Audience = "general"
    # The domain word lists (empathylint/language/data/jargon-<domain>.tsv) each audience
    # is held to: a technical reader knows the software and web words.
    domains: dict[Audience, tuple[str, ...]] = field(
        default_factory=lambda: {
            "general": ("computing", "email", "forum", "payments", "security", "software", "support", "telecom", "web"),
            "technical": ("forum", "payments", "support", "telecom"),
        }
    )
    # Files read as for a technical audience whatever `audience` says: globs of file or
    # folder names, matched at any depth ("developers/", "api-*.md"), so one checklist.toml
    # serves a help centre whose developer pages sit beside its customer pages.
    technical_paths: tuple[str, ...] = ()
    # The team's own terms and product names, never flagged.
    glossary: tuple[str, ...] = ()
    # More terms for this team, each with its plain alternative ("" to ask for an explanation).
    terms: dict[str, str] = field(default_factory=dict)
    # File names written in capitals: names, not acronyms.
    file_names: tuple[str, ...] = field(default_factory=default_phrases("jargon", "file-names"))
    # The profiles in which an acronym no word list knows is reported: an article's unknown
    # capitals are mostly the names of standards, laws and organisations.
    unknown_acronym_profiles: tuple[Profile, ...] = ("reply",)
    # Terms a help centre uses on every page for its own settings and features: its readers
    # meet them there daily, so its articles are not held to them; a reply to one customer
    # still is. None by default: the shipped list named the terms of the texts it was tuned
    # on, and left the unexplained terms of unseen help centres unflagged.
    article_vocabulary: tuple[str, ...] = ()
    # Phrases in which a listed term is plain English ("for instance").
    everyday_uses: tuple[str, ...] = field(default_factory=default_phrases("jargon", "everyday-uses"))
    # Sites whose pages define terms: a term that links to one is explained there.
    reference_sites: tuple[str, ...] = field(default_factory=default_phrases("jargon", "reference-sites"))
    # Phrases that show the reader writes code ("your pull request", "your repo"): the
    # draft is then read as for a technical audience. Not "your code" (a sign-in or promo
    # code) nor "your branch" (a bank's): customers say them too.
    developer_cues: tuple[str, ...] = field(default_factory=default_phrases("jargon", "developer-cues"))
    # Phrases that address people who run the service themselves ("self-hosted"): a
    # sentence of an article with one is written for a technical reader.
    operator_cues: tuple[str, ...] = field(default_factory=default_phrases("jargon", "operator-cues"))
    # Words in an article's title that name a developer's tool ("API", "CLI"): the page is
    # written for developers, as with audience = "technical".
    developer_titles: tuple[str, ...] = field(default_factory=default_phrases("jargon", "developer-titles"))
    # Words in an article's title, categories or description that file it for the people
    # who set the service up for others ("SSO", "enterprise", "administrators"): the page
    # is read as with audience = "technical".
    admin_topics: tuple[str, ...] = field(default_factory=default_phrases("jargon", "admin-topics"))
    # Notices that only administrators or owners can do what an article describes
    # ("admin-only"): the page is read as with audience = "technical".
    admin_notices: tuple[str, ...] = field(default_factory=default_phrases("jargon", "admin-notices"))

    # The parts of a product's screens a label in bold or quotes can name ("the **URI**
    # field"): the term is then the text on the screen, not a word to explain.
    control_words: tuple[str, ...] = field(default_factory=default_phrases("jargon", "control-words"))
    # The verbs that send the reader to a label on the screen ("Click **API keys**"): the
    # label in bold or quotes after one is the text on the screen, not a word to explain.
    control_verbs: tuple[str, ...] = field(default_factory=default_phrases("jargon", "control-verbs"))

    allowed = phrase_set("glossary")
    control_word_set = phrase_set("control_words")

    @functools.cached_property
    def control_verb_pattern(self) -> re.Pattern[str] | None:
        """A control verb right before a label's opening mark ("Click **", "choose \"")."""
        if not self.control_verbs:
            return None
        verbs = "|".join(r"[ \t]+".join(map(re.escape, verb.split())) for verb in self.control_verbs)
        return re.compile(rf"(?<![\w-])(?:{verbs})[ \t]+\Z", re.IGNORECASE)

    everyday_uses_matcher = phrase_matcher("everyday_uses")
    developer_cue_matcher = phrase_matcher("developer_cues")
    operator_cue_matcher = phrase_matcher("operator_cues")
    developer_title_matcher = phrase_matcher("developer_titles")
    admin_topic_matcher = phrase_matcher("admin_topics")
    admin_notice_matcher = phrase_matcher("admin_notices")

    @functools.cached_property
    def file_name_set(self) -> frozenset[str]:
        return frozenset(self.file_names)

    @functools.cached_property
    def terms_by_audience(self) -> dict[Audience, tuple[Term, ...]]:
        """The terms to flag for each audience, built once per settings."""
        return {
            audience: _terms_for(self.domains.get(audience, ()), self.terms, self.allowed)
            for audience in ("general", "technical")
        }

    @functools.cached_property
    def article_terms(self) -> dict[Audience, tuple[Term, ...]]:
        """The terms an article is held to: each audience's, less the help centre's vocabulary."""
        vocabulary = frozenset(normalize(term) for term in self.article_vocabulary)
        return {
            audience: tuple(term for term in terms if normalize(term.term) not in vocabulary)
            for audience, terms in self.terms_by_audience.items()
        }

    @functools.cached_property
    def known_terms(self) -> frozenset[str]:
        """Every term's normalised text, in every domain and the team's own: an acronym
        that is a known term is left to the term check, which knows whether this audience
        is held to it."""
        shipped = {normalize(term.term) for domain in shipped_domains() for term in domain_terms(domain)}
        return frozenset(shipped) | {normalize(term) for term in self.terms}

    @functools.cached_property
    def developer_terms(self) -> tuple[Term, ...]:
        """The terms only a general audience is held to: a customer who uses one writes code."""
        developer_domains = set(self.domains.get("general", ())) - set(self.domains.get("technical", ()))
        return tuple(term for domain in sorted(developer_domains) for term in _domain_list(domain))


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    text = doc.text
    body = doc.body
    allowed = settings.allowed
    technical = (
        settings.audience == "technical"
        or on_a_technical_path(doc.path, settings.technical_paths)
        or _reads_technical(doc, settings)
    )
    by_audience = settings.article_terms if doc.profile == "doc" else settings.terms_by_audience
    terms = by_audience["technical" if technical else "general"]
    aside = set_aside(text, body, settings.everyday_uses_matcher)
    term_matches = [
        (match, term)
        for match, term in find_terms(text, body, terms)
        if not inside(aside, match)
        and not written_as_a_name(text, match, term)
        and not in_a_table(doc, match)
        and not in_a_name_line(doc, match)
        and not labels_a_control(doc, match, settings.control_word_set, settings.control_verb_pattern)
        and not signs_the_reply(text, match, term, body)
        and not (doc.profile == "doc" and in_a_passage_for_operators(doc, match, settings.operator_cue_matcher))
    ]

    def explained() -> frozenset[str]:
        return doc.memo("jargon.explained", lambda: explained_names(text) | subject(doc))

    def spelled_out(acronym: str, where: int) -> bool:
        return doc.memo("jargon.spellings", lambda: Spellings(text)).spell_out(acronym, where)

    reported: set[str] = set()
    counts = Counter(term.term for _, term in term_matches)
    customer_words = doc.customer_message or ""
    for match, term in term_matches:
        key = normalize(term.term)
        if key in reported or is_explained(explained(), term.term, match.group()):
            continue
        if links_to_a_definition(doc, match, settings.reference_sites) or near_a_page_about_it(doc, match, term):
            continue
        if term.term.isupper() and spelled_out(term.term, match.start()):
            continue
        if customer_words and term_regex(_ARTICLE.sub("", term.term)).search(customer_words):
            continue  # the customer used the word first: answering in their words is matching them
        reported.add(key)
        # "clear your browser's cache" reported, a later "cache" is the same advice again.
        reported.update(normalize(word) for word in term.term.split())
        yield _technical_term(text, match, term, counts[term.term] - 1)
    if technical or doc.profile not in settings.unknown_acronym_profiles:
        return
    known = settings.known_terms
    everyday = doc.acronyms.everyday_on(doc.channel) | settings.file_name_set
    for match in ACRONYM.finditer(text, body.start, body.end):
        acronym = match.group("acronym")
        key = normalize(acronym)
        if key in reported or key in known or key in allowed or acronym in everyday or inside(aside, match):
            continue
        if re.search(rf"(?<![\w-]){acronym}(?![\w-])", customer_words):
            continue
        if is_shouting(text, match) or ROMAN_NUMERAL.fullmatch(acronym) or is_word(acronym):
            continue
        if OPENS_A_REFERENCE.match(text, match.end()) or is_a_signature(text, match, body):
            continue
        if NAMES_SOMETHING.match(text, match.end()) or is_file_name(text, match):
            continue
        if is_explained(explained(), acronym, match.group()) or spelled_out(acronym, match.start()):
            continue
        reported.add(key)
        yield RULE.diagnostic(
            "unexplained-acronym",
            Span(match.start(), match.end()),
            f"Spell out “{acronym}” where it first appears, e.g. “… ({acronym})”, or say it in plain words.",
        )


# "the logs" is the customer's own word when they wrote "Logs attached".
_ARTICLE = re.compile(r"^(?:the|a|an|your|our)\s+", re.IGNORECASE)


def _reads_technical(doc: Document, settings: Settings) -> bool:
    """Whether this draft's reader speaks the developer's terms: a reply shows code to run,
    an article's title names a developer's tool ("Webhooks") or files it for administrators
    ("Login with SSO FAQs", "admin-only"), the draft speaks of the
    reader's own code ("your pull request"), or the customer used
    one of the terms only a general audience is held to ("our webhooks fail", "429s from
    your API"). Their terms are then fine, as with audience = "technical"."""
    if shows_code(doc):
        return True
    if title_has(doc, settings.developer_title_matcher):
        return True
    if written_for_admins(doc, settings.admin_topic_matcher, settings.admin_notice_matcher):
        return True
    cues = settings.developer_cue_matcher
    if cues is not None and cues.search(doc.text, doc.body.start, doc.body.end):
        return True
    customer_message = doc.customer_message
    if not customer_message:
        return False
    found = find_terms(customer_message, Span(0, len(customer_message)), settings.developer_terms)
    return next(found, None) is not None


def _technical_term(text: str, match: re.Match[str], term: Term, more: int) -> Diagnostic:
    written = match.group()
    span = Span(match.start(), match.end())
    again = f" (used {more} more time{'s' if more > 1 else ''})" if more else ""
    if not term.plain:
        return RULE.diagnostic(
            "technical-term",
            span,
            f"Most customers don't know “{written}”{again}; explain it in plain words where it first appears.",
        )
    replacement = _replacement(text, match.start(), written, term)
    # Only the listed form has a rewrite that is sure to fit the grammar; "caching" or
    # "tokens" get the advice without an edit.
    exact = normalize(written) == normalize(term.term)
    return RULE.diagnostic(
        "technical-term",
        span,
        f"Most customers don't say “{written}”{again}; try “{term.plain}”"
        + ("." if exact else f" (for “{term.term}”)."),
        suggestion=replacement if exact else None,
        fix=Fix((Edit(span.start, span.end, replacement),), safe=False) if exact else None,
    )


def _replacement(text: str, start: int, written: str, term: Term) -> str:
    """The plain alternative in the case of the text it replaces. An acronym's capitals
    say nothing about the alternative's: "the DNS" becomes "the domain settings", and only
    a sentence's first word gets a capital."""
    if term.term.lower() != term.term:
        return term.plain[:1].upper() + term.plain[1:] if opens_sentence(text, start) else term.plain
    return match_case(written, term.plain)


# --- the term lists ---------------------------------------------------------------------


def _domain_list(domain: str) -> tuple[Term, ...]:
    return domain_terms(domain) if domain in shipped_domains() else ()


def _terms_for(domains: tuple[str, ...], extra: dict[str, str], allowed: frozenset[str]) -> tuple[Term, ...]:
    """The terms to flag, in order of their text: the audience's domain lists and the
    team's own terms (one per normalised text), less the glossary."""
    terms = {normalize(t.term): t for domain in domains for t in _domain_list(domain)}
    terms.update({normalize(term): Term(term, plain, "team") for term, plain in sorted(extra.items())})
    return tuple(sorted((term for key, term in terms.items() if key not in allowed), key=lambda t: t.term))


RULE = Rule(
    group="jargon",
    item="eli5",
    codes=(
        Code("technical-term", "A term a customer would have to look up.", Severity.WARNING, "unsafe"),
        Code("unexplained-acronym", "An acronym the draft never spells out.", Severity.INFO),
    ),
    profiles=frozenset({"reply", "template", "doc"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
