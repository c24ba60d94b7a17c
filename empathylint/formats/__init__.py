"""Format readers: each turns a file's text into a Document whose text holds only prose.

The reader is chosen by the file's extension; --format-in overrides it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from empathylint.document import Document, PlaceholderVocabulary, Profile

FORMAT_BY_EXTENSION = {
    ".txt": "plain",
    ".text": "plain",
}
FORMATS = ("plain",)


@dataclass(frozen=True)
class ReadOptions:
    """What the reader needs besides the text: the profile and what is known of the people."""

    profile: Profile
    vocabulary: PlaceholderVocabulary
    customer_name: str | None = None
    agent_name: str | None = None
    customer_message: str | None = None


def format_for(path: str, override: str | None = None) -> str:
    if override:
        return override
    return FORMAT_BY_EXTENSION.get(PurePath(path).suffix.lower(), "plain")


def read_document(source: str, path: str, options: ReadOptions, format_name: str | None = None) -> Document:
    from empathylint.formats import plain

    readers = {"plain": plain.read}
    return readers[format_for(path, format_name)](source, path, options)
