"""Telling an automated notice from a person's reply, by the words it says so with."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from empathylint.language.phrases import compile_phrases


def read_notice_phrases() -> tuple[str, ...]:
    """data/automated-notices.txt: one phrase a line, # comments."""
    text = (Path(__file__).parent / "data" / "automated-notices.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@functools.cache
def automated_notice_pattern() -> re.Pattern[str]:
    """The phrases as one pattern, read once and only when a canned reply or reply asks."""
    pattern = compile_phrases(read_notice_phrases())
    if pattern is None:
        raise ValueError("data/automated-notices.txt lists no phrase")
    return pattern
