"""Real words in the wrong place ("you account", "its been", "more then"): the rules of
context, read from data/confused-words.toml, and the matcher that applies them to a run of
words. Each rule names the wrong words with what was meant and the words that must stand
right before and after; a rule fires only where the other reading is (nearly) impossible."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SENTENCE_START = "^"


@dataclass(frozen=True)
class ConfusedWord:
    wrong: str
    meant: str
    before: frozenset[str]
    after: frozenset[str]
    why: str


@dataclass(frozen=True)
class Confusion:
    start: int
    end: int
    written: str
    meant: str
    why: str


@functools.cache
def _rules() -> dict[str, tuple[ConfusedWord, ...]]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

    path = Path(__file__).parent / "data" / "confused-words.toml"
    by_word: dict[str, list[ConfusedWord]] = {}
    for rule in tomllib.loads(path.read_text(encoding="utf-8"))["rule"]:
        before, after = frozenset(rule.get("before", ())), frozenset(rule.get("after", ()))
        for wrong, meant in rule["words"].items():
            by_word.setdefault(wrong, []).append(ConfusedWord(wrong, meant, before, after, rule["why"]))
    return {word: tuple(rules) for word, rules in by_word.items()}


def rules() -> dict[str, tuple[ConfusedWord, ...]]:
    """The rules by the wrong word they look for (lower case, ’ or ')."""
    return _rules()


# A word as the rules see it: letters, digits, apostrophes and inner hyphens ("two-step").
_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_ONLY_SPACES = re.compile(r"[ \t]+")


def confusions(text: str, start: int, end: int, sentence_starts: frozenset[int]) -> Iterator[Confusion]:
    """The confused words of text[start:end]: neighbours count only when nothing but spaces
    stands between (no punctuation, no line break, no masked object)."""
    by_word = _rules()
    words = list(_WORD.finditer(text, start, end))
    for index, word in enumerate(words):
        candidates = by_word.get(word.group().lower())
        if not candidates:
            continue
        previous = _neighbour(text, words, index - 1, word.start(), before=True)
        following = _neighbour(text, words, index + 1, word.end(), before=False)
        at_start = word.start() in sentence_starts
        if word.group()[0].isupper() and not at_start:
            continue  # capitalised mid-sentence: a product's term ("Login items"), not a slip
        for rule in candidates:
            if rule.before and not (previous in rule.before or (at_start and SENTENCE_START in rule.before)):
                continue
            if rule.after and following not in rule.after:
                continue
            yield Confusion(word.start(), word.end(), word.group(), _in_case_of(word.group(), rule.meant), rule.why)
            break


def _neighbour(text: str, words: list[re.Match[str]], index: int, edge: int, *, before: bool) -> str | None:
    if not 0 <= index < len(words):
        return None
    other = words[index]
    between = text[other.end() : edge] if before else text[edge : other.start()]
    if not _ONLY_SPACES.fullmatch(between):
        return None
    return other.group().lower().replace("’", "'")


def _in_case_of(original: str, replacement: str) -> str:
    return replacement[0].upper() + replacement[1:] if original[0].isupper() else replacement
