"""The proofread rule's parts that fixtures cannot show: the words file read at
configuration time, the shipped vocabulary's shape, and the safe fixes' output."""

from __future__ import annotations

from pathlib import Path

import pytest

from empathylint.config import ConfigError, Resolver
from empathylint.language.spelling import correction, is_known, vocabulary
from empathylint.rules import RULES
from tests.conftest import lint_text

DATA = Path(__file__).resolve().parent.parent / "empathylint" / "language" / "data" / "spelling-words.txt"


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


def test_shipped_vocabulary_is_sorted_unique_and_unknown_to_the_dictionary() -> None:
    words = [line for line in DATA.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert words == sorted(words, key=str.lower)
    assert len(set(words)) == len(words)
    # A word the dictionary already knows is dead weight in the list.
    assert [w for w in words if is_known(w, frozenset())] == []


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("recieve", "receive"),
        ("definately", "definitely"),
        ("seperate", "separate"),
        ("accomodate", "accommodate"),
        ("adress", "address"),
        ("thier", "their"),
        ("dont", "don't"),
        ("im", "I'm"),
        ("Untill", "Until"),
    ],
)
def test_likeliest_correction(typo: str, meant: str) -> None:
    assert not is_known(typo, vocabulary(()))
    assert correction(typo) == meant


def test_safe_fixes_remove_the_repeat_and_the_extra_space() -> None:
    text = "Hi Maria,\n\nI sent the the invoice  again.\n\nBest,\nSam"
    report = lint_text(text, select=("proofread",))
    safe = sorted(
        (edit for d in report.diagnostics if d.fix and d.fix.safe for edit in d.fix.edits),
        key=lambda edit: edit.start,
        reverse=True,
    )
    fixed = text
    for edit in safe:
        fixed = fixed[: edit.start] + edit.replacement + fixed[edit.end :]
    assert fixed == "Hi Maria,\n\nI sent the invoice again.\n\nBest,\nSam"
