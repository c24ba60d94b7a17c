"""Markup and machine text inside prose, whatever the file is called: found by shape, so that
no rule reads it as words.

- template tags: Liquid, Jinja and Handlebars statements `{% … %}` and comments `{# … #}`, and
  `{{ … }}` when it spans lines (one on a line is a placeholder: the Document classifies it);
- wiki links and embeds: `[[Page]]`, `![[diagram.png]]`;
- callout markers: `> [!NOTE]`, `[!WARNING]+`, MkDocs' `!!! tip ""`; heading ids `{#billing}` and
  includes `{!tip.md!}`;
- bare domains and e-mail-like tokens: `mysite.com`, `help.example.org/path`, `support@acme`;
- file names and paths: `report.xlsx`, `~/.torrc`, `/etc/tor/torrc`, `C:\\Users\\me`;
- command lines: a line that starts with a prompt (`$ `, `% `, `> ` is a quote, so not it) or a
  known command followed by its arguments (`sudo apt install tor`, `npm run build`);
- HTML no parser took: tags with their attributes, comments and entities (`&gt;`).

Each finder returns spans of the text; `non_prose_spans` returns them all, merged.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from empathylint.document import Span

_DATA = Path(__file__).parent / "data"

# A template statement has a space after its "{%" ("{% callout info %}"; Help Scout's
# "{%customer.firstName%}" is a placeholder, left to the Document); an output tag "{{ … }}" is
# markup here only when it spans lines (on one line it is a placeholder the Document knows).
_TEMPLATE_TAG = re.compile(
    r"\{%-?\s.{0,2000}?%\}|\{\{[^{}\n]{0,2000}?\n[^{}]{0,2000}?\}\}|\{#.{0,2000}?#\}"
    r"|\{#[\w-]{1,100}\}"  # a heading's id: "## Billing {#billing}"
    r"|\{![^{}\n]{1,300}!\}"  # an include: "{!topic-menu-tip.md!}"
    r"|\{[\w-]{1,40}\|[\w|-]{1,200}\}"  # a macro with arguments: "{tab|desktop-web}"
    r"|\{:[^{}\n]{1,300}\}",  # a Kramdown attribute list: '{:target="_blank"}'
    re.S,
)
_WIKI_LINK = re.compile(r"!?\[\[[^\[\]\n]{1,300}\]\]")
# At a line's start, after the quote's ">" (which a reader may already have dropped).
_CALLOUT_MARKER = re.compile(
    r"^[ \t]*(?:>[ \t]*)*(\[![A-Za-z-]{1,30}\][+-]?)"  # GitHub and Obsidian: "> [!NOTE]"
    r"|^[ \t]*((?:!!!|\?\?\?\+?)[ \t]+[\w-]{1,30}(?:[ \t]+\"[^\"\n]{0,200}\")?)",  # MkDocs: '!!! tip ""'
    re.M,
)
_ADDRESS_LIKE = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})*")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_HTML_TAG = re.compile(r"<!--.{0,5000}?-->|</?(?P<name>[A-Za-z][\w:-]{0,40})(?:\s+[^<>]{0,2000}?)?/?>", re.S)
# Each starts with its literal, so the engine skips to it: /etc/tor/torrc, ~/.config/app,
# ./run (the "~" or "." before the slash is taken with it), C:\Users\me.
_SLASH_PATH = re.compile(r"/[\w.@+-]+(?:/[\w.@+-]*)+|(?<=~)/[\w.@+-]+")
_WINDOWS_PATH = re.compile(r":\\[^\s\"'<>|]+")
_COMMAND_PROMPT = re.compile(r"^[ \t]*[$%#][ \t]+\S[^\n]*$", re.M)


@functools.cache
def _word_set(name: str) -> frozenset[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _longest_first(word: str) -> tuple[int, str]:
    """Longest first, then alphabetical: the same regex in every process, whatever the
    order of the set the words come from."""
    return -len(word), word


@functools.cache
def _top_level_domain() -> re.Pattern[str]:
    tlds = "|".join(sorted(_word_set("top-level-domains.txt"), key=_longest_first))
    return re.compile(rf"\.(?:{tlds})\b(?![\w-])", re.IGNORECASE)


@functools.cache
def _extension() -> re.Pattern[str]:
    extensions = "|".join(sorted(_word_set("file-extensions.txt"), key=_longest_first))
    return re.compile(rf"\.(?:{extensions})\b(?![\w-])", re.IGNORECASE)


# What may follow a domain: a path, not a sentence's full stop ("Go to example.com.").
_DOMAIN_PATH = re.compile(r"/[^\s<>\"'`)\]]*[^\s<>\"'`.,;:!?)\]]|/")
_DOMAIN_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+@")
_FILE_NAME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
# No label, address or file name is longer: the look back is bounded, so a run of dots stays linear.
_LONGEST_NAME = 255


def _anchored(text: str, anchor: re.Pattern[str], allowed: frozenset[str]) -> list[Span]:
    """Spans that end with `anchor` ("…" + ".com", "…" + ".xlsx"), reaching back over the
    `allowed` characters: patterns that start with a literal dot are found fast, where a
    pattern that may start at any letter is tried at every one."""
    found = []
    for match in anchor.finditer(text):
        start = match.start()
        stop = max(0, start - _LONGEST_NAME)
        while start > stop and text[start - 1] in allowed:
            start -= 1
        if start < match.start() and text[start] not in ".-":
            found.append(Span(start, match.end()))
    return found


@functools.cache
def _command_line_pattern() -> re.Pattern[str]:
    commands = "|".join(sorted(map(re.escape, _word_set("commands.txt")), key=_longest_first))
    # A known command, lower case, then an argument that is a flag, a path or another lower-case
    # word, and no full stop at the end: "sudo apt install tor", not "Git is where we keep it."
    return re.compile(rf"^[ \t]*(?:{commands})[ \t]+(?:-{{1,2}}\w|[a-z./~])[^\n]*(?<![.!?:])[ \t]*$", re.M)


def template_tags(text: str) -> list[Span]:
    return _spans(_TEMPLATE_TAG, text, "{")


def wiki_links(text: str) -> list[Span]:
    return _spans(_WIKI_LINK, text, "[[")


def callout_markers(text: str) -> list[Span]:
    if "[!" not in text and "!!!" not in text and "???" not in text:
        return []
    return [Span(m.start(m.lastindex or 0), m.end(m.lastindex or 0)) for m in _CALLOUT_MARKER.finditer(text)]


def html_tags(text: str) -> list[Span]:
    """Tags of HTML's own elements with their attributes ("<first name>" is a placeholder, not
    a tag), comments, and character references ("&gt;")."""
    if "<" not in text and "&" not in text:
        return []
    elements = _word_set("html-elements.txt")
    tags = [
        Span(m.start(), m.end())
        for m in _HTML_TAG.finditer(text)
        if m.group("name") is None or m.group("name").lower() in elements
    ]
    return tags + _spans(_ENTITY, text, "&")


# A whole URL is left to the Document, which masks it as a link (a link is never a name, and
# its sign-off and greeting heuristics need to see it whole): its parts are not domains or paths.
_URL_LIKE = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"'`]+")


def _outside_urls(text: str, spans: list[Span]) -> list[Span]:
    if "://" not in text and "www." not in text:
        return spans
    urls = [Span(m.start(), m.end()) for m in _URL_LIKE.finditer(text)]
    return [span for span in spans if not any(url.start <= span.start < url.end for url in urls)]


def domains_and_addresses(text: str) -> list[Span]:
    if "." not in text:
        return _spans(_ADDRESS_LIKE, text, "@")
    found = []
    for domain in _anchored(text, _top_level_domain(), _DOMAIN_CHARACTERS):
        path = _DOMAIN_PATH.match(text, domain.end)
        found.append(Span(domain.start, path.end()) if path else domain)
    return _outside_urls(text, found) + _spans(_ADDRESS_LIKE, text, "@")


def file_names(text: str) -> list[Span]:
    return _anchored(text, _extension(), _FILE_NAME_CHARACTERS) if "." in text else []


def paths(text: str) -> list[Span]:
    found = []
    for match in _SLASH_PATH.finditer(text) if "/" in text else ():
        start = match.start()
        while start > 0 and start > match.start() - 2 and text[start - 1] in "~.":
            start -= 1
        found.append(Span(start, match.end()))
    for match in _WINDOWS_PATH.finditer(text) if ":\\" in text else ():
        if match.start() > 0 and text[match.start() - 1].isalpha():
            found.append(Span(match.start() - 1, match.end()))
    return _outside_urls(text, found)


def command_lines(text: str) -> list[Span]:
    found = _spans(_COMMAND_PROMPT, text) if any(p in text for p in "$%#") else []
    return found + _spans(_command_line_pattern(), text)


def non_prose_spans(text: str) -> list[Span]:
    """Every span of `text` that is markup or machine text: in plain text, or left by a parser
    (JSX-style tags such as `<img src={…} />` in a Markdown article are no HTML to markdown-it)."""
    return [
        *template_tags(text),
        *wiki_links(text),
        *callout_markers(text),
        *domains_and_addresses(text),
        *file_names(text),
        *paths(text),
        *command_lines(text),
        *html_tags(text),
    ]


def _spans(pattern: re.Pattern[str], text: str, needle: str | None = None) -> list[Span]:
    if needle is not None and needle not in text:
        return []  # most texts hold none: one scan for the character each needs at least once
    return [Span(m.start(), m.end()) for m in pattern.finditer(text)]
