"""Follow the team's house style.

What it does: flags the words and patterns your team has decided against, from two tables
in checklist.toml. `substitutions` maps a phrase to the team's word for it
(`"e-mail" = "email"`), matched like every phrase list (any case, ’ and ' alike, word
boundaries) and fixed safely, keeping the capitals of the text it replaces unless the
team's word has capitals of its own ("wifi" → "Wi-Fi"). `patterns` maps a regular
expression to the message to show (`'\\bASAP\\b' = "Give a time instead of ASAP."`);
patterns are case-sensitive unless they start with `(?i)`. Both are empty by default.

Why it matters: a team that writes "log in" in one macro and "login" in the next looks
careless, and the customer wonders whether they are two different things. A house style
written down once is applied to every reply without anyone remembering it.

Example:
    Please check your e-mail and log-in again.

Use instead:
    Please check your email and sign in again.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import OBJECT, Document, Span
from empathylint.language.phrases import match_case, normalize, phrase_lookup, phrase_matcher
from empathylint.language.user_regex import compile_user_regex, regex_problem
from empathylint.rule import Code, Rule


@dataclass(frozen=True)
class Settings:
    # Your team's words: phrase = the team's word for it, fixed safely with --fix.
    substitutions: dict[str, str] = field(default_factory=dict)
    # Regular expressions = the message to show; checked when the file loads.
    patterns: dict[str, str] = field(default_factory=dict)

    substitution_matcher = phrase_matcher("substitutions")
    substitution_for = phrase_lookup("substitutions")

    @functools.cached_property
    def compiled_patterns(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """Each pattern compiled once per settings, with its message."""
        return tuple((compile_user_regex(pattern), message) for pattern, message in self.patterns.items())

    @staticmethod
    def problems(table: Mapping[str, Any]) -> Iterator[tuple[tuple[str, ...], str]]:
        """What is wrong with a [rules.house-style] table, by key path; config.py calls this
        when it loads the file, so a bad pattern is an error before any draft is read."""
        for key in ("patterns", "extend-patterns"):
            for pattern in table.get(key, {}):
                problem = regex_problem(pattern)
                if problem is not None:
                    yield (key, pattern), f"patterns {pattern!r}: {problem}"
        for key in ("substitutions", "extend-substitutions"):
            for phrase, replacement in table.get(key, {}).items():
                if not phrase.strip() or "…" in phrase:
                    yield (key, phrase), f"substitution {phrase!r}: give a literal phrase (no '…' gaps)"
                elif phrase == replacement:
                    yield (key, phrase), f"substitution {phrase!r} replaces the phrase with itself"


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    yield from _substitutions(doc, settings)
    yield from _patterns(doc, settings)


def _substitutions(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    finder = settings.substitution_matcher
    if finder is None:
        return
    by_key = settings.substitution_for
    for match in finder.finditer(doc.text):
        written = match.group()
        wanted = by_key.get(normalize(written))
        if wanted is None:  # a case-insensitive match that lower() spells differently ("İ")
            continue
        replacement = _in_their_case(written, wanted)
        if written == replacement or _inside_replacement(doc.text, match, replacement):
            continue
        span = Span(match.start(), match.end())
        yield RULE.diagnostic(
            "substitution",
            span,
            f'Your house style writes "{replacement}", not "{written}".',
            suggestion=replacement,
            fix=Fix((Edit(span.start, span.end, replacement),)),
        )


def _in_their_case(written: str, replacement: str) -> str:
    """The team's word keeps its own capitals ("Wi-Fi", "iPhone"); a lower-case word takes
    the capitals of the text it replaces ("E-mail" → "Email")."""
    if any(character.isupper() for character in replacement):
        return replacement
    return match_case(written, replacement)


def _inside_replacement(text: str, match: re.Match[str], replacement: str) -> bool:
    """ "app" → "the app" must not fire inside "the app" itself, or fixing would never end."""
    if normalize(match.group()) not in normalize(replacement):
        return False
    around = _word_pattern(replacement)
    window_start = max(0, match.start() - len(replacement))
    window_end = match.end() + len(replacement)
    return any(
        found.start() <= match.start() and match.end() <= found.end() and found.group() != match.group()
        for found in around.finditer(text, window_start, window_end)
    )


@functools.lru_cache(maxsize=256)
def _word_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)", re.IGNORECASE)


def _patterns(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    for pattern, message in settings.compiled_patterns:
        for match in pattern.finditer(doc.text):
            if match.start() == match.end() or OBJECT in match.group() or not match.group().strip():
                continue  # an empty match, or one reaching into a URL, code or a placeholder
            yield RULE.diagnostic(
                "pattern",
                Span(match.start(), match.end()),
                f'"{match.group().strip()}": {message}',
            )


RULE = Rule(
    group="house-style",
    item="proofread",
    codes=(
        Code("substitution", "A phrase the team writes another way.", Severity.WARNING, "safe"),
        Code("pattern", "Text that matches one of the team's patterns.", Severity.WARNING),
    ),
    profiles=frozenset({"reply", "template", "doc"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
