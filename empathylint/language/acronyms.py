"""Acronyms: words in capitals that name things (PDF, VAT, SSO), one list for every rule.

A word in capitals that is a known acronym is never read as shouting (the customer's mood,
proofread); one that customers know ("everyday": PDF, ASAP) needs no explanation, while the
others ("spell-out": SSO, DNS) are spelt out where they first appear (jargon); a channel's
own ("social": RT, "chat": BRB) are everyday in a reply sent there. The list is
data (language/data/acronyms.toml), which a team extends in [acronyms] of checklist.toml."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from empathylint.language.vocabulary import data_table

AcronymUse = Literal["everyday", "spell-out", "chat", "social"]
EVERYDAY: AcronymUse = "everyday"


def default_uses() -> dict[str, AcronymUse]:
    """The shipped acronyms and how customers know each."""
    return dict(data_table("acronyms"))


@dataclass(frozen=True)
class Acronyms:
    """The acronyms in force and how customers know each: the shipped list with a team's
    own (checklist.toml [acronyms]) over it, read when a rule first asks (a run answered
    from the result cache never does)."""

    added: Mapping[str, AcronymUse] = field(default_factory=dict)

    @functools.cached_property
    def uses(self) -> Mapping[str, AcronymUse]:
        return {**default_uses(), **self.added}

    @functools.cached_property
    def known(self) -> frozenset[str]:
        """Every acronym: capitals that name a thing, not shouting."""
        return frozenset(self.uses)

    @functools.cached_property
    def everyday(self) -> frozenset[str]:
        """The ones customers know without an explanation."""
        return frozenset(acronym for acronym, use in self.uses.items() if use == EVERYDAY)

    def everyday_on(self, channel: str) -> frozenset[str]:
        """The everyday ones and those of the channel a reply is sent on (RT on social)."""
        return self.everyday | {acronym for acronym, use in self.uses.items() if use == channel}


@functools.cache
def shipped_acronyms() -> Acronyms:
    """The shipped list, built once (read it, never change it)."""
    return Acronyms()
