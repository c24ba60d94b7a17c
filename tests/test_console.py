"""The console script on consoles that are not UTF-8, and on a bug: never a traceback with
exit 1, which CI reads as findings. Real processes, since the stream set-up is the
console script's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Characters cp1252 cannot hold: a box-drawing line of the excerpt, an arrow, an emoji.
REPLY = "Hey Daniel!! 😊\n\nWe’re looking into it → and we’ll get back to you.\n\nCheers,\nSam\n"
UPSET = "This is the THIRD time I write. Still broken. Unacceptable!!!\n"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "reply.txt").write_text(REPLY, encoding="utf-8")
    (tmp_path / "reply.customer.txt").write_text(UPSET, encoding="utf-8")
    return tmp_path


def run(folder: Path, *args: str, encoding: str = "cp1252") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "empathylint", *args], cwd=folder, capture_output=True, env=env, timeout=120
    )


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--output-format", "rich"),
        ("check", "--output-format", "concise"),
        ("check", "--output-format", "github"),
        ("check", "--summary"),
        ("check", "--statistics"),
        ("check", "--explain-context"),
    ],
    ids=lambda args: " ".join(args[1:]),
)
def test_a_cp1252_console_gets_the_report_with_unshowable_characters_replaced(
    drafts: Path, args: tuple[str, ...]
) -> None:
    result = run(drafts, *args, "--isolated", "reply.txt")
    assert result.returncode == 1, result.stderr.decode("cp1252")
    assert b"Traceback" not in result.stderr and result.stderr == b""
    shown = result.stdout.decode("cp1252")
    assert "reply.txt" in shown or "too-light" in shown


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_json_and_sarif_to_a_cp1252_console_stay_valid_and_lose_nothing(drafts: Path, output_format: str) -> None:
    result = run(drafts, "check", "--isolated", "--output-format", output_format, "reply.txt")
    assert result.returncode == 1, result.stderr.decode("cp1252")
    assert result.stdout.isascii()  # escaped, so any console and any reader take it
    document = json.loads(result.stdout)
    assert "😊" in json.dumps(document, ensure_ascii=False)


@pytest.mark.parametrize("command", [("rules",), ("rules", "--output-format", "json"), ("explain", "match-tone")])
def test_the_other_commands_on_a_cp1252_console(drafts: Path, command: tuple[str, ...]) -> None:
    result = run(drafts, *command)
    assert result.returncode == 0, result.stderr.decode("cp1252")
    assert result.stderr == b""


def test_fixed_standard_input_keeps_every_character_on_a_cp1252_console(drafts: Path) -> None:
    """The draft is the user's: a console's encoding must not replace a character of it."""
    text = "Hi Zoë,\n\nThanks for writing in 😊. The the export works now.\n\nCheers,\nSam\n"
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run(
        [sys.executable, "-m", "empathylint", "check", "--isolated", "--fix", "-"],
        cwd=drafts,
        input=text.encode("utf-8"),
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert result.stdout.decode("utf-8") == text.replace("The the", "The")


def test_an_internal_error_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """A bug outside any rule (here a command that raises) must not exit 1, "findings"."""
    script = (
        "import sys\n"
        "from empathylint import cli\n"
        "@cli.app.command()\n"
        "def broken() -> None:\n"
        "    raise RuntimeError('a bug')\n"
        "sys.argv = ['empathylint', 'broken']\n"
        "cli.main()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "empathylint: internal error: RuntimeError: a bug (please report it; --debug shows the traceback)"
    ]
