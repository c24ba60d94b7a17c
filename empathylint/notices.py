"""What a run tells the user besides the findings, when it checked less than they may think:
a named file that was skipped, a folder with nothing to check, an article read as a reply.

Each notice is one line for standard error; the CLI prints them and picks the exit code."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from empathylint.config import Config
from empathylint.engine import FileReport
from empathylint.files import STDIN, skip_reason, why_nothing_to_check
from empathylint.language.regex_on_use import LazyPattern


@dataclass(frozen=True)
class Notice:
    """One line for standard error; `error` ones make the run exit 2."""

    text: str
    error: bool = False

    def line(self) -> str:
        return f"empathylint: {'error' if self.error else 'note'}: {self.text}"


def before_checking(paths: Sequence[str], config: Config) -> list[Notice]:
    """Files named on the command line that will not be checked, and why."""
    notices = []
    for given in paths:
        path = Path(given)
        if given == STDIN or path.is_dir() or not (path.exists() or path.is_symlink()):
            continue
        reason = skip_reason(path, config)
        if reason is not None:
            notices.append(Notice(f"{given}: not checked: {reason}"))
    return notices


def after_checking(paths: Sequence[str], reports: Sequence[FileReport], config: Config) -> list[Notice]:
    """Folders that gave no file to check, and a run that checked nothing at all: errors,
    since a green CI job that checked nothing is worse than a red one."""
    notices = []
    report_paths = [Path(report.path) for report in reports]
    for given in paths:
        folder = Path(given)
        if given == STDIN or not folder.is_dir():
            continue
        if not any(folder in path.parents for path in report_paths):
            notices.append(Notice(f"{given}: {why_nothing_to_check(folder, config)}", error=True))
    if paths and not reports and not notices:
        notices.append(Notice("no file was checked (every file named was skipped; see the notes above)", error=True))
    return notices


_FRONT_MATTER = LazyPattern(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n")
_PROFILE_IN_FRONT_MATTER = LazyPattern(r"^profile[ \t]*[:=]", re.MULTILINE)
_HEADING = LazyPattern(r"^(#{1,6}[ \t]+\S|<h[1-6][\s>])", re.MULTILINE | re.IGNORECASE)


def looks_like_an_article(report: FileReport) -> str | None:
    """Why a file checked as a reply reads like a help article (front matter, headings, no
    greeting), or None."""
    document = report.document
    if document is None or report.profile != "reply" or document.greeting is not None:
        return None
    source = document.source
    front_matter = _FRONT_MATTER.match(source)
    if front_matter is not None and _PROFILE_IN_FRONT_MATTER.search(source, 0, 4096):
        return None  # its front matter chose the profile
    signs = []
    if front_matter is not None:
        signs.append("front matter")
    if _HEADING.search(source):
        signs.append("headings")
    if not signs:
        return None
    return ", ".join([*signs, "no greeting"])


def article_checked_as_reply(reports: Sequence[FileReport], config: Config, profile_forced: bool) -> Notice | None:
    """Once per run: the first file that looks like an article but was checked as a reply
    because no profile glob matched it, with how to check such files as articles."""
    if profile_forced:
        return None
    articles = [
        (report, signs)
        for report in reports
        if (signs := looks_like_an_article(report)) is not None
        and config.profile_for(report.path) == config.default_profile
    ]
    if not articles:
        return None
    first, signs = articles[0]
    also = f" (and {len(articles) - 1} more like it)" if len(articles) > 1 else ""
    folder = Path(first.path).parent.as_posix()
    glob = f"{folder}/**" if folder not in (".", "") else Path(first.path).name
    return Notice(
        f"{first.path}{also} looks like a help article ({signs}) but was checked as a reply, the default "
        "profile; check articles with --profile doc, `profile: doc` in their front matter, or "
        f'[profiles.doc] include = ["{glob}"] in checklist.toml'
    )
