"""The configuration in force, and each file's settings resolved from it once.

A `Config` is what one folder's layers say, validated and typed. The engine never reads
it: `Config.for_file` resolves a file's profile, selected rules, severities and ignores
into a `FileSettings`, which is all the engine and the rules see."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from empathylint.config.paths import matches_any, relative_to
from empathylint.config.sections import NAMED_FILES
from empathylint.diagnostics import Severity
from empathylint.document import CHANNELS, PROFILES, Channel, PlaceholderVocabulary, Profile, TeamMoodWords
from empathylint.language.acronyms import Acronyms

if TYPE_CHECKING:
    from empathylint.rule import AnyRule

ALL = "ALL"


NameT = TypeVar("NameT", bound=str)


def _first_including(
    relative: str, names: tuple[NameT, ...], globs: Mapping[NameT, tuple[str, ...]], default: NameT
) -> NameT:
    """The first of `names` whose include globs match the path (a profile, a channel)."""
    return next((name for name in names if matches_any(relative, globs.get(name, ()))), default)


def selects(selector: str, rule_id: str) -> bool:
    """Whether a selector (`ALL`, a group or an id) names a rule id."""
    return selector == ALL or rule_id == selector or rule_id.startswith(selector + ".")


@dataclass(frozen=True)
class ActiveRule:
    """A rule group that runs on a file, with its settings."""

    rule: AnyRule
    settings: Any


@dataclass(frozen=True)
class FileSettings:
    """One file's settings, resolved once: the rules to run (applicable to the profile and
    selected), the ids whose findings are kept, and the severities the configuration sets
    (an id it says nothing of keeps the severity its rule gives each finding)."""

    profile: Profile
    rules: tuple[ActiveRule, ...]
    selected_ids: frozenset[str]
    severities: Mapping[str, Severity]
    known_ids: frozenset[str]
    fail_on: Severity


@dataclass(frozen=True)
class Config:
    """One folder's configuration: every layer merged, validated and typed.

    The rules and their settings are built from `table` on first use (`rules`,
    `rule_settings`, `rule_profiles`): a run whose every report comes from the result cache
    never imports a rule. The Resolver builds them at once where a run needs them."""

    # The rule set, asked for once, on first use (the registry: empathylint.rules.RULES).
    rule_source: Callable[[], tuple[AnyRule, ...]] = field(repr=False, compare=False)
    # Every layer merged, as checklist.toml spells it: what the typed settings are built from.
    table: Mapping[str, Any] = field(repr=False, compare=False)
    fail_on: Severity
    default_profile: Profile
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    profile_globs: Mapping[Profile, tuple[str, ...]]
    default_channel: Channel
    channel_globs: Mapping[Channel, tuple[str, ...]]
    mood_words: TeamMoodWords
    severity: Mapping[str, Severity]
    per_file_ignores: Mapping[str, tuple[str, ...]]
    sources: tuple[str, ...] = ()
    root: Path = field(default_factory=Path.cwd)
    # FileSettings by (profile, per-file ignores): a run of a thousand files resolves a few.
    _resolved: dict[tuple[Profile, tuple[str, ...]], FileSettings] = field(
        default_factory=dict, repr=False, compare=False
    )

    @functools.cached_property
    def rules(self) -> tuple[AnyRule, ...]:
        return self.rule_source()

    @functools.cached_property
    def vocabulary(self) -> PlaceholderVocabulary:
        """The placeholder words ([placeholders]), built when a file is read: a run answered
        from the result cache never reads the shipped lists."""
        from empathylint.config.schema import build_settings

        vocabulary: PlaceholderVocabulary = build_settings(PlaceholderVocabulary(), self.table.get("placeholders", {}))
        return vocabulary

    @functools.cached_property
    def acronyms(self) -> Acronyms:
        """The acronyms in force: the shipped list with [acronyms] over it."""
        return Acronyms(dict(self.table.get("acronyms", {})))

    @functools.cached_property
    def rule_settings(self) -> Mapping[str, Any]:
        """Each rule group's typed settings: its defaults in code, with what the layers set
        (and the files they name read, as proofread's words-file: a ConfigError when one
        cannot be)."""
        from empathylint.config.schema import build_settings

        rule_tables = self.table.get("rules", {})
        built = {}
        for rule in self.rules:
            settings = build_settings(rule.settings(), rule_tables.get(rule.group, {}))
            # Settings that name files read them here, at the edge, so that the check stays pure.
            load_files = getattr(rule.settings, "load_files", None)
            built[rule.group] = settings if load_files is None else load_files(settings, self.root)
        return built

    @functools.cached_property
    def rule_profiles(self) -> Mapping[str, frozenset[Profile]]:
        """The profiles a rule group runs on, where the configuration says."""
        rule_tables = self.table.get("rules", {})
        return {
            rule.group: frozenset(rule_tables[rule.group]["profiles"])
            for rule in self.rules
            if "profiles" in rule_tables.get(rule.group, {})
        }

    def names_files(self) -> bool:
        """Whether a setting names a file its rule reads (NAMED_FILES)."""
        return any(path for _, path in self.named_files())

    def named_files(self) -> list[tuple[str, str]]:
        """The (setting, path) of each setting that names a file, set or not (NAMED_FILES)."""
        rule_tables = self.table.get("rules", {})
        return [(f"{group}.{key}", str(rule_tables.get(group, {}).get(key, ""))) for group, key in NAMED_FILES]

    def profile_for(self, path: str) -> Profile:
        return _first_including(relative_to(path, self.root), PROFILES, self.profile_globs, self.default_profile)

    def channel_for(self, path: str) -> Channel:
        """Where a reply is sent (email, chat, social), by the [channels.*] include globs."""
        return _first_including(relative_to(path, self.root), CHANNELS, self.channel_globs, self.default_channel)

    def by_path(self, path: str) -> tuple[Profile, Channel, tuple[str, ...]]:
        """The file's profile, channel and per-file ignores, its path resolved once (asked
        for every file of a run)."""
        relative = relative_to(path, self.root)
        return (
            _first_including(relative, PROFILES, self.profile_globs, self.default_profile),
            _first_including(relative, CHANNELS, self.channel_globs, self.default_channel),
            self._ignores(relative),
        )

    def excludes(self, path: str) -> bool:
        """Whether [files] exclude leaves this file out."""
        return matches_any(relative_to(path, self.root), self.exclude)

    def ignores_for(self, path: str) -> tuple[str, ...]:
        return self._ignores(relative_to(path, self.root)) if self.per_file_ignores else ()

    def _ignores(self, relative: str) -> tuple[str, ...]:
        return tuple(
            selector
            for pattern, selectors in self.per_file_ignores.items()
            if matches_any(relative, (pattern,))
            for selector in selectors
        )

    def severity_of(self, rule_id: str, default: Severity) -> Severity:
        if rule_id in self.severity:
            return self.severity[rule_id]
        return self.severity.get(rule_id.split(".", 1)[0], default)

    def for_file(self, path: str, profile: Profile) -> FileSettings:
        """The settings of a file read as `profile`."""
        key = (profile, self.ignores_for(path))
        if key not in self._resolved:
            self._resolved[key] = self._resolve(*key)
        return self._resolved[key]

    def _resolve(self, profile: Profile, file_ignores: tuple[str, ...]) -> FileSettings:
        ignored = self.ignore + file_ignores
        selected: set[str] = set()
        severities: dict[str, Severity] = {}
        active: list[ActiveRule] = []
        for rule in self.rules:
            for rule_id in rule.ids:
                configured = self.severity.get(rule_id, self.severity.get(rule.group))
                if configured is not None:
                    severities[rule_id] = configured
                chosen = not self.select or any(selects(selector, rule_id) for selector in self.select)
                if chosen and not any(selects(selector, rule_id) for selector in ignored):
                    selected.add(rule_id)
            runs_on_profile = profile in self.rule_profiles.get(rule.group, rule.profiles)
            if runs_on_profile and selected.intersection(rule.ids):
                active.append(ActiveRule(rule, self.rule_settings[rule.group]))
        return FileSettings(
            profile=profile,
            rules=tuple(active),
            selected_ids=frozenset(selected),
            severities=severities,
            known_ids=frozenset(rule_id for rule in self.rules for rule_id in rule.ids),
            fail_on=self.fail_on,
        )
