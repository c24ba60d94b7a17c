"""Issue 15's leftovers: work that stays linear in hostile input, counted in steps (never
timed), and findings in a base64 email that point at the line encoding their words."""

from __future__ import annotations

import base64
import sys
from collections.abc import Callable
from typing import Any

import pytest

from empathylint import overlaps
from empathylint.diagnostics import Diagnostic
from empathylint.document import Document
from empathylint.overlaps import resolve_overlaps
from tests.conftest import lint_text


def steps(action: Callable[[], object]) -> int:
    """The function calls (Python and built-in) `action` makes: a count of its work that,
    unlike a clock, does not depend on the machine or its load."""
    count = 0

    def counting(_frame: object, event: str, _argument: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(counting)
    try:
        action()
    finally:
        sys.setprofile(None)
    return count


def _overlap_input(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Diagnostic], Document]:
    """What the engine hands resolve_overlaps for `text`."""
    seen: list[tuple[list[Diagnostic], Document]] = []
    original: Callable[..., Any] = overlaps.resolve_overlaps

    def capture(found: list[Diagnostic], document: Document) -> Any:
        seen.append((list(found), document))
        return original(found, document)

    monkeypatch.setattr(overlaps, "resolve_overlaps", capture)  # the engine imports it when it lints
    lint_text(text)
    monkeypatch.undo()
    return seen[0]


@pytest.mark.parametrize("phrase", ["very ", "we can't ", "just really "])
def test_one_rewrite_per_phrase_is_linear_in_the_findings(phrase: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text of "very " repeated 4,000 times took ~40 s: each finding was compared with
    every other one of its sentence. Four times the findings may cost about four times the
    steps, never sixteen."""
    small_found, small_document = _overlap_input(phrase * 100, monkeypatch)
    large_found, large_document = _overlap_input(phrase * 400, monkeypatch)
    assert len(large_found) >= 4 * len(small_found) * 0.9 > 0
    small = steps(lambda: resolve_overlaps(small_found, small_document))
    large = steps(lambda: resolve_overlaps(large_found, large_document))
    assert large <= 6 * small, (small, large)


def _base64_email(body: str) -> tuple[str, str]:
    encoded = base64.encodebytes(body.encode()).decode()
    headers = (
        "From: Sam <s@example.com>\nTo: Maria <m@example.com>\nSubject: Your refund\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
    )
    return headers + encoded, encoded


def test_findings_in_a_base64_body_point_at_the_line_that_encodes_their_words() -> None:
    body = (
        "Hi Maria,\n\n" + "Thanks for writing in about the export. " * 6 + "\n\nThe the invoice is attached.\n\nSam\n"
    )
    source, encoded = _base64_email(body)
    report = lint_text(source, path="draft.eml")
    (repeated,) = [d for d in report.diagnostics if d.rule_id == "proofread.repeated-word"]
    first_byte = body.encode().index(b"The the")
    body_line = source.count("\n", 0, source.index(encoded.splitlines()[0]))  # lines before the body
    # The encoded characters of "The the": 4 for each 3 bytes, 76 to a line.
    first, last = (4 * (byte // 3) + byte % 3 for byte in (first_byte, first_byte + len("The the") - 1))
    assert repeated.line == body_line + 1 + first // 76 == body_line + 1 + last // 76
    assert first % 76 < repeated.column <= last % 76 + 1
    assert repeated.fix is None  # a base64 body is never edited in place


def test_findings_in_a_base64_body_keep_the_order_of_their_words() -> None:
    body = "Hi there,\n\n" + "I just wanted to say thanks. " * 8 + "\n\nUnfortunately we can't refund it.\n\nSam\n"
    source, _encoded = _base64_email(body)
    report = lint_text(source, path="draft.eml")
    positions = [(d.line, d.column) for d in report.diagnostics]
    assert len(set(positions)) >= 4, positions  # not all at the body's first character
    assert positions == sorted(positions)


@pytest.mark.slow
@pytest.mark.parametrize("format_name", ["plain", "markdown", "html", "email"])
def test_long_lines_sentences_blank_runs_and_words_cost_linear_steps(format_name: str) -> None:
    """Each format fed a long line, a long sentence, a long blank run and a long word of
    100 KB: four times the text of a 25 KB one may cost about four times the steps (Python
    calls, counted), never sixteen. The output's size is bounded by
    test_hostile_input.test_output_grows_with_findings_not_with_the_input_squared."""
    from tests.test_hostile_input import HUNDRED_KB, _bodies, _wrapped

    warm_up, warm_up_path = _wrapped(format_name, "Thanks for writing in.")
    lint_text(warm_up, path=warm_up_path)  # word lists and matchers: loaded once per run
    quarter, full = _bodies(HUNDRED_KB // 4), _bodies(HUNDRED_KB)
    for kind in full:
        small_text, path = _wrapped(format_name, quarter[kind])
        large_text, _path = _wrapped(format_name, full[kind])
        small = steps(lambda: lint_text(small_text, path=path))  # noqa: B023  # called at once
        large = steps(lambda: lint_text(large_text, path=path))  # noqa: B023
        assert large <= 6 * small, (kind, small, large)


def test_a_word_shouted_many_times_reads_the_draft_once_for_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a shouted word names code, or is the draft's term for a thing, is read from the
    whole draft: asked at every shout, 8,000 shouts of one word took 151 s (quadratic)."""
    from empathylint.rules.proofread import shouting

    asked: list[str] = []
    for name in ("_names_code", "_is_a_term"):
        original: Callable[..., bool] = getattr(shouting, name)

        def counting(*args: Any, _original: Callable[..., bool] = original, _name: str = name) -> bool:
            asked.append(_name)
            return _original(*args)

        monkeypatch.setattr(shouting, name, counting)
    report = lint_text("Hi Maria,\n\n" + "Please WAIT here. " * 200 + "\n\nBest,\nSam\n", select=("proofread",))
    assert report.error is None
    assert sorted(asked) == ["_is_a_term", "_names_code"]
