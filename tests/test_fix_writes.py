"""--fix never loses an edit made by someone else, and writes only where it was asked to.

A save can land at any step of writing a fix back: each step is tried with a save injected
there (deterministically), and a writer saving hundreds of times alongside repeated fixes
checks the whole. Then symbolic links leading out of the checked folders, and hard links."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from empathylint.cli import app
from empathylint.files import read_source
from empathylint.writing import WriteError, write_back

MISSPELT = "Hi Jonh,\n\nThanks for reaching out! Your refund is on its way.\n\nCheers,\nSam\n"
SAVED = MISSPELT + "P.S. Your new card is on its way too.\n"
FIX_JOHN = ["check", "--isolated", "--select", "use-their-name", "--customer", "John", "--fix"]


def save_by_rename(path: Path, text: str) -> None:
    """An editor's save as most make it: a new file renamed over the old one."""
    temporary = path.with_name(path.name + ".editor")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def save_in_place(path: Path, text: str) -> None:
    """An editor's save into the file at that name (truncated, or created if missing)."""
    path.write_text(text, encoding="utf-8")


def fix_with_a_save_during(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, step: str, save: Callable[[Path], None]
) -> tuple[Path, str]:
    """Fix reply.txt with `save` run just before the writer's `step` (a function of os)."""
    path = tmp_path / "reply.txt"
    path.write_text(MISSPELT, encoding="utf-8")
    source = read_source(path)
    real = getattr(os, step)
    saved: list[bool] = []

    def with_a_save(*args: Any, **kwargs: Any) -> Any:
        if not saved:
            saved.append(True)
            save(path)
        return real(*args, **kwargs)

    monkeypatch.setattr(f"empathylint.writing.os.{step}", with_a_save)
    try:
        write_back(source, MISSPELT.replace("Jonh", "John"))
    except WriteError as error:
        return path, error.reason
    finally:
        monkeypatch.undo()
    return path, ""


@pytest.mark.parametrize("save", [save_by_rename, save_in_place], ids=["rename", "in-place"])
@pytest.mark.parametrize(
    "step",
    [
        "fsync",  # while the fixed text is flushed to disk: the slow part, where edits were lost
        "rename",  # just before the old file is moved aside
        "link",  # between moving the old file aside and putting the new one in place
    ],
)
def test_a_save_landing_while_a_fix_is_written_is_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, step: str, save: Callable[[Path, str], None]
) -> None:
    path, reason = fix_with_a_save_during(monkeypatch, tmp_path, step, lambda target: save(target, SAVED))
    assert path.read_text(encoding="utf-8") == SAVED
    assert "not fixed" in reason
    assert [p.name for p in tmp_path.iterdir()] == ["reply.txt"], "nothing left behind"


def test_a_program_writing_into_the_old_file_after_it_was_swapped_is_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A program that opened the file before the swap and writes into it after: its file
    (moved aside by then) is put back in place of the fix."""
    path = tmp_path / "reply.txt"
    path.write_text(MISSPELT, encoding="utf-8")
    source = read_source(path)
    real_link = os.link
    editor = path.open("r+", encoding="utf-8")

    def link_then_the_editor_writes(source_path: Any, target: Any) -> None:
        real_link(source_path, target)
        if Path(target) == path:
            editor.write(SAVED)
            editor.flush()

    monkeypatch.setattr("empathylint.writing.os.link", link_then_the_editor_writes)
    try:
        with pytest.raises(WriteError, match="saved by another program"):
            write_back(source, MISSPELT.replace("Jonh", "John"))
    finally:
        editor.close()
    assert path.read_text(encoding="utf-8") == SAVED
    assert [p.name for p in tmp_path.iterdir()] == ["reply.txt"]


def test_a_writer_saving_alongside_repeated_fixes_loses_no_edit(tmp_path: Path) -> None:
    """Each save adds a line; whatever the interleaving, the last save's lines are all in
    the file at the end, fixed or not."""
    path = tmp_path / "reply.txt"
    path.write_text(MISSPELT, encoding="utf-8")
    saves = 300
    done = threading.Event()

    def writer() -> None:
        lines = ""
        for number in range(saves):
            lines += f"Note {number}.\n"
            save_by_rename(path, MISSPELT + lines)
        done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    fixed = refused = 0
    while not done.is_set() or fixed + refused == 0:
        source = read_source(path)
        try:
            write_back(source, source.text.replace("Jonh", "John"))
            fixed += 1
        except WriteError:
            refused += 1
    thread.join()
    final = path.read_text(encoding="utf-8")
    assert final.endswith(f"Note {saves - 1}.\n")
    assert all(f"Note {number}.\n" in final for number in range(saves))
    assert not [p.name for p in tmp_path.iterdir() if p.name != "reply.txt"]


# --- where a fix may write -------------------------------------------------------------------


@pytest.fixture
def linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """checked/ holds a symbolic link to a draft in outside/."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "shared.txt").write_text(MISSPELT, encoding="utf-8")
    (tmp_path / "checked").mkdir()
    (tmp_path / "checked" / "reply.txt").symlink_to(tmp_path / "outside" / "shared.txt")
    return tmp_path


def test_a_symbolic_link_out_of_the_checked_folder_is_not_written_through(linked: Path) -> None:
    result = CliRunner().invoke(app, [*FIX_JOHN, "checked/reply.txt"])
    assert result.exit_code == 2
    assert "empathylint: error: checked/reply.txt: is a symbolic link to " in result.stderr
    assert "outside the folders being checked; not fixed (--fix-outside writes there)" in result.stderr
    assert "use-their-name.misspelt-name" in result.stdout
    assert (linked / "outside" / "shared.txt").read_text(encoding="utf-8") == MISSPELT


def test_fix_outside_writes_through_the_link_and_keeps_it(linked: Path) -> None:
    result = CliRunner().invoke(app, [*FIX_JOHN, "--fix-outside", "checked/reply.txt"])
    assert result.exit_code == 0, result.output
    assert (linked / "checked" / "reply.txt").is_symlink()
    assert (linked / "outside" / "shared.txt").read_text(encoding="utf-8").startswith("Hi John,")


def test_a_file_with_other_hard_links_is_not_split(tmp_path: Path) -> None:
    path = tmp_path / "reply.txt"
    path.write_text(MISSPELT, encoding="utf-8")
    os.link(path, tmp_path / "copy.txt")
    result = CliRunner().invoke(app, [*FIX_JOHN, str(path)])
    assert result.exit_code == 2
    assert "has 2 hard links; not fixed, as replacing it would leave its other names with the old text" in (
        result.stderr
    )
    assert path.read_text(encoding="utf-8") == MISSPELT
    assert os.stat(path).st_nlink == 2
