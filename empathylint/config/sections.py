"""The top-level tables of checklist.toml as typed settings, with their defaults in code
(the rules' own settings live in each rule module). checklist.toml is the documented copy
of all of them; a test holds the two equal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from empathylint.document import Channel, PlaceholderVocabulary, Profile, TeamMoodWords
from empathylint.language.acronyms import AcronymUse

SeverityName = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Options:
    """The keys at the top of checklist.toml."""

    # Findings at or above this severity make `empathylint check` exit 1.
    fail_on: SeverityName = "warning"
    # The profile of files that no [profiles.*] include matches.
    profile: Profile = "reply"
    # The channel of replies that no [channels.*] include matches.
    channel: Channel = "email"
    # Rule groups or ids to run (empty: all) and to skip.
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileGlobs:
    """[files]: which files a folder walk checks."""

    include: tuple[str, ...] = ("*.md", "*.mdx", "*.markdown", "*.txt", "*.html", "*.htm", "*.eml")
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProfileGlobs:
    """[profiles.<profile>]: the files read as that profile."""

    include: tuple[str, ...] = ()


DEFAULT_PROFILE_GLOBS: dict[Profile, ProfileGlobs] = {
    "reply": ProfileGlobs(),
    "template": ProfileGlobs(("canned/", "macros/", "saved-replies/", "templates/")),
    "doc": ProfileGlobs(("articles/", "docs/", "help-center/", "kb/")),
}


@dataclass(frozen=True)
class ChannelGlobs:
    """[channels.<channel>]: the files whose replies are sent on that channel."""

    include: tuple[str, ...] = ()


DEFAULT_CHANNEL_GLOBS: dict[Channel, ChannelGlobs] = {
    "email": ChannelGlobs(),
    "chat": ChannelGlobs(("chat/", "live-chat/")),
    "social": ChannelGlobs(("social/", "twitter/")),
    "notice": ChannelGlobs(("notices/", "system-messages/")),
}

# Tables whose keys are the fields of a settings class, merged key by key over its defaults.
SECTIONS: dict[str, type] = {
    "files": FileGlobs,
    "placeholders": PlaceholderVocabulary,
    "mood": TeamMoodWords,
}

# Tables whose keys the user chooses, and the type of each value.
FREE_TABLES: dict[str, object] = {
    "severity": SeverityName,
    "per-file-ignores": tuple[str, ...],
    "acronyms": AcronymUse,
}

# The settings of [rules.*] that name a file their rule reads when its settings are built
# (the settings class's `load_files`), relative to the checklist's folder: a configuration
# that sets one builds its rules' settings when it loads (so that a file that cannot be read
# is told at once), and the result cache's key holds the file's bytes. A test holds this
# list equal to the rules' settings.
NAMED_FILES: tuple[tuple[str, str], ...] = (("proofread", "words-file"),)
