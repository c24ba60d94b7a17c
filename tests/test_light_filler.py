"""Light filler leaves a draft ready to send (bench/accuracy/LABELING.md: a reviewer shrugs at
it and sends the reply), while it is still reported, with its rewrite."""

from __future__ import annotations

from empathylint.api import check_text
from empathylint.diagnostics import Severity

WORDY = """Hi Ines,

Thanks for writing in! In order to move your booking, open Trips and pick a new date. The change is free.

Best,
Tomas
"""


def test_a_wordy_phrase_is_reported_but_the_reply_is_ready_to_send() -> None:
    report = check_text(WORDY)
    wordy = [d for d in report.diagnostics if d.rule_id == "unnecessary-words.wordy"]
    assert [WORDY[d.start : d.end] for d in wordy] == ["In order to"]
    assert wordy[0].severity is Severity.INFO
    assert report.ready_to_send
