"""Phrase lists compile to a trie that matches exactly what the plain regex alternation
(longest phrase first) matches: same places, same phrases."""

from __future__ import annotations

import re
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from empathylint.language.phrase_trie import fold
from empathylint.language.phrases import compile_phrases
from tests.conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _string_lists(table: Any) -> list[tuple[str, ...]]:
    """Every list of strings and every table's keys in the shipped checklist's rules."""
    found: list[tuple[str, ...]] = []
    if isinstance(table, dict):
        if table and all(isinstance(value, str) for value in table.values()):
            found.append(tuple(table))
        for value in table.values():
            found += _string_lists(value)
    elif isinstance(table, list) and table and all(isinstance(item, str) for item in table):
        found.append(tuple(table))
    return found


SHIPPED = tomllib.loads((ROOT / "checklist.toml").read_text(encoding="utf-8"))["rules"]
PHRASE_LISTS = [phrases for phrases in _string_lists(SHIPPED) if len(phrases) > 1]
GAP_LISTS = [phrases for phrases in PHRASE_LISTS if any("…" in p.split() for p in phrases)]


def _phrase_pattern(phrase: str) -> str:
    """The specification: a phrase as a plain regex, words joined by whitespace, `…` for up
    to six words, either apostrophe for an apostrophe."""
    out: list[str] = []
    for index, word in enumerate(phrase.split()):
        if word == "…":
            out.append(r"(?:\s+[\w'’-]+){0,6}?\s+")
            continue
        if index and not out[-1].endswith("\\s+"):
            out.append(r"\s+")
        out.append(re.sub("['’]", "['’]", re.escape(word)))
    return "".join(out)


def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The specification: every phrase a branch, longest first, within word boundaries."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    body = "|".join(_phrase_pattern(p) for p in ordered)
    return re.compile(r"(?<![\w'’])(?:" + body + r")(?![\w'’])", re.IGNORECASE)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def test_there_are_phrase_lists_to_compare() -> None:
    assert len(PHRASE_LISTS) >= 30
    assert GAP_LISTS  # lists mixing phrases with a `…` gap and plain ones


SEPARATORS = st.sampled_from([" ", "  ", "\n", ", ", ". ", "-", "'", "’", "", "\t", " (", ") "])
CASES = st.sampled_from([str.lower, str.upper, str.title, str.capitalize, lambda s: s])


@st.composite
def texts_from(draw: st.DrawFn, phrases: tuple[str, ...]) -> str:
    """Phrases, their first words, and stray words, run together in all cases and spacings."""
    words = [word for phrase in phrases for word in phrase.split() if word != "…"]
    pieces = [*phrases, *(" ".join(p.split()[:-1]) for p in phrases if " " in p), *words, "we", "not", "x", "can"]
    gap = draw(st.sampled_from(["", "x", "a few more", "one two three four five six seven"]))
    pieces = [piece.replace("…", gap) for piece in pieces]
    parts = draw(st.lists(st.tuples(st.sampled_from(pieces), SEPARATORS, CASES), max_size=12))
    text = "".join(case(piece) + separator for piece, separator, case in parts)
    return text.replace("'", draw(st.sampled_from(["'", "’"])))


@pytest.mark.parametrize("phrases", PHRASE_LISTS, ids=lambda phrases: phrases[0][:24])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_the_trie_matches_what_the_alternation_matches(phrases: tuple[str, ...], data: st.DataObject) -> None:
    trie = compile_phrases(phrases)
    assert trie is not None
    text = data.draw(texts_from(phrases))
    assert _matches(trie, text) == _matches(_alternation(phrases), text)


def test_shared_beginnings_are_factored_and_the_longer_phrase_wins() -> None:
    pattern = compile_phrases(("we can", "we can't", "we cannot", "we are unable to"))
    assert pattern is not None
    assert _matches(pattern, "We cannot. We can’t! we can, WE ARE UNABLE TO") == [
        (0, 9, "We cannot"),
        (11, 19, "We can’t"),
        (21, 27, "we can"),
        (29, 45, "WE ARE UNABLE TO"),
    ]
    assert _matches(pattern, "we cannotx, we canx") == []


def test_a_gap_phrase_keeps_its_place_among_plain_ones() -> None:
    phrases = ("in … instance", "in this instance", "in that case", "in case")
    pattern = compile_phrases(phrases)
    assert pattern is not None
    for text in ["in this instance", "In that one instance, in case", "in this very odd instance", "in that case"]:
        assert _matches(pattern, text) == _matches(_alternation(phrases), text)


def test_characters_fold_together_as_ignorecase_matches_them() -> None:
    cased = "".join(c for c in map(chr, range(0x110000)) if c.lower() != c or c.upper() != c)
    classes: dict[str, set[str]] = {}
    for character in cased:
        classes.setdefault(fold(character), set()).add(character)
    # U+0345, which IGNORECASE holds equal to iota, is no word character: it folds to itself.
    assert classes.pop("\u0345") == {"\u0345"}
    for key, members in classes.items():
        assert set(re.findall(re.escape(key), cased, re.IGNORECASE)) - {"\u0345"} == members, key
        assert {bool(re.fullmatch(r"\w", member)) for member in members} == {bool(re.fullmatch(r"\w", key))}, key
    assert len(fold(cased)) == len(cased)  # one character for one, so spans carry over
    assert fold("’") == fold("'")


@pytest.mark.parametrize(
    "phrases",
    [
        ("Kindly", "sorry", "I can't", "it’s", "'cause", "-ish", "#1 fan", "İstanbul", "_hidden"),
        ("in … instance", "in this instance", "I … you", "a"),
    ],
)
def test_unusual_first_characters_match_as_the_alternation(phrases: tuple[str, ...]) -> None:
    pattern = compile_phrases(phrases)
    assert pattern is not None
    text = "KINDLY (Kindly) sorry SORRY I can’t; it's 'cause of -ish and #1 fan, İstanbul _hidden in that instance a"
    text += " I told you " + "".join(chr(c) for c in (0x130, 0x131, 0x17F, 0x212A)) + "indly"
    assert _matches(pattern, text) == _matches(_alternation(phrases), text)


def test_a_list_may_name_its_own_word_characters() -> None:
    # The confused-words list also keeps away from hyphens: "then" is no word of "then-current".
    phrases = ("then", "its", "it's", "loose", "a lot")
    pattern = compile_phrases(phrases, word_characters=r"\w'’-")
    assert pattern is not None
    text = "Its then-current plan, more then a lot-ish; it’s loose-fitting, then ITS a  lot -then"
    body = "|".join(_phrase_pattern(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))
    plain = re.compile(r"(?<![\w'’-])(?:" + body + r")(?![\w'’-])", re.IGNORECASE)
    assert _matches(pattern, text) == _matches(plain, text)
    assert [found for _, _, found in _matches(pattern, text)] == ["Its", "then", "it’s", "then", "ITS", "a  lot"]
