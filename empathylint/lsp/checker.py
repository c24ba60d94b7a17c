"""Checking an editor's buffer: the same pipeline as `empathylint check FILE`, on the text
the editor holds rather than the file on disk, with the configuration nearest to the file
(config/loading.py's Resolver, as the CLI finds it).

No pygls here: the server hands in what the editor sent and gets a Checked back."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from empathylint.checking import CheckOptions, ReadFailure, check_source
from empathylint.config import Config, ConfigError, Resolver
from empathylint.engine import FileReport
from empathylint.files import InputError, SourceFile
from empathylint.formats import FORMAT_BY_EXTENSION

# The editors' names for the languages checked (VS Code's, Neovim's and Helix's).
FORMAT_BY_LANGUAGE = {"markdown": "markdown", "mdx": "markdown", "plaintext": "plain", "text": "plain", "html": "html"}
# The formats the server checks: a file of another language is left alone.
CHECKED_FORMATS = frozenset(FORMAT_BY_LANGUAGE.values())
# Drafts on disk and new ones; not the old versions an editor shows in a diff (`git:`).
CHECKED_SCHEMES = frozenset({"file", "untitled"})


@dataclass(frozen=True)
class Buffer:
    """One version of an open document, as the editor sent it."""

    uri: str
    language_id: str
    text: str
    version: int | None
    # Where it is saved; None for an untitled buffer.
    path: str | None

    @property
    def name(self) -> str:
        """The name it is checked as: its path, or the last part of an untitled URI."""
        return self.path or PurePosixPath(unquote(urlparse(self.uri).path)).name or "untitled"

    @property
    def format_name(self) -> str | None:
        """The reader for it: by the editor's language, else by the file's extension; None
        for a language that is not prose the server checks, or a document that is no draft."""
        if urlparse(self.uri).scheme not in CHECKED_SCHEMES:
            return None
        by_language = FORMAT_BY_LANGUAGE.get(self.language_id)
        if by_language is not None:
            return by_language
        by_extension = FORMAT_BY_EXTENSION.get(os.path.splitext(self.name)[1].lower())
        return by_extension if by_extension in CHECKED_FORMATS else None


@dataclass(frozen=True)
class Checked:
    """A buffer's findings, or why it was not checked (`error`), or neither when there is
    nothing to check (another language, a blank buffer, excluded by the configuration)."""

    buffer: Buffer
    report: FileReport | None = None
    config: Config | None = None
    error: str | None = None


class Checker:
    """Checks buffers with the configuration nearest to each. The configuration is read
    once and kept until `reload`: when a checklist.toml, a pyproject.toml or a words file
    changes, the next check reads them again."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._resolver: Resolver | None = None

    def reload(self) -> None:
        self._resolver = None

    def config_for(self, buffer: Buffer) -> Config:
        """The configuration in force for the buffer; ConfigError when it is broken."""
        resolver = self._resolver  # one reference: `reload` may run meanwhile
        if resolver is None:
            from empathylint.rules import RULES

            resolver = self._resolver = Resolver(RULES, cwd=self._folder)
        return resolver.for_path(buffer.path)

    def check(self, buffer: Buffer) -> Checked:
        format_name = buffer.format_name
        if format_name is None:
            return Checked(buffer)
        try:
            config = self.config_for(buffer)
        except ConfigError as error:
            return Checked(buffer, error=f"not checked: {error}")
        if not buffer.text.strip() or (buffer.path is not None and config.excludes(buffer.path)):
            return Checked(buffer, config=config)
        source = SourceFile(buffer.name, buffer.text, "utf-8", False, len(buffer.text), 0)
        try:
            report = check_source(source, config, CheckOptions(format_name=format_name))
        except (InputError, ReadFailure) as error:
            return Checked(buffer, config=config, error=error.reason)
        return Checked(buffer, report, config)
