"""The other commands: rules (table and JSON), explain (docs and settings in force), init
(templates, refusing to overwrite), --version and shell completion; and the exit codes of
`check` as a real subprocess sees them."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from empathylint import __version__, cli
from empathylint.cli import app
from empathylint.config import Resolver
from empathylint.rules import RULES
from empathylint.templates import TEMPLATES, template_text

runner = CliRunner()


@pytest.fixture(autouse=True)
def plain(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(tmp_path)


def test_rules_table_lists_every_rule_id() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    for rule in RULES:
        for rule_id in rule.ids:
            assert rule_id in result.stdout


def test_rules_json() -> None:
    result = runner.invoke(app, ["rules", "--output-format", "json"])
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert [row["id"] for row in document["rules"]] == [rule_id for rule in RULES for rule_id in rule.ids]
    first = document["rules"][0]
    assert set(first) >= {"id", "checklist_item", "severity", "profiles", "fix", "summary"}


def test_explain_shows_docs_and_settings_in_force(tmp_path: Path) -> None:
    (tmp_path / "checklist.toml").write_text('[rules.use-your-name]\nsignature = "added-by-helpdesk"\n')
    result = runner.invoke(app, ["explain", "use-your-name.team-signature"])
    assert result.exit_code == 0, result.output
    for heading in ("What it does:", "Why it matters:", "Example:", "Use instead:"):
        assert heading in result.stdout
    assert "use-your-name.team-signature" in result.stdout
    assert 'signature = "added-by-helpdesk"' in result.stdout
    assert "checklist.toml" in result.stdout


def test_explain_unknown_rule() -> None:
    result = runner.invoke(app, ["explain", "be-nice"])
    assert result.exit_code == 2
    assert "unknown rule 'be-nice'" in result.output


@pytest.mark.parametrize("template", TEMPLATES)
def test_init_writes_a_valid_checklist_and_refuses_to_overwrite(tmp_path: Path, template: str) -> None:
    result = runner.invoke(app, ["init", "--template", template])
    assert result.exit_code == 0, result.output
    written = tmp_path / "checklist.toml"
    assert written.read_text(encoding="utf-8") == template_text(template)
    config = Resolver(RULES, cwd=tmp_path, config_file=written).root
    assert config.default_profile == template  # a template is named like the profile it checks with

    written.write_text("# mine\n")
    refused = runner.invoke(app, ["init", "--template", template])
    assert refused.exit_code == 2
    assert "already exists; use --force" in refused.output
    assert written.read_text() == "# mine\n"
    assert runner.invoke(app, ["init", "--template", template, "--force"]).exit_code == 0
    assert written.read_text(encoding="utf-8") == template_text(template)


def test_init_unknown_template() -> None:
    result = runner.invoke(app, ["init", "--template", "tweets"])
    assert result.exit_code == 2
    assert not Path("checklist.toml").exists()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.stdout.strip() == f"empathylint {__version__}"


def test_show_completion_prints_a_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "empathylint", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "complete" in result.stdout and "empathylint" in result.stdout


GOOD = "Hi Maria,\n\nThanks for reaching out! Your refund is on its way.\n\nBest,\nSam\n"
BAD = "Hi there,\n\nThanks for reaching out! Your refund is on its way.\n\nBest,\nSam\n"


@pytest.mark.parametrize(
    ("text", "args", "code"),
    [
        (GOOD, [], 0),
        (BAD, [], 1),
        (BAD, ["--exit-zero"], 0),
        (BAD, ["--fail-on", "error"], 0),
        (BAD, ["--output-format", "json"], 1),
        (BAD, ["--output-format", "nonsense"], 2),
        (BAD, ["--diff", "--unsafe-fixes", "--customer", "Maria"], 1),
        (BAD, ["--diff", "--customer", "Maria"], 0),
        (GOOD, ["--diff"], 0),
    ],
)
def test_exit_codes_in_a_subprocess(tmp_path: Path, text: str, args: list[str], code: int) -> None:
    (tmp_path / "reply.txt").write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "empathylint", "check", "--isolated", "--select", "use-their-name", *args, "reply.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == code, result.stdout + result.stderr
    assert (tmp_path / "reply.txt").read_text(encoding="utf-8") == text


@pytest.mark.parametrize("columns", ["40", "80", "200"])
def test_rules_never_cuts_a_rule_id(columns: str) -> None:
    result = runner.invoke(app, ["rules"], env={"COLUMNS": columns})
    assert result.exit_code == 0
    tokens = set(result.stdout.split())
    missing = [rule_id for rule in RULES for rule_id in rule.ids if rule_id not in tokens]
    assert not missing, f"cut at {columns} columns: {missing}"
    assert "…" not in result.stdout


@pytest.mark.parametrize("group", [rule.group for rule in RULES])
def test_explain_prints_settings_that_paste_into_checklist_toml(group: str) -> None:
    """At 40 columns too: no value is wrapped in the middle of a string."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    result = runner.invoke(app, ["explain", group, "--isolated"], env={"COLUMNS": "40"})
    assert result.exit_code == 0, result.output
    pasted = result.stdout[result.stdout.index("# Settings in force") :]
    settings = tomllib.loads(pasted)["rules"][group]
    config = Resolver(
        RULES, isolated=True, overrides={"rules": {group: {k: v for k, v in settings.items() if k != "profiles"}}}
    ).root
    assert config.rule_settings[group] == Resolver(RULES, isolated=True).root.rule_settings[group]


@pytest.mark.parametrize(("old", "new"), [("canned", "template"), ("docs", "doc")])
def test_init_still_takes_the_first_release_names(tmp_path: Path, old: str, new: str) -> None:
    result = runner.invoke(app, ["init", "--template", old])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "checklist.toml").read_text(encoding="utf-8") == template_text(new)


def test_the_console_script_collects_garbage_less_often(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A run keeps what it builds to the end, so the console script sets the collector's
    thresholds above the interpreter's defaults; importing the package (the Python API)
    leaves them alone."""
    before = gc.get_threshold()
    assert cli.GC_THRESHOLDS[0] > before[0]
    monkeypatch.setattr(sys, "argv", ["empathylint", "--version"])
    try:
        with pytest.raises(SystemExit) as stopped:
            cli.main()
        assert stopped.value.code == 0
        assert gc.get_threshold() == cli.GC_THRESHOLDS
    finally:
        gc.set_threshold(*before)
    assert capsys.readouterr().out == f"empathylint {__version__}\n"


def test_the_command_line_package_loads_no_typer_before_the_console_script_runs() -> None:
    """The console script sets the thresholds before typer and the application load (their
    import ran 30 collections with the defaults): importing the package imports neither."""
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, empathylint.cli; print(sorted({'typer', 'empathylint.cli.application'} & set(sys.modules)))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout == "[]\n"
