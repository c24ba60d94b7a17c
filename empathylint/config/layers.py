"""Reading configuration files into layers: checklist.toml, [tool.empathylint] in
pyproject.toml, and the files a configuration names. Every problem is a ConfigError told in
one line that names the file (and the line, where there is one)."""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from empathylint.language.vocabulary import parse_toml

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
        # Asked only to name the line of an error: a run that loads a valid checklist
        # never compiles the line finder's patterns.
        from empathylint.config.toml_lines import locate_key

        return locate_key(self.text, key_path)


# A checklist is a page or two of settings; a bigger file is not one (a log or /dev/zero
# named by mistake), and is refused before it is read into memory.
MAX_CONFIG_BYTES = 1024 * 1024


def read_bounded(path: Path, display: str, what: str, max_bytes: int = MAX_CONFIG_BYTES) -> str:
    """The text of a file the configuration names (a checklist, --config, a words-file):
    a regular file only (a FIFO would block, a device never end), of at most `max_bytes`,
    in UTF-8. Anything else is a ConfigError that names the file and the cause."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a FIFO, socket or device)"
            raise ConfigError(display, f"{what} is {kind}")
        if info.st_size > max_bytes:
            raise ConfigError(display, f"{what} is too large ({info.st_size} bytes; the limit is {max_bytes})")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise ConfigError(display, f"{what} cannot be read: {error.strerror or error}") from None
    if len(data) > max_bytes:  # it grew while being read
        raise ConfigError(display, f"{what} is too large (the limit is {max_bytes} bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(display, f"{what} is not UTF-8 text") from None


def read_layer(path: Path, display: str | None = None, *, pyproject: bool = False) -> Layer:
    """A checklist.toml, or the [tool.empathylint] table of a pyproject.toml."""
    shown = display or str(path)
    text = read_bounded(path, shown, "the configuration file")
    try:
        table = parse_toml(text)
    except ValueError as error:  # tomllib.TOMLDecodeError; tomllib is imported only to parse
        line, column = _position_from_message(str(error))
        reason = str(error).split(" (at ")[0]
        where = f" at column {column}" if column else ""
        raise ConfigError(shown, f"invalid TOML{where}: {reason}", line) from None
    except RecursionError:  # tomllib parses nested arrays and tables by recursion
        raise ConfigError(shown, "invalid TOML: arrays or tables nested too deeply") from None
    if pyproject:
        tool = table.get("tool", {})
        table = tool.get("empathylint", {}) if isinstance(tool, dict) else {}
        text = _pyproject_section(text)
    return Layer(shown, table, text)


def _position_from_message(message: str) -> tuple[int | None, int | None]:
    """Line and column from tomllib's "(at line 3, column 5)"."""
    line = re.search(r"line (\d+)", message)
    column = re.search(r"column (\d+)", message)
    return (int(line.group(1)) if line else None, int(column.group(1)) if column else None)


def _pyproject_section(text: str) -> str:
    """pyproject's text with tool.empathylint table headers read as our own headers, so that
    lines can be found by the same key paths."""
    return re.sub(r"^(\s*\[+)\s*tool\.empathylint\.?", r"\1", text, flags=re.MULTILINE)


def config_in(folder: Path) -> Layer | None:
    """The folder's checklist.toml, else its pyproject.toml when that has [tool.empathylint]."""
    candidate = folder / USER_CONFIG_NAME
    if candidate.is_file():
        return read_layer(candidate)
    pyproject = folder / PYPROJECT_NAME
    if pyproject.is_file():
        layer = read_layer(pyproject, pyproject=True)
        if layer.table:
            return layer
    return None
