"""Proofread before sending.

What it does: finds the slips a careful reread catches: misspelt words (with the likeliest
correction), a word typed twice ("the the"), doubled spaces between words, a sentence that
starts in lower case, a lower-case "i", "a"/"an" before the wrong sound ("a hour",
"an user"), brackets and quotes left open, ALL-CAPS shouting, "!!!" and "??", leftover
TODO/TBD/XXX/FIXME or lorem ipsum, in a reply a placeholder nobody filled in, and in a
canned reply a placeholder with broken braces ("{{first_name}").

Spelling never looks at names in the greeting or the sign-off, capitalised words in mid
sentence (names and products), words with digits, ALL-CAPS acronyms, URLs, email
addresses, code, placeholders or the customer's quoted text. British and American
spellings are both accepted. Add your product names and team words to `words` (or to a
file named by `words-file`, one word a line, relative to your checklist.toml).

Two spaces after a full stop are a house style, not a typo, and are left alone; so are
runs of four or more spaces, which line up columns.

Why it matters: a typo in a reply tells the customer nobody looked twice; an unfilled
"{{ticket.requester.first_name}}" or a "TODO" tells them they got a form letter. Shouting
and "!!!" read as anger whatever the words say.

Example:
    Hi Maria,

    i have recieve your your request and and will get back to you ASAP!!!
    Please do NOT reply to [AGENT NAME].

Use instead:
    Hi Maria,

    I have received your request and will get back to you by Friday.
    Please reply here if anything changes.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from empathylint.config.layers import read_bounded
from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import OBJECT, Document, Placeholder, Span, word_matches, words
from empathylint.language import spelling
from empathylint.rule import Code, Rule

# A words-file larger than this is not a word list (`/dev/zero`, a log file named by mistake).
WORDS_FILE_MAX_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    # Product names and team words the spelling check accepts (any case; plurals too).
    words: tuple[str, ...] = ()
    # A file of more such words, one a line, relative to the checklist.toml's folder.
    words_file: str = ""
    # ALL-CAPS words that are abbreviations, not shouting, although they spell a word.
    acronyms: tuple[str, ...] = (
        "ASAP", "CAN", "CAT", "ETA", "ID", "IT", "MAC", "OK", "PIN", "POS", "SIM", "SPA", "TV", "US", "WHO", "ZIP",
    )  # fmt: skip
    # Words that are fine typed twice ("had had", "that that").
    allowed_repeats: tuple[str, ...] = ("bye", "ha", "had", "is", "knock", "that")
    # Leftover drafting marks: ALL-CAPS ones match only in capitals.
    leftover_markers: tuple[str, ...] = ("FIXME", "lorem ipsum", "TBC", "TBD", "TODO", "XXX")
    # How common (share of English words) an ALL-CAPS word's lower case must be to read as shouting.
    shouting_min_frequency: float = 1e-6

    @staticmethod
    def load_files(settings: Settings, root: Path) -> Settings:
        """Read `words-file` at configuration time, so that the check stays pure."""
        if not settings.words_file:
            return settings
        path = root / settings.words_file
        text = read_bounded(path, str(path), "[rules.proofread] words-file", WORDS_FILE_MAX_BYTES)
        from_file = tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
        return replace(settings, words=settings.words + from_file)


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    leftovers = list(_leftovers(doc, settings))
    yield from leftovers
    malformed = list(_malformed_placeholders(doc)) if doc.profile in ("reply", "template") else []
    yield from malformed
    if doc.profile == "reply":
        yield from _unfilled_placeholders(doc, [Span(d.start, d.end) for d in malformed])
    body = doc.body
    if not doc.slice(body).strip():
        return
    yield from _repeated_words(doc, settings)
    yield from _doubled_spaces(doc)
    yield from _sentence_case(doc, settings)
    yield from _lowercase_i(doc)
    yield from _articles(doc)
    yield from _unbalanced(doc)
    yield from _shouting(doc, settings)
    yield from _punctuation(doc)
    yield from _spelling(doc, settings, [Span(d.start, d.end) for d in leftovers])


# --- spelling -----------------------------------------------------------------------------------


def _spelling(doc: Document, settings: Settings, leftovers: list[Span]) -> Iterator[Diagnostic]:
    known = spelling.vocabulary(settings.words)
    # Nearly every word is spelt right, and a word that is known is never reported wherever
    # it stands: one cached look-up settles it before the tests of where it stands.
    unknown = [
        Span(word.start(), word.end())
        for word in word_matches(doc.text, doc.body)
        if not spelling.is_known(word.group(), known)
    ]
    if not unknown:
        return
    sentence_starts = {s.start for s in doc.body_sentences}
    # "Lorem ipsum dolor sit amet." is reported once as a leftover, not word by word.
    filler = _sentences_holding(doc.body_sentences, [left.start for left in leftovers])
    to_check = [
        span for span in unknown if _worth_spelling(doc, span, sentence_starts) and not _within_any(span, filler)
    ]
    if not to_check:
        return
    # Only a capitalised word (opening a sentence: others were left out) needs this.
    capitalised = any(doc.text[span.start].isupper() for span in to_check)
    mid_sentence = _words_mid_sentence(doc, sentence_starts) if capitalised else set()
    for span in to_check:
        word = doc.slice(span)
        if word in mid_sentence and word[0].isupper():
            continue  # a name that also opens a sentence ("Stripe handles it. We use Stripe.")
        parts = _parts(word, span)
        if all(spelling.is_known(part, known) for _, part in parts):
            continue
        for part_span, part in parts:
            if spelling.is_known(part, known):
                continue
            suggestion = spelling.correction(part)
            if suggestion is None and part[0].isupper():
                continue  # an unknown capitalised word with no near neighbour is a name
            yield _spelling_diagnostic(part_span, part, suggestion)


def _words_mid_sentence(doc: Document, sentence_starts: set[int]) -> set[str]:
    """Every word of the body that does not open a sentence, as written."""
    return {word.group() for word in word_matches(doc.text, doc.body) if word.start() not in sentence_starts}


def _sentences_holding(sentences: list[Span], offsets: list[int]) -> list[Span]:
    """The sentences (in order, not overlapping) that hold one of the offsets, in order: each
    offset's only candidate is the last sentence starting at or before it, found by bisection."""
    starts = [sentence.start for sentence in sentences]
    holding: set[int] = set()
    for offset in offsets:
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < sentences[index].end:
            holding.add(index)
    return [sentences[index] for index in sorted(holding)]


def _within_any(span: Span, sentences: list[Span]) -> bool:
    """Whether one of the sentences (in order, not overlapping) contains the span."""
    index = bisect.bisect_right(sentences, span.start, key=lambda sentence: sentence.start) - 1
    return index >= 0 and sentences[index].contains(span)


def _worth_spelling(doc: Document, span: Span, sentence_starts: set[int]) -> bool:
    # Called for every word of every reply: the cheap string-method tests come first.
    word = doc.slice(span)
    if len(word) < 2 or not word.isascii():
        return False  # English is typed in ASCII; "journée", "Straße" are another language's words or names
    if not word.isalpha() and any(c.isdigit() or c == "_" for c in word):
        return False
    rest = word[1:]
    if rest != rest.lower():
        # iPhone, McDonald, HubSpot; and acronyms (two or more letters, all capitals, so one
        # of them after the first): shouting is its own check.
        return False
    if _touches_object(doc, span):
        return False
    if span.start > 0 and doc.text[span.start - 1] == ".":
        return False  # a file extension or a domain's part: "(.xlsx)", "ends in .edu", "example.de"
    return not (word[0].isupper() and span.start not in sentence_starts)


def _parts(word: str, span: Span) -> list[tuple[Span, str]]:
    """A hyphenated word's parts, each checked alone ("step-by-step", "re-sent")."""
    if "-" not in word:
        return [(span, word)]
    found = []
    offset = 0
    for part in word.split("-"):
        if part:
            found.append((Span(span.start + offset, span.start + offset + len(part)), part))
        offset += len(part) + 1
    return [(s, p) for s, p in found if len(p) > 1]


def _spelling_diagnostic(span: Span, word: str, suggestion: str | None) -> Diagnostic:
    if suggestion is None:
        return RULE.diagnostic(
            "spelling",
            span,
            f'"{word}" is not in the dictionary; fix it, or add it to `words` in [rules.proofread] if it is right.',
        )
    return RULE.diagnostic(
        "spelling",
        span,
        f'"{word}" looks misspelt; did you mean "{suggestion}"? (If it is right, add it to `words`.)',
        suggestion=suggestion,
        fix=Fix((Edit(span.start, span.end, suggestion),), safe=False),
    )


# --- repeated words and spacing ---------------------------------------------------------


_REPEATED = re.compile(r"(?<![\w'’-])([^\W\d_]+)([ \t]+|[ \t]*\n[ \t]*)(\1)(?![\w'’-])", re.IGNORECASE)


def _repeated_words(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    allowed = {w.lower() for w in settings.allowed_repeats}
    for match in _REPEATED.finditer(doc.text, doc.body.start, doc.body.end):
        word = match.group(1)
        if word.lower() in allowed:
            continue
        span = Span(match.start(2), match.end(3))
        yield RULE.diagnostic(
            "repeated-word",
            Span(match.start(3), match.end(3)),
            f'"{word}" is typed twice; delete one.',
            suggestion=word,
            fix=Fix((Edit(span.start, span.end, ""),)),
        )


# Two spaces after ., !, ? or : are a house style and left alone; four or more line up columns.
_DOUBLED_SPACE = re.compile(r"(?<=[^\s.!?:])( {2,3})(?=[^\s])")


def _doubled_spaces(doc: Document) -> Iterator[Diagnostic]:
    for match in _DOUBLED_SPACE.finditer(doc.text, doc.body.start, doc.body.end):
        span = Span(match.start(1), match.end(1))
        yield RULE.diagnostic(
            "doubled-space",
            span,
            "Two spaces between words; use one.",
            fix=Fix((Edit(span.start, span.end, " "),)),
        )


# --- capitals -----------------------------------------------------------------------------


_LOWERCASE_I = re.compile(r"(?<![\w'’.\-/@#\ufffc])i(?=[ \t\n,;]|['’](?:m|ve|ll|d)\b)")
# A sentence that follows these did not really start: "5 p.m. tomorrow", "and so on... then".
_NOT_A_SENTENCE_END = re.compile(r"(?:\.\.\.|…|(?:\b[a-zA-Z]\.){2,}|\b(?:approx|incl|no|vs|etc|ca|cf)\.)$")


def _sentence_case(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    team_words = {w.lower() for w in settings.words}
    previous_end: int | None = None
    for sentence in doc.body_sentences:
        before = doc.text[previous_end - 12 if previous_end and previous_end > 12 else 0 : previous_end or 0]
        previous_end = sentence.end
        first = next(words(doc.text, sentence), None)
        if first is None or first.start != sentence.start:
            continue  # starts with a list marker, a quote, a number or a placeholder
        word = doc.slice(first)
        if not word[0].islower() or any(c.isupper() for c in word) or word.lower() in team_words:
            continue
        if _LOWERCASE_I.match(doc.text, first.start) or _touches_object(doc, first):
            continue  # lower-case "i" has its own finding; "{{x}}s" is not a word
        if before and _NOT_A_SENTENCE_END.search(before.rstrip()):
            continue
        if before.rstrip().endswith((",", ";", ":")):
            continue  # a list item that carries on the sentence above it ("While it's paused:\n- you aren't charged,")
        after_full_stop = bool(before.rstrip()) and before.rstrip()[-1] in ".!?…"
        if not after_full_stop and doc.text[sentence.end - 1] not in ".!?":
            continue  # a heading, a table cell or a list item: lower case there is a style
        capital = word[0].upper()
        yield RULE.diagnostic(
            "sentence-case",
            Span(first.start, first.start + 1),
            f'Start the sentence with a capital: "{capital}{word[1:]}".',
            suggestion=capital + word[1:],
            fix=Fix((Edit(first.start, first.start + 1, capital),)),
        )


def _lowercase_i(doc: Document) -> Iterator[Diagnostic]:
    for match in _LOWERCASE_I.finditer(doc.text, doc.body.start, doc.body.end):
        span = Span(match.start(), match.end())
        yield RULE.diagnostic(
            "lowercase-i",
            span,
            'Write "I" as a capital.',
            suggestion="I",
            fix=Fix((Edit(span.start, span.end, "I"),)),
        )


# --- a and an -----------------------------------------------------------------------------


_ARTICLE = re.compile(r"(?<![\w'’\-\ufffc])(a|an|An|A)[ \t]+([^\W\d_][\w'’-]*)")
# Initialisms said letter by letter start with a vowel sound when their first letter's name does.
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
# Initialisms said as words ("a FAQ" and "an FAQ" are both in use): left alone.
_SAID_AS_WORDS = frozenset({"FAQ", "GIF", "JPEG", "JPG", "NASA", "PIN", "SIM", "SKU", "SAAS", "ASAP", "UNESCO"})
# Longest prefix wins: "unimportant" (vowel sound) before "uni-" (you-).
_VOWEL_SOUND_PREFIXES = ("hour", "honest", "honor", "honour", "heir", "unin", "unim", "unid", "x-")
_CONSONANT_SOUND_PREFIXES = (
    "uni",
    "unanim",
    "use",
    "usa",
    "usu",
    "uti",
    "ubiq",
    "uk",
    "ura",
    "ure",
    "uro",
    "eu",
    "ewe",
    "one",
    "once",
)
_EITHER_SOUND_PREFIXES = ("histor", "hotel", "herb", "humble")


def _articles(doc: Document) -> Iterator[Diagnostic]:
    sentence_starts = {s.start for s in doc.body_sentences}
    for match in _ARTICLE.finditer(doc.text, doc.body.start, doc.body.end):
        article, word = match.group(1), match.group(2)
        if article == "A" and match.start() not in sentence_starts:
            continue  # "Plan A", "grade A"
        vowel_sound = _starts_with_vowel_sound(word)
        if vowel_sound is None or vowel_sound == (article.lower() == "an"):
            continue
        right = ("an" if vowel_sound else "a") if article.islower() else ("An" if vowel_sound else "A")
        span = Span(match.start(1), match.end(1))
        yield RULE.diagnostic(
            "article",
            span,
            f'"{word}" starts with a {"vowel" if vowel_sound else "consonant"} sound: write "{right} {word}".',
            suggestion=f"{right} {word}",
            fix=Fix((Edit(span.start, span.end, right),), safe=False),
        )


def _starts_with_vowel_sound(word: str) -> bool | None:
    """True for a vowel sound, False for a consonant sound, None when unsure."""
    letters = word.replace("’", "'")
    if len(letters) > 1 and letters.isupper():
        if letters in _SAID_AS_WORDS:
            return None
        return letters[0] in _VOWEL_SOUND_LETTERS
    lower = letters.lower()
    if len(lower) == 1:
        return None  # "a b c", "option a"
    for prefixes, answer in (
        (_EITHER_SOUND_PREFIXES, None),
        (_VOWEL_SOUND_PREFIXES, True),
        (_CONSONANT_SOUND_PREFIXES, False),
    ):
        if lower.startswith(prefixes):
            return answer
    return lower[0] in "aeiou"


# --- brackets and quotes ----------------------------------------------------------------


_EMOTICON = re.compile(r"(?<!\w)[:;=8][-^'o]?[()\[\]DPp3/|](?!\w)|(?<!\w)[()][-^']?[:;=](?!\w)|<3|\(\s*[:;]")
# "1) first", "a) second", "(i) third": list markers close a bracket they never opened.
_LIST_MARKER = re.compile(r"(?:(?<=\s)|^)(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})\)", re.MULTILINE)
_PAIRS = {")": "(", "]": "[", "”": "“"}
_OPENERS = frozenset("([“")
# Every mark the balance is kept for: a paragraph is scanned for these alone, not char by char.
_BRACKETS_AND_QUOTES = re.compile(r'[()\[\]“”"]')


def _unbalanced(doc: Document) -> Iterator[Diagnostic]:
    # The whole text, never a copy up to each paragraph's end (quadratic on a long article):
    # every search below is bounded by the paragraph's own start and end.
    text = doc.text
    for paragraph in doc.paragraphs:
        marks = list(_BRACKETS_AND_QUOTES.finditer(text, paragraph.start, paragraph.end))
        if not marks:
            continue  # most paragraphs: nothing to balance, so no emoticon or list marker to look for
        ignored: set[int] = set()
        for pattern in (_EMOTICON, _LIST_MARKER):
            for match in pattern.finditer(text, paragraph.start, paragraph.end):
                ignored.update(range(match.start(), match.end()))
        open_marks: list[int] = []
        straight_quotes: list[int] = []
        for mark in marks:
            index = mark.start()
            if index in ignored:
                continue
            char = mark.group()
            if char in _OPENERS:
                open_marks.append(index)
            elif char in _PAIRS:
                if open_marks and text[open_marks[-1]] == _PAIRS[char]:
                    open_marks.pop()
                else:
                    yield _unbalanced_diagnostic(index, char, closing=True)
            elif char == '"' and not (index > 0 and text[index - 1].isdigit()):
                straight_quotes.append(index)
        for index in open_marks:
            yield _unbalanced_diagnostic(index, text[index], closing=False)
        if len(straight_quotes) % 2:
            yield _unbalanced_diagnostic(straight_quotes[-1], '"', closing=False)


def _unbalanced_diagnostic(index: int, mark: str, *, closing: bool) -> Diagnostic:
    if closing:
        message = f"This {mark} closes nothing; add its opening {_PAIRS[mark]} or delete it."
    else:
        partner = {"(": ")", "[": "]", "“": "”", '"': '"'}[mark]
        message = f"This {mark} is never closed; add the closing {partner} where the aside ends."
    return RULE.diagnostic("unbalanced", Span(index, index + 1), message)


# --- shouting and punctuation -------------------------------------------------------------


_CAPS_RUN = re.compile(
    r"(?<![\w'’\-\ufffc])[A-Z]{2,}(?:['’][A-Z]+)?(?:[ \t]+[A-Z]{2,}(?:['’][A-Z]+)?)*(?![\w'’\-\ufffc])"
)
_CAPS_WORD = re.compile(r"[A-Z]{2,}(?:['’][A-Z]+)?")


def _shouting(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    acronyms = {a.upper() for a in settings.acronyms}
    leftovers = {m for m in settings.leftover_markers if m.isupper()}
    for run in _CAPS_RUN.finditer(doc.text, doc.body.start, doc.body.end):
        caps_words = [m for m in _CAPS_WORD.finditer(run.group()) if m.group() not in acronyms | leftovers]
        shouted = [
            m
            for m in caps_words
            if len(m.group()) >= 3 and spelling.is_common_word(m.group(), settings.shouting_min_frequency)
        ]
        if not shouted:
            continue
        # Short words beside a shouted one are part of the shout: "DO NOT".
        first = min(m.start() for m in caps_words if m.start() <= shouted[0].start() and _is_plain(m.group()))
        last = max(m.end() for m in caps_words if m.end() >= shouted[-1].end() and _is_plain(m.group()))
        start, end = run.start() + first, run.start() + last
        shout = doc.text[start:end]
        quiet = shout.lower()
        yield RULE.diagnostic(
            "shouting",
            Span(start, end),
            f'"{shout}" in capitals reads as shouting; write "{quiet}" (italics or bold if it needs stress).',
            suggestion=quiet,
            fix=Fix((Edit(start, end, quiet),), safe=False),
        )


def _is_plain(word: str) -> bool:
    return word.isalpha() or "'" in word or "’" in word


_EXCESS_PUNCTUATION = re.compile(r"[!?]*(?:!!|\?\?|\?!|!\?)[!?]*")


def _punctuation(doc: Document) -> Iterator[Diagnostic]:
    for match in _EXCESS_PUNCTUATION.finditer(doc.text, doc.body.start, doc.body.end):
        marks = match.group()
        single = "?" if "?" in marks else "!"
        span = Span(match.start(), match.end())
        yield RULE.diagnostic(
            "punctuation",
            span,
            f'"{marks}" reads as shouting or disbelief; one "{single}" is enough.',
            suggestion=single,
            fix=Fix((Edit(span.start, span.end, single),)),
        )


# --- leftovers and placeholders -------------------------------------------------------------


def _leftovers(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    for pattern in _leftover_patterns(settings.leftover_markers):
        for match in pattern.finditer(doc.text):
            yield RULE.diagnostic(
                "leftover",
                Span(match.start(), match.end()),
                f'"{match.group()}" is a drafting note left in; finish or delete this part before sending.',
            )


# Built once per checklist, not per draft (a run has one checklist, or a few).
@functools.lru_cache(maxsize=16)
def _leftover_patterns(markers: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    capitals = [m for m in markers if m.isupper()]
    others = [m for m in markers if not m.isupper()]
    patterns = []
    if capitals:
        patterns.append(re.compile(r"(?<![\w\-])(?:" + "|".join(map(re.escape, capitals)) + r")(?![\w\-])"))
    if others:
        alternatives = "|".join(r"\s+".join(map(re.escape, m.split())) for m in others)
        patterns.append(re.compile(r"(?<![\w\-])(?:" + alternatives + r")(?![\w\-])", re.IGNORECASE))
    return tuple(patterns)


def _unfilled_placeholders(doc: Document, broken: list[Span]) -> Iterator[Diagnostic]:
    for placeholder in doc.placeholders:
        if any(span.contains(placeholder.span) for span in broken):
            continue  # "{first_name}" inside a broken "{{first_name}" is reported as broken
        value, what = _value_for(doc, placeholder)
        fix = Fix((Edit(placeholder.span.start, placeholder.span.end, value),), safe=False) if value else None
        yield RULE.diagnostic(
            "unfilled-placeholder",
            placeholder.span,
            f"{placeholder.raw} is still a placeholder in a reply; replace it with {what}.",
            suggestion=value,
            fix=fix,
        )


def _value_for(doc: Document, placeholder: Placeholder) -> tuple[str | None, str]:
    if placeholder.role == "customer":
        return doc.customer_name, "the customer's name"
    if placeholder.role == "agent":
        return doc.agent_name, "your name"
    return None, "the real value"


_OPENER = re.compile(r"\{\{|\{%|\{\$")
_CLOSERS = {"{{": "}}", "{%": "%}", "{$": "}"}
_STRAY_CLOSER = re.compile(r"\}\}|%\}")


def _malformed_placeholders(doc: Document) -> Iterator[Diagnostic]:
    """Placeholders whose braces do not pair up: "{{first_name}", "{{ name }",
    "{%customer.firstName" with no "%}". Well-formed ones were found by the Document;
    this looks at the text with them put back."""
    text = _with_placeholders(doc)
    whole = {(p.span.start, p.span.end) for p in doc.placeholders}
    claimed: set[int] = set()
    for opener in _OPENER.finditer(text):
        if opener.start() in claimed:
            continue
        closer = _CLOSERS[opener.group()]
        line_end = text.find("\n", opener.end())
        line_end = len(text) if line_end == -1 else line_end
        close_at = text.find(closer, opener.end(), line_end)
        next_open = _OPENER.search(text, opener.end(), line_end)
        if close_at != -1 and (next_open is None or next_open.start() >= close_at):
            end = close_at + len(closer)
            claimed.update(range(opener.start(), end))
            if (opener.start(), end) in whole or text[opener.end() : close_at].strip("{}% ") == "":
                continue
            if text[end : end + 1] != "}" and not text[opener.end() : close_at].count("{"):
                continue  # well-formed though outside the Document's families; not ours to judge
        end = _end_of_broken(text, opener.end(), line_end)
        claimed.update(range(opener.start(), end))
        yield _malformed_diagnostic(Span(opener.start(), end), text[opener.start() : end], closer)
    for stray in _STRAY_CLOSER.finditer(text):
        if stray.start() in claimed or any(p.span.start <= stray.start() < p.span.end for p in doc.placeholders):
            continue
        start = _start_of_broken(text, stray.start())
        span = Span(start, stray.end())
        partner = "{{" if stray.group() == "}}" else "{%"
        yield _malformed_diagnostic(span, text[span.start : span.end], partner, closing=True)


def _with_placeholders(doc: Document) -> str:
    if not doc.placeholders:
        return doc.text
    pieces = []
    position = 0
    for placeholder in doc.placeholders:
        pieces.append(doc.text[position : placeholder.span.start])
        pieces.append(placeholder.raw)
        position = placeholder.span.end
    pieces.append(doc.text[position:])
    return "".join(pieces)


def _end_of_broken(text: str, after: int, line_end: int) -> int:
    """Where a broken placeholder ends: after its stray closing brace(s), or at the end of
    its name ("{{first_name Hi" ends before " Hi")."""
    with_closer = _BROKEN_WITH_CLOSER.match(text, after, line_end)
    if with_closer is not None:
        return with_closer.end()
    name_only = _BROKEN_NAME_ONLY.match(text, after, line_end)
    return name_only.end() if name_only is not None else after


_BROKEN_WITH_CLOSER = re.compile(r"\s*[\w.|:\"'=,\-]+(?:[ \t]+[\w.|:\"'=,\-]+){0,3}\s*[}%]+")
_BROKEN_NAME_ONLY = re.compile(r"\s*[\w.|:\"'=,\-]+")


def _start_of_broken(text: str, closer_start: int) -> int:
    line_start = text.rfind("\n", 0, closer_start) + 1
    match = re.compile(r"[{%]*[\w.|:\"'=,\-]+\s*$").search(text, line_start, closer_start)
    return match.start() if match else closer_start


def _malformed_diagnostic(span: Span, written: str, partner: str, *, closing: bool = False) -> Diagnostic:
    if closing:
        message = f"{written} closes a placeholder that was never opened; it should start with {partner}."
    else:
        message = f"{written} is a broken placeholder; it should end with {partner}, or the helpdesk sends it as typed."
    name = re.sub(r"[{}%$]", "", written).strip()
    suggestion = None
    if name and re.fullmatch(r"[\w.|:\"'=, \-]+", name):
        pair = "{{" if partner in ("{{", "}}") else "{%" if partner in ("{%", "%}") else "{$"
        suggestion = f"{pair}{name}{_CLOSERS[pair]}"
    return RULE.diagnostic("malformed-placeholder", span, message, suggestion=suggestion)


def _touches_object(doc: Document, span: Span) -> bool:
    before = doc.text[span.start - 1] if span.start > 0 else ""
    after = doc.text[span.end] if span.end < len(doc.text) else ""
    return OBJECT in (before, after)


RULE = Rule(
    group="proofread",
    item="proofread",
    codes=(
        Code("spelling", "A word that looks misspelt, with the likeliest correction.", Severity.WARNING, "unsafe"),
        Code("repeated-word", 'A word typed twice ("the the").', Severity.WARNING, "safe"),
        Code("doubled-space", "Two or three spaces between words.", Severity.INFO, "safe"),
        Code("sentence-case", "A sentence that starts in lower case.", Severity.WARNING, "safe"),
        Code("lowercase-i", 'A lower-case "i" for "I".', Severity.WARNING, "safe"),
        Code("article", '"a" or "an" before the wrong sound ("a hour", "an user").', Severity.WARNING, "unsafe"),
        Code("unbalanced", "A bracket or quotation mark that is never closed or never opened.", Severity.WARNING),
        Code("shouting", "ALL-CAPS words that are not acronyms.", Severity.WARNING, "unsafe"),
        Code("punctuation", '"!!!", "??" or "?!".', Severity.WARNING, "safe"),
        Code("leftover", "TODO, TBD, XXX, FIXME or lorem ipsum left in.", Severity.ERROR),
        Code("unfilled-placeholder", "A helpdesk placeholder left in a reply.", Severity.ERROR, "unsafe"),
        Code("malformed-placeholder", 'A placeholder with broken braces ("{{first_name}").', Severity.ERROR),
    ),
    profiles=frozenset({"reply", "template", "doc"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
