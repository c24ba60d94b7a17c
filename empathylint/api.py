"""The Python API: `check_text`, `check_file` and `Settings`, a thin layer over the pipeline
the CLI runs (config loading, `checking.check_source`, the engine's FileReport).

Nothing here imports typer or rich: a helpdesk bot that checks drafts pays for the checks
only. The findings are the engine's own immutable `Diagnostic`s, so they are the CLI's
findings, field for field; `Report.to_dict()` is the file's entry in the JSON report."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any, Literal

from empathylint.config import CommandLine, Config, ConfigError, Resolver
from empathylint.config.loading import LayerMemo
from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Channel, Profile
from empathylint.engine import FileReport
from empathylint.files import InputError

__all__ = [
    "ConfigError",
    "Diagnostic",
    "Edit",
    "Fix",
    "Fixed",
    "InputError",
    "Report",
    "Settings",
    "Severity",
    "check_file",
    "check_text",
]

TextFormat = Literal["plain", "markdown", "html", "email"]
TEXT_FORMATS: tuple[TextFormat, ...] = ("plain", "markdown", "html", "email")
# The name a text is reported as; its extension says nothing, the format is given.
TEXT_PATH = "<text>"

StrPath = str | PathLike[str]


class SettingsError(ConfigError):
    """An argument of Settings, check_text or check_file that is not a valid setting
    (a profile, a format); a bad checklist.toml raises ConfigError itself."""

    def __init__(self, message: str) -> None:
        super().__init__("Settings", message)


@dataclass(frozen=True)
class Settings:
    """The configuration to check with: the shipped defaults, then `config` (a
    checklist.toml, or a pyproject.toml with [tool.empathylint]) or the nearest one to
    `folder` (searched from there upwards, as the CLI searches from where it runs), then
    the overrides: `overrides` (a table shaped as checklist.toml), `profile`, `channel`
    (where replies are sent: email, chat, social or notice), `select`, `ignore` (rule groups or
    ids) and `fail_on`.

    Loaded and validated once, when made: a bad configuration raises ConfigError, naming
    the file and the line. Settings are immutable; `replace(...)` makes a changed copy."""

    config: StrPath | None = None
    folder: StrPath | None = None
    profile: Profile | None = None
    select: Sequence[str] | None = None
    ignore: Sequence[str] = ()
    fail_on: Literal["error", "warning", "info"] | None = None
    overrides: Mapping[str, Any] | None = None
    channel: Channel | None = None
    # What errors in the arguments are said to come from (the CLI says "command line").
    _source: str = field(default="Settings", repr=False, compare=False)
    # The layers validated before (the CLI's result cache): those are not validated again,
    # and the rules are imported only when a file is checked.
    _memo: LayerMemo | None = field(default=None, repr=False, compare=False)
    _loaded: Resolver = field(init=False, repr=False, compare=False)
    _derived: dict[tuple[Profile | None, Channel | None], Settings] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        # A lone string is one selector, not its characters.
        for name in ("select", "ignore"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,))
            elif value is not None:
                object.__setattr__(self, name, tuple(value))
        folder = Path(self.folder) if self.folder is not None else None
        if folder is not None and not folder.is_dir():
            raise SettingsError(f"folder={str(folder)!r}: no such folder")
        flags = CommandLine(
            select=None if self.select is None else tuple(self.select),
            ignore=tuple(self.ignore),
            fail_on=self.fail_on.lower() if isinstance(self.fail_on, str) else self.fail_on,
            profile=self.profile,
            channel=self.channel,
            source=self._source,
        )
        loaded = Resolver(
            _rules,
            cwd=folder,
            config_file=Path(self.config) if self.config is not None else None,
            command_line=flags,
            isolated=folder is None,
            overrides=self.overrides,
            memo=self._memo,
        )
        object.__setattr__(self, "_loaded", loaded)

    def replace(self, **changes: Any) -> Settings:
        """A copy with some arguments changed, loaded and validated anew."""
        return dataclasses.replace(self, **changes)

    @property
    def severity_to_fail(self) -> Severity:
        """The severity at or above which a finding stops a reply from being sent."""
        return self._loaded.root.fail_on

    @property
    def sources(self) -> tuple[str, ...]:
        """The configuration files and layers read, in order (those of `folder`; a file
        checked with check_file reads the configuration nearest to it)."""
        return self._loaded.root.sources

    @property
    def internal_config(self) -> Config:
        """The pipeline's configuration of `folder` (for the CLI; not a stable API)."""
        return self._loaded.root

    @property
    def internal_resolver(self) -> Resolver:
        """The configuration nearest to each file (for the CLI; not a stable API)."""
        return self._loaded


@dataclass(frozen=True)
class Fixed:
    """What `Report.apply_fixes` made: the fixed text, how many fixes of each rule went in,
    and the report of the fixed text."""

    text: str
    applied: Mapping[str, int]
    report: Report

    @property
    def changed(self) -> bool:
        return bool(self.applied)


@dataclass(frozen=True)
class Report:
    """One draft's result: the findings (immutable Diagnostics, in text order), the
    checklist scorecard (item -> "met", "not met" or "n/a") and the verdict; `channel` is
    the channel it was checked for (None for a help article)."""

    path: str
    profile: Profile
    text: str
    diagnostics: tuple[Diagnostic, ...]
    scorecard: Mapping[str, str]
    fail_on: Severity
    channel: Channel | None
    _file_report: FileReport = field(repr=False, compare=False)
    _recheck: Callable[[str], FileReport] = field(repr=False, compare=False)

    @property
    def ready_to_send(self) -> bool:
        """No finding at or above `fail_on`."""
        return self._file_report.ready_to_send(self.fail_on)

    @property
    def blocking(self) -> tuple[Diagnostic, ...]:
        """The findings that stop it from being sent (at or above `fail_on`)."""
        return tuple(self._file_report.blocking(self.fail_on))

    @property
    def metrics(self) -> Mapping[str, Any]:
        """Per rule group, e.g. the reading grade."""
        return self._file_report.metrics

    def apply_fixes(self, *, unsafe: bool = False) -> Fixed:
        """Apply the fixes `--fix` applies (with `unsafe`, those of `--unsafe-fixes` too),
        re-check and repeat until none is left, as the CLI does. Returns the new text; the
        file of `check_file` is never written."""
        from empathylint.fixes import fix_text

        outcome = fix_text(self.text, self._recheck, unsafe_fixes=unsafe)
        return Fixed(
            outcome.text, dict(outcome.applied), _report(outcome.text, outcome.report, self.fail_on, self._recheck)
        )

    def to_dict(self) -> dict[str, Any]:
        """This file's entry in the JSON report (`--output-format json`, schema version 1)."""
        from empathylint.reporters import Run
        from empathylint.reporters.json_report import file_entry

        return file_entry(self._file_report, Run(self.fail_on, (), Path.cwd()))


def check_text(
    text: str,
    *,
    settings: Settings | None = None,
    profile: Profile | None = None,
    channel: Channel | None = None,
    customer_message: str | None = None,
    customer_name: str | None = None,
    agent_name: str | None = None,
    format: TextFormat = "plain",
) -> Report:
    """Check a draft given as text, as `empathylint check` checks a file of that format.

    `customer_message` is the customer's own message (context for the empathy rules, never
    checked); `customer_name` and `agent_name` win over what the draft says; `profile` and
    `channel` (email, chat, social or notice) win over the settings'. Raises
    InputError for an empty draft and ConfigError for a bad setting."""
    if format not in TEXT_FORMATS:
        raise SettingsError(f"unknown format {format!r} (use {', '.join(TEXT_FORMATS)})")
    from empathylint.files import SourceFile, require_text

    require_text(text, TEXT_PATH)
    source = SourceFile(TEXT_PATH, text, "utf-8", False, len(text.encode("utf-8", "surrogatepass")), 0)
    return _check(
        source, _settings_for(settings, profile, channel), customer_message, customer_name, agent_name, format
    )


def check_file(
    path: StrPath,
    *,
    settings: Settings | None = None,
    profile: Profile | None = None,
    channel: Channel | None = None,
    customer_message: str | None = None,
    customer_name: str | None = None,
    agent_name: str | None = None,
    format: TextFormat | None = None,
) -> Report:
    """Check a file as `empathylint check FILE` does: its format from its extension unless
    `format` says, its profile from the settings' profile globs unless `profile` says, and
    the customer's message from `customer_message` or a `.customer.txt` beside it.

    Raises InputError when the file cannot be read (missing, a folder, not UTF-8, too
    large, empty), naming the file and the cause."""
    if format is not None and format not in TEXT_FORMATS:
        raise SettingsError(f"unknown format {format!r} (use {', '.join(TEXT_FORMATS)})")
    from empathylint.files import read_source

    source = read_source(Path(path), str(path))
    return _check(
        source, _settings_for(settings, profile, channel), customer_message, customer_name, agent_name, format
    )


def _check(
    source: Any,
    settings: Settings,
    customer_message: str | None,
    customer_name: str | None,
    agent_name: str | None,
    format_name: str | None,
) -> Report:
    from empathylint.checking import CheckOptions, check_source

    # A file is checked with the configuration nearest to it, as the CLI checks it.
    config = settings.internal_resolver.for_path(None if source.path == TEXT_PATH else source.path)
    options = CheckOptions(
        customer_name=customer_name,
        agent_name=agent_name,
        format_name=format_name,
        customer_message=customer_message,
        profile_forced=settings.profile is not None,
    )

    def recheck(text: str) -> FileReport:
        return check_source(dataclasses.replace(source, text=text), config, options)

    return _report(source.text, check_source(source, config, options), config.fail_on, recheck)


def _report(text: str, file_report: FileReport, fail_on: Severity, recheck: Callable[[str], FileReport]) -> Report:
    return Report(
        path=file_report.path,
        profile=file_report.profile or "reply",
        text=text,
        channel=file_report.channel,
        diagnostics=tuple(file_report.diagnostics),
        scorecard={entry.item: entry.status.value for entry in file_report.scorecard},
        fail_on=fail_on,
        _file_report=file_report,
        _recheck=recheck,
    )


_DEFAULT: list[Settings] = []


def _settings_for(settings: Settings | None, profile: Profile | None, channel: Channel | None) -> Settings:
    if settings is None:
        if not _DEFAULT:
            _DEFAULT.append(Settings())
        settings = _DEFAULT[0]
    profile = profile if profile is not None else settings.profile
    channel = channel if channel is not None else settings.channel
    if (profile, channel) == (settings.profile, settings.channel):
        return settings
    # Made once per Settings, profile and channel: loading validates every layer again.
    derived = settings._derived.get((profile, channel))
    if derived is None:
        derived = settings.replace(profile=profile, channel=channel)
        settings._derived[(profile, channel)] = derived
    return derived


def _rules() -> Iterable[Any]:
    from empathylint.rules import RULES

    return RULES
