"""Comparing people's names as a support agent would: titles and accents aside."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from empathylint.language.vocabulary import known_words


def name_tokens(name: str) -> list[str]:
    """'Mr. O'Brien-Smith' -> ["O'Brien-Smith"]: words of a name without titles."""
    tokens = re.findall(r"[^\W\d_][\w'’.-]*", name)
    return [t.rstrip(".") for t in tokens if t.rstrip(".").lower() not in known_words("titles")]


def fold(word: str) -> str:
    """Case and accents folded: Zoë and zoe compare equal."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once: Jonh -> John is 1)."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


def looks_like_misspelling(written: str, intended: str) -> bool:
    """'Jonh' for 'John', 'Zoe' for 'Zoë', 'Obrien' for "O'Brien"; not 'Anna' for 'Maria'."""
    a, b = fold(written), fold(intended)
    if a == b:
        return True
    a_letters, b_letters = re.sub(r"\W", "", a), re.sub(r"\W", "", b)
    if a_letters == b_letters:
        return True
    allowed = 1 if len(b_letters) <= 4 else 2
    return edit_distance(a_letters, b_letters) <= allowed


def same_name(written: str, intended: str) -> bool:
    """Exactly the customer's spelling, case aside."""
    return written.casefold().replace("’", "'") == intended.casefold().replace("’", "'")


def is_short_form(written: str, intended: str) -> bool:
    """'Sam' for 'Samuel', 'Mike' for 'Michael', 'Liz' for 'Elizabeth': a name people go by.

    Either side may be the short one: the customer may write as "Mike" and sign as "Michael"."""
    a, b = fold(written), fold(intended)
    if a == b:
        return False
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 3 and longer.startswith(shorter) and longer[len(shorter)].isalpha():
        return True
    return shorter in _short_names().get(longer, frozenset())


def is_initials_of(written: str, name: str) -> bool:
    """'SH' or 'S.H.' for 'Sam Hill', 'S' for 'Sam': how agents sign a social reply."""
    letters = written.replace(".", "")
    tokens = name_tokens(name)
    if not tokens or not letters.isalpha() or not letters.isupper() or len(letters) > len(tokens):
        return False
    return fold(letters) == "".join(fold(token)[0] for token in tokens[: len(letters)])


@functools.cache
def _short_names() -> dict[str, frozenset[str]]:
    """data/nicknames.txt, read once and only when a name needs comparing."""
    table: dict[str, frozenset[str]] = {}
    text = (Path(__file__).parent / "data" / "nicknames.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        full, _, short_forms = line.partition(":")
        table[fold(full.strip())] = frozenset(fold(s) for s in short_forms.split())
    return table
