"""The wheel carries the shipped checklist, the README, py.typed and the console script (built offline)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_wheel_ships_the_checklist_and_the_console_script(tmp_path: Path) -> None:
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
    build = subprocess.run(
        [*pip_wheel, "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    [wheel] = tmp_path.glob("empathylint-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert "empathylint/checklist.toml" in names
        shipped = archive.read("empathylint/checklist.toml").decode("utf-8")
        assert shipped == (ROOT / "checklist.toml").read_text(encoding="utf-8")
        assert "empathylint/language/data/nicknames.txt" in names
        # each data file's JSON copy (hatch_build.py), read instead of its TOML
        from empathylint.language.vocabulary import DATA

        for toml in DATA.rglob("*.toml"):
            assert f"empathylint/language/data/{toml.relative_to(DATA).with_suffix('.json').as_posix()}" in names
        # the Python API is typed: type checkers read the package's hints (PEP 561)
        assert "empathylint/py.typed" in names
        # Every jargon domain's word list, found by name at run time.
        from empathylint.language.jargon_terms import shipped_domains

        assert {f"empathylint/language/data/jargon-{domain}.tsv" for domain in shipped_domains()} <= names
        # the documentation SARIF's informationUri points at
        assert archive.read("empathylint/README.md") == (ROOT / "README.md").read_bytes()
        [entry_points] = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
        scripts = archive.read(entry_points).decode("utf-8")
    assert "[console_scripts]" in scripts
    assert "empathylint = empathylint.cli:main" in scripts
