"""What every rule may know of the language beyond its own settings: the acronyms and the
mood lexicon, configured once at the top of checklist.toml ([acronyms], [mood]) and carried
by each Document, since the customer's mood is part of what a draft is read with."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

from empathylint.language.acronyms import EVERYDAY, AcronymUse, default_acronyms
from empathylint.language.mood import MoodLexicon, default_lexicon


@dataclass(frozen=True)
class Language:
    # Acronyms and how customers know them: "everyday" or "spell-out".
    acronyms: Mapping[str, AcronymUse] = field(default_factory=default_acronyms)
    mood: MoodLexicon = field(default_factory=default_lexicon)

    @functools.cached_property
    def everyday_acronyms(self) -> frozenset[str]:
        return frozenset(acronym for acronym, use in self.acronyms.items() if use == EVERYDAY)


@functools.cache
def default_language() -> Language:
    return Language()
