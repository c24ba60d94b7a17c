"""Hardening beyond the bad-input matrix: a crash in the middle of a --fix write, fixes
inside transfer-encoded email bodies, and user regexes in the house-style rule."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from empathylint.cli import app
from tests.conftest import run_in_fresh_interpreter
from tests.test_regex_safety import CATASTROPHES, QUADRATIC

MISSPELT = "Hi Jonh,\n\nThanks for reaching out! Your refund is on its way.\n\nCheers,\nSam\n"
FIX_JOHN = ["check", "--isolated", "--select", "use-their-name", "--customer", "John", "--fix"]


REPEATED = "Hi Maria,\n\nThanks for reaching out! Your refund is on the the way.\n\nCheers,\nSam\n"


def test_a_crash_between_write_and_rename_keeps_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "reply.txt"
    path.write_text(REPEATED, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(REPEATED, encoding="utf-8")

    def power_cut(source: object, target: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("empathylint.writing.os.rename", power_cut)
    result = CliRunner().invoke(app, ["check", "--isolated", "--select", "proofread", "--fix", str(path), str(other)])
    assert result.exit_code == 2, result.output
    assert "reply.txt: cannot write: Input/output error" in result.output
    assert "other.txt: cannot write" in result.output, "the second file was still tried"
    assert path.read_text(encoding="utf-8") == REPEATED
    assert other.read_text(encoding="utf-8") == REPEATED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.txt", "reply.txt"], "a temporary file was left"


def test_a_failure_after_the_original_was_moved_aside_puts_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "reply.txt"
    path.write_text(MISSPELT, encoding="utf-8")
    real_link = os.link

    def new_text_cannot_take_the_name(source: str, target: str) -> None:
        if str(source).endswith(".tmp"):  # the original is aside by now
            raise OSError(5, "Input/output error")
        real_link(source, target)

    monkeypatch.setattr("empathylint.writing.os.link", new_text_cannot_take_the_name)
    monkeypatch.setattr("empathylint.writing.os.rename", _rename_only_the_original(os.rename))
    result = CliRunner().invoke(app, [*FIX_JOHN, str(path)])
    assert result.exit_code == 2, result.output
    assert "reply.txt: cannot write: Input/output error" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["reply.txt"]
    assert path.read_text(encoding="utf-8") == MISSPELT


def _rename_only_the_original(real_rename: Any) -> Any:
    """A rename that fails too for the new file (a disk failing), but moves the original."""

    def rename(source: str, target: str) -> None:
        if str(source).endswith(".tmp"):
            raise OSError(5, "Input/output error")
        real_rename(source, target)

    return rename


# --- fixes inside transfer-encoded email bodies --------------------------------------------

EMAIL_HEADERS = (
    "From: Sam Lee <sam@example.com>\nTo: {customer} <customer@example.com>\nSubject: Re: your refund\n"
    "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: {encoding}\n\n"
)
REPLY = "Hi {greeting},\n\nThanks for reaching out! Your refund is on its way to Zo=C3=ABs account.\n\nBest,\nSam\n"


def fix_email(tmp_path: Path, customer: str, greeting: str, encoding: str) -> tuple[Path, bytes, str]:
    body = REPLY.format(greeting=greeting)
    if encoding == "base64":
        import base64

        body = base64.encodebytes(body.replace("=C3=AB", "ë").encode()).decode()
    elif encoding != "quoted-printable":
        body = body.replace("=C3=AB", "ë")
    path = tmp_path / "reply.eml"
    path.write_bytes((EMAIL_HEADERS.format(customer=customer, encoding=encoding) + body).encode())
    before = path.read_bytes()
    result = CliRunner().invoke(app, ["check", "--isolated", "--select", "use-their-name", "--fix", str(path)])
    assert "Traceback" not in result.output
    return path, before, result.output


def test_quoted_printable_body_takes_a_plain_ascii_fix_and_keeps_its_escapes(tmp_path: Path) -> None:
    path, before, _ = fix_email(tmp_path, "John", "Jonh", "quoted-printable")
    assert path.read_bytes() == before.replace(b"Hi Jonh,", b"Hi John,")
    assert b"Zo=C3=ABs" in path.read_bytes()


def test_quoted_printable_body_refuses_a_non_ascii_fix(tmp_path: Path) -> None:
    path, before, output = fix_email(tmp_path, "Renée", "Renee", "quoted-printable")
    assert path.read_bytes() == before, "a raw é would corrupt the quoted-printable body"
    assert "use-their-name.misspelt-name" in output, "the finding stays when its fix is dropped"


def test_base64_body_is_never_edited(tmp_path: Path) -> None:
    path, before, output = fix_email(tmp_path, "John", "Jonh", "base64")
    assert path.read_bytes() == before
    assert "use-their-name.misspelt-name" in output


def test_unencoded_utf8_body_takes_a_non_ascii_fix(tmp_path: Path) -> None:
    path, before, _ = fix_email(tmp_path, "Renée", "Renee", "8bit")
    assert path.read_bytes() == before.replace(b"Hi Renee,", "Hi Renée,".encode())


def test_explicit_7bit_body_refuses_a_non_ascii_fix(tmp_path: Path) -> None:
    path, before, _ = fix_email(tmp_path, "Renée", "Renee", "7bit")
    assert path.read_bytes() == before


def quoted_printable_document() -> tuple[str, Any]:
    from empathylint.document import PlaceholderVocabulary
    from empathylint.formats import ReadOptions, read_document

    source = EMAIL_HEADERS.format(customer="John", encoding="quoted-printable") + REPLY.format(greeting="Jonh")
    options = ReadOptions(profile="reply", vocabulary=PlaceholderVocabulary((), (), ()))
    return source, read_document(source, "reply.eml", options, "email")


@pytest.mark.parametrize(
    ("replacement", "accepted"),
    [
        ("John,", True),
        ("Jo=hn,", False),  # "=" starts an escape
        ("John, ", False),  # white space at the end of a line is dropped in transport
        ("J" * 80 + ",", False),  # a line longer than 76 characters
        ("Zoë,", False),
    ],
)
def test_quoted_printable_edit_policy(replacement: str, accepted: bool) -> None:
    source, document = quoted_printable_document()
    start = source.index("Jonh,")
    assert document.accepts_edit is not None
    assert document.accepts_edit(start, start + len("Jonh,"), replacement) is accepted


def test_no_edit_outside_the_body(tmp_path: Path) -> None:
    source, document = quoted_printable_document()
    subject = source.index("your refund")
    assert not document.accepts_edit(subject, subject + 4, "our")
    assert not document.accepts_edit(len(source) + 1, len(source) + 1, "P.S.")


# --- user regexes: data, checked at load, compiled once ------------------------------------


def test_user_regexes_are_compiled_once_per_settings() -> None:
    from empathylint.rules.house_style import Settings

    settings = Settings(patterns={r"\bASAP\b": "Give a time."})
    assert settings.compiled_patterns is settings.compiled_patterns


def test_the_regex_analysis_is_loaded_only_to_check_a_users_pattern() -> None:
    """A run whose configuration holds no pattern of its own never imports the analysis
    and its parser; the first pattern to check loads them."""
    script = (
        "import sys\n"
        "from tests.conftest import lint_text\n"
        "lint_text('Hi Maria,\\n\\nYour refund is on its way.\\n\\nBest,\\nSam\\n')\n"
        "assert 'empathylint.language.regex_syntax' not in sys.modules, 'loaded without a pattern to check'\n"
        "from empathylint.language.user_regex import regex_problem\n"
        "assert regex_problem('(a+)+$') is not None\n"
        "assert 'empathylint.language.regex_syntax' in sys.modules\n"
    )
    run_in_fresh_interpreter(script)


@pytest.mark.parametrize("pattern", CATASTROPHES + QUADRATIC)
def test_patterns_that_can_backtrack_catastrophically_are_refused(pattern: str) -> None:
    """The shapes tests/test_regex_safety.py lists (each hung a check past 60 s, or grew with
    the square of a long line) are refused in checklist.toml."""
    from empathylint.language.user_regex import UnsafePattern, compile_user_regex, regex_problem

    assert regex_problem(pattern) is not None
    with pytest.raises(UnsafePattern):
        compile_user_regex(pattern)


@pytest.mark.parametrize(
    "pattern",
    [r"\bASAP\b", r"(?i)\be-?mail\b", r"(cat|dog)+", r"(a++)+", r"(?:x(?>a+))+", r"[A-Z]{2,}", r"(a{1,3}){1,3}"],
)
def test_ordinary_patterns_are_accepted(pattern: str) -> None:
    from empathylint.language.user_regex import regex_problem

    assert regex_problem(pattern) is None


def test_a_pattern_nested_past_the_parser_is_refused_in_one_line(tmp_path: Path) -> None:
    from empathylint.language.user_regex import regex_problem

    assert regex_problem("(" * 5000 + "a" + ")" * 5000) is not None


def test_configuration_is_data_never_code(tmp_path: Path) -> None:
    """A pattern that looks like Python is a regex to match, nothing more."""
    marker = tmp_path / "ran"
    (tmp_path / "checklist.toml").write_text(
        "[rules.house-style]\npatterns = { \"__import__\\\\('os'\\\\)\" = 'Found.' }\n"
        f"substitutions = {{ \"open('{marker}', 'w')\" = 'noted' }}\n",
        encoding="utf-8",
    )
    draft = tmp_path / "reply.txt"
    draft.write_text("Hi Maria,\n\nThanks! Run __import__('os') only in a sandbox.\n\nBest,\nSam\n", encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "empathylint", "check", "--select", "house-style", "--quiet", "reply.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert "house-style.pattern" in result.stdout
    assert not marker.exists()
