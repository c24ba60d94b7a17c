"""Jargon by domain: the shipped word lists and finding their terms, inflected, in a text.

Each domain is one data file, `data/jargon-<domain>.tsv` (software, web, payments, forum, …):
a term a customer may have to look up, a tab, and its plain alternative (empty when there is
none and the term needs explaining instead). Lower-case terms match in any case with their
inflections ("pull requests", "forking", "proxies", "logged"); terms with capitals match as
written, with a plural ("APIs", "TOTPs"). Hyphens and spaces between a term's words stand
for each other ("user-agent", "user agent")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from empathylint.document import Span
from empathylint.word_pieces import findall_by_piece

_DATA_PREFIX = "jargon-"
_DATA_SUFFIX = ".tsv"


# Compared and hashed by identity: tuples of terms key the caches below on every draft, and
# hashing each term field by field there was a fifth of the rule's time.
@dataclass(frozen=True, slots=True, eq=False)
class Term:
    term: str
    plain: str
    domain: str


@functools.cache
def shipped_domains() -> tuple[str, ...]:
    """The domains that have a word list, by the names of their data files."""
    data = resources.files("empathylint.language").joinpath("data")
    names = (entry.name for entry in data.iterdir())
    return tuple(sorted(name[len(_DATA_PREFIX) : -len(_DATA_SUFFIX)] for name in names if _is_domain_file(name)))


def _is_domain_file(name: str) -> bool:
    return name.startswith(_DATA_PREFIX) and name.endswith(_DATA_SUFFIX)


@functools.cache
def domain_terms(domain: str) -> tuple[Term, ...]:
    """One domain's list, read once on first use."""
    data = resources.files("empathylint.language").joinpath(f"data/{_DATA_PREFIX}{domain}{_DATA_SUFFIX}")
    return tuple(parse_terms(data.read_text(encoding="utf-8"), domain))


def parse_terms(data: str, domain: str) -> Iterator[Term]:
    """Rows of `term TAB plain`; the plain alternative may be empty or left out."""
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, plain = [*line.split("\t"), ""][:2]
        yield Term(term, plain, domain)


def words_of(term: str) -> list[str]:
    """A term's words, hyphens and spaces alike: "client-side" and "client side" are one term."""
    return [word for word in _WORD_JOINT.split(term) if word]


_WORD_JOINT = re.compile(r"[\s-]+")


def find_terms(text: str, within: Span, terms: tuple[Term, ...]) -> Iterator[tuple[re.Match[str], Term]]:
    """Each place a term stands, longest term first where several start at one word, so
    "clear your browser's cache" wins over "cache". One pass over the words, looking each
    up by its first word, so a long draft costs no more per word than a short one."""
    by_first_word = _first_word_index(terms)
    # A set of the words as they go by: a list of a long article's every word would outweigh it.
    tokens: set[str] = set()
    for found in findall_by_piece(_TOKEN, text, within.start, within.end):
        tokens.update(found)
    present = {token for token in tokens if token in by_first_word or token.lower() in by_first_word}
    if not present:
        return
    resume = within.start
    for word in _TOKEN.finditer(text, within.start, within.end):
        token = word.group()
        if token not in present or word.start() < resume:
            continue
        candidates = by_first_word.get(token, ()) + by_first_word.get(token.lower(), ())
        for term in sorted(candidates, key=lambda t: -len(t.term)):
            match = _term_at(term.term, text, word.start(), within.end)
            if match is not None:
                yield match, term
                resume = match.end()
                break


# Words as the index knows them: a hyphen ends a word, so "client-side" starts at "client".
_TOKEN = re.compile(r"(?<![\w'’-])\w+(?:['’]\w+)*")


@functools.lru_cache(maxsize=16)
def _first_word_index(terms: tuple[Term, ...]) -> dict[str, tuple[Term, ...]]:
    """Every form a term's first word can take in the text, lower-cased for lower-case
    terms and as written for terms with capitals."""
    index: dict[str, list[Term]] = {}
    for term in terms:
        words = words_of(term.term)
        forms = inflections(words[0]) if len(words) == 1 else {words[0]}
        for form in forms:
            index.setdefault(form if form.lower() != form else form.lower(), []).append(term)
    return {form: tuple(found) for form, found in index.items()}


def inflections(word: str) -> set[str]:
    """The forms a word of a term takes in running text."""
    if word.lower() != word:
        return {word, word + "s", word + "'s", word + "’s"}
    forms = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if re.search(r"[^aeiou]y$", word):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if re.search(r"(?:^|[^aeiou])[aeiou][bdgklmnprt]$", word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # log: logged, logging
    return forms


# Not inside a longer word, a path or an address: "kagi.com/changelog" names a page; a slash
# between capitals is "or" ("TLS/SSL"), not a path. An acronym before a hyphen and a
# lower-case word is still the acronym ("DNS-based").
_BEFORE = r"(?<![\w'’.@-])(?<![a-z0-9]/)"
_AFTER = r"(?![\w'’-]|[.@]\w|/[a-z0-9])"
_AFTER_ACRONYM = r"(?![\w'’]|-[^\W\d_]*[A-Z0-9]|[.@]\w|/[a-z0-9])"


@functools.lru_cache(maxsize=1024)
def term_regex(term: str) -> re.Pattern[str]:
    """The term where it stands as a term of its own, inflected."""
    core, after, flags = _term_parts(term)
    return re.compile(_BEFORE + core + after, flags)


@functools.lru_cache(maxsize=1024)
def _term_parts(term: str) -> tuple[str, str, int]:
    """The pattern of the term's words, what may not follow it, and the flags."""
    words = words_of(term)
    atoms = [re.sub("['’]", "['’]", re.escape(word)) for word in words[:-1]]
    last = words[-1]
    if last.lower() != last:
        atoms.append(re.escape(last) + r"(?:s|['’]s)?")
        return r"[\s-]+".join(atoms), _AFTER_ACRONYM if last.isupper() else _AFTER, 0
    forms = sorted(inflections(last), key=lambda form: (-len(form), form))  # the same regex in every process
    atoms.append("(?:" + "|".join(re.sub("['’]", "['’]", re.escape(form)) for form in forms) + ")")
    return r"[\s-]+".join(atoms), _AFTER, re.IGNORECASE


def _term_at(term: str, text: str, pos: int, endpos: int) -> re.Match[str] | None:
    """`term_regex(term).match(text, pos, endpos)`, read as the term's words between the
    conditions before and after it, which are compiled once for all terms: the classes of
    those conditions (a category beside ’, a range under IGNORECASE) took a few ms to compile
    for each of the hundreds of terms a run finds. The words leave nothing to backtrack into:
    a shorter form ("pick") ends where a longer one ("picked") goes on with a letter, which
    the condition after refuses too."""
    core, after, flags = _term_parts(term)
    if _compiled(_BEFORE, flags).match(text, pos) is None:
        return None
    match = _compiled(core, flags).match(text, pos, endpos)
    if match is None or _compiled(after, flags).match(text, match.end(), endpos) is None:
        return None
    return match


@functools.lru_cache(maxsize=1024)
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags)
