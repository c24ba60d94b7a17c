"""Front matter: the metadata block a help article starts with, never prose.

Three shapes are read, in Markdown, MDX and plain text alike:
- YAML between `---` lines, and TOML between `+++` lines (Jekyll, Hugo, Docusaurus);
- Lektor's fields (`_model: question`, `---`, `title: …`, `---`, `description:` and the body),
  as help centres built with Lektor store every article.

Keys, separators and values are not prose, except the values readers see: `title` and
`description` (and a Lektor article's body, which is its last field). The reader keeps
those spans and blanks the rest; `settings` are the values that steer the check (`profile`,
`customer`, `agent`)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any

from empathylint.document import Span
from empathylint.files import InputError

_FENCED = re.compile(
    r"\A(?:\ufeff)?(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)(?:\r?\n|\r)?^(?P=fence)[ \t]*$", re.S | re.M
)
_YAML_PAIR = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(?P<value>[^#\r\n]*?)[ \t]*(?:#.*)?$", re.M)
# Lektor: the file opens with a field ("_model: page") and fields are parted by lines of "---".
_LEKTOR_START = re.compile(r"\A(?:\ufeff)?[A-Za-z_][\w-]*:[^\n]*\r?\n(?:[^\n]*\r?\n){0,3}?---[ \t]*\r?$", re.M)
_LEKTOR_SEPARATOR = re.compile(r"^---[ \t]*\r?$", re.M)
_LEKTOR_KEY = re.compile(r"\s*(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*")
READ_BY_CUSTOMERS = frozenset({"title", "description", "summary", "body", "excerpt"})
_STEERING = ("profile", "customer", "agent")


@dataclass(frozen=True)
class FrontMatter:
    span: Span
    prose: list[Span]
    settings: dict[str, str]


def find_front_matter(source: str, path: str) -> FrontMatter | None:
    fenced = _FENCED.match(source)
    if fenced is not None:
        return _fenced(fenced, path)
    if _LEKTOR_START.match(source):
        return _lektor(source)
    return None


def _fenced(match: re.Match[str], path: str) -> FrontMatter:
    body = match.group("body")
    prose = []
    for pair in _YAML_PAIR.finditer(match.string, match.start("body"), match.end("body")):
        if pair.group("key").lower() in READ_BY_CUSTOMERS and pair.group("value"):
            prose.append(_unquoted(match.string, pair.start("value"), pair.end("value")))
    if match.group("fence") == "+++":
        table = _toml(body, path)
    else:
        table = {m.group("key"): m.group("value").strip().strip("\"'") for m in _YAML_PAIR.finditer(body)}
    settings = {key: str(table[key]).strip() for key in _STEERING if str(table.get(key, "")).strip()}
    return FrontMatter(Span(match.start(), match.end()), prose, settings)


def _lektor(source: str) -> FrontMatter:
    """Lektor fields: `key: value` (or `key:` and the value on the lines below) between `---`
    lines. The last field read by customers runs to the end of the file (the article body)."""
    prose = []
    start = 0
    boundaries = [*(m for m in _LEKTOR_SEPARATOR.finditer(source)), None]
    for separator in boundaries:
        end = separator.start() if separator is not None else len(source)
        key = _LEKTOR_KEY.match(source, start, end)
        if key is not None and key.group("key").lower() in READ_BY_CUSTOMERS and key.end() < end:
            prose.append(Span(key.end(), end))
        start = separator.end() if separator is not None else end
    return FrontMatter(Span(0, len(source)), prose, {})


def _unquoted(source: str, start: int, end: int) -> Span:
    if end - start >= 2 and source[start] in "\"'" and source[end - 1] == source[start]:
        return Span(start + 1, end - 1)
    return Span(start, end)


def _toml(body: str, path: str) -> dict[str, Any]:
    if _nesting(body) > MAX_FRONT_MATTER_NESTING:
        raise InputError(path, f"front matter nests deeper than {MAX_FRONT_MATTER_NESTING} levels; not read")
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    try:
        table: dict[str, Any] = tomllib.loads(body)
    except tomllib.TOMLDecodeError as error:
        raise InputError(path, f"front matter is not valid TOML: {error}") from None
    except RecursionError:
        raise InputError(path, "front matter nests too deep to read") from None
    return table


def blank_except_prose(source: str, front_matter: FrontMatter) -> str:
    """The source with the front matter's keys, separators and other values blanked (line
    breaks kept), its customer-read values left as they are."""
    pieces = []
    position = front_matter.span.start
    for span in front_matter.prose:
        pieces.append(_NOT_LINE_BREAK.sub(" ", source[position : span.start]))
        pieces.append(source[span.start : span.end])
        position = span.end
    pieces.append(_NOT_LINE_BREAK.sub(" ", source[position : front_matter.span.end]))
    return source[: front_matter.span.start] + "".join(pieces) + source[front_matter.span.end :]


_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


# tomllib parses nested arrays and tables by recursion: 3,000 levels end in RecursionError.
# Front matter holds a profile and two names; a few levels are all it ever needs.
MAX_FRONT_MATTER_NESTING = 32


def _nesting(body: str) -> int:
    """How deep brackets and braces nest (an over-count inside strings errs on the safe side)."""
    depth = deepest = 0
    for character in body:
        if character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth = max(0, depth - 1)
    return deepest
