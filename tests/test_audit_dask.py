"""The audit on Dask (the `dask` extra): on a LocalCluster the totals equal one process's,
whether the export is read here and checked on the cluster (`audit --dask`) or given as a
dask.bag. Skipped, saying why, where the extra is not installed; CI installs it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from empathylint.audit.checker import AuditSettings
from empathylint.audit.records import Columns
from empathylint.audit.render import to_json
from empathylint.audit.rows import ExportReader
from empathylint.audit.running import audit_rows
from empathylint.cli import app
from tests.conftest import FIXTURES

# One worker starts the cluster once for the module (pytest-xdist groups them).
pytestmark = pytest.mark.xdist_group("dask")

NOT_INSTALLED = "the dask extra is not installed (pip install -e '.[dask]')"


def test_dask_is_never_imported_by_the_command_line() -> None:
    script = (
        "import sys\n"
        "import empathylint.cli, empathylint.audit.command, empathylint.audit.on_dask\n"
        "print(sorted(name for name in ('dask', 'distributed') if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed", reason=NOT_INSTALLED)
    # One single-threaded worker in this process (as README advises: the checks are CPU-bound
    # Python, threads would share one core): the tasks still go through the scheduler. The
    # scheduler always serves HTTP; on a free port, so another cluster on 8787 makes no warning.
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as local_cluster:
        yield local_cluster


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few hundred replies: the fixture's seven, again and again, with ids of their own."""
    rows = [
        json.loads(line) for line in (FIXTURES / "audit" / "replies.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    path = tmp_path_factory.mktemp("dask") / "replies.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(301):
            out.write(json.dumps({**rows[number % len(rows)], "id": f"d{number}"}) + "\n")
        out.write("not json\n")
    return path


def alone(export: Path) -> str:
    return to_json(audit_rows(ExportReader(str(export), Columns()), AuditSettings(), jobs=1), [str(export)])


def test_the_cluster_totals_equal_one_process(cluster: Any, export: Path) -> None:
    import distributed

    from empathylint.audit.on_dask import audit_on_scheduler

    chunks: list[int] = []
    with distributed.Client(cluster) as client, distributed.get_task_stream(client) as tasks:
        totals = audit_on_scheduler(
            ExportReader(str(export), Columns()), AuditSettings(), cluster.scheduler_address, on_chunk=chunks.append
        )
    assert to_json(totals, [str(export)]) == alone(export)
    assert (totals.replies, totals.bad_rows) == (301, 1)
    assert sum(chunks) == 302
    assert any("check_rows" in str(task["key"]) for task in tasks.data)  # checked by the cluster's worker


def test_audit_dask_on_the_command_line(cluster: Any, export: Path) -> None:
    result = CliRunner().invoke(
        app, ["audit", "--dask", cluster.scheduler_address, "--output-format", "json", str(export)]
    )
    assert result.exit_code == 1, result.output
    assert result.stdout == alone(export)


def test_a_bag_of_records(cluster: Any, export: Path) -> None:
    import dask.bag
    import distributed

    from empathylint.audit.on_dask import audit_bag

    records = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()[:-1]]
    with distributed.Client(cluster):
        totals = audit_bag(dask.bag.from_sequence(records, npartitions=4)).compute()
    expected = json.loads(alone(export))
    found = json.loads(to_json(totals, [str(export)]))
    assert found["bad_rows"] == expected["bad_rows"] - 1  # the bag holds no invalid line
    for key in ("replies", "ready_to_send", "items", "agents", "macros", "findings", "channels"):
        assert found[key] == expected[key], key
    assert [(w["blocking"], w["findings"]) for w in found["worst_replies"]] == [
        (w["blocking"], w["findings"]) for w in expected["worst_replies"]
    ]
