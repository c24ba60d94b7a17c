"""Regular expressions compiled once per machine instead of once per run.

Python compiles a regular expression with a parser and a code generator written in Python;
only the matching engine, `_sre`, is in C. The rules' ~250 patterns, most of them long
alternations built from the phrase lists, cost about 45 ms of every cold run, more than any
single import. The compiled form is a list of
integers that `_sre.compile` accepts directly, so the first run stores it in the user cache
(keyed by the pattern, its flags, the interpreter and its regex-engine version) and later
runs hand it to `_sre` without parsing anything.

The cache can only save time, never change a result: an entry is used only for the exact
pattern and flags that produced it, under the same engine version, and where anything is
amiss (another Python implementation, a private API that moved, a damaged, missing or
unwritable cache file) patterns are compiled by `re` as usual."""

from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path

from empathylint.user_cache import cache_dir, write_atomically

try:  # CPython's own compiler, named sre_* before 3.11
    import _sre  # type: ignore[import-not-found]

    if sys.version_info >= (3, 11):
        from re import _compiler, _parser
    else:  # pragma: no cover - exercised on 3.10 only
        import sre_compile as _compiler
        import sre_parse as _parser
    _ENGINE: str | None = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover - other interpreters
    _ENGINE = None

# Bump when the layout of an entry changes.
_CACHE_FORMAT = 1
# A run adds its patterns to those already cached; past this many the file keeps only the
# patterns of the latest run, so checklists that change often cannot grow it without end.
_MAX_ENTRIES = 4000

_Key = tuple[str, int]
# What _sre.compile takes after the pattern: flags, code, groups, groupindex, indexgroup.
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


class PatternCache:
    """The compiled patterns of one machine: read when a pattern is first asked for, written
    back by `save` when the run compiled patterns the file did not hold."""

    def __init__(self) -> None:
        self._stored: dict[_Key, _Entry] | None = None
        self._used: dict[_Key, _Entry] = {}
        self._compiled: dict[_Key, re.Pattern[str]] = {}
        self._added = False

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(pattern, flags)`, from the cache when it holds this pattern."""
        if _ENGINE is None:
            return re.compile(pattern, flags)
        key = (pattern, int(flags))  # a plain int: RegexFlag cannot be marshalled
        compiled: re.Pattern[str] | None = self._compiled.get(key)  # asked again: as re's own cache
        if compiled is not None:
            return compiled
        entry = self._read().get(key)
        if entry is not None:
            try:
                self._compiled[key] = _sre.compile(pattern, *entry)
                self._used[key] = entry
                return self._compiled[key]
            except (TypeError, ValueError, RuntimeError):
                pass  # an entry the engine rejects ("invalid SRE code"): compile afresh, replace it
        try:
            entry = _compile_to_code(pattern, flags)
            self._compiled[key] = _sre.compile(pattern, *entry)
        except Exception:  # a bad pattern (re raises its usual error) or a private API that moved
            return re.compile(pattern, flags)
        self._used[key] = entry
        self._added = True
        return self._compiled[key]

    def save(self) -> None:
        """Store the patterns compiled in this run, when there are new ones."""
        if not self._added:
            return
        entries = {**(self._stored or {}), **self._used}
        if len(entries) > _MAX_ENTRIES:
            entries = dict(self._used)
        write_atomically(_cache_path(), marshal.dumps(entries))
        self._stored = entries
        self._added = False

    def _read(self) -> dict[_Key, _Entry]:
        if self._stored is None:
            try:
                loaded = marshal.loads(_cache_path().read_bytes())
            except (OSError, EOFError, ValueError, TypeError):
                loaded = None  # no cache yet, or a damaged one: it is written afresh
            self._stored = loaded if isinstance(loaded, dict) else {}
        return self._stored


_MACHINE = PatternCache()
compile = _MACHINE.compile  # a drop-in for re.compile, hence the name
save = _MACHINE.save  # at the end of a run


def _cache_path() -> Path:
    return cache_dir() / f"regexes-v{_CACHE_FORMAT}-{_ENGINE}.marshal"


def _compile_to_code(pattern: str, flags: int) -> _Entry:
    """What `re` itself hands to `_sre.compile` (as in re._compiler.compile)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)  # type: ignore[attr-defined]
    state = parsed.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    # The opcodes are named int constants: plain ints marshal, and _sre reads them alike.
    opcodes = [int(op) for op in code]
    return (int(flags | state.flags), opcodes, state.groups - 1, dict(state.groupdict), tuple(indexgroup))
