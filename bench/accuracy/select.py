"""Which corpus texts are labeled, and which half each belongs to (LABELING.md, "The set").

    python3 bench/accuracy/select.py [--corpus ../shared/corpus] [--kind reply|template|doc] [--half tune|report]

Prints one corpus path a line. The choice depends only on the paths, so it is the same on
every machine; a label is still keyed by the file's content hash, so a corpus file that
changed is seen as unlabeled, never mislabeled."""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

# How many texts of each kind are labeled (the issue asks for at least 150, 60 and 90).
QUOTA = {"reply": 160, "template": 70, "doc": 96}
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


def selected(corpus: Path, kind: str) -> list[str]:
    """The labeled texts of a kind: the first QUOTA[kind] by the hash of their path."""
    return sorted(candidates(corpus, kind), key=lambda path: _digest("select:" + path))[: QUOTA[kind]]


def halves(corpus: Path, kind: str) -> dict[str, str]:
    """path -> "tune" or "report": within a kind, alternate by the hash of the path."""
    ordered = sorted(selected(corpus, kind), key=lambda path: _digest("split:" + path))
    return {path: ("tune" if index % 2 == 0 else "report") for index, path in enumerate(ordered)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--kind", choices=sorted(QUOTA), action="append")
    parser.add_argument("--half", choices=["tune", "report"])
    args = parser.parse_args()
    for kind in args.kind or sorted(QUOTA):
        for path, half in sorted(halves(args.corpus, kind).items()):
            if args.half in (None, half):
                print(path)


if __name__ == "__main__":
    main()
