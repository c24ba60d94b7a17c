from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from empathylint.checking import CheckOptions, check_source
from empathylint.config import CommandLine, Config, Resolver
from empathylint.engine import FileReport
from empathylint.files import SourceFile
from empathylint.rules import RULES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["tomllib"]  # for the tests that read fixtures and the shipped checklist

# Property tests: a modest run by default; `pytest --hypothesis-profile=long` for 100,000 examples.
settings.register_profile("default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# --- the environment every test runs in -----------------------------------------------------
# The suite must pass for whoever runs it, wherever: colour, width, terminal, locale, home and
# cache folders are set here, not inherited from the machine.

# Where the tests keep what outlives one test: the user cache (derived word lists; slow to
# build, so shared by the session) and hypothesis's example database. Never the user's own
# cache, and never a .hypothesis/ folder in the repository or the working folder.
SESSION_FOLDER = Path(tempfile.mkdtemp(prefix="empathylint-tests-"))
os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = str(SESSION_FOLDER / "hypothesis")

# The pip configuration (package index) of the person running the tests lives in their home
# folder: the tests that drive pip (pre-commit's hook environments) pass it on.
USER_HOME = os.environ.get("HOME", "")

# Read by rich, click or Python and changing what a report looks like.
CLEARED = (
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "COLORTERM",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "COLUMNS",
    "LINES",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "LANGUAGE",
    "LC_CTYPE",
    "LC_MESSAGES",
    "PYTHONIOENCODING",
    "PYTHONUTF8",
    "XDG_CONFIG_HOME",
)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(SESSION_FOLDER, ignore_errors=True)


@pytest.fixture(autouse=True)
def forget_cached_reports() -> None:
    """Each test starts with no cached reports (the derived word lists are kept: they depend
    on nothing a test changes), so no test is answered from another's results, which a test
    that patches a rule would otherwise see. Removed before the test, not after: a test may
    leave os.scandir patched until its teardown."""
    shutil.rmtree(SESSION_FOLDER / "cache" / "results", ignore_errors=True)


@pytest.fixture(autouse=True)
def controlled_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts from the same environment, whatever the shell that ran pytest had:
    no colour variables, no width (reports are piped, so 160 columns), an ordinary
    terminal type, a UTF-8 locale for subprocesses, a home and caches in a temporary folder."""
    for name in CLEARED:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    home = SESSION_FOLDER / "home"
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("EMPATHYLINT_CACHE_DIR", str(SESSION_FOLDER / "cache"))
    yield


def run_in_fresh_interpreter(script: str) -> None:
    """Run a Python script in a new interpreter, from the repository (whatever folder pytest
    was started in: scripts import tests.conftest), and fail with its stderr if it fails."""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def make_resolver() -> Resolver:
    """The built-in settings for every folder, as check_paths takes them."""
    return Resolver(RULES, isolated=True)


def make_config(
    select: tuple[str, ...] | None = None,
    overrides: dict[str, Any] | None = None,
    profile: str | None = None,
    channel: str | None = None,
) -> Config:
    return Resolver(
        RULES,
        isolated=True,
        overrides=overrides,
        command_line=CommandLine(select=select, profile=profile, channel=channel),
    ).root


def lint_text(
    text: str,
    *,
    path: str = "draft.txt",
    select: tuple[str, ...] | None = None,
    overrides: dict[str, Any] | None = None,
    profile: str | None = None,
    channel: str | None = None,
    customer: str | None = None,
    agent: str | None = None,
    format_name: str | None = None,
) -> FileReport:
    """Lint a text as the CLI would lint a file of that name, without touching the disk."""
    config = make_config(select, overrides, profile, channel)
    source = SourceFile(path, text, "utf-8", False, len(text.encode()), 0)
    options = CheckOptions(customer_name=customer, agent_name=agent, format_name=format_name)
    return check_source(source, config, options)


CASE_EXTENSION = {"markdown": ".md", "html": ".html", "email": ".eml"}


def case_path(case: dict[str, Any]) -> str:
    """The file name a fixture case is read as: its `path`, or a draft of its `format`."""
    return str(case.get("path", "draft" + CASE_EXTENSION.get(case.get("format", ""), ".txt")))


def lint_case(group: str, case: dict[str, Any], text: str | None = None) -> FileReport:
    """Lint a rule fixture case (tests/fixtures/<group>.toml) with only its rule group on,
    as test_rules.py describes; `text` replaces the case's own text (to re-check a fix)."""
    overrides = {"rules": {group: case["settings"]}} if "settings" in case else None
    return lint_text(
        case["text"] if text is None else text,
        path=case_path(case),
        select=(group,),
        overrides=overrides,
        profile=case.get("profile", "reply"),
        channel=case.get("channel", "email"),
        customer=case.get("customer"),
        agent=case.get("agent"),
        format_name=case.get("format"),
    )


@pytest.fixture
def lint() -> Any:
    return lint_text
