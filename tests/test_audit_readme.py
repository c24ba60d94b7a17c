"""README's audit recipes work as written: every `empathylint audit` line of its recipe
block runs on exports shaped as the lines expect."""

from __future__ import annotations

import csv
import json
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from empathylint.cli import app
from tests.conftest import FIXTURES, ROOT

MARKER = "<!-- audit recipes: tests/test_audit_readme.py runs every `empathylint audit` line of this block -->\n```sh\n"


def recipes() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(MARKER, 1)[1].split("```", 1)[0]
    lines = [line.split("  #", 1)[0].strip() for line in block.splitlines()]
    return [line for line in lines if line.startswith("empathylint audit")]


def test_the_recipe_block_is_there() -> None:
    assert len(recipes()) >= 5


@pytest.mark.parametrize("recipe", recipes())
def test_a_readme_recipe_runs(recipe: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "audit" / "replies.jsonl", "replies.jsonl")
    shutil.copy(FIXTURES / "audit" / "replies.jsonl", "more-replies.jsonl")
    with (FIXTURES / "audit" / "replies.csv").open(newline="", encoding="utf-8") as source:
        rows = list(csv.reader(source))
    renamed = {"Reply": "Public reply", "Assignee": "Agent email"}
    with open("export.csv", "w", newline="", encoding="utf-8") as export:
        writer = csv.writer(export)
        writer.writerow([renamed.get(name, name) for name in rows[0]])
        writer.writerows(rows[1:])

    words = shlex.split(recipe)
    redirect = words[words.index(">") + 1] if ">" in words else None
    if redirect is not None:
        words = words[: words.index(">")]
    result = CliRunner().invoke(app, words[1:])
    assert result.exit_code in (0, 1), (recipe, result.output)
    assert "error" not in result.stderr, result.stderr
    if redirect is not None:
        Path(redirect).write_text(result.stdout, encoding="utf-8")
        assert json.loads(Path(redirect).read_text(encoding="utf-8"))["replies"] == 7
    if "--output-file" in words:
        assert Path(words[words.index("--output-file") + 1]).stat().st_size > 0
