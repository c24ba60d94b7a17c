"""Telling an automated notice from a person's reply, by the words it says so with."""

from __future__ import annotations

import functools
import re

from empathylint.language.phrases import compile_phrases
from empathylint.language.vocabulary import known_words


@functools.cache
def automated_notice_pattern() -> re.Pattern[str]:
    """language/data/words.toml's automated-notices as one pattern, built once when asked."""
    pattern = compile_phrases(tuple(sorted(known_words("automated-notices"))))
    if pattern is None:
        raise ValueError("words.toml lists no automated-notices")
    return pattern
