"""`empathylint check` end to end through Typer's CliRunner: exit codes, the rich report,
flags, configuration found on disk and its errors; and once as a real subprocess."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from empathylint.cli import app
from tests.conftest import ROOT

GOOD = "Hi Maria,\n\nThanks for reaching out! Your refund is on its way.\n\nBest,\nSam\n"
BAD = "Hi there,\n\nYour refund is on its way.\n\nBest,\nSam\n"
MISSPELT = "Hi Jonh,\n\nThanks for writing in! All sorted.\n\nCheers,\nSam\n"
FINDING = re.compile(
    r"^\s*(?P<path>\S+):(?P<line>\d+):(?P<column>\d+) (?P<severity>error|warning|info)\s+(?P<rule>[\w.-]+)  \S"
)
ANSI = re.compile(r"\x1b\[")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding one good and one bad reply, with no checklist.toml above it."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, ["check", *args], env=env, input=stdin)


def findings(result: Result) -> list[re.Match[str]]:
    return [m for m in map(FINDING.match, result.stdout.splitlines()) if m]


def rules_found(result: Result) -> list[str]:
    return [m["rule"] for m in findings(result)]


# --- exit codes -------------------------------------------------------------------------


def test_clean_reply_exits_0(folder: Path) -> None:
    result = check("--isolated", "good.txt")
    assert result.exit_code == 0, result.output
    assert findings(result) == []


def test_findings_exit_1(folder: Path) -> None:
    result = check("--isolated", "good.txt", "bad.txt")
    assert result.exit_code == 1
    assert "use-their-name.generic-greeting" in rules_found(result)


def test_missing_file_is_one_line_exit_2_and_the_others_are_checked(folder: Path) -> None:
    result = check("--isolated", "bad.txt", "gone.txt")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1
    assert "gone.txt" in errors[0] and "no such file" in errors[0]
    assert "Traceback" not in result.output
    assert "bad.txt:1:1" in result.stdout


def test_usage_error_exits_2(folder: Path) -> None:
    result = check("--isolated", "--fail-on", "loud", "good.txt")
    assert result.exit_code == 2
    assert "loud" in result.stderr


# --- the report -------------------------------------------------------------------------


def test_report_shows_finding_excerpt_checklist_verdict_and_summary(folder: Path) -> None:
    result = check("--isolated", "good.txt", "bad.txt")
    out = result.stdout
    lines = out.splitlines()
    assert any(line.startswith("bad.txt") and "(reply · email)" in line for line in lines), out
    [finding] = [m for m in findings(result) if m["rule"] == "use-their-name.generic-greeting"]
    where = (finding["path"], finding["line"], finding["column"], finding["severity"])
    assert where == ("bad.txt", "1", "1", "warning")
    assert '"Hi there," has no name; greet the customer by name.' in out
    excerpt = lines.index(next(line for line in lines if line.endswith("│ Hi there,")))
    assert lines[excerpt].strip().startswith("1 │")
    underline = lines[excerpt + 1]
    assert underline.strip() == "│ ^^^^^^^^^"
    assert underline.index("^") == lines[excerpt].index("H")
    assert lines[excerpt + 2].strip() == "→ Hi <customer's name>,"  # the rewrite on its own line
    checklists = [line for line in lines if line.strip().startswith("Checklist")]
    assert len(checklists) == 2
    # what failed, by name; what was met, counted
    assert re.fullmatch(r"  Checklist  ✗ their name  ✗ thanks  · \d+ of \d+ met", checklists[1]), checklists[1]
    assert re.fullmatch(r"  Checklist  ✓ all \d+ met", checklists[0]), checklists[0]
    assert "Ready to send." in out
    assert "2 things to fix before sending." in out
    assert lines[-1] == "2 files · 2 findings (2 warnings) · 1 ready to send"


def test_no_ansi_codes_when_not_a_terminal(folder: Path) -> None:
    result = check("--isolated", "bad.txt")
    assert not ANSI.search(result.stdout)


def test_no_color_wins_over_force_color(folder: Path) -> None:
    coloured = check("--isolated", "bad.txt", env={"FORCE_COLOR": "1"})
    assert ANSI.search(coloured.stdout), "FORCE_COLOR should colour the report"
    plain = check("--isolated", "bad.txt", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not ANSI.search(plain.stdout)


def test_quiet_prints_the_findings_only(folder: Path) -> None:
    result = check("--isolated", "--quiet", "good.txt", "bad.txt")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines and all(FINDING.match(line) for line in lines), lines


# --- flags ------------------------------------------------------------------------------


def test_select_and_ignore(folder: Path) -> None:
    assert rules_found(check("--isolated", "--select", "thank-them", "bad.txt")) == ["thank-them.missing-thanks"]
    ignored = rules_found(check("--isolated", "--ignore", "thank-them,use-their-name.generic-greeting", "bad.txt"))
    assert "thank-them.missing-thanks" not in ignored
    assert "use-their-name.generic-greeting" not in ignored


def test_unknown_rule_in_select_exits_2(folder: Path) -> None:
    result = check("--isolated", "--select", "use-their-nam", "bad.txt")
    assert result.exit_code == 2
    assert "use-their-nam" in result.stderr


def test_fail_on_and_exit_zero(folder: Path) -> None:
    assert check("--isolated", "--fail-on", "error", "bad.txt").exit_code == 0
    result = check("--isolated", "--exit-zero", "bad.txt")
    assert result.exit_code == 0
    assert findings(result)


def test_customer_name_catches_a_misspelling(folder: Path) -> None:
    (folder / "jonh.txt").write_text(MISSPELT, encoding="utf-8")
    assert check("--isolated", "jonh.txt").exit_code == 0
    result = check("--isolated", "--customer", "John", "jonh.txt")
    assert result.exit_code == 1
    assert rules_found(result) == ["use-their-name.misspelt-name"]
    assert "→ John" in result.stdout
    assert "customer John" in result.stdout


def test_agent_name_checks_the_sign_off(folder: Path) -> None:
    result = check("--isolated", "--agent", "Zoë", "good.txt")
    assert rules_found(result) == ["use-your-name.wrong-name"]
    assert "→ Zoë" in result.stdout


def test_profile_template_wants_placeholders(folder: Path) -> None:
    result = check("--isolated", "--profile", "template", "good.txt")
    assert "use-their-name.name-in-template" in rules_found(result)
    assert "(template" in result.stdout
    assert findings(check("--isolated", "--profile", "doc", "bad.txt")) == []


def test_standard_input(folder: Path) -> None:
    result = check("--isolated", "-", stdin=BAD)
    assert result.exit_code == 1
    assert "<stdin>:1:1" in result.stdout
    clean = check("--isolated", "-", stdin=GOOD)
    assert clean.exit_code == 0


# --- configuration on disk ----------------------------------------------------------------


def test_checklist_found_from_the_current_folder_upwards(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "checklist.toml").write_text('ignore = ["thank-them"]\n', encoding="utf-8")
    nested = folder / "replies" / "2026"
    nested.mkdir(parents=True)
    (nested / "bad.txt").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(nested)
    assert rules_found(check("bad.txt")) == ["use-their-name.generic-greeting"]
    assert "thank-them.missing-thanks" in rules_found(check("--isolated", "bad.txt"))


def test_tool_section_in_pyproject(folder: Path) -> None:
    (folder / "pyproject.toml").write_text(
        '[project]\nname = "replies"\n\n[tool.empathylint]\nfail-on = "error"\n\n'
        '[tool.empathylint.rules.use-your-name]\nsignature = "added-by-helpdesk"\n',
        encoding="utf-8",
    )
    (folder / "unsigned.txt").write_text("Hi Maria,\n\nThanks for writing in! Done.\n", encoding="utf-8")
    result = check("unsigned.txt", "bad.txt")
    assert result.exit_code == 0, result.output
    assert "use-your-name.missing-sign-off" not in rules_found(result)


def test_config_file_option(folder: Path) -> None:
    config = folder / "strict.toml"
    config.write_text('[severity]\n"use-their-name" = "error"\n', encoding="utf-8")
    result = check("--isolated", "--config", str(config), "bad.txt")
    [greeting] = [m for m in findings(result) if m["rule"].startswith("use-their-name")]
    assert greeting["severity"] == "error"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('fail-on = "warning"\nloudness = 3\n', ("loudness", ":2")),
        ('[rules.thank-them]\nopening-sentences = "two"\n', ("opening-sentences", ":2")),
        ("[rules.thank-them]\nopening-sentence = 2\n", ("opening-sentence", ":2")),
        ('ignore = ["thank-them", "no-such-rule"]\n', ("no-such-rule", ":1")),
        ("[rules.no-such-group]\n", ("no-such-group", ":1")),
        ('fail-on = "warning\n', ("checklist.toml:1",)),
    ],
    ids=["unknown key", "wrong type", "misspelt setting", "unknown rule id", "unknown rule group", "broken TOML"],
)
def test_config_errors_name_file_key_and_line(folder: Path, content: str, expected: tuple[str, ...]) -> None:
    (folder / "checklist.toml").write_text(content, encoding="utf-8")
    result = check("good.txt")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1, errors
    assert "checklist.toml" in errors[0]
    for part in expected:
        assert part in errors[0], errors[0]
    assert "Traceback" not in result.output


# --- a real process ------------------------------------------------------------------------


def test_python_m_empathylint_on_the_examples() -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "empathylint", "check"]
    bad = subprocess.run([*command, "examples/"], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 1, bad.stderr
    assert "examples/refund-bad.txt:1:1 warning use-their-name.impersonal-greeting" in bad.stdout
    assert "examples/templates/shipping-delay.txt:1:4 warning use-their-name.name-in-template" in bad.stdout
    assert "(template" in bad.stdout and "(doc" in bad.stdout
    assert not ANSI.search(bad.stdout)
    good = subprocess.run([*command, "examples/good/"], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert good.returncode == 0, good.stdout + good.stderr
    summary = re.fullmatch(r"(\d+) files · .* · (\d+) ready to send", good.stdout.rstrip().splitlines()[-1])
    assert summary is not None and summary[1] == summary[2], good.stdout


def test_the_console_script_flushes_its_streams_and_keeps_exit_codes(tmp_path: Path) -> None:
    """The console script loses no output and keeps the exit codes (stdout, stderr, --output-file)."""
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    command = [sys.executable, "-m", "empathylint", "check", "--isolated"]
    env = {**os.environ, "NO_COLOR": "1"}
    missing = subprocess.run([*command, "bad.txt", "gone.txt"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert missing.returncode == 2
    assert missing.stderr == "empathylint: error: gone.txt: no such file or directory\n"
    assert missing.stdout.rstrip().endswith("1 file could not be read")  # the report was flushed too
    to_file = subprocess.run(
        [*command, "--output-format", "json", "--output-file", "report.json", "bad.txt"], cwd=tmp_path, env=env
    )
    assert to_file.returncode == 1
    assert '"findings"' in (tmp_path / "report.json").read_text(encoding="utf-8")
    # A reader that stops early (`| head -1`) gets its line, and no traceback follows.
    head = subprocess.run(
        f"{sys.executable} -m empathylint check --isolated bad.txt | head -1",
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )
    assert head.stdout.startswith("bad.txt") and "Traceback" not in head.stderr


def test_lsp_help_names_the_extra_to_install_whole() -> None:
    # rich reads "[lsp]" as markup and would drop it from the install command.
    result = CliRunner().invoke(app, ["lsp", "--help"], env={"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"})
    assert result.exit_code == 0
    assert "pip install 'empathylint[lsp]'" in result.output


def test_the_format_names_in_checks_help_are_the_readers_and_exports() -> None:
    """`check` names the readers and helpdesk exports without importing them (a run answered
    from the result cache reads no file)."""
    from empathylint.cli.options import EXPORT_FORMATS, READ_FORMATS
    from empathylint.formats import FORMATS
    from empathylint.formats.helpdesk import INPUT_FORMATS

    assert (READ_FORMATS, EXPORT_FORMATS) == (FORMATS, INPUT_FORMATS)
