"""The shape of a rule: metadata, documentation, typed settings and one pure check."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from empathylint.diagnostics import Diagnostic, Fix, Severity
from empathylint.document import Document, Profile, Span

SettingsT = TypeVar("SettingsT")

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
            suggestion=suggestion,
            fix=fix,
        )


AnyRule = Rule[Any]
