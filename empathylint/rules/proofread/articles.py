"""\"a\" or \"an\": the article goes by the sound of the next word, not its letter."""

from __future__ import annotations

import re
from collections.abc import Iterator

from empathylint.diagnostics import Diagnostic, Edit, Fix
from empathylint.document import Document, Span
from empathylint.language import spelling
from empathylint.rules.proofread.codes import finding
from empathylint.rules.proofread.settings import Settings

_ARTICLE = re.compile(r"(?<![\w'’\-\ufffc])(a|an|An|A)[ \t]+([^\W\d_][\w'’-]*)")
# Initialisms said letter by letter start with a vowel sound when their first letter's name does.
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
# Initialisms said as words ("a FAQ" and "an FAQ" are both in use): left alone.
_SAID_AS_WORDS = frozenset(
    {"AMP", "ASAP", "FAQ", "GIF", "JPEG", "JPG", "NASA", "PIN", "REST", "SAAS", "SIM", "SKU", "SOC", "UNESCO", "WIFI"}
)
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
    "url",
    "uro",
    "eu",
    "ewe",
    "one",
    "once",
)
_EITHER_SOUND_PREFIXES = ("histor", "hotel", "herb", "humble")
# No article stands before these: "if a and b are arrays" names a letter.
_NOT_AFTER_AN_ARTICLE = frozenset({"and", "are", "equals", "is", "nor", "or", "was", "were"})
# Letters whose name and sound differ in kind ("ar" / "r", "you" / "u"): a word in no dictionary
# that starts with one may be said either way.
_EITHER_WAY_LETTERS = frozenset("fhlmnrsux")


def articles(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    sentence_starts = set(doc.body_sentences.starts)
    for match in _ARTICLE.finditer(doc.text, doc.body.start, doc.body.end):
        article, word = match.group(1), match.group(2)
        if article == "A" and match.start() not in sentence_starts:
            continue  # "Plan A", "grade A"
        if word in _NOT_AFTER_AN_ARTICLE:
            continue  # "a and b": the letter a, not an article
        vowel_sound = _starts_with_vowel_sound(word)
        # "a SOCKS proxy", "a MAC address": an everyday word in capitals may be said as the
        # word or letter by letter; when the two sounds differ, either article is right.
        if (
            vowel_sound is not None
            and _may_be_said_as_a_word(word, settings)
            and vowel_sound != _starts_with_vowel_sound(word.lower())
        ):
            continue
        if vowel_sound is None or vowel_sound == (article.lower() == "an"):
            continue
        right = ("an" if vowel_sound else "a") if article.islower() else ("An" if vowel_sound else "A")
        span = Span(match.start(1), match.end(1))
        yield finding(
            "article",
            span,
            f'"{word}" starts with a {"vowel" if vowel_sound else "consonant"} sound: write "{right} {word}".',
            suggestion=f"{right} {word}",
            fix=Fix((Edit(span.start, span.end, right),), safe=False),
        )


# Two determiners in a row, one of them left from an edit: "access the a vault", "how to your a key",
# "you don't have the enough funds". (Lower case only: "the A record" names the letter.)
_TWO_DETERMINERS = re.compile(
    r"(?<![\w'’\-\ufffc])(?:the|your|our|their|my)[ \t]+(?:a|an|the|enough)(?=[ \t]+[^\W\d_])"
)


def doubled_determiners(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    for match in _TWO_DETERMINERS.finditer(doc.text, doc.body.start, doc.body.end):
        if match.group().lower().split() == ["the", "the"]:
            continue  # a word typed twice is repeated-word's
        yield finding(
            "article",
            Span(match.start(), match.end()),
            f'"{match.group()}": two determiners in a row; keep the one you meant.',
        )


def _may_be_said_as_a_word(word: str, settings: Settings) -> bool:
    word = word.split("-", 1)[0]  # "a SOCKS-based proxy" is said as "a SOCKS proxy" is
    return (
        len(word) >= 3
        and word.isupper()
        and word not in _SAID_AS_WORDS
        and spelling.is_common_word(word, settings.shouting_min_frequency)
    )


def _starts_with_vowel_sound(word: str) -> bool | None:
    """True for a vowel sound, False for a consonant sound, None when unsure."""
    letters = word.replace("’", "'")
    head = letters.split("-", 1)[0]
    if len(head) > 1 and head.isupper():
        letters = head  # "NFC-enabled" is said as its initialism is
    if len(letters) > 1 and letters.isupper():
        if letters.rstrip("0123456789") in _SAID_AS_WORDS:
            return None  # "SOC2" is said as "SOC" is
        if len(letters) >= 3 and letters[0] not in "AEIOU" and letters[1] in "AEIOUY":
            return None  # a consonant then a vowel may be said as a word: "a FIPS build", "a REPL", "a MIME type"
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
    if lower[0] in _EITHER_WAY_LETTERS and not spelling.is_dictionary_word(head):
        return None  # a term in no dictionary may be said letter by letter: "an rpath", "a url", "an mDNS"
    return lower[0] in "aeiou"
