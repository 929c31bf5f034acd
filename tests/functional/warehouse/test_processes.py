"""Several processes at once: an ingest killed with SIGKILL mid-write leaves the previous snapshot,
and an analyst's query answers, from the last commit, while an ingest writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import cli, latest_snapshot, scalar, write_runs_parquet
from warehouse.connection import Location, connect, writer_lock
from warehouse.ingest import ingest

pytestmark = pytest.mark.long  # handed to a worker early (tests/conftest.py)

ROWS = 1_000_000  # about 0.4 s between its first data file and its exit on a 2-core machine, polled every 5 ms


def start_ingest(location: Location, path: Path, temp: Path) -> subprocess.Popen:
    """`benchhouse ingest runs path` in a process of its own, its temporary files in `temp`."""
    env = {**os.environ, "BENCHHOUSE_WAREHOUSE": str(location.local_dir), "TMPDIR": str(temp)}
    return subprocess.Popen([sys.executable, "-m", "cli", "ingest", "runs", str(path)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def data_files(location: Location) -> set[Path]:
    return set(Path(location.data_path).rglob("*.parquet"))


def wait_for_data_being_written(location: Location, process: subprocess.Popen,
                                before: set[Path]) -> None:
    """Return once the ingest has begun writing task results (it has not committed yet)."""
    deadline = time.monotonic() + 120
    while not (data_files(location) - before):
        assert process.poll() is None, f"the ingest ended before it was caught writing:\n{process.stderr.read()}"
        assert time.monotonic() < deadline, "the ingest never started writing"
        time.sleep(0.005)


def test_kill_9_during_ingest_leaves_the_previous_snapshot(known, tmp_path, monkeypatch):
    big = write_runs_parquet(tmp_path / "big.parquet", ROWS)
    snapshot, files = latest_snapshot(known), data_files(known)
    temp = tmp_path / "tmp"
    temp.mkdir()
    process = start_ingest(known, big, temp)
    wait_for_data_being_written(known, process, files)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    left = [folder.name for folder in temp.iterdir()]
    assert any(name.startswith(f"benchhouse-stage-{process.pid}-") for name in left), left  # its staged copy

    assert latest_snapshot(known) == snapshot
    assert scalar(known, "SELECT count(*) FROM task_results") == 0
    assert scalar(known, "SELECT count(*) FROM ingest_batches WHERE kind = 'runs'") == 0
    # Nothing is held: the same file loads in full, as a new batch; and the killed process's staged
    # copy (as large as the file) is removed by that next ingest.
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    result = ingest(known, "runs", big)
    assert not result.already_loaded and result.rows_accepted == ROWS
    assert scalar(known, "SELECT count(*) FROM task_results") == ROWS
    assert list(temp.iterdir()) == []


def test_sql_answers_while_a_write_is_open_in_another_process(known, tmp_path):
    """This process holds the writer lock and an open write transaction with rows written, as an
    ingest does before COMMIT; `benchhouse sql` in another process answers from the last commit."""
    count = ("sql", "SELECT count(*) AS n FROM task_results", "--format", "csv")
    with writer_lock(known):
        writer = connect(known)
        writer.execute("BEGIN")
        writer.execute("INSERT INTO task_results (run_id, task_id, score) "
                       "SELECT 1, 'q' || i, 1.0 FROM range(500000) t(i)")
        during = cli(known, *count)
        writer.execute("COMMIT")
        writer.close()
    assert during.stdout.splitlines() == ["n", "0"]
    assert cli(known, *count).stdout.splitlines() == ["n", "500000"]


def test_sql_answers_while_an_ingest_runs(known, tmp_path):
    big = write_runs_parquet(tmp_path / "big.parquet", ROWS)
    process = start_ingest(known, big, tmp_path)
    wait_for_data_being_written(known, process, data_files(known))
    during = cli(known, "sql", "SELECT count(*) AS n FROM task_results", "--format", "csv")
    assert process.wait(timeout=300) == 0, process.stderr.read()
    # Whether the query ran before or after the commit, it saw a whole state, never part of one.
    assert during.stdout.splitlines() in (["n", "0"], ["n", str(ROWS)])
