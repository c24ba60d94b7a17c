"""The customer's mood against the blind labels: does empathylint read "upset" where a reviewer did?

    python3 bench/mood_accuracy.py --corpus ../shared/corpus                 # tune half, figures only
    python3 bench/mood_accuracy.py --corpus ../shared/corpus --misses        # each miss and false alarm, with its cues

Reads `customer_upset` from every reply label file in bench/accuracy/labels/ and the customer's message
beside each labeled reply (`<name>.customer.txt`), and scores empathylint's mood reading
("upset" or not) as a classifier: precision, recall and the confusion counts. `--misses`
prints corpus text to the terminal for tuning, so it reads the tune half only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
LABELS = BENCH / "accuracy" / "labels"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
sys.path.insert(0, str(REPO))

from empathylint.language.mood import read_mood  # noqa: E402


def _halves(corpus: Path) -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("accuracy_select", BENCH / "accuracy" / "select.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    halves: dict[str, str] = module.halves(corpus, "reply")
    return halves


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--half", choices=["tune", "report"], default="tune")
    parser.add_argument("--misses", action="store_true", help="print each miss and false alarm (tune half only)")
    args = parser.parse_args()
    if args.misses and args.half != "tune":
        parser.error("--misses reads the tune half only")
    halves = _halves(args.corpus)
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    lines = [
        line for path in sorted(LABELS.glob("*replies.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()
    ]
    for line in lines:
        record = json.loads(line)
        if halves.get(record["path"]) != args.half or record["customer_upset"] is None:
            continue
        customer = args.corpus / record["path"].replace(".txt", ".customer.txt")
        mood = read_mood(customer.read_text(encoding="utf-8"))
        upset, labeled = mood.is_upset, bool(record["customer_upset"])
        outcome = ("tp" if upset else "fn") if labeled else ("fp" if upset else "tn")
        counts[outcome] += 1
        if args.misses and outcome in ("fp", "fn"):
            cues = ", ".join(f"{cue.reason}:{cue.found}" for cue in mood.cues)
            print(f"{outcome.upper()} {record['path']}  {mood.summary()}  [{cues}]")
            print("   " + " ".join(customer.read_text(encoding="utf-8").split())[:400])
    fired = counts["tp"] + counts["fp"]
    labeled_upset = counts["tp"] + counts["fn"]
    precision = counts["tp"] / fired if fired else float("nan")
    recall = counts["tp"] / labeled_upset if labeled_upset else float("nan")
    print(f"{args.half} half: {sum(counts.values())} customers, {labeled_upset} upset by the labels")
    print(f"mood 'upset': precision {precision:.2f}, recall {recall:.2f}  {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
