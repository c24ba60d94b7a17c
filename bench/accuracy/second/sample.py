"""The texts the second labeler labels (issue 13), fixed before labeling.

    python3 bench/accuracy/second/sample.py [--corpus ../shared/corpus]

The rule, fixed in advance: from the TUNE half only (select.py, all batches), each kind in the
order of sha256("second:" + path); the first 60 replies, the first 30 canned replies, and the
first 30 articles whose file is under 6 KB (6,144 bytes; long articles take too long to label
carefully). Printed interleaved (reply, reply, template, doc, ...) so that labeling in this order
and stopping at any point still leaves a prefix of each kind's order: the labeled texts are then
the first N of each kind by the rule, whatever N the time allowed.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUOTA = {"reply": 60, "template": 30, "doc": 30}
DOC_MAX_BYTES = 6144


def _select() -> object:
    spec = importlib.util.spec_from_file_location("accuracy_select", HERE.parent / "select.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sample(corpus: Path) -> dict[str, list[str]]:
    select = _select()
    chosen: dict[str, list[str]] = {}
    for kind, quota in QUOTA.items():
        tune = [path for path, half in select.halves(corpus, kind).items() if half == "tune"]  # type: ignore[attr-defined]
        ordered = sorted(tune, key=lambda path: hashlib.sha256(f"second:{path}".encode()).hexdigest())
        if kind == "doc":
            ordered = [path for path in ordered if (corpus / path).stat().st_size < DOC_MAX_BYTES]
        chosen[kind] = ordered[:quota]
    return chosen


def interleaved(chosen: dict[str, list[str]]) -> list[str]:
    """Two replies, then a canned reply, then an article, round after round."""
    order: list[str] = []
    for index in range(max(len(paths) for paths in chosen.values())):
        order += chosen["reply"][2 * index : 2 * index + 2]
        order += chosen["template"][index : index + 1]
        order += chosen["doc"][index : index + 1]
    return order


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(_select().DEFAULT_CORPUS))  # type: ignore[attr-defined]
    args = parser.parse_args()
    for path in interleaved(sample(args.corpus)):
        print(path)


if __name__ == "__main__":
    main()
