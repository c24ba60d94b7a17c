"""The result cache: a file checked before is answered from the user cache folder, exactly
as checking it again would answer, and only while nothing its report depends on changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from empathylint import checking, result_cache
from empathylint.cli import app
from empathylint.config import load_config
from empathylint.rules import RULES
from tests.conftest import ROOT

REPLY = (
    "Hi there,\n\nUnfortunately you can't export until Friday. I just wanted to let you know that the the\n"
    "invoice is attached.\n\nBest,\nSam\n"
)
CUSTOMER = "I have been waiting for a WEEK and nobody answers!!! This is ridiculous.\n"
ARTICLE = "# Export your data\n\nOpen **Settings**, then choose *Export*. Utilize the `--all` flag.\n"
ENVIRONMENT = {"NO_COLOR": "1", "COLUMNS": "120", "TERM": "dumb"}


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "reply.txt").write_text(REPLY, encoding="utf-8")
    (tmp_path / "reply.customer.txt").write_text(CUSTOMER, encoding="utf-8")
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    # Checked as replies: one reads like an article (a notice says so), one is a greeted reply.
    (tmp_path / "notes.txt").write_text("# Notes\n\nThe export runs nightly.\n", encoding="utf-8")
    (tmp_path / "greeted.txt").write_text("Hi Maria,\n\n# Refund\n\nIt is on its way.\n\nSam\n", encoding="utf-8")
    (tmp_path / "checklist.toml").write_text('[profiles.doc]\ninclude = ["*.md"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _count_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the rules actually ran on."""
    checked: list[str] = []
    original: Callable[..., Any] = checking._lint_source

    def counting(source: Any, *arguments: Any) -> Any:
        checked.append(source.path)
        return original(source, *arguments)

    monkeypatch.setattr(checking, "_lint_source", counting)
    return checked


def _check(*arguments: str) -> Result:
    return CliRunner().invoke(app, ["check", "--jobs", "1", *arguments], env=ENVIRONMENT)


def _entries() -> list[Path]:
    return sorted((Path(os.environ["EMPATHYLINT_CACHE_DIR"]) / "results").glob("*/*.json"))


OUTPUTS = [
    ["--output-format", "rich"],
    ["--output-format", "rich", "--explain-context"],
    ["--output-format", "concise"],
    ["--output-format", "json"],
    ["--output-format", "sarif"],
    ["--output-format", "github"],
    ["--statistics"],
    ["--summary"],
]


@pytest.mark.parametrize("output", OUTPUTS, ids=lambda output: " ".join(output))
def test_a_second_run_checks_nothing_and_prints_the_same(
    drafts: Path, monkeypatch: pytest.MonkeyPatch, output: list[str]
) -> None:
    checked = _count_checks(monkeypatch)
    files = ["reply.txt", "article.md", "notes.txt", "greeted.txt"]
    first = _check(*output, *files)
    assert sorted(checked) == sorted(files)
    assert len(_entries()) == len(files)
    second = _check(*output, *files)
    assert sorted(checked) == sorted(files), "a file was checked again"
    assert (second.exit_code, second.stdout, second.stderr) == (first.exit_code, first.stdout, first.stderr)
    uncached = _check("--no-cache", *output, *files)
    assert (uncached.stdout, uncached.stderr) == (first.stdout, first.stderr)


def test_the_report_is_really_read_from_the_cache(drafts: Path) -> None:
    """A planted, well-formed entry under the right key is believed (so the cache is used),
    and --no-cache neither reads it nor writes any."""
    _check("reply.txt")
    (entry,) = _entries()
    key = entry.stem
    payload = result_cache.read_entry(entry, key)
    assert payload is not None
    report = json.loads(payload)
    report["diagnostics"] = []
    report["scorecard"] = [[item, "met"] for item, _ in report["scorecard"]]
    result_cache.write_entry(entry, key, json.dumps(report).encode())
    assert _check("--output-format", "concise", "reply.txt").exit_code == 0
    entry.unlink()
    bypassed = _check("--no-cache", "--output-format", "concise", "reply.txt")
    assert bypassed.exit_code == 1 and "negative-language" in bypassed.stdout
    assert _entries() == []


def _edit_checklist(drafts: Path) -> None:
    with (drafts / "checklist.toml").open("a", encoding="utf-8") as checklist:
        checklist.write('[severity]\n"negative-language" = "error"\n')


def _edit_words_file(drafts: Path) -> None:
    (drafts / "words.txt").write_text("Utilize\n", encoding="utf-8")


INVALIDATIONS: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "the file's bytes": (lambda drafts: (drafts / "reply.txt").write_text(REPLY + "\n", encoding="utf-8"), []),
    "the customer's message beside it": (
        lambda drafts: (drafts / "reply.customer.txt").write_text("Thanks, all good!\n", encoding="utf-8"),
        [],
    ),
    "the checklist": (_edit_checklist, []),
    "a command-line setting": (lambda drafts: None, ["--ignore", "jargon"]),
    "a command-line name": (lambda drafts: None, ["--agent", "Priya"]),
    "the contents of a words-file": (_edit_words_file, []),
}


@pytest.mark.parametrize("cause", list(INVALIDATIONS))
def test_any_change_of_what_a_report_depends_on_checks_again(
    drafts: Path, monkeypatch: pytest.MonkeyPatch, cause: str
) -> None:
    (drafts / "words.txt").write_text("webinar\n", encoding="utf-8")
    with (drafts / "checklist.toml").open("a", encoding="utf-8") as checklist:
        checklist.write('[rules.proofread]\nwords-file = "words.txt"\n')
    checked = _count_checks(monkeypatch)
    _check("reply.txt", "article.md")
    checked.clear()
    change, arguments = INVALIDATIONS[cause]
    change(drafts)
    cached = _check("--output-format", "json", *arguments, "reply.txt", "article.md")
    assert checked, "nothing was checked again"
    fresh = _check("--no-cache", "--output-format", "json", *arguments, "reply.txt", "article.md")
    assert cached.stdout == fresh.stdout


def test_a_new_version_checks_again(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = _count_checks(monkeypatch)
    _check("reply.txt")
    monkeypatch.setattr(result_cache, "__version__", "99.0.0")
    _check("reply.txt")
    assert checked == ["reply.txt", "reply.txt"]


def test_the_installation_fingerprint_covers_the_shipped_word_lists_and_modules() -> None:
    names = {entry[0] for entry in result_cache._installation_fingerprint()[3]}
    shipped = {path.relative_to(ROOT / "empathylint").as_posix() for path in (ROOT / "empathylint").rglob("*.txt")}
    assert shipped and shipped <= names
    assert "rules/jargon.py" in names and "result_cache.py" in names


def test_the_settings_digest_is_the_same_in_every_process(drafts: Path) -> None:
    """Sets and tables are spelled in one order: Python salts string hashes per process."""
    script = (
        "from empathylint.config import load_config\n"
        "from empathylint.checking import CheckOptions\n"
        "from empathylint.result_cache import settings_digest\n"
        "from empathylint.rules import RULES\n"
        "print(settings_digest(load_config(RULES), CheckOptions(customer_name='Zoë')))\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=drafts,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1


def test_settings_that_cannot_be_digested_turn_the_cache_off(drafts: Path) -> None:
    config = load_config(RULES)
    config.rule_settings["jargon"] = object()
    assert result_cache.open_result_cache(config, checking.CheckOptions()) is None


def _write_not_json_under_a_good_checksum(entry: Path, good: bytes) -> None:
    result_cache.write_entry(entry, entry.stem, b"[1, 2")


DAMAGE: dict[str, Callable[[Path, bytes], object]] = {
    "cut short": lambda entry, good: entry.write_bytes(good[: len(good) // 2]),
    "a finding changed": lambda entry, good: entry.write_bytes(good.replace(b"negative-language", b"positive")),
    "random bytes": lambda entry, good: entry.write_bytes(os.urandom(len(good))),
    "empty": lambda entry, good: entry.write_bytes(b""),
    "not a report, under a good checksum": _write_not_json_under_a_good_checksum,
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_entry_is_ignored_and_written_again(
    drafts: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    first = _check("--output-format", "json", "reply.txt")
    (entry,) = _entries()
    good = entry.read_bytes()
    DAMAGE[damage](entry, good)
    checked = _count_checks(monkeypatch)
    again = _check("--output-format", "json", "reply.txt")
    assert checked == ["reply.txt"]
    assert again.stdout == first.stdout
    assert entry.read_bytes() == good


def test_an_entry_copied_from_another_file_is_not_used(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (drafts / "clean.txt").write_text("Hi Maria,\n\nThanks for writing in.\n\nBest,\nSam\n", encoding="utf-8")
    _check("clean.txt")
    (clean_entry,) = _entries()
    _check("reply.txt")
    (reply_entry,) = set(_entries()) - {clean_entry}
    reply_entry.write_bytes(clean_entry.read_bytes())  # checksummed, under the other file's key
    checked = _count_checks(monkeypatch)
    assert _check("--output-format", "concise", "reply.txt").exit_code == 1
    assert checked == ["reply.txt"]


def test_standard_input_is_never_cached(drafts: Path) -> None:
    result = CliRunner().invoke(app, ["check", "-", "--stdin-filename", "reply.txt"], input=REPLY, env=ENVIRONMENT)
    assert result.exit_code == 1
    assert _entries() == []


def test_fix_then_check_reports_what_the_fixed_file_holds(drafts: Path) -> None:
    _check("reply.txt")
    fixed = _check("--fix", "--output-format", "json", "reply.txt")
    assert "the the" not in (drafts / "reply.txt").read_text(encoding="utf-8")
    after = _check("--output-format", "json", "reply.txt")
    fresh = _check("--no-cache", "--output-format", "json", "reply.txt")
    assert json.loads(after.stdout)["files"] == json.loads(fresh.stdout)["files"] == json.loads(fixed.stdout)["files"]


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="needs root to give a folder away")
def test_a_cache_folder_owned_by_another_user_is_neither_read_nor_written(
    drafts: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    theirs = tmp_path / "their-cache"
    theirs.mkdir()
    os.chown(theirs, 4242, 4242)
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(theirs))
    assert result_cache.open_result_cache(load_config(RULES), checking.CheckOptions()) is None
    assert _check("reply.txt").exit_code == 1
    assert list(theirs.iterdir()) == []


def test_concurrent_runs_share_the_cache_safely(drafts: Path) -> None:
    """Four runs at once over the same files, all writing the same entries: every entry
    is whole, and a run afterwards answers everything from the cache, as a fresh check would."""
    for number in range(40):
        (drafts / f"reply-{number:02d}.txt").write_text(REPLY.replace("Friday", f"day {number}"), encoding="utf-8")
    command = [sys.executable, "-m", "empathylint", "check", "--jobs", "1", "--output-format", "json", "."]
    environment = {**os.environ, **ENVIRONMENT, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen(command, cwd=drafts, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    outputs = {run.communicate(timeout=600)[0] for run in runs}
    assert len(outputs) == 1
    drafts_checked = [
        path for path in drafts.iterdir() if path.suffix in (".txt", ".md") and ".customer." not in path.name
    ]
    assert len(_entries()) == len(drafts_checked) == 44
    for entry in _entries():
        assert result_cache.read_entry(entry, entry.stem) is not None, entry
    assert not list(Path(os.environ["EMPATHYLINT_CACHE_DIR"]).rglob("*.tmp")), "a temporary file was left"
    fresh = subprocess.run([*command, "--no-cache"], cwd=drafts, env=environment, capture_output=True, check=False)
    assert fresh.stdout in outputs


def test_only_the_most_recent_settings_keep_their_reports(drafts: Path) -> None:
    results = Path(os.environ["EMPATHYLINT_CACHE_DIR"]) / "results"
    for number in range(result_cache._RUN_FOLDERS_KEPT + 3):
        old = results / f"old-{number:02d}"
        old.mkdir(parents=True)
        os.utime(old, ns=(number * 10**9, number * 10**9))
    _check("reply.txt")
    kept = sorted(path.name for path in results.iterdir())
    assert len(kept) == result_cache._RUN_FOLDERS_KEPT
    newest_old = f"old-{result_cache._RUN_FOLDERS_KEPT + 2:02d}"
    assert newest_old in kept and "old-00" not in kept
