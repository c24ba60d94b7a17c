"""How far two careful reviewers agree (issue 13): the second labels against the first.

    python3 bench/accuracy.py --agreement [--write]

`bench/accuracy/second/*.jsonl` holds a second labeler's blind labels of a fixed sample of the
tune half (`second/sample.py` says which texts), in the format of `labels/*.jsonl`. Taking the
first labels as the truth, this measures per checklist group and kind of text what the linter is
measured by (precision and recall of the second labeler's "fail"), Cohen's kappa (agreement
beyond chance), and for span groups how many phrases each labeler marked that the other's span of
the same category overlaps. If two reviewers agree on a group at 0.6, no linter measured against
one of them can be expected to reach 0.9.

Everything here works on label records (dicts); nothing reads or runs the linter.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

SECTION_START = "<!-- reviewer-agreement: written by `python3 bench/accuracy.py --agreement --write` -->"
SECTION_END = "<!-- /reviewer-agreement -->"

Record = Mapping[str, object]


@dataclasses.dataclass
class Agreement:
    """Two reviewers' verdicts on one group over some texts, the first taken as the truth."""

    texts: int = 0
    first_flags: int = 0
    second_flags: int = 0
    both_flag: int = 0
    one_says_na: int = 0
    first_spans: int = 0
    first_spans_overlapped: int = 0
    second_spans: int = 0
    second_spans_overlapped: int = 0

    @property
    def precision(self) -> float | None:
        return self.both_flag / self.second_flags if self.second_flags else None

    @property
    def recall(self) -> float | None:
        return self.both_flag / self.first_flags if self.first_flags else None

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa on fail/pass; None when chance alone explains all agreement."""
        if not self.texts:
            return None
        neither = self.texts - self.first_flags - self.second_flags + self.both_flag
        observed = (self.both_flag + neither) / self.texts
        first, second = self.first_flags / self.texts, self.second_flags / self.texts
        chance = first * second + (1 - first) * (1 - second)
        return None if chance == 1 else (observed - chance) / (1 - chance)

    @property
    def span_recall(self) -> float | None:
        """First labeler's phrases that a second labeler's phrase of the same category overlaps."""
        return self.first_spans_overlapped / self.first_spans if self.first_spans else None

    @property
    def span_precision(self) -> float | None:
        """Second labeler's phrases that a first labeler's phrase of the same category overlaps."""
        return self.second_spans_overlapped / self.second_spans if self.second_spans else None

    def add(self, first: bool, second: bool) -> None:
        self.texts += 1
        self.first_flags += first
        self.second_flags += second
        self.both_flag += first and second


def _overlaps(span: Record, others: Iterable[Record]) -> bool:
    start, end = int(span["start"]), int(span["end"])  # type: ignore[call-overload]
    return any(int(o["start"]) < end and start < int(o["end"]) for o in others)  # type: ignore[call-overload]


def compare(
    first: Mapping[str, Record], second: Mapping[str, Record], groups: Sequence[str], span_groups: Sequence[str]
) -> dict[tuple[str, str], Agreement]:
    """(group, kind or "all") -> Agreement over the paths both reviewers labeled. Besides the
    checklist groups, "customer_upset" (replies) and "not ready" are compared the same way."""
    scores: dict[tuple[str, str], Agreement] = defaultdict(Agreement)
    for path in sorted(set(first) & set(second)):
        one, two = first[path], second[path]
        kind = str(one["kind"])
        verdicts: dict[str, tuple[str, str]] = {
            group: (one["items"][group], two["items"][group])  # type: ignore[index]
            for group in groups
        }
        if kind == "reply":
            verdicts["customer_upset"] = tuple(  # type: ignore[assignment]
                "fail" if record["customer_upset"] else "pass" for record in (one, two)
            )
        verdicts["not ready"] = tuple("pass" if record["ready"] else "fail" for record in (one, two))  # type: ignore[assignment]
        for group, (a, b) in verdicts.items():
            for where in (kind, "all"):
                score = scores[(group, where)]
                if (a == "n/a") != (b == "n/a"):
                    score.one_says_na += 1
                    continue
                if a == "n/a":
                    continue
                score.add(a == "fail", b == "fail")
                if group in span_groups:
                    spans_one = [s for s in one["spans"] if s["category"] == group]  # type: ignore[attr-defined]
                    spans_two = [s for s in two["spans"] if s["category"] == group]  # type: ignore[attr-defined]
                    score.first_spans += len(spans_one)
                    score.second_spans += len(spans_two)
                    score.first_spans_overlapped += sum(_overlaps(s, spans_two) for s in spans_one)
                    score.second_spans_overlapped += sum(_overlaps(s, spans_one) for s in spans_two)
    return dict(scores)


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def table(scores: Mapping[tuple[str, str], Agreement], rows: Sequence[str], kinds: Mapping[str, str]) -> list[str]:
    """A Markdown table: a line per row name and kind (kinds maps a kind to its title)."""
    lines = [
        "| group | kind | texts | first flags | second flags | precision | recall | kappa "
        "| span precision | span recall | n/a on one side |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        for kind, title in kinds.items():
            score = scores.get((row, kind))
            if score is None or not (score.texts or score.one_says_na):
                continue
            lines.append(
                f"| {row} | {title} | {score.texts} | {score.first_flags} | {score.second_flags} | "
                f"{_figure(score.precision)} | {_figure(score.recall)} | {_figure(score.kappa)} | "
                f"{_figure(score.span_precision)} | {_figure(score.span_recall)} | {score.one_says_na} |"
            )
    return lines


def section(body: Sequence[str]) -> list[str]:
    return [SECTION_START, "## Reviewer agreement", "", *body, SECTION_END]


def with_section(document: str, lines: Sequence[str]) -> str:
    """The document with its reviewer-agreement section replaced by lines, or lines appended."""
    block = "\n".join(lines)
    start, end = document.find(SECTION_START), document.find(SECTION_END)
    if start >= 0 and end > start:
        return document[:start] + block + document[end + len(SECTION_END) :]
    return document.rstrip("\n") + "\n\n" + block + "\n"


def kept_section(document: str) -> list[str]:
    """The reviewer-agreement section of a document, to carry over when the rest is rewritten."""
    start, end = document.find(SECTION_START), document.find(SECTION_END)
    return document[start : end + len(SECTION_END)].splitlines() if start >= 0 and end > start else []
