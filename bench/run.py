"""Speed, side by side with the peers (issues 8 and 19): cold start, throughput, the result
cache, linear cost, memory.

    python3 bench/run.py --corpus ../shared/corpus --with-peers --write-results
    python3 bench/run.py --quick                     # fewer files, one run per big case
    python3 bench/run.py --compare-with ../old-checkout --tools empathylint,empathylint@abc1234,proselint

Standard library only, so it runs under any Python 3.10+. The real corpus (--corpus, by
default ../shared/corpus beside the repository) is read in place, never copied here; the
seeded generated corpus (bench/corpus.py) goes into bench/.corpus/. The working tree is
installed into bench/.peers/empathylint/ (a wheel, as users install it) and, with
--with-peers, the peers into bench/.peers/ (all ignored by git). Every tool is run as a
user runs it, as a fresh process on the same files with its report sent to /dev/null;
empathylint gets a cache folder of its own, prepared as the case says (empty, word lists
only, or warm from a run over the same files), and proselint a configuration lifting its
max_errors. Each figure is the median wall time of several runs, beside its CPU time;
peak memory is given for the largest process (GNU time's %M, or a small fork-and-wait4
helper) and for all the run's processes together (their PSS, sampled every 25 ms).
"""

from __future__ import annotations

import argparse
import datetime
import functools
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corpus import DEFAULT_SEED, Corpus, RealCorpus, describe, describe_real, ensure_corpus, real_corpus

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
PEERS = BENCH / ".peers"
RESULTS = BENCH / "RESULTS.md"
RESULTS_MARKER = "<!-- bench/run.py --write-results inserts each new run below this line, newest first -->"

# Pinned so that a rerun after our optimisations races the same peers as before.
PROSELINT_VERSION = "0.16.0"
NPM_PEERS = {"alex": "11.0.1", "write-good": "1.0.8"}
NOT_INSTALLABLE = (
    "Vale and LanguageTool are not measured: neither is installable here (Vale ships as a binary "
    "from GitHub releases, LanguageTool as a Java server; the PyPI wrappers of both download them "
    "at first use, and this machine is offline but for package registries)."
)

# The budgets of issue 19, checked against every run.
COLD_OVER_PROSELINT = 1.5  # cold check of one reply, empty cache: within 1.5x proselint's time
FIRST_RUN_THROUGHPUT = 1.0  # the real replies and docs, first run: at least proselint's throughput
SECOND_RUN_THROUGHPUT = 10.0  # ... second run, with the result cache: at least 10x proselint's
LINEARITY_LIMIT = 20.0  # 20x the text (0.5 MB -> 10 MB) may cost at most 20x the time
PEAK_MEMORY_LIMIT_MB = 150.0  # every run, all processes together
# proselint stops after `max_errors` findings (1,000 by default), which makes it look fast
# on big files: every case runs it with this configuration instead.
PROSELINT_UNLIMITED = {"max_errors": 1_000_000_000}

# How empathylint's user cache folder is prepared before each timed run of a case.
EMPTY_CACHE = "empty"  # nothing: a fresh install, a new CI job
WORD_LISTS_CACHED = "word lists"  # the word lists derived once, no reports: a first run over new files
WARM_CACHE = "warm"  # after a run over the same files: a second run


@dataclass(frozen=True)
class Case:
    """One workload: the files every tool checks in one invocation, and how many timed runs."""

    name: str
    paths: tuple[Path, ...]
    runs: int
    is_doc: bool = False
    warm_up: bool = False
    cache: str = WORD_LISTS_CACHED
    root: Path | None = None  # the folder the tools run in (default: the generated corpus)

    @property
    def size_bytes(self) -> int:
        return sum(path.stat().st_size for path in self.paths)


@dataclass(frozen=True)
class Tool:
    """A linter as a user starts it: a command, plus what it needs to read the case's files."""

    name: str
    version: str
    argv: Callable[[Case, list[str]], list[str]]
    # Exit codes that mean "checked, with or without findings"; None: any code a normal exit gives.
    ok_codes: frozenset[int] | None
    note: str = ""
    # empathylint: runs with EMPATHYLINT_CACHE_DIR prepared as the case says.
    uses_cache: bool = False


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    peak_rss_kb: int
    returncode: int
    timed_out: bool
    stderr_tail: str
    # The largest sum of proportional set sizes of all the run's processes, sampled.
    peak_total_pss_kb: int = 0


@dataclass
class Measurement:
    tool: Tool
    case: Case
    runs: list[Run] = field(default_factory=list)
    problem: str = ""

    @property
    def median_seconds(self) -> float | None:
        good = [run.seconds for run in self.runs if not run.timed_out]
        return statistics.median(good) if good and not self.problem else None

    @property
    def median_cpu_seconds(self) -> float | None:
        good = [run.cpu_seconds for run in self.runs if not run.timed_out]
        return statistics.median(good) if good and not self.problem else None

    @property
    def peak_rss_mb(self) -> float:
        return max((run.peak_rss_kb for run in self.runs), default=0) / 1024

    @property
    def peak_total_mb(self) -> float:
        """All processes together: the sampled sum of their PSS, or the largest process's
        peak when a sample missed it (a run shorter than the sampling interval)."""
        return max((max(run.peak_rss_kb, run.peak_total_pss_kb) for run in self.runs), default=0) / 1024


# Peak RSS is read by a small wrapper that forks the tool, never from our own fork: Linux
# carries the forking process's resident set into the child's ru_maxrss across fork and exec,
# so a 100 MB benchmark process would report every 20 MB peer as 100 MB.
RSS_HELPER = """
import os, sys, time
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - started
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss} {elapsed}")
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


@functools.cache
def rss_wrapper() -> tuple[str, ...]:
    """GNU time (-f %M) when it is there, as it adds about a millisecond; else the Python helper."""
    gnu_time = shutil.which("time") or "/usr/bin/time"
    try:
        probe = subprocess.run([gnu_time, "-f", "%M", "true"], capture_output=True, text=True, timeout=10, check=False)
        if probe.returncode == 0 and probe.stderr.strip().isdigit():
            return (gnu_time, "-f", "%M", "-o")
    except (OSError, subprocess.SubprocessError):
        pass
    return (sys.executable, "-I", "-S", "-c", RSS_HELPER)


class MemorySampler(threading.Thread):
    """Samples the summed PSS (/proc/PID/smaps_rollup) of every process of one session
    (the tool and the workers it forks) until stopped; Linux only, else it reports 0."""

    INTERVAL_S = 0.025

    def __init__(self, session: int) -> None:
        super().__init__(daemon=True)
        self.session = session
        self.peak_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.INTERVAL_S):
            self.peak_kb = max(self.peak_kb, self._total_pss_kb())

    def _total_pss_kb(self) -> int:
        total = 0
        try:
            pids = [name for name in os.listdir("/proc") if name.isdigit()]
        except OSError:
            return 0
        for pid in pids:
            try:
                with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                if int(fields[3]) != self.session:  # the session id, after state, ppid, pgrp
                    continue
                with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as rollup:
                    for line in rollup:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1])
                            break
            except (OSError, IndexError, ValueError):
                continue  # ended between the listing and the read
        return total


def run_once(argv: Sequence[str], cwd: Path, timeout: float, environment: dict[str, str] | None = None) -> Run:
    """Wall time, CPU time and peak RSS of one run, stdout to /dev/null, stderr kept for a failure's reason."""
    wrapper = rss_wrapper()
    with tempfile.TemporaryFile() as stderr, tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*wrapper, rss_file.name, *argv],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,  # one process group: a timeout stops the tool, not only the wrapper
            env=environment,
        )
        sampler = MemorySampler(process.pid)
        sampler.start()
        stopped = threading.Event()

        def stop() -> None:
            stopped.set()
            os.killpg(process.pid, signal.SIGKILL)

        killer = threading.Timer(timeout, stop)
        killer.start()
        try:
            # wait4: the wrapper's rusage, which includes the CPU time of the tool it waited for.
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            # Interrupted (Ctrl-C): do not leave a ten-minute linter running on its own.
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise
        finally:
            killer.cancel()
            sampler.done.set()
            sampler.join()
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        tail = stderr.read()[-600:].decode("utf-8", errors="replace").strip()
        # GNU time writes "Command exited with non-zero status 1" above the figure.
        lines = [line for line in rss_file.read().splitlines() if line.strip()]
    fields = lines[-1].split() if lines else []
    peak_kb = int(fields[0]) if fields and fields[0].isdigit() else 0
    if len(fields) > 1:
        elapsed = float(fields[1])  # the helper's own clock, without its interpreter's start-up
        if sys.platform == "darwin":
            peak_kb //= 1024  # macOS reports ru_maxrss in bytes, Linux in KiB
    cpu = usage.ru_utime + usage.ru_stime
    return Run(elapsed, cpu, peak_kb, process.returncode, stopped.is_set(), tail, sampler.peak_kb)


def _problem(tool: Tool, run: Run) -> str:
    """Why a run does not count, or "" when it checked the files."""
    if run.timed_out:
        return ""
    if run.returncode < 0:
        return f"killed by signal {-run.returncode}"
    if tool.ok_codes is not None and run.returncode not in tool.ok_codes:
        message = run.stderr_tail.splitlines()[-1] if run.stderr_tail else "no message"
        # Paths as the repository names them: RESULTS.md is read on other machines.
        return f"exit {run.returncode}: {message.replace(str(REPO) + os.sep, '')}"
    return ""


# A reply that makes a run derive every word list (spelling, pronunciation) and grade.
SCRATCH_REPLY = (
    "Hi Maria,\n\nThanks for writing in about the invoice. I recieved your message and I have refunded the "
    "second charge, so you will see it on your card within five business days. Synchronisation problems "
    "occasionally need a fresh sign-in, so please sign out and back in once the refund arrives.\n\nBest,\nSam\n"
)


class CacheFolders:
    """empathylint's user cache folder for each timed run, prepared as the case says, in
    a scratch folder of the benchmark (never the user's own cache)."""

    def __init__(self, scratch: Path, timeout: float) -> None:
        self.scratch = scratch
        self.timeout = timeout
        self.count = 0
        self.word_lists: dict[str, Path] = {}
        self.warm: dict[tuple[str, str], Path] = {}

    def _fresh(self) -> Path:
        self.count += 1
        folder = self.scratch / f"cache-{self.count}"
        folder.mkdir(parents=True)
        return folder

    def _word_lists_for(self, tool: Tool) -> Path:
        if tool.name not in self.word_lists:
            folder = self._fresh()
            reply = self.scratch / "scratch-reply.txt"
            reply.write_text(SCRATCH_REPLY, encoding="utf-8")
            environment = {**os.environ, "EMPATHYLINT_CACHE_DIR": str(folder)}
            run_once(tool.argv(Case("scratch", (reply,), 1), [str(reply)]), self.scratch, self.timeout, environment)
            shutil.rmtree(folder / "results", ignore_errors=True)
            self.word_lists[tool.name] = folder
        return self.word_lists[tool.name]

    def prepare(self, tool: Tool, case: Case, files: list[str], cwd: Path) -> dict[str, str] | None:
        """The environment of the tool's next timed run of the case."""
        if not tool.uses_cache:
            return None
        if case.cache == EMPTY_CACHE:
            folder = self._fresh()
        elif case.cache == WORD_LISTS_CACHED:
            folder = self._fresh()
            shutil.copytree(self._word_lists_for(tool), folder, dirs_exist_ok=True)
        else:
            key = (tool.name, case.name)
            if key not in self.warm:
                folder = self._fresh()
                shutil.copytree(self._word_lists_for(tool), folder, dirs_exist_ok=True)
                environment = {**os.environ, "EMPATHYLINT_CACHE_DIR": str(folder)}
                run_once(tool.argv(case, files), cwd, self.timeout, environment)  # fills the result cache
                self.warm[key] = folder
            folder = self.warm[key]
        return {**os.environ, "EMPATHYLINT_CACHE_DIR": str(folder)}


def measure(
    tools: Sequence[Tool],
    case: Case,
    cwd: Path,
    timeout: float,
    enough: float,
    log: Callable[[str], None],
    caches: CacheFolders,
) -> list[Measurement]:
    """Each tool on the case, round-robin so drift in the machine's load spreads over all tools alike.

    A tool whose run took longer than `enough` seconds is not run again: noise is small beside
    such a run, and repeating a ten-minute run would make the whole benchmark too slow to rerun."""
    cwd = case.root or cwd
    relative = [os.path.relpath(path, cwd) for path in case.paths]
    measurements = [Measurement(tool, case) for tool in tools]
    if case.warm_up:
        for tool in tools:
            run_once(tool.argv(case, relative), cwd, timeout, caches.prepare(tool, case, relative, cwd))
    for repetition in range(1, case.runs + 1):
        for measurement in measurements:
            long_before = any(run.timed_out or run.seconds > enough for run in measurement.runs)
            if measurement.problem or long_before:
                continue
            environment = caches.prepare(measurement.tool, case, relative, cwd)
            run = run_once(measurement.tool.argv(case, relative), cwd, timeout, environment)
            measurement.runs.append(run)
            measurement.problem = _problem(measurement.tool, run)
            shown = (
                f"timed out after {timeout:.0f} s"
                if run.timed_out
                else f"{run.seconds:.3f} s ({run.cpu_seconds:.3f} s CPU)"
            )
            log(f"  {case.name:<24} {measurement.tool.name:<20} run {repetition}/{case.runs}  {shown}")
            if measurement.problem:
                log(f"    not counted: {measurement.problem}")
    return measurements


# --- the tools -----------------------------------------------------------------------------------


def _venv_bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


def ensure_empathylint(venv: Path, log: Callable[[str], None], source: Path = REPO) -> Path:
    """The console script of the working tree installed as a user installs it: a wheel, not editable.

    An editable install reads our modules from the source tree, and where PYTHONDONTWRITEBYTECODE
    is set (as on the machines here) recompiles every one of them on every run, about 60 ms
    that no user pays: pip compiles a wheel's modules at install time. The working tree is
    reinstalled on every benchmark run, so the figures are those of the code checked out."""
    script = _venv_bin(venv, "empathylint")
    python = str(_venv_bin(venv, "python"))
    if not _venv_bin(venv, "python").exists():
        log(f"Creating {venv} for empathylint ...")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    first = not script.exists()
    log(f"Installing empathylint from {source} into {venv} ...")
    # After the first install the dependencies are in place: rebuild and reinstall ours only.
    again = [] if first else ["--no-deps", "--force-reinstall"]
    subprocess.run([python, "-m", "pip", "install", "-q", *again, str(source)], check=True)
    return script


def _empathylint_has_jobs(script: Path) -> bool:
    """--jobs is passed only once the CLI offers it, so this benchmark runs before and after it lands."""
    help_text = subprocess.run([str(script), "check", "--help"], capture_output=True, text=True, check=False)
    return "--jobs" in help_text.stdout


def empathylint_tool(script: Path, jobs: int | None, name: str = "empathylint") -> Tool:
    version = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False).stdout.strip()
    jobs_flag: list[str] = []
    note = "serial (check has no --jobs option yet)"
    if _empathylint_has_jobs(script):
        jobs_flag = ["--jobs", str(jobs)] if jobs else []
        note = f"--jobs {jobs}" if jobs else "--jobs default (chosen from the work)"

    def argv(case: Case, files: list[str]) -> list[str]:
        profile = ["--profile", "doc"] if case.is_doc else []
        return [str(script), "check", *profile, *jobs_flag, *files]

    return Tool(name, version.removeprefix("empathylint "), argv, frozenset({0, 1}), note, uses_cache=True)


def bare_python_tool(venv: Path) -> Tool:
    """The floor under any Python linter's cold start: the same interpreter doing nothing."""
    python = str(_venv_bin(venv, "python"))
    return Tool("python -c pass", platform.python_version(), lambda case, files: [python, "-c", "pass"], frozenset({0}))


def _log_to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def install_peers(log: Callable[[str], None]) -> list[Tool]:
    """proselint from PyPI and alex, write-good from npm, into bench/.peers/; the ones that install."""
    tools: list[Tool] = []
    venv = PEERS / "venv"
    proselint = _venv_bin(venv, "proselint")
    try:
        if not _installed_proselint(venv):
            log(f"Installing proselint {PROSELINT_VERSION} into {venv} ...")
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            pip = [str(_venv_bin(venv, "python")), "-m", "pip", "install", "-q", f"proselint=={PROSELINT_VERSION}"]
            subprocess.run(pip, check=True)
        unlimited = PEERS / "proselint-unlimited.json"
        unlimited.write_text(json.dumps(PROSELINT_UNLIMITED), encoding="utf-8")
        tools.append(
            Tool(
                "proselint",
                PROSELINT_VERSION,
                lambda case, files: [str(proselint), "check", "--config", str(unlimited), *files],
                frozenset({0, 1}),
                f"--config with max_errors {PROSELINT_UNLIMITED['max_errors']:,} (its default stops at 1,000)",
            )
        )
    except (OSError, subprocess.CalledProcessError) as error:
        log(f"proselint not measured: its install failed ({error})")

    node = PEERS / "node"
    wanted = [f"{name}@{version}" for name, version in NPM_PEERS.items()]
    try:
        if any(_npm_version(node, name) != version for name, version in NPM_PEERS.items()):
            log(f"Installing {', '.join(wanted)} into {node} ...")
            node.mkdir(parents=True, exist_ok=True)
            npm = ["npm", "install", "--prefix", str(node), "--no-audit", "--no-fund", "--loglevel=error", *wanted]
            subprocess.run(npm, check=True, stdout=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError) as error:
        log(f"alex and write-good not measured: npm install failed ({error})")
        return tools
    binaries = node / "node_modules" / ".bin"
    tools.append(
        Tool(
            "alex",
            NPM_PEERS["alex"],
            lambda case, files: [str(binaries / "alex"), *files],
            frozenset({0, 1}),
            "reads the HTML articles as Markdown, as `alex FILES` does",
        )
    )
    # write-good exits with its number of suggestions, so only a crash is a failure.
    tools.append(
        Tool("write-good", NPM_PEERS["write-good"], lambda case, files: [str(binaries / "write-good"), *files], None)
    )
    return tools


def _installed_proselint(venv: Path) -> bool:
    if not _venv_bin(venv, "proselint").exists():
        return False
    shown = subprocess.run(
        [str(_venv_bin(venv, "python")), "-m", "pip", "show", "proselint"], capture_output=True, text=True, check=False
    )
    return f"Version: {PROSELINT_VERSION}" in shown.stdout


def _npm_version(node: Path, package: str) -> str | None:
    try:
        manifest = json.loads((node / "node_modules" / package / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    version = manifest.get("version")
    return version if isinstance(version, str) else None


# --- cases, figures, verdicts --------------------------------------------------------------------


def build_cases(corpus: Corpus, real: RealCorpus | None, quick: bool, cold_runs: int, big_runs: int) -> list[Case]:
    """The issue's budgets on the real corpus first (when it is there), then the generated
    corpus: cold starts, many short replies, articles, and one big file."""
    cases: list[Case] = []
    if real is not None:
        reply = real.replies[:1]
        cases += [
            Case("real-cold-1-reply", reply, cold_runs, warm_up=True, cache=EMPTY_CACHE, root=real.root),
            Case("real-cold-1-reply-cached", reply, cold_runs, cache=WARM_CACHE, root=real.root),
            Case("real-replies", real.replies, big_runs, root=real.root),
            Case("real-replies-again", real.replies, big_runs, cache=WARM_CACHE, root=real.root),
            Case("real-docs", real.docs, 1 if quick else big_runs, is_doc=True, root=real.root),
            Case("real-docs-again", real.docs, big_runs, is_doc=True, cache=WARM_CACHE, root=real.root),
        ]
    if quick:
        return [
            *cases,
            Case("replies-200", corpus.replies[:200], big_runs),
            Case("doc-0.5MB", (corpus.small_doc,), big_runs, is_doc=True),
        ]
    return [
        *cases,
        Case("cold-1-reply", corpus.replies[:1], cold_runs, warm_up=True),
        Case("replies-1000", corpus.replies[:1000], big_runs),
        Case("articles-500", corpus.articles[:500], big_runs, is_doc=True),
        Case("doc-0.5MB", (corpus.small_doc,), big_runs, is_doc=True),
        Case("doc-10MB", (corpus.big_doc,), big_runs, is_doc=True),
    ]


def _find(measurements: Sequence[Measurement], tool: str, case: str) -> Measurement | None:
    return next((m for m in measurements if m.tool.name == tool and m.case.name == case), None)


def _seconds(measurements: Sequence[Measurement], tool: str, case: str, cpu: bool = False) -> float | None:
    found = _find(measurements, tool, case)
    if found is None:
        return None
    return found.median_cpu_seconds if cpu else found.median_seconds


def table(measurements: Sequence[Measurement], timeout: float) -> str:
    lines = [
        "| tool | case | cache | files | MB | runs | median s | files/s | MB/s | CPU s | peak MB, largest process "
        "| peak MB, all processes | × empathylint's time |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for measurement in measurements:
        case = measurement.case
        size_mb = case.size_bytes / 1_048_576
        ours = _seconds(measurements, "empathylint", case.name)
        seconds = measurement.median_seconds
        cpu = measurement.median_cpu_seconds
        if measurement.problem:
            figures = [f"failed: {measurement.problem}", "", "", "", ""]
        elif seconds is None or cpu is None:
            figures = [f"> {timeout:.0f} (timed out)", "", "", "", ""]
        else:
            ratio = f"{seconds / ours:.2f}" if ours else ""
            rate = len(case.paths) / seconds
            files_per_second = f"{rate:,.1f}" if rate < 10 else f"{rate:,.0f}"
            figures = [f"{seconds:.3f}", files_per_second, f"{size_mb / seconds:.3f}", f"{cpu:.3f}", ratio]
        # A stopped run leaves no figure: GNU time is stopped with the tool.
        rss = f"{measurement.peak_rss_mb:.0f}" if any(run.peak_rss_kb for run in measurement.runs) else ""
        total = f"{measurement.peak_total_mb:.0f}" if rss else ""
        figures[4:4] = [rss, total]
        cache = case.cache if measurement.tool.uses_cache else ""
        files_and_size = [cache, f"{len(case.paths):,}", f"{size_mb:.2f}", str(len(measurement.runs))]
        lines.append("| " + " | ".join([measurement.tool.name, case.name, *files_and_size, *figures]) + " |")
    return "\n".join(lines)


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    met: bool | None  # None: not measured in this run


def verdicts(measurements: Sequence[Measurement], by_cpu: bool) -> list[Verdict]:
    """Issue 19's budgets against this run, judged on wall time, or on CPU time when by_cpu."""

    def seconds(tool: str, case: str) -> float | None:
        return _seconds(measurements, tool, case, cpu=by_cpu)

    def against_proselint(case: str, target: str, at_least: float, throughput: bool) -> Verdict:
        ours, theirs = seconds("empathylint", case), seconds("proselint", case)
        if ours is None or theirs is None:
            return Verdict(target, "not measured (needs the real corpus and --with-peers)", None)
        if throughput:
            return Verdict(target, f"{theirs / ours:.2f}× ({ours:.2f} s vs {theirs:.2f} s)", theirs / ours >= at_least)
        return Verdict(target, f"{ours * 1000:.0f} ms vs {theirs * 1000:.0f} ms", ours <= at_least * theirs)

    found = [
        against_proselint(
            "real-cold-1-reply", f"cold check of one reply, empty cache, ≤ {COLD_OVER_PROSELINT}× proselint's time",
            COLD_OVER_PROSELINT, throughput=False,
        ),
        against_proselint(
            "real-cold-1-reply-cached", "cold check of one reply, warm result cache, ≤ proselint's time", 1.0,
            throughput=False,
        ),
    ]  # fmt: skip
    for case, label in (("real-replies", "the corpus replies"), ("real-docs", "the corpus docs")):
        found.append(
            against_proselint(case, f"{label}, first run: ≥ proselint's throughput", FIRST_RUN_THROUGHPUT, True)
        )
        found.append(
            against_proselint(
                f"{case}-again", f"{label}, second run: ≥ {SECOND_RUN_THROUGHPUT:.0f}× proselint's throughput",
                SECOND_RUN_THROUGHPUT, True,
            )
        )  # fmt: skip
    found.append(against_proselint("doc-10MB", "10 MB help article ≤ proselint's time", 1.0, throughput=False))
    small, big = seconds("empathylint", "doc-0.5MB"), seconds("empathylint", "doc-10MB")
    target = f"10 MB article ≤ {LINEARITY_LIMIT:.0f}× the 0.5 MB one's time (linear)"
    if small is not None and big is not None:
        found.append(
            Verdict(target, f"{big / small:.1f}× ({big:.2f} s / {small:.2f} s)", big / small <= LINEARITY_LIMIT)
        )
    else:
        found.append(Verdict(target, "not measured", None))
    ours = [m for m in measurements if m.tool.name == "empathylint" and m.runs]
    if ours:
        worst = max(ours, key=lambda m: m.peak_total_mb)
        found.append(
            Verdict(
                f"peak memory ≤ {PEAK_MEMORY_LIMIT_MB:.0f} MB on every run, all processes together",
                f"largest {worst.peak_total_mb:.0f} MB ({worst.case.name})",
                worst.peak_total_mb <= PEAK_MEMORY_LIMIT_MB,
            )
        )
    return found


def verdict_lines(found: Sequence[Verdict]) -> str:
    marks = {True: "met", False: "NOT met", None: "not measured"}
    return "\n".join(f"- {marks[verdict.met]}: {verdict.target}: {verdict.measured}" for verdict in found)


# --- import time ---------------------------------------------------------------------------------

IMPORTTIME_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \| (.*)$")


def import_time_top(venv: Path, script: Path, reply: Path, cwd: Path, count: int = 15) -> str:
    """`python -X importtime` of the cold one-reply check: the heaviest imports by cumulative time."""
    python = str(_venv_bin(venv, "python"))
    argv = [python, "-X", "importtime", str(script), "check", str(reply.relative_to(cwd))]
    with tempfile.TemporaryDirectory() as cache:  # an empty cache: every import a first run makes
        environment = {**os.environ, "EMPATHYLINT_CACHE_DIR": cache}
        stderr = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False, env=environment).stderr
    entries: list[tuple[int, int, str]] = []
    for line in stderr.splitlines():
        matched = IMPORTTIME_LINE.match(line)
        if matched:
            entries.append((int(matched[1]), int(matched[2]), matched[3]))
    total_ms = sum(own for own, _, _ in entries) / 1000
    lines = [
        f"All imports: {total_ms:.0f} ms ({len(entries)} modules); top {count} by cumulative time:",
        "",
        "| cumulative ms | self ms | module |",
        "| ---: | ---: | --- |",
    ]
    for own, cumulative, module in sorted(entries, key=lambda entry: -entry[1])[:count]:
        depth = (len(module) - len(module.lstrip())) // 2
        lines.append(f"| {cumulative / 1000:.1f} | {own / 1000:.1f} | {'· ' * depth}{module.strip()} |")
    return "\n".join(lines)


# --- the report ----------------------------------------------------------------------------------


def _git(*args: str) -> str:
    result = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
    return result.stdout.strip()


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def report(
    measurements: Sequence[Measurement],
    tools: Sequence[Tool],
    corpus: Corpus,
    real: RealCorpus | None,
    imports: str,
    options: argparse.Namespace,
    load_at_start: float,
    measured: tuple[str, str],
) -> str:
    commit, dirty = measured
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    versions = ", ".join(f"{tool.name} {tool.version}" + (f" ({tool.note})" if tool.note else "") for tool in tools)
    load_at_end = os.getloadavg()[0]
    by_cpu = max(load_at_start, load_at_end) > (os.cpu_count() or 1)
    mode = "quick" if options.quick else "full"
    narrowed = [f"{what} {chosen}" for what, chosen in (("cases", options.cases), ("tools", options.tools)) if chosen]
    if narrowed:
        mode += f" (only {'; '.join(narrowed)})"
    return "\n".join(
        [
            f"## {now} · commit {commit}{dirty} · {mode} run",
            "",
            f"Machine: {os.cpu_count()} × {_cpu_model()}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}.",
            f"Tools: {versions}.",
            f"Median of {options.cold_runs} runs for cold-1-reply and replies-10, up to {options.big_runs} for others "
            f"(a run over {options.enough:.0f} s is not repeated); wall time of the whole process, report to "
            "/dev/null; CPU s is user + system time, the steadier figure when the machine is shared.",
            f"Load average (1 min) at the start {load_at_start:.1f}, at the end {load_at_end:.1f} "
            f"on {os.cpu_count()} cores: above the core count, other work was competing for the CPU.",
            "",
            f"Corpora: the real one (read in place) and the generated one (seed {options.seed}):",
            "",
            "```",
            describe_real(real, os.path.relpath(real.root, REPO)) if real else "real corpus: not found",
            describe(corpus),
            "```",
            "",
            "empathylint's cache folder before each timed run: `empty` (a fresh install or CI job), "
            "`word lists` (derived once, no reports: a first run over these files), `warm` (after a run "
            "over the same files: a second run). Peak MB, all processes: the largest sampled sum of the "
            "PSS of the tool and its workers, or the largest process's peak when higher.",
            "",
            table(measurements, options.timeout),
            "",
            "× empathylint's time: the tool's median over ours; above 1 means slower than empathylint.",
            "",
            "### Targets",
            "",
            (
                "Judged on CPU time (user + system): the machine was busy with other work, so wall times "
                "measured the queue for the CPU as much as the tools."
                if by_cpu
                else "Judged on wall time."
            ),
            "",
            verdict_lines(verdicts(measurements, by_cpu)),
            "",
            "### `python -X importtime`, cold one-reply check",
            "",
            imports,
            "",
            NOT_INSTALLABLE if options.with_peers else "Peers not measured (run with --with-peers).",
        ]
    )


def write_results(section: str) -> None:
    """Insert this run under the marker, newest first, keeping earlier runs and their notes."""
    header = (
        "# Benchmark results (issue 8)\n\n"
        "Produced by `python3 bench/run.py --with-peers --write-results` (see README, Development → Benchmark).\n"
        "Each run keeps the notes written under it; compare runs before and after an optimisation.\n\n"
        f"{RESULTS_MARKER}\n"
    )
    existing = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else header
    if RESULTS_MARKER not in existing:
        existing = header + "\n" + existing
    before, after = existing.split(RESULTS_MARKER, 1)
    RESULTS.write_text(f"{before}{RESULTS_MARKER}\n\n{section}\n{after}", encoding="utf-8")


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--with-peers", action="store_true", help="install (once) and measure proselint, alex, write-good"
    )
    parser.add_argument("--quick", action="store_true", help="a few files and one run per big case, no 10 MB file")
    parser.add_argument("--write-results", action="store_true", help=f"add this run to {RESULTS.relative_to(REPO)}")
    parser.add_argument("--cases", help="only these cases, comma-separated (e.g. cold-1-reply,replies-1000)")
    parser.add_argument("--cold-runs", type=int, help="timed runs of the small cases (default 5; 3 with --quick)")
    parser.add_argument("--big-runs", type=int, help="timed runs of the big cases (default 3; 1 with --quick)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a run is stopped (default 600)")
    parser.add_argument(
        "--enough", type=float, default=60.0, help="a run longer than this many seconds is not repeated (default 60)"
    )
    parser.add_argument("--tools", help="only these tools, comma-separated (e.g. empathylint,proselint)")
    parser.add_argument("--jobs", type=int, help="empathylint --jobs (default: none given, empathylint chooses)")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=REPO.parent / "shared" / "corpus",
        help="the real corpus (replies/, docs/), read in place (default: ../shared/corpus beside the repository)",
    )
    parser.add_argument(
        "--compare-with",
        type=Path,
        help="another empathylint source tree (a checkout of an older commit) to measure side by side",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"corpus seed (default {DEFAULT_SEED})")
    parser.add_argument(
        "--venv",
        type=Path,
        default=PEERS / "empathylint",
        help="virtualenv the working tree is installed into, not editable (default bench/.peers/empathylint)",
    )
    options = parser.parse_args(argv)
    options.cold_runs = options.cold_runs or (3 if options.quick else 5)
    options.big_runs = options.big_runs or (1 if options.quick else 3)
    return options


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_arguments(argv)
    load_at_start = os.getloadavg()[0]
    log = _log_to_stderr
    corpus = ensure_corpus(options.seed, log=log)
    real = real_corpus(options.corpus)
    if real is None:
        log(f"No real corpus at {options.corpus} (--corpus): only the generated cases are measured.")
    # The tree as installed: commits made while the benchmark runs are not what it measures.
    measured = (
        _git("rev-parse", "--short", "HEAD"),
        " (with uncommitted changes in the tree)" if _git("status", "--porcelain", "--untracked-files=no") else "",
    )
    script = ensure_empathylint(options.venv, log)
    empathylint = empathylint_tool(script, options.jobs)
    compared: list[Tool] = []
    if options.compare_with:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=options.compare_with, capture_output=True, text=True
        ).stdout.strip()
        other = ensure_empathylint(PEERS / "empathylint-compared", log, options.compare_with.resolve())
        compared.append(empathylint_tool(other, options.jobs, f"empathylint@{commit or 'other'}"))
    peers = install_peers(log) if options.with_peers else []
    if options.with_peers:
        log(NOT_INSTALLABLE)

    cases = build_cases(corpus, real, options.quick, options.cold_runs, options.big_runs)
    if options.cases:
        wanted = {name.strip() for name in options.cases.split(",")}
        unknown = wanted - {case.name for case in cases}
        if unknown:
            print(f"run.py: unknown case {', '.join(sorted(unknown))}; cases: {', '.join(c.name for c in cases)}")
            return 2
        cases = [case for case in cases if case.name in wanted]

    measured_tools = [empathylint, *compared, *peers]
    if options.tools:
        wanted = {name.strip() for name in options.tools.split(",")}
        unknown = wanted - {tool.name for tool in measured_tools}
        if unknown:
            known = ", ".join(tool.name for tool in measured_tools)
            print(f"run.py: unknown or not installed tool {', '.join(sorted(unknown))}; tools: {known}")
            return 2
        measured_tools = [tool for tool in measured_tools if tool.name in wanted]
    measurements: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="empathylint-bench-") as scratch:
        caches = CacheFolders(Path(scratch), options.timeout)
        for case in cases:
            tools = list(measured_tools)
            if case.name.startswith(("cold-1-reply", "real-cold-1-reply")) and case.cache == EMPTY_CACHE:
                tools.append(bare_python_tool(options.venv))
            measurements += measure(tools, case, corpus.root, options.timeout, options.enough, log, caches)

    first_reply = real.replies[0] if real else corpus.replies[0]
    imports = import_time_top(options.venv, script, first_reply, real.root if real else corpus.root)
    section = report(measurements, measured_tools, corpus, real, imports, options, load_at_start, measured)
    print(section)
    if options.write_results:
        write_results(section)
        log(f"Added this run to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
