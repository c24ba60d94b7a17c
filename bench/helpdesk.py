"""What reading a helpdesk export costs beside checking its replies (issue 16).

    .venv/bin/python bench/helpdesk.py            # 2,000 macros
    .venv/bin/python bench/helpdesk.py --macros 500

Builds a Zendesk export of N macros from the replies of our own invented exports in
examples/helpdesk/ (ids and titles vary), then times, in this process:
- reading it: JSON parsing, detection, the string scanner and the items;
- checking it as `empathylint check` does (read, lint every reply, map every fix);
- checking the same replies written as N plain-text files, for comparison;
- a --fix pass's first re-check, which is the same work again.
Prints wall times and replies per second. Not part of the test run."""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from empathylint.checking import CheckOptions, check_source
from empathylint.config import Resolver
from empathylint.files import SourceFile
from empathylint.formats.helpdesk import read_export
from empathylint.rules import RULES

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "helpdesk"


def replies() -> list[tuple[str, bool]]:
    """Every reply of the example exports, with whether it is HTML."""
    found = []
    for path in sorted(EXAMPLES.iterdir()):
        text = path.read_text(encoding="utf-8")
        export = read_export(text, path.name, columns=("reply",) if path.suffix == ".csv" else ())
        found.extend((item.text, item.kind == "html") for item in export.items)
    return found


def zendesk_export(count: int) -> str:
    pool = replies()
    macros = []
    for number in range(count):
        text, html = pool[number % len(pool)]
        field = "comment_value_html" if html else "comment_value"
        macros.append({"id": 1000 + number, "title": f"Macro {number}", "actions": [{"field": field, "value": text}]})
    return json.dumps({"macros": macros}, indent=2)


def timed(label: str, count: int, work: object) -> float:
    start = time.perf_counter()
    assert callable(work)
    work()
    elapsed = time.perf_counter() - start
    print(f"{label:<44} {elapsed:8.2f} s   {count / elapsed:8.0f} replies/s")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--macros", type=int, default=2000)
    count = parser.parse_args().macros
    text = zendesk_export(count)
    print(f"A Zendesk export of {count:,} macros, {len(text.encode()) / 1_048_576:.1f} MB")
    config = Resolver(RULES, isolated=True).root
    source = SourceFile("macros.json", text, "utf-8", False, len(text.encode()), 0)
    # Load what the first check loads (the pronouncing dictionary, the word lists) before timing.
    for warm, _html in replies():
        check_source(SourceFile("warm.txt", warm, "utf-8", False, len(warm.encode()), 0), config, CheckOptions())
    timed("read the export (parse, detect, scan)", count, lambda: read_export(text, "macros.json"))
    timed("check the export", count, lambda: check_source(source, config, CheckOptions()))
    export = read_export(text, "macros.json")
    with tempfile.TemporaryDirectory() as folder:
        sources = []
        for item in export.items:
            path = Path(folder) / f"{item.item_id}.{'html' if item.kind == 'html' else 'txt'}"
            sources.append(SourceFile(str(path), item.text, "utf-8", False, len(item.text.encode()), 0))
        options = CheckOptions(profile_forced=True)
        template = Resolver(RULES, isolated=True, overrides={"profile": "template"}).root
        timed(
            "check the same replies as separate files",
            count,
            lambda: [check_source(s, template, options) for s in sources],
        )


if __name__ == "__main__":
    main()
