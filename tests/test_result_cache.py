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
from empathylint.config import Resolver
from empathylint.rules import RULES
from empathylint.user_cache import read_entry, write_entry
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
    (tmp_path / "social.txt").write_text("@maria Thanks for waiting! It's fixed now. ^SH\n", encoding="utf-8")
    (tmp_path / "checklist.toml").write_text(
        '[profiles.doc]\ninclude = ["*.md"]\n[channels.social]\ninclude = ["social.txt"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _count_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the rules actually ran on."""
    checked: list[str] = []
    original: Callable[..., Any] = checking._lint

    def counting(source: Any, *arguments: Any) -> Any:
        checked.append(source.path)
        return original(source, *arguments)

    monkeypatch.setattr(checking, "_lint", counting)
    return checked


def _check(*arguments: str) -> Result:
    return CliRunner().invoke(app, ["check", "--jobs", "1", *arguments], env=ENVIRONMENT)


def _cache_folder() -> Path:
    return Path(os.environ["EMPATHYLINT_CACHE_DIR"])


def _cache_files(folder: Path | None = None) -> list[Path]:
    return sorted(((folder or _cache_folder()) / "results").glob("*.reports"))


def _content(cache_file: Path) -> dict[str, Any]:
    """The layers validated, and each file's [key, report] by its absolute path."""
    payload = read_entry(cache_file, cache_file.name)
    assert payload is not None, cache_file
    first, *lines = payload.split(b"\n")
    reports = {}
    for line in filter(None, lines):
        where, key, report = line.split(b"\t")
        reports[json.loads(where)] = [key.decode(), json.loads(report)]
    return {"layers": json.loads(first), "reports": reports}


def _reports(folder: Path | None = None) -> dict[str, Any]:
    """Every report stored, by the absolute path of its file."""
    return {where: entry for path in _cache_files(folder) for where, entry in _content(path)["reports"].items()}


def _rewrite(cache_file: Path, change: Callable[[dict[str, Any]], object]) -> None:
    """The cache file changed as `change` says, under a good checksum (as a run writes it)."""
    content = _content(cache_file)
    change(content)
    lines = [_one_line(content["layers"])]
    lines += [
        b"\t".join((_one_line(where), key.encode(), _one_line(report)))
        for where, (key, report) in content["reports"].items()
    ]
    write_entry(cache_file, cache_file.name, b"\n".join(lines) + b"\n")


def _one_line(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


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
FILES = ["reply.txt", "article.md", "notes.txt", "greeted.txt", "social.txt"]


@pytest.mark.parametrize("output", OUTPUTS, ids=lambda output: " ".join(output))
def test_a_second_run_checks_nothing_and_prints_the_same(
    drafts: Path, monkeypatch: pytest.MonkeyPatch, output: list[str]
) -> None:
    checked = _count_checks(monkeypatch)
    first = _check(*output, *FILES)
    assert sorted(checked) == sorted(FILES)
    assert len(_cache_files()) == 1 and len(_reports()) == len(FILES)
    second = _check(*output, *FILES)
    assert sorted(checked) == sorted(FILES), "a file was checked again"
    assert (second.exit_code, second.stdout, second.stderr) == (first.exit_code, first.stdout, first.stderr)
    uncached = _check("--no-cache", *output, *FILES)
    assert (uncached.stdout, uncached.stderr) == (first.stdout, first.stderr)


def test_the_report_is_really_read_from_the_cache(drafts: Path) -> None:
    """A planted, well-formed entry under the right key is believed (so the cache is used),
    and --no-cache neither reads it nor writes any."""
    _check("reply.txt")
    (cache_file,) = _cache_files()
    _plant_a_clean_report(cache_file)
    assert _check("--output-format", "concise", "reply.txt").exit_code == 0
    cache_file.unlink()
    bypassed = _check("--no-cache", "--output-format", "concise", "reply.txt")
    assert bypassed.exit_code == 1 and "negative-language" in bypassed.stdout
    assert _cache_files() == []


def _plant_a_clean_report(cache_file: Path) -> None:
    def clean(content: dict[str, Any]) -> None:
        report = content["reports"][os.path.abspath("reply.txt")][1]
        report["diagnostics"] = []
        report["scorecard"] = [[item, "met"] for item, _ in report["scorecard"]]

    _rewrite(cache_file, clean)


def test_fix_is_never_answered_from_the_cache(drafts: Path) -> None:
    _check("reply.txt")
    (cache_file,) = _cache_files()
    _plant_a_clean_report(cache_file)
    _check("--fix", "reply.txt")
    assert "the the" not in (drafts / "reply.txt").read_text(encoding="utf-8")
    after = _check("--output-format", "json", "reply.txt")
    fresh = _check("--no-cache", "--output-format", "json", "reply.txt")
    assert after.stdout == fresh.stdout


def test_the_cache_is_in_the_xdg_cache_folder_unless_moved(tmp_path: Path, drafts: Path) -> None:
    environment = {**ENVIRONMENT, "EMPATHYLINT_CACHE_DIR": "", "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    CliRunner().invoke(app, ["check", "reply.txt"], env=environment)
    assert len(_reports(tmp_path / "xdg" / "empathylint")) == 1
    moved = {**environment, "EMPATHYLINT_CACHE_DIR": str(tmp_path / "moved")}
    CliRunner().invoke(app, ["check", "reply.txt"], env=moved)
    assert len(_reports(tmp_path / "moved")) == 1


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


INVALIDATIONS: dict[str, tuple[Callable[[Path], object], list[str]]] = {
    "the file's bytes": (lambda drafts: _append(drafts / "reply.txt", "\n"), []),
    "the customer's message beside it": (
        lambda drafts: (drafts / "reply.customer.txt").write_text("Thanks, all good!\n", encoding="utf-8"),
        [],
    ),
    "a severity in the checklist": (
        lambda drafts: _append(drafts / "checklist.toml", '[severity]\n"negative-language" = "error"\n'),
        [],
    ),
    "a word list in the checklist": (
        lambda drafts: _append(
            drafts / "checklist.toml", '[rules.unnecessary-words]\nextend-filler-words = ["attached"]\n'
        ),
        [],
    ),
    "the per-file ignores of this file": (
        lambda drafts: _append(drafts / "checklist.toml", '[per-file-ignores]\n"reply.txt" = ["proofread"]\n'),
        [],
    ),
    "a command-line setting": (lambda drafts: None, ["--ignore", "jargon"]),
    "a command-line name": (lambda drafts: None, ["--agent", "Priya"]),
    "the profile forced": (lambda drafts: None, ["--profile", "template"]),
    "a profile glob that takes this file": (
        lambda drafts: _append(drafts / "checklist.toml", '[profiles.template]\ninclude = ["reply.txt"]\n'),
        [],
    ),
    "the contents of a words-file": (
        lambda drafts: (drafts / "words.txt").write_text("Utilize\nthe\n", encoding="utf-8"),
        [],
    ),
}


@pytest.mark.parametrize("cause", list(INVALIDATIONS))
def test_any_change_of_what_a_report_depends_on_checks_again(
    drafts: Path, monkeypatch: pytest.MonkeyPatch, cause: str
) -> None:
    (drafts / "words.txt").write_text("webinar\n", encoding="utf-8")
    _append(drafts / "checklist.toml", '[rules.proofread]\nwords-file = "words.txt"\n')
    checked = _count_checks(monkeypatch)
    _check("reply.txt", "article.md")
    checked.clear()
    change, arguments = INVALIDATIONS[cause]
    change(drafts)
    cached = _check("--output-format", "json", *arguments, "reply.txt", "article.md")
    assert "reply.txt" in checked, "a stale report was used"
    fresh = _check("--no-cache", "--output-format", "json", *arguments, "reply.txt", "article.md")
    assert fresh.exit_code in (0, 1), fresh.output  # the change itself is valid
    assert cached.stdout == fresh.stdout


def test_a_words_file_removed_after_a_run_is_an_error_not_a_stale_report(drafts: Path) -> None:
    (drafts / "words.txt").write_text("webinar\n", encoding="utf-8")
    _append(drafts / "checklist.toml", '[rules.proofread]\nwords-file = "words.txt"\n')
    assert _check("reply.txt").exit_code == 1
    (drafts / "words.txt").unlink()
    again = _check("reply.txt")
    assert again.exit_code == 2
    assert "words-file cannot be read" in again.stderr and again.stdout == ""


HIT_IMPORTS = (
    "import sys\n"
    "from empathylint.cli import main\n"
    "sys.argv = ['empathylint', 'check', *sys.argv[1:]]\n"
    "try:\n"
    "    main()\n"
    "except SystemExit:\n"
    "    pass\n"
    "heavy = ('empathylint.rules', 'empathylint.language.spelling', 'markdown_it', 'textstat',\n"
    "         'empathylint.formats', 'empathylint.gitignore', 'empathylint.cli.audit', 'empathylint.cli.servers',\n"
    "         'empathylint.overlaps', 'empathylint.language.phrase')\n"
    "print(sorted(name for name in sys.modules if name.startswith(heavy)), file=sys.stderr)\n"
    "from empathylint.language.vocabulary import data_table\n"
    "print('data tables read:', data_table.cache_info().currsize, file=sys.stderr)\n"
)


def test_a_run_answered_from_the_cache_imports_no_rule_parser_or_word_list(drafts: Path) -> None:
    """The key is computed from the configuration as written, and the layers validated
    before are not validated again: a rule, the readers, the Markdown parser and the
    language data are imported, and the shipped word lists read, only to check a file that
    is not in the cache; nor are the commands a check does not run."""
    command = [sys.executable, "-c", HIT_IMPORTS, "--jobs", "1", *FILES]
    environment = {**os.environ, **ENVIRONMENT, "PYTHONPATH": str(ROOT)}
    first = subprocess.run(command, cwd=drafts, env=environment, capture_output=True, text=True, check=True)
    assert "empathylint.rules" in first.stderr.splitlines()[-2]
    assert first.stderr.splitlines()[-1] != "data tables read: 0"
    second = subprocess.run(command, cwd=drafts, env=environment, capture_output=True, text=True, check=True)
    # Nor are the shipped lists (acronyms, placeholder words) parsed: only what rendering needs.
    assert second.stderr.splitlines()[-2:] == ["[]", "data tables read: 0"]
    assert second.stdout == first.stdout


def _count_validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the configuration layers validated from now on, in order."""
    from empathylint.config.schema import Schema

    validated: list[str] = []
    original = Schema.validate

    def counting(self: Schema, layer: Any) -> None:
        validated.append(Path(layer.path).name)
        original(self, layer)

    monkeypatch.setattr(Schema, "validate", counting)
    return validated


def test_a_layer_is_validated_once_and_a_broken_one_every_time(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    validated = _count_validations(monkeypatch)
    _check("--ignore", "jargon", "reply.txt")
    assert sorted(validated) == ["checklist.toml", "command line"]
    _check("--ignore", "jargon", "reply.txt")
    assert sorted(validated) == ["checklist.toml", "command line"], "validated again"
    _append(drafts / "checklist.toml", "[rules.thank-them]\nthanks-phrase = []\n")
    for _ in range(2):
        broken = _check("--ignore", "jargon", "reply.txt")
        assert broken.exit_code == 2 and "unknown key 'thanks-phrase'" in broken.stderr
    assert validated.count("checklist.toml") == 3


def test_a_damaged_note_of_a_validated_layer_is_ignored(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _check("reply.txt")
    (cache_file,) = _cache_files()
    assert len(_content(cache_file)["layers"]) == 1
    cache_file.write_bytes(cache_file.read_bytes()[:-3] + b"xyz")
    validated = _count_validations(monkeypatch)
    assert _check("reply.txt").exit_code == 1
    assert validated == ["checklist.toml"]
    assert _check("reply.txt").exit_code == 1
    assert validated == ["checklist.toml"], "the note was not written again"


def test_a_setting_of_another_file_keeps_this_files_report(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = _count_checks(monkeypatch)
    _check("reply.txt", "notes.txt")
    checked.clear()
    _append(drafts / "checklist.toml", '[per-file-ignores]\n"notes.txt" = ["proofread"]\n')
    _check("reply.txt", "notes.txt")
    assert checked == ["notes.txt"]


def test_a_new_version_checks_again(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = _count_checks(monkeypatch)
    _check("reply.txt")
    monkeypatch.setattr(result_cache, "__version__", "99.0.0")
    _check("reply.txt")
    assert checked == ["reply.txt", "reply.txt"]


def test_an_edited_module_changes_the_installation_fingerprint(tmp_path: Path) -> None:
    """An editable install's code change (a rule edited, added or removed) is another key."""
    package = tmp_path / "package"
    (package / "rules").mkdir(parents=True)
    rule = package / "rules" / "thank_them.py"
    rule.write_text("THANKS = 1\n", encoding="utf-8")
    before = result_cache.installation_fingerprint(package)
    rule.write_text("THANKS = 22\n", encoding="utf-8")
    edited = result_cache.installation_fingerprint(package)
    (package / "rules" / "new_rule.py").write_text("", encoding="utf-8")
    added = result_cache.installation_fingerprint(package)
    assert len({json.dumps(before), json.dumps(edited), json.dumps(added)}) == 3


def test_the_installation_fingerprint_covers_the_shipped_word_lists_and_modules() -> None:
    names = {entry[0] for entry in result_cache.installation_fingerprint()[3]}
    package = ROOT / "empathylint"
    shipped = {path.relative_to(package).as_posix() for path in package.rglob("*.txt")}
    assert shipped and shipped <= names
    assert "rules/jargon.py" in names and "result_cache.py" in names


def test_the_settings_digest_is_the_same_in_every_process(drafts: Path) -> None:
    """Sets and tables are spelled in one order: Python salts string hashes per process."""
    script = (
        "from empathylint.config import Resolver\n"
        "from empathylint.result_cache import digest\n"
        "from empathylint.rules import RULES\n"
        "config = Resolver(RULES).root\n"
        "print(digest([config.table, config.for_file('a.txt', 'reply'), config.acronyms, config.vocabulary]))\n"
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


def test_settings_that_cannot_be_digested_are_checked_every_time(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    resolver = Resolver(RULES, isolated=True)
    config = resolver.root
    monkeypatch.setitem(config.table, "undigestable", object())  # type: ignore[index]
    cache = result_cache.open_result_cache(checking.CheckOptions())
    assert cache is not None
    checked = _count_checks(monkeypatch)
    for _ in range(2):
        list(checking.check_paths(["reply.txt"], resolver, checking.CheckOptions(), cache=cache))
    assert checked == ["reply.txt", "reply.txt"]
    assert _reports() == {}


def _write_not_json_under_a_good_checksum(cache_file: Path, good: bytes) -> None:
    write_entry(cache_file, cache_file.name, b"[1, 2")


def _write_a_report_of_another_layout(cache_file: Path, good: bytes) -> None:
    def another(content: dict[str, Any]) -> None:
        content["reports"][os.path.abspath("reply.txt")][1] = {"path": "reply.txt", "findings": []}

    _rewrite(cache_file, another)


DAMAGE: dict[str, Callable[[Path, bytes], object]] = {
    "cut short": lambda entry, good: entry.write_bytes(good[: len(good) // 2]),
    "a finding changed": lambda entry, good: entry.write_bytes(good.replace(b"negative-language", b"positive")),
    "random bytes": lambda entry, good: entry.write_bytes(os.urandom(len(good))),
    "empty": lambda entry, good: entry.write_bytes(b""),
    "not a report, under a good checksum": _write_not_json_under_a_good_checksum,
    "a report of another layout, under a good checksum": _write_a_report_of_another_layout,
    "a line that is not a report's, under a good checksum": lambda cache_file, good: write_entry(
        cache_file, cache_file.name, b"[]\nnot a report\n"
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_entry_is_ignored_and_written_again(
    drafts: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    first = _check("--output-format", "json", "reply.txt")
    (cache_file,) = _cache_files()
    good = cache_file.read_bytes()
    DAMAGE[damage](cache_file, good)
    checked = _count_checks(monkeypatch)
    again = _check("--output-format", "json", "reply.txt")
    assert checked == ["reply.txt"]
    assert again.stdout == first.stdout
    assert cache_file.read_bytes() == good


def test_a_report_under_another_files_key_is_not_used(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (drafts / "clean.txt").write_text("Hi Maria,\n\nThanks for writing in.\n\nBest,\nSam\n", encoding="utf-8")
    _check("clean.txt", "reply.txt")
    (cache_file,) = _cache_files()

    def swap(content: dict[str, Any]) -> None:
        reports = content["reports"]
        reports[os.path.abspath("reply.txt")] = reports[os.path.abspath("clean.txt")]

    _rewrite(cache_file, swap)
    checked = _count_checks(monkeypatch)
    assert _check("--output-format", "concise", "reply.txt").exit_code == 1
    assert checked == ["reply.txt"]


def test_a_cache_file_copied_from_other_options_is_not_used(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _check("reply.txt")
    (plain,) = _cache_files()
    _check("--agent", "Priya", "reply.txt")
    (named,) = set(_cache_files()) - {plain}
    named.write_bytes(plain.read_bytes())  # checksummed, under the other file's name
    checked = _count_checks(monkeypatch)
    _check("--agent", "Priya", "reply.txt")
    assert checked == ["reply.txt"]
    assert _content(named)["reports"], "the file was not written again"


def test_standard_input_is_never_cached(drafts: Path) -> None:
    result = CliRunner().invoke(app, ["check", "-", "--stdin-filename", "reply.txt"], input=REPLY, env=ENVIRONMENT)
    assert result.exit_code == 1
    assert _reports() == {}


def test_a_file_that_cannot_be_read_is_not_cached(drafts: Path) -> None:
    (drafts / "broken.eml").write_bytes(b"Content-Type: image/png\n\n\x89PNG")
    assert _check("broken.eml").exit_code == 2
    assert _reports() == {}


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="needs root to give a folder away")
def test_a_cache_folder_owned_by_another_user_is_neither_read_nor_written(
    drafts: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    theirs = tmp_path / "their-cache"
    theirs.mkdir()
    os.chown(theirs, 4242, 4242)
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(theirs))
    assert result_cache.open_result_cache(checking.CheckOptions()) is None
    assert _check("reply.txt").exit_code == 1
    assert list(theirs.iterdir()) == []


def test_concurrent_runs_share_the_cache_safely(drafts: Path) -> None:
    """Three runs at once over the same files, all writing the same entries: every entry
    is whole, and a run afterwards answers everything from the cache, as a fresh check would."""
    for number in range(15):
        (drafts / f"reply-{number:02d}.txt").write_text(REPLY.replace("Friday", f"day {number}"), encoding="utf-8")
    command = [sys.executable, "-m", "empathylint", "check", "--jobs", "1", "--output-format", "json", "."]
    environment = {**os.environ, **ENVIRONMENT, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen(command, cwd=drafts, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    outputs = {run.communicate()[0] for run in runs}
    assert len(outputs) == 1
    assert len(_cache_files()) == 1 and len(_reports()) == 15 + len(FILES)
    assert not list(_cache_folder().rglob("*.tmp")), "a temporary file was left"
    fresh = subprocess.run([*command, "--no-cache"], cwd=drafts, env=environment, capture_output=True, check=False)
    assert fresh.stdout in outputs


def _old_cache_files(count: int, size: int) -> list[Path]:
    """Cache files of other projects or options, the first the least recently used."""
    results = _cache_folder() / "results"
    results.mkdir(parents=True, exist_ok=True)
    old = []
    for number in range(count):
        path = results / f"old-{number:02d}.reports"
        path.write_bytes(b"x" * size)
        os.utime(path, ns=(number * 10**9, number * 10**9))
        old.append(path)
    return old


def test_only_the_most_recently_used_cache_files_are_kept(drafts: Path) -> None:
    old = _old_cache_files(result_cache._FILES_KEPT + 3, 10)
    earlier_layout = _cache_folder() / "results" / "a-folder-of-entries"  # as versions before kept them
    earlier_layout.mkdir()
    (earlier_layout / "entry.json").write_bytes(b"{}")
    os.utime(earlier_layout, ns=(0, 0))
    _check("reply.txt")
    kept = _cache_files()
    assert len(kept) == result_cache._FILES_KEPT
    assert old[-1] in kept and old[0] not in kept
    assert not earlier_layout.exists()


def test_the_cache_stays_under_its_size_and_keeps_what_was_used_last(
    drafts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _check(*FILES)
    (current,) = _cache_files()
    size = current.stat().st_size
    old = _old_cache_files(3, size)
    limit = size * 3.5  # this project's, grown by a file, and the two used last of the others
    monkeypatch.setenv("EMPATHYLINT_CACHE_MAX_MB", str(limit / 1_048_576))
    (drafts / "new.txt").write_text("Hi Maria,\n\nIt is fixed.\n\nSam\n", encoding="utf-8")
    CliRunner().invoke(app, ["check", "new.txt"], env=ENVIRONMENT)
    remaining = _cache_files()
    assert sum(path.stat().st_size for path in remaining) <= limit
    assert current in remaining and old[2] in remaining and old[0] not in remaining
    assert len(_content(current)["reports"]) == len(FILES) + 1, "this project's other reports were dropped"


def test_a_project_past_the_size_limit_keeps_the_reports_of_its_last_run(
    drafts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _check(*FILES)
    (current,) = _cache_files()
    monkeypatch.setenv("EMPATHYLINT_CACHE_MAX_MB", str(current.stat().st_size / 2 / 1_048_576))
    (drafts / "new.txt").write_text("Hi Maria,\n\nIt is fixed.\n\nSam\n", encoding="utf-8")
    CliRunner().invoke(app, ["check", "new.txt", "reply.txt"], env=ENVIRONMENT)
    assert sorted(_reports()) == sorted(os.path.abspath(name) for name in ("new.txt", "reply.txt"))


def test_a_cache_entry_is_written_atomically_but_not_flushed_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hundreds of entries on a first run; an entry a power cut damages fails its checksum.
    from empathylint import user_cache, writing

    flushed: list[int] = []
    monkeypatch.setattr(os, "fsync", lambda descriptor: flushed.append(descriptor))
    user_cache.write_entry(tmp_path / "entry.txt", "key", b"payload")
    assert user_cache.read_entry(tmp_path / "entry.txt", "key") == b"payload"
    assert flushed == []
    writing.write_atomic(tmp_path / "report.txt", b"report")  # what the user asked for is flushed
    assert flushed
