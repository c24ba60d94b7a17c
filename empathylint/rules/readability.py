"""Explain it so anyone can follow.

What it does: grades the prose of the draft with the Flesch-Kincaid formula (textstat) and
compares it with the target for the file's profile (grade 8 for replies and canned replies,
9 for help articles; a channel may set its own: grade 10 and 30 words for social posts).
When the draft reads above its target, it points at the hardest sentences, with each one's
own grade, word count and longest words, so you know where to start. It also flags
sentences longer than 25 words, with a place to split them where the sentence has one, and,
in replies, paragraphs of more than five sentences. Drafts under 40 words get no grade: a
grade of three sentences says little. Only prose counts: never the greeting, the sign-off,
quoted customer text, code, links or placeholders; lists of steps count each step as a
sentence. A draft that is not in English gets no grade.

Why it matters: a customer with a problem reads fast and under stress. Short sentences and
everyday words get the fix across the first time; a reply they have to read twice is a
reply that brings a second ticket.

Example:
    To resolve the synchronisation discrepancy, we recommend reauthenticating your
    integration credentials, which will regenerate the authorisation configuration, and
    subsequently initiating a manual synchronisation from the administration dashboard.

Use instead:
    Please sign in to the integration again. Then open the admin page and press "Sync now".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import OBJECT, Document, Span, count_words
from empathylint.rule import Code, Metrics, Rule


@dataclass(frozen=True)
class Settings:
    # Highest Flesch-Kincaid grade per profile; a profile left out gets no grade finding.
    target_grade: dict[str, float]
    # Flesch-Kincaid moves by about a grade with one long word in a short reply, so a draft
    # over its target by no more than this is within measuring error: its hardest sentences
    # are pointed at as info, not as a warning that holds the reply back.
    grade_margin: float
    # Fewer prose words than this give no grade: the formula is unstable on a few sentences.
    min_words_for_grade: int
    # How many of the hardest sentences to point at when the draft is over its target.
    hardest_sentences: int
    max_sentence_words: int
    max_paragraph_sentences: int
    # Profiles whose paragraphs are held to max-paragraph-sentences (replies are read on phones).
    long_paragraph_profiles: tuple[str, ...]
    # A reply's or canned reply's channel may set its own grade target and sentence limit
    # (a social post runs a link and product names into a sentence of ~30 words).
    channel_target_grade: dict[str, float]
    channel_max_sentence_words: dict[str, int]


# A sentence shorter than this has too few words for its own grade to mean anything.
_MIN_WORDS_FOR_SENTENCE_GRADE = 5
# Words of this many syllables and more are the ones worth replacing first.
_LONG_WORD_SYLLABLES = 4
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+•]|\d+[.)])[ \t]", re.MULTILINE)
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")


@dataclass(frozen=True)
class SentenceReading:
    span: Span
    prose: str
    word_count: int


@dataclass(frozen=True)
class Reading:
    """The draft's prose as textstat reads it: body sentences, each ended with a full stop,
    with masked code, links and placeholders taken out."""

    sentences: tuple[SentenceReading, ...]
    word_count: int
    grade: float | None


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    settings = _fitted_to_channel(doc, settings)
    reading = _reading(doc, settings)
    target = settings.target_grade.get(doc.profile)
    hard: set[Span] = set()
    if reading.grade is not None and target is not None and reading.grade > target:
        near_target = reading.grade <= target + settings.grade_margin
        for sentence, sentence_grade in _hardest(reading, target, settings.hardest_sentences):
            hard.add(sentence.span)
            finding = _hard_sentence(doc, reading.grade, target, sentence, sentence_grade, settings)
            yield replace(finding, severity=Severity.INFO) if near_target else finding
    for sentence in reading.sentences:
        if sentence.word_count > settings.max_sentence_words and sentence.span not in hard:
            yield _long_sentence(doc, sentence, settings)
    if doc.profile in settings.long_paragraph_profiles:
        yield from _long_paragraphs(doc, reading, settings)


def metrics(doc: Document, settings: Settings) -> Metrics:
    """The grade beside the target, for the file's summary line."""
    settings = _fitted_to_channel(doc, settings)
    reading = _reading(doc, settings)
    if reading.grade is None:
        return {"words": float(reading.word_count)}
    grade = round(reading.grade, 1)
    found: Metrics = {"grade": grade, "summary": f"grade {grade:.1f}"}
    target = settings.target_grade.get(doc.profile)
    if target is not None:
        found["target"] = target
        found["summary"] = f"grade {grade:.1f} / target {target:g}"
    return found


def _fitted_to_channel(doc: Document, settings: Settings) -> Settings:
    """The settings with the targets of the draft's channel, where it has its own."""
    if doc.profile == "doc":
        return settings
    target = settings.channel_target_grade.get(doc.channel)
    limit = settings.channel_max_sentence_words.get(doc.channel)
    if target is None and limit is None:
        return settings
    return replace(
        settings,
        target_grade=settings.target_grade if target is None else {**settings.target_grade, doc.profile: target},
        max_sentence_words=settings.max_sentence_words if limit is None else limit,
    )


def _reading(doc: Document, settings: Settings) -> Reading:
    return doc.memo(f"eli5.reading:{settings.min_words_for_grade}", lambda: _read(doc, settings.min_words_for_grade))


def _read(doc: Document, min_words_for_grade: int) -> Reading:
    sentences = []
    for span in doc.body_sentences:
        prose = " ".join(doc.slice(span).replace(OBJECT, " ").split())
        word_count = count_words(prose)
        if not word_count:
            continue
        if not _ENDS_SENTENCE.search(prose):
            # Headings and list steps end without a full stop; textstat would run them
            # into the next sentence and read one long one.
            prose += "."
        sentences.append(SentenceReading(span, prose, word_count))
    word_count = sum(s.word_count for s in sentences)
    grade = None
    prose = " ".join(s.prose for s in sentences)
    if word_count >= min_words_for_grade and _reads_as_english(prose):
        from empathylint.language.grade import flesch_kincaid_grade

        grade = flesch_kincaid_grade(prose)
    return Reading(tuple(sentences), word_count, grade)


# English prose has nine words in ten or more in the CMU dictionary (names and jargon make
# up the rest); Spanish replies measured about 0.6, German 0.3. Below this share a grade
# from an English formula would only mislead, so there is none.
_MIN_ENGLISH_SHARE = 0.8


def _reads_as_english(prose: str) -> bool:
    from empathylint.language.grade import is_pronounceable

    # Both apostrophes are non-word characters, so making them one changes no word's bounds.
    found = _LETTER_WORD.findall(prose.replace("’", "'"))
    return bool(found) and sum(map(is_pronounceable, found)) >= _MIN_ENGLISH_SHARE * len(found)


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
    if sentence.word_count > settings.max_sentence_words:
        split = _split(_source_text(doc, sentence.span))
        if split is not None:
            message += f" {split.advice}"
            suggestion = split.rewrite
        else:
            message += " Split it into shorter sentences."
    return RULE.diagnostic("hard-sentence", sentence.span, message, suggestion=suggestion)


def _long_sentence(doc: Document, sentence: SentenceReading, settings: Settings) -> Diagnostic:
    message = (
        f"{sentence.word_count} words (limit {settings.max_sentence_words}, grade {_sentence_grade(sentence):.1f});"
    )
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
    (re.compile(r", so "), "So "),
    (re.compile(r",? which "), None),
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
    limit = settings.max_paragraph_sentences
    # Sentences come in order: each paragraph's are found by bisection, not by a pass over
    # all of them (quadratic on a long help article).
    starts = [sentence.span.start for sentence in reading.sentences]
    for paragraph in doc.paragraphs:
        if _LIST_ITEM.search(doc.slice(paragraph)):
            continue  # a list of steps is the easy-to-follow shape, however many steps it has
        first = bisect.bisect_left(starts, paragraph.start)
        last = bisect.bisect_left(starts, paragraph.end, lo=first)
        inside = [s for s in reading.sentences[first:last] if paragraph.contains(s.span)]
        if len(inside) <= limit:
            continue
        yield RULE.diagnostic(
            "long-paragraph",
            inside[limit].span,
            f"This paragraph has {len(inside)} sentences (limit {limit}); start a new paragraph here.",
        )


RULE = Rule(
    group="eli5",
    item="eli5",
    codes=(
        Code("hard-sentence", "One of the hardest sentences of a draft above its target grade.", Severity.WARNING),
        Code("long-sentence", "A sentence longer than the limit (25 words).", Severity.INFO),
        Code("long-paragraph", "A reply's paragraph of more than five sentences.", Severity.INFO),
    ),
    profiles=frozenset({"reply", "template", "doc"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
    metrics=metrics,
)
