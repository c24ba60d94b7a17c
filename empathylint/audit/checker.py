"""The per-reply check of an audit: the Python API's `check_text` with the reply profile,
the reply's channel and the customer's message, so an audit finds what `empathylint check`
finds in the same reply with the same settings.

AuditSettings is what travels to a worker process or a Dask worker: a few plain values,
small to pickle; each process loads the Settings from it once and keeps them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from empathylint.audit.records import BadRow, Row
from empathylint.audit.totals import WORST_KEPT, AuditTotals, ReplyResult, result_counts
from empathylint.document import Channel

if TYPE_CHECKING:
    from empathylint.api import Settings

# What helpdesks call their channels, as the checks' four.
CHANNEL_NAMES: dict[str, Channel] = {
    **{name: "email" for name in ("email", "e_mail", "mail", "web", "web_form", "webform", "contact_form", "ticket")},
    **{
        name: "chat"
        for name in ("chat", "live_chat", "livechat", "messaging", "messenger", "whatsapp", "sms", "in_app", "widget")
    },
    **{name: "social" for name in ("social", "social_media", "twitter", "x", "facebook", "instagram")},
    # Messages a helpdesk's automations send (triggers, system notifications): no person writes them.
    **{name: "notice" for name in ("notice", "notification", "system", "automated", "automation", "trigger")},
}

# Besides letters, what a person's name may hold ("Mary-Jo O'Neil", "J. Smith").
NAME_MARKS = frozenset(" .'-")


@dataclass(frozen=True)
class AuditSettings:
    """The settings of an audit, as `empathylint check` takes them: a checklist file (read
    where the check runs: on a cluster, a path every worker can read), rules to select or
    ignore, the severity that blocks sending, the channel of replies whose export names
    none, and how many of the worst replies to keep."""

    config: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: Literal["error", "warning", "info"] | None = None
    channel: Channel | None = None
    worst_kept: int = WORST_KEPT
    # What errors in these values are said to come from.
    source: str = "AuditSettings"

    def load(self) -> Settings:
        """The API's Settings (raises ConfigError for a bad file or value); made once per
        process and kept."""
        loaded = _LOADED.get(self)
        if loaded is None:
            from empathylint.api import Settings

            loaded = Settings(
                config=self.config,
                profile="reply",
                select=self.select,
                ignore=self.ignore,
                fail_on=self.fail_on,
                channel=self.channel,
                _source=self.source,
            )
            _LOADED[self] = loaded
        return loaded


_LOADED: dict[AuditSettings, Settings] = {}


def channel_of(value: str | None) -> Channel | None:
    """The channel a helpdesk's name stands for; None for none given or one unknown."""
    if value is None:
        return None
    return CHANNEL_NAMES.get(value.strip().lower().replace(" ", "_").replace("-", "_"))


def is_person_name(value: str) -> bool:
    """An agent column that holds a person's name (letters, and spaces, dots, hyphens or
    apostrophes between them) is also the name the sign-off is checked against; an email
    address or an id is not."""
    return value[:1].isalpha() and all(char.isalpha() or char in NAME_MARKS for char in value)


def check_row(row: Row, settings: Settings) -> ReplyResult | BadRow:
    """One reply, checked as a reply on its channel with its customer's message."""
    from empathylint.api import InputError, check_text

    agent_name = row.agent if row.agent is not None and is_person_name(row.agent) else None
    try:
        report = check_text(
            row.reply,
            settings=settings,
            channel=channel_of(row.channel),
            customer_message=row.customer_message,
            customer_name=row.customer_name,
            agent_name=agent_name,
        )
    except InputError as error:
        return BadRow(row.file, row.line, error.reason)
    return ReplyResult(
        file=row.file,
        line=row.line,
        id=row.id,
        agent=row.agent,
        macro=row.macro,
        channel=report.channel or "email",
        date=row.date,
        scorecard=tuple(report.scorecard.items()),
        ready_to_send=report.ready_to_send,
        rule_counts=result_counts(d.rule_id for d in report.diagnostics),
        blocking=len(report.blocking),
    )


def check_rows(rows: Iterable[Row | BadRow], audit: AuditSettings) -> AuditTotals:
    """The totals of some rows: a chunk in a worker process, a partition on Dask."""
    settings = audit.load()
    totals = AuditTotals(worst_kept=audit.worst_kept)
    for row in rows:
        if isinstance(row, Row) and row.channel is not None and channel_of(row.channel) is None:
            totals.unknown_channels[row.channel] += 1
        outcome = check_row(row, settings) if isinstance(row, Row) else row
        if isinstance(outcome, BadRow):
            totals.add_bad_row(outcome)
        else:
            totals.add(outcome)
    return totals
