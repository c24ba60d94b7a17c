"""Spans of a text, one at a time and many in order.

A help article of 10 MB has a few hundred thousand sentences: as a list of Span objects
they took about 110 bytes each (the object, its two integers, the list's slot), twice over
for the body's sentences, several times the article's own text. A SpanList keeps spans in
order as two arrays of offsets, four bytes each, and hands out a Span when one is read."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


class SpanList(Sequence[Span]):
    """An immutable sequence of spans, stored as their starts and their ends (`starts` is
    in order when the spans are, ready for bisection)."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.starts: array[int] = array("I")
        self.ends: array[int] = array("I")
        for span in spans:
            self.starts.append(span.start)
            self.ends.append(span.end)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Span: ...

    @overload
    def __getitem__(self, index: slice) -> list[Span]: ...

    def __getitem__(self, index: int | slice) -> Span | list[Span]:
        if isinstance(index, slice):
            return list(map(Span, self.starts[index], self.ends[index]))
        return Span(self.starts[index], self.ends[index])

    def __iter__(self) -> Iterator[Span]:
        return map(Span, self.starts, self.ends)

    def __repr__(self) -> str:
        return f"SpanList({list(self)!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpanList):
            return self.starts == other.starts and self.ends == other.ends
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a list of the same spans
