"""The shape of a rule: metadata, documentation, typed settings and one pure check."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from empathylint.diagnostics import Diagnostic, Fix, Severity
from empathylint.document import Document, Profile, Span

SettingsT = TypeVar("SettingsT")
NumberT = TypeVar("NumberT", int, float)
KeyT = TypeVar("KeyT")

FixKind = Literal["none", "safe", "unsafe"]
Metrics = dict[str, "float | str"]


@dataclass(frozen=True, slots=True)
class Code:
    """One thing a rule group flags; its id is `group.name`."""

    name: str
    summary: str
    severity: Severity
    fix: FixKind = "none"


@dataclass(frozen=True)
class Rule(Generic[SettingsT]):
    """A rule group: one module in empathylint/rules/, one checklist item.

    `doc` is the module docstring with the four headings What it does / Why it matters /
    Example / Use instead; `settings` is a frozen dataclass that config.py fills from
    `[rules.<group>]` in checklist.toml, so a rule never reads raw TOML."""

    group: str
    item: str
    codes: tuple[Code, ...]
    profiles: frozenset[Profile]
    settings: type[SettingsT]
    check: Callable[[Document, SettingsT], Iterable[Diagnostic]]
    doc: str
    metrics: Callable[[Document, SettingsT], Metrics] | None = None
    # Whether this document gives the rule anything to judge (e.g. a customer message to
    # read the mood from); when it returns False the rule does not run and its item is n/a.
    applies_to: Callable[[Document], bool] | None = None
    # A check that skips the work of codes a run does not select (given by name): when set,
    # the engine calls it instead of `check`.
    check_selected: Callable[[Document, SettingsT, frozenset[str]], Iterable[Diagnostic]] | None = None

    @functools.cached_property
    def ids(self) -> tuple[str, ...]:
        # Asked for every rule of every file (selection, scorecard): built once.
        return tuple(f"{self.group}.{code.name}" for code in self.codes)

    @property
    def title(self) -> str:
        return self.doc.strip().splitlines()[0].rstrip(".")

    def code(self, name: str) -> Code:
        for code in self.codes:
            if code.name == name:
                return code
        raise KeyError(f"{self.group} has no code {name!r}")

    def diagnostic(
        self,
        code_name: str,
        span: Span,
        message: str,
        *,
        suggestion: str | None = None,
        fix: Fix | None = None,
    ) -> Diagnostic:
        code = self.code(code_name)
        return Diagnostic(
            rule_id=f"{self.group}.{code.name}",
            severity=code.severity,
            start=span.start,
            end=span.end,
            message=message,
            suggestion=bounded_suggestion(suggestion),
            fix=fix,
        )


# A suggestion is a phrase or a clause to read; past this many characters it is cut, so a
# finding's size never follows the length of the sentence it sits in.
MAX_SUGGESTION = 240


def bounded_suggestion(suggestion: str | None) -> str | None:
    if suggestion is None or len(suggestion) <= MAX_SUGGESTION:
        return suggestion
    cut = suggestion.rfind(" ", 0, MAX_SUGGESTION)
    return suggestion[: cut if cut > MAX_SUGGESTION // 2 else MAX_SUGGESTION].rstrip() + " …"


AnyRule = Rule[Any]


def bounded(default: NumberT, *, minimum: NumberT | None = None, maximum: NumberT | None = None) -> NumberT:
    """A number setting with the range configuration accepts (`max-sentence-words = -3` is
    refused when the file loads, naming the key and the range)."""
    return field(default=default, metadata={"minimum": minimum, "maximum": maximum})


def bounded_values(
    default: Callable[[], dict[KeyT, NumberT]], *, minimum: float | None = None, maximum: float | None = None
) -> dict[KeyT, NumberT]:
    """A table of numbers (`target-grade = { reply = 8.0 }`), each within a range; like
    `bounded`, a dataclasses.field (so ruff's RUF009 needs telling)."""
    return field(default_factory=default, metadata={"minimum": minimum, "maximum": maximum})
