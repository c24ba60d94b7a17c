"""Helpdesk exports (issue 16): each fixture export in tests/fixtures/helpdesk/ is read into
its canned replies, checked, and fixed back into its own field.

tests/fixtures/helpdesk/cases.toml holds the cases as data: which helpdesk a file is, the
items it holds (id, title, JSON pointer, field kind), the findings expected inside each
reply (line and column count inside the reply), and what --fix writes into which field."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from empathylint.checking import CheckOptions, check_source
from empathylint.engine import FileReport
from empathylint.files import InputError, SourceFile
from empathylint.fixes import fix_text
from empathylint.formats.helpdesk import read_export
from empathylint.formats.helpdesk.json_strings import string_tokens
from empathylint.formats.helpdesk.reports import ExportReport, expand_items, item_of
from tests.conftest import FIXTURES, make_config, tomllib

HELPDESK = FIXTURES / "helpdesk"
CASES = tomllib.loads((HELPDESK / "cases.toml").read_text(encoding="utf-8"))
EXPORTS: list[dict[str, Any]] = CASES["export"]
ERRORS: list[dict[str, Any]] = CASES["error"]


def source_of(name: str, text: str | None = None) -> SourceFile:
    data = (HELPDESK / name).read_bytes() if text is None else text.encode()
    return SourceFile(name, data.decode("utf-8"), "utf-8", False, len(data), 0)


def options_of(case: dict[str, Any]) -> CheckOptions:
    return CheckOptions(
        input_format=case.get("input_format"),
        columns=tuple(case.get("columns", ())),
        profile_forced="profile" in case,
    )


def check(case: dict[str, Any], text: str | None = None) -> ExportReport:
    config = make_config(profile=case.get("profile"))
    report = check_source(source_of(case["file"], text), config, options_of(case))
    assert isinstance(report, ExportReport)
    return report


def by_pointer(report: FileReport) -> dict[str, FileReport]:
    return {item.pointer: r for r in expand_items([report]) if (item := item_of(r)) is not None}


@pytest.mark.parametrize("case", EXPORTS, ids=[case["file"] for case in EXPORTS])
def test_detected_with_its_items(case: dict[str, Any]) -> None:
    text = (HELPDESK / case["file"]).read_text(encoding="utf-8")
    export = read_export(text, case["file"], case.get("input_format"), tuple(case.get("columns", ())))
    assert export.helpdesk == case["helpdesk"]
    found = [
        {"id": item.item_id, "title": item.title, "pointer": item.pointer, "kind": item.kind} for item in export.items
    ]
    assert found == [{"title": None, **item} for item in case["items"]]


@pytest.mark.parametrize("case", EXPORTS, ids=[case["file"] for case in EXPORTS])
def test_findings_inside_each_reply(case: dict[str, Any]) -> None:
    reports = by_pointer(check(case))
    assert sorted(reports) == sorted(item["pointer"] for item in case["items"])
    found = {
        (pointer, d.rule_id, d.line, d.column): d
        for pointer, report in reports.items()
        for d in report.diagnostics
        if d.rule_id in {expected["rule"] for expected in case["findings"]}
    }
    expected = [f for f in case["findings"] if not f.get("absent")]
    assert sorted(found) == sorted((f["pointer"], f["rule"], f["line"], f["column"]) for f in expected)
    for finding in expected:
        diagnostic = found[finding["pointer"], finding["rule"], finding["line"], finding["column"]]
        reply = reports[finding["pointer"]].document
        assert reply is not None
        if "flagged" in finding:
            line_start = sum(len(line) for line in reply.source.splitlines(keepends=True)[: finding["line"] - 1])
            start = line_start + finding["column"] - 1
            assert reply.source[start : start + len(finding["flagged"])] == finding["flagged"]
        if "suggestion" in finding:
            assert diagnostic.suggestion == finding["suggestion"]
        if finding.get("refused"):
            assert diagnostic.fix is None and "not fixed in the export" in diagnostic.message
    for pointer in case.get("clean", ()):
        assert reports[pointer].diagnostics == [], pointer
    for pointer, report in reports.items():
        assert all(d.item is not None and d.item.pointer == pointer for d in report.diagnostics)
        assert report.scorecard, "each canned reply has its checklist"


@pytest.mark.parametrize("case", EXPORTS, ids=[case["file"] for case in EXPORTS])
def test_the_placeholder_greeting_uses_their_name(case: dict[str, Any]) -> None:
    """A helpdesk's customer placeholder is the customer's name, not a missing one."""
    reports = by_pointer(check(case))
    for pointer in case.get("named", ()):
        statuses = {entry.item: entry.status.value for entry in reports[pointer].scorecard}
        assert statuses["their-name"] == "met", pointer


@pytest.mark.parametrize("case", EXPORTS, ids=[case["file"] for case in EXPORTS])
def test_fix_rewrites_only_the_field(case: dict[str, Any]) -> None:
    original = (HELPDESK / case["file"]).read_text(encoding="utf-8")
    config = make_config(profile=case.get("profile"))
    options = options_of(case)
    source = source_of(case["file"])

    def recheck(text: str) -> FileReport:
        return check_source(dataclasses.replace(source, text=text), config, options)

    fixed = fix_text(original, recheck).text
    for expected in case.get("fixed", ()):
        assert expected["contains"] in _field(fixed, case, expected["pointer"])
    # Every byte outside the fixed fields is the file's own: splice the fixed fields' text
    # into the original, and the whole fixed file must come back.
    changed = {expected["pointer"] for expected in case.get("fixed", ())}
    assert changed == {p for p in by_pointer(check(case)) if _field(original, case, p) != _field(fixed, case, p)}
    assert _splice(original, fixed, case, changed) == fixed
    assert (
        fix_text(fixed, lambda text: check_source(dataclasses.replace(source, text=text), config, options)).count == 0
    )


def _field(text: str, case: dict[str, Any], pointer: str) -> str:
    export = read_export(text, case["file"], case.get("input_format"), tuple(case.get("columns", ())))
    return next(item.text for item in export.items if item.pointer == pointer)


def _splice(original: str, fixed: str, case: dict[str, Any], pointers: set[str]) -> str:
    """The original with each named field's raw characters taken from the fixed file."""
    before = read_export(original, case["file"], case.get("input_format"), tuple(case.get("columns", ())))
    after = {
        item.pointer: item
        for item in read_export(fixed, case["file"], case.get("input_format"), tuple(case.get("columns", ()))).items
    }
    pieces, position = [], 0
    for item in sorted((i for i in before.items if i.pointer in pointers), key=lambda i: i.offsets[0]):
        new = after[item.pointer]
        pieces += [original[position : item.offsets[0]], fixed[new.offsets[0] : new.offsets[-1]]]
        position = item.offsets[-1]
    return "".join([*pieces, original[position:]])


@pytest.mark.parametrize("case", ERRORS, ids=[case["name"] for case in ERRORS])
def test_not_an_export_is_one_line(case: dict[str, Any]) -> None:
    text = (HELPDESK / case["file"]).read_text(encoding="utf-8") if "file" in case else _generated(case)
    with pytest.raises(InputError) as raised:
        check_source(source_of(case.get("file", "generated.json"), text), make_config(), options_of(case))
    assert case["reason"] in raised.value.reason
    assert "\n" not in raised.value.reason


def _generated(case: dict[str, Any]) -> str:
    """Hostile input too big for a fixture file: deep nesting, or a string of escaped quotes
    that never ends (a scan that restarted at each quote would take quadratic time)."""
    if "nesting" in case:
        depth = int(case["nesting"])
        return '{"macros": ' + "[" * depth + "]" * depth + "}"
    return '{"macros": [{"actions": [{"field": "comment_value", "value": "' + '\\"' * int(case["escaped_quotes"])


def test_string_tokens_know_every_value_by_pointer() -> None:
    text = '{"a": ["x", {"b~c/d": "y\\n\\u00e9"}], "k": 1, "a2": "\\ud83d\\ude00!"}'
    tokens = string_tokens(text)
    assert sorted(tokens) == ["/a/0", "/a/1/b~0c~1d", "/a2"]
    value, offsets = tokens["/a/1/b~0c~1d"].decode()
    assert value == "y\né"
    assert [text[o] for o in offsets[:3]] == ["y", "\\", "\\"]
    emoji, _ = tokens["/a2"].decode()
    assert emoji == "\U0001f600!"


def test_fixture_exports_are_our_own() -> None:
    """Each case names a file that exists, and every fixture file is used by a case."""
    named = {case["file"] for case in [*EXPORTS, *ERRORS] if "file" in case}
    on_disk = {path.name for path in HELPDESK.iterdir() if path.suffix in (".json", ".csv")}
    assert named == on_disk
