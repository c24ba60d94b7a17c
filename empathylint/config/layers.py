"""Reading configuration files into layers: checklist.toml, [tool.empathylint] in
pyproject.toml, and the files a configuration names. Every problem is a ConfigError told in
one line that names the file (and the line, where there is one)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from empathylint.config.toml_lines import locate_key

USER_CONFIG_NAME = "checklist.toml"
PYPROJECT_NAME = "pyproject.toml"


class ConfigError(Exception):
    """A configuration problem, told in one line: `file:line: what is wrong`."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Layer:
    """One configuration file's table, with what is needed to point at its lines."""

    path: str
    table: dict[str, Any]
    text: str = ""

    def line_of(self, *key_path: str) -> int | None:
        return locate_key(self.text, key_path)


def default_checklist_path() -> Path:
    """The shipped checklist: inside the installed wheel, or at the top of a source tree
    (an editable install)."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / USER_CONFIG_NAME
    if packaged.is_file():
        return packaged
    return package.parent / USER_CONFIG_NAME


def read_layer(path: Path, display: str | None = None, *, pyproject: bool = False) -> Layer:
    """A checklist.toml, or the [tool.empathylint] table of a pyproject.toml."""
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(shown, "file not found") from None
    except OSError as error:
        raise ConfigError(shown, f"cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ConfigError(shown, "not UTF-8 text") from None
    try:
        table = parse_toml(text)
    except ValueError as error:  # tomllib.TOMLDecodeError; tomllib is imported only to parse
        line, column = _position_from_message(str(error))
        reason = str(error).split(" (at ")[0]
        where = f" at column {column}" if column else ""
        raise ConfigError(shown, f"invalid TOML{where}: {reason}", line) from None
    if pyproject:
        tool = table.get("tool", {})
        table = tool.get("empathylint", {}) if isinstance(tool, dict) else {}
        text = _pyproject_section(text)
    return Layer(shown, table, text)


def parse_toml(text: str) -> dict[str, Any]:
    """tomllib.loads(text), imported only when a checklist is read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

    table: dict[str, Any] = tomllib.loads(text)
    return table


def _position_from_message(message: str) -> tuple[int | None, int | None]:
    """Line and column from tomllib's "(at line 3, column 5)"."""
    line = re.search(r"line (\d+)", message)
    column = re.search(r"column (\d+)", message)
    return (int(line.group(1)) if line else None, int(column.group(1)) if column else None)


def _pyproject_section(text: str) -> str:
    """pyproject's text with tool.empathylint table headers read as our own headers, so that
    lines can be found by the same key paths."""
    return re.sub(r"^(\s*\[+)\s*tool\.empathylint\.?", r"\1", text, flags=re.MULTILINE)


def discover(start: Path) -> Layer | None:
    """The nearest checklist.toml, or pyproject.toml with [tool.empathylint], upwards."""
    for folder in (start, *start.parents):
        candidate = folder / USER_CONFIG_NAME
        if candidate.is_file():
            return read_layer(candidate)
        pyproject = folder / PYPROJECT_NAME
        if pyproject.is_file():
            layer = read_layer(pyproject, pyproject=True)
            if layer.table:
                return layer
    return None
