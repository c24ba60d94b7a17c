"""What a check reports: a Diagnostic with its span, message, suggestion and fix."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with `replacement`."""

    start: int
    end: int
    replacement: str


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """The text with non-overlapping edits spliced in, in one pass from the start (rebuilding
    the whole text for each edit was quadratic on a long article)."""
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces.append(text[position : edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that resolve a finding. `safe` fixes keep the meaning and run with --fix;
    unsafe ones (rewrites that change meaning) need --unsafe-fixes, as in ruff."""

    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class ItemLocation:
    """Where a finding's document stands inside a file of many: a canned reply in a helpdesk
    export, named by its helpdesk, id, title and the JSON pointer of its field (a CSV row's
    pointer is /ROW/COLUMN). The finding's line and column count inside that reply."""

    helpdesk: str
    item_id: str | None
    title: str | None
    pointer: str
    field_kind: str
    # Where in the file the finding starts (on a report: where the field's text starts), for
    # formats that annotate the file itself (SARIF's region, GitHub's annotations).
    file_line: int = 0
    file_column: int = 0

    @property
    def label(self) -> str:
        """How a report names the item: `"Refund sent" (#42)` or its pointer alone."""
        named = f'"{self.title}"' if self.title else ""
        number = f"#{self.item_id}" if self.item_id else ""
        if named and number:
            return f"{named} ({number})"
        return named or number or self.pointer


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding. Rules fill the span in the Document's text; the engine maps it to the
    source file and fills line and column (1-based, columns counted in characters)."""

    rule_id: str
    severity: Severity
    start: int
    end: int
    message: str
    suggestion: str | None = None
    fix: Fix | None = None
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    # The canned reply this finding is in, when the file holds many (a helpdesk export).
    item: ItemLocation | None = None
