"""The channel a reply is sent on (email, chat, social): chosen by --channel, by the
[channels.*] globs or the top-level `channel` of checklist.toml, shown in the report, and
fitting the checklist to the channel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from empathylint.cli import app
from empathylint.diagnostics import Severity
from tests.conftest import lint_text

# A public reply as agents post them: the customer's handle, a link, initials.
SOCIAL_REPLY = "@lena_m Your parcel left our depot this morning: https://example.com/track ^RB\n"


def check(*args: str) -> Result:
    return CliRunner().invoke(app, ["check", *args])


def files_of(result: Result) -> dict[str, dict[str, object]]:
    return {entry["path"]: entry for entry in json.loads(result.stdout)["files"]}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "twitter").mkdir()
    (tmp_path / "twitter" / "parcel.txt").write_text(SOCIAL_REPLY, encoding="utf-8")
    (tmp_path / "parcel.txt").write_text(SOCIAL_REPLY, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "returns.md").write_text("# Returns\n\nSend the parcel back within 30 days.\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_channel_comes_from_the_globs_and_shows_in_the_json(folder: Path) -> None:
    (folder / "checklist.toml").write_text('[channels.social]\ninclude = ["twitter/"]\n', encoding="utf-8")
    files = files_of(check("--output-format", "json", "twitter/parcel.txt", "parcel.txt", "docs/returns.md"))
    assert files["twitter/parcel.txt"]["channel"] == "social"
    assert files["parcel.txt"]["channel"] == "email"
    assert files["docs/returns.md"]["channel"] is None  # a help article is not sent anywhere


def test_the_flag_wins_over_globs_and_the_default(folder: Path) -> None:
    (folder / "checklist.toml").write_text('channel = "chat"\n[channels.social]\ninclude = ["twitter/"]\n', "utf-8")
    assert files_of(check("--output-format", "json", "parcel.txt"))["parcel.txt"]["channel"] == "chat"
    flagged = files_of(check("--output-format", "json", "--channel", "email", "twitter/parcel.txt"))
    assert flagged["twitter/parcel.txt"]["channel"] == "email"


def test_the_report_header_names_the_channel(folder: Path) -> None:
    result = check("--isolated", "--channel", "social", "parcel.txt")
    assert "parcel.txt  (reply · social)" in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--channel", "fax"), "command line: channel must be one of 'email', 'chat', 'social', 'notice', not 'fax'"),
        (("--config", "bad.toml"), "bad.toml:1: unknown channel 'pager'"),
    ],
)
def test_an_unknown_channel_is_a_configuration_error(folder: Path, args: tuple[str, ...], message: str) -> None:
    (folder / "bad.toml").write_text('[channels.pager]\ninclude = ["pager/"]\n', encoding="utf-8")
    result = check("--isolated", *args, "parcel.txt")
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_social_reply_signed_with_initials_and_no_thanks_is_ready_to_send() -> None:
    social = lint_text(SOCIAL_REPLY, select=("use-their-name", "use-your-name", "thank-them"), channel="social")
    assert [(d.rule_id, d.severity) for d in social.diagnostics] == [("thank-them.missing-thanks", Severity.INFO)]
    assert social.ready_to_send(Severity.WARNING)


def test_the_same_text_as_an_email_is_not() -> None:
    email = lint_text(SOCIAL_REPLY, select=("use-your-name", "thank-them"), channel="email")
    assert {(d.rule_id, d.severity) for d in email.diagnostics} == {
        ("thank-them.missing-thanks", Severity.WARNING),
        ("use-your-name.missing-sign-off", Severity.WARNING),
    }


def test_a_missing_signature_on_social_is_a_hint() -> None:
    unsigned = lint_text(
        "@lena_m Your parcel left our depot this morning.\n", select=("use-your-name",), channel="social"
    )
    assert [(d.rule_id, d.severity) for d in unsigned.diagnostics] == [
        ("use-your-name.missing-sign-off", Severity.INFO)
    ]


def test_a_configured_severity_still_wins_on_every_channel() -> None:
    overrides = {"severity": {"thank-them": "error"}}
    social = lint_text(SOCIAL_REPLY, select=("thank-them",), channel="social", overrides=overrides)
    assert [d.severity for d in social.diagnostics] == [Severity.ERROR]


def test_the_python_api_takes_a_channel() -> None:
    from empathylint.api import Settings

    assert Settings(channel="social").internal_config.default_channel == "social"


NOTICE = "Hello,\n\nYour subscription renews on 1 May. You can change your plan from the billing page.\n"


def test_a_notice_needs_no_name_signature_or_thanks_to_be_ready() -> None:
    notice = lint_text(NOTICE, select=("use-their-name", "use-your-name", "thank-them"), channel="notice")
    assert [(d.rule_id, d.severity) for d in notice.diagnostics] == [("use-their-name.generic-greeting", Severity.INFO)]
    assert notice.ready_to_send(Severity.WARNING)
    as_email = lint_text(NOTICE, select=("use-your-name", "thank-them"), channel="email")
    assert not as_email.ready_to_send(Severity.WARNING)


def test_the_notice_folders_are_notices_by_default(folder: Path) -> None:
    (folder / "notices").mkdir()
    (folder / "notices" / "renewal.txt").write_text(NOTICE, encoding="utf-8")
    files = files_of(check("--isolated", "--output-format", "json", "notices/renewal.txt"))
    assert files["notices/renewal.txt"]["channel"] == "notice"
    assert files["notices/renewal.txt"]["ready_to_send"]
