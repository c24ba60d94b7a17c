"""The proofread rule's settings, with their defaults: `[rules.proofread]` in the shipped
checklist.toml is the documented copy of these values."""

from __future__ import annotations

import stat
from dataclasses import dataclass, replace
from pathlib import Path

from empathylint.config import ConfigError

# A words-file larger than this is not a word list (`/dev/zero`, a log file named by mistake).
WORDS_FILE_MAX_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    # Product names and team words the spelling check accepts (any case; plurals too).
    words: tuple[str, ...] = ()
    # A file of more words, one a line, relative to the checklist.toml's folder.
    words_file: str = ""
    # Report a word in no dictionary even when no correction is clear (mostly names and terms).
    unknown_without_correction: bool = False
    # ALL-CAPS words that are abbreviations, not shouting, although they spell a word.
    acronyms: tuple[str, ...] = (
        "AKA", "AMP", "ARM", "ASAP", "CAN", "CAT", "DOC", "ENTER", "ETA", "GET", "ID", "IT", "MAC", "MIT", "OK", "PEP",
        "PIN", "POS", "POST", "PUT", "RAM", "REST", "SIM", "SOCKS", "SPA", "SWIFT", "TV", "US", "WHO", "ZIP",
    )  # fmt: skip
    # Words that are fine typed twice ("had had", "that that").
    allowed_repeats: tuple[str, ...] = ("bye", "ha", "had", "is", "knock", "that")
    # Leftover drafting marks: ALL-CAPS ones match only in capitals.
    leftover_markers: tuple[str, ...] = ("FIXME", "lorem ipsum", "TBC", "TBD", "TODO", "XXX")
    # How common (share of English words) an ALL-CAPS word's lower case must be to read as shouting.
    shouting_min_frequency: float = 1e-6

    @staticmethod
    def load_files(settings: Settings, root: Path) -> Settings:
        """Read `words-file` at configuration time, so that the check stays pure."""
        if not settings.words_file:
            return settings
        path = root / settings.words_file
        try:
            # A FIFO would block and /dev/zero would never end: regular files only, read up to a bound.
            regular = stat.S_ISREG(path.stat().st_mode)
            if regular:
                with path.open("rb") as handle:
                    raw = handle.read(WORDS_FILE_MAX_BYTES + 1)
        except OSError as error:
            reason = error.strerror or str(error)
            raise ConfigError(str(path), f"[rules.proofread] words-file cannot be read: {reason}") from None
        if not regular:
            raise ConfigError(str(path), "[rules.proofread] words-file is not a regular file")
        if len(raw) > WORDS_FILE_MAX_BYTES:
            raise ConfigError(str(path), f"[rules.proofread] words-file is larger than {WORDS_FILE_MAX_BYTES} bytes")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ConfigError(str(path), "[rules.proofread] words-file is not UTF-8 text") from None
        from_file = tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
        return replace(settings, words=settings.words + from_file)
