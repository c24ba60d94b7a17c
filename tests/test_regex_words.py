"""Word alternations written as a trie match exactly what the flat alternation (longest
word first) matches, in every context a grammar pattern puts them in."""

from __future__ import annotations

import re

import pytest

from empathylint.language.regex_words import word_alternation


def _flat(words: tuple[str, ...]) -> str:
    spelled = sorted({" ".join(word.split()) for word in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in spelled) + ")"


WORDS = [
    ("offer", "offers", "offering", "off", "assist", "assisting", "add", "adds"),
    ("log in", "log", "login", "log into", "we can't", "we can", "we cannot"),
    ("Acme", "acme", "ACME corp", "a"),  # one word in several cases: siblings not exclusive
    ("it’s", "it's", "its", "it"),  # ’ beside either apostrophe
    ("e-mail", "e.g.", "email", "(beta)", "ſtill", "still"),
]
CONTEXTS = [r"(?<![\w'’]){}(?![\w'’])", r"{}\s+(?:now|it)", r"(?:{})+x", r"\b{}", r"(?:{}),"]
TEXT = (
    "We offer offers, offering OFF assist assisting addsadd. Log in, log into login log  in now. "
    "ACME corp acme Acme a ACME, it’s it's ITS it now ſtill STILL still, e-mail E.G. email (Beta) offx offeringx"
)


@pytest.mark.parametrize("words", WORDS, ids=lambda words: words[0])
@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_the_trie_matches_what_the_flat_alternation_matches(words: tuple[str, ...], context: str, flags: int) -> None:
    trie = re.compile(context.format(word_alternation(words)), flags)
    flat = re.compile(context.format(_flat(words)), flags)
    assert [m.span() for m in trie.finditer(TEXT)] == [m.span() for m in flat.finditer(TEXT)]


def test_shared_beginnings_are_written_once() -> None:
    assert word_alternation(("offer", "offers", "offering")) == "(?:offer(?:ing|s)?)"
    assert word_alternation(("log in", "log")) == r"(?:log(?:\s+in)?)"
