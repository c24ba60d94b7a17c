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
import itertools
import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from empathylint.language.acronyms import Acronyms, shipped_acronyms
from empathylint.language.vocabulary import default_words, known_words
from empathylint.source_map import SourceMap, SourceMapBuilder
from empathylint.spans import Span as Span
from empathylint.spans import SpanList
from empathylint.word_pieces import findall_by_piece

OBJECT = "\ufffc"
"""Stands in for an inline thing that is not prose (code, URL, email, placeholder)."""

PlaceholderRole = Literal["customer", "agent", "other"]
Profile = Literal["reply", "template", "doc"]
PROFILES: tuple[Profile, ...] = ("reply", "template", "doc")
# Where a reply is sent: an email, a chat window, or a public social-media thread, where it
# opens with the customer's @handle and the agent signs with initials (^SH, -JD); or a
# notice, a message the system sends on an account event (a password reset, a hidden post),
# which greets, thanks and signs as nobody in particular.
Channel = Literal["email", "chat", "social", "notice"]
CHANNELS: tuple[Channel, ...] = ("email", "chat", "social", "notice")

T = TypeVar("T")
_EMPTY = Span(0, 0)


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
    """Words inside a placeholder that tell whose name it carries (checklist.toml
    [placeholders]; the defaults are language/data/placeholders.toml)."""

    # Words of a placeholder that carries the customer's name ({{ticket.requester.first_name}}).
    customer_words: tuple[str, ...] = field(default_factory=default_words("placeholders", "customer-words"))
    # Words of one that carries the agent's ({{current_user.first_name}}); looked for first.
    agent_words: tuple[str, ...] = field(default_factory=default_words("placeholders", "agent-words"))
    # Placeholders written as bare capitals in hand-made macros (FIRST_NAME).
    bare_tokens: tuple[str, ...] = field(default_factory=default_words("placeholders", "bare-tokens"))
    # Words that make a placeholder name a thing, not a person ({{site_name}}, {{team_name}}).
    thing_words: tuple[str, ...] = field(default_factory=default_words("placeholders", "thing-words"))

    @functools.cached_property
    def customer_word_set(self) -> frozenset[str]:
        return frozenset(word.lower() for word in self.customer_words)

    @functools.cached_property
    def agent_word_set(self) -> frozenset[str]:
        return frozenset(word.lower() for word in self.agent_words)

    @functools.cached_property
    def thing_word_set(self) -> frozenset[str]:
        return frozenset(word.lower() for word in self.thing_words)

    @functools.cached_property
    def bare_token_pattern(self) -> re.Pattern[str] | None:
        """The bare tokens as one pattern, built once per configuration; None when there are none."""
        if not self.bare_tokens:
            return None
        return re.compile(r"\b(?:" + "|".join(map(re.escape, self.bare_tokens)) + r")\b")


@dataclass(frozen=True)
class TeamMoodWords:
    """A team's own words for the customer's mood (checklist.toml [mood]), read beside the
    shipped lexicon (language/data/mood.tsv)."""

    # Words and phrases that show a customer is upset; they weigh as frustration.
    upset_words: tuple[str, ...] = ()
    # Words that show a customer is in good spirits; they weigh as cheerful words.
    cheerful_words: tuple[str, ...] = ()


NO_TEAM_MOOD_WORDS = TeamMoodWords()


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
    # A team's own words for reading the customer's mood (checklist.toml [mood]).
    mood_words: TeamMoodWords = NO_TEAM_MOOD_WORDS
    # The acronyms in force ([acronyms]): capitals that name things, and which ones customers know.
    acronyms: Acronyms = field(default_factory=shipped_acronyms, repr=False)
    placeholders: tuple[Placeholder, ...] = ()
    greeting: Span | None = None
    greeting_name: Span | None = None
    # The @handle(s) the reply opens with: how a social reply or a bot's comment names the
    # customer ("@maria Thanks for waiting!"); part of the greeting span.
    handle: Span | None = None
    sign_off: Span | None = None
    sign_off_name: Span | None = None
    body: Span = _EMPTY
    suppressions: tuple[Suppression, ...] = ()
    offsets: Sequence[int] | None = None
    # Whether a fix may replace source[start:end] with a replacement: a reader whose source
    # is encoded (an email's quoted-printable or base64 body) refuses what would corrupt it.
    accepts_edit: Callable[[int, int, str], bool] | None = field(default=None, repr=False, compare=False)
    # The source cannot be read as the text (an email's base64 body): a suggestion quotes
    # the decoded text, never the encoded characters its positions fall on.
    encoded_source: bool = field(default=False, repr=False, compare=False)
    # The format the source was read as ("plain", "markdown", "html", "email"): Markdown and HTML
    # show a run of spaces as one, so the reader never sees it.
    source_format: str = "plain"
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)
    _line_starts: array[int] | None = field(default=None, repr=False)

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
    def sentences(self) -> SpanList:
        """Sentences of the greeting, body and sign-off, in order. A greeting that ends its
        line or is followed by a capital is a sentence of its own ("Hi Maria,\\nSorry for the
        wait."), and so is the sign-off ("… the fix is live ^SH"); an opening @handle is no
        sentence at all."""
        return self.memo("sentences", self._split_sentences)

    def _split_sentences(self) -> SpanList:
        boundaries = [self.handle.end if self.handle is not None else 0, len(self.text)]
        if self.greeting is not None and _ends_a_sentence(self.text, self.greeting.end):
            boundaries.append(self.greeting.end)
        if self.sign_off is not None:
            boundaries.append(self.sign_off.start)
        cuts = sorted(cut for cut in set(boundaries) if cut >= boundaries[0])
        sentences = (s for start, end in itertools.pairwise(cuts) for s in split_sentences(self.text, Span(start, end)))
        if self.channel in ("email", "notice"):
            return SpanList(sentences)
        return SpanList(piece for sentence in sentences for piece in _split_after_links(self.text, sentence))

    @property
    def body_sentences(self) -> SpanList:
        return self.memo("body-sentences", self._body_sentences)

    def _body_sentences(self) -> SpanList:
        sentences = self.sentences
        if not sentences or self.body.contains(Span(sentences.starts[0], sentences.ends[-1])):
            return sentences  # a help article is all body: the same spans, not a copy
        return SpanList(s for s in sentences if self.body.contains(s))

    @property
    def paragraphs(self) -> SpanList:
        return self.memo("paragraphs", lambda: SpanList(split_paragraphs(self.text, self.body)))

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


def line_starts(source: str) -> array[int]:
    """Offsets where lines start; \\r\\n, \\r and \\n all end a line. Four bytes each: a
    10 MB article has a few hundred thousand lines."""
    starts = array("I", [0])
    starts.extend(match.end() for match in _NEWLINE.finditer(source))
    return starts


_NEWLINE = re.compile(r"\r\n|\r|\n")

# --- sentences, paragraphs, words -------------------------------------------------------

SENTENCE_CLOSERS = ".!?…"
"""What ends a sentence, for every part of the tool that needs to know (a run of them, then
CLOSING_MARKS, then white space)."""
CLOSING_MARKS = "\"'”’)]"
"""What may follow a sentence's closing punctuation and still belong to it."""
SENTENCE_ENDING = f"[{re.escape(SENTENCE_CLOSERS)}]+[{re.escape(CLOSING_MARKS)}]*"
_SENTENCE_END = re.compile(SENTENCE_ENDING + r"(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•]|\d+[.)])\s)")
_LIST_NUMBER = re.compile(r"[ \t]*\d{1,3}")
# The word (dots kept, as in "e.g") that ends the text searched, to tell an abbreviation's
# full stop from a sentence's.
_WORD_BEFORE = re.compile(r"[\w.]+$")
_LONGEST_ABBREVIATION = 8
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
            # Abbreviations are short: a bounded look back keeps a 5 MB "word" linear.
            word = _WORD_BEFORE.search(text, max(start, match.start() - _LONGEST_ABBREVIATION), match.start())
            if word and word.group().lower().rstrip(".") in known_words("abbreviations"):
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


# A social post or chat message drops the full stop around a link: "… steps here: <link>
# These may help." A capital after a link starts a new sentence.
_LINK_THEN_CAPITAL = re.compile(r"\ufffc[ \t]+(?=[A-Z])")


def _split_after_links(text: str, sentence: Span) -> list[Span]:
    breaks = [(m.start() + 1, m.end()) for m in _LINK_THEN_CAPITAL.finditer(text, sentence.start, sentence.end)]
    starts = [sentence.start, *(next_start for _, next_start in breaks)]
    ends = [*(end for end, _ in breaks), sentence.end]
    pieces = (_trim(text, start, end) for start, end in zip(starts, ends, strict=True))
    return [piece for piece in pieces if piece is not None]


def _ends_a_sentence(text: str, greeting_end: int) -> bool:
    """Whether a greeting stands as a sentence of its own: it ends its line, or a capital
    starts what follows it ("Hi James, If you …"); "Hi Dave, the update …" goes on."""
    rest = _NON_BLANK_IN_LINE.match(text, greeting_end)
    return rest is None or rest.group(1).isupper()


_NON_BLANK_IN_LINE = re.compile(r"[ \t]*([^\s])")


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


def distinct_words(text: str, within: Span) -> set[str]:
    """The distinct words `words` finds in text[within], as written."""
    distinct: set[str] = set()
    for words in findall_by_piece(_WORD, text, within.start, within.end):
        distinct.update(words)
    return distinct


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
    kept = SourceMapBuilder()
    position = 0
    for match in re.finditer(r"\r\n?", text):
        pieces.append(text[position : match.start()])
        pieces.append("\n")
        _keep(kept, offsets, position, match.start() + 1)
        position = match.end()
    pieces.append(text[position:])
    _keep(kept, offsets, position, len(text))
    return "".join(pieces), kept.build()


def _keep(kept: SourceMapBuilder, offsets: Sequence[int] | None, start: int, stop: int) -> None:
    """text[start:stop] kept as it is: its own offsets, or those a reader gave it."""
    if offsets is None:
        kept.advance(start, stop - start)
    elif isinstance(offsets, SourceMap):
        kept.extend(offsets, start, stop)
    else:
        for offset in offsets[start:stop]:
            kept.advance(offset, 1)
