from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from empathylint.checking import CheckOptions, check_source
from empathylint.config import CommandLine, Config, load_config
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


@pytest.fixture(scope="session", autouse=True)
def private_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tests never read or write the user's real cache folder: the whole session (and
    every subprocess it starts) uses a fresh one, set before the first test runs."""
    folder = tmp_path_factory.mktemp("empathylint-cache")
    saved = {name: os.environ.get(name) for name in ("EMPATHYLINT_CACHE_DIR", "XDG_CACHE_HOME")}
    os.environ["EMPATHYLINT_CACHE_DIR"] = str(folder)
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield folder
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(autouse=True)
def forget_cached_reports(private_cache_folder: Path) -> Iterator[None]:
    """Each test starts with no cached reports (the word lists derived once are kept: they
    depend on nothing a test changes), so no test sees another's results."""
    yield
    shutil.rmtree(private_cache_folder / "results", ignore_errors=True)


ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_config(
    select: tuple[str, ...] | None = None,
    overrides: dict[str, Any] | None = None,
    profile: str | None = None,
) -> Config:
    return load_config(
        RULES,
        isolated=True,
        overrides=overrides,
        command_line=CommandLine(select=select, profile=profile),
    )


def lint_text(
    text: str,
    *,
    path: str = "draft.txt",
    select: tuple[str, ...] | None = None,
    overrides: dict[str, Any] | None = None,
    profile: str | None = None,
    customer: str | None = None,
    agent: str | None = None,
    format_name: str | None = None,
) -> FileReport:
    """Lint a text as the CLI would lint a file of that name, without touching the disk."""
    config = make_config(select, overrides, profile)
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
        customer=case.get("customer"),
        agent=case.get("agent"),
        format_name=case.get("format"),
    )


@pytest.fixture
def lint() -> Any:
    return lint_text
