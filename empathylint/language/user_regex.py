"""Regular expressions written by users in checklist.toml: checked when the configuration
loads, compiled once per settings.

A user's pattern runs over every draft, so one that can backtrack catastrophically turns a
pre-commit hook into a hang; Python's `re` has no time limit. A pattern is refused, at load
time, when regex_safety finds a shape that backtracks exponentially ((a+)+, (a|aa)+,
(a?){30}) or polynomially (a*a*c, a leading \\s+ that can fail) on a long draft. The check
is conservative: it may refuse a pattern that would have been fine, never let one of these
shapes through; the message says the way out (a possessive repeat a++, an atomic group
(?>…), or an anchor such as \\b before a leading repeat).

The analysis (regex_safety and its parser) is imported when a user's pattern is first
checked: most configurations hold none, and every run would otherwise load it."""

from __future__ import annotations

import re

_EXPONENTIAL_WAY_OUT = "use one quantifier, or a possessive one (a++) or an atomic group (?>…)"
_POLYNOMIAL_WAY_OUT = "use a possessive quantifier (a++), or start the pattern with an anchor such as \\b"


class UnsafePattern(ValueError):
    """A pattern refused before it ever runs, with the reason in words."""


def regex_problem(pattern: str) -> str | None:
    """Why `pattern` cannot be used, in one phrase, or None when it is fine."""
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        return f"invalid regular expression: {error}"
    except (RecursionError, OverflowError):
        return "regular expression too deeply nested"
    from empathylint.language.regex_safety import EXPONENTIAL, problems

    try:
        found = problems(pattern, compiled.flags)
    except RecursionError:
        return "regular expression too deeply nested"
    if found:
        problem = found[0]
        way_out = _EXPONENTIAL_WAY_OUT if problem.kind == EXPONENTIAL else _POLYNOMIAL_WAY_OUT
        return f"{problem.reason}, which can backtrack catastrophically on a long draft; {way_out}"
    return None


def compile_user_regex(pattern: str) -> re.Pattern[str]:
    """Compile a pattern that `regex_problem` accepts; refuse any other."""
    problem = regex_problem(pattern)
    if problem is not None:
        raise UnsafePattern(problem)
    return re.compile(pattern)
