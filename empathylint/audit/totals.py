"""What an audit adds up: one reply's outcome (ReplyResult) and the sums over many
(AuditTotals), which merge in any order to the same totals. That is what lets `--jobs`
and Dask split an export anywhere: each part sums its replies, the parts merge.

Everything here is small and picklable; nothing grows with the number of replies except
the per-agent and per-macro tables (one entry per agent or macro) and the findings counter
(one entry per rule id)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from empathylint.audit.records import BadRow
from empathylint.checklist import ITEMS, SEND

NONE_GIVEN = "(none)"
"""The agent or macro of a reply whose export names none (a reply written from scratch)."""

WORST_KEPT = 10
BAD_ROWS_NAMED = 50


@dataclass(frozen=True, slots=True)
class ReplyResult:
    """One checked reply: where it is, whose it is, its checklist and its findings."""

    file: str
    line: int
    id: str | None
    agent: str | None
    macro: str | None
    channel: str
    date: str | None
    scorecard: tuple[tuple[str, str], ...]
    ready_to_send: bool
    rule_counts: tuple[tuple[str, int], ...]
    blocking: int

    @property
    def findings(self) -> int:
        return sum(count for _rule_id, count in self.rule_counts)


@dataclass
class ItemTally:
    """One checklist item over many replies."""

    met: int = 0
    not_met: int = 0
    not_applicable: int = 0

    def add(self, status: str) -> None:
        if status == "met":
            self.met += 1
        elif status == "not met":
            self.not_met += 1
        else:
            self.not_applicable += 1

    def merge(self, other: ItemTally) -> None:
        self.met += other.met
        self.not_met += other.not_met
        self.not_applicable += other.not_applicable

    @property
    def pass_rate(self) -> float | None:
        """Met out of the replies it applied to; None when it applied to none."""
        applied = self.met + self.not_met
        return self.met / applied if applied else None


@dataclass
class GroupTotals:
    """The replies of one agent, one macro, or all of them."""

    replies: int = 0
    ready: int = 0
    items: dict[str, ItemTally] = field(default_factory=lambda: {item.key: ItemTally() for item in ITEMS})

    def add(self, result: ReplyResult) -> None:
        self.replies += 1
        self.ready += result.ready_to_send
        for item, status in result.scorecard:
            self.items.setdefault(item, ItemTally()).add(status)

    def merge(self, other: GroupTotals) -> None:
        self.replies += other.replies
        self.ready += other.ready
        for item, tally in other.items.items():
            self.items.setdefault(item, ItemTally()).merge(tally)

    @property
    def ready_rate(self) -> float | None:
        return self.ready / self.replies if self.replies else None

    def weakest(self, count: int = 3) -> list[tuple[str, float]]:
        """The items (not the verdict) with the lowest pass rates, lowest first."""
        rated = [
            (item, rate)
            for item, tally in self.items.items()
            if item != SEND and (rate := tally.pass_rate) is not None and rate < 1
        ]
        return sorted(rated, key=lambda pair: (pair[1], pair[0]))[:count]


@dataclass(frozen=True, slots=True)
class WorstReply:
    file: str
    line: int
    id: str | None
    agent: str | None
    macro: str | None
    blocking: int
    findings: int
    rules: tuple[str, ...]

    @property
    def rank(self) -> tuple[int, int, str, int]:
        """Most blocking findings first, then most findings, then the export's order."""
        return (-self.blocking, -self.findings, self.file, self.line)


@dataclass
class AuditTotals:
    """The sums of an audit. `add` one reply, `merge` another part's totals: the result
    does not depend on the order replies or parts come in."""

    overall: GroupTotals = field(default_factory=GroupTotals)
    agents: dict[str, GroupTotals] = field(default_factory=dict)
    macros: dict[str, GroupTotals] = field(default_factory=dict)
    channels: Counter[str] = field(default_factory=Counter)
    # Channel names in the export that are none of email, chat, social, notice: checked as the default.
    unknown_channels: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    replies_with: Counter[str] = field(default_factory=Counter)
    worst: list[WorstReply] = field(default_factory=list)
    bad_rows: int = 0
    # The first BAD_ROWS_NAMED, in the export's order, to name on standard error.
    bad_rows_named: list[BadRow] = field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None
    worst_kept: int = WORST_KEPT

    @property
    def replies(self) -> int:
        return self.overall.replies

    @property
    def ready(self) -> int:
        return self.overall.ready

    def add(self, result: ReplyResult) -> None:
        self.overall.add(result)
        self.agents.setdefault(result.agent or NONE_GIVEN, GroupTotals()).add(result)
        self.macros.setdefault(result.macro or NONE_GIVEN, GroupTotals()).add(result)
        self.channels[result.channel] += 1
        for rule_id, count in result.rule_counts:
            self.findings[rule_id] += count
            self.replies_with[rule_id] += 1
        if result.findings:
            rules = tuple(
                rule_id for rule_id, _count in sorted(result.rule_counts, key=lambda pair: (-pair[1], pair[0]))
            )
            worst = WorstReply(
                result.file, result.line, result.id, result.agent, result.macro, result.blocking, result.findings, rules
            )
            self._keep_worst([worst])
        self._dates(result.date, result.date)

    def add_bad_row(self, bad: BadRow) -> None:
        self.bad_rows += 1
        self._keep_bad([bad])

    def merge(self, other: AuditTotals) -> AuditTotals:
        """Add another part's totals into these; returns self, so parts fold."""
        self.overall.merge(other.overall)
        for mine, theirs in ((self.agents, other.agents), (self.macros, other.macros)):
            for name, group in theirs.items():
                mine.setdefault(name, GroupTotals()).merge(group)
        self.channels.update(other.channels)
        self.findings.update(other.findings)
        self.replies_with.update(other.replies_with)
        self._keep_worst(other.worst)
        self.bad_rows += other.bad_rows
        self._keep_bad(other.bad_rows_named)
        self.unknown_channels.update(other.unknown_channels)
        self._dates(other.first_date, other.last_date)
        return self

    def _keep_worst(self, more: Iterable[WorstReply]) -> None:
        self.worst = sorted([*self.worst, *more], key=lambda reply: reply.rank)[: self.worst_kept]

    def _keep_bad(self, more: Iterable[BadRow]) -> None:
        self.bad_rows_named = sorted([*self.bad_rows_named, *more], key=lambda bad: (bad.file, bad.line))[
            :BAD_ROWS_NAMED
        ]

    def _dates(self, first: str | None, last: str | None) -> None:
        if first is not None and (self.first_date is None or first < self.first_date):
            self.first_date = first
        if last is not None and (self.last_date is None or last > self.last_date):
            self.last_date = last

    def most_frequent(self, count: int | None = None) -> list[tuple[str, int, int]]:
        """(rule id, findings, replies with it), most findings first."""
        ranked = sorted(self.findings.items(), key=lambda pair: (-pair[1], pair[0]))[:count]
        return [(rule_id, found, self.replies_with[rule_id]) for rule_id, found in ranked]


def merge_all(parts: Iterable[AuditTotals], worst_kept: int = WORST_KEPT) -> AuditTotals:
    """One AuditTotals from many (the empty totals when there are none)."""
    merged = AuditTotals(worst_kept=worst_kept)
    for part in parts:
        merged.merge(part)
    return merged


def result_counts(rule_ids: Iterable[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(Counter(rule_ids).items()))


def group_rates(groups: Mapping[str, GroupTotals]) -> list[tuple[str, GroupTotals]]:
    """Groups, least ready first, then by name: where a QA lead looks first."""
    return sorted(groups.items(), key=lambda pair: (pair[1].ready_rate or 0.0, pair[0]))
