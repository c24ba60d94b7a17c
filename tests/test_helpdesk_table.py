"""helpdesks.toml, the table of the helpdesks whose exports are read: an entry for each, and
placeholders each helpdesk itself would fill in."""

from __future__ import annotations

import re

import pytest

from empathylint.formats.helpdesk import HELPDESKS
from empathylint.formats.helpdesk.items import helpdesk


@pytest.mark.parametrize("name", HELPDESKS)
def test_each_helpdesk_suggests_placeholders_it_fills_in(name: str) -> None:
    entry = helpdesk(name)
    assert entry.native_placeholder is not None
    native = re.compile(entry.native_placeholder)
    for suggested in (entry.customer_placeholder, entry.agent_placeholder):
        assert suggested is not None and native.fullmatch(suggested), suggested


def test_a_csv_fills_in_no_placeholder() -> None:
    entry = helpdesk("csv")
    assert (entry.native_placeholder, entry.customer_placeholder, entry.agent_placeholder) == (None, None, None)


def test_a_placeholder_word_is_never_both_the_customers_and_the_agents() -> None:
    for name in HELPDESKS:
        entry = helpdesk(name)
        assert not set(entry.customer_words) & set(entry.agent_words), name
