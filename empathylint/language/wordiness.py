"""Wordiness that a phrase list cannot spell out: "on a daily basis", "pretty easy", an
automated opener with the sender's name inside it, a sentence said twice, the "actually" that marks a contrast,
and the words around a filler word that say what it means ("just sent" is "recently")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from empathylint.document import Document, Span, count_words
from empathylint.language.phrase_edits import starts_sentence
from empathylint.language.phrases import normalize
from empathylint.language.regex_on_use import LazyPattern

# "on an individual basis" -> "individually": the adjective's adverb, by its ending.
_ADVERB_ENDINGS = (("ic", "ically"), ("ary", "arily"), ("le", "ly"), ("y", "ily"))
_ADVERB_FROM = ("al", "ar", "ent", "ant", "ous", "ive", "ate", "ful", "ual", "ic", "ary", "le")


def basis_rewrite(how: str) -> str | None:
    """The short form of "on a <how> basis": "daily", "regularly", "case by case"; None when
    there is no plain one ("on a need-to-know basis")."""
    parts = how.lower().split("-")
    if len(parts) == 3 and parts[1] == "by":
        # "case-by-case" -> "case by case"; "individual-by-individual" -> "individually"
        adverb = _adverb(parts[0])
        return adverb if adverb is not None and parts[0] == parts[2] else " ".join(parts)
    if len(parts) > 1:
        return None
    if how.lower().endswith("ly"):
        return how  # "daily", "weekly", "monthly"
    return _adverb(how)


def _adverb(adjective: str) -> str | None:
    word = adjective.lower()
    # An adjective of these endings has two syllables or more; "trial" is a noun.
    if not word.endswith(_ADVERB_FROM) or len(re.findall(r"[aeiouy]+", word)) < 2:
        return None
    for ending, replacement in _ADVERB_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    return word + "ly"


# What comes between an automated opener and its news: "from Acme to let you know that".
_OPENER_TAIL = LazyPattern(
    r"(?:\s+from\s+[^.!?\n]{1,60}?)?\s+to\s+(?:let\s+you\s+know|inform\s+you|notify\s+you|tell\s+you)"
    r"(?:\s+that)?(?![\w'’])",
    re.IGNORECASE,
)


def stretch_of_opener(text: str, opener: Span, within: Span) -> Span | None:
    """ "This is an automated message from Acme to let you know that": the opener with the
    sender and the announcing verb, which all go; None when no news follows it (then the
    opener tells the reader something: that nobody reads replies)."""
    tail = _OPENER_TAIL.match(text, opener.end, within.end)
    return Span(opener.start, tail.end()) if tail is not None else None


# Words after which "pretty" is an adjective ("a pretty picture"), not a softener.
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "my", "your", "our", "their", "his"})
_DETERMINERS |= frozenset({"her", "its", "very", "so", "really", "quite", "how", "too"})
_WORD = LazyPattern(r"[^\W\d_][\w'’-]*")


def softener_at(text: str, within: Span, softeners: AbstractSet[str]) -> Iterator[Span]:
    """ "pretty easy", "pretty much the same": a softener before the word it softens; not
    "a pretty picture" or "it looks pretty." (an adjective there).

    The words are those `_WORD` finds in text[within]; one regex finds the few that may be
    softeners, and only their neighbours are read, instead of a loop in Python over every
    word of the draft."""
    pattern = _softener_pattern(frozenset(softeners))
    if pattern is None:
        return
    for match in pattern.finditer(text, within.start, within.end):
        start = match.start()
        if not _is_letter(text[start]) or _has_letter(text, _run_start(text, start, within.start), start):
            continue  # inside a longer word ("1st-pretty", "un-pretty"), not a word of its own
        if normalize(match.group()) not in softeners or _word_before(text, start, within.start) in _DETERMINERS:
            continue
        following = _WORD.match(text, _skip_blanks(text, match.end()))
        if following is not None and following.start() - match.end() <= 2:
            yield Span(match.start(), match.end())


@functools.cache
def _softener_pattern(softeners: frozenset[str]) -> re.Pattern[str] | None:
    """The softeners where a word of `_WORD` may stand and end, built once per list; a
    softener of two words never is one word, so never matches."""
    words = [word for word in softeners if word and not any(character.isspace() for character in word)]
    if not words:
        return None
    spelled = sorted((re.escape(word).replace("'", "['’]") for word in words), key=lambda w: (-len(w), w))
    return re.compile(rf"(?:{'|'.join(spelled)})(?![\w'’-])", re.IGNORECASE)


def _is_word_character(character: str) -> bool:
    r"""What `_WORD` may continue a word with: [\w'’-] (\w is str.isalnum() and "_")."""
    return character.isalnum() or character in "_'’-"


def _is_letter(character: str) -> bool:
    r"""What `_WORD` starts a word with: [^\W\d_] (\d is str.isdecimal())."""
    return character.isalnum() and not character.isdecimal()


def _run_start(text: str, index: int, low: int) -> int:
    """Where the run of word characters that reaches `index` starts (not before `low`)."""
    while index > low and _is_word_character(text[index - 1]):
        index -= 1
    return index


def _has_letter(text: str, start: int, end: int) -> bool:
    return any(_is_letter(character) for character in text[start:end])


def _word_before(text: str, index: int, low: int) -> str:
    """The word `_WORD` finds last in text[low:index] (`index` starts a run), normalized; ""
    when there is none. A run of word characters holds one word, from its first letter."""
    while index > low:
        end = index
        while end > low and not _is_word_character(text[end - 1]):
            end -= 1
        start = _run_start(text, end, low)
        for position in range(start, end):
            if _is_letter(text[position]):
                return normalize(text[position:end])
        index = start
    return ""


def _skip_blanks(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t":
        index += 1
    return index


# A sentence said twice is worth cutting only when it says something: six words or more.
_REPEAT_MIN_WORDS = 6


def repeated_sentences(doc: Document) -> Iterator[Span]:
    """Sentences that repeat an earlier one of their paragraph word for word (case and
    spacing aside): a slip of copy and paste. Across paragraphs a repeat can be meant (a
    reminder at the end, a section that stands on its own)."""
    paragraphs = doc.paragraphs
    paragraph = 0
    seen: set[str] = set()
    for sentence in doc.body_sentences:
        while paragraph < len(paragraphs) and paragraphs[paragraph].end < sentence.end:
            paragraph += 1
            seen = set()
        words = doc.text[sentence.start : sentence.end]
        if count_words(words) < _REPEAT_MIN_WORDS or not doc.is_prose(sentence):
            continue
        key = normalize(words).rstrip(".!?… ")
        if key in seen:
            yield sentence
        seen.add(key)


# Words after which "actually" says "in fact, unlike what you'd think": a contrast.
_CONTRAST_BEFORE = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "'s", "'re", "isn't", "wasn't", "aren't", "weren't"}
    | {"do", "does", "did", "can", "could", "will", "would", "should", "may", "might", "has", "have", "had"}
)


def marks_contrast(text: str, span: Span) -> bool:
    """ "This is actually a usage question", "it was actually counted", "contrary to its name,
    it actually deletes nothing": a contrast with what was expected, which "actually" carries;
    "I actually wanted to" carries none."""
    window = text[max(0, span.start - 40) : span.start]
    if _SET_AGAINST.search(text, max(0, span.start - _SET_AGAINST_REACH), span.start):
        return True
    before = re.search(r"([\w'’]+)[ \t]*$", window)
    if before is None:
        # "Actually, the charge is a hold, not a payment": a sentence that opens on it and
        # sets what is against what seems
        return _CORRECTION.match(text, span.end) is not None
    word = normalize(before.group(1))
    return word in _CONTRAST_BEFORE or word.endswith(("'s", "'re")) or _IN_REALITY.search(window) is not None


# "Contrary to its name, the button actually deletes nothing", "Although it looks slow, the
# export actually takes seconds": a word earlier in its sentence that sets one thing against
# another (no sentence end between it and "actually").
_SET_AGAINST_REACH = 100
_SET_AGAINST = LazyPattern(
    r"(?<![\w'’])(?:but|although|though|whereas|despite|contrary\s+to|unlike)(?![\w'’])[^.!?\n]*$", re.IGNORECASE
)


# The rest of a sentence that corrects a belief: "…, not a payment", "… rather than …".
_CORRECTION = LazyPattern(r"[^.!?\n]*?(?:,\s*not\s|\srather\s+than\s|\sinstead\s+of\s)", re.IGNORECASE)


# "where they actually happened", "before the recipient actually clicks", "if you actually
# logged in": in a clause about what happens, "actually" sets it against what seems to.
_IN_REALITY = LazyPattern(
    r"(?<![\w'’])(?:where|when|what|whether|if|before|after|how|which|who|until)[ \t]+(?:[\w'’-]+[ \t]+){1,2}$",
    re.IGNORECASE,
)


# --- reading the words around a filler word ---------------------------------------------


def next_word(text: str, index: int) -> str:
    position = index
    while position < len(text) and text[position] in " \t":
        position += 1
    end = position
    while end < len(text) and (text[end].isalpha() or text[end] in "'’"):
        end += 1
    return normalize(text[position:end])


# Words in -ing that are no action: "just during the sale", "just something small".
_NOT_GERUNDS = frozenset({"during", "morning", "evening", "ceiling", "pudding"})


def is_gerund(word: str) -> bool:
    """ "just leaving it", "just checking in": an action, not "only" or "recently"."""
    return len(word) > 5 and word.endswith("ing") and not word.endswith("thing") and word not in _NOT_GERUNDS


def opens_sentence(text: str, index: int) -> bool:
    """Whether a sentence starts at `index`, counting the first one of a social reply, which
    runs on from its "@customer "."""
    return starts_sentence(text, index) or _AFTER_HANDLE.search(text, max(0, index - 40), index) is not None


# A social reply's opening "@customer ", which the first sentence runs on from.
_AFTER_HANDLE = LazyPattern(r"(?:^|\s)@\w+[,:]?[ \t]*$")


# Past forms that are no regular "-ed": "Just sent it", "just got back to us".
_PAST = frozenset({"did", "found", "got", "had", "heard", "made", "put", "saw", "sent", "spoke", "told", "wrote"})


def is_past(word: str) -> bool:
    """ "just sent", "just checked": a past deed, after which "just" means "recently"."""
    return word in _PAST or (len(word) > 3 and word.endswith("ed") and not word.endswith("eed"))
