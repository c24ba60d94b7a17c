"""The shipped jargon list stays honest: sorted, unique, well-formed, every plain
alternative different from its term and free of the list's own jargon."""

from __future__ import annotations

from importlib import resources

from empathylint.document import Span
from empathylint.language.acronyms import shipped_acronyms
from empathylint.rules.jargon import TAGS, find_terms, parse_terms

DATA = resources.files("empathylint.language").joinpath("data/jargon.tsv").read_text(encoding="utf-8")
TERMS = list(parse_terms(DATA))


def test_rows_are_well_formed() -> None:
    for line in DATA.splitlines():
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        assert 1 <= len(fields) <= 3, f"{line!r}: term, plain alternative, tags"
        assert all(field == field.strip() for field in fields), f"{line!r} has stray spaces"
        assert fields[0], f"{line!r} has no term"


def test_terms_are_sorted_and_unique() -> None:
    names = [term.term for term in TERMS]
    assert names == sorted(names, key=str.lower)
    assert len({name.lower() for name in names}) == len(names)


def test_tags_are_known() -> None:
    for term in TERMS:
        assert term.tags <= TAGS, f"{term.term}: unknown tags {sorted(term.tags - TAGS)}"


def test_no_term_is_rewritten_to_itself() -> None:
    for term in TERMS:
        assert term.plain.lower() != term.term.lower(), term.term


def test_plain_alternatives_are_free_of_jargon() -> None:
    for term in TERMS:
        found = [match.group() for match, _ in find_terms(term.plain, Span(0, len(term.plain)), tuple(TERMS))]
        assert not found, f"{term.term} → {term.plain!r} uses {found}"


def test_everyday_acronyms_are_not_also_jargon() -> None:
    everyday = shipped_acronyms().everyday
    assert everyday
    assert not everyday & {term.term for term in TERMS}
