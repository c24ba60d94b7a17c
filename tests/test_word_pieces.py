"""findall_by_piece gives the words of the whole text, whatever the pieces' size, for
every word pattern that reads a text with it."""

import re

import pytest

from empathylint import document
from empathylint.language import grade, jargon_terms
from empathylint.rules import readability
from empathylint.word_pieces import findall_by_piece

# Words against spaces, apostrophes of both kinds, hyphens, digits, a line break, a run of
# spaces and a word longer than a piece.
TEXT = (
    "  We've re-sent the e-mail   to o’brien@example.com; it's 2nd-hand,\n"
    "don't   worry: an extraordinarily-long-hyphenated-word and x-ray  y'all 42 café ’tis   "
)

PATTERNS = [
    document._WORD,
    jargon_terms._TOKEN,
    readability._LETTER_WORD,
]


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern)
@pytest.mark.parametrize("piece", [1, 3, 8, 64])
def test_pieces_hold_the_words_of_the_whole(pattern: re.Pattern[str], piece: int) -> None:
    for start, end in [(0, len(TEXT)), (5, len(TEXT) - 7), (17, 60)]:
        pieces = list(findall_by_piece(pattern, TEXT, start, end, piece=piece))
        assert [word for found in pieces for word in found] == pattern.findall(TEXT, start, end)


def test_a_long_text_comes_in_several_pieces() -> None:
    assert len(list(findall_by_piece(document._WORD, TEXT, piece=8))) > 5


def test_distinct_words_are_the_set_of_the_words() -> None:
    span = document.Span(0, len(TEXT))
    assert document.distinct_words(TEXT, span) == {m.group() for m in document.word_matches(TEXT, span)}


def test_a_long_texts_syllables_are_those_of_its_words_read_whole() -> None:
    # Several pieces long; apostrophes, capitals and punctuation fall at every edge.
    words = ["Customers' ORDERS", "It's 'quoted'", "a--b", "DON'T", "end.", "Re-sent", "''", "x'", "Σοφία"]
    text = " ".join(words[index % len(words)] for index in range(3000))
    reader = grade._textstat()
    whole = reader.remove_punctuation(text).lower().split()
    assert grade.syllable_count(text) == sum(grade.syllable_count(word) for word in whole)
