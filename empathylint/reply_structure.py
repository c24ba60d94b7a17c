"""The parts of a reply: the greeting at the top, the sign-off at the bottom, and the names
they carry; everything between is the body.

Heuristics read from real replies, not a grammar: a greeting is a known opener ("Hi",
"Dear", "Good morning") or a line that is only a name; a sign-off is a closing word
("Best,", "Thanks,") or a name alone at the end, with at most a short line under it. Both
run on the masked text, so placeholders and links count as words of a name line."""

from __future__ import annotations

import re
from collections.abc import Sequence

from empathylint.document import Span

_GREETING = re.compile(
    r"""(?P<opener>
          to\s+whom\s+it\s+may\s+concern
        | good\s+(?:morning|afternoon|evening|day)
        | hi|hello|hey|heya|hiya|howdy|dear|greetings|morning|afternoon|evening|hallo|hola
        )\b
        (?P<rest>(?:[^\n.!?:;,—–]|(?<=Mr)\.|(?<=Ms)\.|(?<=Mrs)\.|(?<=Dr)\.){0,120})
        (?P<end>[,!:;—–]|\.(?=\s*$)|\s*$)""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
_CLOSING = re.compile(
    r"""^[ \t]*(?P<closing>
          (?:best|kind|warm|warmest|many|with)?\s*(?:regards|wishes)
        | best|cheers|sincerely|yours\s+(?:truly|sincerely)|cordially|respectfully
        | (?:(?:many\s+)?thanks(?:\s+(?:again|so\s+much|a\s+lot))?|thank\s+you(?:\s+(?:again|so\s+much))?)
          # "Thanks for your patience," closes as often as "Thanks,"
          (?:\s+for(?:\s+[\w'’-]+){1,4}?(?=[ \t]*(?:[,.!][^\n]*)?$))?
        | all\s+the\s+best|take\s+care|talk\s+soon|speak\s+soon|stay\s+safe|with\s+thanks
        | have\s+a\s+(?:great|good|nice|lovely|wonderful)\s+(?:day|one|week|weekend|evening)
        | --|—|–|~
        )
        (?P<separator>[ \t]*[,.!]?[ \t]*)(?P<inline_name>[^\n]{0,80}?)[ \t]*$""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
_SIGN_OFF_MAX_LINES_AFTER = 6
_NAME_WORD = r"[A-Z\u00C0-\u024F\ufffc][\w'’.\-\ufffc]*"
_INLINE_NAME = re.compile(rf"(?:[-—–~][ \t]*)?{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}")
# A line that is only a name (or a placeholder), as in a terse "Maria," opening or a bare
# "Sam" / "– Sam 🙂" signature; trailing emoji and the like are allowed after it.
_NAME_LINE = re.compile(
    rf"[ \t]*(?:[-—–~][ \t]*)?(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]*(?P<end>[,!]?)[^\w\n]{{0,8}}$"
)
# Capitalised words that open a line with a comma but name nobody ("Thanks," "Sure,").
_NOT_A_NAME = frozenset(
    {"actually", "also", "apologies", "congrats", "great", "hmm", "no", "note", "ok", "okay", "perfect", "ps"}
    | {"so", "sorry", "sure", "thanks", "update", "welcome", "well", "yes", "yep"}
)
_SENTENCE_LINE = re.compile(r"(?:\S+\s+){2,}\S*[.!?]\s*$")
# A closing of the agent's own words, known by its shape: a short line ending in a comma,
# alone in its paragraph, with the name under it ("Enjoy your shopping,\nAoife", "Bonne
# journée,\nÉtienne", "Sorry for the hassle,\nBea").
_OWN_CLOSING = re.compile(r"[ \t]*[^\s,.!?:;][^\n,.!?:;]{0,50},[ \t]*")
_OWN_CLOSING_MAX_WORDS = 6


def find_greeting(text: str) -> tuple[Span | None, Span | None]:
    """The greeting at the top and the span of the name it addresses ("Maria", "there")."""
    first = re.search(r"\S", text)
    if first is None:
        return None, None
    line_end = text.find("\n", first.start())
    line_end = len(text) if line_end == -1 else line_end
    match = _GREETING.match(text, first.start(), line_end)
    if match is None:
        return _name_only_greeting(text, first.start(), line_end)
    rest = match.group("rest")
    if len(rest.split()) > 6:
        return None, None
    greeting = Span(match.start(), match.end())
    stripped = rest.strip()
    if not stripped:
        if match.group("end") == ",":
            # "Hi, Maria," and "Hello, {{first_name}}!": the name comes after the comma.
            after = _NAME_LINE.fullmatch(text, match.end(), line_end)
            if after is not None and after.group("name").lower() not in _NOT_A_NAME:
                name = Span(after.start("name"), after.end("name"))
                return Span(greeting.start, after.end("end") if after.group("end") else name.end), name
        return greeting, None
    name_start = match.start("rest") + len(rest) - len(rest.lstrip())
    return greeting, Span(name_start, name_start + len(stripped))


def _name_only_greeting(text: str, start: int, line_end: int) -> tuple[Span | None, Span | None]:
    """A terse opening that is only the name and a comma: "Maria," or "Anne-Marie!"."""
    match = _NAME_LINE.fullmatch(text, start, line_end)
    if match is None or not match.group("end") or match.group("name").split()[0].lower() in _NOT_A_NAME:
        return None, None
    return Span(match.start("name"), match.end("end")), Span(match.start("name"), match.end("name"))


def find_sign_off(text: str, after: int) -> tuple[Span | None, Span | None]:
    """The closing block ("Best,\\nSam") and the span of the name it carries.

    Without a closing word, a last line that is only a name ("Sam", "– Zoë 🙂") signs the
    reply too, as do a name line and one short line under it ("Sam\\nAcme Support")."""
    lines = [m for m in re.finditer(r"[^\n]*\S[^\n]*", text[after:])]
    candidates = lines[-(_SIGN_OFF_MAX_LINES_AFTER + 1) :]
    end = len(text.rstrip())
    for index, line in enumerate(candidates):
        start = after + line.start()
        closing = _CLOSING.match(text, start, after + line.end())
        if closing is None:
            continue
        following = candidates[index + 1 :]
        if any(len(f.group().split()) > 8 for f in following):
            continue
        if following and (
            _SENTENCE_LINE.search(following[0].group())
            or _CLOSING.match(text, after + following[0].start(), after + following[0].end())
        ):
            continue  # a "Thanks!" in the body, followed by more of the body or the real closing
        if len(following) > 1 and _own_closing(text, after, candidates, index + 1):
            continue  # "Thanks for your patience." ending the body, then "Enjoy your day,\nSam"
        inline_name = closing.group("inline_name").strip()
        if inline_name and (
            not _INLINE_NAME.fullmatch(inline_name) or closing.group("separator").strip() in {".", "!"}
        ):
            continue
        if inline_name:
            name_start = closing.start("inline_name")
            name_span: Span | None = Span(name_start, name_start + len(inline_name))
        elif following:
            name_line = following[0]
            leading = len(name_line.group()) - len(name_line.group().lstrip())
            name_span = Span(after + name_line.start() + leading, after + name_line.end())
        else:
            name_span = None
        return Span(start, end), name_span
    return _bare_name_sign_off(text, after, candidates, end)


def _bare_name_sign_off(
    text: str, after: int, lines: Sequence[re.Match[str]], end: int
) -> tuple[Span | None, Span | None]:
    """A name alone on one of the last two lines, after a blank line; the line under it,
    if any, is short (a team or company name)."""
    for from_end in (1, 2):
        if len(lines) <= from_end:
            break
        if from_end == 2 and len(lines[-1].group().split()) > 5:
            break
        line, before = lines[-from_end], lines[-from_end - 1]
        name = _NAME_LINE.fullmatch(line.group())
        if name is None or name.group("end") == "," or name.group("name").split()[0].lower() in _NOT_A_NAME:
            continue
        name_span = Span(after + line.start() + name.start("name"), after + line.start() + name.end("name"))
        if "\n\n" in text[after + before.end() : after + line.start()]:
            return Span(after + line.start(), end), name_span
        if _own_closing(text, after, lines, len(lines) - from_end - 1):
            return Span(after + before.start(), end), name_span
    return None, None


def _own_closing(text: str, after: int, lines: Sequence[re.Match[str]], index: int) -> bool:
    """Whether lines[index] closes the reply in the agent's own words: short, ending in a
    comma, right above the name and after a blank line."""
    line = lines[index]
    if not _OWN_CLOSING.fullmatch(line.group()) or len(line.group().split()) > _OWN_CLOSING_MAX_WORDS:
        return False
    before_end = lines[index - 1].end() if index > 0 else 0
    return index > 0 and "\n\n" in text[after + before_end : after + line.start()]
