"""How a canned reply is read and checked: as a template (a helpdesk's placeholders are slots
it fills), on its channel, with the helpdesk's own placeholder words and suggestions; and a
placeholder of another helpdesk's syntax, which this one would send as typed, is flagged."""

from __future__ import annotations

import dataclasses
import importlib
import re
from collections.abc import Iterator

from empathylint.config import FileSettings
from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import Document
from empathylint.engine import FileReport, lint, locate, scorecard
from empathylint.formats import ReadOptions
from empathylint.formats.helpdesk.items import Helpdesk, Item
from empathylint.formats.helpdesk.markup_refusals import name_markup_refusals

FOREIGN_PLACEHOLDER = "proofread.unfilled-placeholder"


def helpdesk_of(item: Item) -> Helpdesk:
    module_name = "csv_export" if item.helpdesk == "csv" else item.helpdesk
    helpdesk: Helpdesk = importlib.import_module(f"empathylint.formats.helpdesk.{module_name}").HELPDESK
    return helpdesk


def _suggested_placeholder(helpdesk: Helpdesk, group: str) -> str | None:
    """The placeholder a rule suggests in this helpdesk's replies: the customer's name for
    use-their-name, the agent's for use-your-name."""
    if group == "use-their-name":
        return helpdesk.customer_placeholder
    if group == "use-your-name":
        return helpdesk.agent_placeholder
    return None


def item_read_options(options: ReadOptions, item: Item) -> ReadOptions:
    """The file's read options, made this reply's."""
    helpdesk = helpdesk_of(item)
    customer_words, agent_words = helpdesk.customer_words, helpdesk.agent_words
    vocabulary = options.vocabulary
    if customer_words or agent_words:
        vocabulary = dataclasses.replace(
            vocabulary,
            customer_words=(*vocabulary.customer_words, *customer_words),
            agent_words=tuple(w for w in (*vocabulary.agent_words, *agent_words) if w not in customer_words),
        )
    return dataclasses.replace(
        options,
        profile=options.profile if options.profile_forced else "template",
        # A reply on another channel than the file's (Help Scout's chat text) keeps its own.
        channel=item.channel if item.channel != "email" else options.channel,
        vocabulary=vocabulary,
        customer_message=item.customer_message or options.customer_message,
        agent_name=item.agent_name or options.agent_name,
        profile_forced=True,
    )


def lint_item(document: Document, settings: FileSettings, item: Item) -> FileReport:
    """The reply's report: the rules, with this helpdesk's placeholders suggested, and the
    placeholders it would not fill."""
    helpdesk = helpdesk_of(item)
    settings = _with_helpdesk_placeholders(settings, helpdesk)
    report = lint(document, settings)
    if item.kind == "html":
        report.diagnostics = name_markup_refusals(document, settings, report.diagnostics)
    native = helpdesk.native_placeholder
    if native is None or FOREIGN_PLACEHOLDER not in settings.selected_ids:
        return report
    severity = settings.severities.get(FOREIGN_PLACEHOLDER, Severity.ERROR)
    foreign = [locate(d, document) for d in _foreign_placeholders(document, re.compile(native), helpdesk, severity)]
    if not foreign:
        return report
    report.diagnostics = sorted([*report.diagnostics, *foreign], key=lambda d: (d.start, d.end, d.rule_id, d.message))
    ran = [
        active.rule for active in settings.rules if active.rule.applies_to is None or active.rule.applies_to(document)
    ]
    report.scorecard = scorecard(report.diagnostics, ran, settings.fail_on)
    return report


# Settings made once per file settings and helpdesk, not per reply: the rules compile their
# word lists once per settings object, and an export holds thousands of replies.
_MADE: dict[tuple[int, str], tuple[FileSettings, FileSettings]] = {}
_MADE_LIMIT = 64


def _with_helpdesk_placeholders(settings: FileSettings, helpdesk: Helpdesk) -> FileSettings:
    key = (id(settings), helpdesk.name)
    made = _MADE.get(key)
    if made is not None and made[0] is settings:
        return made[1]
    if len(_MADE) >= _MADE_LIMIT:
        _MADE.clear()
    adjusted = _placeholders_set(settings, helpdesk)
    _MADE[key] = (settings, adjusted)
    return adjusted


def _placeholders_set(settings: FileSettings, helpdesk: Helpdesk) -> FileSettings:
    """The rules suggest this helpdesk's placeholders where the checklist keeps the shipped
    (Zendesk) ones; a placeholder a team set itself is kept."""
    rules = []
    for active in settings.rules:
        wanted = _suggested_placeholder(helpdesk, active.rule.group)
        current = getattr(active.settings, "template_placeholder", None)
        if wanted is not None and current is not None:
            shipped = next(f.default for f in dataclasses.fields(active.settings) if f.name == "template_placeholder")
            if current == shipped:
                placeholder_set = dataclasses.replace(active.settings, template_placeholder=wanted)
                active = dataclasses.replace(active, settings=placeholder_set)
        rules.append(active)
    return dataclasses.replace(settings, rules=tuple(rules))


def _foreign_placeholders(
    document: Document, native: re.Pattern[str], helpdesk: Helpdesk, severity: Severity
) -> Iterator[Diagnostic]:
    product = helpdesk.product
    for placeholder in document.placeholders:
        if native.fullmatch(placeholder.raw):
            continue
        if placeholder.role == "agent":
            wanted = f" (such as {helpdesk.agent_placeholder})"
        elif placeholder.role == "customer":
            wanted = f" (such as {helpdesk.customer_placeholder})"
        else:
            wanted = ""
        yield Diagnostic(
            rule_id=FOREIGN_PLACEHOLDER,
            severity=severity,
            start=placeholder.span.start,
            end=placeholder.span.end,
            message=f"{placeholder.raw} is not a {product} placeholder, so it reaches the customer as typed; "
            f"write one of {product}'s{wanted}.",
        )
