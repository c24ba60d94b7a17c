"""`empathylint audit` end to end: the figures a QA lead reads, worked out by hand for the
fixtures (tests/fixtures/audit/expected.toml), in every output format, with bad rows,
unreadable exports and the exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from empathylint.cli import app
from tests.conftest import FIXTURES, tomllib

AUDIT = FIXTURES / "audit"
EXPECTED = tomllib.loads((AUDIT / "expected.toml").read_text(encoding="utf-8"))
RENAMED_COLUMNS = (
    "--reply-column", "Outgoing", "--customer-message-column", "Incoming", "--agent-column", "Who",
    "--macro-column", "Canned", "--date-column", "When", "--id-column", "Key",
)  # fmt: skip
EXPORTS = {"replies.jsonl": (), "replies.csv": (), "renamed.csv": RENAMED_COLUMNS}


@pytest.fixture
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixtures copied into the working folder, so paths print short and stable."""
    for fixture in AUDIT.iterdir():
        shutil.copy(fixture, tmp_path / fixture.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def audit(*args: str) -> Any:
    return CliRunner().invoke(app, ["audit", "--jobs", "1", *args])


def audit_json(*args: str) -> tuple[dict[str, Any], Any]:
    result = audit("--output-format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document, result


# --- the figures -----------------------------------------------------------------------------


@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_the_figures_of_each_export(exports: Path, export: str) -> None:
    summary, result = audit_json(export, *EXPORTS[export])
    assert result.exit_code == 1  # not every reply is ready to send
    assert (summary["replies"], summary["ready_to_send"], summary["bad_rows"]) == (
        EXPECTED["replies"],
        EXPECTED["ready"],
        EXPECTED["bad_rows"],
    )
    assert summary["period"] == {"first": EXPECTED["first_date"], "last": EXPECTED["last_date"]}
    assert summary["channels"] == EXPECTED["channels"]
    for section, key in (("agents", "agents"), ("macros", "macros")):
        found = {group["name"]: [group["replies"], group["ready_to_send"]] for group in summary[section]}
        assert found == EXPECTED[key], section
    for item, (met, not_met) in EXPECTED["items"].items():
        assert (summary["items"][item]["met"], summary["items"][item]["not_met"]) == (met, not_met), item
    agents = {group["name"]: group for group in summary["agents"]}
    for agent, items in EXPECTED["items_of_agent"].items():
        for item, (met, not_met) in items.items():
            tally = agents[agent]["items"][item]
            assert (tally["met"], tally["not_met"]) == (met, not_met), (agent, item)
            assert tally["pass_rate"] == round(met / (met + not_met), 4)
    assert {finding["rule"]: finding["count"] for finding in summary["findings"]} == EXPECTED["findings"]
    assert [worst["id"] for worst in summary["worst_replies"]] == EXPECTED["worst"]["ids"]
    assert summary["worst_replies"][0]["line"] == 3 if export.endswith(".jsonl") else 4


def test_the_same_findings_as_check(exports: Path) -> None:
    """A reply in an audit is checked as `check --profile reply` checks it on its channel,
    with its customer's message and its agent's name."""
    summary, _result = audit_json("replies.jsonl")
    by_id = {worst["id"]: worst for worst in summary["worst_replies"]}
    rows = [json.loads(line) for line in Path("replies.jsonl").read_text(encoding="utf-8").splitlines()]
    for row in rows:
        Path("draft.txt").write_text(row["reply"], encoding="utf-8")
        Path("draft.customer.txt").write_text(row["customer_message"], encoding="utf-8")
        channel = {"web": "email", "twitter": "social"}.get(row["channel"], row["channel"])
        result = CliRunner().invoke(
            app,
            [
                "check",
                "--isolated",
                "--output-format",
                "json",
                "--profile",
                "reply",
                "--channel",
                channel,
                "--agent",
                row["agent"],
                "draft.txt",
            ],
        )
        [checked] = json.loads(result.stdout)["files"]
        rules = sorted({finding["rule"] for finding in checked["findings"]})
        assert rules == sorted(by_id[row["id"]]["rules"]) if row["id"] in by_id else rules == [], row["id"]


def test_the_channel_column_decides_the_channel(exports: Path) -> None:
    unsigned = "Hi Maria,\n\nThanks for writing. I have sent a new code to your email, and it should arrive soon.\n"
    rows = [{"id": str(n), "reply": unsigned, "channel": channel} for n, channel in enumerate(["Email", "Live Chat"])]
    rows.append({"id": "3", "reply": unsigned, "channel": "phone"})
    rows.append({"id": "4", "reply": unsigned, "channel": "Automation"})  # a helpdesk trigger's message
    Path("unsigned.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")

    summary, result = audit_json("unsigned.jsonl")
    assert summary["channels"] == {"chat": 1, "email": 2, "notice": 1}
    assert summary["unknown_channels"] == {"phone": 1}
    assert "channels that are not email, chat, social or notice were checked as the configured channel: 'phone' ×1" in (
        result.stderr
    )
    # Unsigned is a warning by email, a nicety in chat, not asked of a notice: chat and notice are ready.
    assert summary["ready_to_send"] == 2
    summary, result = audit_json("unsigned.jsonl", "--channel", "chat")
    assert summary["channels"] == {"chat": 2, "email": 1, "notice": 1}  # a row's own channel wins over --channel
    assert summary["ready_to_send"] == 3
    assert "were checked as chat: 'phone' ×1" in result.stderr


def test_settings_as_check_takes_them(exports: Path, tmp_path: Path) -> None:
    only_proofread, _ = audit_json("replies.jsonl", "--select", "proofread")
    assert [finding["rule"] for finding in only_proofread["findings"]] == ["proofread.repeated-word"]
    assert only_proofread["ready_to_send"] == 6
    lenient, result = audit_json("replies.jsonl", "--fail-on", "error")
    assert lenient["ready_to_send"] == 7
    assert result.exit_code == 0
    checklist = tmp_path / "strict.toml"
    checklist.write_text('[severity]\n"proofread.repeated-word" = "info"\n', encoding="utf-8")
    configured, _ = audit_json("replies.jsonl", "--config", str(checklist))
    assert configured["ready_to_send"] == 4
    bad = audit("replies.jsonl", "--select", "no-such-rule")
    assert bad.exit_code == 2
    assert bad.stderr.strip() == "empathylint: error: command line: unknown rule id 'no-such-rule' in select"


def test_worst_keeps_as_many_as_asked(exports: Path) -> None:
    summary, _ = audit_json("replies.jsonl", "--worst", "2")
    assert [worst["id"] for worst in summary["worst_replies"]] == ["r3", "r4"]


# --- output formats ----------------------------------------------------------------------------


@pytest.mark.parametrize(("output_format", "golden"), [("json", "golden.json"), ("csv", "golden.csv")])
def test_golden_outputs(exports: Path, output_format: str, golden: str) -> None:
    result = audit("replies.jsonl", "--output-format", output_format)
    expected = (AUDIT / golden).read_text(encoding="utf-8")
    assert result.stdout == expected


def test_output_file_is_the_same_report_written(exports: Path) -> None:
    printed = audit("replies.jsonl", "--output-format", "csv").stdout
    result = audit("replies.jsonl", "--output-format", "csv", "--output-file", "summary.csv")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert Path("summary.csv").read_text(encoding="utf-8") == printed
    assert [path.name for path in Path.cwd().glob("*summary.csv*")] == ["summary.csv"]  # no temporary left
    audit("replies.jsonl", "--output-file", "summary.txt")
    table = Path("summary.txt").read_text(encoding="utf-8")
    assert "3 of 7 replies ready to send (42.9%)" in table
    assert "\x1b[" not in table
    missing_folder = audit("replies.jsonl", "--output-file", "no/such/folder/summary.csv")
    assert missing_folder.exit_code == 2
    assert "summary.csv" in missing_folder.stderr


def test_the_rich_table(exports: Path) -> None:
    result = audit("replies.jsonl")
    assert result.exit_code == 1
    for expected in (
        "Audit of 7 replies in 1 file · 2026-03-01T12:00:00Z to 2026-03-07T16:05:00Z",
        "Remove negative language",
        "│ Priya │       3 │         33.3% │ proofread 66.7%, their name 66.7%",
        "│ Refund sent   │       2 │        100.0% │",
        "│ r3    │ replies.jsonl:3 │ Sam   │ Refund policy │        1 │        1 │",
        "3 of 7 replies ready to send (42.9%)",
    ):
        assert expected in result.stdout, result.stdout
    assert "\x1b[" not in result.stdout


def test_user_text_is_never_markup(exports: Path) -> None:
    row = {"id": "[bold]x[/bold]", "agent": "[red]Sam", "macro": "[link=http://x]m", "reply": "Hi there,\n\nok\n"}
    Path("markup.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = audit("markup.jsonl")
    assert "[red]Sam" in result.stdout
    assert "[bold]x[/bold]" in result.stdout


# --- bad rows, bad files, exit codes -----------------------------------------------------------


def test_bad_rows_are_named_and_counted(exports: Path) -> None:
    summary, result = audit_json("bad_rows.jsonl")
    assert (summary["replies"], summary["bad_rows"]) == (2, 4)
    assert result.exit_code == 1  # the two good replies are checked: one is not ready
    assert result.stderr.splitlines() == [
        "empathylint: bad row: bad_rows.jsonl:2: invalid JSON at column 33: Invalid control character at",
        "empathylint: bad row: bad_rows.jsonl:3: no reply key found among id, agent, body_html; "
        "name it with --reply-column",
        "empathylint: bad row: bad_rows.jsonl:5: a JSON list, not an object",
        "empathylint: bad row: bad_rows.jsonl:6: the reply is empty",
    ]


def test_bad_rows_past_the_named_are_counted(exports: Path) -> None:
    lines = ["not json\n"] * 60 + [json.dumps({"reply": "Hi Maria,\n\nThanks for writing.\n\nSam\n"}) + "\n"]
    Path("broken.jsonl").write_text("".join(lines), encoding="utf-8")
    summary, result = audit_json("broken.jsonl")
    assert summary["bad_rows"] == 60
    named = [line for line in result.stderr.splitlines() if "bad row:" in line]
    assert named[0].startswith("empathylint: bad row: broken.jsonl:1: invalid JSON")
    assert len(named) == 50
    assert "empathylint: 60 bad rows in all; the first 50 are named" in result.stderr


def test_a_csv_record_that_is_not_utf8_is_a_bad_row(exports: Path) -> None:
    reply = b'"Hi Maria,\n\nThanks for writing. I sent the code.\n\nSam\n"'
    Path("latin.csv").write_bytes(
        b"reply,agent\n" + reply + b",Sam\n" + b'"Hi Ren\xe9e,\n\nThanks.",Sam\n' + reply + b",Sam\n"
    )
    summary, result = audit_json("latin.csv")
    assert (summary["replies"], summary["bad_rows"]) == (2, 1)
    assert result.stderr.splitlines() == ["empathylint: bad row: latin.csv:8: not valid UTF-8"]


def test_a_line_too_long(exports: Path) -> None:
    from empathylint.audit.rows import MAX_ROW_BYTES

    good = json.dumps({"reply": "Hi Maria,\n\nThanks for writing.\n\nSam\n"})
    Path("long.jsonl").write_text(good + "\n" + "x" * (MAX_ROW_BYTES + 10) + "\n" + good + "\n", encoding="utf-8")
    summary, result = audit_json("long.jsonl")
    assert (summary["replies"], summary["bad_rows"]) == (2, 1)
    assert "long.jsonl:2: line longer than 1 MB; skipped" in result.stderr


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda folder: None, "gone.csv: no such file"),
        (lambda folder: (folder / "gone.csv").mkdir(), "gone.csv: is a directory, not an export"),
        (
            lambda folder: (folder / "gone.csv").write_text("Ticket,Agent\n1,Sam\n", encoding="utf-8"),
            "gone.csv: no reply column found among Ticket, Agent; name it with --reply-column",
        ),
        (
            lambda folder: (folder / "gone.csv").write_bytes(b"re\xffply\nHi\n"),
            "gone.csv: the header row cannot be read: not valid UTF-8",
        ),
    ],
)
def test_an_unreadable_export_is_one_line_and_exit_2(exports: Path, make: Any, message: str) -> None:
    make(exports)
    result = audit("gone.csv", "replies.jsonl", "--output-format", "json")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"empathylint: error: {message}"]
    assert json.loads(result.stdout)["replies"] == 7  # the other export is still audited


def test_a_json_array_is_told_how_to_convert(exports: Path) -> None:
    Path("export.json").write_text('[\n  {"reply": "Hi Maria"}\n]\n', encoding="utf-8")
    result = audit("export.json")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "empathylint: error: export.json: is one JSON array, not JSON Lines (an object per line); "
        "`jq -c '.[]' export.json > replies.jsonl` converts it"
    )


def test_an_empty_export_never_passes(exports: Path) -> None:
    Path("empty.jsonl").write_text("", encoding="utf-8")
    Path("header.csv").write_text("reply,agent\n", encoding="utf-8")
    for export in ("empty.jsonl", "header.csv"):
        result = audit(export, "--exit-zero")
        assert result.exit_code == 2
        assert result.stderr.strip() == "empathylint: error: no reply was checked: the exports are empty"
    result = audit("bad_rows.jsonl", "--reply-column", "nothing")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "empathylint: error: no reply was checked: every row is bad"


def test_exit_codes(exports: Path) -> None:
    assert audit("replies.jsonl").exit_code == 1
    assert audit("replies.jsonl", "--exit-zero").exit_code == 0
    assert audit("replies.jsonl", "--fail-under", "42").exit_code == 0  # 42.9% ready
    assert audit("replies.jsonl", "--fail-under", "43").exit_code == 1
    clean = [line for line in Path("replies.jsonl").read_text(encoding="utf-8").splitlines() if '"r1"' in line]
    Path("clean.jsonl").write_text(clean[0] + "\n", encoding="utf-8")
    assert audit("clean.jsonl").exit_code == 0
    for usage in (("--output-format", "xml"), ("--input-format", "xml"), ("--jobs", "2", "--dask", "tcp://x:1")):
        result = audit("replies.jsonl", *usage)
        assert result.exit_code == 2, usage
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_input_format_overrides_the_extension(exports: Path) -> None:
    shutil.copy("replies.jsonl", "replies.txt")
    shutil.copy("replies.csv", "export.data")
    assert audit_json("replies.txt")[0]["replies"] == 7  # sniffed: starts with {
    assert audit_json("export.data")[0]["replies"] == 7  # sniffed: a CSV
    assert audit_json("replies.txt", "--input-format", "jsonl")[0]["replies"] == 7


# --- the terminal --------------------------------------------------------------------------------


def _run(args: list[str], cwd: Path, **streams: Any) -> subprocess.CompletedProcess[bytes]:
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    command = [sys.executable, "-m", "empathylint", "audit", "--jobs", "1", *args]
    return subprocess.run(command, cwd=cwd, env=env, timeout=300, check=False, **streams)


def test_no_progress_bar_in_a_pipe(exports: Path) -> None:
    result = _run(["replies.jsonl", "--output-format", "json"], exports, capture_output=True)
    assert result.returncode == 1
    assert result.stderr == b""
    assert json.loads(result.stdout)["replies"] == 7


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_progress_bar_on_a_terminal_only(exports: Path) -> None:
    import pty

    controller, terminal = pty.openpty()
    try:
        result = _run(["replies.jsonl", "--output-format", "json"], exports, stdout=subprocess.PIPE, stderr=terminal)
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed: everything was read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert result.returncode == 1
    assert b"auditing" in shown
    assert json.loads(result.stdout)["replies"] == 7  # the report itself is untouched


def test_standard_input(exports: Path) -> None:
    piped = CliRunner().invoke(
        app, ["audit", "--jobs", "1", "--output-format", "json", "-"], input=Path("replies.jsonl").read_bytes()
    )
    from_file, _ = audit_json("replies.jsonl")
    summary = json.loads(piped.stdout)
    assert piped.exit_code == 1
    assert {key: summary[key] for key in ("replies", "items", "agents", "macros", "findings")} == {
        key: from_file[key] for key in ("replies", "items", "agents", "macros", "findings")
    }
    assert summary["worst_replies"][0]["file"] == "<stdin>"
    csv_piped = CliRunner().invoke(
        app, ["audit", "--jobs", "1", "--output-format", "json", "-"], input=Path("replies.csv").read_bytes()
    )
    assert json.loads(csv_piped.stdout)["replies"] == 7


def test_nested_keys_by_dotted_names(exports: Path) -> None:
    rows = [
        {
            "ticket": {"id": 7},
            "comment": {"body": "Hi there,\n\nThanks for writing.\n\nSam\n"},
            "author": {"name": "Sam"},
        },
        {
            "ticket": {"id": 8},
            "comment": {"body": "Hi Tom,\n\nThanks for writing.\n\nSam\n"},
            "author": {"name": "Sam"},
        },
    ]
    Path("nested.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    summary, _ = audit_json(
        "nested.jsonl", "--reply-column", "comment.body", "--agent-column", "author.name", "--id-column", "ticket.id"
    )
    assert summary["replies"] == 2
    assert [agent["name"] for agent in summary["agents"]] == ["Sam"]
    assert [worst["id"] for worst in summary["worst_replies"]] == ["7"]


def test_a_rule_failure_is_told_and_fails_the_run() -> None:
    from empathylint.audit.checker import AuditSettings
    from empathylint.audit.command import AuditRun, _tell_problems
    from empathylint.audit.records import Columns
    from empathylint.audit.totals import AuditTotals

    run = AuditRun(paths=["replies.jsonl"], columns=Columns(), audit=AuditSettings(channel="chat"))
    totals = AuditTotals()
    said: list[str] = []
    assert _tell_problems(totals, run, said.append) is False
    assert said == []
    totals.findings["internal-error"] = 5  # in 3 replies
    totals.replies_with["internal-error"] = 3
    totals.unknown_channels["phone"] = 2
    assert _tell_problems(totals, run, said.append) is True
    assert said == [
        "empathylint: channels that are not email, chat, social or notice were checked as chat: 'phone' ×2",
        "empathylint: error: a rule failed on 3 replies "
        "(please report it; `empathylint check --debug` on one of them shows the traceback)",
    ]


@pytest.mark.parametrize(
    ("agent", "is_name"),
    [
        *[("Sam", True), ("Mary-Jo O'Neil", True), ("J. Smith", True), ("Zoë", True)],
        *[("sam@example.com", False), ("agent_42", False), ("42", False), (".Sam", False)],
    ],
)
def test_an_agent_column_is_a_name_only_when_it_reads_as_one(agent: str, is_name: bool) -> None:
    from empathylint.audit.checker import is_person_name

    assert is_person_name(agent) is is_name
