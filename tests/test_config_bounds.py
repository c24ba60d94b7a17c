"""Configuration is data, and bounded (issue 15): a hostile checklist.toml, or a file it
names, is a one-line error that names it, never a crash, a hang or a run out of memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from empathylint.config import ConfigError, Resolver
from empathylint.config.layers import MAX_CONFIG_BYTES
from empathylint.config.paths import glob_match
from empathylint.rules import RULES

REPLY = "Hi Maria,\n\nThanks for writing in! Your refund is on its way.\n\nBest,\nSam\n"


def run_check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The timeout only keeps a regression from hanging the suite; nothing here is timed.
    return subprocess.run(
        [sys.executable, "-m", "empathylint", "check", "--output-format", "concise", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "content",
    [
        "select = " + "[" * 3000 + "]" * 3000 + "\n",
        "x = " + "{ a = " * 3000 + "1" + " }" * 3000 + "\n",
        "[rules.house-style.patterns" + ".a" * 3000 + "]\nb = 'c'\n",
    ],
    ids=["nested arrays", "nested inline tables", "deep dotted table"],
)
def test_a_deeply_nested_checklist_is_a_one_line_error(tmp_path: Path, content: str) -> None:
    (tmp_path / "checklist.toml").write_text(content, encoding="utf-8")
    (tmp_path / "reply.txt").write_text(REPLY, encoding="utf-8")
    result = run_check(tmp_path, "reply.txt")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "checklist.toml" in lines[0], lines
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_named_as_configuration_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a regular file"):
        Resolver(RULES, cwd=tmp_path, isolated=True, config_file=Path("/dev/zero"))
    (tmp_path / "checklist.toml").write_text('[rules.proofread]\nwords-file = "/dev/zero"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="words-file is not a regular file"):
        Resolver(RULES, cwd=tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_as_a_words_file_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "words.txt")
    (tmp_path / "checklist.toml").write_text('[rules.proofread]\nwords-file = "words.txt"\n', encoding="utf-8")
    (tmp_path / "reply.txt").write_text(REPLY, encoding="utf-8")
    result = run_check(tmp_path, "reply.txt")
    assert result.returncode == 2
    assert "words.txt: [rules.proofread] words-file is not a regular file" in result.stderr


def test_a_configuration_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    config = tmp_path / "checklist.toml"
    config.write_text("# " + "x" * MAX_CONFIG_BYTES + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="too large"):
        Resolver(RULES, cwd=tmp_path)


def test_a_folder_named_as_configuration_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a folder"):
        Resolver(RULES, cwd=tmp_path, isolated=True, config_file=tmp_path)


@pytest.mark.parametrize(
    ("path", "glob", "expected"),
    [
        ("a/b/c/d.md", "**/" * 40 + "d.md", True),
        ("a/b/c/d.md", "**/" * 40 + "e.md", False),
        ("a/" * 100 + "x.md", "a/" + "**/a/" * 30 + "y.md", False),
        ("a/" * 100 + "x.md", "a/" + "**/a/" * 30 + "x.md", True),
        ("macros/refund.md", "macros/**", True),
        ("macros", "macros/**", False),
        ("replies/canned/refund.md", "replies/canned/", True),
        ("legal/terms.md", "**/legal/**", True),
        ("docs/a.md", "docs/*.md", True),
        ("docs/sub/a.md", "docs/*.md", False),
    ],
)
def test_globs_match_in_steps_bounded_by_their_size(path: str, glob: str, expected: bool) -> None:
    """A glob is matched segment by segment, never by a backtracking regex: repeated `**/`
    (which hung a run before) costs the product of the glob's and the path's segments."""
    assert glob_match(path, glob) is expected


@pytest.mark.parametrize(
    ("path", "glob", "expected"),
    [
        ("docs/a.md", "docs/", True),
        ("help/docs/a.md", "docs/", True),
        ("documents/a.md", "docs/", False),
        ("replies/canned/refund.md", "replies/canned/", True),
        ("a/notes.txt", "notes.txt", True),
        ("a/Notes.txt", "notes.txt", False),
        ("a\\b/x.md", "a\\b/", True),
    ],
)
def test_a_glob_without_wildcards_is_compared_not_compiled(
    path: str, glob: str, expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped profile and channel globs (`docs/`, `canned/`) are asked about every file
    of every run: a segment with no `*`, `?` or `[` is compared as it is, as fnmatch would
    match it, without compiling a pattern."""
    import fnmatch

    def compiled(name: str, pattern: str) -> bool:
        raise AssertionError(f"fnmatch asked for {pattern!r}")

    monkeypatch.setattr(fnmatch, "fnmatchcase", compiled)
    assert glob_match(path, glob) is expected


def test_repeated_double_stars_in_exclude_and_per_file_ignores_do_not_hang(tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["a"] * 30)
    deep.mkdir(parents=True)
    (deep / "reply.txt").write_text(REPLY.replace("Maria", "there"), encoding="utf-8")
    (tmp_path / "keep.txt").write_text(REPLY.replace("Maria", "there"), encoding="utf-8")
    stars = "**/" * 25
    (tmp_path / "checklist.toml").write_text(
        f'[files]\nexclude = ["{stars}nothing.txt"]\n\n[per-file-ignores]\n"{stars}reply.txt" = ["use-their-name"]\n',
        encoding="utf-8",
    )
    result = run_check(tmp_path, ".")
    assert result.returncode == 1, result.stderr
    assert "keep.txt:1:1: warning use-their-name.generic-greeting" in result.stdout
    assert "reply.txt:1:1" not in result.stdout
