"""--jobs: files checked in parallel processes report exactly what one process reports."""

from __future__ import annotations

import json
import os
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from empathylint import checking
from empathylint.cli import app
from empathylint.files import SourceFile

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
    original: Callable[..., Any] = checking._checked_in_parallel

    def spy(pending: list[Any], workers: int, *settings: Any) -> Any:
        calls.append(workers)
        return original(pending, workers, *settings)

    monkeypatch.setattr(checking, "_checked_in_parallel", spy)
    return calls


@pytest.mark.parametrize("output_format", ["concise", "json", "rich"])
def test_two_jobs_print_what_one_job_prints(drafts: Path, monkeypatch: pytest.MonkeyPatch, output_format: str) -> None:
    monkeypatch.chdir(drafts.parent)
    monkeypatch.setattr(checking, "MIN_CHARACTERS_PER_EXTRA_JOB", 1)  # these drafts are short
    calls = _spy_on_parallel(monkeypatch)
    runner = CliRunner()
    arguments = ["check", "--isolated", "--no-cache", "--output-format", output_format, "drafts"]
    serial = runner.invoke(app, [*arguments, "--jobs", "1"])
    assert calls == []
    parallel = runner.invoke(app, [*arguments, "--jobs", "2"])
    assert calls == [2], "the parallel path was not taken"
    assert serial.exit_code == parallel.exit_code == 2  # findings, and the broken file
    assert "drafts/draft-065.md" in serial.output
    assert parallel.output == serial.output


def test_reports_checked_in_workers_are_cached_for_the_next_run(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(drafts.parent)
    monkeypatch.setattr(checking, "MIN_CHARACTERS_PER_EXTRA_JOB", 1)
    arguments = ["check", "--isolated", "--output-format", "json", "drafts"]
    parallel = CliRunner().invoke(app, [*arguments, "--jobs", "2"])
    calls = _spy_on_parallel(monkeypatch)
    again = CliRunner().invoke(app, [*arguments, "--jobs", "2"])
    assert calls == [], "every report should have come from the cache"
    assert again.output == parallel.output


def test_little_work_stays_in_one_process(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(drafts.parent)
    calls = _spy_on_parallel(monkeypatch)
    result = CliRunner().invoke(
        app, ["check", "--isolated", "--no-cache", "--output-format", "concise", "-j", "8", "drafts"]
    )
    assert calls == []
    assert "drafts/draft-009.md" in result.output


def _sources(*lengths: int) -> list[SourceFile]:
    return [
        SourceFile(f"{number}.txt", "x" * length, "utf-8", False, length, 0) for number, length in enumerate(lengths)
    ]


def test_the_number_of_processes_follows_the_text_to_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checking, "MIN_CHARACTERS_PER_EXTRA_JOB", 100)
    assert checking.jobs_for(_sources(10, 10, 10), 8) == 1
    assert checking.jobs_for(_sources(60, 60), 8) == 2
    assert checking.jobs_for(_sources(*[100] * 10), 8) == 8  # at most what was asked for
    assert checking.jobs_for(_sources(*[100] * 10), 3) == 3
    assert checking.jobs_for(_sources(1000, 1000), 8) == 2  # at most one per file
    assert checking.jobs_for(_sources(10_000), 8) == 1


def test_a_few_hundred_replies_are_checked_in_one_process() -> None:
    """A second process holds its own ~100 MB (issue 19 allows 150 MB for the whole run):
    only a large body of text is worth one."""
    assert checking.jobs_for(_sources(*[300] * 400), 2) == 1
    assert checking.jobs_for(_sources(*[3_600] * 240), 2) == 1
    assert checking.jobs_for(_sources(*[5_000] * 400), 2) == 2


POISON = "poison"


def test_a_worker_that_dies_is_an_error_for_its_file_and_the_rest_is_checked(
    drafts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the OOM killer or a kill -9 would: the worker checking the poisoned draft dies
    without a word. The run must end (it used to wait forever), name that file with exit 2,
    and report every other file as one process does."""
    (drafts / f"{POISON}.txt").write_text("Hi Maria,\n\nThanks!\n\nSam\n", encoding="utf-8")
    monkeypatch.chdir(drafts.parent)
    monkeypatch.setattr(checking, "MIN_CHARACTERS_PER_EXTRA_JOB", 1)
    arguments = ["check", "--isolated", "--no-cache", "--output-format", "json", "drafts"]
    serial = json.loads(CliRunner().invoke(app, [*arguments, "-j", "1"]).stdout)["files"]
    parent = os.getpid()
    original: Callable[..., Any] = checking._lint

    def dies_on_the_poisoned_draft(source: SourceFile, *rest: Any) -> Any:
        if POISON in source.path and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(source, *rest)

    monkeypatch.setattr(checking, "_lint", dies_on_the_poisoned_draft)
    outcome: list[Any] = []
    run = threading.Thread(target=lambda: outcome.append(CliRunner().invoke(app, [*arguments, "-j", "2"])), daemon=True)
    run.start()
    run.join(timeout=600)  # a guard against the old hang, not a measure of speed
    assert outcome, "the run waited forever for a dead worker"
    result = outcome[0]
    assert result.exit_code == 2
    files = {entry["path"]: entry for entry in json.loads(result.stdout)["files"]}
    assert files.pop(f"drafts/{POISON}.txt")["error"] == checking.WORKER_DIED
    assert f"drafts/{POISON}.txt: {checking.WORKER_DIED}" in result.stderr
    assert files == {entry["path"]: entry for entry in serial if entry["path"] != f"drafts/{POISON}.txt"}


def test_jobs_must_be_positive() -> None:
    result = CliRunner().invoke(app, ["check", "--jobs", "0", "x.txt"])
    assert result.exit_code == 2
    assert "--jobs" in result.output


def test_default_jobs_is_the_usable_cores() -> None:
    assert checking.default_jobs() >= 1
