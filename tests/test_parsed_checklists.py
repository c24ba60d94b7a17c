"""Parsed checklists are cached by their whole text: the same table as tomllib, never a stale one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from empathylint import config
from empathylint.config import default_checklist_path, parse_toml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def _parsing_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str) -> None:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(tomllib, "loads", fail)


def test_the_shipped_checklist_is_parsed_once_then_read_from_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    text = default_checklist_path().read_text(encoding="utf-8")
    first = parse_toml(text)
    assert first == tomllib.loads(text)
    _parsing_forbidden(monkeypatch)
    assert parse_toml(text) == first


def test_a_changed_text_is_parsed_again() -> None:
    assert parse_toml('fail-on = "warning"\n') == {"fail-on": "warning"}
    assert parse_toml('fail-on = "error"\n') == {"fail-on": "error"}


def test_a_table_with_a_date_is_parsed_each_time_and_right() -> None:
    text = "[meta]\nreviewed = 2026-11-25\n"
    assert parse_toml(text) == tomllib.loads(text)
    assert parse_toml(text) == tomllib.loads(text)


def test_a_damaged_cache_is_parsed_around(cache_dir: Path) -> None:
    parse_toml('profile = "reply"\n')
    (cached,) = cache_dir.iterdir()
    cached.write_bytes(b"\x00not marshal")
    assert parse_toml('profile = "reply"\n') == {"profile": "reply"}


def test_broken_toml_still_raises_for_the_one_line_error() -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        parse_toml("fail-on = \n")


def test_the_cache_keeps_a_bounded_number_of_checklists(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [f"fail-on = 'warning'\n# version {n}\n" for n in range(12)]
    for text in texts:
        parse_toml(text)
    _parsing_forbidden(monkeypatch)
    assert parse_toml(texts[-1]) == {"fail-on": "warning"}  # the newest are kept
    monkeypatch.undo()
    import marshal

    (cached,) = cache_dir.iterdir()
    assert len(marshal.loads(cached.read_bytes())) == config._PARSED_KEPT
