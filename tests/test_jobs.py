"""--jobs: files checked in parallel processes report exactly what one process reports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from empathylint import checking
from empathylint.cli import app

# str.format halves the braces: the last greeting keeps a helpdesk placeholder.
GREETINGS = ("Hi {name},", "Hello {name}!", "Hi there,", "Dear customer,", "Hey {{{{ticket.requester.first_name}}}},")
NAMES = ("José", "Zoë", "Nguyễn", "Siobhán O'Brien", "Anne-Marie", "Maria")
BODIES = (
    "Thanks for reaching out about the refund. I've sent it to your card; it lands in 3-5 days.",
    "Unfortunately you can't export until Friday. As I said, you should have read the docs.",
    "I just wanted to reach out to let you know that the the invoice is actually attached. 😊",
    "I'm so sorry, I apologise again, we are very sorry for the inconvenience!!!",
    "Our team is looking into it and we'll get back to you. PLEASE DO NOT reply to this email.",
    "What do you mean? The SSO token expired, so the API returned a 401 from the CNAME record.",
    "Your subscripton renews on 12 May. I recieved your message and updated the adress.",
)
SIGN_OFFS = ("Cheers,\nSam", "Best,\nThe Support Team", "Kind regards,\n{{current_user.first_name}}", "Thanks!")


def _drafts(count: int) -> Iterator[tuple[str, str]]:
    """Every draft a different mix (the list lengths are coprime: 420 mixes)."""
    for number in range(count):
        greeting = GREETINGS[number % len(GREETINGS)].format(name=NAMES[number % len(NAMES)])
        text = f"{greeting}\n\n{BODIES[number % len(BODIES)]}\n\n{SIGN_OFFS[number % len(SIGN_OFFS)]}\n"
        yield f"draft-{number:03d}{('.txt', '.md')[number % 2]}", text


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    for name, text in _drafts(66):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8 not text")  # an error report in the middle
    return folder


def _spy_on_parallel(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original: Callable[..., Any] = checking._check_in_parallel

    def spy(targets: list[Any], workers: int, settings: Any) -> Any:
        calls.append(workers)
        return original(targets, workers, settings)

    monkeypatch.setattr(checking, "_check_in_parallel", spy)
    return calls


@pytest.mark.parametrize("output_format", ["concise", "json", "rich"])
def test_two_jobs_print_what_one_job_prints(drafts: Path, monkeypatch: pytest.MonkeyPatch, output_format: str) -> None:
    monkeypatch.chdir(drafts.parent)
    calls = _spy_on_parallel(monkeypatch)
    runner = CliRunner()
    arguments = ["check", "--isolated", "--output-format", output_format, "drafts"]
    serial = runner.invoke(app, [*arguments, "--jobs", "1"])
    assert calls == []
    parallel = runner.invoke(app, [*arguments, "--jobs", "2"])
    assert calls == [2], "the parallel path was not taken"
    assert serial.exit_code == parallel.exit_code == 2  # findings, and the broken file
    assert "drafts/draft-065.md" in serial.output
    assert parallel.output == serial.output


def test_few_files_stay_in_one_process(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(drafts.parent)
    calls = _spy_on_parallel(monkeypatch)
    few = sorted(str(path.relative_to(drafts.parent)) for path in drafts.glob("draft-00*"))
    result = CliRunner().invoke(app, ["check", "--isolated", "--output-format", "concise", "--jobs", "8", *few])
    assert calls == []
    assert "drafts/draft-009.md" in result.output


def test_jobs_must_be_positive() -> None:
    result = CliRunner().invoke(app, ["check", "--jobs", "0", "x.txt"])
    assert result.exit_code == 2
    assert "--jobs" in result.output


def test_default_jobs_is_the_usable_cores() -> None:
    assert checking.default_jobs() >= 1
