"""Which corpus texts are labeled, and which half each belongs to (LABELING.md, "The set").

    python3 bench/accuracy/select.py [--corpus ../shared/corpus] [--kind reply|template|doc]
                                     [--half tune|report] [--batch 1|2]

Prints one corpus path a line. The choice depends only on the paths, so it is the same on
every machine; a label is still keyed by the file's content hash, so a corpus file that
changed is seen as unlabeled, never mislabeled.

Texts are labeled in batches. A batch takes the next texts of each kind in the order of the
hash of their path and splits them into halves on its own, so adding a batch never moves a text
of an earlier batch from one half to the other."""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

# How many texts of each kind each batch labels (the issue asks for at least 150, 60 and 90).
BATCHES = (
    {"reply": 160, "template": 70, "doc": 96},
    {"reply": 100, "template": 40, "doc": 40},
    {"reply": 80, "template": 20, "doc": 40},
    {"reply": 60, "template": 21, "doc": 64},
)
# Batches whose texts engineers had already read with the linter's output beside them while
# improving rules (they were the free pool): their labels are blind, but they can only be tuned on.
TUNE_ONLY = frozenset({3, 4})
KINDS = ("doc", "reply", "template")
FOLDER = {"reply": "replies", "template": "templates", "doc": "docs"}
DEFAULT_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def candidates(corpus: Path, kind: str) -> list[str]:
    folder = corpus / FOLDER[kind]
    names = sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.endswith(".customer.txt"))
    return [f"{FOLDER[kind]}/{name}" for name in names]


def batches(corpus: Path, kind: str) -> list[list[str]]:
    """The texts of a kind in each batch: the next BATCHES[n][kind] by the hash of their path."""
    ordered = sorted(candidates(corpus, kind), key=lambda path: _digest("select:" + path))
    chosen: list[list[str]] = []
    start = 0
    for quota in BATCHES:
        chosen.append(ordered[start : start + quota[kind]])
        start += quota[kind]
    return chosen


def selected(corpus: Path, kind: str) -> list[str]:
    """The labeled texts of a kind, all batches together."""
    return [path for batch in batches(corpus, kind) for path in batch]


def halves(corpus: Path, kind: str, batch: int | None = None) -> dict[str, str]:
    """path -> "tune" or "report": within a kind and a batch, alternate by the hash of the path."""
    split: dict[str, str] = {}
    for number, paths in enumerate(batches(corpus, kind), start=1):
        if batch in (None, number):
            ordered = sorted(paths, key=lambda path: _digest("split:" + path))
            split.update(
                {
                    path: ("tune" if index % 2 == 0 or number in TUNE_ONLY else "report")
                    for index, path in enumerate(ordered)
                }
            )
    return split


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--kind", choices=KINDS, action="append")
    parser.add_argument("--half", choices=["tune", "report"])
    parser.add_argument("--batch", type=int, choices=range(1, len(BATCHES) + 1))
    args = parser.parse_args()
    for kind in args.kind or KINDS:
        for path, half in sorted(halves(args.corpus, kind, args.batch).items()):
            if args.half in (None, half):
                print(path)


if __name__ == "__main__":
    main()
