"""Use words the customer uses.

What it does: finds technical and industry terms that most customers do not use ("cache",
"DNS", "endpoint", "propagate", "SLA", "escalated") and offers a plain alternative where
one is known ("clear your browser's cache" → "clear your browser's saved files"). It also
finds acronyms of two to six capitals that the draft never explains and that are not
everyday ones (FAQ, PDF, OK, USA, ID, PIN, …). A term explained in the same draft stays
silent: "single sign-on (SSO)", "SSO (single sign-on)", "DNS, the internet's address
book", "SSO, or single sign-on," and "a saved copy called a cache" all explain it. Each
term is flagged once, where it first appears. Terms in code, links, placeholders, quoted
customer text, the greeting and the sign-off are never flagged. `glossary` allows a team's
own terms and product names; `audience = "technical"` allows the terms developers use
(API, JSON, endpoint, …) for developer-facing docs.

Why it matters: jargon makes a customer feel they should already know something, and an
answer they cannot follow is no answer. Plain words, or a term explained once, let anyone
act on the reply.

Example:
    The DNS change can take 48 hours to propagate, so please clear your browser's cache.

Use instead:
    The domain change can take 48 hours to take effect, so please clear your browser's
    saved files.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Document, Span
from empathylint.phrases import compile_phrases, match_case, normalize
from empathylint.rule import Code, Rule

Audience = Literal["general", "technical"]
TECHNICAL_OK = "technical-ok"
TAGS = frozenset({TECHNICAL_OK})


@dataclass(frozen=True)
class Settings:
    # Who reads the drafts: "technical" allows the terms tagged technical-ok in the list.
    audience: Audience
    # The team's own terms and product names, never flagged.
    glossary: tuple[str, ...]
    # More terms for this team, each with its plain alternative ("" to ask for an explanation).
    terms: dict[str, str]
    # Acronyms everyone knows.
    everyday_acronyms: tuple[str, ...]
    # Phrases in which a listed term is plain English ("for instance").
    everyday_uses: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Term:
    term: str
    plain: str
    tags: frozenset[str]


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    text = doc.text
    body = doc.body
    allowed = {normalize(word) for word in settings.glossary}
    terms = _terms_for(settings.audience, tuple(sorted(settings.terms.items())), frozenset(allowed))
    matcher, group_terms = _term_pattern(tuple(sorted(term.term for term in terms.values())))
    everyday = [Span(m.start(), m.end()) for m in _everyday_matches(settings, text, body)]
    reported: set[str] = set()
    counts: dict[str, int] = {}
    term_matches: list[tuple[re.Match[str], Term]] = []
    if matcher is not None:
        for match in matcher.finditer(text, body.start, body.end):
            assert match.lastgroup is not None
            term = terms[normalize(group_terms[match.lastgroup])]
            if any(e.start <= match.start() and match.end() <= e.end for e in everyday):
                continue
            counts[term.term] = counts.get(term.term, 0) + 1
            term_matches.append((match, term))
    for match, term in term_matches:
        if normalize(term.term) in reported or _is_explained(text, term.term, match.group()):
            continue
        reported.add(normalize(term.term))
        # "clear your browser's cache" reported, a later "cache" is the same advice again.
        reported.update(normalize(word) for word in term.term.split())
        yield _technical_term(text, match, term, counts[term.term] - 1)
    known = {normalize(term.term) for term in _shipped_terms()} | {normalize(t) for t in settings.terms}
    everyday_acronyms = frozenset(settings.everyday_acronyms)
    for match in _ACRONYM.finditer(text, body.start, body.end):
        acronym = match.group("acronym")
        key = normalize(acronym)
        if key in reported or key in known or key in allowed or acronym in everyday_acronyms:
            continue
        if _is_shouting(text, match) or _ROMAN_NUMERAL.fullmatch(acronym) or _is_word(acronym):
            continue
        if _is_explained(text, acronym, match.group()):
            continue
        reported.add(key)
        yield RULE.diagnostic(
            "unexplained-acronym",
            Span(match.start(), match.end()),
            f"Spell out “{acronym}” where it first appears, e.g. “… ({acronym})”, or say it in plain words.",
        )


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
        opens_sentence = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?\n"
        return term.plain[:1].upper() + term.plain[1:] if opens_sentence else term.plain
    return match_case(written, term.plain)


# --- the term list ----------------------------------------------------------------------


@functools.cache
def _shipped_terms() -> tuple[Term, ...]:
    """The shipped list, empathylint/data/jargon.tsv, read once on first use."""
    data = resources.files("empathylint").joinpath("data/jargon.tsv").read_text(encoding="utf-8")
    return tuple(parse_terms(data))


def parse_terms(data: str) -> Iterator[Term]:
    """Rows of `term TAB plain TAB tags`; the last two may be empty or left out."""
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, plain, tags = [*line.split("\t"), "", ""][:3]
        yield Term(term, plain, frozenset(tag for tag in tags.split(",") if tag))


@functools.lru_cache(maxsize=16)
def _terms_for(audience: Audience, extra: tuple[tuple[str, str], ...], allowed: frozenset[str]) -> dict[str, Term]:
    """The terms to flag, by their normalised text: the shipped list and the team's own,
    less the glossary and, for a technical audience, the terms it uses."""
    terms = {normalize(t.term): t for t in _shipped_terms()}
    terms.update({normalize(term): Term(term, plain, frozenset()) for term, plain in extra})
    return {
        key: term
        for key, term in terms.items()
        if key not in allowed and not (audience == "technical" and TECHNICAL_OK in term.tags)
    }


@functools.lru_cache(maxsize=16)
def _term_pattern(keys: tuple[str, ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One alternation over the terms, longest first so "clear your browser's cache" wins
    over "cache". Lower-case terms match in any case and with their inflections (caches,
    cached, caching); terms with capitals match as written, with a plural ("APIs").
    The second value tells which term each named group of the pattern stands for."""
    if not keys:
        return None, {}
    ordered = sorted(keys, key=lambda key: (-len(key), key))
    parts = [f"(?P<t{index}>{_inflected(key)})" for index, key in enumerate(ordered)]
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(parts) + r")(?![\w'’-])")
    return pattern, {f"t{index}": key for index, key in enumerate(ordered)}


def _inflected(key: str) -> str:
    words = [re.sub("['’]", "['’]", re.escape(word)) for word in key.split()]
    last = key.split()[-1]
    if last.lower() != last:
        words[-1] += r"(?:s|['’]s)?"
        return r"\s+".join(words)
    if last.endswith("e"):
        words[-1] = words[-1][:-1] + r"(?:e|es|ed|ing)"
    elif last[-1].isalpha():
        words[-1] += r"(?:s|es|ed|ing)?"
    return "(?i:" + r"\s+".join(words) + ")"


def _everyday_matches(settings: Settings, text: str, body: Span) -> Iterator[re.Match[str]]:
    pattern = compile_phrases(settings.everyday_uses)
    if pattern is not None:
        yield from pattern.finditer(text, body.start, body.end)


# --- explained terms --------------------------------------------------------------------


def _is_explained(text: str, term: str, written: str) -> bool:
    """True when the draft explains the term somewhere: in brackets beside it, as an
    appositive ("DNS, the internet's address book"), or with "called", "means", …"""
    forms = {re.escape(term), re.escape(written)}
    name = "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"
    flags = re.IGNORECASE if term.lower() == term else 0
    patterns = (
        # SSO (single sign-on), cache (the copies of pages your browser keeps)
        rf"(?<![\w-]){name}s?\s*\((?=[^()]*[a-z]{{3}})[^()]{{3,120}}\)",
        # single sign-on (SSO)
        rf"\w[\w\s'’-]{{2,80}}\(\s*{name}s?\s*\)",
        # DNS, the internet's address book; SSO, or single sign-on; DNS – the …
        rf"(?<![\w-]){name}s?\s*(?:,|—|–| - )\s*(?:the|a|an|or|which|that|i\.e\.|meaning|short for)\s",
        # DNS means / stands for / is short for / is what
        rf"(?<![\w-]){name}s?\s+(?:means|stands\s+for|is\s+short\s+for|is\s+what|is\s+how)\b",
        # a copy called a cache; known as SSO
        rf"\b(?:called|known\s+as|named)\s+(?:an?\s+|the\s+)?[“\"']?{name}s?(?![\w-])",
    )
    return any(re.search(pattern, text, flags) for pattern in patterns)


# --- acronyms ---------------------------------------------------------------------------

_ACRONYM = re.compile(r"(?<![\w'’.@/-])(?P<acronym>[A-Z]{2,6})(?:s|['’]s)?(?![\w'’@/-]|\.\w)")
_ROMAN_NUMERAL = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_CAPS_WORD = re.compile(r"[A-Z]{2,}")


def _is_shouting(text: str, match: re.Match[str]) -> bool:
    """An acronym beside another all-capital word is more likely shouting ("DO NOT REPLY"),
    which proofreading reports."""
    before = text[max(0, match.start() - 30) : match.start()].split()
    after = text[match.end() : match.end() + 30].split()
    neighbours = before[-1:] + after[:1]
    return any(_CAPS_WORD.fullmatch(word.strip(".,;:!?\"'()")) for word in neighbours)


def _is_word(acronym: str) -> bool:
    """True when the capitals spell an English word written in capitals for emphasis
    ("NOT", "ASAP") rather than letters said one by one: the CMU dictionary knows the word
    and says it in fewer syllables than it has letters (D-N-S is three syllables)."""
    from empathylint.grade import pronunciations

    lexicon = pronunciations()
    word = acronym.lower()
    if word not in lexicon:
        return False
    syllables = sum(1 for phone in lexicon[word][0] if phone[-1].isdigit())
    return syllables < len(word)


RULE = Rule(
    group="jargon",
    item="eli5",
    codes=(
        Code("technical-term", "A technical or industry term most customers do not use.", Severity.WARNING, "unsafe"),
        Code("unexplained-acronym", "An acronym the draft never spells out.", Severity.INFO),
    ),
    profiles=frozenset({"reply", "template", "doc"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
