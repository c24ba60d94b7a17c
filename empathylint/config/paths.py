"""Which configuration entries a path falls under: gitignore-like globs for the files to
check, the profile of a file and its per-file ignores.

A glob without `/` matches a name at any depth (`*.md`, `drafts`); one with `/` inside
matches from the folder of the checklist.toml that holds it (`macros/**`, `replies/*.txt`);
`**` crosses folders."""

from __future__ import annotations

import fnmatch
import functools
import re
from pathlib import Path


def glob_match(relative_path: str, pattern: str) -> bool:
    """Whether a path, relative to the configuration's folder and written with `/`,
    matches a glob."""
    if "/" not in pattern.rstrip("/"):
        name = relative_path.rsplit("/", 1)[-1]
        parts = relative_path.split("/")
        return fnmatch.fnmatchcase(name, pattern) or any(
            fnmatch.fnmatchcase(part, pattern.rstrip("/")) for part in parts[:-1]
        )
    return _glob_regex(pattern.lstrip("/")).fullmatch(relative_path) is not None


@functools.lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """The glob as a regex, compiled once per glob (globs are asked about every file)."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


# Asked for every file (profile, per-file ignores) and resolved through the file system
# each time (~0.3 ms): remembered, as a file does not move during a run.
@functools.lru_cache(maxsize=1024)
def relative_to(path: str, root: Path) -> str:
    """`path` relative to `root`, with `/`; as given when it lies outside `root`."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def matches_any(relative_path: str, patterns: tuple[str, ...]) -> bool:
    return any(glob_match(relative_path, pattern) for pattern in patterns)
