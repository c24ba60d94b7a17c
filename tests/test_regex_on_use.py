"""LazyPattern: compiled by `re` at its first use, and answering as the compiled pattern."""

from __future__ import annotations

import re

from empathylint.language.regex_on_use import LazyPattern

TEXT = "Refunds take 5 days; exchanges take 10 DAYS."


def test_nothing_is_compiled_before_the_first_use() -> None:
    pattern = LazyPattern(r"(\d+)\s+days", re.IGNORECASE)
    assert "compiled" not in vars(pattern)
    pattern.search(TEXT)
    assert vars(pattern)["compiled"] is re.compile(r"(\d+)\s+days", re.IGNORECASE)


def test_each_call_answers_as_the_compiled_pattern() -> None:
    lazy, compiled = LazyPattern(r"(\d+)\s+days", re.IGNORECASE), re.compile(r"(\d+)\s+days", re.IGNORECASE)
    assert lazy.pattern == compiled.pattern
    for found, expected in (
        (lazy.search(TEXT, 14), compiled.search(TEXT, 14)),
        (lazy.match(TEXT, 13), compiled.match(TEXT, 13)),
        (lazy.fullmatch(TEXT, 13, 19), compiled.fullmatch(TEXT, 13, 19)),
    ):
        assert found is not None and expected is not None and found.span() == expected.span()
    assert [m.span() for m in lazy.finditer(TEXT, 0, 30)] == [m.span() for m in compiled.finditer(TEXT, 0, 30)]
    assert lazy.findall(TEXT) == compiled.findall(TEXT) == ["5", "10"]
    assert lazy.sub("N days", TEXT, 1) == compiled.sub("N days", TEXT, 1)
    assert lazy.sub(lambda m: m.group(1), TEXT) == "Refunds take 5; exchanges take 10."
