"""Accuracy on real support writing: empathylint against the blind labels in bench/accuracy/.

    python3 bench/accuracy.py                       # report half, ours only
    python3 bench/accuracy.py --with-peers --write  # report half, with proselint, alex, write-good; writes ACCURACY.md
    python3 bench/accuracy.py --half tune --misses negative-language   # tuning: what we miss and what we invent
    python3 bench/accuracy.py --half tune --fold fit --misses jargon   # tune on one fold of the tune half ...
    python3 bench/accuracy.py --half tune --fold check                 # ... and see whether it carries to the other
    python3 bench/accuracy.py --agreement --write   # how far a second blind labeler agrees (no linter run)

For each checklist group and each kind of text (reply, canned reply, article) it prints the
file-level precision and recall (a text is flagged when the group has any finding on it, and a
reviewer flagged it when its label is "fail"), the span recall (labeled spans that a finding of
the group overlaps), and the noise (the share of texts a reviewer passes that get a finding
anyway). Labels are read from bench/accuracy/labels/*.jsonl (LABELING.md says how they are
made); a label whose file's hash no longer matches the corpus is skipped and counted.

The corpus (`--corpus`, default `../shared/corpus` beside the repository) is only read, never
copied; `--misses` prints corpus excerpts to the terminal for tuning and refuses the report half.
"""

from __future__ import annotations

import argparse
import dataclasses
import fnmatch
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

LABELS = BENCH / "accuracy" / "labels"
# A second labeler's blind labels of a sample of the tune half, to measure reviewer agreement
# (accuracy/agreement.py); never the truth the linter is scored against.
SECOND = BENCH / "accuracy" / "second"
RESULTS = BENCH / "ACCURACY.md"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"

GROUPS = (
    "use-their-name",
    "use-your-name",
    "thank-them",
    "show-understanding",
    "eli5",
    "jargon",
    "negative-language",
    "unnecessary-words",
    "proofread",
    "acknowledge-feelings",
    "hollow-empathy",
    "over-apology",
    "set-expectations",
    "say-no-with-why",
    "match-tone",
    "personalize-template",
    "ask-openly",
)
SPAN_GROUPS = ("jargon", "negative-language", "unnecessary-words", "proofread")
KINDS = ("reply", "template", "doc")
KIND_TITLES = {"reply": "replies", "template": "canned replies", "doc": "articles"}
# The two groups the issue measures together: what write-good and alex flag too.
TONE_GROUPS = ("negative-language", "unnecessary-words")
# Extra `check` options per kind, used when this version of empathylint has them.
KIND_OPTIONS = {"reply": ("--channel", "social")}
# What the team behind a help centre would set in the checklist.toml beside its articles, by
# corpus path: the audience the product's help centre or canned replies are written for,
# not a guess from the labels. Plausible's help centre is for site owners who paste its
# script, proxy it and call its API; Tor's relay-operator pages are for people who run
# servers; the canned replies of open-source projects answer the issues developers file on
# GitHub. Every other source (password manager, search engine, team chat and browser help
# centres, Discourse's messages to forum members, social replies) writes for the general
# customer, the default. Each group of files runs with its own `--config`, as
# `empathylint check` reads the checklist.toml nearest to a file.
_TECHNICAL = '[rules.jargon]\naudience = "technical"\n'
SOURCE_SETTINGS = {
    "docs/plausible-*": _TECHNICAL,
    "docs/torproject-relay-operators-*": _TECHNICAL,
    **{
        f"templates/{project}-*": _TECHNICAL
        for project in ("angular", "conda-store", "highfivery", "matplotlib", "prometheus", "supportyml")
    },
}


def _load_module(name: str) -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"accuracy_{name}", BENCH / "accuracy" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


SELECTION = _load_module("select")
AGREEMENT = _load_module("agreement")


@dataclasses.dataclass
class Label:
    path: str
    kind: str
    items: dict[str, str]
    spans: list[dict[str, object]]
    ready: bool
    half: str


@dataclasses.dataclass
class Finding:
    group: str
    rule: str
    start: int
    end: int


# --- labels ------------------------------------------------------------------------------


def fold_of(path: str) -> str:
    """A fixed fold per text, half of each kind in each: a rule fitted on one fold that does
    not carry to the other fits texts, not a class."""
    return "fit" if hashlib.sha256(f"fold:{path}".encode()).digest()[0] % 2 == 0 else "check"


def load_labels(corpus: Path) -> tuple[list[Label], list[str]]:
    """Every label whose text is unchanged, and a line per label that could not be used."""
    records, halves, problems = load_records(LABELS, corpus)
    labels = [
        Label(path, record["kind"], record["items"], record["spans"], bool(record["ready"]), halves[path])
        for path, record in records.items()
    ]
    return labels, problems


def load_records(folder: Path, corpus: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str], list[str]]:
    """The usable label records of a folder by path, every selected text's half, and a line per
    label that could not be used."""
    halves: dict[str, str] = {}
    for kind in KINDS:
        halves.update(SELECTION.halves(corpus, kind))  # type: ignore[attr-defined]
    records: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    seen: set[str] = set()
    for batch in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(batch.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{batch.name}:{number}"
            try:
                record = json.loads(line)
            except ValueError as error:
                problems.append(f"{where}: not JSON ({error})")
                continue
            path = record.get("path", "")
            problem = _problem(record, corpus, halves, seen)
            if problem:
                problems.append(f"{where}: {path}: {problem}")
                continue
            seen.add(path)
            records[path] = record
    return records, halves, problems


def _problem(record: dict[str, object], corpus: Path, halves: dict[str, str], seen: set[str]) -> str | None:
    path = str(record.get("path", ""))
    if path in seen:
        return "labeled twice"
    if path not in halves:
        return "not in the selection (select.py)"
    file = corpus / path
    if not file.is_file():
        return "not in the corpus"
    data = file.read_bytes()
    if hashlib.sha256(data).hexdigest() != record.get("sha256"):
        return "the corpus file changed since it was labeled (hash differs)"
    items = record.get("items")
    if not isinstance(items, dict) or set(items) != set(GROUPS):
        return "items must name every group"
    if any(value not in ("pass", "fail", "n/a") for value in items.values()):
        return "an item is not pass, fail or n/a"
    length = len(data.decode("utf-8"))
    spans = record.get("spans")
    if not isinstance(spans, list):
        return "spans must be a list"
    for span in spans:
        if not (isinstance(span, dict) and 0 <= span.get("start", -1) < span.get("end", -1) <= length):
            return f"span out of range: {span}"
        if span.get("category") not in SPAN_GROUPS:
            return f"unknown span category: {span.get('category')}"
    for group in SPAN_GROUPS:
        has_span = any(span["category"] == group for span in spans)  # type: ignore[index]
        if has_span != (items[group] == "fail"):
            return f"{group} is {items[group]} but has {'a' if has_span else 'no'} span"
    return None


# --- running the tools -------------------------------------------------------------------


def run_empathylint(corpus: Path, labels: Sequence[Label]) -> tuple[dict[str, list[Finding]], dict[str, bool]]:
    """Findings per corpus path, and whether empathylint calls each text ready to send."""
    findings: dict[str, list[Finding]] = {}
    ready: dict[str, bool] = {}
    help_text = subprocess.run(
        [sys.executable, "-m", "empathylint", "check", "--help"], capture_output=True, text=True, check=False
    ).stdout
    runs: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for label in labels:
        runs[(label.kind, _source_settings(label.path))].append(label.path)
    for (kind, settings), paths in sorted(runs.items(), key=lambda run: (run[0][0], run[0][1] or "")):
        options = [option for option in KIND_OPTIONS.get(kind, ()) if option in help_text or not option.startswith("-")]
        if len(options) % 2:
            options = []
        with tempfile.TemporaryDirectory() as scratch:
            if settings is not None:
                config = Path(scratch) / "checklist.toml"
                config.write_text(settings, encoding="utf-8")
                options += ["--config", str(config)]
            command = [sys.executable, "-m", "empathylint", "check", "--output-format", "json", *options]
            command += [str(corpus / path) for path in paths]
            env = {**os.environ, "NO_COLOR": "1"}
            done = subprocess.run(command, capture_output=True, text=True, check=False, env=env, cwd=corpus)
        if done.returncode not in (0, 1):
            raise SystemExit(f"empathylint exited {done.returncode}: {done.stderr.strip()[:500]}")
        for entry in json.loads(done.stdout)["files"]:
            path = _corpus_path(entry["path"], corpus)
            starts = _line_starts((corpus / path).read_bytes().decode("utf-8"))
            ready[path] = bool(entry.get("ready_to_send"))
            findings[path] = [
                Finding(
                    group=finding["rule"].split(".")[0],
                    rule=finding["rule"],
                    start=_offset(starts, finding["line"], finding["column"]),
                    end=_offset(starts, finding["end_line"], finding["end_column"]),
                )
                for finding in entry.get("findings") or []
            ]
    return findings, ready


def _source_settings(path: str) -> str | None:
    """The checklist.toml the team behind this corpus text would set, if not the defaults."""
    return next((toml for pattern, toml in SOURCE_SETTINGS.items() if fnmatch.fnmatch(path, pattern)), None)


def _corpus_path(reported: str, corpus: Path) -> str:
    resolved = Path(reported)
    if not resolved.is_absolute():
        resolved = corpus / resolved
    return resolved.resolve().relative_to(corpus.resolve()).as_posix()


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


def _offset(starts: list[int], line: int, column: int) -> int:
    return starts[min(max(line, 1), len(starts)) - 1] + max(column, 1) - 1


def run_peers(corpus: Path, labels: Sequence[Label]) -> dict[str, dict[str, int]]:
    """peer -> corpus path -> number of findings, for the peers that install (bench/run.py)."""
    import run as speed_bench  # bench/run.py: installs the same pinned peers

    tools = {tool.name: tool for tool in speed_bench.install_peers(lambda message: print(message, file=sys.stderr))}
    paths = [label.path for label in labels]
    counts: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        config = Path(scratch) / "proselintrc.json"
        # proselint stops after max_errors findings per file by default; count them all.
        config.write_text(json.dumps({"max_errors": 1_000_000}), encoding="utf-8")
        for name, tool in tools.items():
            command = tool.argv(None, list(paths))
            if name == "proselint":
                command = [command[0], "--config", str(config), *command[1:]]
            done = subprocess.run(
                command, capture_output=True, text=True, check=False, cwd=corpus, env={**os.environ, "NO_COLOR": "1"}
            )
            counts[name] = PARSERS[name](done.stdout + "\n" + done.stderr, paths)
    return counts


def _proselint_counts(output: str, paths: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys(paths, 0)
    for line in output.splitlines():
        for path in paths:
            if line.startswith(path + ":") or f"/{path}:" in line.split(": ")[0] + ":":
                counts[path] += 1
                break
    return counts


def _alex_counts(output: str, paths: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys(paths, 0)
    current: str | None = None
    for line in output.splitlines():
        if line and not line.startswith(" "):
            current = next((path for path in paths if line.split(": ")[0].endswith(path)), None)
        elif current is not None and re.match(r"\s+\d+:\d+", line):
            counts[current] += 1
    return counts


def _write_good_counts(output: str, paths: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys(paths, 0)
    current: str | None = None
    for line in output.splitlines():
        if line.startswith("In "):
            current = next((path for path in paths if line[3:].strip().endswith(path)), None)
        elif current is not None and re.search(r" on line \d+ at column \d+$", line):
            counts[current] += 1
    return counts


PARSERS = {"proselint": _proselint_counts, "alex": _alex_counts, "write-good": _write_good_counts}


# --- scoring -----------------------------------------------------------------------------


@dataclasses.dataclass
class Score:
    texts: int = 0
    flagged_by_reviewer: int = 0
    true_positives: int = 0
    false_positives: int = 0
    spans: int = 0
    spans_found: int = 0

    @property
    def passed_by_reviewer(self) -> int:
        return self.texts - self.flagged_by_reviewer

    @property
    def precision(self) -> float | None:
        fired = self.true_positives + self.false_positives
        return self.true_positives / fired if fired else None

    @property
    def recall(self) -> float | None:
        return self.true_positives / self.flagged_by_reviewer if self.flagged_by_reviewer else None

    @property
    def noise(self) -> float | None:
        return self.false_positives / self.passed_by_reviewer if self.passed_by_reviewer else None

    @property
    def span_recall(self) -> float | None:
        return self.spans_found / self.spans if self.spans else None

    def add(self, reviewer_flags: bool, tool_flags: bool) -> None:
        self.texts += 1
        self.flagged_by_reviewer += reviewer_flags
        self.true_positives += reviewer_flags and tool_flags
        self.false_positives += tool_flags and not reviewer_flags


def score_groups(labels: Iterable[Label], findings: dict[str, list[Finding]]) -> dict[tuple[str, str], Score]:
    """(group, kind or "all") -> Score."""
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    for label in labels:
        found = findings.get(label.path, [])
        for group in GROUPS:
            verdict = label.items[group]
            if verdict == "n/a":
                continue
            ours = [finding for finding in found if finding.group == group]
            for kind in (label.kind, "all"):
                score = scores[(group, kind)]
                score.add(verdict == "fail", bool(ours))
                if group in SPAN_GROUPS:
                    for span in label.spans:
                        if span["category"] == group:
                            score.spans += 1
                            score.spans_found += any(
                                f.start < int(span["end"]) and int(span["start"]) < f.end  # type: ignore[call-overload]
                                for f in ours
                            )
    return scores


def score_tone(labels: Iterable[Label], flags: dict[str, bool], by_kind: bool = True) -> dict[str, Score]:
    """Negative language and filler together: kind or "all" -> Score."""
    scores: dict[str, Score] = defaultdict(Score)
    for label in labels:
        verdicts = [label.items[group] for group in TONE_GROUPS]
        if all(verdict == "n/a" for verdict in verdicts):
            continue
        reviewer = "fail" in verdicts
        for kind in (label.kind, "all") if by_kind else ("all",):
            scores[kind].add(reviewer, flags.get(label.path, False))
    return scores


def score_ready(labels: Iterable[Label], not_ready: dict[str, bool]) -> dict[str, Score]:
    """ "Not ready to send" as the thing flagged: kind or "all" -> Score."""
    scores: dict[str, Score] = defaultdict(Score)
    for label in labels:
        for kind in (label.kind, "all"):
            scores[kind].add(not label.ready, not_ready.get(label.path, False))
    return scores


# --- printing ----------------------------------------------------------------------------


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def group_table(scores: dict[tuple[str, str], Score]) -> list[str]:
    lines = [
        "| group | kind | texts | reviewer flags | precision | recall | span recall | noise |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for group in GROUPS:
        for kind in (*KINDS, "all"):
            score = scores.get((group, kind))
            if score is None or not score.texts:
                continue
            lines.append(
                f"| {group} | {KIND_TITLES.get(kind, 'all')} | {score.texts} | {score.flagged_by_reviewer} | "
                f"{_figure(score.precision)} | {_figure(score.recall)} | {_figure(score.span_recall)} | "
                f"{_percent(score.noise)} |"
            )
    return lines


def tone_table(tone: dict[str, dict[str, Score]]) -> list[str]:
    lines = [
        "| tool | kind | texts | reviewer flags | recall | noise |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for tool, scores in tone.items():
        for kind in (*KINDS, "all"):
            score = scores.get(kind)
            if score is None or not score.texts:
                continue
            lines.append(
                f"| {tool} | {KIND_TITLES.get(kind, 'all')} | {score.texts} | {score.flagged_by_reviewer} | "
                f"{_percent(score.recall)} | {_percent(score.noise)} |"
            )
    return lines


def ready_table(scores: dict[str, Score]) -> list[str]:
    lines = [
        "| kind | texts | not ready (reviewer) | precision | recall | ready texts flagged |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for kind in (*KINDS, "all"):
        score = scores.get(kind)
        if score is None or not score.texts:
            continue
        lines.append(
            f"| {KIND_TITLES.get(kind, 'all')} | {score.texts} | {score.flagged_by_reviewer} | "
            f"{_figure(score.precision)} | {_figure(score.recall)} | {_percent(score.noise)} |"
        )
    return lines


def show_misses(group: str, labels: Sequence[Label], findings: dict[str, list[Finding]], corpus: Path) -> None:
    """For tuning: labeled spans no finding overlaps, and findings on texts or spans a reviewer passed."""
    for label in labels:
        if label.items.get(group) == "n/a":
            continue
        text = (corpus / label.path).read_bytes().decode("utf-8")
        ours = [finding for finding in findings.get(label.path, []) if finding.group == group]
        spans = [span for span in label.spans if span["category"] == group]
        lines: list[str] = []
        for span in spans:
            start, end = int(span["start"]), int(span["end"])  # type: ignore[call-overload]
            if not any(f.start < end and start < f.end for f in ours):
                lines.append(f"  MISS  {span.get('type', '')}: {_excerpt(text, start, end)}")
        for finding in ours:
            overlaps = any(
                finding.start < int(span["end"]) and int(span["start"]) < finding.end  # type: ignore[call-overload]
                for span in spans
            )
            if (group in SPAN_GROUPS and not overlaps) or label.items[group] == "pass":
                lines.append(f"  EXTRA {finding.rule}: {_excerpt(text, finding.start, finding.end)}")
        if label.items[group] == "fail" and not ours and group not in SPAN_GROUPS:
            lines.append("  MISS  (text-level)")
        if lines:
            print(f"{label.path}  [{label.items[group]}]")
            print("\n".join(lines))


def _excerpt(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 40) : start].replace("\n", " ")
    after = text[end : end + 40].replace("\n", " ")
    return f"…{before}[{text[start:end]}]{after}…"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--half", choices=["report", "tune", "both"], default="report")
    parser.add_argument("--with-peers", action="store_true", help="also run proselint, alex and write-good")
    parser.add_argument("--write", action="store_true", help="write bench/ACCURACY.md (report half only)")
    parser.add_argument("--misses", metavar="GROUP", help="print what GROUP misses and invents (tune half only)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--fold",
        choices=["fit", "check"],
        help="only one of two fixed folds of the labels (by a hash of the path): fit on one, check on the other",
    )
    parser.add_argument(
        "--agreement",
        action="store_true",
        help="the second labeler against the first (tune half, no linter run); with --write, into ACCURACY.md",
    )
    args = parser.parse_args(argv)
    corpus: Path = args.corpus.resolve()
    if args.agreement:
        return show_agreement(corpus, write=args.write)
    if args.write and (args.half != "report" or args.fold):
        parser.error("--write reports the report half only")
    if args.misses and args.half != "tune":
        parser.error("--misses reads the tune half only (use --half tune)")

    labels, problems = load_labels(corpus)
    for problem in problems:
        print(f"skipped label: {problem}", file=sys.stderr)
    labels = [label for label in labels if args.half in ("both", label.half)]
    if args.fold:
        labels = [label for label in labels if fold_of(label.path) == args.fold]
    if not labels:
        print("no labels to score", file=sys.stderr)
        return 2
    findings, ready_to_send = run_empathylint(corpus, labels)
    if args.misses:
        show_misses(args.misses, labels, findings, corpus)
        return 0

    groups = score_groups(labels, findings)
    tone = {
        "empathylint": score_tone(
            labels, {path: any(f.group in TONE_GROUPS for f in found) for path, found in findings.items()}
        )
    }
    peers = run_peers(corpus, labels) if args.with_peers else {}
    for peer, counts in peers.items():
        tone[peer] = score_tone(labels, {path: count > 0 for path, count in counts.items()})
    ready = score_ready(labels, {path: not is_ready for path, is_ready in ready_to_send.items()})

    if args.json:
        print(json.dumps(_as_json(groups, tone, ready), indent=2))
        return 0
    counts = {kind: sum(label.kind == kind for label in labels) for kind in KINDS}
    heading = (
        f"{len(labels)} labeled texts, {args.half} half{f' ({args.fold} fold)' if args.fold else ''}: "
        + ", ".join(f"{counts[kind]} {KIND_TITLES[kind]}" for kind in KINDS)
        + (f"; {len(problems)} labels skipped" if problems else "")
    )
    body = [
        heading,
        "",
        "## Per checklist group",
        "",
        *group_table(groups),
        "",
        "## Negative language and filler together, side by side with the peers",
        "",
        "A text counts as flagged by a peer when the peer reports anything on it.",
        "",
        *tone_table(tone),
        "",
        "## Ready to send",
        "",
        "Flagged: empathylint does not call the text ready to send (a finding at or above `fail-on`).",
        "",
        *ready_table(ready),
    ]
    print("\n".join(body))
    if args.write:
        kept = AGREEMENT.kept_section(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else []  # type: ignore[attr-defined]
        RESULTS.write_text(_document([*body, *([""] if kept else []), *kept]), encoding="utf-8")
        print(f"\nwrote {RESULTS.relative_to(REPO)}", file=sys.stderr)
    return 0


def show_agreement(corpus: Path, write: bool) -> int:
    """Print (and with write, put into ACCURACY.md) how far the second labels agree with the first."""
    first, _, problems = load_records(LABELS, corpus)
    second, halves, second_problems = load_records(SECOND, corpus)
    problems += [f"second/{problem}" for problem in second_problems]
    problems += [f"second: {path}: not in the tune half, left out" for path in second if halves[path] != "tune"]
    second = {path: record for path, record in second.items() if halves[path] == "tune"}
    for problem in problems:
        print(f"skipped label: {problem}", file=sys.stderr)
    both = sorted(set(first) & set(second))
    if not both:
        print("no text has both labels", file=sys.stderr)
        return 2
    scores = AGREEMENT.compare(first, second, GROUPS, SPAN_GROUPS)  # type: ignore[attr-defined]
    counts = {kind: sum(first[path]["kind"] == kind for path in both) for kind in KINDS}
    rows = [*GROUPS, "customer_upset", "not ready"]
    titles = {**{kind: KIND_TITLES[kind] for kind in KINDS}, "all": "all"}
    body = [
        "How far two careful reviewers following `bench/accuracy/LABELING.md` agree, which bounds what any",
        "linter measured against one of them can reach. A second labeler labeled blind a fixed sample of the",
        "tune half (`bench/accuracy/second/sample.py`), never the report half:",
        ", ".join(f"{counts[kind]} {KIND_TITLES[kind]}" for kind in KINDS) + f" ({len(both)} texts).",
        "Taking the first labels as the truth, precision and recall are the second labeler's, per text, as",
        "in the linter's table; kappa is Cohen's (1 full agreement, 0 what chance gives); span recall counts",
        "first-label phrases a second-label phrase of the same category overlaps, span precision the",
        "reverse. `customer_upset` (replies) and `not ready` are compared the same way. A text one labeler",
        "calls n/a is counted apart. Classes of disagreement: `bench/accuracy/AGREEMENT.md`.",
        "",
        *AGREEMENT.table(scores, rows, titles),  # type: ignore[attr-defined]
    ]
    print("\n".join(body))
    if write:
        document = RESULTS.read_text(encoding="utf-8") if RESULTS.is_file() else _document([])
        RESULTS.write_text(AGREEMENT.with_section(document, AGREEMENT.section(body)), encoding="utf-8")  # type: ignore[attr-defined]
        print(f"\nwrote the reviewer agreement section of {RESULTS.relative_to(REPO)}", file=sys.stderr)
    return 0


def _as_json(
    groups: dict[tuple[str, str], Score], tone: dict[str, dict[str, Score]], ready: dict[str, Score]
) -> dict[str, object]:
    def figures(score: Score) -> dict[str, object]:
        return {
            "texts": score.texts,
            "reviewer_flags": score.flagged_by_reviewer,
            "precision": score.precision,
            "recall": score.recall,
            "span_recall": score.span_recall,
            "noise": score.noise,
        }

    return {
        "groups": {f"{group}/{kind}": figures(score) for (group, kind), score in groups.items()},
        "tone": {tool: {kind: figures(score) for kind, score in scores.items()} for tool, scores in tone.items()},
        "ready": {kind: figures(score) for kind, score in ready.items()},
    }


def _document(body: list[str]) -> str:
    return "\n".join(
        [
            "# Accuracy on real support writing",
            "",
            "Written by `python3 bench/accuracy.py --with-peers --write`: empathylint measured against blind",
            "labels of real texts from the corpus (`bench/accuracy/LABELING.md`), report half only (the tune",
            "half is what the rules were improved on). Precision and recall are per text: a text is flagged",
            "when the group has any finding on it. Span recall counts labeled phrases a finding overlaps.",
            "Noise is the share of texts a reviewer passes that get a finding anyway.",
            "",
            *body,
            "",
        ]
    )


if __name__ == "__main__":
    raise SystemExit(main())
