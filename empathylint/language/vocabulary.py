"""The default word lists and phrase tables, kept as data in language/data/.

A rule's settings take their word lists from here as defaults (`default_factory`), so the
words live in data files that tests keep sorted and free of duplicates, while the
settings class still says what each default is. checklist.toml is the documented copy
users read and override; a test holds the two equal."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


def parse_toml(text: str) -> dict[str, Any]:
    """tomllib.loads(text), imported only when TOML is read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

    table: dict[str, Any] = tomllib.loads(text)
    return table


@functools.cache
def data_table(name: str) -> Mapping[str, Any]:
    """language/data/<name>.toml, parsed once per process (read it, never change it)."""
    return parse_toml((DATA / f"{name}.toml").read_text(encoding="utf-8"))


def default_words(name: str, key: str) -> Callable[[], tuple[str, ...]]:
    """A default_factory: the list `key` of language/data/<name>.toml."""
    return lambda: tuple(data_table(name)[key])


def default_phrases(group: str, key: str) -> Callable[[], tuple[str, ...]]:
    """A default_factory: the list `key` of a rule's language/data/phrases/<group>.toml."""
    return default_words(f"phrases/{group}", key)


def default_rewrites(group: str, key: str) -> Callable[[], dict[str, str]]:
    """A default_factory: the table `key` (phrase = rewrite) of language/data/phrases/<group>.toml."""
    return lambda: dict(data_table(f"phrases/{group}")[key])


@functools.cache
def known_words(key: str) -> frozenset[str]:
    """A list of language/data/words.toml (abbreviations, titles, words that name nobody):
    what reading a draft relies on before any rule's settings come into play."""
    return frozenset(data_table("words")[key])
