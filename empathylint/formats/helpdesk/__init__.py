"""Helpdesk exports: a file of many canned replies, each read as its own document.

`read_export` finds which helpdesk wrote a JSON file by its shape (or is told, with
--input-format), and returns one Item per canned reply: its id, title, JSON pointer, field
kind, text and where that text stands in the file. Each helpdesk has its own module;
json_strings.py finds the string tokens, csv_export.py reads CSV."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from types import ModuleType

from empathylint.formats.helpdesk.items import ExportError, Item

HELPDESKS = ("zendesk", "helpscout", "freshdesk", "intercom", "front", "gorgias")
INPUT_FORMATS = ("auto", *HELPDESKS, "csv")
EXPORT_EXTENSIONS = (".json", ".csv")


@dataclass(frozen=True)
class Export:
    helpdesk: str
    items: list[Item]


def is_export(path: str, input_format: str | None) -> bool:
    """Whether a file is read as an export: by its extension, or because --input-format
    names a helpdesk."""
    if input_format not in (None, "auto"):
        return True
    return PurePath(path).suffix.lower() in EXPORT_EXTENSIONS


def read_export(text: str, path: str, input_format: str | None = None, columns: Sequence[str] = ()) -> Export:
    """The canned replies of an export; ExportError says why a file is not one."""
    import importlib

    from empathylint.formats.helpdesk import csv_export

    chosen = None if input_format in (None, "auto") else input_format
    if chosen == "csv" or (chosen is None and PurePath(path).suffix.lower() == ".csv"):
        found = csv_export.items(text, csv_export.parse_columns(tuple(columns)))
        return Export("csv", _some(found, csv_export.HELPDESK.label))
    from empathylint.formats.helpdesk.json_strings import JsonShapeError, load, string_tokens

    try:
        document = load(text)
    except JsonShapeError as error:
        raise ExportError(str(error)) from None
    modules = [importlib.import_module(f"empathylint.formats.helpdesk.{name}") for name in HELPDESKS]
    if chosen is not None:
        module = next(m for m in modules if chosen == m.HELPDESK.name)
        if not module.matches(document):
            raise ExportError(f"--input-format {chosen}: not shaped like {module.HELPDESK.label} ({_shape(document)})")
    else:
        module = _detect(document, modules)
    found = module.items(document, string_tokens(text))
    return Export(module.HELPDESK.name, _some(found, module.HELPDESK.label))


def _detect(document: object, modules: list[ModuleType]) -> ModuleType:
    sample = _sample(document, SAMPLE_DEPTH)
    matching = [module for module in modules if module.matches(sample)]
    if not matching:
        raise ExportError(
            f"not a helpdesk export this tool reads ({_shape(document)}); "
            f"--input-format names one of {', '.join(INPUT_FORMATS[1:])}"
        )
    if len(matching) > 1:
        names = " and ".join(module.HELPDESK.name for module in matching)
        raise ExportError(f"could be {names}; say which with --input-format")
    return matching[0]


# An export's shape shows in its first entries: detection reads the first few of each list
# near the top, so a file of half a million objects is not walked six times to say what it is.
SAMPLE_ENTRIES = 100
SAMPLE_DEPTH = 3


def _sample(value: object, depth: int) -> object:
    if isinstance(value, list):
        head = value[:SAMPLE_ENTRIES]
        return [_sample(entry, depth - 1) for entry in head] if depth else head
    if isinstance(value, dict) and depth:
        return {key: _sample(entry, depth - 1) for key, entry in value.items()}
    return value


def _some(found: list[Item], label: str) -> list[Item]:
    if not found:
        raise ExportError(f"read as {label}, but no canned reply in it has any text; nothing to check")
    return found


def _shape(document: object) -> str:
    """What the top of a JSON document is, for an error line."""
    if isinstance(document, dict):
        keys = ", ".join(sorted(map(str, document))[:5])
        return f"an object with keys {keys}" if keys else "an empty object"
    if isinstance(document, list):
        return f"a list of {len(document)}" if document else "an empty list"
    return f"a {type(document).__name__}"
