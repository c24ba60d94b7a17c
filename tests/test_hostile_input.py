"""Hostile input (issue 15): a file that breaks a parser is that file's one-line error and
the run goes on; names that are not UTF-8 are written safely; encodings a fix cannot keep
are refused; work and output stay linear in the input.

Bounded work is asserted by counting (calls, characters of output) or by comparing with a
ten times smaller input, never by a wall-clock limit."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from empathylint import reply_structure
from empathylint.files import decode
from empathylint.formats import email as email_format
from empathylint.reporters import Run, render_text
from empathylint.rules import RULES
from tests.conftest import lint_text, make_config, make_resolver

GOOD_DRAFT = "Hi Maria,\n\nThanks for reaching out! Your refund is on its way.\n\nBest,\nSam\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "empathylint", "check", "--isolated", *args],
        cwd=cwd,
        capture_output=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1"},
    )


def email_message(body: bytes, *, charset: str = "utf-8", encoding: str = "8bit", subtype: str = "plain") -> bytes:
    headers = (
        "From: Sam <sam@example.com>\nTo: Maria <maria@example.com>\nSubject: Your order\n"
        f"Content-Type: text/{subtype}; charset={charset}\nContent-Transfer-Encoding: {encoding}\n\n"
    )
    return headers.encode("ascii") + body


BREAKERS = {
    # windows-1252 leaves 0x81 undefined: decoding it strictly raised UnicodeDecodeError.
    "cp1252.eml": email_message(b"Hi Maria,\n\nThanks \x81 for writing.\n\nBest,\nSam\n", charset="windows-1252"),
    # html.parser asserts on marked sections it does not know.
    "foo-section.html": b"<p>Hi Maria,</p><![foo[ <p>Thanks for writing.</p><p>Best,<br>Sam</p>",
    "mso.html": b"<p>Hi Maria,</p><![ if !mso ]><p>Thanks for writing.</p><![endif]><p>Best,<br>Sam</p>",
    "open-section.html": b"<p>Hi Maria,</p><p>Thanks for writing.</p><p>Best,<br>Sam</p><![",
    "mso-part.eml": email_message(
        b"<p>Hi Maria,</p><![ if !mso ]><p>Thanks for writing.</p><![endif]><p>Best,<br>Sam</p>", subtype="html"
    ),
    # tomllib recurses once per level: 3,000 levels raised RecursionError.
    "deep.md": b"+++\nx = " + b"[" * 3000 + b"]" * 3000 + b"\n+++\n\nHi Maria,\n\nThanks for writing.\n\nSam\n",
}


def test_a_file_that_breaks_a_parser_never_ends_the_run(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD_DRAFT, encoding="utf-8")
    for name, data in BREAKERS.items():
        (tmp_path / name).write_bytes(data)
    result = run(*BREAKERS, "good.txt", "--output-format", "json", cwd=tmp_path)
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    report = json.loads(result.stdout)
    checked = {entry["path"] for entry in report["files"]}
    assert "good.txt" in checked
    # Each file is either read (the marked sections and the stray byte are now handled) or
    # named with its cause on one line; the deep front matter is refused, not recursed into.
    assert "deep.md: front matter nests deeper than" in stderr
    assert result.returncode == 2
    for name in set(BREAKERS) - {"deep.md"}:
        assert name in checked, (name, stderr)


def test_marked_sections_are_markup_not_prose() -> None:
    report = lint_text(
        "<p>Hi Maria,</p><![ if !mso ]><p>Thanks for writing.</p><![endif]><p>Best,<br>Sam</p><![",
        path="draft.html",
    )
    assert report.document is not None
    assert "mso" not in report.document.text and "endif" not in report.document.text
    assert "Thanks for writing." in report.document.text


def test_a_broken_file_among_many_under_jobs_is_its_own_error(tmp_path: Path) -> None:
    for index in range(64):
        (tmp_path / f"draft{index:02}.txt").write_text(GOOD_DRAFT, encoding="utf-8")
    (tmp_path / "draft30.html").write_bytes(BREAKERS["foo-section.html"])
    (tmp_path / "deep.md").write_bytes(BREAKERS["deep.md"])
    (tmp_path / "cp1252.eml").write_bytes(BREAKERS["cp1252.eml"])
    result = run(".", "--jobs", "2", "--output-format", "json", cwd=tmp_path)
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert result.returncode == 2
    assert "deep.md: front matter nests deeper than" in stderr
    assert len(json.loads(result.stdout)["files"]) == 67


def test_a_reader_failure_is_that_files_cannot_read_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The general guard: whatever a parser still raises is one file's error, not a crash."""
    from empathylint.checking import CheckOptions, check_paths
    from empathylint.formats import plain

    def broken(*_args: object) -> None:
        raise AssertionError("parser gave up")

    (tmp_path / "a.txt").write_text(GOOD_DRAFT, encoding="utf-8")
    (tmp_path / "b.md").write_text(GOOD_DRAFT, encoding="utf-8")
    monkeypatch.setattr(plain, "read", broken)
    reports = [report for report, _source in check_paths([str(tmp_path)], make_resolver(), CheckOptions())]
    assert [report.error for report in reports] == ["cannot read: AssertionError: parser gave up", None]
    assert reports[0].tracebacks  # shown with --debug


@pytest.mark.parametrize("output", [["--output-format", "json"], ["--output-format", "sarif"], ["--output-file", "o"]])
def test_a_file_name_that_is_not_utf8_is_written_safely(tmp_path: Path, output: list[str]) -> None:
    if sys.platform == "darwin":
        pytest.skip("macOS file names are always UTF-8")
    (tmp_path / "drafts").mkdir()
    with open(os.fsencode(tmp_path / "drafts") + b"/caf\xe9.txt", "w", encoding="utf-8") as handle:
        handle.write("Hi there,\n\nWe basically fixed it.\n\nSam\n")
    result = run("drafts", *output, cwd=tmp_path)
    assert "Traceback" not in result.stderr.decode() and "internal error" not in result.stderr.decode()
    assert result.returncode == 1
    written = (tmp_path / "o").read_bytes() if "--output-file" in output else result.stdout
    text = written.decode("utf-8")  # valid UTF-8, whatever the file is called
    assert "caf\\xe9.txt" in text or "caf\\\\xe9.txt" in text or "caf%5Cxe9.txt" in text
    if "json" in output:
        json.loads(text)


def test_utf32_is_read_as_utf32_and_fixed_in_it(tmp_path: Path) -> None:
    draft = "Hi Maria,\n\nWe basically fixed it.\n\nBest,\nSam\n"
    assert decode(draft.encode("utf-32"), "a.txt") == (draft, "utf-32-le", True)
    assert decode(b"\x00\x00\xfe\xff" + draft.encode("utf-32-be"), "a.txt") == (draft, "utf-32-be", True)
    (tmp_path / "draft.txt").write_bytes(draft.encode("utf-32"))
    run("draft.txt", "--fix", "--unsafe-fixes", cwd=tmp_path)
    fixed = (tmp_path / "draft.txt").read_bytes().decode("utf-32")
    assert "We fixed it." in fixed


def test_a_fix_never_writes_bytes_that_read_differently(tmp_path: Path) -> None:
    """An email with a byte its charset leaves undefined is read with "�" in its place: it
    is checked, but not written back, so the byte is kept."""
    original = email_message(b"Hi Maria,\n\nWe basically fixed it \x81.\n\nBest,\nSam\n", charset="windows-1252")
    (tmp_path / "reply.eml").write_bytes(original)
    result = run("reply.eml", "--fix", "--unsafe-fixes", cwd=tmp_path)
    assert "not fixed" in result.stderr.decode()
    assert (tmp_path / "reply.eml").read_bytes() == original
    assert result.returncode == 2


# --- linear work and bounded output ---------------------------------------------------------

HUNDRED_KB = 100_000


def _bodies(size: int) -> dict[str, str]:
    return {
        "long line": "word, " * (size // 6),
        "long sentence": ("the customer basically wants a refund " * (size // 38)).strip() + ".",
        "long blank run": "Thanks." + " " * size + "ok.\n" + "\n" * (size // 10),
        "long word": "Thanks for writing. " + "supercalifragilistic" * (size // 20 // 10),
    }


def _wrapped(format_name: str, body: str) -> tuple[str, str]:
    if format_name == "markdown":
        return f"Hi Maria,\n\n```json\n{body}\n```\n\n{body}\n\nBest,\nSam\n", "draft.md"
    if format_name == "html":
        return f"<p>Hi Maria,</p><p>{body}</p><p>Best,<br>Sam</p>", "draft.html"
    if format_name == "email":
        return email_message(f"Hi Maria,\n\n{body}\n\nBest,\nSam\n".encode()).decode(), "draft.eml"
    return f"Hi Maria,\n\n{body}\n\nBest,\nSam\n", "draft.txt"


def _json_size(text: str, path: str) -> tuple[int, int]:
    report = lint_text(text, path=path)
    rendered = render_text("json", [report], Run(make_config().fail_on, RULES, Path.cwd()))
    return len(report.diagnostics), len(rendered)


@pytest.mark.parametrize("format_name", ["plain", "markdown", "html", "email"])
def test_output_grows_with_findings_not_with_the_input_squared(format_name: str) -> None:
    for kind, body in _bodies(HUNDRED_KB).items():
        text, path = _wrapped(format_name, body)
        findings, size = _json_size(text, path)
        # Each finding quotes a bounded window: its size does not follow the sentence's (a
        # 40,000-word sentence gave 1.4 GB of JSON). A long word is quoted once, whole.
        assert size <= 4_000 + 1_500 * findings + 3 * len(text), (kind, findings, size)


def test_the_sign_off_search_is_linear_in_a_long_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted, not timed: the lines the sign-off search looks at are the last few, and the
    pattern that splits the text into lines is anchored at line starts."""
    pattern = reply_structure._NONBLANK_LINE
    assert pattern.flags & __import__("re").MULTILINE and pattern.pattern.startswith("^")
    seen: list[int] = []
    real = reply_structure._CLOSING

    class Counting:
        def match(self, text: str, start: int, end: int) -> object:
            seen.append(end - start)
            return real.match(text, start, end)

    monkeypatch.setattr(reply_structure, "_CLOSING", Counting())
    text = "Hi Maria,\n\n" + " " * HUNDRED_KB + "\n" + "x " * HUNDRED_KB + "\n\nBest,\nSam\n"
    reply_structure.find_sign_off(text, 0)
    assert len(seen) <= 2 * (reply_structure._SIGN_OFF_MAX_LINES_AFTER + 1)


def test_a_long_to_header_is_cut_before_parsing() -> None:
    addresses = ", ".join(f"User {index} <u{index}@example.com>" for index in range(50_000))
    source = f"From: Sam <s@example.com>\nTo: Maria <m@example.com>, {addresses}\nSubject: x\n\nHi Maria,\n"
    bounded = email_format._with_bounded_headers(source)
    assert len(bounded) < 3 * email_format.MAX_HEADER_FIELD + 200
    assert bounded.endswith("\n\nHi Maria,\n")
    report = lint_text(source + "\nThanks for writing.\n\nBest,\nSam\n", path="draft.eml")
    assert report.error is None and report.document is not None
    assert report.document.customer_name == "Maria"


def test_suggestions_for_a_base64_email_quote_the_decoded_words() -> None:
    body = "Hi there,\n\nWe are sorry for the inconvenience. Unfortunately we cannot refund it.\n\nBest,\nSam\n"
    source = email_message(base64.encodebytes(body.encode()), encoding="base64").decode()
    report = lint_text(source, path="draft.eml")
    quoting = [d.suggestion for d in report.diagnostics if d.suggestion and "inconvenience" in d.suggestion]
    assert quoting, [d.suggestion for d in report.diagnostics]
    encoded = base64.encodebytes(body.encode()).decode().split()
    for diagnostic in report.diagnostics:
        assert not any(chunk[:12] in (diagnostic.suggestion or "") for chunk in encoded)
