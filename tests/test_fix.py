"""--fix over every rule fixture that has a safe fix: nothing safe-fixable is left, a second
pass changes nothing, the expected `fixed` text matches where a case gives one, and text
outside prose (placeholders, URLs, email addresses) survives untouched. Then the write:
atomic, keeping encoding, BOM, newlines, permissions and symlinks, refusing a file that
changed since it was read or is read-only."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from empathylint.cli import app
from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity, apply_edits
from empathylint.engine import FileReport
from empathylint.files import read_source
from empathylint.fixes import applies, choose_fixes, fix_text
from empathylint.writing import WriteError, write_back
from tests.conftest import lint_case
from tests.test_rules import load_cases

OUTSIDE_PROSE = re.compile(r"\{\{[^}]*\}\}|\{%[^%]*%\}|https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def checker(group: str, case: dict[str, Any]) -> Any:
    def check(text: str) -> FileReport:
        return lint_case(group, case, text)

    return check


def fixable_cases() -> list[Any]:
    cases = []
    for param in load_cases():
        group, case = param.values
        report = checker(group, case)(case["text"])
        if any(applies(d, unsafe_fixes=False) for d in report.diagnostics) or "fixed" in case:
            cases.append(param)
    return cases


FIXABLE = fixable_cases()


def test_some_fixture_has_a_safe_fix() -> None:
    assert FIXABLE, "no fixture case produces a safe fix; the fix tests below would test nothing"


@pytest.mark.parametrize(("group", "case"), FIXABLE)
def test_fix_is_complete_idempotent_and_stays_in_prose(group: str, case: dict[str, Any]) -> None:
    check = checker(group, case)
    outcome = fix_text(case["text"], check)
    assert not [d for d in outcome.report.diagnostics if applies(d, unsafe_fixes=False)]
    again = fix_text(outcome.text, check)
    assert again.text == outcome.text and not again.applied
    if "fixed" in case:
        assert outcome.text == case["fixed"]
    for protected in OUTSIDE_PROSE.findall(case["text"]):
        assert outcome.text.count(protected) >= case["text"].count(protected), protected


def finding(start: int, end: int, replacement: str, safe: bool = True) -> Diagnostic:
    return Diagnostic("x.y", Severity.WARNING, start, end, "m", fix=Fix((Edit(start, end, replacement),), safe))


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    chosen = choose_fixes(
        [finding(0, 5, "a"), finding(3, 8, "b"), finding(8, 9, "c"), finding(20, 21, "", False)], False
    )
    assert [(d.start, d.end) for d in chosen] == [(0, 5), (8, 9)]
    assert apply_edits("0123456789", (edit for d in chosen if d.fix for edit in d.fix.edits)) == "a567c9"
    assert len(choose_fixes([finding(20, 21, "", False)], True)) == 1


MISSPELT = "Hi Jonh,\r\n\r\nThanks for reaching out! Your refund is on its way.\r\n\r\nCheers,\r\nSam\r\n"


def write_and_fix(path: Path, data: bytes) -> Any:
    path.write_bytes(data)
    return CliRunner().invoke(
        app, ["check", "--isolated", "--select", "use-their-name", "--customer", "John", "--fix", str(path)]
    )


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE)]
)
def test_fix_keeps_encoding_bom_and_crlf(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "reply.txt"
    result = write_and_fix(path, bom + MISSPELT.encode(encoding))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == bom + MISSPELT.replace("Jonh", "John").encode(encoding)
    assert [p.name for p in tmp_path.iterdir()] == ["reply.txt"], "no temporary file is left behind"


def test_fix_keeps_permissions_and_writes_through_symlinks(tmp_path: Path) -> None:
    target = tmp_path / "macros" / "refund.txt"
    target.parent.mkdir()
    target.write_text(MISSPELT, encoding="utf-8", newline="")
    target.chmod(0o640)
    link = tmp_path / "refund-link.txt"
    link.symlink_to(target)
    result = CliRunner().invoke(
        app, ["check", "--isolated", "--select", "use-their-name", "--customer", "John", "--fix", str(link)]
    )
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("Hi John,")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_read_only_file_keeps_its_findings_and_is_named_as_not_fixed(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(MISSPELT, encoding="utf-8", newline="")
    path.chmod(0o444)
    try:
        result = CliRunner().invoke(
            app, ["check", "--isolated", "--select", "use-their-name", "--customer", "John", "--fix", str(path)]
        )
        assert result.exit_code == 2
        assert f"empathylint: error: {path}: is read-only; not fixed" in result.stderr
        assert "use-their-name.misspelt-name" in result.stdout, "its findings are still reported"
        assert "could not be read" not in result.output
        assert path.read_bytes() == MISSPELT.encode()
    finally:
        path.chmod(0o644)


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "reply.txt"
    path.write_text(MISSPELT, encoding="utf-8", newline="")
    source = read_source(path)
    path.write_text(MISSPELT + "P.S. Your new card is on its way too.\r\n", encoding="utf-8", newline="")
    with pytest.raises(WriteError, match="changed since it was read"):
        write_back(source, MISSPELT.replace("Jonh", "John"))
    assert path.read_bytes().endswith(b"too.\r\n")


def test_diff_prints_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "reply.txt"
    path.write_text(MISSPELT, encoding="utf-8", newline="")
    before = path.stat().st_mtime_ns
    result = CliRunner().invoke(
        app, ["check", "--isolated", "--select", "use-their-name", "--customer", "John", "--diff", str(path)]
    )
    assert result.exit_code == 1
    assert b"-Hi Jonh,\r\n+Hi John,\r\n" in result.stdout_bytes
    assert result.stdout.startswith(f"--- {path}\n+++ {path}\n")
    assert path.read_bytes() == MISSPELT.encode() and path.stat().st_mtime_ns == before


def test_unsafe_fixes_only_on_request(tmp_path: Path) -> None:
    path = tmp_path / "macros.txt"
    text = "Hi there,\n\nThanks for reaching out! Your refund is on its way.\n\nBest,\nSam\n"
    path.write_text(text, encoding="utf-8")
    args = ["check", "--isolated", "--select", "use-their-name", "--customer", "Zoë", str(path)]
    CliRunner().invoke(app, [*args, "--fix"])
    assert path.read_text(encoding="utf-8") == text
    CliRunner().invoke(app, [*args, "--fix", "--unsafe-fixes"])
    assert path.read_text(encoding="utf-8").startswith("Hi Zoë,")


def test_stdin_fix_prints_the_fixed_text(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["check", "--isolated", "--select", "use-their-name", "--customer", "John", "--fix", "-"],
        input=MISSPELT,
    )
    assert result.stdout.startswith("Hi John,")
    assert os.listdir(tmp_path) == []


def test_fix_only_prints_only_what_it_changed(tmp_path: Path) -> None:
    """The pre-commit fix hook: the report of what is left comes from the check hook."""
    path = tmp_path / "reply.txt"
    path.write_text(MISSPELT, encoding="utf-8", newline="")
    clean = tmp_path / "clean.txt"
    clean.write_text("Hi there,\n\nYour refund is on its way.\n\nBest,\nSam\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", "--isolated", "--select", "use-their-name", "--fix-only", str(path), str(clean)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # no misspelt name without --customer: nothing safe to fix
    result = CliRunner().invoke(
        app, ["check", "--isolated", "--select", "use-their-name", "--customer", "John", "--fix-only", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Fixed {path} (use-their-name.misspelt-name ×1)\n"
    assert result.stderr == ""
    assert path.read_text(encoding="utf-8").startswith("Hi John,")
