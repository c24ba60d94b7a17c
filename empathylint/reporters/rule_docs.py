"""What `empathylint rules` and `empathylint explain` print: the registry's own metadata
and documentation, so the commands cannot drift from the rules."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from typing import Any

from empathylint.checklist import ITEMS_BY_KEY
from empathylint.config import Config
from empathylint.rule import AnyRule

HEADINGS = ("What it does:", "Why it matters:", "Example:", "Use instead:")
_HEADING_AT_LINE_START = re.compile(rf"^({'|'.join(re.escape(h) for h in HEADINGS)})", re.MULTILINE)


def checklist_item(rule: AnyRule) -> str:
    item = ITEMS_BY_KEY[rule.item]
    return f"{item.number}. {item.title}" if item.number else item.title


def rules_table(rules: Sequence[AnyRule]) -> list[dict[str, Any]]:
    """One row per rule id, for `rules --output-format json`."""
    return [
        {
            "id": rule_id,
            "group": rule.group,
            "checklist_item": rule.item,
            "checklist_title": checklist_item(rule),
            "severity": code.severity.label,
            "profiles": sorted(rule.profiles),
            "fix": code.fix,
            "summary": code.summary,
        }
        for rule in rules
        for rule_id, code in zip(rule.ids, rule.codes, strict=True)
    ]


def rules_json(rules: Sequence[AnyRule], *, ascii_only: bool = False) -> str:
    return json.dumps({"version": 1, "rules": rules_table(rules)}, indent=2, ensure_ascii=ascii_only) + "\n"


def rule_markdown(rule: AnyRule, config: Config | None = None) -> str:
    """The rule's docstring as Markdown (headings in bold, the indented examples as code
    blocks) and its codes, with the severities in force when a configuration is given."""
    doc = _HEADING_AT_LINE_START.sub(r"**\1**", rule.doc.strip())
    # An indented example right under its heading line needs a blank line to be a code block.
    doc = re.sub(r"^(\*\*[^*\n]+:\*\*)[ \t]*\n(?=[ \t]{4})", "\\1\n\n", doc, flags=re.MULTILINE)
    first, _, rest = doc.partition("\n")
    codes = []
    for rule_id, code in zip(rule.ids, rule.codes, strict=True):
        severity = config.severity_of(rule_id, code.severity) if config else code.severity
        fix = "" if code.fix == "none" else f", {code.fix} fix"
        codes.append(f"- `{rule_id}` ({severity.label}{fix}): {code.summary}")
    parts = [
        f"# {rule.group}: {first.rstrip('.')}",
        rest.strip(),
        "## Codes",
        "\n".join(codes),
        f"Checklist item: {checklist_item(rule)}. Profiles: {', '.join(sorted(rule.profiles))}.",
    ]
    return "\n\n".join(part for part in parts if part)


def settings_toml(rule: AnyRule, config: Config) -> str:
    """The rule's settings in force, as TOML to paste into checklist.toml: long lists one
    item a line and tables as tables, so no line is long enough for a console to wrap a
    value in the middle of a string."""
    lines = [f"[rules.{rule.group}]"]
    tables: list[str] = []
    profiles = config.rule_profiles.get(rule.group)
    if profiles is not None:
        lines.append(f"profiles = {toml_value(sorted(profiles))}")
    settings = config.rule_settings[rule.group]
    for settings_field in dataclasses.fields(settings):
        key = settings_field.name.replace("_", "-")
        value = getattr(settings, settings_field.name)
        if isinstance(value, dict):
            tables.append(f"\n[rules.{rule.group}.{key}]")
            tables.extend(
                f"{json.dumps(str(name), ensure_ascii=False)} = {toml_value(item)}" for name, item in value.items()
            )
        elif isinstance(value, (list, tuple)) and len(toml_value(value)) > INLINE_LIST_WIDTH:
            lines.append(f"{key} = [")
            lines.extend(f"    {toml_value(item)}," for item in value)
            lines.append("]")
        else:
            lines.append(f"{key} = {toml_value(value)}")
    return "".join(line + "\n" for line in [*lines, *tables])


INLINE_LIST_WIDTH = 60


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{json.dumps(str(key), ensure_ascii=False)} = {toml_value(item)}" for key, item in value.items())
        return "{ " + ", ".join(pairs) + " }"
    return json.dumps(str(value), ensure_ascii=False)
