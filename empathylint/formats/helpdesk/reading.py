"""How a canned reply is read: as a template (a helpdesk's placeholders are slots it fills),
on its channel, with the helpdesk's own meaning of placeholder words."""

from __future__ import annotations

import dataclasses
import importlib

from empathylint.formats import ReadOptions
from empathylint.formats.helpdesk.items import Item


def item_read_options(options: ReadOptions, item: Item) -> ReadOptions:
    """The file's read options, made this reply's."""
    module_name = "csv_export" if item.helpdesk == "csv" else item.helpdesk
    module = importlib.import_module(f"empathylint.formats.helpdesk.{module_name}")
    customer_words: tuple[str, ...] = getattr(module, "CUSTOMER_WORDS", ())
    agent_words: tuple[str, ...] = getattr(module, "AGENT_WORDS", ())
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
