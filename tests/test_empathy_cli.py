"""`check --explain-context` shows the customer's mood and why; `check --summary` prints one
scorecard row per file and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from empathylint.cli import app

UPSET = "This is the THIRD time my export has failed. Unacceptable!!!\n"
COLD_REPLY = "Hi Dana,\n\nThanks for writing in. Go to Reports > Export and pick CSV.\n\nBest,\nSam\n"
WARM_REPLY = (
    "Hi Dana,\n\nThanks for writing in, and I'm sorry it failed again; that sounds really frustrating. "
    "I've moved your export to our new engine and it finished a minute ago.\n\nBest,\nSam\n"
)


def run(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", "--isolated", *args], env={"NO_COLOR": "1", "COLUMNS": "120"})
    return result.exit_code, result.output


def test_explain_context_names_the_mood_and_the_words_behind_it(tmp_path: Path) -> None:
    (tmp_path / "cold.txt").write_text(COLD_REPLY, encoding="utf-8")
    customer = tmp_path / "customer.txt"
    customer.write_text(UPSET, encoding="utf-8")
    code, output = run(tmp_path, "--explain-context", "--customer-message", str(customer), str(tmp_path / "cold.txt"))
    assert code == 1
    assert "mood upset" in output
    assert "third time" in output and "unacceptable" in output
    assert output.index("mood upset") < output.index("acknowledge-feelings.missing-acknowledgement")


def test_explain_context_says_when_there_is_no_customer_message(tmp_path: Path) -> None:
    (tmp_path / "cold.txt").write_text(COLD_REPLY, encoding="utf-8")
    code, output = run(tmp_path, "--explain-context", str(tmp_path / "cold.txt"))
    assert code == 0
    assert "no customer message" in output


def test_summary_prints_one_row_per_file_and_no_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # files are reported by their short names
    customer = tmp_path / "customer.txt"
    customer.write_text(UPSET, encoding="utf-8")
    (tmp_path / "cold.txt").write_text(COLD_REPLY, encoding="utf-8")
    (tmp_path / "warm.txt").write_text(WARM_REPLY, encoding="utf-8")
    code, output = run(
        tmp_path,
        "--summary",
        "--customer-message",
        str(customer),
        "cold.txt",
        "warm.txt",
    )
    assert code == 1
    cold = next(line for line in output.splitlines() if line.startswith("cold.txt"))
    warm = next(line for line in output.splitlines() if line.startswith("warm.txt"))
    assert "1 thing to fix" in cold and "✗" in cold
    assert "Ready to send" in warm and "✗" not in warm
    assert "missing-acknowledgement" not in output
    assert "9 acknowledged" in output
    assert "1 of 2 ready to send" in output
