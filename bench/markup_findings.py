"""Markup read as prose (issue 18): on every help article of the corpus, the findings that
land on a front matter key, an HTML tag or attribute, or an HTML entity. The target is zero.

    python3 bench/markup_findings.py [--corpus ../shared/corpus] [--show]

Standard library only. It runs `python -m empathylint check --output-format json` (all rules,
the doc profile) on every file of the corpus's `docs/` folder, finds in each file (read, never
copied) the spans of its front matter keys, tags with their attributes, and entities, and counts
the findings that overlap one of them, by rule: findings of a word or phrase only (a finding
longer than `_SENTENCE_SIZED` characters, a long sentence or paragraph, holds markup without
being about it). `--show` prints each such finding's file, line and rule (no corpus text).
Exits 1 when any is found.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n.*?^\1[ \t]*$", re.S | re.M)
_FRONT_MATTER_KEY = re.compile(r"^[ \t]*-?[ \t]*[A-Za-z_][\w-]*(?=[ \t]*[:=])", re.M)
# A start or end tag with its attributes, a comment, and an entity.
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.S)
_SENTENCE_SIZED = 80
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def markup_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every front matter key, tag and entity of a file's text."""
    spans = []
    matter = _FRONT_MATTER.match(text)
    if matter:
        for key in _FRONT_MATTER_KEY.finditer(text, 0, matter.end()):
            spans.append((key.start(), key.end(), "front-matter key"))
    for tag in _TAG.finditer(text):
        spans.append((tag.start(), tag.end(), "html tag"))
    for entity in _ENTITY.finditer(text):
        spans.append((entity.start(), entity.end(), "html entity"))
    return spans


def _line_starts(text: str) -> list[int]:
    return [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", action="store_true", help="print each finding's file, line and rule")
    args = parser.parse_args(argv)
    docs = sorted(path for path in (args.corpus / "docs").iterdir() if path.is_file())
    command = [sys.executable, "-m", "empathylint", "check", "--output-format", "json", "--profile", "doc"]
    done = subprocess.run(
        [*command, *map(str, docs)], capture_output=True, text=True, check=False, env={**os.environ, "NO_COLOR": "1"}
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"empathylint exited {done.returncode}: {done.stderr.strip()[:500]}")
    by_rule: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    findings = 0
    for entry in json.loads(done.stdout)["files"]:
        text = Path(entry["path"]).read_bytes().decode("utf-8")
        starts = _line_starts(text)
        spans = markup_spans(text)
        for found in entry.get("findings") or []:
            findings += 1
            start = starts[found["line"] - 1] + found["column"] - 1
            end = starts[found["end_line"] - 1] + found["end_column"] - 1
            if end - start > _SENTENCE_SIZED:
                continue
            hit = next((kind for low, high, kind in spans if start < high and low < max(end, start + 1)), None)
            if hit is not None:
                by_rule[found["rule"]] += 1
                by_kind[hit] += 1
                if args.show:
                    print(f"{Path(entry['path']).name}:{found['line']}:{found['column']}  {found['rule']}  ({hit})")
    total = sum(by_rule.values())
    print(f"{len(docs)} articles, {findings} findings, {total} on front matter keys, HTML tags or entities")
    for kind, count in by_kind.most_common():
        print(f"  {kind}: {count}")
    for rule, count in by_rule.most_common():
        print(f"  {rule}: {count}")
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
