"""False alarms on good writing, side by side with the peers (the precision issue).

    python3 bench/false_alarms.py                  # print the table
    (its old --write report, FALSE_ALARMS.md, is replaced by bench/ACCURACY.md: real texts, blind labels)
    python3 bench/false_alarms.py --details        # list every empathylint finding under the table

Every text under bench/realistic/ is one a support lead would send as it stands: replies
(bench/realistic/replies/, some with the customer's message beside them as `<name>.customer.txt`)
and help articles (bench/realistic/docs/). So every finding a tool raises there that would hold
the text back is a false alarm. Per tool and per kind of text this prints the findings per text
and the share of texts with at least one finding at warning or above; for empathylint that means
at or above the default `fail-on` (what `empathylint check` blocks on), with its info findings
counted apart. proselint, alex and write-good give every finding as a warning (write-good has no
severities at all), so all of theirs count.

Standard library only, like bench/run.py. The peers must already be installed under bench/.peers/
(`python3 bench/run.py --with-peers --cases cold-1-reply --quick` installs them); a missing peer is
reported and left out.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
CORPUS = BENCH / "realistic"
PEERS = BENCH / ".peers"
REPORT = BENCH / "FALSE_ALARMS.md"
EMPATHYLINT = REPO / ".venv" / "bin" / "empathylint"
PROSELINT = PEERS / "venv" / "bin" / "proselint"
NODE_BIN = PEERS / "node" / "node_modules" / ".bin"
TEXT_SUFFIXES = {".txt", ".md", ".html"}
KINDS = ("replies", "docs")

# alex's default reporter prints one "  line:col-line:col  warning  message  rule  source" per finding.
ALEX_FINDING = re.compile(r"^\s+\d+:\d+(?:-\d+:\d+)?\s+(warning|error)\s", re.MULTILINE)


@dataclass
class Tally:
    """One tool's findings over one kind of text: blocking ones and (empathylint only) info ones."""

    blocking: dict[Path, int] = field(default_factory=dict)
    info: dict[Path, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Peer:
    name: str
    binary: Path
    count: Callable[[Sequence[Path]], dict[Path, int]]


def corpus_files(kind: str) -> list[Path]:
    """The texts of one kind, without the customer's messages that sit beside replies as context.
    Canned replies with helpdesk placeholders sit in replies/macros/, where empathylint's default
    profiles read them as templates, as they would in a team's own repository."""
    folder = CORPUS / kind
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix in TEXT_SUFFIXES and ".customer." not in path.name and not path.name.startswith(".")
    )


def empathylint_tally(files: Sequence[Path], details: list[str]) -> Tally:
    argv = [str(EMPATHYLINT), "check", "--output-format", "json", "--exit-zero", *map(str, files)]
    completed = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"empathylint failed ({completed.returncode}): {completed.stderr.strip()}")
    report = json.loads(completed.stdout)
    order = ["info", "warning", "error"]
    fail_on = order.index(report["fail_on"])
    tally = Tally()
    for file_report in report["files"]:
        path = REPO / file_report["path"]
        if file_report["error"]:
            raise SystemExit(f"empathylint could not read {path}: {file_report['error']}")
        findings = file_report["findings"]
        tally.blocking[path] = sum(order.index(finding["severity"]) >= fail_on for finding in findings)
        tally.info[path] = sum(order.index(finding["severity"]) < fail_on for finding in findings)
        for finding in findings:
            where = f"{path.relative_to(REPO)}:{finding['line']}:{finding['column']}"
            suggestion = f" → {finding['suggestion']}" if finding["suggestion"] else ""
            details.append(f"{where} {finding['severity']} {finding['rule']}: {finding['message']}{suggestion}")
    return tally


def proselint_counts(files: Sequence[Path]) -> dict[Path, int]:
    argv = [str(PROSELINT), "check", "--output-format", "json", *map(str, files)]
    completed = subprocess.run(argv, capture_output=True, text=True, check=False)
    results = json.loads(completed.stdout)["result"]
    counts = {path: 0 for path in files}
    for uri, result in results.items():
        counts[Path(uri.removeprefix("file://"))] = len(result.get("diagnostics", []))
    return counts


def alex_counts(files: Sequence[Path]) -> dict[Path, int]:
    counts: dict[Path, int] = {}
    for path in files:
        # One file per run, so each count is that file's; HTML is read as HTML (alex reads Markdown otherwise).
        argv = [str(NODE_BIN / "alex"), *(["--html"] if path.suffix == ".html" else []), str(path)]
        completed = subprocess.run(argv, capture_output=True, text=True, check=False)
        counts[path] = len(ALEX_FINDING.findall(completed.stderr))
    return counts


def write_good_counts(files: Sequence[Path]) -> dict[Path, int]:
    argv = [str(NODE_BIN / "write-good"), "--parse", *map(str, files)]
    completed = subprocess.run(argv, capture_output=True, text=True, check=False)
    counts = {path: 0 for path in files}
    for line in completed.stdout.splitlines():
        name, _, _ = line.partition(":")
        if name:
            counts[Path(name)] = counts.get(Path(name), 0) + 1
    return counts


PEER_TOOLS = (
    Peer("proselint", PROSELINT, proselint_counts),
    Peer("alex", NODE_BIN / "alex", alex_counts),
    Peer("write-good", NODE_BIN / "write-good", write_good_counts),
)


def _row(tool: str, kind: str, tally: Tally, texts: int, with_info: bool) -> str:
    findings = sum(tally.blocking.values())
    flagged = sum(count > 0 for count in tally.blocking.values())
    cells = [
        tool,
        kind,
        str(texts),
        f"{findings / texts:.2f}",
        f"{flagged}/{texts} ({100 * flagged / texts:.0f}%)",
    ]
    if with_info:
        info = sum(tally.info.values())
        info_texts = sum(count > 0 for count in tally.info.values())
        cells.append(f"{info / texts:.2f} (in {info_texts} texts)")
    else:
        cells.append("–")
    return "| " + " | ".join(cells) + " |"


def build_table() -> tuple[list[str], list[str], list[str]]:
    """The table's rows, the empathylint findings in full, and notes on peers left out."""
    rows: list[str] = []
    details: list[str] = []
    notes: list[str] = []
    files = {kind: corpus_files(kind) for kind in KINDS}
    for kind in KINDS:
        rows.append(_row("empathylint", kind, empathylint_tally(files[kind], details), len(files[kind]), True))
    for peer in PEER_TOOLS:
        if not peer.binary.exists():
            notes.append(f"{peer.name} is not installed under bench/.peers/; run bench/run.py --with-peers once.")
            continue
        for kind in KINDS:
            tally = Tally(blocking=peer.count(files[kind]))
            rows.append(_row(peer.name, kind, tally, len(files[kind]), False))
    return rows, details, notes


HEADER = [
    "| tool | texts | n | findings per text (warning and above) | texts with a finding (warning and above)"
    " | info per text |",
    "|---|---|---|---|---|---|",
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"save the table to {REPORT.relative_to(REPO)}")
    parser.add_argument("--details", action="store_true", help="list every empathylint finding")
    options = parser.parse_args(argv)
    if not EMPATHYLINT.exists():
        raise SystemExit(f"{EMPATHYLINT} is missing: install empathylint into .venv first.")
    rows, details, notes = build_table()
    table = [*HEADER, *rows]
    print("\n".join(table))
    for note in notes:
        print(note, file=sys.stderr)
    if options.details:
        print("\n".join(["", *details]) if details else "\nempathylint: no findings.")
    if options.write:
        today = datetime.date.today().isoformat()
        REPORT.write_text(
            "\n".join(
                [
                    "# False alarms on good support writing",
                    "",
                    f"Measured {today} with `python3 bench/false_alarms.py --write` over bench/realistic/"
                    " (every text there is good as it stands, so every finding counted is a false alarm).",
                    "proselint, alex and write-good give every finding as a warning, so all of theirs count;"
                    " empathylint counts findings at or above its default `fail-on` (warning), and its info"
                    " findings are shown apart. Vale, LanguageTool and Hemingway are not measured: none of"
                    " them installs offline here.",
                    "",
                    *table,
                    *(["", *notes] if notes else []),
                    "",
                ]
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
