"""Acronyms: words in capitals that name things (PDF, VAT, SSO), one list for every rule.

A word in capitals that is a known acronym is never read as shouting (the customer's mood,
proofread); one that customers know ("everyday": PDF, ASAP) needs no explanation, while the
others ("spell-out": SSO, DNS) are spelt out where they first appear (jargon). The list is
data (language/data/acronyms.toml), which a team extends in [acronyms] of checklist.toml."""

from __future__ import annotations

import functools
from typing import Literal

from empathylint.language.vocabulary import data_table

AcronymUse = Literal["everyday", "spell-out"]
EVERYDAY: AcronymUse = "everyday"


@functools.cache
def default_acronyms() -> dict[str, AcronymUse]:
    """The shipped acronyms and how customers know each (read it, never change it)."""
    return dict(data_table("acronyms"))
