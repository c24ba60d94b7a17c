"""What git would ignore in a folder walk, read from the ignore files themselves.

git itself is never run: `git ls-files` in a checked folder obeys that folder's
.git/config, and a planted `core.fsmonitor` there is a command git runs. So the ignore files
are read as data, matched with pathspec's implementation of gitignore's rules: every
.gitignore from the top of the work tree down, and .git/info/exclude. The user's global
excludes file (core.excludesFile) is not read: finding it means reading git configuration."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

MAX_IGNORE_FILE_BYTES = 1024 * 1024
"""An ignore file past this size is not read (a real one is a few kilobytes)."""


@dataclass(frozen=True)
class _Layer:
    """One ignore file's patterns, relative to the folder that holds it."""

    base: Path
    spec: GitIgnoreSpec


class GitIgnore:
    """The ignore files in force under a walked folder; `enter` adds a subfolder's own."""

    def __init__(self, layers: tuple[_Layer, ...] = ()) -> None:
        self._layers = layers

    @classmethod
    def for_folder(cls, folder: Path) -> GitIgnore:
        """The ignore files that apply in `folder`: from the top of its git work tree down to
        it. Outside a work tree nothing is ignored."""
        absolute = Path(os.path.abspath(folder))
        top = _work_tree_top(absolute)
        if top is None:
            return cls()
        layers = [_read_layer(top, top / ".git" / "info" / "exclude")]
        for base in [top, *reversed([p for p in absolute.parents if top in p.parents])]:
            layers.append(_read_layer(base, base / ".gitignore"))
        if absolute != top:
            layers.append(_read_layer(absolute, absolute / ".gitignore"))
        return cls(tuple(layer for layer in layers if layer is not None))

    @property
    def active(self) -> bool:
        return bool(self._layers)

    def enter(self, folder: Path) -> GitIgnore:
        """The ignore files in force inside a subfolder met in the walk."""
        if not self._layers:
            return self
        layer = _read_layer(Path(os.path.abspath(folder)), folder / ".gitignore")
        return self if layer is None else GitIgnore((*self._layers, layer))

    def ignores(self, path: Path, *, is_folder: bool) -> bool:
        """Whether git would ignore `path`: the deepest ignore file with a matching
        pattern decides, and within a file the last matching pattern (`!` re-includes)."""
        absolute = Path(os.path.abspath(path))
        for layer in reversed(self._layers):
            try:
                relative = absolute.relative_to(layer.base).as_posix()
            except ValueError:
                continue
            result = layer.spec.check_file(relative + "/" if is_folder else relative)
            if result.include is not None:
                return result.include
        return False


def _work_tree_top(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _read_layer(base: Path, ignore_file: Path) -> _Layer | None:
    try:
        if not ignore_file.is_file() or ignore_file.stat().st_size > MAX_IGNORE_FILE_BYTES:
            return None
        lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    from pathspec import GitIgnoreSpec

    return _Layer(base, GitIgnoreSpec.from_lines(lines))
