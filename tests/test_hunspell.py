"""empathylint.language.hunspell on a small dictionary of our own, in Hunspell's format: what a
word's affixes give, what they may not, and the marks SCOWL's dictionaries use."""

from __future__ import annotations

from pathlib import Path

import pytest

from empathylint.language.hunspell import NO_SUGGEST, Dictionaries, Dictionary

AFF = """SET UTF-8
NOSUGGEST !
ONLYINCOMPOUND c

SFX S Y 3
SFX S   y     ies        [^aeiou]y
SFX S   0     s          [aeiou]y
SFX S   0     s          [^y]

SFX D N 2
SFX D   0     d          e
SFX D   0     ed         [^e]

SFX M Y 1
SFX M   0     's         .

PFX U Y 1
PFX U   0     un         .

PFX R N 1
PFX R   0     re         [^e].
"""

DIC = """7
reply/SM
play/SDU
load/DUR
edit/R
bother/!S
1th/c
Polish/M
"""


@pytest.fixture
def dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Dictionary:
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "xx.aff").write_text(AFF, encoding="utf-8")
    (tmp_path / "xx.dic").write_text(DIC, encoding="utf-8")
    return Dictionary(tmp_path / "xx.dic", tmp_path / "xx.aff")


@pytest.mark.parametrize(
    "word",
    ["reply", "replies", "reply's", "plays", "played", "unplay", "unplays", "loaded", "unload",
     "reload", "polish's"],
)  # fmt: skip
def test_a_form_its_affixes_give_is_known(dictionary: Dictionary, word: str) -> None:
    assert word in dictionary
    assert dictionary.get(word) == ""


@pytest.mark.parametrize(
    "word",
    [
        "replys",  # the condition [^aeiou]y sends "reply" to "replies"
        "plaies",  # and [aeiou]y keeps "play" from it
        "unreply",  # reply has no U flag
        "reloaded",  # R does not cross with D
        "unplayed",  # nor does D with U: both must cross
        "reedit",  # R's condition [^e]. does not fit "edit"
        "unloaded's",  # one suffix at a time
        "1th",  # only in compounds
        "plai",
    ],
)
def test_a_form_its_affixes_do_not_give_is_unknown(dictionary: Dictionary, word: str) -> None:
    assert word not in dictionary
    assert dictionary.get(word) is None


def test_a_word_marked_never_to_suggest_is_known_but_marked(dictionary: Dictionary) -> None:
    assert "bothers" in dictionary
    assert dictionary.get("bothers") == NO_SUGGEST


def test_several_dictionaries_answer_as_one(dictionary: Dictionary, tmp_path: Path) -> None:
    (tmp_path / "yy.aff").write_text("SET UTF-8\nNOSUGGEST !\n", encoding="utf-8")
    (tmp_path / "yy.dic").write_text("2\ncolour\nreply/!\n", encoding="utf-8")
    both = Dictionaries((dictionary, Dictionary(tmp_path / "yy.dic", tmp_path / "yy.aff")))
    assert "colour" in both and "replies" in both and "colours" not in both
    assert both.get("reply") == NO_SUGGEST  # one of them marks it
    assert both.get("replies") == ""


def test_a_second_dictionary_is_read_only_for_a_word_the_first_does_not_know(
    dictionary: Dictionary, tmp_path: Path
) -> None:
    """In an empty cache, a dictionary's stems are derived on first use: a draft whose every
    word the first dictionary knows never pays for the second's."""
    (tmp_path / "yy.dic").write_text("1\ncolour/S\n", encoding="utf-8")
    second = Dictionary(tmp_path / "yy.dic", tmp_path / "xx.aff")
    both = Dictionaries((dictionary, second))
    cache = tmp_path / "cache"
    assert "replies" in both
    assert not any("-yy-" in path.name for path in cache.iterdir())
    assert "colours" in both
    assert any("-yy-" in path.name for path in cache.iterdir())


def test_the_cached_stems_are_the_dictionarys_own_entries_sorted(tmp_path: Path) -> None:
    """Deriving a dictionary's stems in an empty cache is one sort of its entries (their
    first fields, flags in their own case), by stem in lower case; a stem listed twice
    keeps both entries, next to each other, and its words have the flags of both."""
    cache = tmp_path / "cache"
    (tmp_path / "zz.aff").write_text(AFF, encoding="utf-8")
    (tmp_path / "zz.dic").write_text(
        "6\r\npolish/D\r\n  Ticket/S po:noun\r\n\r\nPolish/M\r\nap’ps\r\nAbout\r\n", encoding="utf-8"
    )
    dictionary = Dictionary(tmp_path / "zz.dic", tmp_path / "zz.aff")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EMPATHYLINT_CACHE_DIR", str(cache))
        for word in ("polished", "polish's", "tickets", "ap'ps", "about"):
            assert word in dictionary, word
        for word in ("abouts", "po:noun", "ticketed"):
            assert word not in dictionary, word
    (stored,) = cache.glob("hunspell-stems-*-zz-*")
    assert stored.read_text(encoding="utf-8").splitlines()[2:] == ["About", "ap’ps", "polish/D", "Polish/M", "Ticket/S"]
