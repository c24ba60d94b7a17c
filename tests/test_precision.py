"""Precision: good support writing goes out without a blocking finding.

bench/realistic/ holds replies and help articles a support lead would send as they stand
(bench/false_alarms.py compares the peers on them), so any finding at or above the default
fail-on there is a false alarm.
"""

from __future__ import annotations

import json
import subprocess
import sys

from empathylint.diagnostics import Severity
from tests.conftest import ROOT, lint_text

REALISTIC = ROOT / "bench" / "realistic"

FORMAL_REPLY_NEAR_TARGET = """Dear Mr O'Brien,

Thank you for your email regarding the company address on your invoices.

I have updated the billing address to 14 Harbour Street, Cork, as requested. The change applies to all invoices \
issued from today. I have also reissued invoices INV-2291 and INV-2304 with the new address; both are attached.

Should you need any earlier invoices reissued, please let me know the invoice numbers and I will send them the \
same day.

Yours sincerely,
Margaret Doyle
"""

FAR_OVER_TARGET = """Hi Maria,

To resolve the synchronisation discrepancy, we recommend reauthenticating your integration credentials, which \
regenerates the authorisation configuration. Subsequently, initiate a manual synchronisation from the administration \
dashboard, and the organisational calendar will reconcile automatically. Alternatively, administrators may \
configure synchronisation frequency individually, although organisational policies supersede individual \
configurations.

Best,
Sam
"""


def test_every_good_text_in_the_realistic_corpus_is_ready_to_send() -> None:
    argv = [sys.executable, "-m", "empathylint", "check", "--output-format", "json", "--exit-zero", str(REALISTIC)]
    completed = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=True)
    report = json.loads(completed.stdout)
    assert report["summary"]["files"] >= 70
    blocking = [
        f"{file['path']}:{finding['line']}:{finding['column']} {finding['rule']}: {finding['message']}"
        for file in report["files"]
        for finding in file["findings"]
        if finding["severity"] in {"warning", "error"}
    ]
    assert blocking == []


def test_a_draft_within_the_grade_margin_shows_its_grade_and_gets_no_finding() -> None:
    report = lint_text(FORMAL_REPLY_NEAR_TARGET, select=("eli5",))
    grade = float(report.metrics["eli5"]["grade"])
    assert 8.0 < grade <= 9.0
    assert report.metrics["eli5"]["target"] == 8.0
    assert report.diagnostics == []
    assert report.ready_to_send(Severity.WARNING)


def test_a_draft_far_over_its_target_still_warns() -> None:
    report = lint_text(FAR_OVER_TARGET, select=("eli5",))
    hard = [d for d in report.diagnostics if d.rule_id == "eli5.hard-sentence"]
    assert hard
    assert {d.severity for d in hard} == {Severity.WARNING}
    assert not report.ready_to_send(Severity.WARNING)
