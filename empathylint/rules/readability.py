"""Explain it so anyone can follow.

What it does: finds the sentences a support reviewer would split. A sentence longer than
the limit for the file's profile (39 words in replies and help articles: a reviewer splits
a sentence of about 40; 32 in canned replies, sent again and again) is reported, with
a place to split it where it has one; so is every sentence of 30 words or more in a draft
that has three or more of them. The draft's Flesch-Kincaid grade (textstat) is shown beside
its target (grade 8 for replies and canned replies, 9 for help articles); a draft more than
`grade-margin` over its target gets its hardest sentences pointed at, with their longest
words, in replies and canned replies (`hard-sentence-profiles`; an article's grade counts
its headings and feature names, and its reviewers go by the length of its sentences). In
replies, a paragraph of more than 120 words is a wall of text.

Only prose counts: never the greeting, the sign-off, quoted customer text, code, links,
placeholders or template markup (`{% … %}`, `{:target=…}`). Lists and table cells are read
item by item; a sentence that runs on past a link ("…steps here: <link> These steps…") is
read as the two sentences it is; a plain list inside a sentence ("friends, family, teams,
and colleagues") counts as its longest item. Drafts under 40 words get no grade, and a
draft that is not in English gets none.

Why it matters: a customer with a problem reads fast and under stress. Short sentences and
everyday words get the fix across the first time; a reply they have to read twice is a
reply that brings a second ticket.

Example:
    To resolve the synchronisation discrepancy, we recommend reauthenticating your
    integration credentials, which will regenerate the authorisation configuration, and
    subsequently initiating a manual synchronisation from the administration dashboard,
    after which the calendar should reconcile with your organisation's other calendars.

Use instead:
    Please sign in to the integration again. Then open the admin page and press "Sync now".
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import OBJECT, SENTENCE_ENDING, Document, Profile, Span, count_words
from empathylint.rule import Code, Metrics, Rule, bounded, bounded_values
from empathylint.word_pieces import findall_by_piece


@dataclass(frozen=True)
class Settings:
    # The Flesch-Kincaid grade each profile aims at, shown beside the draft's own grade; a
    # profile left out gets no grade.
    target_grade: dict[Profile, float] = bounded_values(  # noqa: RUF009 - a field(), see bounded_values
        lambda: {"reply": 8.0, "template": 8.0, "doc": 9.0}, minimum=0.0, maximum=30.0
    )
    # Flesch-Kincaid moves by a grade or two with a few long words or names, and reviewers
    # pass drafts a few grades over the target: only a draft more than this over its target
    # gets its hardest sentences pointed at.
    grade_margin: float = bounded(4.0, minimum=0.0, maximum=10.0)
    # Fewer prose words than this give no grade: the formula is unstable on a few sentences.
    min_words_for_grade: int = bounded(40, minimum=1)
    # How many of the hardest sentences to point at when the draft is over its target.
    hardest_sentences: int = bounded(3, minimum=0)
    # The profiles in which a draft over its target gets its hardest sentences pointed at.
    # An article's grade counts its headings, menu paths and feature names as sentences of
    # long words, and its reviewers judge it by the length of its sentences, reported on
    # their own: an article's grade is shown beside its target, nothing more.
    hard_sentence_profiles: tuple[Profile, ...] = ("reply", "template")
    # The most words a sentence may have, per profile; a profile left out has no limit.
    max_sentence_words: dict[Profile, int] = bounded_values(  # noqa: RUF009 - a field(), see bounded_values
        lambda: {"reply": 39, "template": 32, "doc": 39}, minimum=1
    )
    # A draft with more than `max_fairly_long_sentences` sentences of this many words or
    # more is heavy going as a whole: each of them is reported.
    fairly_long_sentence_words: int = bounded(30, minimum=1)
    max_fairly_long_sentences: int = bounded(2, minimum=0)
    # The most words a paragraph may have in the profiles of `long_paragraph_profiles`
    # (replies are read on phones, where a long paragraph is a wall of text).
    max_paragraph_words: int = bounded(120, minimum=1)
    long_paragraph_profiles: tuple[Profile, ...] = ("reply",)


# A sentence shorter than this has too few words for its own grade to mean anything.
_MIN_WORDS_FOR_SENTENCE_GRADE = 5
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+•]|\d+[.)])[ \t]", re.MULTILINE)
# Words of this many syllables and more are the ones worth replacing first.
_LONG_WORD_SYLLABLES = 4
_ENDS_SENTENCE = re.compile(SENTENCE_ENDING + "$")
# Where a span the Document reads as one sentence holds two as a reader sees them: a link
# that ends a sentence ("…the steps here: <link> These steps…"), "etc." before a capital,
# a full stop with its space missing ("…you enter here.Do not…").
# Each alternative starts with a character the regex engine can skip ahead to; a sentence
# is cut where a match ends.
_SENTENCE_BREAK = re.compile(
    rf"{OBJECT}[ \t]*\n?[ \t]*(?=[A-Z])|\.(?<=\betc\.)\s+(?=[A-Z])|\.(?<=[a-z]\.)(?=[A-Z][a-z])"
)
# In a reply a line break before a capital is the writer's own full stop (when the line
# before ends in a word or a comma); articles and canned replies are often wrapped by hand.
_LINE_BREAK = re.compile(r"\n[ \t]*(?=[A-Z][a-z])")
_ENDS_IN_A_WORD = re.compile(r"[\w,][ \t]*\Z")
# Template and attribute markup that is not words a reader reads: Liquid tags, Kramdown
# attribute lists ({:target="_blank"}), include macros ({!message-actions.md!}).
_MARKUP = re.compile(r"\{[%:!][^{}\n]*\}|\{[\w|-]+\}")
# An @handle inside a social reply ("ask @Carrier") is an address the eye skips, as a link
# is: it does not make the sentence longer to read. An email address is not a handle.
_HANDLE = re.compile(r"(?<![\w.@])@\w+")
# A plain list inside a sentence: three or more short items, "a, b, c and d"; it reads as
# one of its items, not as all of their words.
_INLINE_LIST = re.compile(
    r"(?:[\w'’-]+(?:[ \t]+[\w'’-]+){0,2},[ \t]+){2,}(?:(?:and|or)[ \t]+)?[\w'’-]+(?:[ \t]+[\w'’-]+){0,2}"
)


@dataclass(frozen=True)
class SentenceReading:
    span: Span
    prose: str
    word_count: int

    @functools.cached_property
    def words_read(self) -> int:
        """The words a reader takes in: a plain list inside the sentence counts as its
        longest item. Only asked of sentences long enough to matter (the regex is costly)."""
        count = self.word_count
        for listed in _INLINE_LIST.finditer(self.prose):
            items = re.split(r",[ \t]+(?:(?:and|or)[ \t]+)?", listed.group())
            count -= count_words(listed.group()) - max(count_words(item) for item in items)
        return count


@dataclass(frozen=True)
class Reading:
    """The draft's prose as textstat reads it: body sentences, each ended with a full stop,
    with masked code, links, placeholders and template markup taken out."""

    sentences: tuple[SentenceReading, ...]
    word_count: int
    grade: float | None


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    # The sentences read here are this check's own: a long article's are not kept while the
    # other rules run, only the words and the grade the metrics ask for.
    reading = _read(doc, settings.min_words_for_grade, _reported_from(doc, settings))
    _words_and_grade(doc, settings, reading)
    target = settings.target_grade.get(doc.profile)
    hard: set[Span] = set()
    grade = reading.grade if doc.profile in settings.hard_sentence_profiles else None
    if grade is not None and target is not None and grade > target + settings.grade_margin:
        for sentence, sentence_grade in _hardest(reading, target, settings.hardest_sentences):
            hard.add(sentence.span)
            yield _hard_sentence(doc, grade, target, sentence, sentence_grade, settings)
    limit = settings.max_sentence_words.get(doc.profile)
    fairly_long = [
        s
        for s in reading.sentences
        if s.word_count >= settings.fairly_long_sentence_words and s.words_read >= settings.fairly_long_sentence_words
    ]
    crowded = len(fairly_long) > settings.max_fairly_long_sentences
    fairly_long_ids = {id(s) for s in fairly_long}  # a list's `in` made the check quadratic
    for sentence in reading.sentences:
        if sentence.span in hard:
            continue
        if limit is not None and sentence.word_count > limit and sentence.words_read > limit:
            yield _long_sentence(doc, sentence, f"limit {limit}")
        elif crowded and id(sentence) in fairly_long_ids:
            many = f"one of {len(fairly_long)} sentences of {settings.fairly_long_sentence_words}+ words"
            yield _long_sentence(doc, sentence, many)
    if doc.profile in settings.long_paragraph_profiles:
        yield from _long_paragraphs(doc, reading, settings)


def metrics(doc: Document, settings: Settings) -> Metrics:
    """The grade beside the target, for the file's summary line."""
    word_count, exact_grade = _words_and_grade(doc, settings)
    if exact_grade is None:
        return {"words": float(word_count)}
    grade = round(exact_grade, 1)
    found: Metrics = {"grade": grade, "summary": f"grade {grade:.1f}"}
    target = settings.target_grade.get(doc.profile)
    if target is not None:
        found["target"] = target
        found["summary"] = f"grade {grade:.1f} / target {target:g}"
    return found


def _words_and_grade(doc: Document, settings: Settings, reading: Reading | None = None) -> tuple[int, float | None]:
    """The draft's word count and grade, read once per document (from `reading` when the
    check has read it)."""

    def compute() -> tuple[int, float | None]:
        read = reading if reading is not None else _read(doc, settings.min_words_for_grade, kept_from=None)
        return read.word_count, read.grade

    return doc.memo(f"eli5.grade:{settings.min_words_for_grade}", compute)


def _reported_from(doc: Document, settings: Settings) -> int:
    """The fewest words of a sentence the check can report on in this draft: any sentence where
    the hardest are graded or paragraphs are counted, else a long one only."""
    if doc.profile in settings.hard_sentence_profiles or doc.profile in settings.long_paragraph_profiles:
        return 0
    limit = settings.max_sentence_words.get(doc.profile)
    return settings.fairly_long_sentence_words if limit is None else min(limit, settings.fairly_long_sentence_words)


# Sentences joined into the draft's prose this many at a time.
_JOINED_AT_ONCE = 1024


def _read(doc: Document, min_words_for_grade: int, kept_from: int | None) -> Reading:
    """The draft's sentences as textstat reads them, with its word count and grade. Only the
    sentences of `kept_from` words or more are kept (none when None): the others are counted and
    graded as they go by, since a long article's sentence records outweigh its text many times."""
    sentences = []
    word_count = 0
    joined: list[str] = []
    unjoined: list[str] = []
    for span in _reader_sentences(doc):
        text = _HANDLE.sub(" ", _MARKUP.sub(" ", doc.slice(span).replace(OBJECT, " ")))
        prose = " ".join(text.split())
        sentence_words = count_words(prose)
        if not sentence_words:
            continue
        if not _ENDS_SENTENCE.search(prose):
            # Headings and list steps end without a full stop; textstat would run them
            # into the next sentence and read one long one.
            prose += "."
        if kept_from is not None and sentence_words >= kept_from:
            sentences.append(SentenceReading(span, prose, sentence_words))
        word_count += sentence_words
        unjoined.append(prose)
        if len(unjoined) == _JOINED_AT_ONCE:
            joined.append(" ".join(unjoined))
            unjoined = []
    if unjoined:
        joined.append(" ".join(unjoined))
    grade = None
    # The prose is the pieces joined by spaces, read without joining them: a long article's
    # would be one more copy of its text.
    if word_count >= min_words_for_grade and _reads_as_english(joined):
        from empathylint.language.grade import flesch_kincaid_grade_of

        grade = flesch_kincaid_grade_of(joined)
    return Reading(tuple(sentences), word_count, grade)


def _reader_sentences(doc: Document) -> Iterator[Span]:
    """The Document's body sentences, each cut where a reader sees two (see _SENTENCE_BREAK)."""
    text = doc.text
    for span in doc.body_sentences:
        cuts = [found.end() for found in _SENTENCE_BREAK.finditer(text, span.start, span.end)]
        if doc.profile == "reply" and "\n" in text[span.start : span.end]:
            cuts.extend(
                found.end()
                for found in _LINE_BREAK.finditer(text, span.start, span.end)
                if _ENDS_IN_A_WORD.search(text, span.start, found.start())
            )
            cuts.sort()
        start = span.start
        for cut in [*cuts, span.end]:
            piece = _trimmed(text, start, cut)
            if piece is not None:
                yield piece
            start = cut


def _trimmed(text: str, start: int, end: int) -> Span | None:
    segment = text[start:end]
    stripped = segment.strip()
    if not stripped.strip(OBJECT + " \t\n"):
        return None
    leading = len(segment) - len(segment.lstrip())
    return Span(start + leading, start + leading + len(stripped))


# English prose has nine words in ten or more in the CMU dictionary (names and jargon make
# up the rest); Spanish replies measured about 0.6, German 0.3. Below this share a grade
# from an English formula would only mislead, so there is none.
_MIN_ENGLISH_SHARE = 0.8


def _reads_as_english(pieces: list[str]) -> bool:
    """Whether the pieces (joined by spaces) read as English."""
    from empathylint.language.grade import is_pronounceable

    # Counted a piece at a time (a long article's list of words would outweigh its text),
    # each distinct word looked up once, its ’ made ' (the pattern takes either).
    counted: Counter[str] = Counter()
    for piece in pieces:
        for found in findall_by_piece(_LETTER_WORD, piece):
            counted.update(found)
    words = sum(counted.values())
    pronounceable = sum(count for word, count in counted.items() if is_pronounceable(word.replace("’", "'")))
    return bool(words) and pronounceable >= _MIN_ENGLISH_SHARE * words


_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _sentence_grade(sentence: SentenceReading) -> float:
    from empathylint.language.grade import flesch_kincaid_grade

    return flesch_kincaid_grade(sentence.prose)


def _hardest(reading: Reading, target: float, count: int) -> list[tuple[SentenceReading, float]]:
    """Up to `count` sentences over the target, hardest first; when the draft is over its
    target only on average, its single hardest sentence."""
    graded = [
        (sentence, _sentence_grade(sentence))
        for sentence in reading.sentences
        if sentence.word_count >= _MIN_WORDS_FOR_SENTENCE_GRADE
    ]
    graded.sort(key=lambda pair: -pair[1])
    over = [pair for pair in graded if pair[1] > target]
    return over[:count] if over else graded[:1]


def _hard_sentence(
    doc: Document,
    grade: float,
    target: float,
    sentence: SentenceReading,
    sentence_grade: float,
    settings: Settings,
) -> Diagnostic:
    message = (
        f"The draft reads at grade {grade:.1f} (target {target:g}); start with this sentence "
        f"(grade {sentence_grade:.1f}, {sentence.word_count} words)."
    )
    long_words = _long_words(sentence.prose)
    if long_words:
        message += f" Try everyday words for {', '.join(f'“{w}”' for w in long_words)}."
    suggestion = None
    limit = settings.max_sentence_words.get(doc.profile)
    if limit is not None and sentence.word_count > limit and sentence.words_read > limit:
        split = _split(_source_text(doc, sentence.span))
        if split is not None:
            message += f" {split.advice}"
            suggestion = split.rewrite
        else:
            message += " Split it into shorter sentences."
    return RULE.diagnostic("hard-sentence", sentence.span, message, suggestion=suggestion)


def _long_sentence(doc: Document, sentence: SentenceReading, why: str) -> Diagnostic:
    message = f"{sentence.words_read} words ({why}, grade {_sentence_grade(sentence):.1f});"
    split = _split(_source_text(doc, sentence.span))
    if split is None:
        return RULE.diagnostic("long-sentence", sentence.span, f"{message} split it into shorter sentences.")
    advice = split.advice[0].lower() + split.advice[1:]
    return RULE.diagnostic("long-sentence", sentence.span, f"{message} {advice}", suggestion=split.rewrite)


def _long_words(prose: str) -> list[str]:
    """Up to three of the sentence's words of four syllables or more, longest first."""
    from empathylint.language.grade import syllable_count

    seen: dict[str, int] = {}
    for match in re.finditer(r"[A-Za-z][a-z]+(?:-[a-z]+)*", prose):
        word = match.group()
        if word.lower() in seen or (word[0].isupper() and match.start() > 0):
            continue  # a capitalised word mid-sentence is a name; its length is not the writer's choice
        syllables = syllable_count(word)
        if syllables >= _LONG_WORD_SYLLABLES:
            seen[word.lower()] = syllables
    return sorted(seen, key=lambda w: (-seen[w], w))[:3]


def _source_text(doc: Document, span: Span) -> str:
    if doc.encoded_source:
        return " ".join(doc.text[span.start : span.end].split())
    start, end = doc.source_span(span.start, span.end)
    return " ".join(doc.source[start:end].split())


@dataclass(frozen=True)
class Split:
    advice: str
    rewrite: str | None


# Where a long sentence splits naturally, and how the second half then starts.
_SPLIT_POINTS = (
    (re.compile(r"; "), ""),
    (re.compile(r": (?=[a-z])"), None),
    (re.compile(r", and (?!then\b)"), ""),
    (re.compile(r", and then "), "Then "),
    (re.compile(r", but "), "But "),
    (re.compile(r", so (?!that\b)"), "So "),
    (re.compile(r",? (?:(?:after|by|for|from|in|of|with) )?which "), None),
    (re.compile(r",? because "), None),
)
# Neither half of a split may be shorter than this, or the split makes a fragment.
_MIN_SPLIT_WORDS = 5
# After a split the second half stands as a sentence only when it has its own subject:
# "…, and we refunded it" splits; "…, and subsequently initiating" or "…, and the tax
# that applied" would leave a fragment, so they get advice without a rewrite.
# "…, and then restart it" becomes "Then restart it.", an instruction that stands alone.
_SUBJECT_START = re.compile(
    r"(?:i|we|you|it|they|he|she|this|that|there)\b",
    re.IGNORECASE,
)


def _split(sentence: str) -> Split | None:
    """The split point nearest the middle of the sentence, and the rewrite it gives."""
    total = len(sentence.split())
    best: tuple[float, re.Match[str], str | None] | None = None
    for pattern, opener in _SPLIT_POINTS:
        for match in pattern.finditer(sentence):
            before = len(sentence[: match.start()].split())
            if min(before, total - before) < _MIN_SPLIT_WORDS:
                continue
            distance = abs(total / 2 - before)
            if best is None or distance < best[0]:
                best = (distance, match, opener)
    if best is None:
        return None
    _, match, opener = best
    joint = match.group().strip(" ,;:")
    first = sentence[: match.start()].rstrip(" ,;:")
    if opener is None:
        where = f"before “{joint}”" if joint else "at the colon"
        return Split(f"Split it {where}, after “{_tail(first)}”.", None)
    rest = sentence[match.end() :]
    where = f"“{match.group().strip()}”" if joint == "" else f"“, {joint}”"
    if opener != "Then " and not _SUBJECT_START.match(rest):
        return Split(f"Split it at {where}, giving the second part its own subject.", None)
    second = opener + rest if opener else rest[:1].upper() + rest[1:]
    return Split(f"Split it at {where}.", f"{first}. {second}")


def _tail(text: str) -> str:
    """The last few words of a text, to say where something is."""
    tail = text.split()[-3:]
    return ("…" if len(text.split()) > 3 else "") + " ".join(tail)


def _long_paragraphs(doc: Document, reading: Reading, settings: Settings) -> Iterator[Diagnostic]:
    limit = settings.max_paragraph_words
    # Sentences come in order: each paragraph's are found by bisection, not by a pass over
    # all of them (quadratic on a long help article).
    starts = [sentence.span.start for sentence in reading.sentences]
    for paragraph in doc.paragraphs:
        if _LIST_ITEM.search(doc.slice(paragraph)):
            continue  # a list of steps is the easy-to-follow shape, however many steps it has
        first = bisect.bisect_left(starts, paragraph.start)
        last = bisect.bisect_left(starts, paragraph.end, lo=first)
        inside = [s for s in reading.sentences[first:last] if paragraph.contains(s.span)]
        words = 0
        for sentence in inside:
            words += count_words(sentence.prose)
            if words > limit:
                yield RULE.diagnostic(
                    "long-paragraph",
                    sentence.span,
                    f"This paragraph runs past {limit} words, a wall of text on a phone; start a new paragraph here.",
                )
                break


RULE = Rule(
    group="eli5",
    item="eli5",
    codes=(
        Code("hard-sentence", "One of the hardest sentences of a draft above its target grade.", Severity.WARNING),
        Code(
            "long-sentence",
            "A sentence a reader would split: over the limit, or one of many long ones.",
            Severity.WARNING,
        ),
        Code("long-paragraph", "A reply's paragraph of more than 120 words.", Severity.INFO),
    ),
    profiles=frozenset({"reply", "template", "doc"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
    metrics=metrics,
)
