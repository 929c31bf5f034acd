"""The warehouse shared by a team: its DuckLake catalog in PostgreSQL, its data in a folder. An
ingest, two analysts' queries and a quarterly run on a Dask LocalCluster at once lose nothing; two
writers, whatever they call the data folder, wait for each other through PostgreSQL's advisory lock,
and a killed writer's lock is released."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from reports.delivery import build, manifests, quarterly, subscribers
from reports.window import Period
from tests.conftest import latest_snapshot, rows, scalar, write, write_runs_parquet
from tests.unit.metrics.conftest import METRICS, PRICES, RUNS, index_folder
from warehouse.connection import ENV_DATA_PATH, writer_lock
from warehouse.errors import WarehouseBusy
from warehouse.ingest import ingest, ingest_indices

pytestmark = pytest.mark.long  # handed to a worker early (tests/conftest.py)

PERIOD = Period.parse("2026Q3")
NEW_RUNS = 3000


def lines(path: Path) -> int:
    with open(path, newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def benchhouse(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "cli", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env or dict(os.environ, COLUMNS="200"), start_new_session=True)


def finish(process: subprocess.Popen) -> str:
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, f"{process.args[3:]} failed:\n{stderr}"
    return stdout


def one_subscriber(folder: Path) -> Path:
    """Northwind Bank's file, cut down to one report in one format, on the small warehouse's models."""
    (folder / "logos").mkdir(parents=True)
    shutil.copy(subscribers.folder() / "logos" / "northwind-bank.svg", folder / "logos")
    text = (subscribers.folder() / "northwind-bank.yaml").read_text()
    text = text.replace("reports: [cost-to-run, smile-curve]", "reports: [cost-to-run]")
    focus = text[text.index("focus_models:"):text.index("index_version:")]
    (folder / "northwind-bank.yaml").write_text(text.replace(focus, "focus_models:\n  - alpha-1\n  - beta-1\n"))
    return folder


def test_an_ingest_two_analysts_and_a_quarterly_run_on_dask_at_once_lose_nothing(shared, tmp_path):
    # The paper-checkable warehouse of tests/fixtures/metrics, loaded into the PostgreSQL catalog.
    ingest(shared, "models", METRICS / "models.csv")
    ingest(shared, "evaluations", METRICS / "evaluations.csv")
    ingest(shared, "runs", RUNS)
    ingest(shared, "prices", PRICES)
    ingest_indices(shared, index_folder(tmp_path))
    new_runs = write_runs_parquet(tmp_path / "llama_x_runs.parquet", NEW_RUNS, model="llama-x", evaluation="e1")
    folder = one_subscriber(tmp_path / "subscribers")
    plan = quarterly.plan(shared, PERIOD, tmp_path / "out", folder=folder)
    before = scalar(shared, "SELECT count(*) FROM task_results")
    assert before == lines(RUNS) and len(plan.pending) == 1 + len(build.DATA_PACK)

    started = time.monotonic()
    loading = benchhouse("ingest", "runs", str(new_runs))
    analysts = [benchhouse("sql", "SELECT count(*) AS n FROM task_results", "--format", "json"),
                benchhouse("sql", "SELECT model, effort, index FROM intelligence_index ORDER BY model", "--format", "csv")]
    outcome = quarterly.run(shared, plan, workers=1, executor="dask-local")
    finish(loading)
    counted, index = (finish(analyst) for analyst in analysts)
    assert time.monotonic() - started < 240

    # Each analyst saw a whole snapshot, before the batch or after it, never part of it.
    assert json.loads(counted)[0]["n"] in (before, before + NEW_RUNS)
    assert index.splitlines()[0] == "model,effort,index" and len(index.splitlines()) > 1
    # Every row loaded is there, once.
    assert scalar(shared, "SELECT count(*) FROM task_results") == lines(RUNS) + NEW_RUNS
    assert scalar(shared, "SELECT count(*) FROM prices") == lines(PRICES)
    assert scalar(shared, "SELECT count(*) FROM models") == lines(METRICS / "models.csv")
    assert rows(shared, "SELECT kind FROM ingest_batches ORDER BY batch_id") == [
        ("models",), ("evaluations",), ("runs",), ("prices",), ("indices",), ("runs",)]
    # The quarter read the snapshot it pinned, and its deliverable is whole and in both manifests.
    assert not outcome.failed and not quarterly.missing(plan)
    assert latest_snapshot(shared) > plan.snapshot
    (item,) = [d for d in plan.pending if d.format in ("pdf", "pptx")]
    run_manifest = manifests.read(plan.out / "manifest.json")
    recorded = run_manifest["deliverables"][str(item.path.relative_to(plan.out))]
    assert run_manifest["snapshot"] == plan.snapshot and run_manifest["failed"] == []
    assert recorded["sha256"] == manifests.sha256(item.path.read_bytes())
    assert len(PdfReader(item.path).pages) == recorded["pages"] > 3


def test_two_writers_on_the_shared_catalog_wait_for_each_other(shared, postgres, tmp_path):
    ingest(shared, "models", METRICS / "models.csv")
    more = write(tmp_path / "more_models.csv", """
model,creator,display_name,release_date,params_total_b,params_active_b,open_weights
gamma-1,lab-c,Gamma 1,2025-03-01,,,false
""")
    with writer_lock(shared):
        with pytest.raises(WarehouseBusy, match="another ingest is writing"):
            with writer_lock(shared, wait=False):  # another PostgreSQL session, even in this process
                raise AssertionError("a second writer was let in while the first holds the lock")
        # A second writer in another process, with a lock folder of its own: only PostgreSQL holds it back.
        second = benchhouse("ingest", "models", str(more), env=dict(os.environ, TMPDIR=str(tmp_path)))
        time.sleep(3)  # long enough to have loaded, were it not waiting
        assert second.poll() is None, second.communicate()[1]
        assert scalar(shared, "SELECT count(*) FROM models") == 4
    finish(second)
    assert scalar(shared, "SELECT count(*) FROM models") == 5
    # The catalog recorded every table's statistics when it was made (warehouse/migrate.py:
    # record_empty_tables), in PostgreSQL as in SQLite; the inserts updated them, one row a table.
    statistics = postgres.command("psql", shared.catalog.removeprefix("postgres:"), "-At", "-F", " ", "-c", (
        "SELECT t.table_name, count(s.table_id), max(s.record_count) FROM ducklake_table t LEFT JOIN "
        "ducklake_table_stats s USING (table_id) WHERE t.end_snapshot IS NULL GROUP BY 1")).stdout.split("\n")
    tables = {name: (int(rows_), int(count)) for name, rows_, count in (line.split() for line in statistics if line)}
    assert tables["models"] == (1, 5) and tables["eval_runs"] == (1, 0)
    assert {name for name, (rows_, _) in tables.items() if rows_ != 1} == set()


def test_a_machine_naming_the_data_by_another_path_is_told_the_path(shared, tmp_path):
    ingest(shared, "models", METRICS / "models.csv")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.symlink_to(tmp_path / "lake")
    done = benchhouse("sql", "SELECT count(*) FROM models", env=dict(os.environ, **{ENV_DATA_PATH: f"{elsewhere}/"}))
    _, stderr = done.communicate(timeout=120)
    assert done.returncode == 1
    assert stderr.strip() == (f"error: {ENV_DATA_PATH} is {elsewhere}/, but the catalog {shared.describe()} keeps "
                              f"its data in {tmp_path / 'lake'}/: set {ENV_DATA_PATH} to that (every machine must "
                              "name the data by the same path or URL)")


def test_a_killed_writer_releases_the_lock(shared, tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\n"
        "from warehouse.connection import Location, writer_lock\n"
        "with writer_lock(Location.resolve()):\n"
        "    print('held', flush=True); time.sleep(300)\n")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"
    with pytest.raises(WarehouseBusy):
        with writer_lock(shared, wait=False):
            raise AssertionError("a writer was let in while a live process holds the lock")
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    deadline = time.monotonic() + 10
    while True:  # PostgreSQL ends the session when its client's socket closes
        try:
            with writer_lock(shared, wait=False):
                break
        except WarehouseBusy:
            assert time.monotonic() < deadline, "the killed writer's advisory lock was never released"
            time.sleep(0.1)
