"""Which configuration entries a path falls under: gitignore-like globs for the files to
check, the profile of a file and its per-file ignores.

A glob without `/` matches a name at any depth (`*.md`, `drafts`); one with `/` inside
matches from the folder of the checklist.toml that holds it (`macros/**`, `replies/*.txt`),
and so does everything in a folder it matches; `**` crosses folders."""

from __future__ import annotations

import fnmatch
import functools
import os
from collections.abc import Iterable
from pathlib import Path


def glob_match(relative_path: str, pattern: str) -> bool:
    """Whether a path, relative to the configuration's folder and written with `/`,
    matches a glob (or lies inside a folder that does, as in .gitignore).

    Asked for every file of a run and every profile, channel and ignore glob: what the
    file's folders decide is worked out once per folder (a run's files share a few), and
    only the file's own name is matched each time."""
    folder, slash, name = relative_path.rpartition("/")
    folders = tuple(folder.split("/")) if slash else ()
    if "/" not in pattern.rstrip("/"):
        # A name never holds `/`: a glob that ends with one matches folders only.
        if not pattern.endswith("/") and _fits(name, pattern):
            return True
        return _names_a_folder(folders, pattern.rstrip("/"))
    glob = _glob_parts(pattern)
    matched, positions = _through_folders(glob, folders)
    return matched or len(glob) in _step(glob, positions, name)


_WILDCARDS = frozenset("*?[")


def _fits(name: str, pattern: str) -> bool:
    """fnmatchcase: a segment without a wildcard (the shipped profile and channel globs,
    `canned/`, `docs/`) is compared, not compiled into a regular expression on every run."""
    if _WILDCARDS.isdisjoint(pattern):
        return name == pattern
    return fnmatch.fnmatchcase(name, pattern)


@functools.lru_cache(maxsize=4096)
def _names_a_folder(folders: tuple[str, ...], name: str) -> bool:
    return any(_fits(part, name) for part in folders)


@functools.lru_cache(maxsize=256)
def _glob_parts(pattern: str) -> tuple[str, ...]:
    """The glob's segments; runs of `**` are one `**` (they match the same)."""
    parts: list[str] = []
    for part in pattern.strip("/").split("/"):
        if part and not (part == DEEP == (parts[-1] if parts else None)):
            parts.append(part)
    return tuple(parts)


DEEP = "**"


@functools.lru_cache(maxsize=4096)
def _through_folders(glob: tuple[str, ...], folders: tuple[str, ...]) -> tuple[bool, frozenset[int]]:
    """Whether the glob matches one of the folders a path lies in, else the positions it
    has reached past them. The glob is run as a set of positions over the path's segments,
    one segment at a time, so the work is (glob segments) x (path segments) whatever the
    glob: a backtracking regex took hours on a glob of repeated `**/`."""
    positions = _past_deep(glob, {0})
    for part in folders:
        positions = _step(glob, positions, part)
        if len(glob) in positions:
            return True, frozenset()
        if not positions:
            break
    return False, frozenset(positions)


def _step(glob: tuple[str, ...], positions: Iterable[int], part: str) -> set[int]:
    """The positions after one more segment. `**` matches any number of folders, none
    included, except at the end of the glob, where it needs one segment at least
    ("macros/**")."""
    following: set[int] = set()
    for position in positions:
        if position == len(glob):
            continue
        if glob[position] == DEEP:
            following.add(position)  # ** takes this segment and may take more
            if position == len(glob) - 1:
                following.add(position + 1)
        elif _fits(part, glob[position]):
            following.add(position + 1)
    return _past_deep(glob, following)


def _past_deep(glob: tuple[str, ...], positions: set[int]) -> set[int]:
    """Positions, with each `**` that is not the glob's last segment also skipped (it may
    match no folder at all)."""
    reached = set(positions)
    for position in sorted(positions):
        while position < len(glob) - 1 and glob[position] == DEEP:
            position += 1
            reached.add(position)
    return reached


# Asked for every file (profile, channel, per-file ignores): resolved through the file
# system once, as a file does not move during a run; os.path rather than pathlib, whose
# objects cost more to build than the lookup itself on a run of many cached files.
@functools.lru_cache(maxsize=1024)
def relative_to(path: str, root: Path) -> str:
    """`path` relative to `root`, with `/`; as given when it lies outside `root`."""
    resolved = os.path.realpath(path)
    folder = _resolved_folder(root)
    if resolved == folder:
        return "."
    inside = folder if folder.endswith(os.sep) else folder + os.sep
    if resolved.startswith(inside):
        return resolved[len(inside) :].replace(os.sep, "/")
    return Path(path).as_posix()


@functools.lru_cache(maxsize=64)
def _resolved_folder(root: Path) -> str:
    return os.path.realpath(root)


def matches_any(relative_path: str, patterns: tuple[str, ...]) -> bool:
    return any(glob_match(relative_path, pattern) for pattern in patterns)
