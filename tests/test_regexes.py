"""The machine-wide cache of compiled patterns: same patterns as re.compile, or re.compile itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from empathylint import regexes
from empathylint.phrases import compile_phrases

PATTERNS = [
    (r"(?<![\w'’])(?:we\s+can['’]t|you\s+failed\s+to)(?![\w'’])", re.IGNORECASE),
    (r"(?P<name>[A-Z][a-z]+)(?:\s+(?P<last>[A-Z][a-z]+))?", 0),
    (r"""^ \s* (?: hi | hello ) \b  # a greeting
         [^\n]*$""", re.VERBOSE | re.MULTILINE | re.IGNORECASE),
    (r"\bZoë\b|Nguyễn|O['’]Brien", re.IGNORECASE),
    (r"(a)|(b)|(?:c)", re.DOTALL),
]
TEXT = "Hi Zoë Nguyen,\nWe can’t refund it. YOU FAILED TO pay?\nhello O'Brien Anne Marie abc"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert a == b  # Pattern equality compares the pattern, the flags and the compiled code
    assert (a.flags, a.groups, dict(a.groupindex)) == (b.flags, b.groups, dict(b.groupindex))
    assert [(*m.groups(), m.span()) for m in a.finditer(TEXT)] == [(*m.groups(), m.span()) for m in b.finditer(TEXT)]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_pattern_from_the_cache_is_the_one_re_compiles(cache_dir: Path, pattern: str, flags: int) -> None:
    first = regexes.PatternCache()
    _same(first.compile(pattern, flags), re.compile(pattern, flags))
    first.save()

    compiled_again: list[str] = []
    again = regexes.PatternCache()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(regexes, "_compile_to_code", lambda pattern, flags: compiled_again.append(pattern))
        _same(again.compile(pattern, flags), re.compile(pattern, flags))
    assert compiled_again == []


def test_a_phrase_list_compiles_to_the_same_pattern_as_re() -> None:
    pattern = compile_phrases(("don't worry", "sorry … inconvenience", "we can't", "you failed to"))
    assert pattern is not None
    _same(pattern, re.compile(pattern.pattern, pattern.flags))


def test_nothing_is_written_when_every_pattern_came_from_the_cache(cache_dir: Path) -> None:
    first = regexes.PatternCache()
    first.compile(r"\bthanks?\b")
    first.save()
    (cached,) = cache_dir.iterdir()
    cached.write_bytes(cached.read_bytes())  # a known mtime to compare with
    before = cached.stat().st_mtime_ns
    again = regexes.PatternCache()
    again.compile(r"\bthanks?\b")
    again.save()
    assert cached.stat().st_mtime_ns == before


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", None])
def test_a_damaged_cache_costs_time_never_a_wrong_pattern(cache_dir: Path, damage: bytes | None) -> None:
    pattern, flags = PATTERNS[0]
    first = regexes.PatternCache()
    first.compile(pattern, flags)
    first.save()
    (cached,) = cache_dir.iterdir()
    if damage is None:  # well-formed, but the compiled code is not what the engine accepts
        import marshal

        entries = marshal.loads(cached.read_bytes())
        for key, (final_flags, _code, groups, groupindex, indexgroup) in entries.items():
            entries[key] = (final_flags, [17, 99, 3], groups, groupindex, indexgroup)
        damage = marshal.dumps(entries)
    cached.write_bytes(damage)
    _same(regexes.PatternCache().compile(pattern, flags), re.compile(pattern, flags))


def test_a_bad_pattern_raises_re_error(cache_dir: Path) -> None:
    with pytest.raises(re.error):
        regexes.PatternCache().compile(r"(unclosed")


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(blocker / "cache"))
    cache = regexes.PatternCache()
    _same(cache.compile(PATTERNS[1][0]), re.compile(PATTERNS[1][0]))
    cache.save()


def test_a_pattern_asked_for_again_is_the_same_object(cache_dir: Path) -> None:
    """As re.compile's own cache: patterns built inside functions cost a dict look-up."""
    cache = regexes.PatternCache()
    assert cache.compile(r"\bthanks\b", re.IGNORECASE) is cache.compile(r"\bthanks\b", re.IGNORECASE)
