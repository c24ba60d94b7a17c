"""The default word lists and phrase tables, kept as data in language/data/.

A rule's settings take their word lists from here as defaults (`default_factory`), so the
words live in data files that tests keep sorted and free of duplicates, while the
settings class still says what each default is. checklist.toml is the documented copy
users read and override; a test holds the two equal.

The data files are TOML, read by people; a wheel also carries beside each one a JSON copy
of its table, made when the wheel is built (hatch_build.py), which parses in a tenth of the
time (TOML was 21 ms of a cold one-reply check). The copy names the TOML it was made from
(its length and CRC): a copy that is missing, damaged, or made from other text (a TOML
edited after installing) is passed over and the TOML read, so the TOML always decides."""

from __future__ import annotations

import functools
import json
import sys
import zlib
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
    return read_table(DATA / f"{name}.toml")


def read_table(path: Path) -> dict[str, Any]:
    """A data file's table: from its JSON copy (`path` with .json) when that copy was made
    from the file's present text, else parsed from the TOML."""
    data = path.read_bytes()
    try:
        copy = json.loads(path.with_suffix(".json").read_bytes())
        if isinstance(copy, dict) and copy.get("source") == source_stamp(data) and isinstance(copy.get("table"), dict):
            table: dict[str, Any] = copy["table"]
            return table
    except (OSError, ValueError):
        pass  # no copy (a source tree, an editable install) or a damaged one
    return parse_toml(data.decode("utf-8"))


def source_stamp(data: bytes) -> str:
    """What a JSON copy records of the TOML it was made from: its length and CRC."""
    return f"{len(data)}-{zlib.crc32(data):08x}"


def json_copy(path: Path) -> str:
    """The JSON copy of a data file that read_table reads instead of it (made when a
    wheel is built: hatch_build.py)."""
    data = path.read_bytes()
    return json.dumps({"source": source_stamp(data), "table": parse_toml(data.decode("utf-8"))}, ensure_ascii=False)


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
