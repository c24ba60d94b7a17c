"""The customer's mood: the cases in tests/fixtures/language/mood.toml are read right, and
the shipped lexicon (empathylint/language/data/mood.tsv) stays honest: sorted, unique,
lower case, every kind known."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest

from empathylint.config import ConfigError
from empathylint.language.mood import own_words, read_mood
from empathylint.language.mood_lexicon import PHRASE_KINDS, WORD_CLASSES, parse_lexicon, shipped_lexicon
from tests.conftest import FIXTURES, lint_text, make_config, tomllib

DATA = resources.files("empathylint.language").joinpath("data/mood.tsv").read_text(encoding="utf-8")
ENTRIES = [line.split("\t") for line in DATA.splitlines() if line and not line.startswith("#")]
CASES: list[dict[str, Any]] = tomllib.loads((FIXTURES / "language" / "mood.toml").read_text(encoding="utf-8"))["case"]
# Capitals and emoji are matched as written; every other kind is lower case.
AS_WRITTEN = frozenset({"not-shouting", "upset-emoji", "cheerful-emoji"})


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["message"].strip()[:50])
def test_mood_case(case: dict[str, Any]) -> None:
    mood = read_mood(case["message"])
    assert mood.label == case["label"], mood
    assert set(case.get("found", ())) <= set(mood.reasons("upset") + mood.reasons("cheer")), mood
    if "repeat_contact" in case:
        assert mood.repeat_contact is case["repeat_contact"], mood


def test_cases_cover_each_label_both_ways() -> None:
    labels = [case["label"] for case in CASES]
    assert {"upset", "neutral", "cheerful"} <= set(labels)
    assert labels.count("neutral") >= 10
    assert any(case.get("repeat_contact") for case in CASES)


def test_calm_messages_have_no_repeat_contact() -> None:
    assert not read_mood("How do I change my billing address?").repeat_contact


def test_each_kind_counts_once() -> None:
    mood = read_mood("Still broken. Still. Still!")
    assert [cue.weight for cue in mood.cues if cue.reason == "persistence"][1:] == [0, 0]


def test_entries_are_well_formed_sorted_and_unique() -> None:
    assert all(len(entry) == 2 and all(part == part.strip() and part for part in entry) for entry in ENTRIES)
    pairs = [(kind, phrase) for kind, phrase in ENTRIES]
    assert pairs == sorted(pairs)
    assert len(set(pairs)) == len(pairs)


def test_kinds_are_known_and_phrases_lower_case() -> None:
    for kind, phrase in ENTRIES:
        assert kind in PHRASE_KINDS or kind in WORD_CLASSES, kind
        assert kind in AS_WRITTEN or phrase == phrase.lower(), phrase


def test_no_phrase_is_in_two_cue_kinds() -> None:
    seen: dict[str, str] = {}
    for kind, phrase in ENTRIES:
        if kind in PHRASE_KINDS:
            assert seen.setdefault(phrase, kind) == kind, f"{phrase!r} is {seen[phrase]} and {kind}"


def test_every_word_class_has_entries() -> None:
    lexicon = shipped_lexicon()
    assert all(lexicon.words(kind) for kind in WORD_CLASSES)


def test_an_unknown_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"mood\.tsv:1"):
        parse_lexicon("temper\tcross\n")


def test_a_teams_words_join_the_shipped_ones() -> None:
    lexicon = shipped_lexicon().extended(upset_words=["bricked"], cheerful_words=["stoked"])
    assert read_mood("The update bricked my speaker.", lexicon).is_upset
    assert read_mood("Stoked with the new app 😊", lexicon).is_cheerful
    assert not read_mood("The update bricked my speaker.").is_upset


def test_own_words_leave_out_quotes_links_and_handles() -> None:
    words = own_words('@acme see https://example.com/x "your order could not be processed today" ok\n> quoted')
    assert "acme" not in words
    assert "example" not in words
    assert "processed" not in words
    assert "quoted" not in words
    assert "ok" in words


DRAFT_TO_A_BRICKED_SPEAKER = """Hi Mei,

Your replacement speaker ships today.

Best,
Lina

> The update bricked my speaker.
"""


def test_a_teams_mood_words_in_checklist_toml_reach_the_mood_rules() -> None:
    def fired(overrides: dict[str, Any] | None) -> set[str]:
        report = lint_text(DRAFT_TO_A_BRICKED_SPEAKER, select=("acknowledge-feelings",), overrides=overrides)
        return {diagnostic.rule_id for diagnostic in report.diagnostics}

    assert fired(None) == set()
    assert fired({"mood": {"extend-upset-words": ["bricked"]}}) == {"acknowledge-feelings.missing-acknowledgement"}


def test_an_unknown_mood_key_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="sad-words"):
        make_config(overrides={"mood": {"sad-words": ["bricked"]}})
