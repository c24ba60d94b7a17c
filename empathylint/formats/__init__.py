"""Format readers: each turns a file's text into a Document whose text holds only prose.

The reader is chosen by the file's extension; --format-in overrides it."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from empathylint.document import NO_TEAM_MOOD_WORDS, Channel, Document, PlaceholderVocabulary, Profile, TeamMoodWords
from empathylint.language.acronyms import Acronyms, shipped_acronyms

FORMAT_BY_EXTENSION = {
    ".txt": "plain",
    ".text": "plain",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".eml": "email",
}
FORMATS = ("plain", "markdown", "html", "email")


@dataclass(frozen=True)
class ReadOptions:
    """What the reader needs besides the text: the profile and what is known of the people.

    `profile_forced` is set when --profile was given: then a Markdown file's front matter
    may not change the profile. Names and the customer's message given here (from the
    command line or a sibling file) win over what the file itself says."""

    profile: Profile
    vocabulary: PlaceholderVocabulary
    channel: Channel = "email"
    customer_name: str | None = None
    agent_name: str | None = None
    customer_message: str | None = None
    mood_words: TeamMoodWords = NO_TEAM_MOOD_WORDS
    profile_forced: bool = False
    # The acronyms in force ([acronyms] in checklist.toml).
    acronyms: Acronyms = field(default_factory=shipped_acronyms)


def format_for(path: str, override: str | None = None) -> str:
    if override:
        return override
    return FORMAT_BY_EXTENSION.get(PurePath(path).suffix.lower(), "plain")


def read_document(source: str, path: str, options: ReadOptions, format_name: str | None = None) -> Document:
    """Read with the format's module, imported only when a file of that format comes up
    (markdown-it is not loaded to check a plain-text reply)."""
    name = format_for(path, format_name)
    reader = importlib.import_module(f"empathylint.formats.{name}")
    document: Document = reader.read(source, path, options)
    return document if name == "plain" else replace(document, source_format=name)
