"""SARIF 2.1.0, shaped for GitHub code scanning's documented subset.

Every registered rule id is listed in tool.driver.rules (with its summary, the rule group's
documentation as help, and its default level), so `ruleIndex` is stable across runs. Paths
are URIs relative to the folder the run started in (%SRCROOT%), with forward slashes, as
code scanning needs to place an alert on a file of the repository. Columns count Unicode
code points (run.columnKind says so), the way the rest of empathylint counts them."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from empathylint import __version__
from empathylint.diagnostics import Diagnostic, Severity
from empathylint.engine import INTERNAL_ERROR, UNKNOWN_DIRECTIVE, FileReport
from empathylint.reporters import Run
from empathylint.rule import AnyRule

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# Findings the engine itself reports; they belong to no rule group but need descriptors.
ENGINE_RULES = {
    INTERNAL_ERROR: (
        "A rule failed on this file.",
        "A rule raised an error on this file; the other rules still ran. Please report it, "
        "with the output of `empathylint check --debug`.",
        Severity.ERROR,
    ),
    UNKNOWN_DIRECTIVE: (
        "An inline directive names an unknown rule id.",
        "An `empathylint: disable=…` directive names a rule id that does not exist, so it "
        "suppresses nothing. `empathylint rules` lists the ids.",
        Severity.WARNING,
    ),
}


def render_sarif(reports: Sequence[FileReport], run: Run) -> str:
    return json.dumps(sarif_log(reports, run), indent=2, ensure_ascii=run.ascii_only) + "\n"


def sarif_log(reports: Sequence[FileReport], run: Run) -> dict[str, Any]:
    descriptors = list(rule_descriptors(run.rules))
    index_of = {descriptor["id"]: index for index, descriptor in enumerate(descriptors)}
    results = [
        result(report, diagnostic, index_of, run.root, fingerprint)
        for report in reports
        if report.error is None
        for diagnostic, fingerprint in zip(report.diagnostics, fingerprints(report), strict=True)
    ]
    unreadable = [report for report in reports if report.error is not None]
    internal_errors = any(d.rule_id == INTERNAL_ERROR for r in reports for d in r.diagnostics)
    invocation: dict[str, Any] = {"executionSuccessful": not unreadable and not internal_errors}
    if unreadable:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": f"{report.path}: {report.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_location(report.path, run.root)}}],
            }
            for report in unreadable
        ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "empathylint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": documentation_uri(),
                        "rules": descriptors,
                    }
                },
                "originalUriBaseIds": {SOURCE_ROOT: {"uri": run.root.resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "invocations": [invocation],
                "results": results,
            }
        ],
    }


def documentation_uri(section: str = "output-formats") -> str:
    """The project's own documentation, its README (by default its section "Output formats"), as the
    absolute URI SARIF asks for: the copy shipped inside the wheel, or the one at the top of
    a source tree (an editable install). No page of a package index: the tool is installed
    from its repository."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "README.md"
    readme = packaged if packaged.is_file() else package.parent / "README.md"
    return readme.as_uri() + "#" + section


def rule_descriptors(rules: Sequence[AnyRule]) -> Iterator[dict[str, Any]]:
    for rule in rules:
        what_it_does = doc_section(rule.doc, "What it does:") or rule.title
        # SARIF tags are a set: a group named like its checklist item (eli5) is one tag.
        tags = list(dict.fromkeys(("support-writing", rule.group, rule.item)))
        for rule_id, code in zip(rule.ids, rule.codes, strict=True):
            yield {
                "id": rule_id,
                "name": _pascal(rule_id),
                "shortDescription": {"text": code.summary},
                "fullDescription": {"text": what_it_does},
                "help": {"text": rule.doc.strip(), "markdown": rule.doc.strip()},
                "defaultConfiguration": {"level": LEVEL[code.severity]},
                "properties": {"tags": tags, "fix": code.fix},
            }
    for rule_id, (summary, help_text, severity) in ENGINE_RULES.items():
        yield {
            "id": rule_id,
            "name": _pascal(rule_id),
            "shortDescription": {"text": summary},
            "fullDescription": {"text": help_text},
            "help": {"text": help_text, "markdown": help_text},
            "defaultConfiguration": {"level": LEVEL[severity]},
            "properties": {"tags": ["support-writing", "empathylint"]},
        }


def doc_section(doc: str, heading: str) -> str:
    """The paragraph under one of the four documentation headings, on one line."""
    _, found, rest = doc.partition(heading)
    if not found:
        return ""
    paragraph = rest.split("\n\n", 1)[0]
    return " ".join(paragraph.split())


def result(
    report: FileReport, diagnostic: Diagnostic, index_of: dict[str, int], root: Path, fingerprint: str
) -> dict[str, Any]:
    message = diagnostic.message
    if diagnostic.suggestion:
        message += f" Suggested: {' / '.join(diagnostic.suggestion.splitlines())}"
    region = {
        "startLine": max(diagnostic.line, 1),
        "startColumn": max(diagnostic.column, 1),
        "endLine": max(diagnostic.end_line, diagnostic.line, 1),
        "endColumn": max(diagnostic.end_column, 1),
    }
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": artifact_location(report.path, root), "region": region}
    }
    item = diagnostic.item
    if item is not None:
        # A canned reply of a helpdesk export: the region is where the finding stands in the
        # file; the reply is the logical location, and the line and column inside it are kept.
        location["physicalLocation"]["region"] = {"startLine": item.file_line, "startColumn": item.file_column}
        location["logicalLocations"] = [
            {"name": item.title or item.item_id or item.pointer, "fullyQualifiedName": item.pointer, "kind": "object"}
        ]
        location["properties"] = {
            "helpdesk": item.helpdesk,
            "itemId": item.item_id,
            "itemTitle": item.title,
            "regionInItem": region,
        }
    entry: dict[str, Any] = {
        "ruleId": diagnostic.rule_id,
        "level": LEVEL[diagnostic.severity],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {"empathylint/v1": fingerprint},
    }
    if diagnostic.rule_id in index_of:
        entry["ruleIndex"] = index_of[diagnostic.rule_id]
    return entry


def artifact_location(path: str, root: Path) -> dict[str, str]:
    """A repository-relative URI where the file is under the root, else an absolute file URI."""
    if path.startswith("<"):  # standard input without --stdin-filename
        return {"uri": "stdin"}
    absolute = Path(path).resolve()
    try:
        relative = absolute.relative_to(root.resolve())
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": SOURCE_ROOT}


def fingerprints(report: FileReport) -> Iterator[str]:
    """A finding's identity that survives edits elsewhere in the file: its rule, the file
    and the flagged words, numbered when the same words are flagged twice."""
    source = report.document.source if report.document else ""
    seen: Counter[tuple[str, str]] = Counter()
    for diagnostic in report.diagnostics:
        flagged = " ".join(source[diagnostic.start : diagnostic.end].split()).lower()
        key = (diagnostic.rule_id, flagged)
        seen[key] += 1
        path = report.path.replace("\\", "/")
        if diagnostic.item is not None:  # each canned reply of an export counts on its own
            path += "#" + diagnostic.item.pointer
        identity = "\x1f".join((diagnostic.rule_id, path, flagged, str(seen[key])))
        yield hashlib.sha256(identity.encode()).hexdigest()[:32]


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.replace(".", "-").split("-"))
