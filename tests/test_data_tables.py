"""The data files' JSON copies (made when a wheel is built, hatch_build.py): each holds its
TOML's table, and one is read only when it was made from the TOML beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from empathylint.language.vocabulary import DATA, json_copy, read_table
from tests.conftest import tomllib

DATA_FILES = sorted(DATA.rglob("*.toml"))


@pytest.mark.parametrize("path", DATA_FILES, ids=[str(path.relative_to(DATA)) for path in DATA_FILES])
def test_a_copy_holds_its_toml_s_table(path: Path) -> None:
    assert json.loads(json_copy(path))["table"] == tomllib.loads(path.read_text(encoding="utf-8"))


TOML = 'words = ["alpha", "beta"]\n'


def test_a_copy_made_from_the_toml_beside_it_is_read_instead(tmp_path: Path) -> None:
    toml = tmp_path / "list.toml"
    toml.write_text(TOML, encoding="utf-8")
    assert read_table(toml) == {"words": ["alpha", "beta"]}  # no copy: the TOML
    copy = json.loads(json_copy(toml))
    copy["table"] = {"words": ["from the copy"]}  # shows which was read
    toml.with_suffix(".json").write_text(json.dumps(copy), encoding="utf-8")
    assert read_table(toml) == {"words": ["from the copy"]}


@pytest.mark.parametrize("damage", ["edited", "truncated", "not a table"])
def test_a_copy_of_other_text_or_a_damaged_one_is_passed_over(tmp_path: Path, damage: str) -> None:
    toml = tmp_path / "list.toml"
    toml.write_text(TOML, encoding="utf-8")
    copy = toml.with_suffix(".json")
    copy.write_text(json_copy(toml), encoding="utf-8")
    if damage == "edited":  # the TOML changed after the wheel was built: the TOML decides
        toml.write_text('words = ["alpha", "beta", "gamma"]\n', encoding="utf-8")
    elif damage == "truncated":
        copy.write_text(copy.read_text(encoding="utf-8")[:20], encoding="utf-8")
    else:
        copy.write_text("[1, 2]", encoding="utf-8")
    assert read_table(toml) == tomllib.loads(toml.read_text(encoding="utf-8"))
