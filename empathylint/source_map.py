"""The way from a reader's text back to its source, one source offset per text character,
held as runs.

A reader's text is the source with markup dropped, blocks blanked and a few characters
inserted or decoded: long stretches of it map to consecutive source offsets. A plain array
of one offset per character cost eight bytes per character of a help article (80 MB for a
10 MB one); here each stretch is one run (where it starts in the text and in the source, and
whether it advances with the text or repeats one offset), so the map costs a few bytes per
piece of markup, and a look-up is a bisection."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator, Sequence
from typing import overload


class SourceMap(Sequence[int]):
    """An immutable sequence of source offsets, one per text character, stored as runs.
    Made by a SourceMapBuilder."""

    __slots__ = ("_advances", "_length", "_source_starts", "_text_starts")

    def __init__(self, text_starts: array[int], source_starts: array[int], advances: bytearray, length: int) -> None:
        self._text_starts = text_starts
        self._source_starts = source_starts
        self._advances = advances
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("source map index out of range")
        run = bisect.bisect_right(self._text_starts, index) - 1
        step = index - self._text_starts[run] if self._advances[run] else 0
        return int(self._source_starts[run] + step)

    def __iter__(self) -> Iterator[int]:
        for run in range(len(self._text_starts)):
            stop = self._text_starts[run + 1] if run + 1 < len(self._text_starts) else self._length
            count = stop - self._text_starts[run]
            source = self._source_starts[run]
            if self._advances[run]:
                yield from range(source, source + count)
            else:
                yield from (source for _ in range(count))

    def __repr__(self) -> str:
        return f"SourceMap({len(self._text_starts)} runs over {self._length} characters)"

    def runs(self, start: int, stop: int) -> Iterator[tuple[int, int, bool]]:
        """The runs of text[start:stop] as (source offset, length, advances)."""
        if start >= stop:
            return
        run = bisect.bisect_right(self._text_starts, start) - 1
        position = start
        while position < stop:
            run_stop = self._text_starts[run + 1] if run + 1 < len(self._text_starts) else self._length
            piece_stop = min(run_stop, stop)
            advances = bool(self._advances[run])
            source = self._source_starts[run] + (position - self._text_starts[run] if advances else 0)
            yield int(source), piece_stop - position, advances
            position = piece_stop
            run += 1


class SourceMapBuilder:
    """Collects a text's source offsets in text order, a stretch at a time, joining a
    stretch onto the run before it where it carries on from it."""

    def __init__(self) -> None:
        self._text_starts: array[int] = array("q")
        self._source_starts: array[int] = array("q")
        self._advances = bytearray()
        self._length = 0
        self._next_source = -1  # the offset that would carry on the last advancing run

    def __len__(self) -> int:
        return self._length

    def advance(self, source_start: int, count: int) -> None:
        """`count` text characters that map to source_start, source_start + 1, …"""
        if count <= 0:
            return
        if source_start != self._next_source:
            self._open(source_start, advances=True)
        self._length += count
        self._next_source = source_start + count

    def repeat(self, source_offset: int, count: int) -> None:
        """`count` text characters that all map to source_offset (an insertion, a decoded entity)."""
        if count <= 0:
            return
        if count == 1:
            self.advance(source_offset, 1)  # one character is a run of either kind
            return
        self._open(source_offset, advances=False)
        self._length += count
        self._next_source = -1

    def extend(self, source_map: SourceMap, start: int, stop: int) -> None:
        """What source_map holds for text[start:stop], appended."""
        for source, count, advances in source_map.runs(start, stop):
            if advances:
                self.advance(source, count)
            else:
                self.repeat(source, count)

    def _open(self, source_start: int, *, advances: bool) -> None:
        self._text_starts.append(self._length)
        self._source_starts.append(source_start)
        self._advances.append(advances)

    def build(self) -> SourceMap:
        return SourceMap(self._text_starts, self._source_starts, self._advances, self._length)
