"""Adding a word to the team's dictionary: `words` of `[rules.proofread]` in the nearest
checklist.toml (or `[tool.empathylint.rules.proofread]` in a pyproject.toml), or the
`words-file` that table names.

The file is edited as text, never parsed and dumped again: its comments, order, quoting
and blank lines are the team's, and everything but the inserted word stays byte for byte.
The new text is parsed before it is written, and written only if it reads as the old
settings plus the word (an unusual layout, such as an inline table, is refused rather than
guessed at). Writing is atomic, and only over the bytes that were read (writing.py)."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from empathylint.config.layers import MAX_CONFIG_BYTES, PYPROJECT_NAME, USER_CONFIG_NAME
from empathylint.config.toml_lines import split_dotted
from empathylint.language.vocabulary import parse_toml
from empathylint.lsp.positions import LineIndex, newline_of
from empathylint.writing import WriteError, write_atomic


class DictionaryError(Exception):
    """The word could not be added, said in one line that names the file."""


@dataclass(frozen=True)
class Dictionary:
    """Where a word goes: a configuration file (possibly not there yet), or its words-file."""

    config_file: Path
    words_file: Path | None = None

    @property
    def target(self) -> Path:
        return self.words_file or self.config_file


def add_word(dictionary: Dictionary, word: str) -> None:
    """Add `word` to the dictionary's file; DictionaryError when it cannot be done safely."""
    target = dictionary.target
    if not word or any(char.isspace() or not char.isprintable() for char in word):
        raise DictionaryError(f"{word!r} is not one word")
    try:
        original = target.read_bytes() if target.exists() else None
    except OSError as error:
        raise DictionaryError(f"{target}: cannot be read: {error.strerror or error}") from None
    if original is not None and len(original) > MAX_CONFIG_BYTES:
        raise DictionaryError(f"{target}: too large to edit")
    bom = b"\xef\xbb\xbf" if original is not None and original.startswith(b"\xef\xbb\xbf") else b""
    try:
        text = (original or b"")[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        raise DictionaryError(f"{target}: is not UTF-8 text") from None
    if dictionary.words_file is not None:
        new_text = _with_line(text, word)
    else:
        new_text = with_word(text, word, pyproject=target.name == PYPROJECT_NAME)
        _require_only_word_added(text, new_text, word, target)
    try:
        write_atomic(target, bom + new_text.encode("utf-8"), replacing=original)
    except WriteError as error:
        raise DictionaryError(str(error)) from None


def _with_line(text: str, word: str) -> str:
    """A words-file with one more line, in the file's own line ending."""
    newline = newline_of(text)
    if text and not text.endswith(("\n", "\r")):
        text += newline
    return text + word + newline


def with_word(text: str, word: str, *, pyproject: bool = False) -> str:
    """The configuration text with `word` added to the proofread words (or extend-words)."""
    newline = newline_of(text)
    table = ("tool", "empathylint", "rules", "proofread") if pyproject else ("rules", "proofread")
    quoted = json.dumps(word, ensure_ascii=False)
    section = _section(text, table)
    if section is None:
        header = "[" + ".".join(table) + "]"
        if not text.strip():
            separator = ""
        elif text.endswith(("\n", "\r")):
            separator = newline  # a blank line before the new table
        else:
            separator = newline * 2
        return f"{text}{separator}{header}{newline}words = [{quoted}]{newline}"
    body_start, body_end = section
    for key in ("words", "extend-words"):
        opening = _array_of(text, body_start, body_end, key)
        if opening is not None:
            return _into_array(text, opening, quoted, newline)
    # A header on the file's last line, with no line break after it, gets one.
    before = text[:body_start] if text[:body_start].endswith(("\n", "\r")) else text[:body_start] + newline
    return before + f"words = [{quoted}]{newline}" + text[body_start:]


def _lines(text: str) -> list[tuple[int, str]]:
    """Each line's offset and text (without its line break)."""
    index = LineIndex(text)
    return [(start, text[start : index.line_end(number)]) for number, start in enumerate(index.starts)]


def _table_name(line: str) -> str | None:
    """The name in a `[table]` header line (not an `[[array]]` one), else None."""
    stripped = line.strip()
    if not stripped.startswith("[") or stripped.startswith("[["):
        return None
    closing = stripped.find("]")
    rest = stripped[closing + 1 :].strip()
    if closing == -1 or (rest and not rest.startswith("#")):
        return None
    return stripped[1:closing].strip()


def _section(text: str, table: tuple[str, ...]) -> tuple[int, int] | None:
    """Where the table's keys are: from the line after its header to the next header."""
    lines = _lines(text)
    for number, (_offset, line) in enumerate(lines):
        name = _table_name(line)
        if name is None or split_dotted(name) != table:
            continue
        start = lines[number + 1][0] if number + 1 < len(lines) else len(text)
        following = (
            offset
            for offset, later in lines[number + 1 :]
            if _table_name(later) is not None or later.lstrip().startswith("[[")
        )
        return start, next(following, len(text))
    return None


def _array_of(text: str, start: int, end: int, key: str) -> int | None:
    """The offset of the `[` that opens `key = [` on a line of text[start:end]."""
    for offset, line in _lines(text):
        if not start <= offset < end:
            continue
        stripped = line.lstrip(" \t")
        if not stripped.startswith(key):
            continue
        after_key = stripped[len(key) :].lstrip(" \t")
        if after_key.startswith("="):
            value = after_key[1:].lstrip(" \t")
            if value.startswith("["):
                return offset + len(line) - len(value)
    return None


def _into_array(text: str, opening: int, quoted: str, newline: str) -> str:
    """Insert an item before the `]` that closes the array opened at `opening`."""
    closing, last_item_end, trailing_comma = _scan_array(text, opening)
    if last_item_end is None:  # an empty array
        return text[: opening + 1] + quoted + text[closing:]
    multiline = "\n" in text[opening:closing] or "\r" in text[opening:closing]
    if not multiline:
        if trailing_comma is not None:
            return text[: trailing_comma + 1] + " " + quoted + text[trailing_comma + 1 :]
        return text[:last_item_end] + ", " + quoted + text[last_item_end:]
    # One item a line: the new one goes on a line of its own after the last, indented
    # like it, after any comment that ends the last item's line.
    line_start = max(text.rfind("\n", 0, last_item_end), text.rfind("\r", 0, last_item_end)) + 1
    last_line = text[line_start:last_item_end]
    indent = last_line[: len(last_line) - len(last_line.lstrip(" \t"))]
    breaks = [at for at in (text.find("\r", last_item_end), text.find("\n", last_item_end)) if at != -1]
    line_end = min(breaks) if breaks and min(breaks) < closing else closing
    if trailing_comma is None:
        text = text[:last_item_end] + "," + text[last_item_end:]
        line_end += 1
        comma = ""
    else:
        comma = ","
    return text[:line_end] + newline + indent + quoted + comma + text[line_end:]


def _scan_array(text: str, opening: int) -> tuple[int, int | None, int | None]:
    """The offset of the closing `]`, the end of the last item (None when empty) and the
    offset of a comma after it (None when there is none), skipping strings and comments."""
    position = opening + 1
    depth = 0
    last_item_end: int | None = None
    trailing_comma: int | None = None
    while position < len(text):
        char = text[position]
        if char == "#":
            line_end = text.find("\n", position)
            position = len(text) if line_end == -1 else line_end
            continue
        if char in "\"'":
            position = _string_end(text, position)
            if depth == 0:
                last_item_end, trailing_comma = position, None
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            if depth == 0:
                return position, last_item_end, trailing_comma
            depth -= 1
            if depth == 0:
                last_item_end, trailing_comma = position + 1, None
        elif char == "," and depth == 0:
            trailing_comma = position
        elif not char.isspace() and depth == 0:
            last_item_end, trailing_comma = position + 1, None
        position += 1
    raise DictionaryError("the words array is not closed")


def _string_end(text: str, start: int) -> int:
    """The offset just after the TOML string that opens at `start`."""
    quote = text[start]
    if text.startswith(quote * 3, start):
        end = text.find(quote * 3, start + 3)
        return len(text) if end == -1 else end + 3
    position = start + 1
    while position < len(text) and text[position] != quote:
        position += 2 if quote == '"' and text[position] == "\\" else 1
    return position + 1


def _require_only_word_added(old_text: str, new_text: str, word: str, target: Path) -> None:
    """Refuse an edit whose result is not the old settings plus the word."""
    try:
        old = parse_toml(old_text) if old_text else {}
        new = parse_toml(new_text)
    except ValueError as error:
        raise DictionaryError(f"{target}: the word cannot be placed in this layout ({error}); add it by hand") from None
    if _words_added(old, word, pyproject=target.name == PYPROJECT_NAME) != new:
        raise DictionaryError(f"{target}: the word cannot be placed in this layout; add it by hand")


def _words_added(table: dict[str, Any], word: str, *, pyproject: bool) -> dict[str, Any]:
    """What the parsed configuration must be after adding the word."""
    expected = copy.deepcopy(table)
    scope = expected.setdefault("tool", {}).setdefault("empathylint", {}) if pyproject else expected
    proofread = scope.setdefault("rules", {}).setdefault("proofread", {})
    key = "extend-words" if "extend-words" in proofread and "words" not in proofread else "words"
    proofread[key] = [*proofread.get(key, []), word]
    return expected


def dictionary_for(config_sources: tuple[str, ...], words_file: str, config_root: Path, fallback: Path) -> Dictionary:
    """The dictionary of a file's configuration: the configuration file it was read from
    (the last of its sources that is a file), else a new checklist.toml in `fallback`."""
    files = [Path(source) for source in config_sources if source.endswith((USER_CONFIG_NAME, PYPROJECT_NAME))]
    config_file = files[-1] if files else fallback / USER_CONFIG_NAME
    return Dictionary(config_file, config_root / words_file if words_file and files else None)
