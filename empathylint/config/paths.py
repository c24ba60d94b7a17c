"""Which configuration entries a path falls under: gitignore-like globs for the files to
check, the profile of a file and its per-file ignores.

A glob without `/` matches a name at any depth (`*.md`, `drafts`); one with `/` inside
matches from the folder of the checklist.toml that holds it (`macros/**`, `replies/*.txt`),
and so does everything in a folder it matches; `**` crosses folders."""

from __future__ import annotations

import fnmatch
import functools
import os
from pathlib import Path


def glob_match(relative_path: str, pattern: str) -> bool:
    """Whether a path, relative to the configuration's folder and written with `/`,
    matches a glob (or lies inside a folder that does, as in .gitignore)."""
    parts = relative_path.split("/")
    if "/" not in pattern.rstrip("/"):
        name = pattern.rstrip("/")
        return fnmatch.fnmatchcase(parts[-1], pattern) or any(fnmatch.fnmatchcase(part, name) for part in parts[:-1])
    return _matches_a_prefix(_glob_parts(pattern), parts)


@functools.lru_cache(maxsize=256)
def _glob_parts(pattern: str) -> tuple[str, ...]:
    """The glob's segments; runs of `**` are one `**` (they match the same)."""
    parts: list[str] = []
    for part in pattern.strip("/").split("/"):
        if part and not (part == DEEP == (parts[-1] if parts else None)):
            parts.append(part)
    return tuple(parts)


DEEP = "**"


def _matches_a_prefix(glob: tuple[str, ...], parts: list[str]) -> bool:
    """Whether the glob matches the path or one of the folders it lies in. The glob is run
    as a set of positions over the path's segments, one segment at a time, so the work is
    (glob segments) x (path segments) whatever the glob: a backtracking regex took hours
    on a glob of repeated `**/`. `**` matches any number of folders, none included, except
    at the end of the glob, where it needs one segment at least ("macros/**")."""
    positions = _past_deep(glob, {0})
    for part in parts:
        following: set[int] = set()
        for position in positions:
            if position == len(glob):
                continue
            if glob[position] == DEEP:
                following.add(position)  # ** takes this segment and may take more
                if position == len(glob) - 1:
                    following.add(position + 1)
            elif fnmatch.fnmatchcase(part, glob[position]):
                following.add(position + 1)
        positions = _past_deep(glob, following)
        if len(glob) in positions:
            return True
        if not positions:
            return False
    return False


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
