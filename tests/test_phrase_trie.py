"""The phrase trie against the regex it replaces, on the cases that are easy to get wrong:
case folding beyond ASCII, either apostrophe, runs of spaces and line breaks, `…` gaps
(a phrase may end in one), overlapping phrases, and a search window (`pos`, `endpos`)
that cuts words."""

from __future__ import annotations

import re

import pytest

from empathylint.language import phrase_trie
from empathylint.language.phrase_trie import fold, index_places
from empathylint.language.phrases import WORD_CHARACTERS, compile_phrases
from tests.conftest import lint_text
from tests.test_phrases import _phrase_pattern


def _regex(phrases: tuple[str, ...], word_characters: str = WORD_CHARACTERS) -> re.Pattern[str]:
    """The specification: each phrase a branch, longest first, within word boundaries."""
    body = "|".join(_phrase_pattern(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))
    return re.compile(rf"(?<![{word_characters}])(?:{body})(?![{word_characters}])", re.IGNORECASE)


def _spans(found: object) -> list[tuple[int, int]]:
    return [m.span() for m in found]  # type: ignore[attr-defined]


CASES = [
    (("kindly", "sorry", "is it", "µs"), "KINDLY \u212aindly ſorry SORRY İs it ıs ıt \u0130S IT \u039cs \u03bcS µs"),
    (("don't", "we can't", "'cause", "it's"), "Don’t; we CAN’T, ’cause it’s; don't'; we can't’ve it'’s"),
    (("thank you so much", "thank you"), "Thank\nyou  so\t\tmuch! thank \r\n you much thankyou"),
    (("in … instance", "in this instance"), "in this instance in a b c d e f instance in a b c d e f g instance"),
    (("we … you", "we"), "we told you, we told, you we-all you we  you we’d you"),
    (
        ("we still need …", "here's what happened: …"),
        "we still need more we still need  more. Here’s what happened:  x",
    ),
    (("we still need …",), "we still need\n\nthis and we still need it"),
    (("we can", "can help", "we can help you", "help"), "we can help you we can help can help us helping help"),
    (("#1 fan", "-ish", "e.g.", "_hidden", "a"), "#1 fan, lot-ish, -ish e.g. E.G.x _hidden a_hidden a"),
    (("… you", "we"), "we  told you,\n  you ,  you we you"),
    (("the app", "app"), "the the app apps the  app-store app’s ÁPP"),
]


@pytest.mark.parametrize(("phrases", "text"), CASES)
def test_the_trie_finds_what_the_regex_finds(phrases: tuple[str, ...], text: str) -> None:
    trie, regex = compile_phrases(phrases), _regex(phrases)
    assert trie is not None
    assert _spans(trie.finditer(text)) == _spans(regex.finditer(text))
    for pos in range(len(text) + 1):
        for endpos in (pos, pos + 3, pos + 11, len(text)):
            window = (text, pos, endpos)
            assert _spans(trie.finditer(*window)) == _spans(regex.finditer(*window)), window
            for method in ("search", "match", "fullmatch"):
                mine, theirs = getattr(trie, method)(*window), getattr(regex, method)(*window)
                assert (mine and mine.span()) == (theirs and theirs.span()), (method, window)


def test_a_window_ending_inside_a_word_ends_the_word_there() -> None:
    trie = compile_phrases(("we",))
    assert trie is not None
    assert _spans(trie.finditer("weekend", 0, 2)) == [(0, 2)]
    assert trie.search("a weekend", 2) is None


def test_the_word_characters_of_a_list_hold_on_both_sides() -> None:
    phrases = ("then", "its", "a lot")
    trie = compile_phrases(phrases, word_characters=WORD_CHARACTERS + "-")
    assert trie is not None
    text = "then-current -then then, ITS a lot-ish a\n lot"
    assert _spans(trie.finditer(text)) == _spans(_regex(phrases, WORD_CHARACTERS + "-").finditer(text))
    assert [m.group() for m in trie.finditer(text)] == ["then", "ITS", "a\n lot"]


def test_a_match_is_a_regex_match_of_the_phrase() -> None:
    trie = compile_phrases(("thank you",))
    assert trie is not None
    found = trie.search("Oh, Thank  you!")
    assert isinstance(found, re.Match)
    assert (found.start(), found.end(), found.group(), found.string) == (4, 14, "Thank  you", "Oh, Thank  you!")


def test_an_empty_list_has_no_matcher() -> None:
    assert compile_phrases(()) is None


def test_a_long_text_is_indexed_a_piece_at_a_time_with_the_places_of_one_pass() -> None:
    text = fold("We can't\n  help—\n\nyou\n-ish  \n\tnow\n.\nAll’s  well\nwe’re done \n\n")
    whole = index_places(text, WORD_CHARACTERS, len(text))
    for piece in range(len(text)):
        assert index_places(text, WORD_CHARACTERS, piece) == whole, piece


def test_a_text_longer_than_a_sorting_piece_is_searched_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    phrases = ("we can", "help", "can help you")
    trie = compile_phrases(phrases)
    assert trie is not None
    for piece in (7, 64, 100):
        monkeypatch.setattr(phrase_trie, "_SORTED_PIECE", piece)
        # A text of its own for each piece size: a list keeps its places for the last text.
        text = f"We can help you {piece} times.\n" + "help us, we  can! You can help you\n" * 40
        assert _spans(trie.finditer(text)) == _spans(_regex(phrases).finditer(text)), piece


def test_a_text_forgotten_is_searched_again_alike_and_nothing_of_it_is_kept() -> None:
    phrases, text = CASES[8]
    matcher = compile_phrases(phrases)
    assert matcher is not None
    before = _spans(matcher.finditer(text))
    assert phrase_trie._folded.cache_info().currsize > 0
    phrase_trie.forget_texts()
    assert phrase_trie._folded.cache_info().currsize == 0
    assert phrase_trie._places.cache_info().currsize == 0
    assert not phrase_trie._REMEMBERING
    assert _spans(matcher.finditer(text)) == before


def test_a_checked_document_leaves_no_view_of_its_text_behind() -> None:
    lint_text("Unfortunately, we can't refund it. Simply click Save and it's done.", path="help/a.md")
    assert phrase_trie._folded.cache_info().currsize == 0
    assert not phrase_trie._REMEMBERING
