"""Use words the customer uses.

What it does: finds technical and industry terms that most customers do not use ("cache",
"DNS", "endpoint", "propagate", "SLA", "escalated") and offers a plain alternative where
one is known ("clear your browser's cache" → "clear your browser's saved files"). It also
finds acronyms of two to six capitals that the draft never explains and that are not
everyday ones (FAQ, PDF, OK, USA, ID, PIN, …). A term explained in the same draft stays
silent: "single sign-on (SSO)", "SSO (single sign-on)", "DNS, the internet's address
book", "SSO, or single sign-on," and "a saved copy called a cache" all explain it. So does
a term the customer used in their own message: answering in their words is matching them.
Each term is flagged once, where it first appears. Terms in code, links, placeholders,
quoted customer text, the greeting and the sign-off are never flagged. `glossary` allows a
team's own terms and product names; `audience = "technical"` allows the terms developers
use (API, JSON, endpoint, …) for developer-facing docs. A draft is read as technical on its
own when the customer used one of those terms ("429s from your API") or it shows a code block.

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
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Document, Span
from empathylint.language.phrases import compile_phrases, match_case, normalize, normalized_set
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


# Compared and hashed by identity: tuples of terms key the caches below on every draft, and
# hashing each term field by field there was a fifth of the rule's time.
@dataclass(frozen=True, slots=True, eq=False)
class Term:
    term: str
    plain: str
    tags: frozenset[str]


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    text = doc.text
    body = doc.body
    allowed = normalized_set(settings.glossary)
    audience = "technical" if settings.audience == "technical" or _reads_technical(doc) else "general"
    terms = _terms_for(audience, tuple(sorted(settings.terms.items())), frozenset(allowed))
    term_matches: list[tuple[re.Match[str], Term]] = list(find_terms(text, body, terms))
    if term_matches:
        everyday = [Span(m.start(), m.end()) for m in _everyday_matches(settings, text, body)]
        term_matches = [
            (match, term)
            for match, term in term_matches
            if not any(e.start <= match.start() and match.end() <= e.end for e in everyday)
        ]

    def explained() -> frozenset[str]:
        return doc.memo("jargon.explained", lambda: explained_names(text))

    reported: set[str] = set()
    counts = Counter(term.term for _, term in term_matches)
    customer_words = doc.customer_message or ""
    for match, term in term_matches:
        if normalize(term.term) in reported or _is_explained(explained(), term.term, match.group()):
            continue
        if _term_regex(term.term).search(customer_words):
            continue  # the customer used the word first: answering in their words is matching them
        reported.add(normalize(term.term))
        # "clear your browser's cache" reported, a later "cache" is the same advice again.
        reported.update(normalize(word) for word in term.term.split())
        yield _technical_term(text, match, term, counts[term.term] - 1)
    known = _known_terms(tuple(settings.terms))
    everyday_acronyms = frozenset(settings.everyday_acronyms)
    for match in _ACRONYM.finditer(text, body.start, body.end):
        acronym = match.group("acronym")
        key = normalize(acronym)
        if key in reported or key in known or key in allowed or acronym in everyday_acronyms:
            continue
        if re.search(rf"(?<![\w-]){acronym}(?![\w-])", customer_words):
            continue
        if _is_shouting(text, match) or _ROMAN_NUMERAL.fullmatch(acronym) or _is_word(acronym):
            continue
        if _OPENS_A_NUMBER.match(text, match.end()):
            continue  # the letters of a reference: tracking "RM 4421 9083 GB", invoice "INV 2291"
        if _is_explained(explained(), acronym, match.group()):
            continue
        reported.add(key)
        yield RULE.diagnostic(
            "unexplained-acronym",
            Span(match.start(), match.end()),
            f"Spell out “{acronym}” where it first appears, e.g. “… ({acronym})”, or say it in plain words.",
        )


# A fenced or <pre> code block: a draft with code in it is written for someone who runs code.
_CODE_BLOCK = re.compile(r"^[ \t]*(?:```|~~~)|<pre[\s>]", re.MULTILINE | re.IGNORECASE)


def _reads_technical(doc: Document) -> bool:
    """Whether this draft's reader speaks the developer's terms: the customer used one of
    them in their own message ("our webhooks fail", "429s from your API"), or the draft
    shows code to run. Their terms are then fine, as with audience = "technical"."""
    if _CODE_BLOCK.search(doc.source):
        return True
    customer_message = doc.customer_message
    if not customer_message:
        return False
    developer_terms = tuple(term for term in _shipped_terms() if TECHNICAL_OK in term.tags)
    return next(find_terms(customer_message, Span(0, len(customer_message)), developer_terms), None) is not None


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
        # The last non-blank character before the term, stepped back to rather than found by
        # copying all the text before it (a whole article per finding).
        previous = start - 1
        while previous >= 0 and text[previous].isspace():
            previous -= 1
        opens_sentence = previous < 0 or text[previous] in ".!?"
        return term.plain[:1].upper() + term.plain[1:] if opens_sentence else term.plain
    return match_case(written, term.plain)


# --- the term list ----------------------------------------------------------------------


@functools.cache
def _shipped_terms() -> tuple[Term, ...]:
    """The shipped list, empathylint/language/data/jargon.tsv, read once on first use."""
    data = resources.files("empathylint.language").joinpath("data/jargon.tsv").read_text(encoding="utf-8")
    return tuple(parse_terms(data))


def parse_terms(data: str) -> Iterator[Term]:
    """Rows of `term TAB plain TAB tags`; the last two may be empty or left out."""
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, plain, tags = [*line.split("\t"), "", ""][:3]
        yield Term(term, plain, frozenset(tag for tag in tags.split(",") if tag))


@functools.lru_cache(maxsize=16)
def _terms_for(audience: Audience, extra: tuple[tuple[str, str], ...], allowed: frozenset[str]) -> tuple[Term, ...]:
    """The terms to flag, in order of their text: the shipped list and the team's own (one
    per normalised text), less the glossary and, for a technical audience, the terms it uses."""
    terms = {normalize(t.term): t for t in _shipped_terms()}
    terms.update({normalize(term): Term(term, plain, frozenset()) for term, plain in extra})
    kept = (
        term
        for key, term in terms.items()
        if key not in allowed and not (audience == "technical" and TECHNICAL_OK in term.tags)
    )
    return tuple(sorted(kept, key=lambda t: t.term))


@functools.lru_cache(maxsize=16)
def _known_terms(extra: tuple[str, ...]) -> frozenset[str]:
    """Every term's normalised text, shipped and the team's own, computed once per settings
    rather than for every draft: an acronym that is a known term is left to the term check."""
    return frozenset(normalize(term.term) for term in _shipped_terms()) | {normalize(term) for term in extra}


def find_terms(text: str, within: Span, terms: tuple[Term, ...]) -> Iterator[tuple[re.Match[str], Term]]:
    """Each place a term stands, longest term first where several start at one word, so
    "clear your browser's cache" wins over "cache". Lower-case terms match in any case and
    with their inflections (caches, cached, caching); terms with capitals match as written,
    with a plural ("APIs"). One pass over the words, looking each up by its first word, so
    a long draft costs no more per word than a short one."""
    by_first_word = _first_word_index(terms)
    present = {
        token
        for token in set(_TOKEN.findall(text, within.start, within.end))
        if token in by_first_word or token.lower() in by_first_word
    }
    if not present:
        return
    resume = within.start
    for word in _TOKEN.finditer(text, within.start, within.end):
        token = word.group()
        if token not in present or word.start() < resume:
            continue
        candidates = by_first_word.get(token, ()) + by_first_word.get(token.lower(), ())
        if not candidates:
            continue
        for term in sorted(candidates, key=lambda t: -len(t.term)):
            match = _term_regex(term.term).match(text, word.start(), within.end)
            if match is not None:
                yield match, term
                resume = match.end()
                break


_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")


@functools.lru_cache(maxsize=16)
def _first_word_index(terms: tuple[Term, ...]) -> dict[str, tuple[Term, ...]]:
    """Every form a term's first word can take in the text, lower-cased for lower-case
    terms and as written for terms with capitals."""
    index: dict[str, list[Term]] = {}
    for term in terms:
        words = term.term.split()
        forms = _forms(words[0]) if len(words) == 1 else {words[0]}
        for form in forms:
            index.setdefault(form if form.lower() != form else form.lower(), []).append(term)
    return {form: tuple(found) for form, found in index.items()}


def _forms(word: str) -> set[str]:
    if word.lower() != word:
        return {word, word + "s", word + "'s", word + "’s"}
    stem = word[:-1] if word.endswith("e") else word
    return {word, word + "s", word + "es", stem + "es", stem + "ed", stem + "ing", word + "ed", word + "ing"}


@functools.lru_cache(maxsize=512)
def _term_regex(term: str) -> re.Pattern[str]:
    words = [re.sub("['’]", "['’]", re.escape(word)) for word in term.split()]
    last = term.split()[-1]
    if last.lower() != last:
        words[-1] += r"(?:s|['’]s)?"
        return re.compile(r"\s+".join(words) + r"(?![\w'’-])")
    if last.endswith("e"):
        words[-1] = words[-1][:-1] + r"(?:e|es|ed|ing)"
    elif last[-1].isalpha():
        words[-1] += r"(?:s|es|ed|ing)?"
    return re.compile(r"\s+".join(words) + r"(?![\w'’-])", re.IGNORECASE)


def _everyday_matches(settings: Settings, text: str, body: Span) -> Iterator[re.Match[str]]:
    pattern = compile_phrases(settings.everyday_uses)
    if pattern is not None:
        yield from pattern.finditer(text, body.start, body.end)


# --- explained terms --------------------------------------------------------------------


# Cues that the words BEFORE them are being explained, and cues that explain the words AFTER them.
_EXPLAINS_BEFORE = re.compile(
    r"""\s*\((?=[^()]*[a-z]{3})[^()]{3,120}\)       # SSO (single sign-on)
    | \s*(?:,|—|–|\ -\ )\s*(?:the|a|an|or|i\.e\.|meaning|short\s+for|which\s+means|which\s+is\s+(?:the|a|an))\s
                                                   # DNS, the internet's address book; SSO, or single sign-on
    | \s+(?:means|stands\s+for|is\s+short\s+for|is\s+what|is\s+how)\b   # DNS means …""",
    re.VERBOSE,
)
_EXPLAINS_AFTER = re.compile(
    r"""(?<=\w)[ \t]*\(\s*(?P<inside>[\w'’-]+(?:\s+[\w'’-]+){0,3})\s*\)   # single sign-on (SSO)
    | \b(?:called|known\s+as|named)\s+(?:an?\s+|the\s+)?[“"']?(?P<after>[\w'’-]+(?:\s+[\w'’-]+){0,3})
                                                                      # a copy called a cache""",
    re.VERBOSE,
)
_WORDS_BEFORE = re.compile(r"((?:[\w'’-]+\s+){0,3}[\w'’-]+)$")


def explained_names(text: str) -> frozenset[str]:
    """Every run of up to four words the draft explains somewhere: in brackets beside it,
    as an appositive ("DNS, the internet's address book"), or with "called", "means", …
    A run is kept with all its endings ("your DNS" gives "your dns" and "dns") and, after
    "called", all its beginnings, so a term is explained when one of them is the term."""
    names: set[str] = set()
    for cue in _EXPLAINS_BEFORE.finditer(text):
        before = _WORDS_BEFORE.search(text, max(0, cue.start() - 120), cue.start())
        if before is not None:
            words = normalize(before.group(1)).split()
            names.update(" ".join(words[i:]) for i in range(len(words)))
    for cue in _EXPLAINS_AFTER.finditer(text):
        words = normalize(cue.group("inside") or cue.group("after")).split()
        names.update(" ".join(words[: i + 1]) for i in range(len(words)))
        names.update(" ".join(words[i:]) for i in range(len(words)))
    return frozenset(names)


def _is_explained(explained: frozenset[str], term: str, written: str) -> bool:
    keys = {normalize(term), normalize(written)}
    return any(key in explained or f"{key}s" in explained for key in keys)


# --- acronyms ---------------------------------------------------------------------------

_ACRONYM = re.compile(r"(?<![\w'’.@/-])(?P<acronym>[A-Z]{2,6})(?:s|['’]s)?(?![\w'’@/-]|\.\w)")
_OPENS_A_NUMBER = re.compile(r"[ -]?\d{3}")
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
    from empathylint.language.grade import dictionary_syllables

    word = acronym.lower()
    syllables = dictionary_syllables(word)
    return syllables is not None and syllables < len(word)


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
