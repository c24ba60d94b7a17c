"""A rule that raises on one file becomes one internal-error finding naming the rule and the
file; every other rule and file is still reported, and the run exits 2. And the whole CLI
runs over every shipped example with the network blocked."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from empathylint import cli
from empathylint.diagnostics import Diagnostic
from empathylint.document import Document
from empathylint.engine import INTERNAL_ERROR
from empathylint.rules import RULES, use_their_name
from tests.conftest import ROOT
from tests.test_offline import BLOCK_SOCKETS

DRAFT = "Hi there,\n\nWhat do you mean?\n\nBest,\nThe Support Team\n"


def exploding_check(doc: Document, settings: object) -> Iterator[Diagnostic]:
    raise ValueError("boom")
    yield  # pragma: no cover - makes this a generator like the real checks


@pytest.fixture
def broken_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = dataclasses.replace(use_their_name.RULE, check=exploding_check)
    patched = tuple(broken if rule is use_their_name.RULE else rule for rule in RULES)
    monkeypatch.setattr("empathylint.rules.RULES", patched)


def test_a_failing_rule_is_isolated(tmp_path: Path, broken_rule: None, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "one.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "two.txt").write_text(DRAFT, encoding="utf-8")
    # From the folder itself: a long temporary path (pytest-xdist's adds a folder per
    # worker) would wrap the message at the report's 160 columns.
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli.app, ["check", "--isolated", "--quiet", "."], env={"NO_COLOR": "1"})
    assert result.exit_code == 2
    output = result.stdout
    assert output.count(INTERNAL_ERROR) == 2, output
    assert "rule use-their-name failed on this file: ValueError: boom" in output
    # the other rules still report on both files
    assert output.count("show-understanding.blunt-clarification") == 2
    assert output.count("use-your-name.team-signature") == 2
    assert "Traceback" not in output


def test_debug_shows_the_traceback(tmp_path: Path, broken_rule: None) -> None:
    (tmp_path / "one.txt").write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["check", "--isolated", "--debug", str(tmp_path / "one.txt")])
    assert result.exit_code == 2
    assert "Traceback" in result.stderr and "ValueError: boom" in result.stderr


RUN_CLI_OFFLINE = BLOCK_SOCKETS + textwrap.dedent(
    """
    import sys
    from empathylint.cli import main
    sys.argv = ["empathylint", *sys.argv[1:]]
    main()
    """
)


def test_every_example_checks_with_the_network_blocked() -> None:
    examples = ROOT / "examples"
    result = subprocess.run(
        [sys.executable, "-c", RUN_CLI_OFFLINE, "check", "--isolated", str(examples)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1"},
        cwd=ROOT,
    )
    assert result.returncode in (0, 1), result.stderr
    checked = sum(1 for path in examples.rglob("*") if path.is_file() and path.name in result.stdout)
    assert checked >= 3, result.stdout
    assert "network access attempted" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
