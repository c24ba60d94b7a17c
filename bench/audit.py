"""Audit speed and memory (issue 16): replies per second and peak memory of
`empathylint audit` over 100,000 generated replies, with --jobs 1 and --jobs 2.

    .venv/bin/python bench/audit.py                    # 100,000 replies; writes bench/AUDIT.md
    .venv/bin/python bench/audit.py --replies 5000     # a quick look
    .venv/bin/python bench/audit.py --replies 20000 --write-results   # fewer, still into AUDIT.md

The replies are made here from a seeded mix of greetings, bodies, refusals, typos, sign-offs
and customers' messages (our own text), written to a JSONL export in a temporary folder.
Each configuration runs as a user runs it: a fresh `python -m empathylint audit` process,
its summary to a file. Peak memory is the largest resident set of any one process of the
run (the main process or a worker), read with os.wait4, whose ru_maxrss covers the
waited-for children too, so every process of the pool is counted."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FULL = 100_000
SEED = 16

CUSTOMERS = ("Maria", "Tom", "Aiko", "Dev", "Lena", "Omar", "Grace", "Jonas", "Priti", "Sven", "Chloe", "Ravi")
AGENTS = tuple(f"{first} {last}" for first in ("Sam", "Priya", "Ana", "Lee", "Noor") for last in ("Ortiz", "Berg"))
MACROS = ("Refund issued", "Password reset", "Shipping delay", "Plan change", "Bug acknowledged", "Invoice copy", None)
CHANNELS = ("email", "email", "chat", "web", "twitter", "messaging")
GREETINGS = ("Hi {customer},", "Hello {customer},", "Hi there,", "Dear customer,", "Hey {customer}!")
THANKS = (
    "Thanks for writing in.",
    "Thank you for getting in touch about this.",
    "Thanks for your patience while we looked into it.",
    "",
)
BODIES = (
    "I have issued a refund of ${amount} to your card, and it should show within {days} business days.",
    "Your password link is on its way to your inbox; it works for the next {days} hours.",
    "Order {order} left our warehouse today and should reach you by {weekday}.",
    "I moved your account to the yearly plan, so your next invoice will be ${amount} lower.",
    "Unfortunately we can't refund order {order} until it arrives back at our warehouse.",
    "You failed to enter the verification code, so the account is basically locked for now.",
    "Our engineers reproduced the crash on version {version} and are working on a fix that ships {weekday}.",
    "I attached a copy of invoice {order}; the the total matches your bank statement.",
    "Please note that in order to proceed we kindly ask that you utilize the portal going forward.",
    "The synchronisation endpoint returned a 502 from the upstream load balancer during the deploy window.",
)
FOLLOW_UPS = (
    "Could you let me know if anything still looks off?",
    "I'll check back on {weekday} to make sure it arrived.",
    "",
    "Is there anything else I can help with?",
)
SIGN_OFFS = ("Best,\n{agent}", "Thanks,\n{first}", "Kind regards,\nThe Support Team", "", "Cheers,\n{first}")
CUSTOMER_MESSAGES = (
    "Hi, could you check where my order {order} is?",
    "I was charged twice this month. Can you refund one of them?",
    "This is the third time I am writing!! Nothing works and I am really angry.",
    "How do I change my plan to yearly billing?",
    "The app keeps crashing when I open settings, please help.",
    "",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def generate(path: Path, replies: int, seed: int = SEED) -> None:
    """A JSONL export of `replies` sent replies, the same for the same seed."""
    pick = random.Random(seed)
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    with path.open("w", encoding="utf-8") as export:
        for number in range(replies):
            agent = pick.choice(AGENTS)
            values = {
                "customer": pick.choice(CUSTOMERS),
                "agent": agent,
                "first": agent.split()[0],
                "amount": pick.randint(5, 400),
                "days": pick.randint(2, 10),
                "order": pick.randint(10_000, 99_999),
                "weekday": pick.choice(WEEKDAYS),
                "version": f"{pick.randint(1, 9)}.{pick.randint(0, 20)}",
            }
            paragraphs = [
                pick.choice(GREETINGS),
                " ".join(part for part in (pick.choice(THANKS), pick.choice(BODIES)) if part),
                pick.choice(FOLLOW_UPS),
                pick.choice(SIGN_OFFS),
            ]
            row = {
                "id": f"T-{number:06d}",
                "agent": agent,
                "macro": pick.choice(MACROS),
                "channel": pick.choice(CHANNELS),
                "sent_at": (start + datetime.timedelta(minutes=5 * number)).isoformat(),
                "reply": "\n\n".join(part for part in paragraphs if part).format(**values) + "\n",
                "customer_message": pick.choice(CUSTOMER_MESSAGES).format(**values),
            }
            export.write(json.dumps(row) + "\n")


def run(export: Path, jobs: int, output: Path) -> tuple[float, int, int]:
    """Wall seconds, peak resident set (KiB) of the largest process, exit code."""
    command = [sys.executable, "-m", "empathylint", "audit", "--jobs", str(jobs)]
    command += ["--output-format", "json", "--output-file", str(output), str(export)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    # wait4's ru_maxrss covers the process and its waited-for children: the largest of the
    # audit and its workers.
    peak = usage.ru_maxrss
    assert process.stderr is not None
    process.stderr.close()
    return elapsed, peak, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replies", type=int, default=FULL)
    parser.add_argument("--write-results", action="store_true", help="write bench/AUDIT.md (always for 100,000)")
    arguments = parser.parse_args()
    lines = []
    with tempfile.TemporaryDirectory(prefix="empathylint-audit-bench-") as folder:
        export = Path(folder) / "replies.jsonl"
        generate(export, arguments.replies)
        size = export.stat().st_size
        print(f"{arguments.replies:,} replies, {size / 1_048_576:.1f} MB of JSONL", flush=True)
        for jobs in (1, 2):
            output = Path(folder) / f"summary-{jobs}.json"
            elapsed, peak, code = run(export, jobs, output)
            summary = json.loads(output.read_text(encoding="utf-8"))
            assert summary["replies"] == arguments.replies, summary["replies"]
            line = (
                f"| --jobs {jobs} | {elapsed:,.0f} s | {arguments.replies / elapsed:,.0f} | {peak / 1024:,.0f} MB "
                f"| {summary['ready_rate']:.1%} ready | exit {code} |"
            )
            print(line, flush=True)
            lines.append(line)
    if arguments.replies == FULL or arguments.write_results:
        write_results(lines, size, arguments.replies)


def write_results(lines: list[str], size: int, replies: int) -> None:
    load = os.getloadavg()
    command = "bench/audit.py" + ("" if replies == FULL else f" --replies {replies} --write-results")
    megabytes = size / 1_048_576
    results = f"""# Audit speed and memory

`.venv/bin/python {command}` on {datetime.date.today():%Y-%m-%d}: `empathylint audit` over
{replies:,} generated replies ({megabytes:.1f} MB of JSONL, seed {SEED}), each run a fresh process.
Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, **loaded**
(shared with seven other engineers' builds and tests; load average at the end
{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}), so the figures are a floor, not a promise.

| run | wall time | replies per second | peak memory (largest process) | verdict | |
|---|---|---|---|---|---|
{chr(10).join(lines)}

Peak memory is the largest resident set of any one process (the audit or one of its workers),
most of it the checks' word lists and dictionaries; the rows themselves are streamed, and
`tests/test_audit_totals.py` holds memory flat from 1,000 to 10,000 rows.
"""
    (HERE / "AUDIT.md").write_text(results, encoding="utf-8")


if __name__ == "__main__":
    main()
