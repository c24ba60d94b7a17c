"""Hardening beyond the bad-input matrix: a crash in the middle of a --fix write, fixes
inside transfer-encoded email bodies, and user regexes in the house-style rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from empathylint.cli import app

MISSPELT = "Hi Jonh,\n\nThanks for reaching out! Your refund is on its way.\n\nCheers,\nSam\n"
FIX_JOHN = ["check", "--isolated", "--select", "use-their-name", "--customer", "John", "--fix"]


def test_a_crash_between_write_and_rename_keeps_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "reply.txt"
    path.write_text(MISSPELT, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(MISSPELT, encoding="utf-8")

    def power_cut(source: object, target: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("empathylint.fixes.os.replace", power_cut)
    result = CliRunner().invoke(app, [*FIX_JOHN, str(path), str(other)])
    assert result.exit_code == 2, result.output
    assert "reply.txt: cannot write: Input/output error" in result.output
    assert "other.txt: cannot write" in result.output, "the second file was still tried"
    assert path.read_text(encoding="utf-8") == MISSPELT
    assert other.read_text(encoding="utf-8") == MISSPELT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.txt", "reply.txt"], "a temporary file was left"
