"""The page's API: a draft in, its findings, checklist and verdict out; a fix applied.

Built on `empathylint.api`, so a draft is checked as `empathylint check` checks a plain-text
file with the same settings, and fixed with the same edits as `--fix`. The configuration is
resolved once, when the server starts, in the folder it was started in: one Settings per
profile and channel the page can pick. Nothing is kept between requests: a draft lives only
in the request that carries it.

Offsets sent to and from the page count UTF-16 code units, as JavaScript strings do; the
engine counts code points (an emoji is one in Python, two in JavaScript)."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any

from empathylint.api import Report, Settings, check_text
from empathylint.diagnostics import Diagnostic, Severity, apply_edits
from empathylint.document import CHANNELS, PROFILES, Channel, Profile


class RequestError(Exception):
    """A request the API cannot answer: its status and a sentence for the page."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Draft:
    """What the page sends: the draft and the context it is checked with."""

    text: str
    customer_message: str | None
    profile: Profile
    channel: Channel
    # As `check --customer` and `--agent`: the names the greeting and sign-off must use.
    customer_name: str | None = None
    agent_name: str | None = None


class Desk:
    """Checks and fixes drafts with the settings resolved at start-up. One check runs at a
    time: the rules share lazily built word lists, and one person types into one page."""

    def __init__(self, folder: Path, config_file: Path | None = None) -> None:
        self.base = Settings(config=config_file, folder=folder)
        self.settings = {
            (profile, channel): self.base.replace(profile=profile, channel=channel)
            for profile in PROFILES
            for channel in CHANNELS
        }
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Load the word lists before the first keystroke needs them."""
        with self._lock:
            check_text("Hi Sam,\n\nThanks for writing.\n\nBest,\nAlex", settings=self.base)

    def describe(self) -> dict[str, Any]:
        """What the page shows and offers: the pickers' choices and the settings in force."""
        from empathylint.config.show import describe

        config = self.base.internal_config
        return {
            "profiles": list(PROFILES),
            "channels": list(CHANNELS),
            "profile": config.default_profile,
            "channel": config.default_channel,
            "sources": list(config.sources),
            "settings": describe("the draft", config),
        }

    def rules(self) -> dict[str, Any]:
        """Each rule group's explanation, keyed by group."""
        from empathylint.reporters.rule_docs import checklist_item
        from empathylint.rules import RULES

        return {
            rule.group: {"title": rule.title, "checklist": checklist_item(rule), **_sections(rule.doc)}
            for rule in RULES
        }

    def check(self, payload: object) -> dict[str, Any]:
        draft = parse_draft(payload)
        return self._answer(draft.text, self._check(draft))

    def fix(self, payload: object) -> dict[str, Any]:
        """Apply one finding's fix (`finding`: its rule, start and end as the page got them),
        or every safe fix as `check --fix` does (`all`), and check the new text."""
        draft = parse_draft(payload)
        if not isinstance(payload, dict):  # parse_draft has refused it already
            raise RequestError(HTTPStatus.BAD_REQUEST, "send a JSON object")
        report = self._check(draft)
        if payload.get("all") is True:
            with self._lock:
                fixed = report.apply_fixes()
            return self._answer(fixed.text, fixed.report, applied=sum(fixed.applied.values()))
        diagnostic = _the_finding(report, payload.get("finding"))
        if diagnostic.fix is None or not fixable_here(draft.text, diagnostic):
            raise RequestError(HTTPStatus.CONFLICT, "this finding has no fix to apply here; edit the text instead")
        text = apply_edits(draft.text, diagnostic.fix.edits)
        return self._answer(text, self._check(_with_text(draft, text)), applied=1)

    def _check(self, draft: Draft) -> Report:
        if not draft.text.strip():
            raise RequestError(HTTPStatus.UNPROCESSABLE_ENTITY, "the draft is empty")
        with self._lock:
            return check_text(
                draft.text,
                settings=self.settings[draft.profile, draft.channel],
                customer_message=draft.customer_message,
                customer_name=draft.customer_name,
                agent_name=draft.agent_name,
            )

    def _answer(self, text: str, report: Report, applied: int | None = None) -> dict[str, Any]:
        answer = answer_for(text, report)
        if applied is not None:
            answer["applied"] = applied
        return answer


def parse_draft(payload: object) -> Draft:
    if not isinstance(payload, dict):
        raise RequestError(HTTPStatus.BAD_REQUEST, "send a JSON object")
    text = payload.get("text")
    if not isinstance(text, str):
        raise RequestError(HTTPStatus.BAD_REQUEST, '"text" must be the draft, a string')
    customer_message, customer_name, agent_name = (
        _optional_text(payload, key) for key in ("customer_message", "customer_name", "agent_name")
    )
    profile = payload.get("profile")
    channel = payload.get("channel")
    if profile not in PROFILES:
        raise RequestError(HTTPStatus.BAD_REQUEST, f'"profile" must be one of {", ".join(PROFILES)}')
    if channel not in CHANNELS:
        raise RequestError(HTTPStatus.BAD_REQUEST, f'"channel" must be one of {", ".join(CHANNELS)}')
    _require_unicode(text)
    return Draft(text, customer_message, profile, channel, customer_name, agent_name)


def _optional_text(payload: dict[str, Any], key: str) -> str | None:
    """An optional string of the request: absent, null or blank is None."""
    value = payload.get(key)
    if value is not None and not isinstance(value, str):
        raise RequestError(HTTPStatus.BAD_REQUEST, f'"{key}" must be a string')
    if value is None or not value.strip():
        return None
    _require_unicode(value)
    return value.strip() if key != "customer_message" else value


def _require_unicode(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: JSON allows it, text has none
        raise RequestError(HTTPStatus.BAD_REQUEST, "the text is not valid Unicode") from None


def _with_text(draft: Draft, text: str) -> Draft:
    return dataclasses.replace(draft, text=text)


def fixable_here(text: str, diagnostic: Diagnostic) -> bool:
    """Whether the page offers the finding's fix: as `--fix` decides (safe or not: the person
    clicking sees the rewrite first), never a fix that would break the punctuation."""
    from empathylint.fixes import applies, keeps_sentences

    return (
        applies(diagnostic, unsafe_fixes=True) and diagnostic.fix is not None and keeps_sentences(text, diagnostic.fix)
    )


def _the_finding(report: Report, wanted: object) -> Diagnostic:
    if not isinstance(wanted, dict) or not all(
        isinstance(wanted.get(key), expected) for key, expected in (("rule", str), ("start", int), ("end", int))
    ):
        raise RequestError(HTTPStatus.BAD_REQUEST, '"finding" must give the rule, start and end of a finding')
    units = Utf16(report.text)
    for diagnostic in report.diagnostics:
        if (
            diagnostic.rule_id == wanted["rule"]
            and units.of(diagnostic.start) == wanted["start"]
            and units.of(diagnostic.end) == wanted["end"]
        ):
            return diagnostic
    raise RequestError(HTTPStatus.CONFLICT, "that finding is no longer in the draft; it has changed since")


def answer_for(text: str, report: Report) -> dict[str, Any]:
    """The findings (offsets in UTF-16 code units), the checklist rows and the verdict."""
    from empathylint.checklist import ITEMS_BY_KEY

    units = Utf16(text)
    blocking = len(report.blocking)
    goes_out = "publish" if report.profile == "doc" else "send"
    return {
        "text": text,
        "profile": report.profile,
        "ready": report.ready_to_send,
        "blocking": blocking,
        "verdict": f"Ready to {goes_out}"
        if report.ready_to_send
        else f"{blocking} {'thing' if blocking == 1 else 'things'} to fix",
        "findings": [_finding(diagnostic, text, units, report.fail_on) for diagnostic in report.diagnostics],
        "checklist": [
            {
                "key": key,
                "number": ITEMS_BY_KEY[key].number,
                "title": ITEMS_BY_KEY[key].title,
                "status": status,
            }
            for key, status in report.scorecard.items()
        ],
    }


def _finding(diagnostic: Diagnostic, text: str, units: Utf16, fail_on: Severity) -> dict[str, Any]:
    fix = diagnostic.fix
    offered = fix is not None and fixable_here(text, diagnostic)
    return {
        "rule": diagnostic.rule_id,
        "group": diagnostic.rule_id.split(".", 1)[0],
        "severity": diagnostic.severity.label,
        "blocking": diagnostic.severity >= fail_on,
        "start": units.of(diagnostic.start),
        "end": units.of(diagnostic.end),
        "line": diagnostic.line,
        "column": diagnostic.column,
        "message": diagnostic.message,
        "suggestion": diagnostic.suggestion,
        "fix": None
        if fix is None or not offered
        else {
            "safe": fix.safe,
            "edits": [{"original": text[edit.start : edit.end], "replacement": edit.replacement} for edit in fix.edits],
        },
    }


class Utf16:
    """Code point offsets of a text as UTF-16 code units (JavaScript's string offsets)."""

    def __init__(self, text: str) -> None:
        # Only characters beyond the Basic Multilingual Plane take two units.
        self._wide = [index for index, character in enumerate(text) if ord(character) > 0xFFFF]

    def of(self, offset: int) -> int:
        import bisect

        return offset + bisect.bisect_left(self._wide, offset)


def _sections(doc: str) -> dict[str, str]:
    """A rule's docstring as its four parts (`what`, `why`, `example`, `instead`)."""
    from empathylint.reporters.rule_docs import HEADINGS

    keys = dict(zip(HEADINGS, ("what", "why", "example", "instead"), strict=True))
    sections: dict[str, list[str]] = {key: [] for key in keys.values()}
    current: list[str] | None = None
    for line in doc.strip().splitlines()[1:]:
        heading = next((h for h in HEADINGS if line.startswith(h)), None)
        if heading is not None:
            current = sections[keys[heading]]
            line = line[len(heading) :]
        if current is not None:
            current.append(line)
    unwrapped = {key: _unwrap(lines) for key, lines in sections.items()}
    # "Why it matters: customers read …" reads as a sentence once it stands alone.
    return {key: text[:1].upper() + text[1:] for key, text in unwrapped.items()}


def _unwrap(lines: Sequence[str]) -> str:
    """Prose paragraphs joined into lines; indented examples kept as they are."""
    from textwrap import dedent

    text = dedent("\n".join(lines)).strip("\n")
    paragraphs: list[str] = []
    for block in text.split("\n\n"):
        rows = block.splitlines()
        indented = all(row.startswith((" ", "\t")) for row in rows if row.strip())
        paragraphs.append(dedent(block) if indented else " ".join(row.strip() for row in rows))
    return "\n\n".join(paragraphs).strip()
