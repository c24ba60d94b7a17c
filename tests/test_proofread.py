"""The proofread rule's parts that fixtures cannot show: the words file read at
configuration time, the shipped word lists' shape, corrections and their bounds, the block
list no suggestion may come from, and the safe fixes' output."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import pytest

from empathylint.config import ConfigError, Resolver
from empathylint.diagnostics import Severity
from empathylint.language import spelling
from empathylint.language.spelling import correction, is_known, known_misspelling, vocabulary
from empathylint.rules import RULES
from tests.conftest import lint_text, tomllib

DATA = Path(__file__).resolve().parent.parent / "empathylint" / "language" / "data" / "spelling"
RARE_WORDS_MEANT_AS_TYPOS = {"costumer", "equipments", "incidently", "informations", "payed", "wether"}
WORD_LISTS = ("software-words.txt", "support-words.txt", "brands.txt", "prefixes.txt", "file-names.txt")


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_words_file_is_read_relative_to_the_checklist(tmp_path: Path) -> None:
    (tmp_path / "team-words.txt").write_text("# our products\nQuillify\nwebhookr\n", encoding="utf-8")
    (tmp_path / "checklist.toml").write_text('[rules.proofread]\nwords-file = "team-words.txt"\n', encoding="utf-8")
    config = Resolver(RULES, cwd=tmp_path).root
    settings = config.rule_settings["proofread"]
    assert "Quillify" in settings.words and "webhookr" in settings.words
    assert all(not word.startswith("#") for word in settings.words)


def test_a_missing_words_file_is_a_one_line_config_error(tmp_path: Path) -> None:
    (tmp_path / "checklist.toml").write_text('[rules.proofread]\nwords-file = "nope.txt"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="words-file cannot be read"):
        Resolver(RULES, cwd=tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_words_file_that_is_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "words.fifo")
    (tmp_path / "checklist.toml").write_text('[rules.proofread]\nwords-file = "words.fifo"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not a regular file"):
        Resolver(RULES, cwd=tmp_path)


def test_an_oversized_words_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_bytes(b"word\n" * 1_000_000)
    (tmp_path / "checklist.toml").write_text('[rules.proofread]\nwords-file = "words.txt"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="larger than"):
        Resolver(RULES, cwd=tmp_path)


@pytest.mark.parametrize("name", WORD_LISTS)
def test_shipped_word_lists_are_sorted_unique_and_unknown_to_the_dictionary(name: str) -> None:
    words = _lines(name)
    assert words == sorted(words, key=str.lower)
    assert len({word.lower() for word in words}) == len(words)
    if name not in ("prefixes.txt", "file-names.txt"):
        # A word the dictionary already knows is dead weight in the list.
        assert [w for w in words if is_known(w, frozenset())] == []


def test_name_casings_are_sorted_unique_and_each_has_a_capital() -> None:
    names = _lines("name-casing.txt")
    assert names == sorted(names, key=str.lower)
    assert len({name.lower() for name in names}) == len(names)
    assert all(name != name.lower() for name in names)  # a name all in lower case corrects nothing


def test_misspellings_are_sorted_unique_and_never_a_word_or_their_own_correction() -> None:
    entries = [line.split("->") for line in _lines("misspellings.txt")]
    typos = [typo for typo, _ in entries]
    assert typos == sorted(typos) and len(set(typos)) == len(typos)
    for typo, corrections in entries:
        meant = [c.strip() for c in corrections.split(",")]
        assert typo not in meant
        assert all(is_known(word, frozenset()) for c in meant for word in c.split()), typo
        # A few typos are rare words too ("wether" is a ram); in support writing they are typos.
        assert typo in RARE_WORDS_MEANT_AS_TYPOS or not is_known(typo, frozenset()), typo


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("recieve", ("receive",)), ("Definately", ("Definitely",)), ("dont", ("don't",)), ("im", ("I'm",))],
)
def test_known_misspellings_keep_the_case_of_the_typo(typo: str, meant: tuple[str, ...]) -> None:
    assert known_misspelling(typo) == meant


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("speling", "spelling"),
        ("accout", "account"),
        ("pasword", "password"),
        ("Emial", "Email"),
        ("acess", "access"),
        ("wiht", "with"),  # a short word, two letters swapped
        ("accountt", "account"),  # the last letter doubled
        ("completeting", "completing"),  # a long word, two letters typed twice
    ],
)
def test_a_correction_is_offered_when_one_candidate_is_clearly_meant(typo: str, meant: str) -> None:
    assert not is_known(typo, vocabulary(()))
    assert correction(typo) == meant


# "sasl": a short word one changed letter from many; "javac", "gmake": a letter more at the end
# or a first letter dropped make a program's name, not a typo.
@pytest.mark.parametrize("typo", ["shiping", "thx", "annuallyor", "a" * 30, "sasl", "javac", "gmake"])
def test_no_correction_when_none_is_clearly_meant_or_the_word_is_too_short_or_long(typo: str) -> None:
    assert correction(typo) is None


@pytest.mark.parametrize("word", ["colour", "color", "organised", "cancelled", "repo", "hotkeys", "iframes", "it's"])
def test_the_dictionary_knows_both_spellings_and_the_shipped_words(word: str) -> None:
    assert is_known(word, vocabulary(()))


def test_no_suggestion_is_in_a_block_list_of_offensive_words() -> None:
    # better-profanity's list (a test dependency, read where it is installed): the tool's own
    # filter is SCOWL's never-suggest mark, so this list checks it from the outside.
    blocked_text = (files("better_profanity") / "profanity_wordlist.txt").read_text(encoding="utf-8")
    blocked = {line.strip().lower() for line in blocked_text.splitlines() if line.strip()}
    suggestions = {word.lower() for word in spelling.every_suggestion()}
    assert len(suggestions) > 30_000
    assert sorted(suggestions & blocked) == []
    from empathylint.language.confusables import rules

    meant = {word for by_word in rules().values() for rule in by_word for word in rule.meant.lower().split()}
    assert meant and sorted(meant & blocked) == []  # a confused word's correction too


def test_an_enormous_word_is_not_looked_up_or_corrected() -> None:
    word = "a" * (5 * 1024 * 1024)
    assert is_known(word, frozenset())
    assert correction(word) is None
    report = lint_text(f"Hi Maria,\n\nHere it is: {word} and more.\n\nBest,\nSam", select=("proofread",))
    assert report.error is None
    assert all(len(d.message) < 400 for d in report.diagnostics)


def test_an_unselected_spelling_code_does_no_dictionary_work() -> None:
    text = "Hi Maria,\n\nThe pasword tool arrives tomorow.\n\nBest,\nSam"
    before = spelling.is_known.cache_info()
    report = lint_text(text, select=("proofread.repeated-word", "proofread.doubled-space"))
    after = spelling.is_known.cache_info()
    assert report.diagnostics == []
    assert (after.hits, after.misses) == (before.hits, before.misses)
    assert {d.rule_id for d in lint_text(text, select=("proofread",)).diagnostics} == {
        "proofread.unknown-word",
        "proofread.spelling",
    }


def test_safe_fixes_remove_the_repeat_the_extra_space_and_the_typo() -> None:
    text = "Hi Maria,\n\nI sent the the invoice  again and recieved nothing.\n\nBest,\nSam"
    report = lint_text(text, select=("proofread",))
    safe = sorted(
        (edit for d in report.diagnostics if d.fix and d.fix.safe for edit in d.fix.edits),
        key=lambda edit: edit.start,
        reverse=True,
    )
    fixed = text
    for edit in safe:
        fixed = fixed[: edit.start] + edit.replacement + fixed[edit.end :]
    assert fixed == "Hi Maria,\n\nI sent the invoice again and received nothing.\n\nBest,\nSam"


def test_confused_word_rules_are_well_formed_data() -> None:
    from empathylint.language.confusables import CLAUSE_END, CLAUSE_START, SENTENCE_START, rules

    found = [rule for by_word in rules().values() for rule in by_word]
    assert len(found) > 20
    for rule in found:
        assert rule.wrong != rule.meant and rule.wrong == rule.wrong.lower(), rule
        assert rule.why and (rule.before or rule.after), rule  # a bare word is never wrong everywhere
        assert "\\" not in rule.why, rule  # a TOML literal string keeps "\u2019" as typed
        assert all(word == word.lower() or word in (SENTENCE_START, CLAUSE_START) for word in rule.before), rule
        assert all(word == word.lower() or word == CLAUSE_END for word in rule.after), rule
        assert all(word == word.lower() or word == CLAUSE_END for word in rule.not_after), rule
        assert not rule.after & rule.not_after and not rule.before & rule.not_before, rule
        assert all(word == word.lower() for word in rule.not_before), rule
    text = (
        Path(__file__).resolve().parent.parent / "empathylint" / "language" / "data" / "confused-words.toml"
    ).read_text(encoding="utf-8")
    for listed in re_lists(text):
        assert listed == sorted(listed) and len(set(listed)) == len(listed), listed
    # "*" stands only first of two words after ("* is"), never before or alone.
    for rule in found:
        assert all("*" not in word for word in rule.before | rule.not_before | rule.not_after), rule
        assert all(word.count("*") == (word.startswith("* ") and word.count(" ") == 1) for word in rule.after), rule
    frame = tomllib.loads(text)["embedded-question"]
    for name in ("lead", "question", "auxiliary", "subject"):
        listed = frame[name]
        assert listed and listed == sorted(set(listed)) and all(word == word.lower() for word in listed), name


def re_lists(text: str) -> list[list[str]]:
    import re

    return [
        re.findall(r'"([^"]*)"', found)
        for found in re.findall(r"^(?:before|after|not_after|not_before) = \[(.*)\]$", text, re.M)
    ]


def test_a_word_too_many_is_deleted_with_the_space_before_it() -> None:
    text = "Hi Maria,\n\nWe suggest you to clear the cache.\n\nBest,\nSam"
    report = lint_text(text, select=("proofread.confused-word",))
    [found] = report.diagnostics
    assert found.fix is not None and not found.fix.safe
    [edit] = found.fix.edits
    assert text[: edit.start] + edit.replacement + text[edit.end :] == text.replace("you to clear", "you clear")


def test_etc_without_its_stop_is_a_hint_that_leaves_a_notice_ready() -> None:
    # A typography nit alone leaves a text ready (bench/accuracy/LABELING.md); British house
    # styles write "etc" bare, so the hint keeps its rewrite but blocks nothing.
    text = "Hi Maria,\n\nThanks for asking. Your notes, photos, files etc are all kept for a year.\n\nBest,\nSam"
    report = lint_text(text, select=("proofread",), profile="template")
    [hint] = report.diagnostics
    assert (hint.rule_id, hint.severity, hint.suggestion) == ("proofread.punctuation", Severity.INFO, "etc.")
    assert report.ready_to_send(Severity.WARNING)
    dotted = lint_text(text.replace("etc are", "etc. are"), select=("proofread",), profile="template")
    assert dotted.diagnostics == [] and dotted.ready_to_send(Severity.WARNING)


def test_sentence_openers_are_sorted_lower_case_data() -> None:
    path = Path(__file__).resolve().parent.parent / "empathylint" / "language" / "data" / "sentence-openers.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for name in ("openers", "not_after"):
        listed = data[name]
        assert listed and listed == sorted(set(listed)) and all(word == word.lower() for word in listed), name
