"""The Python API: `check_text`, `check_file` and `Settings` find what `empathylint check`
finds, take the same settings, raise clear errors, apply the same fixes, and load neither
typer nor rich."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import empathylint
from empathylint import ConfigError, InputError, Settings, Severity, check_file, check_text
from empathylint.cli import app

DRAFT = (
    "Hi there,\n\n"
    "Unfortunately you failed to enter the the code, so the order is basically stuck.\n"
    "Please resend it  and we will look again.\n\n"
    "Thanks,\nThe Support Team\n"
)
UPSET = "This is the THIRD time I am asking!! I am furious, your product is useless and I want my money back."
CALM_REPLY = (
    "Hi Maria,\n\nThanks for writing. I have sent a new code to your email, and it should arrive within "
    "five minutes.\n\nSam\n"
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cli_json(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["check", "--isolated", "--output-format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def as_json_finding(diagnostic: empathylint.Diagnostic, text: str) -> dict[str, Any]:
    """A Diagnostic in the JSON report's shape, built from its public fields only."""

    def location(offset: int) -> dict[str, int]:
        before = text[:offset]
        return {"line": before.count("\n") + 1, "column": offset - (before.rfind("\n") + 1) + 1, "offset": offset}

    fix = diagnostic.fix
    return {
        "rule": diagnostic.rule_id,
        "severity": diagnostic.severity.label,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": diagnostic.end_line,
        "end_column": diagnostic.end_column,
        "message": diagnostic.message,
        "suggestion": diagnostic.suggestion,
        "fix": None
        if fix is None
        else {
            "applicability": "safe" if fix.safe else "unsafe",
            "edits": [
                {"content": edit.replacement, "location": location(edit.start), "end_location": location(edit.end)}
                for edit in fix.edits
            ],
        },
    }


# --- the same findings as the CLI -------------------------------------------------------------


@pytest.mark.parametrize(("name", "text_format"), [("draft.txt", "plain"), ("draft.md", "markdown")])
def test_findings_equal_the_cli_json(folder: Path, name: str, text_format: Any) -> None:
    (folder / name).write_text(DRAFT, encoding="utf-8")
    [cli_file] = cli_json("--customer", "Maria", "--agent", "Sam", name)["files"]

    from_text = check_text(DRAFT, customer_name="Maria", agent_name="Sam", format=text_format)
    from_file = check_file(name, customer_name="Maria", agent_name="Sam")

    assert cli_file["findings"], "the draft is meant to have findings"
    for report in (from_text, from_file):
        assert [as_json_finding(d, DRAFT) for d in report.diagnostics] == cli_file["findings"]
        assert dict(report.scorecard) == cli_file["scorecard"]
        assert report.ready_to_send is cli_file["ready_to_send"] is False
        assert report.profile == cli_file["profile"]
    assert from_file.to_dict() == cli_file
    assert from_file.path == name


def test_a_clean_reply_is_ready_to_send() -> None:
    report = check_text(CALM_REPLY)
    assert report.ready_to_send
    assert report.diagnostics == ()
    assert report.scorecard["send"] == "met"


def test_diagnostics_are_immutable() -> None:
    [first, *_] = check_text(DRAFT).diagnostics
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.message = "changed"  # type: ignore[misc]
    assert DRAFT[first.start : first.end]  # the span is into the text checked
    assert isinstance(first.severity, Severity)


def test_the_customer_message_is_context() -> None:
    calm = check_text(CALM_REPLY)
    upset = check_text(CALM_REPLY, customer_message=UPSET)
    assert "acknowledge-feelings.missing-acknowledgement" not in {d.rule_id for d in calm.diagnostics}
    assert "acknowledge-feelings.missing-acknowledgement" in {d.rule_id for d in upset.diagnostics}
    assert not upset.ready_to_send


def test_a_customer_message_beside_a_file_is_read(folder: Path) -> None:
    (folder / "reply.txt").write_text(CALM_REPLY, encoding="utf-8")
    (folder / "reply.customer.txt").write_text(UPSET, encoding="utf-8")
    assert not check_file(folder / "reply.txt").ready_to_send


# --- settings ----------------------------------------------------------------------------------


def test_select_and_ignore() -> None:
    only_proofread = check_text(DRAFT, settings=Settings(select=("proofread",)))
    assert only_proofread.diagnostics
    assert all(d.rule_id.startswith("proofread.") for d in only_proofread.diagnostics)

    everything = {d.rule_id for d in check_text(DRAFT).diagnostics}
    without = {d.rule_id for d in check_text(DRAFT, settings=Settings(ignore=("negative-language",))).diagnostics}
    assert any(rule_id.startswith("negative-language.") for rule_id in everything)
    assert without == {rule_id for rule_id in everything if not rule_id.startswith("negative-language.")}
    # a list, or one rule as a string, is taken as the command line's comma-separated flags are
    assert check_text(DRAFT, settings=Settings(select=["proofread"])).diagnostics == only_proofread.diagnostics
    assert check_text(DRAFT, settings=Settings(select="proofread")).diagnostics == only_proofread.diagnostics


def test_fail_on_decides_ready_to_send() -> None:
    text = "Hi Maria,\n\nThanks for writing. I have sent the the code again.\n\nSam\n"
    assert not check_text(text).ready_to_send
    lenient = check_text(text, settings=Settings(fail_on="error"))
    assert lenient.ready_to_send
    assert lenient.diagnostics  # still reported, only not blocking
    assert lenient.blocking == ()


def test_profile_override() -> None:
    as_reply = check_text(DRAFT)
    as_doc = check_text(DRAFT, profile="doc")
    assert (as_reply.profile, as_doc.profile) == ("reply", "doc")
    assert any(d.rule_id.startswith("use-their-name.") for d in as_reply.diagnostics)
    assert not any(d.rule_id.startswith("use-their-name.") for d in as_doc.diagnostics)
    assert check_text(DRAFT, settings=Settings(profile="doc")).diagnostics == as_doc.diagnostics


def test_a_checklist_file_and_the_nearest_to_a_folder(tmp_path: Path) -> None:
    checklist = tmp_path / "checklist.toml"
    checklist.write_text('[severity]\n"proofread.repeated-word" = "error"\n', encoding="utf-8")
    (tmp_path / "replies").mkdir()

    def severity(settings: Settings | None) -> Severity:
        report = check_text("Hi Maria,\n\nThanks. I sent the the code.\n\nSam\n", settings=settings)
        [repeated] = [d for d in report.diagnostics if d.rule_id == "proofread.repeated-word"]
        return repeated.severity

    assert severity(None) is Severity.WARNING
    assert severity(Settings(config=checklist)) is Severity.ERROR
    assert severity(Settings(folder=tmp_path / "replies")) is Severity.ERROR
    quieter = {"severity": {"proofread.repeated-word": "info"}}
    assert severity(Settings(folder=tmp_path / "replies", overrides=quieter)) is Severity.INFO


def test_replace_makes_a_changed_copy() -> None:
    strict = Settings(fail_on="info")
    lenient = strict.replace(fail_on="error")
    assert (strict.severity_to_fail, lenient.severity_to_fail) == (Severity.INFO, Severity.ERROR)


# --- errors ------------------------------------------------------------------------------------


def test_bad_config_raises_config_error(tmp_path: Path) -> None:
    checklist = tmp_path / "checklist.toml"
    checklist.write_text('fail-on = "warning"\nprofile = "memo"\n', encoding="utf-8")
    with pytest.raises(
        ConfigError, match=r"checklist\.toml:2: profile must be one of 'reply', 'template', 'doc', not 'memo'"
    ):
        Settings(config=checklist)
    with pytest.raises(ConfigError, match="cannot be read: No such file"):
        Settings(config=tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match="no such folder"):
        Settings(folder=tmp_path / "missing")
    with pytest.raises(ConfigError, match=r"^Settings: unknown rule id 'no-such-rule' in select"):
        Settings(select=("no-such-rule",))
    with pytest.raises(ConfigError, match=r"^Settings: fail-on must be one of 'error', 'warning', 'info', not 'loud'"):
        Settings(fail_on="loud")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=r"profile must be one of .*, not 'memo'"):
        check_text(DRAFT, profile="memo")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="unknown format 'pdf'"):
        check_text(DRAFT, format="pdf")  # type: ignore[arg-type]


def test_unreadable_input_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file or directory"):
        check_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        check_file(tmp_path)
    (tmp_path / "latin1.txt").write_bytes("Hi Ren\xe9e,\n".encode("latin-1"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        check_file(tmp_path / "latin1.txt")
    with pytest.raises(InputError, match="nothing to check"):
        check_text("   \n")


# --- fixes -------------------------------------------------------------------------------------


def test_apply_fixes_equals_the_cli_fix(folder: Path) -> None:
    (folder / "draft.txt").write_text(DRAFT, encoding="utf-8")
    fixed = check_file("draft.txt").apply_fixes()
    assert (folder / "draft.txt").read_text(encoding="utf-8") == DRAFT  # the API writes nothing
    CliRunner().invoke(app, ["check", "--isolated", "--fix", "draft.txt"])
    fixed_by_cli = (folder / "draft.txt").read_text(encoding="utf-8")

    assert fixed.changed
    assert fixed.text == fixed_by_cli != DRAFT
    assert "the the" not in fixed.text
    assert fixed.applied["proofread.repeated-word"] == 1
    assert "proofread.repeated-word" not in {d.rule_id for d in fixed.report.diagnostics}
    assert fixed.report.text == fixed.text
    assert check_file("draft.txt").apply_fixes().changed is False  # nothing safe left


def test_unsafe_fixes_go_further() -> None:
    report = check_text(DRAFT)
    safe, unsafe = report.apply_fixes(), report.apply_fixes(unsafe=True)
    assert "Unfortunately" in safe.text
    assert "Unfortunately" not in unsafe.text
    assert sum(unsafe.applied.values()) > sum(safe.applied.values())


# --- what importing costs ----------------------------------------------------------------------


def test_the_api_loads_neither_typer_nor_rich(tmp_path: Path) -> None:
    script = (
        "import sys, empathylint\n"
        "report = empathylint.check_text('Hi Maria,\\n\\nThanks for writing. I sent the the code.\\n\\nSam\\n')\n"
        "report.apply_fixes(); report.to_dict()\n"
        "assert report.diagnostics, report\n"
        "print(sorted(name for name in ('typer', 'rich', 'click') if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=os.environ.copy(), timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_names_are_exported() -> None:
    for name in empathylint.__all__:
        assert getattr(empathylint, name) is not None
    with pytest.raises(AttributeError):
        empathylint.no_such_name  # noqa: B018


def test_the_readme_webhook_example_runs() -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    marker = "<!-- webhook example: tests/test_api.py runs this block -->\n```python\n"
    code = readme.split(marker, 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    answer = namespace["review_draft"](DRAFT, UPSET, "Maria", "Sam")
    assert answer["ready_to_send"] is False
    assert {"line", "rule", "severity", "message", "suggestion"} <= set(answer["findings"][0])
    assert "the the" not in answer["fixed_draft"]
    assert namespace["review_draft"](CALM_REPLY, "Could you resend my code?", "Maria", "Sam")["ready_to_send"]


@pytest.mark.slow
def test_a_program_using_the_api_is_type_checked(tmp_path: Path) -> None:
    """py.typed: mypy reads the API's hints in a program that uses it, and catches a misuse."""
    program = tmp_path / "bot.py"
    program.write_text(
        "from empathylint import Report, Settings, check_text\n\n\n"
        "def ready(draft: str) -> bool:\n"
        '    report: Report = check_text(draft, settings=Settings(fail_on="error"), format="markdown")\n'
        "    lines: list[int] = [d.line for d in report.diagnostics]\n"
        "    return report.ready_to_send and not lines\n\n\n"
        'typo = check_text("Hi").ready_to_sent\n',
        encoding="utf-8",
    )
    mypy = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), str(program)]
    result = subprocess.run(mypy, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert result.stdout.count("error:") == 1, result.stdout + result.stderr
    assert 'bot.py:10: error: "Report" has no attribute "ready_to_sent"' in result.stdout


# --- the channel --------------------------------------------------------------------------------

UNSIGNED = "Hi Maria,\n\nThanks for writing. I have sent a new code to your email, and it should arrive soon.\n"


def test_the_channel_as_the_cli_takes_it(folder: Path) -> None:
    """Unsigned is a warning by email and a nicety in chat, as `check --channel` says."""
    (folder / "unsigned.txt").write_text(UNSIGNED, encoding="utf-8")
    for channel in ("email", "chat", "social"):
        [cli_file] = cli_json("--channel", channel, "unsigned.txt")["files"]
        from_text = check_text(UNSIGNED, channel=channel)  # type: ignore[arg-type]
        from_settings = check_text(UNSIGNED, settings=Settings(channel=channel))  # type: ignore[arg-type]
        from_file = check_file("unsigned.txt", channel=channel)  # type: ignore[arg-type]
        for report in (from_text, from_settings, from_file):
            assert report.channel == channel
            assert [as_json_finding(d, UNSIGNED) for d in report.diagnostics] == cli_file["findings"]
            assert report.ready_to_send is cli_file["ready_to_send"] is (channel != "email")
    assert check_text(UNSIGNED).channel == "email"  # the default
    assert check_text(UNSIGNED, profile="doc").channel is None  # a help article is sent nowhere
    # a channel given to the call wins over the settings' and keeps their other values
    strict_chat = Settings(channel="email", fail_on="info")
    assert check_text(UNSIGNED, settings=strict_chat, channel="chat").ready_to_send is False
    with pytest.raises(ConfigError, match="channel must be one of"):
        check_text(UNSIGNED, channel="fax")  # type: ignore[arg-type]
