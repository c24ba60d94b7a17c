"""Spelling: words that are misspelt, found and corrected only in prose."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence

from empathylint.diagnostics import Diagnostic
from empathylint.document import Document, Span, count_words, distinct_words, word_matches
from empathylint.language import spelling
from empathylint.rules.proofread.codes import finding, replacing
from empathylint.rules.proofread.settings import Settings
from empathylint.rules.proofread.spans import touches_object

# A sentence where at least this share of the words (and three or more) are unknown is in
# another language ("Klicke auf …"), not full of typos: its words are left alone.
_FOREIGN_SHARE = 0.4
_FOREIGN_MIN_WORDS = 3
# The same, over the words near a word (a table's cells are each a sentence of one word):
# this many words either side, and at least this many of them foreign.
_FOREIGN_WINDOW = 8
_FOREIGN_MIN_RUN = 4
_FOREIGN_RUN_SHARE = 1 / 3
# How far either side of a word the text is read for those words.
_FOREIGN_REACH = 400
# A capitalised word in mid sentence this long or longer is spelt too: a name this long is
# rarely one letter from a common word.
_LONG_CAPITALISED = 8


def misspellings(
    doc: Document, settings: Settings, leftovers: list[Span], selected: frozenset[str]
) -> Iterator[Diagnostic]:
    """Known misspellings (`spelling`) and, when selected, words in no dictionary (`unknown-word`)."""
    known = spelling.vocabulary(settings.words)
    # Nearly every word is spelt right, and a word that is known is never reported wherever
    # it stands: one cached look-up settles it before the tests of where it stands.
    # A draft repeats its words: each distinct one is asked about once. The words are read
    # twice rather than kept, so a long article never holds a record of each of its words.
    distinct = distinct_words(doc.text, doc.body)
    suspect = {word for word in distinct if spelling.is_suspect(word, known)}
    if not suspect:
        return
    unknown = [Span(word.start(), word.end()) for word in word_matches(doc.text, doc.body) if word.group() in suspect]
    if not unknown:
        return
    sentence_starts = set(doc.body_sentences.starts)
    # "Lorem ipsum dolor sit amet." is reported once as a leftover, not word by word.
    skipped = _sentences_holding(doc.body_sentences, [left.start for left in leftovers])
    skipped += _foreign_sentences(doc, unknown)
    skipped.sort(key=lambda sentence: sentence.start)
    to_check = [
        span for span in unknown if worth_spelling(doc, span, sentence_starts) and not _within_any(span, skipped)
    ]
    to_check = _outside_foreign_runs(doc, suspect, to_check)
    if not to_check:
        return
    spelt = Counter(doc.slice(span).lower() for span in unknown)
    # Only a capitalised word (opening a sentence: others were left out) needs this.
    capitalised = any(doc.text[span.start].isupper() for span in to_check)
    mid_sentence = _words_mid_sentence(doc, sentence_starts) if capitalised else set()
    for span in to_check:
        word = doc.slice(span)
        opening = span.start in sentence_starts
        if opening and word in mid_sentence and word[0].isupper():
            continue  # a name that also opens a sentence ("Stripe handles it. We use Stripe.")
        for part_span, part in _parts(word, span, known):
            corrections = spelling.known_misspelling(part)
            if corrections:
                if "spelling" in selected:
                    yield _misspelling(part_span, part, corrections)
            elif "unknown-word" in selected and len(part) > 2 and not spelling.is_known(part, known):
                # Two unknown letters are a code ("nl", "sv"), not a typo.
                if _deliberate(doc, part, spelt) or _written_as_code(doc.text, part_span):
                    continue
                suggestion = spelling.correction(part)
                if suggestion is None and (not settings.unknown_without_correction or part[0].isupper()):
                    # A word in no dictionary with no near neighbour is mostly a name or a
                    # term (a program, a library): said only when the team asks for it, and
                    # never of a capitalised one.
                    continue
                if suggestion is not None and part[0].isupper() and spelling.is_one_letter_changed(part, suggestion):
                    # A capitalised word one changed letter from a common one is a name ("Certifi",
                    # "Pydantic"); a letter dropped, doubled or swapped is a slip ("Athentication").
                    continue
                yield _unknown_word(part_span, part, suggestion)


_SIGILS = frozenset("#&$%~\\")
# A path's next part or a file's extension right after: "nodejs/node", "cdiff.pl".
_PATH_OR_FILE_AFTER = re.compile(r"/[a-z]|\.[a-z]{1,4}\b")


def _written_as_code(text: str, span: Span) -> bool:
    """Whether an unknown word is a name in code or in a path: after a sigil ("#undef",
    "&subname") or before a path's next part or a file's extension ("nodejs/node", "cdiff.pl").
    A known misspelling is reported there all the same ("adress/city")."""
    return (span.start > 0 and text[span.start - 1] in _SIGILS) or bool(_PATH_OR_FILE_AFTER.match(text, span.end))


# A typo is rarely typed the same way this many times in one draft: the writer's own term.
_DELIBERATE_REPEATS = 3
# A library's name: "libjpeg", "libffi" (the dictionary knows "library", "libel" and the like).
_LIBRARY = re.compile(r"lib[a-z]{2,}[0-9]*", re.I)


def _deliberate(doc: Document, word: str, spelt: Counter[str]) -> bool:
    """Whether an unknown word is the writer's own term rather than a slip: spelt the same way
    three times or more (in any case), a library's name, or written elsewhere in the draft as code, a path,
    a domain or an address ("`dbus-daemon`", "/usr/share/dbus", "mitmproxy.org")."""
    if spelt[word.lower()] >= _DELIBERATE_REPEATS or _LIBRARY.fullmatch(word):
        return True
    return _in_an_address(doc.source, word) or word.lower() in _words_in_code(doc.source)


_CODE_SPAN = re.compile(r"`+([^`\n]+)`+")


@functools.lru_cache(maxsize=4)
def _words_in_code(source: str) -> frozenset[str]:
    """The words inside the draft's inline code, lower case."""
    return frozenset(word.lower() for code in _CODE_SPAN.findall(source) for word in re.findall(r"[A-Za-z]+", code))


# "USer", "THe": the shift key held one letter too long. Two capitals, then small letters but
# not a plural "s" alone ("IDs", "PCs"); three or more capitals are an acronym's ("SQLite").
# A possessive ("USer's") or a hyphenated word's first part ("USer-facing") is a slip too.
_SHIFT_SLIP = re.compile(r"(?<![\w'’-])[A-Z]{2}(?!s(?![\w'’-]))[a-z]+(?=['’]s(?![\w'’-])|-[A-Za-z]|(?![\w'’-]))")


def shift_slips(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    """A common word typed with its first two letters in capitals; not a word the team lists,
    and not one glued to code or a link."""
    team = {word.lower() for word in settings.words}
    # The sign-off too: a last line such as "- The [Acme USer Forum](…)" can read as a signature,
    # and "USer" is no name.
    end = max(doc.body.end, doc.sign_off.end if doc.sign_off else 0)
    for match in _SHIFT_SLIP.finditer(doc.text, doc.body.start, end):
        word = match.group()
        lower = word.lower()
        if lower in team or not spelling.is_common_word(lower, settings.shouting_min_frequency):
            continue
        span = Span(match.start(), match.end())
        if touches_object(doc, span):
            continue
        meant = word[0] + word[1:].lower()
        yield replacing(
            "spelling",
            span,
            f'"{word}" has its second letter in capitals too; write "{meant}".',
            meant,
            safe=True,
        )


def _in_an_address(source: str, word: str) -> bool:
    """Whether `word` stands as a whole part of a domain or a path in the source: ".../word/",
    "word.org"."""
    return re.search(rf"(?<=[/.@]){re.escape(word)}(?=[/.#?)\]\s-]|$)", source, re.I) is not None


def _foreign_sentences(doc: Document, unknown: list[Span]) -> list[Span]:
    """The sentences of the body written in another language: many of their words unknown."""
    # Each unknown word is counted in the one sentence that can hold it (the last starting at
    # or before it), found by bisection: counting every word against every sentence made a
    # long article cost the square of its length.
    sentences = doc.body_sentences
    starts = sentences.starts
    unknown_in: dict[int, int] = {}
    for span in unknown:
        index = bisect.bisect_right(starts, span.start) - 1
        if index >= 0 and sentences[index].contains(span) and not spelling.known_misspelling(doc.slice(span)):
            unknown_in[index] = unknown_in.get(index, 0) + 1
    found = []
    for index in sorted(unknown_in):
        sentence, unknown_here = sentences[index], unknown_in[index]
        if unknown_here >= _FOREIGN_MIN_WORDS and unknown_here >= _FOREIGN_SHARE * count_words(doc.slice(sentence)):
            found.append(sentence)
    return found


def _outside_foreign_runs(doc: Document, suspect: set[str], spans: list[Span]) -> list[Span]:
    """The spans that do not stand among words of another language: a table or a list of
    languages ("dansk", "suomi", "español") has a sentence a cell, too short for the
    sentence test. Around each span, the words of three letters or more within
    `_FOREIGN_WINDOW` words either side are counted (read from a bounded stretch of text around
    it); a word with letters beyond ASCII, or one in no dictionary (not a common misspelling nor
    a hyphenated compound), is foreign."""
    kept = []
    for span in spans:
        around = Span(max(doc.body.start, span.start - _FOREIGN_REACH), min(doc.body.end, span.end + _FOREIGN_REACH))
        words = [(word.group(), word.start()) for word in word_matches(doc.text, around)]
        index = bisect.bisect_left(words, span.start, key=lambda word: word[1])
        near = [word for word, _ in words[max(0, index - _FOREIGN_WINDOW) : index + _FOREIGN_WINDOW + 1]]
        counted = sum(len(word) > 2 for word in near)
        beyond_ascii = sum(len(word) > 2 and not word.isascii() for word in near)
        unknown = sum(
            len(word) > 2 and "-" not in word and word in suspect and not spelling.known_misspelling(word)
            for word in near
        )
        strange = beyond_ascii + unknown
        # English words are typed in ASCII: without a word beyond it, the run is names and typos.
        if beyond_ascii and strange >= _FOREIGN_MIN_RUN and strange >= _FOREIGN_RUN_SHARE * counted:
            continue
        kept.append(span)
    return kept


def _words_mid_sentence(doc: Document, sentence_starts: set[int]) -> set[str]:
    """Every word of the body that does not open a sentence, as written."""
    return {word.group() for word in word_matches(doc.text, doc.body) if word.start() not in sentence_starts}


def _sentences_holding(sentences: Sequence[Span], offsets: list[int]) -> list[Span]:
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


def worth_spelling(doc: Document, span: Span, sentence_starts: set[int]) -> bool:
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
    if touches_object(doc, span):
        return False
    if span.start > 0 and doc.text[span.start - 1] == ".":
        return False  # a file extension or a domain's part: "(.xlsx)", "ends in .edu", "example.de"
    if doc.text[span.end : span.end + 1] == "(" and doc.text[span.end + 1 : span.end + 2].isdigit():
        return False  # a manual page: "readlink(2)", "col(1)"
    if span.start > 0 and doc.text[span.start - 1].isdigit():
        return False  # the letters of a code or a format's name that starts with digits: "(1pif)", "7z"
    # A capitalised word in mid sentence is a name ("Stripe") or a title's word: only a long one
    # is looked at, and reported only with a clear correction ("Two-Factor Athentication").
    return not word[0].isupper() or span.start in sentence_starts or len(word) >= _LONG_CAPITALISED


def _parts(word: str, span: Span, known: frozenset[str]) -> list[tuple[Span, str]]:
    """The parts to check: the word, or a hyphenated word's parts ("step-by-step", "re-sent")
    when the whole is not known itself; a bound prefix before a hyphen ("pre-" of
    "pre-purchase") is no word to check."""
    if "-" not in word or spelling.is_known(word, known):
        return [(span, word)]
    found = []
    offset = 0
    pieces = word.split("-")
    for index, part in enumerate(pieces):
        bound = index < len(pieces) - 1 and part.lower() in spelling.bound_prefixes()
        if len(part) > 1 and not bound:
            found.append((Span(span.start + offset, span.start + offset + len(part)), part))
        offset += len(part) + 1
    return found


def _misspelling(span: Span, word: str, corrections: tuple[str, ...]) -> Diagnostic:
    if len(corrections) == 1:
        return replacing(
            "spelling",
            span,
            f'"{word}" is a common misspelling of "{corrections[0]}".',
            corrections[0],
            safe=True,
        )
    choices = " or ".join(f'"{correction}"' for correction in corrections)
    return finding("spelling", span, f'"{word}" is a common misspelling of {choices}.', suggestion=corrections[0])


def _unknown_word(span: Span, word: str, suggestion: str | None) -> Diagnostic:
    if suggestion is None:
        return finding(
            "unknown-word",
            span,
            f'"{word}" is in no dictionary; check it, or add it to `words` in [rules.proofread] if it is right.',
        )
    message = f'"{word}" is in no dictionary; did you mean "{suggestion}"? (If it is right, add it to `words`.)'
    return replacing("unknown-word", span, message, suggestion, safe=False)
