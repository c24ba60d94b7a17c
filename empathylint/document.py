"""The Document every rule reads: checkable text, its parts, and the way back to the source.

A format reader (formats/) turns a file into two strings: the `source` as the user wrote it
and the `text` the rules read. The text keeps the source's coordinates wherever it can:
blocks that are not prose (code blocks, quoted customer text, front matter) become spaces,
newlines kept; inline things that are not prose (inline code, URLs, email addresses,
placeholders) become a run of OBJECT characters, so a sentence keeps its shape ("Run ￼￼￼ to
update") while no word rule can match inside them. Where a reader must change lengths (HTML
entities), it passes `offsets`, one source offset per text character.
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

OBJECT = "\ufffc"
"""Stands in for an inline thing that is not prose (code, URL, email, placeholder)."""

PlaceholderRole = Literal["customer", "agent", "other"]
Profile = Literal["reply", "template", "doc"]
PROFILES: tuple[Profile, ...] = ("reply", "template", "doc")
# Where a reply is sent: an email, a chat window, or a public social-media thread, where it
# opens with the customer's @handle and the agent signs with initials (^SH, -JD).
Channel = Literal["email", "chat", "social"]
CHANNELS: tuple[Channel, ...] = ("email", "chat", "social")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A helpdesk placeholder such as {{ticket.requester.first_name}} or [NAME]."""

    span: Span
    raw: str
    role: PlaceholderRole


@dataclass(frozen=True, slots=True)
class Suppression:
    """Rules switched off for a range of the text by an inline directive.

    `rule_ids` empty means every rule. `directive` is the directive's own span, so that
    unknown rule ids in it can be reported where they stand."""

    region: Span
    rule_ids: frozenset[str]
    directive: Span


@dataclass(frozen=True)
class PlaceholderVocabulary:
    """Words inside a placeholder that tell whose name it carries (checklist.toml [placeholders])."""

    customer_words: tuple[str, ...]
    agent_words: tuple[str, ...]
    bare_tokens: tuple[str, ...]
    # Words that make a placeholder name a thing, not a person ({{site_name}}, {{team_name}}).
    thing_words: tuple[str, ...] = ()


@dataclass
class Document:
    source: str
    text: str
    path: str
    profile: Profile
    channel: Channel = "email"
    customer_name: str | None = None
    agent_name: str | None = None
    customer_message: str | None = None
    placeholders: tuple[Placeholder, ...] = ()
    greeting: Span | None = None
    greeting_name: Span | None = None
    # The @handle(s) the reply opens with: how a social reply or a bot's comment names the
    # customer ("@maria Thanks for waiting!"); part of the greeting span.
    handle: Span | None = None
    sign_off: Span | None = None
    sign_off_name: Span | None = None
    body: Span = Span(0, 0)
    suppressions: tuple[Suppression, ...] = ()
    offsets: Sequence[int] | None = None
    # Whether a fix may replace source[start:end] with a replacement: a reader whose source
    # is encoded (an email's quoted-printable or base64 body) refuses what would corrupt it.
    accepts_edit: Callable[[int, int, str], bool] | None = field(default=None, repr=False, compare=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)
    _line_starts: list[int] | None = field(default=None, repr=False)

    # --- shared computations, done once per document and shared by the rules ---

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Compute a value once per document (sentences, words, the grade) for all rules."""
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    def forget_shared_computations(self) -> None:
        """Drop what `memo` kept, once the rules are done: a run over thousands of files keeps
        every report (and its document, for excerpts), not every document's sentences and words."""
        self._memo.clear()

    @property
    def sentences(self) -> list[Span]:
        """Sentences of the greeting, body and sign-off, in order. A greeting that ends its
        line or is followed by a capital is a sentence of its own ("Hi Maria,\\nSorry for the
        wait."), and so is the sign-off ("… the fix is live ^SH"); an opening @handle is no
        sentence at all."""
        return self.memo("sentences", self._split_sentences)

    def _split_sentences(self) -> list[Span]:
        boundaries = [self.handle.end if self.handle is not None else 0, len(self.text)]
        if self.greeting is not None and _ends_a_sentence(self.text, self.greeting.end):
            boundaries.append(self.greeting.end)
        if self.sign_off is not None:
            boundaries.append(self.sign_off.start)
        cuts = sorted(cut for cut in set(boundaries) if cut >= boundaries[0])
        sentences = [s for start, end in zip(cuts, cuts[1:]) for s in split_sentences(self.text, Span(start, end))]
        if self.channel == "email":
            return sentences
        return [piece for sentence in sentences for piece in _split_after_links(self.text, sentence)]

    @property
    def body_sentences(self) -> list[Span]:
        return self.memo("body-sentences", lambda: [s for s in self.sentences if self.body.contains(s)])

    @property
    def paragraphs(self) -> list[Span]:
        return self.memo("paragraphs", lambda: list(split_paragraphs(self.text, self.body)))

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def is_prose(self, span: Span) -> bool:
        """True when the span holds no masked (non-prose) character."""
        return OBJECT not in self.text[span.start : span.end]

    def placeholders_in(self, span: Span) -> list[Placeholder]:
        return [p for p in self.placeholders if span.contains(p.span)]

    # --- mapping back to the file ---

    def source_offset(self, text_offset: int) -> int:
        if self.offsets is None:
            return text_offset
        if text_offset >= len(self.offsets):
            return len(self.source)
        return self.offsets[text_offset]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of text[start:end]; its end follows the last character."""
        if self.offsets is None:
            return start, end
        if end <= start:
            source_start = self.source_offset(start)
            return source_start, source_start
        return self.source_offset(start), self.source_offset(end - 1) + 1

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when text[start:end] stands unchanged in the source, so an edit can map."""
        source_start, source_end = self.source_span(start, end)
        return self.source[source_start:source_end] == self.text[start:end]

    def position(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a source offset."""
        if self._line_starts is None:
            self._line_starts = line_starts(self.source)
        line_index = bisect.bisect_right(self._line_starts, source_offset) - 1
        return line_index + 1, source_offset - self._line_starts[line_index] + 1


# A social post or chat message drops the full stop around a link: "… steps here: <link>
# These may help." A capital after a link starts a new sentence.
_LINK_THEN_CAPITAL = re.compile(r"\ufffc[ \t]+(?=[A-Z])")


def _split_after_links(text: str, sentence: Span) -> Iterator[Span]:
    start = sentence.start
    for match in _LINK_THEN_CAPITAL.finditer(text, sentence.start, sentence.end):
        piece = _trim(text, start, match.start() + 1)
        if piece is not None:
            yield piece
        start = match.end()
    piece = _trim(text, start, sentence.end)
    if piece is not None:
        yield piece


def _ends_a_sentence(text: str, greeting_end: int) -> bool:
    """Whether a greeting stands as a sentence of its own: it ends its line, or a capital
    starts what follows it ("Hi James, If you …"); "Hi Dave, the update …" goes on."""
    rest = _NON_BLANK_IN_LINE.match(text, greeting_end)
    return rest is None or rest.group(1).isupper()


_NON_BLANK_IN_LINE = re.compile(r"[ \t]*([^\s])")


def line_starts(source: str) -> list[int]:
    """Offsets where lines start; \\r\\n, \\r and \\n all end a line."""
    starts = [0]
    for match in _NEWLINE.finditer(source):
        starts.append(match.end())
    return starts


_NEWLINE = re.compile(r"\r\n|\r|\n")

# --- masking of inline non-prose ------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"""
      \{\{[^{}\n]{1,200}\}\}          # {{ticket.requester.first_name}}, {{first_name|fallback:"there"}}
    | \{%[^{}\n]{1,200}%\}            # {%customer.firstName,fallback=there%}
    | \{\$[^{}\n]{1,200}\}            # {$ticket.requester.name}
    | \{[A-Za-z_][\w.]{0,80}\}        # {user.firstname}
    | \*\|[A-Z_]{2,40}\|\*            # *|FNAME|*
    | %[A-Z][A-Z_]{1,40}%             # %FIRSTNAME%
    | \[[A-Z][A-Z0-9 _]{1,40}\]       # [NAME], [AGENT NAME]
    | \[[A-Za-z][a-z]*(?:[ _][A-Za-z][a-z]*){0,3}\s?name\]  # [first name], [Customer name]
    | <[A-Za-z][a-z]*(?:[ _][A-Za-z][a-z]*){0,3}\s?name>    # <first name>, <agent name>
    """,
    re.VERBOSE,
)
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]]")
_EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\b")


def find_placeholders(text: str, vocabulary: PlaceholderVocabulary) -> list[Placeholder]:
    found = [
        Placeholder(Span(m.start(), m.end()), m.group(), classify_placeholder(m.group(), vocabulary))
        for m in _PLACEHOLDER.finditer(text)
    ]
    if vocabulary.bare_tokens:
        bare = _bare_token_pattern(vocabulary.bare_tokens)
        taken = [p.span for p in found]
        for m in bare.finditer(text):
            span = Span(m.start(), m.end())
            if not any(t.start <= span.start < t.end for t in taken):
                found.append(Placeholder(span, m.group(), classify_placeholder(m.group(), vocabulary)))
        found.sort(key=lambda p: p.span.start)
    return found


@functools.lru_cache(maxsize=8)  # one vocabulary per run, a few in a test session
def _bare_token_pattern(bare_tokens: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, bare_tokens)) + r")\b")


def classify_placeholder(raw: str, vocabulary: PlaceholderVocabulary) -> PlaceholderRole:
    """Whose name a placeholder carries, from the words inside it.

    `site_name` names no one (a thing word wins); `current_user.first_name` is the agent although it also says "name"; agent words are
    looked for first, and "name"/"first_name" alone means the customer (Intercom's
    {{first_name}}, a macro's [NAME])."""
    words = set(re.findall(r"[a-z]+", _split_camel(raw).lower()))
    if words & set(vocabulary.thing_words):
        return "other"
    if words & set(vocabulary.agent_words):
        return "agent"
    if words & set(vocabulary.customer_words):
        return "customer"
    return "other"


def _split_camel(raw: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw)


def mask(text: str, spans: Sequence[Span]) -> str:
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i] not in "\r\n":
                chars[i] = OBJECT
    return "".join(chars)


# --- greeting and sign-off --------------------------------------------------------------

_GREETING = re.compile(
    r"""(?P<opener>
          to\s+whom\s+it\s+may\s+concern
        | good\s+(?:morning|afternoon|evening|day)
        | hi|hello|hey|heya|hiya|howdy|dear|greetings|morning|afternoon|evening|hallo|hola
        )\b
        (?P<rest>(?:[^\n.!?:;,—–]|(?<=Mr)\.|(?<=Ms)\.|(?<=Mrs)\.|(?<=Dr)\.){0,120})
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
# Capitalised words that open a line with a comma but name nobody ("Thanks," "Sure,").
_NOT_A_NAME = frozenset(
    {"actually", "also", "apologies", "congrats", "great", "hmm", "no", "note", "ok", "okay", "perfect", "ps"}
    | {"so", "sorry", "sure", "thanks", "update", "welcome", "well", "yes", "yep"}
)
# Words that close a reply on their own and so are never a signature's name ("… Cheers").
_CLOSING_WORDS = frozenset({"best", "bye", "cheers", "enjoy", "regards", "thx", "ty"})
_SENTENCE_LINE = re.compile(r"(?:\S+\s+){2,}\S*[.!?]\s*$")
# A closing of the agent's own words, known by its shape: a short line ending in a comma,
# alone in its paragraph, with the name under it ("Enjoy your shopping,\nAoife", "Bonne
# journée,\nÉtienne", "Sorry for the hassle,\nBea").
_OWN_CLOSING = re.compile(r"[ \t]*[^\s,.!?:;][^\n,.!?:;]{0,50},[ \t]*")
_OWN_CLOSING_MAX_WORDS = 6


# The handles a social reply or a bot's comment opens with ("@maria @acme_help", "@{author}"),
# after an emoji shortcode or two (":wave:"); the placeholder of "@{{author}}" is masked.
_OPENING_HANDLES = re.compile(
    r"""(?:(?::[a-z0-9_+-]{1,30}:|[^\w\s@\ufffc]{1,2})[ \t]*){0,2}
        (?P<handles>@[\w{}.\ufffc-]+(?:[ \t,]+@[\w{}.\ufffc-]+)*)""",
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
            if after is not None and after.group("name").lower() not in _NOT_A_NAME:
                name = Span(after.start("name"), after.end("name"))
                return Span(greeting.start, after.end("end") if after.group("end") else name.end), name
        return greeting, None
    name_start = match.start("rest") + len(rest) - len(rest.lstrip())
    return greeting, Span(name_start, name_start + len(stripped))


def _name_only_greeting(
    text: str, start: int, line_end: int, links: Sequence[Span]
) -> tuple[Span | None, Span | None]:
    """A terse opening that is only the name and a comma: "Maria," or "Anne-Marie!"."""
    match = _NAME_LINE.fullmatch(text, start, line_end)
    if match is None or not match.group("end") or match.group("name").split()[0].lower() in _NOT_A_NAME:
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
    sign_off, name = _sign_off_above(text, after, end, links)
    if sign_off is None:
        block = _appended_block(text, after)
        if block is not None:
            sign_off, name = _sign_off_above(text, after, len(text[:block].rstrip()), links)
            if sign_off is not None:
                sign_off = Span(sign_off.start, end)
    if sign_off is None and channel in ("social", "chat"):
        sign_off, name = find_signature_at_end(text, after, links)
    return sign_off, name


def _sign_off_above(text: str, after: int, end: int, links: Sequence[Span]) -> tuple[Span | None, Span | None]:
    """A sign-off ending at `end`: a closing word with the name on or under it, or a name alone."""
    lines = [m for m in re.finditer(r"[^\n]*\S[^\n]*", text[after:end])]
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
        if name is None or name.group("end") == "," or name.group("name").split()[0].lower() in _NOT_A_NAME:
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
        any(link.start <= span.start + i < link.end for link in links)
        for i, char in enumerate(words)
        if char == OBJECT
    )


# A rule that sets off a block appended under the reply (a footer, a disclaimer, a quoted
# thread): "---", "___", "***", "===" or the e-mail signature separator "-- ".
_BLOCK_RULE = re.compile(r"^[ \t]*(?:-{2,}|_{3,}|\*{3,}|={3,}|—)[ \t]*$", re.MULTILINE)


def _appended_block(text: str, after: int) -> int | None:
    """Where the last block appended under a rule starts (the rule's own line), if any."""
    rules = list(_BLOCK_RULE.finditer(text, after))
    return rules[-1].start() if rules else None


# A social reply signs where it ends: a mark and the agent's name or initials ("^SH",
# "-Jen", "~ Olivia", "*MM", "/DC"), or, after a full stop or a link, initials alone
# ("HRB") or a first name alone ("Julie"). A closing word right before it belongs to it.
_SIGNATURE_AT_END = re.compile(
    r"""(?:(?<=\s)|(?<=[.!?]))
        (?:(?P<mark>[\^~*/]|[-–—])[ \t]?(?P<marked>[A-Z\u00C0-\u024F][\w'’.]*(?:[ \t][A-Z][\w'’.]*)?)
          | (?<=[.!?\ufffc)][ \t])(?P<bare>[A-Z]{2,4}|[A-Z][a-z]+))
        [ \t]*$""",
    re.VERBOSE,
)
_CLOSING_BEFORE_SIGNATURE = re.compile(
    r"(?:(?<=\s)|^)(?:many\s+)?(?:thanks|thank\s+you|cheers|best|regards|take\s+care)[ \t]*[,.!]*[ \t]*$",
    re.IGNORECASE,
)


def find_signature_at_end(text: str, after: int, links: Sequence[Span]) -> tuple[Span | None, Span | None]:
    """The signature a social or chat reply ends with, on its last line, and the name in it.

    Links after the signature ("^T https://…") are part of the sign-off."""
    end = len(text.rstrip())
    before_links = end
    for link in sorted(links, key=lambda span: span.start, reverse=True):
        # A stray full stop or question mark may follow the link ("… here: https://…?").
        if link.start > after and link.end <= before_links and not text[link.end : before_links].strip(" \t.?!"):
            before_links = len(text[: link.start].rstrip())
    match = _SIGNATURE_AT_END.search(text, after, before_links)
    if match is None:
        return None, None
    name_group = "marked" if match.group("marked") else "bare"
    name = match.group(name_group)
    if name_group == "bare" and name.lower() in _NOT_A_NAME | _CLOSING_WORDS:
        return None, None
    start = match.start()
    closing = _CLOSING_BEFORE_SIGNATURE.search(text, after, start)
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


# --- sentences, paragraphs, words -------------------------------------------------------

_ABBREVIATIONS = frozenset(
    {"e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "st", "approx", "dept", "inc", "ltd", "co", "jr", "sr"}
    | {"fig", "min", "max", "est"}
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•]|\d+[.)])\s)")
_LIST_NUMBER = re.compile(r"[ \t]*\d{1,3}")
# The word (dots kept, as in "e.g") that ends the text searched, to tell an abbreviation's
# full stop from a sentence's.
_WORD_BEFORE = re.compile(r"[\w.]+$")
# A letter or digit: \w without the underscore, exactly str.isalnum (checked on every code point).
_ALNUM = re.compile(r"[^\W_]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


def split_sentences(text: str, within: Span) -> Iterator[Span]:
    """Sentence spans, trimmed. Splits at end punctuation followed by space, at blank
    lines and before list items; knows common abbreviations ("e.g.", "Dr.")."""
    start = within.start
    for match in _SENTENCE_END.finditer(text, within.start, within.end):
        if match.group().startswith("."):
            word = _WORD_BEFORE.search(text, start, match.start())
            if word and word.group().lower().rstrip(".") in _ABBREVIATIONS:
                continue
            line_start = text.rfind("\n", 0, match.start()) + 1
            if _LIST_NUMBER.fullmatch(text, line_start, match.start()):
                continue  # "1. Open Settings": the number belongs to the step
        end = match.end() if not match.group().startswith("\n") else match.start()
        span = _trim(text, start, end)
        if span is not None:
            yield span
        start = match.end()
    span = _trim(text, start, within.end)
    if span is not None:
        yield span


def split_paragraphs(text: str, within: Span) -> Iterator[Span]:
    start = within.start
    for match in _PARAGRAPH_BREAK.finditer(text, within.start, within.end):
        span = _trim(text, start, match.start())
        if span is not None:
            yield span
        start = match.end()
    span = _trim(text, start, within.end)
    if span is not None:
        yield span


def words(text: str, within: Span) -> Iterator[Span]:
    for match in _WORD.finditer(text, within.start, within.end):
        yield Span(match.start(), match.end())


def word_matches(text: str, within: Span) -> Iterator[re.Match[str]]:
    """The words `words` finds, as matches: for a hot loop that reads each word's text and
    makes a Span only for the few it keeps."""
    return _WORD.finditer(text, within.start, within.end)


def count_words(text: str) -> int:
    """How many words `words` finds in all of `text`, without making a Span for each."""
    return len(_WORD.findall(text))


def _trim(text: str, start: int, end: int) -> Span | None:
    if not _ALNUM.search(text, start, end):
        return None  # blanks, masked objects and punctuation only
    segment = text[start:end]
    leading = len(segment) - len(segment.lstrip())
    return Span(start + leading, start + leading + len(segment.strip()))


# --- building ---------------------------------------------------------------------------


def normalize_newlines(text: str, offsets: Sequence[int] | None) -> tuple[str, Sequence[int]]:
    """\r\n and \r become \n, with offsets kept pointing into the source."""
    pieces: list[str] = []
    kept: array[int] = array("q")
    position = 0
    for match in re.finditer(r"\r\n?", text):
        pieces.append(text[position : match.start()])
        pieces.append("\n")
        kept.extend(range(position, match.start() + 1))
        position = match.end()
    pieces.append(text[position:])
    kept.extend(range(position, len(text)))
    if offsets is not None:
        kept = array("q", (offsets[i] for i in kept))
    return "".join(pieces), kept


def build_document(
    source: str,
    *,
    path: str,
    profile: Profile,
    vocabulary: PlaceholderVocabulary,
    channel: Channel = "email",
    text: str | None = None,
    offsets: Sequence[int] | None = None,
    customer_name: str | None = None,
    agent_name: str | None = None,
    customer_message: str | None = None,
    suppressions: Sequence[Suppression] = (),
) -> Document:
    """Find placeholders, URLs and emails, mask them, and find greeting, body and sign-off.

    Help articles (profile "doc") have no greeting or sign-off: all of it is body."""
    readable = source if text is None else text
    if "\r" in readable:
        readable, offsets = normalize_newlines(readable, offsets)
    placeholders = find_placeholders(readable, vocabulary)
    links: list[Span] = []
    # Most replies hold no link and no address; the patterns try every word boundary of the
    # text, so the text is first asked for what each needs at least once.
    if "://" in readable or "www." in readable:
        links += [Span(m.start(), m.end()) for m in _URL.finditer(readable)]
    if "@" in readable:
        links += [Span(m.start(), m.end()) for m in _EMAIL.finditer(readable)]
    masked = mask(readable, [p.span for p in placeholders] + links)

    greeting = greeting_name = handle = sign_off = sign_off_name = None
    if profile != "doc":
        handle = find_opening_handles(masked)
        greeting, greeting_name = find_greeting(masked, handle.end if handle else 0, links)
        if handle is not None:
            greeting = Span(handle.start, greeting.end if greeting else handle.end)
        sign_off, sign_off_name = find_sign_off(
            masked, greeting.end if greeting else 0, channel=channel, links=links
        )
    body_start = greeting.end if greeting else 0
    body_end = sign_off.start if sign_off else len(masked)
    return Document(
        source=source,
        text=masked,
        path=path,
        profile=profile,
        channel=channel,
        customer_name=customer_name,
        agent_name=agent_name,
        customer_message=customer_message,
        placeholders=tuple(placeholders),
        greeting=greeting,
        greeting_name=greeting_name,
        handle=handle,
        sign_off=sign_off,
        sign_off_name=sign_off_name,
        body=Span(body_start, max(body_start, body_end)),
        suppressions=tuple(suppressions),
        offsets=offsets,
    )
