"""The parts of a reply: the greeting at the top, the sign-off at the bottom, and the names
they carry; everything between is the body.

Heuristics read from real replies, not a grammar: a greeting is a known opener ("Hi",
"Dear", "Good morning"), the @handles a social reply opens with, or a line that is only a
name; a sign-off is a closing word ("Best,", "Thanks,") or a name alone at the end, with at
most a short line under it, and on social and chat the initials a post ends with ("^SH").
Both run on the masked text, so placeholders count as words of a name line; links never do."""

from __future__ import annotations

import re
from collections.abc import Sequence

from empathylint.document import OBJECT, Channel, Span
from empathylint.language.vocabulary import known_words

_GREETING = re.compile(
    r"""(?P<opener>
          to\s+whom\s+it\s+may\s+concern
        | good\s+(?:morning|afternoon|evening|day)
        | hi|hello|hey|heya|hiya|howdy|dear|greetings|morning|afternoon|evening|hallo|hola
        )\b
        (?P<rest>(?:[^\n.!?:;,—–]|(?:(?<=Mr)|(?<=Ms)|(?<=Mrs)|(?<=Dr))\.){0,120})
        # "Hi Mohan." may end the greeting with more on the line, as a one-line reply does.
        (?P<end>[,!:;—–]|\.(?=\s)|\.?\s*$)""",
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
    rf"[ \t]*(?:[-—–~][ \t]*)?(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})[ \t]*(?P<end>[,!]?)[^\w\n]{{0,8}}$"
)
# Anchored at line starts, so a long run of blanks (a masked code fence) is scanned once,
# not once per position.
_NONBLANK_LINE = re.compile(r"^[^\n]*\S[^\n]*", re.MULTILINE)
_SENTENCE_LINE = re.compile(r"(?:\S+\s+){2,}\S*[.!?]\s*$")
# A closing of the agent's own words, known by its shape: a short line ending in a comma,
# alone in its paragraph, with the name under it ("Enjoy your shopping,\nAoife", "Bonne
# journée,\nÉtienne", "Sorry for the hassle,\nBea").
_OWN_CLOSING = re.compile(r"[ \t]*[^\s,.!?:;][^\n,.!?:;]{0,50},[ \t]*")
_OWN_CLOSING_MAX_WORDS = 6


# The handles a social reply or a bot's comment opens with ("@maria @acme_help", "@{author}"),
# after an emoji shortcode or two (":wave:"); the placeholder of "@{{author}}" is masked. The
# mark that may set them off from the first sentence ("@maria, thanks …", "@maria - We …",
# "@maria … the fix") belongs to them, not to that sentence.
_OPENING_HANDLES = re.compile(
    r"""(?:(?::[a-z0-9_+-]{1,30}:|[^\w\s@\ufffc]{1,2})[ \t]*){0,2}
        (?P<handles>@[\w{}.\ufffc-]+(?:[ \t,]+@[\w{}.\ufffc-]+)*
          (?:[ \t]*(?:[,:;]|\.{2,}|…)|[ \t]+[-–—](?=[ \t]))?)""",
    re.VERBOSE,
)
_NON_BLANK = re.compile(r"\S")


def find_opening_handles(text: str) -> Span | None:
    """The @handles that address the reader at the very top, the way a social reply names
    the customer ("@maria Thanks for waiting!")."""
    first = _NON_BLANK.search(text)
    if first is None:
        return None
    match = _OPENING_HANDLES.match(text, first.start())
    return Span(match.start("handles"), match.end("handles")) if match else None


def find_greeting(text: str, start: int = 0, links: Sequence[Span] = ()) -> tuple[Span | None, Span | None]:
    """The greeting at the top (from `start`, past any opening @handles) and the span of the
    name it addresses ("Maria", "there"). A link is never a name."""
    first = _NON_BLANK.search(text, start)
    if first is None:
        return None, None
    line_end = text.find("\n", first.start())
    line_end = len(text) if line_end == -1 else line_end
    match = _GREETING.match(text, first.start(), line_end)
    if match is None:
        return _name_only_greeting(text, first.start(), line_end, links)
    rest = match.group("rest")
    if len(rest.split()) > 6:
        return None, None
    greeting = Span(match.start(), match.end())
    stripped = rest.strip()
    if not stripped:
        if match.group("end") == ",":
            # "Hi, Maria," and "Hello, {{first_name}}!": the name comes after the comma.
            after = _NAME_LINE.fullmatch(text, match.end(), line_end)
            if after is not None and after.group("name").lower() not in known_words("not-names"):
                name = Span(after.start("name"), after.end("name"))
                return Span(greeting.start, after.end("end") if after.group("end") else name.end), name
        return greeting, None
    name_start = match.start("rest") + len(rest) - len(rest.lstrip())
    return greeting, Span(name_start, name_start + len(stripped))


def _name_only_greeting(text: str, start: int, line_end: int, links: Sequence[Span]) -> tuple[Span | None, Span | None]:
    """A terse opening that is only the name and a comma: "Maria," or "Anne-Marie!"."""
    match = _NAME_LINE.fullmatch(text, start, line_end)
    if match is None or not match.group("end") or match.group("name").split()[0].lower() in known_words("not-names"):
        return None, None
    name = Span(match.start("name"), match.end("name"))
    if any(link.start < name.end and name.start < link.end for link in links):
        return None, None
    return Span(match.start("name"), match.end("end")), name


def find_sign_off(
    text: str, after: int, *, channel: Channel = "email", links: Sequence[Span] = ()
) -> tuple[Span | None, Span | None]:
    """The closing block ("Best,\\nSam") and the span of the name it carries.

    Without a closing word, a last line that is only a name ("Sam", "– Zoë 🙂") signs the
    reply too, as do a name line and one short line under it ("Sam\\nAcme Support"). A block
    appended under a rule (`---`, a legal footer) leaves the sign-off above it the sign-off.
    On social and chat, a reply is signed at the end of its last line ("… Thanks! ^SH").
    `links` are the masked URLs and addresses: a link is never a name."""
    end = len(text.rstrip())
    signed_at_end = channel in ("social", "chat")
    sign_off, name = _sign_off_above(text, after, end, links)
    block = _appended_block(text, after) if sign_off is None else None
    if block is not None:
        above = len(text[:block].rstrip())
        sign_off, name = _sign_off_above(text, after, above, links)
        if sign_off is None and signed_at_end:
            sign_off, name = find_signature_at_end(text, after, links, above)
        if sign_off is not None:
            sign_off = Span(sign_off.start, end)
    if sign_off is None and signed_at_end:
        sign_off, name = find_signature_at_end(text, after, links, end)
    return sign_off, name


def _sign_off_above(text: str, after: int, end: int, links: Sequence[Span]) -> tuple[Span | None, Span | None]:
    """A sign-off ending at `end`: a closing word with the name on or under it, or a name alone."""
    lines = list(_NONBLANK_LINE.finditer(text[after:end]))
    candidates = lines[-(_SIGN_OFF_MAX_LINES_AFTER + 1) :]
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
        name_span: Span | None = None
        if inline_name:
            name_start = closing.start("inline_name")
            name_span = Span(name_start, name_start + len(inline_name))
        elif following:
            name_line = following[0]
            leading = len(name_line.group()) - len(name_line.group().lstrip())
            name_span = Span(after + name_line.start() + leading, after + name_line.end())
        if name_span is not None and _only_links(text, name_span, links):
            name_span = None  # "Thanks,\nhttps://help.example.com": signed by nobody
        return Span(start, end), name_span
    return _bare_name_sign_off(text, after, candidates, end, links)


def _bare_name_sign_off(
    text: str, after: int, lines: Sequence[re.Match[str]], end: int, links: Sequence[Span]
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
        if (
            name is None
            or name.group("end") == ","
            or name.group("name").split()[0].lower() in known_words("not-names")
        ):
            continue
        name_span = Span(after + line.start() + name.start("name"), after + line.start() + name.end("name"))
        if _only_links(text, name_span, links):
            continue
        if "\n\n" in text[after + before.end() : after + line.start()]:
            return Span(after + line.start(), end), name_span
        if _own_closing(text, after, lines, len(lines) - from_end - 1):
            return Span(after + before.start(), end), name_span
    return None, None


def _only_links(text: str, span: Span, links: Sequence[Span]) -> bool:
    """Whether every masked character of the span is a link's, and nothing else is a word."""
    words = text[span.start : span.end]
    if re.search(r"[^\W_]", words.replace(OBJECT, "")):
        return False
    return OBJECT in words and all(
        any(link.start <= span.start + i < link.end for link in links) for i, char in enumerate(words) if char == OBJECT
    )


# A rule that sets off a block appended under the reply (a footer, a disclaimer, a quoted
# thread): "---", "___", "***", "===" or the e-mail signature separator "-- ".
_BLOCK_RULE = re.compile(r"^[ \t]*(?:-{2,}|_{3,}|\*{3,}|={3,}|—)[ \t]*$", re.MULTILINE)


def _appended_block(text: str, after: int) -> int | None:
    """Where the last block appended under a rule starts (the rule's own line), if any."""
    rules = list(_BLOCK_RULE.finditer(text, after))
    return rules[-1].start() if rules else None


# A social reply signs where it ends: a mark and the agent's name or initials ("^SH",
# "-Jen", "~ Olivia", "*MM", "/DC", "– Sam 🙂"), a closing and a name ("Cheers, Sam"), or,
# after a full stop or a link, initials alone ("HRB") or a first name alone ("Julie"). A
# closing word right before a mark belongs to the sign-off.
_SIGNATURE_AT_END = re.compile(
    r"""(?:(?<=\s)|(?<=[.!?]))
        (?:(?P<mark>[\^~*/]|[-–—])[ \t]?(?P<marked>[A-Z\u00C0-\u024F][\w'’.]*(?:[ \t][A-Z][\w'’.]*)?)[^\w\n]{0,4}
          | (?i:cheers|thanks|thank[ \t]+you|best|regards|take[ \t]+care),?[ \t]+
            (?P<closed>[A-Z\u00C0-\u024F][\w'’-]*)[^\w\n]{0,4}
          | (?<=[.!?\ufffc)][ \t])(?P<bare>[A-Z]{2,4}|[A-Z][a-z]+))
        [ \t]*$""",
    re.VERBOSE,
)
_CLOSING_BEFORE_SIGNATURE = re.compile(
    r"(?:(?<=\s)|^)(?:many\s+)?(?:thanks|thank\s+you|cheers|best|regards|take\s+care)[ \t]*[,.!]*[ \t]*$",
    re.IGNORECASE,
)


def find_signature_at_end(
    text: str, after: int, links: Sequence[Span], end: int | None = None
) -> tuple[Span | None, Span | None]:
    """The signature a social or chat reply ends with, on its last line (the one ending at
    `end`, by default the text's), and the name in it.

    Links after the signature ("^T https://…") are part of the sign-off."""
    end = len(text.rstrip()) if end is None else end
    before_links = end
    for link in sorted(links, key=lambda span: span.start, reverse=True):
        # A stray full stop or question mark may follow the link ("… here: https://…?").
        if link.start > after and link.end <= before_links and not text[link.end : before_links].strip(" \t.?!"):
            before_links = len(text[: link.start].rstrip())
    match = _SIGNATURE_AT_END.search(text, after, before_links)
    if match is None:
        return None, None
    name_group = next(group for group in ("marked", "closed", "bare") if match.group(group))
    name = match.group(name_group)
    if name_group != "marked" and name.lower() in known_words("not-names") | known_words("closing-words"):
        return None, None
    start = match.start()
    closing = _CLOSING_BEFORE_SIGNATURE.search(text, after, start) if name_group == "marked" else None
    if closing is not None:
        start = closing.start()
    return Span(start, end), Span(match.start(name_group), match.end(name_group))


def _own_closing(text: str, after: int, lines: Sequence[re.Match[str]], index: int) -> bool:
    """Whether lines[index] closes the reply in the agent's own words: short, ending in a
    comma, right above the name and after a blank line."""
    line = lines[index]
    if not _OWN_CLOSING.fullmatch(line.group()) or len(line.group().split()) > _OWN_CLOSING_MAX_WORDS:
        return False
    before_end = lines[index - 1].end() if index > 0 else 0
    return index > 0 and "\n\n" in text[after + before_end : after + line.start()]
