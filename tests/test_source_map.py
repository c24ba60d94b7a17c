"""The source map (one source offset per text character, held as runs) reads exactly as the
plain list of offsets it stands for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from empathylint.document import PlaceholderVocabulary, normalize_newlines
from empathylint.formats import ReadOptions, read_document
from empathylint.source_map import SourceMap, SourceMapBuilder

# A stretch: advancing (True) or repeated (False), its first source offset, its length.
STRETCHES = st.lists(st.tuples(st.booleans(), st.integers(0, 50), st.integers(0, 6)), max_size=30)


def _built(stretches: list[tuple[bool, int, int]]) -> tuple[SourceMap, list[int]]:
    builder = SourceMapBuilder()
    plain: list[int] = []
    for advances, source, count in stretches:
        if advances:
            builder.advance(source, count)
            plain += range(source, source + count)
        else:
            builder.repeat(source, count)
            plain += [source] * count
    assert len(builder) == len(plain)
    return builder.build(), plain


@given(STRETCHES)
def test_the_map_reads_as_the_plain_offsets(stretches: list[tuple[bool, int, int]]) -> None:
    source_map, plain = _built(stretches)
    assert len(source_map) == len(plain)
    assert list(source_map) == plain
    assert [source_map[index] for index in range(len(plain))] == plain
    assert [source_map[-index] for index in range(1, len(plain) + 1)] == [
        plain[-index] for index in range(1, len(plain) + 1)
    ]
    assert source_map[1:-1:2] == plain[1:-1:2]


@given(STRETCHES, st.integers(0, 80), st.integers(0, 80))
def test_a_part_of_the_map_copies_into_another(stretches: list[tuple[bool, int, int]], start: int, stop: int) -> None:
    source_map, plain = _built(stretches)
    start, stop = min(start, len(plain)), min(stop, len(plain))
    builder = SourceMapBuilder()
    builder.extend(source_map, start, stop)
    assert list(builder.build()) == plain[start:stop]


def test_an_index_past_either_end_is_an_index_error() -> None:
    source_map, _ = _built([(True, 3, 4)])
    for index in (4, -5):
        try:
            source_map[index]
        except IndexError:
            continue
        raise AssertionError(f"{index} read {source_map[index]}")


def test_stretches_that_carry_on_are_one_run() -> None:
    builder = SourceMapBuilder()
    for start in range(0, 1000, 10):
        builder.advance(start, 10)
    assert repr(builder.build()) == "SourceMap(1 runs over 1000 characters)"


def test_a_markdown_article_maps_every_character_back_to_its_source() -> None:
    source = (
        "# Título\r\n\r\nSee **the `report`** &amp; [the guide](https://example.com/guide).\r\n\r\n"
        "| a | b |\r\n|---|---|\r\n| one | two |\r\n"
    )
    document = read_document(source, "guide.md", ReadOptions(profile="doc", vocabulary=PlaceholderVocabulary()))
    assert isinstance(document.offsets, SourceMap)
    for position, character in enumerate(document.text):
        if character.isalpha():
            assert source[document.offsets[position]] == character


@given(st.text(alphabet="ab\r\n", max_size=40))
def test_newlines_normalized_over_a_map_read_as_over_the_plain_offsets(text: str) -> None:
    source_map, plain = _built([(True, 7, len(text))])
    _, over_map = normalize_newlines(text, source_map)
    _, over_plain = normalize_newlines(text, plain)
    assert list(over_map) == list(over_plain)
