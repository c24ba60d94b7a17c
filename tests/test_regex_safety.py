"""No regex of ours can backtrack catastrophically: checked by construction, not by timing.

A fresh process checks every fixture text and the examples, the way a run does (settings
built from each case's configuration, phrase lists compiled into their matchers), with the
`re` module's entry points wrapped before empathylint is imported, so that every pattern
empathylint's own code hands to `re` is recorded (a profiler hook on every call recorded the
same at twice the cost). Each recorded pattern is then read by
empathylint.language.regex_safety, the same analysis that refuses a user's pattern in
checklist.toml, and must show no exponential shape. So that the recorder cannot silently
miss patterns, every pattern held at module level and every matcher of the default
settings is looked for among the recorded ones, one by one."""

from __future__ import annotations

import functools
import importlib
import json
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import empathylint
from empathylint.document import PlaceholderVocabulary
from empathylint.language.regex_on_use import LazyPattern
from empathylint.language.regex_safety import EXPONENTIAL, POLYNOMIAL, problems
from empathylint.rules import RULES
from tests.conftest import ROOT

# One worker records the run's patterns once for both tests that read them
# (pytest-xdist groups them).
pytestmark = pytest.mark.xdist_group("regex-recorder")

# What `empathylint[lsp]` adds; its modules are left out where it is not installed.
OPTIONAL_EXTRAS = {"pygls", "lsprotocol"}

COLLECT = r"""
import functools, inspect, json, re, sys
from pathlib import Path

package = str(Path("empathylint").resolve())
seen = {}

def recording(entry_point):
    signature = inspect.signature(entry_point)

    @functools.wraps(entry_point)
    def record(*args, **kwargs):
        caller = inspect.currentframe().f_back
        arguments = signature.bind(*args, **kwargs).arguments
        pattern = arguments["pattern"]
        if caller.f_code.co_filename.startswith(package) and isinstance(pattern, str):
            seen.setdefault((pattern, int(arguments.get("flags", 0))), caller.f_code.co_filename)
        return entry_point(*args, **kwargs)

    return record

# Every entry point of the re module, wrapped before empathylint is imported, so that each
# pattern its code hands to re (at import, per settings or per call) passes through here.
for name in ("compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
    setattr(re, name, recording(getattr(re, name)))
import tomllib
from typer.testing import CliRunner
from empathylint.cli import app
from empathylint.rules import RULES
from tests.conftest import FIXTURES, lint_case, lint_text


for fixture in sorted(FIXTURES.glob("*.toml")):
    for case in tomllib.loads(fixture.read_text(encoding="utf-8"))["case"]:
        lint_case(fixture.stem, case)
# A text as long as a help centre's article: the grammar's patterns, once they have scanned
# that much whole, read their openings (language/regex_heads.py).
lint_text("Sadly, we can't refund the order once it has shipped. " * 400)
runner = CliRunner()
for output_format in ("rich", "concise", "json", "sarif", "github"):
    runner.invoke(app, ["check", "--isolated", "--jobs", "1", "--output-format", output_format, "examples"])
runner.invoke(app, ["check", "--isolated", "--jobs", "1", "--diff", "--unsafe-fixes", "examples"])
# Helpdesk exports are named, not walked (a folder walk leaves .json and .csv out).
exports = sorted(str(path) for path in Path("examples/helpdesk").iterdir())
runner.invoke(app, ["check", "--isolated", "--jobs", "1", "--diff", "--unsafe-fixes", *exports])
runner.invoke(app, ["rules"])
for rule in RULES:
    runner.invoke(app, ["explain", rule.group])
# The patterns modules compile on first use (LazyPattern), built here, as a run that needs
# them builds them, so that those no fixture reaches are checked too.
import importlib, pkgutil
import empathylint
from empathylint.language.regex_on_use import LazyPattern
for module_info in pkgutil.walk_packages(empathylint.__path__, "empathylint."):
    try:
        module = importlib.import_module(module_info.name)
    except ModuleNotFoundError:  # the language server without its optional extra
        continue
    for value in list(vars(module).values()):
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, LazyPattern):
                item.compiled
print(json.dumps([[pattern, flags, where] for (pattern, flags), where in seen.items()]))
"""


@functools.cache
def recorded() -> dict[tuple[str, int], str]:
    """Every (pattern, flags) empathylint compiled in a run over the fixtures and examples,
    with the file that compiled it."""
    result = subprocess.run(
        [sys.executable, "-c", COLLECT], cwd=ROOT, capture_output=True, text=True, check=True, timeout=600
    )
    return {(pattern, flags): where for pattern, flags, where in json.loads(result.stdout)}


def _patterns_in(value: Any) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _patterns_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item)


def _lazy_in(value: LazyPattern | tuple[Any, ...]) -> Iterator[re.Pattern[str]]:
    for item in value if isinstance(value, tuple) else (value,):
        if isinstance(item, LazyPattern):
            yield item.compiled


def _held_by(settings: Any) -> Iterator[re.Pattern[str]]:
    """The matchers a settings object builds for itself (its cached properties)."""
    for name, attribute in vars(type(settings)).items():
        if isinstance(attribute, functools.cached_property):
            yield from _patterns_in(getattr(settings, name))


def expected_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """What a run must compile: the patterns modules hold, and the default settings' matchers."""
    expected: list[tuple[str, re.Pattern[str]]] = []
    for module_info in pkgutil.walk_packages(empathylint.__path__, "empathylint."):
        try:
            module = importlib.import_module(module_info.name)
        except ModuleNotFoundError as error:  # the language server without its optional extra
            if error.name not in OPTIONAL_EXTRAS:
                raise
            continue
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                expected.append((f"{module_info.name}.{name}", value))
            elif isinstance(value, (LazyPattern, tuple)):  # compiled on first use
                expected += [(f"{module_info.name}.{name}", pattern) for pattern in _lazy_in(value)]
    holders: list[tuple[str, Any]] = [("placeholders", PlaceholderVocabulary())]
    holders += [(f"[rules.{rule.group}]", rule.settings()) for rule in RULES]
    for where, settings in holders:
        expected += [(where, pattern) for pattern in _held_by(settings)]
    return expected


def test_the_recorder_saw_every_pattern_a_run_compiles() -> None:
    expected = expected_patterns()
    assert any(where.startswith("[rules.") for where, _ in expected)  # the phrase-list matchers
    seen = recorded()
    missing = [
        f"{where}: {pattern.pattern[:100]!r}"
        for where, pattern in expected
        if (pattern.pattern, pattern.flags & ~re.UNICODE) not in seen and (pattern.pattern, pattern.flags) not in seen
    ]
    assert not missing, "compiled by a run but not recorded:\n" + "\n".join(missing)


def test_no_pattern_we_compile_can_backtrack_exponentially() -> None:
    found = {
        f"{where}: {pattern[:120]!r}: {problem.reason}"
        for (pattern, flags), where in recorded().items()
        for problem in problems(pattern, flags)
        if problem.kind == EXPONENTIAL
    }
    assert len(recorded()) > 150
    assert not found, "\n".join(sorted(found))


# --- the analysis itself, on the shapes it must tell apart --------------------------------------

CATASTROPHES = [
    r"(a+)+$",
    r"(?:\w+\s?)*x",
    r"(?:a|aa)*c",
    r"(?:ab|abc?)+d",
    r"(?:[a-z]+,?)+!",
    r"(\d*)*y",
    r"(?:\S+\s*)+\.",
    r"(\w*)*",
    r"(x+x+)+y",
    r"(?:[A-Z]{2,}\s?)+",
    r"(\w|\d)+",
    r"(a+){2,30}!x",  # a bounded repeat of an unbounded one
    r"(a?){30}a{30}",  # many rounds of something optional
    r"(?i)(?:A|a)+b",  # alike only when case is ignored
    r"(?x) ( a + ) + b",  # verbose
    r"(?:a|a?)+b",  # an alternative that can match nothing
    r"(.*a){20}",
    r"(\d+\.?)+%",
    r"^(([a-z])+.)+[A-Z]([a-z])+$",
]
QUADRATIC = [
    r"a*a*a*a*a*a*c",  # adjacent repeats over one set
    r"\s+$",  # tried from every space of a long run
    r"\w+ing\b",
    r"x\s+\s*y",
    r"(?:\w+\s+)*:",
]
SAFE = [
    r"(?:\S+\s+){2,}\S*",
    r"(?:\s+[\w'’-]+){0,6}?\s+",
    r"\b(?:foo|bar)\b",
    r"[a-z]+(?:-[a-z]+)*",
    r"a*b*",
    r"(?:a|ab)*",
    r"\bASAP\b",
    r"(?i)\be-?mail\b",
    r"(cat|dog)+",
    r"(a++)+",
    r"(?:x(?>a+))+",
    r"[A-Z]{2,}",
    r"(a{1,3}){1,3}",
    r"\b\s+$",
    r"(?<!\s)\s+$",
    r"(?:[ \t]+[A-Z][a-z]*){0,3}",
]


@pytest.mark.parametrize("pattern", CATASTROPHES)
def test_exponential_shapes_are_found(pattern: str) -> None:
    assert EXPONENTIAL in {problem.kind for problem in problems(pattern, re.compile(pattern).flags)}


@pytest.mark.parametrize("pattern", QUADRATIC)
def test_polynomial_shapes_are_found(pattern: str) -> None:
    assert [problem.kind for problem in problems(pattern)] == [POLYNOMIAL] * len(problems(pattern))
    assert problems(pattern)


@pytest.mark.parametrize("pattern", SAFE)
def test_shapes_that_cannot_explode_pass(pattern: str) -> None:
    assert problems(pattern) == []
