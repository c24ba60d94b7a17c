"""The shipped jargon lists stay honest: one file per domain, sorted, unique, well-formed,
every plain alternative different from its term and free of the lists' own jargon; the
checklist's audiences name only domains that have a list."""

from __future__ import annotations

from importlib import resources

import pytest

from empathylint.document import Span
from empathylint.language.acronyms import shipped_acronyms
from empathylint.language.jargon_terms import domain_terms, find_terms, shipped_domains
from empathylint.language.phrases import normalize
from tests.conftest import ROOT, tomllib

DOMAINS = shipped_domains()
EVERY_TERM = tuple(term for domain in DOMAINS for term in domain_terms(domain))
SHIPPED = tomllib.loads((ROOT / "checklist.toml").read_text(encoding="utf-8"))["rules"]["jargon"]


def _data(domain: str) -> str:
    return resources.files("empathylint.language").joinpath(f"data/jargon-{domain}.tsv").read_text(encoding="utf-8")


def test_the_issue_s_domains_have_lists() -> None:
    assert {"software", "web", "computing", "payments", "forum"} <= set(DOMAINS)


@pytest.mark.parametrize("domain", DOMAINS)
def test_rows_are_well_formed(domain: str) -> None:
    for line in _data(domain).splitlines():
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        assert 1 <= len(fields) <= 2, f"{domain}: {line!r}: term, plain alternative"
        assert all(field == field.strip() for field in fields), f"{domain}: {line!r} has stray spaces"
        assert fields[0], f"{domain}: {line!r} has no term"


@pytest.mark.parametrize("domain", DOMAINS)
def test_terms_are_sorted_and_unique(domain: str) -> None:
    names = [term.term for term in domain_terms(domain)]
    assert names == sorted(names, key=str.lower)
    assert len({name.lower() for name in names}) == len(names)


def test_no_term_is_in_two_domains() -> None:
    seen: dict[str, str] = {}
    for term in EVERY_TERM:
        key = normalize(term.term)
        assert key not in seen, f"{term.term} is in {seen.get(key)} and {term.domain}"
        seen[key] = term.domain


def test_no_term_is_rewritten_to_itself() -> None:
    for term in EVERY_TERM:
        assert term.plain.lower() != term.term.lower(), term.term


def test_plain_alternatives_are_free_of_jargon() -> None:
    for term in EVERY_TERM:
        found = [match.group() for match, _ in find_terms(term.plain, Span(0, len(term.plain)), EVERY_TERM)]
        assert not found, f"{term.term} → {term.plain!r} uses {found}"


def test_everyday_acronyms_and_file_names_are_not_also_jargon() -> None:
    everyday = shipped_acronyms().everyday | set(SHIPPED["file-names"])
    assert not everyday & {term.term for term in EVERY_TERM}


@pytest.mark.parametrize(
    "key", ["file-names", "everyday-uses", "developer-cues", "reference-sites", "operator-cues", "developer-titles"]
)
def test_checklist_word_lists_are_sorted_and_unique(key: str) -> None:
    words = SHIPPED[key]
    assert words == sorted(words, key=str.lower)
    assert len(set(words)) == len(words)


def test_every_audience_names_shipped_domains_and_technical_readers_know_more() -> None:
    domains = SHIPPED["domains"]
    assert set(domains) == {"general", "technical"}
    for names in domains.values():
        assert set(names) <= set(DOMAINS)
        assert names == sorted(names)
    assert set(domains["general"]) == set(DOMAINS)
    assert set(domains["technical"]) < set(domains["general"])
