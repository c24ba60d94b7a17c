"""The bad-input matrix: every odd file gets a result or a one-line error that names it and
the cause, exit code 2 where it is an error, and the other files in the run are still checked.

Each case runs the real command in a subprocess next to a good draft, so what is asserted is
what a user sees."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

GOOD_DRAFT = "Hi Maria,\n\nThanks for reaching out! Your refund is on its way.\n\nBest,\nSam\n"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def run(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "empathylint", "check", "--isolated", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD_DRAFT, encoding="utf-8")
    return tmp_path


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def assert_error(result: subprocess.CompletedProcess[str], name: str, cause: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = error_lines(result)
    assert len(lines) == 1, lines
    assert name in lines[0] and cause in lines[0], lines[0]
    assert "Traceback" not in result.stderr
    assert "good.txt" in result.stdout, "the good file was not checked"


def write_bytes(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


ERROR_CASES = [
    ("binary file renamed .md", write_bytes("logo.md", PNG_HEADER), "binary file"),
    ("NUL bytes in text", write_bytes("nul.txt", b"Hi Maria,\x00 thanks\n"), "binary file"),
    ("Latin-1 bytes", write_bytes("latin1.txt", "Hi José, thanks!\n".encode("latin-1")), "not valid UTF-8"),
    ("empty file", write_bytes("empty.txt", b""), "empty file"),
    ("white space only", write_bytes("blank.txt", b"  \n\t\n"), "only white space"),
]


@pytest.mark.parametrize(("label", "make", "cause"), ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_unreadable_content_is_one_line_error(
    folder: Path, label: str, make: Callable[[Path], Path], cause: str
) -> None:
    bad = make(folder)
    result = run(bad.name, "good.txt", cwd=folder)
    assert_error(result, bad.name, cause)


def test_latin1_error_names_the_line(folder: Path) -> None:
    (folder / "latin1.txt").write_bytes("Hi Maria,\n\nYour café order shipped.\n".encode("latin-1"))
    result = run("latin1.txt", "good.txt", cwd=folder)
    assert "line 3" in result.stderr


def test_missing_path(folder: Path) -> None:
    assert_error(run("nowhere.md", "good.txt", cwd=folder), "nowhere.md", "no such file")


def test_broken_symlink(folder: Path) -> None:
    (folder / "dangling.md").symlink_to(folder / "gone.md")
    assert_error(run("dangling.md", "good.txt", cwd=folder), "dangling.md", "broken symbolic link")


def test_symlink_loop(folder: Path) -> None:
    (folder / "a.md").symlink_to(folder / "b.md")
    (folder / "b.md").symlink_to(folder / "a.md")
    assert_error(run("a.md", "good.txt", cwd=folder), "a.md", "symbolic link loop")


def test_fifo_is_not_read_and_does_not_hang(folder: Path) -> None:
    os.mkfifo(folder / "pipe.md")
    assert_error(run("pipe.md", "good.txt", cwd=folder, timeout=30), "pipe.md", "not a regular file")


def test_unreadable_file(folder: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads any file; the permission case is covered in-process below")
    path = folder / "locked.md"
    path.write_text(GOOD_DRAFT, encoding="utf-8")
    path.chmod(0)
    assert_error(run("locked.md", "good.txt", cwd=folder), "locked.md", "permission denied")


def test_unreadable_file_in_process(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from empathylint.files import InputError, read_source

    path = folder / "locked.md"
    path.write_text(GOOD_DRAFT, encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match=r"locked\.md: permission denied"):
        read_source(path)


def test_file_over_the_size_limit(folder: Path) -> None:
    from empathylint.files import MAX_BYTES

    with (folder / "huge.md").open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no 20 MB written to disk
    assert_error(run("huge.md", "good.txt", cwd=folder), "huge.md", "too large")


def test_a_50_megabyte_file_is_refused_quickly(folder: Path) -> None:
    with (folder / "fifty.md").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert_error(run("fifty.md", "good.txt", cwd=folder), "fifty.md", "too large")


def test_directory_named_like_a_file_is_walked(folder: Path) -> None:
    inner = folder / "replies.md"
    inner.mkdir()
    (inner / "draft.txt").write_text(GOOD_DRAFT, encoding="utf-8")
    result = run("replies.md", "good.txt", cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "draft.txt" in result.stdout


CHECKED_CASES = [
    ("UTF-16 with BOM", "utf16.txt", GOOD_DRAFT, "utf-16"),  # Python's utf-16 codec writes the BOM
    ("UTF-8 with BOM", "bom.txt", "\ufeff" + GOOD_DRAFT, "utf-8"),
    ("only emoji", "emoji.txt", "🙂🙂🙂 👍\n🎉\n", "utf-8"),
    (
        "mixed scripts in an English reply",
        "mixed.txt",
        "Hi Maria,\n\nThanks for writing! Your order to 北京 (Пекин, بكين) ships today.\n\nBest,\nSam\n",
        "utf-8",
    ),
]


@pytest.mark.parametrize(("label", "name", "text", "encoding"), CHECKED_CASES, ids=[c[0] for c in CHECKED_CASES])
def test_odd_but_valid_text_is_checked(folder: Path, label: str, name: str, text: str, encoding: str) -> None:
    (folder / name).write_bytes(text.encode(encoding))
    result = run(name, "good.txt", cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    assert name in result.stdout and "good.txt" in result.stdout


def test_utf16_positions_are_those_of_the_text(folder: Path) -> None:
    text = "Hi there,\n\nThanks for reaching out! Your refund is on its way.\n\nBest,\nSam\n"
    (folder / "utf16.txt").write_bytes(text.encode("utf-16"))  # with a BOM
    result = run("utf16.txt", "--quiet", cwd=folder)
    assert "utf16.txt:1:1 warning use-their-name.generic-greeting" in result.stdout


def test_one_megabyte_single_line_finishes(folder: Path) -> None:
    line = ("Thanks for writing in about the refund, it is on its way " * 18_000)[: 1024 * 1024]
    (folder / "long.txt").write_text("Hi Maria, " + line + "\n", encoding="utf-8")
    result = run("long.txt", "good.txt", cwd=folder, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    assert "good.txt" in result.stdout


BROKEN_CONFIGS = [
    ("broken TOML", 'fail-on = "warning"\nselect = [\n  "use-their-name",\n  oops\n]\n', "checklist.toml:4"),
    ("wrong type", '[rules.thank-them]\nopening-sentences = "two"\n', "checklist.toml:2"),
    ("unknown rule id", 'ignore = ["use-their-nam"]\n', "unknown rule id 'use-their-nam'"),
    ("unknown key", "[rules.use-your-name]\nsignatures = 'required'\n", "unknown key 'signatures'"),
    (
        "invalid user regex",
        "[rules.house-style]\n\n[rules.house-style.patterns]\n'\\bASAP\\b' = 'Give a time.'\n'([a-z' = 'Oops.'\n",
        "checklist.toml:5: [rules.house-style] patterns '([a-z': invalid regular expression: unterminated",
    ),
    (
        "user regex that nests quantifiers",
        "[rules.house-style]\npatterns = { '(\\w*)*' = 'Slow.' }\n",
        "checklist.toml:2: [rules.house-style] patterns '(\\\\w*)*': a repeat inside a repeat",
    ),
    (
        "user regex over overlapping alternatives",
        "[rules.house-style]\npatterns = { '(a|aa)+' = 'Slow.' }\n",
        "patterns '(a|aa)+': a repeat over alternatives that can match the same text",
    ),
    (
        "substitution to itself",
        "[rules.house-style]\nsubstitutions = { 'email' = 'email' }\n",
        "checklist.toml:2: [rules.house-style] substitution 'email' replaces the phrase with itself",
    ),
]


@pytest.mark.parametrize(("label", "content", "expected"), BROKEN_CONFIGS, ids=[c[0] for c in BROKEN_CONFIGS])
def test_broken_config_is_one_line_error(folder: Path, label: str, content: str, expected: str) -> None:
    (folder / "checklist.toml").write_text(content, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "empathylint", "check", "good.txt"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    lines = error_lines(result)
    assert len(lines) == 1 and expected in lines[0], lines
    assert "Traceback" not in result.stderr


EMAIL_HEAD = "From: Sam Lee <sam@example.com>\nTo: Maria Souza <maria@example.com>\nSubject: Re: refund\n"
BROKEN_EMAILS = [
    (
        "multipart boundary that never appears",
        EMAIL_HEAD + 'Content-Type: multipart/alternative; boundary="b1"\n\n'
        "--b2\nContent-Type: text/plain\n\nHi Maria,\n",
        'malformed MIME: the boundary "b1" never appears',
    ),
    (
        "multipart without a boundary",
        EMAIL_HEAD + "Content-Type: multipart/mixed\n\nHi Maria, thanks for writing in!\n",
        "malformed MIME: multipart/mixed without a boundary",
    ),
    (
        "base64 garbage",
        EMAIL_HEAD + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        "!!not*base64@@ ====\nSGkgTWFyaWEs\n",
        "base64 body is corrupt",
    ),
    (
        "empty text part",
        EMAIL_HEAD + 'Content-Type: multipart/alternative; boundary="b1"\n\n'
        "--b1\nContent-Type: text/plain\n\n\n--b1--\n",
        "text part is empty",
    ),
    (
        "only an attachment",
        EMAIL_HEAD + 'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\nContent-Type: image/png\n'
        "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b1--\n",
        "no text/plain or text/html part",
    ),
]


@pytest.mark.parametrize(("label", "content", "cause"), BROKEN_EMAILS, ids=[c[0] for c in BROKEN_EMAILS])
def test_malformed_email_is_one_line_error(folder: Path, label: str, content: str, cause: str) -> None:
    (folder / "reply.eml").write_text(content, encoding="utf-8")
    assert_error(run("reply.eml", "good.txt", cwd=folder), "reply.eml", cause)


LENIENT_EMAILS = [
    (
        "unknown charset",
        EMAIL_HEAD + 'Content-Type: text/plain; charset="x-klingon"\n\n'
        "Hi Maria,\n\nThanks for writing in! Your refund is on its way.\n\nBest,\nSam\n",
    ),
    (
        "bad quoted-printable escapes",
        EMAIL_HEAD + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        "Hi Maria,\n\nThanks for writing in! Your refund =ZZ is on its way=\n to Zo=C3=ABs account =C3\n\nBest,\nSam\n",
    ),
    (
        "unknown transfer encoding",
        EMAIL_HEAD + "Content-Type: text/plain\nContent-Transfer-Encoding: x-gremlins\n\n"
        "Hi Maria,\n\nThanks for writing in! Your refund is on its way.\n\nBest,\nSam\n",
    ),
    (
        "malformed address headers",
        'From: =?utf-8?q?broken\nTo: "Maria <\nContent-Type: text/html\n\n'
        "<p>Hi Maria,</p><p>Thanks for writing in! Your refund is on its way.</p><p>Best,<br>Sam",
    ),
    (
        "no Content-Type at all",
        "Subject: refund\n\nHi Maria,\n\nThanks for writing in! Your refund is on its way.\n\nBest,\nSam\n",
    ),
]


@pytest.mark.parametrize(("label", "content"), LENIENT_EMAILS, ids=[c[0] for c in LENIENT_EMAILS])
def test_damaged_but_readable_email_is_checked(folder: Path, label: str, content: str) -> None:
    (folder / "reply.eml").write_text(content, encoding="utf-8")
    result = run("reply.eml", "good.txt", cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    assert not error_lines(result), result.stderr
    assert "reply.eml" in result.stdout and "good.txt" in result.stdout


UNCLOSED_HTML = [
    ("unclosed paragraphs and inline tags", "<p>Hi Maria,<p>Unfortunately <b>your refund <i>is late.\n<p>Best,<br>Sam"),
    ("unclosed comment", "<p>Hi Maria,</p>\n<!-- a note that never closes\n<p>Your refund is on its way.</p>"),
    ("unclosed script", '<p>Hi Maria,</p>\n<script>var note = "unfortunately";\n<p>Your refund is on its way.'),
    ("unclosed attribute quote", '<p>Hi Maria,</p>\n<a href="https://example.com/?a=1&b=2\n<p>Your refund <div <span>'),
]


@pytest.mark.parametrize(("label", "content"), UNCLOSED_HTML, ids=[c[0] for c in UNCLOSED_HTML])
def test_html_with_unclosed_tags_is_checked(folder: Path, label: str, content: str) -> None:
    (folder / "reply.html").write_text(content, encoding="utf-8")
    result = run("reply.html", "good.txt", "--quiet", cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    assert not error_lines(result) and "internal-error" not in result.stdout, result.stdout + result.stderr


def test_unclosed_html_still_finds_the_prose_problem(folder: Path) -> None:
    (folder / "reply.html").write_text(UNCLOSED_HTML[0][1], encoding="utf-8")
    result = run("reply.html", "good.txt", "--quiet", "--select", "negative-language", cwd=folder)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "reply.html:1:16 warning negative-language" in result.stdout, result.stdout


LATIN1_EMAIL = (
    b"From: Sam Lee <sam@example.com>\nTo: Jos\xe9 Garc\xeda <jose@example.com>\nSubject: Your order\n"
    b'MIME-Version: 1.0\nContent-Type: text/plain; charset="iso-8859-1"\nContent-Transfer-Encoding: 8bit\n\n'
    b"Hi Jos\xe9,\n\nThanks for writing in! Unfortunately your caf\xe9 order is late.\n\nBest,\nSam\n"
)


def test_an_email_in_its_declared_latin1_is_checked(folder: Path) -> None:
    (folder / "latin.eml").write_bytes(LATIN1_EMAIL)
    result = run("latin.eml", "good.txt", "--quiet", cwd=folder)
    assert result.returncode == 1, result.stderr
    assert "latin.eml:10:24 warning negative-language.framing" in result.stdout


def test_a_fix_the_file_encoding_cannot_hold_is_refused(folder: Path) -> None:
    from empathylint.files import read_source
    from empathylint.writing import WriteError, write_back

    (folder / "latin.eml").write_bytes(LATIN1_EMAIL)
    source = read_source(folder / "latin.eml")
    assert source.encoding == "iso8859-1"
    with pytest.raises(WriteError, match="cannot hold"):
        write_back(source, source.text.replace("Unfortunately", "Good news \u2019"))
    assert (folder / "latin.eml").read_bytes() == LATIN1_EMAIL


def test_oversized_standard_input_is_refused_like_an_oversized_file(folder: Path) -> None:
    from empathylint.files import MAX_BYTES

    result = subprocess.run(
        [sys.executable, "-m", "empathylint", "check", "--isolated", "-", "good.txt"],
        cwd=folder,
        input=b"word " * (MAX_BYTES // 5 + 1),
        capture_output=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 2
    errors = [line for line in result.stderr.decode().splitlines() if line.strip()]
    assert len(errors) == 1 and "<stdin>" in errors[0] and "too large" in errors[0], errors
    assert "good.txt" in result.stdout.decode()  # the other file is still checked


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux's /proc")
def test_a_file_longer_than_its_size_said_is_read_whole() -> None:
    """A file is read to the size it had when looked at, then on if it grew: a /proc file
    says it holds nothing (size 0) and holds lines."""
    from empathylint.files import read_source

    text = read_source(Path("/proc/self/status")).text
    assert text.startswith("Name:") and "\nPid:" in text and text.endswith("\n")
