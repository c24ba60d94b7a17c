"""A run never checks less than the user thinks without saying so: a folder with nothing to
check, a named file that was skipped, an unreadable subfolder, an article read as a reply.
And a folder walk reads .gitignore as data, never running git in the checked folder."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from empathylint.cli import app

REPLY = "Hi there,\n\nYour refund is on its way.\n\nBest,\nSam\n"
CLEAN = "Hi Maria,\n\nThanks for reaching out! Your refund is on its way.\n\nBest,\nSam\n"
ARTICLE = "---\ntitle: Exporting invoices\n---\n\n# Exporting invoices\n\nOpen Reports and pick CSV.\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str) -> Result:
    return CliRunner().invoke(app, ["check", "--isolated", *args])


def write(path: Path, text: str = REPLY) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_of_files_in_an_unread_format_is_an_error_that_says_why(folder: Path) -> None:
    write(folder / "help" / "export.adoc")
    write(folder / "help" / "import.adoc")
    result = check("help")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("empathylint: error: help: no file to check: 2 with an extension not in [files] include")
    assert ".adoc ×2" in line and '"*.adoc"' in line


def test_a_folder_whose_files_are_all_customer_messages_is_an_error(folder: Path) -> None:
    write(folder / "inbox" / "refund.customer.txt")
    result = check("inbox")
    assert result.exit_code == 2
    assert "inbox: no file to check: 1 customer's message" in result.stderr


def test_a_folder_whose_files_are_all_excluded_is_an_error(folder: Path) -> None:
    write(folder / "checklist.toml", '[files]\nexclude = ["legal/**"]\n')
    write(folder / "legal" / "terms.md")
    result = CliRunner().invoke(app, ["check", "legal"])
    assert result.exit_code == 2
    assert "legal: no file to check: 1 excluded by [files] exclude" in result.stderr


def test_an_empty_folder_is_an_error(folder: Path) -> None:
    (folder / "empty").mkdir()
    result = check("empty")
    assert result.exit_code == 2
    assert "empty: no file to check (the folder is empty)" in result.stderr


def test_a_mistyped_folder_exits_2(folder: Path) -> None:
    write(folder / "replies" / "a.txt")
    result = check("replis")
    assert result.exit_code == 2
    assert "empathylint: error: replis: no such file or directory" in result.stderr


def test_a_named_file_that_is_skipped_is_named_with_the_reason(folder: Path) -> None:
    write(folder / "checklist.toml", '[files]\nexclude = ["legal/**"]\n')
    write(folder / "legal" / "terms.md")
    write(folder / "refund.txt", CLEAN)
    result = CliRunner().invoke(app, ["check", "legal/terms.md", "refund.txt"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        'empathylint: note: legal/terms.md: not checked: matches "legal/**" in [files] exclude'
    ]
    assert "refund.txt" in result.stdout and "terms.md" not in result.stdout


def test_when_every_named_file_is_skipped_the_run_exits_2(folder: Path) -> None:
    write(folder / "refund.txt", CLEAN)
    write(folder / "refund.customer.txt", "Where is my refund?\n")
    result = check("refund.customer.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "empathylint: note: refund.customer.txt: not checked: the customer's message for refund.txt "
        "(context for the draft, never checked itself)",
        "empathylint: error: no file was checked (every file named was skipped; see the notes above)",
    ]


def test_an_unreadable_subfolder_is_named_and_the_rest_is_checked(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(folder / "replies" / "ok.txt", CLEAN)
    write(folder / "replies" / "locked" / "hidden.txt")
    if os.geteuid() == 0:  # root lists any folder: refuse this one the way the system would
        real_scandir = os.scandir

        def refuse(path: Any = ".") -> Any:
            if Path(path).name == "locked":
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", refuse)
    else:
        (folder / "replies" / "locked").chmod(0)
    try:
        result = check("replies", "--output-format", "concise")
    finally:
        (folder / "replies" / "locked").chmod(0o755)
    assert result.exit_code == 2
    assert "empathylint: error: replies/locked: folder not readable (Permission denied)" in result.stderr
    assert "All checked" not in result.stdout
    assert result.stdout.splitlines()[-1] == "Found 0 findings in 1 checked file; 1 file could not be checked."


def test_an_article_checked_as_a_reply_gets_one_hint_per_run(folder: Path) -> None:
    write(folder / "help" / "export.md", ARTICLE)
    write(folder / "help" / "import.md", ARTICLE.replace("Exporting", "Importing"))
    result = check("help", "--quiet")
    hints = [line for line in result.stderr.splitlines() if "looks like a help article" in line]
    assert hints == [
        "empathylint: note: help/export.md (and 1 more like it) looks like a help article (front matter, "
        "headings, no greeting) but was checked as a reply, the default profile; check articles with "
        '--profile doc, `profile: doc` in their front matter, or [profiles.doc] include = ["help/**"] in '
        "checklist.toml"
    ]
    assert "looks like a help article" not in check("help", "--quiet", "--profile", "doc").stderr
    assert "looks like a help article" not in check("help/export.md", "--quiet", "--profile", "reply").stderr


def test_a_reply_is_not_taken_for_an_article(folder: Path) -> None:
    write(
        folder / "refund.md",
        "---\ncustomer: Maria\n---\n\nHi Maria,\n\nThanks for writing! It is on its way.\n\nBest,\nSam\n",
    )
    assert "looks like a help article" not in check("refund.md").stderr


def test_customer_applies_to_a_single_draft(folder: Path) -> None:
    write(folder / "one.txt")
    write(folder / "two.txt")
    several = check("one.txt", "two.txt", "--customer", "Maria")
    assert several.exit_code == 2
    assert several.stderr.startswith("empathylint: error: --customer names one customer, so it applies to a single")
    assert check("one.txt", "--customer", "Maria").exit_code == 1


# --- .gitignore, read without git ------------------------------------------------------------


@pytest.fixture
def repository(folder: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is needed to make a repository")
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    return folder


def test_a_folder_walk_never_runs_the_checked_repositorys_git_commands(repository: Path) -> None:
    """A planted core.fsmonitor is a command git runs on `git ls-files`."""
    planted = repository / "fsmonitor-ran"
    subprocess.run(["git", "-C", str(repository), "config", "core.fsmonitor", f"touch '{planted}'"], check=True)
    write(repository / ".gitignore", "scratch.md\n")
    write(repository / "reply.md")
    write(repository / "scratch.md")
    result = check(".", "--quiet")
    assert "reply.md" in result.stdout and "scratch.md" not in result.stdout
    assert not planted.exists()


def test_nested_gitignores_and_negation_are_honoured(repository: Path) -> None:
    write(repository / ".gitignore", "build/\n*.draft.md\n!keep.draft.md\n")
    write(repository / "build" / "old.md")
    write(repository / "a.draft.md")
    write(repository / "keep.draft.md")
    write(repository / "help" / ".gitignore", "private.md\n")
    write(repository / "help" / "private.md")
    write(repository / "help" / "public.md")
    write(repository / "help" / "deep" / "private.md")
    result = check(".", "--quiet")
    checked = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert checked == {"keep.draft.md", "help/public.md"}
    # from a subfolder, the top-level .gitignore still applies
    write(repository / "help" / "notes.draft.md")
    inner = {line.split(":", 1)[0] for line in check("help", "--quiet").stdout.splitlines()}
    assert inner == {"help/public.md"}


def test_outside_a_git_work_tree_gitignore_is_not_read(folder: Path) -> None:
    write(folder / ".gitignore", "scratch.md\n")
    write(folder / "scratch.md")
    assert "scratch.md" in check(".", "--quiet").stdout
