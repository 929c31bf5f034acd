"""A read-only warehouse is readable, every writer on it says so in one line and changes nothing, and a
damaged catalog or data file is named as such, not called a bug (issue 20, defect 11 and a Low one).

Read-only is a real read-only file system: a read-only bind mount in a mount namespace of its own
(`unshare -m`), as chmod does not stop root, who runs the tests here and in CI."""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, in_process, latest_snapshot, write_runs_parquet
from tests.unit.private.conftest import EVALUATIONS as TENANT_EVALUATIONS
from warehouse import tenant_ingest, tenants
from warehouse.connection import Location, connect, writer_lock

PERIOD = "2026Q3"


@pytest.fixture(scope="module")
def with_tenant(metrics_template, tmp_path_factory) -> Path:
    """The paper-checkable warehouse with one tenant, `acme`: built once, only read (or copied)."""
    folder = tmp_path_factory.mktemp("read-only") / "warehouse"
    shutil.copytree(metrics_template, folder)
    tenant_ingest.ingest(tenants.Tenant.of(Location.resolve(str(folder)), "acme"), "evaluations", TENANT_EVALUATIONS)
    return folder


@pytest.fixture
def warehouse(with_tenant: Path, tmp_path: Path) -> Location:
    shutil.copytree(with_tenant, tmp_path / "warehouse")
    return Location.resolve(str(tmp_path / "warehouse"))


@pytest.fixture(scope="module")
def subscribers(tmp_path_factory) -> Path:
    """One subscriber whose focus models are the small warehouse's."""
    folder = tmp_path_factory.mktemp("subscribers")
    text = (ROOT / "subscribers" / "acme-analytics.yaml").read_text()
    text = text.replace("gpt-5-2025-08-07", "alpha-1").replace("claude-sonnet-4-5-20250929", "beta-1")
    (folder / "acme-analytics.yaml").write_text(text.replace("  - gemini-2.5-pro\n", ""))
    shutil.copytree(ROOT / "subscribers" / "logos", folder / "logos")
    return folder


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under `folder` and the sha256 of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def read_only_run(mounted: Path, location: Location, work: Path, *commands: tuple[str, ...],
                  env: dict[str, str] | None = None) -> list[subprocess.CompletedProcess]:
    """Each command, as the real CLI in a process of its own, where `mounted` is a read-only bind mount
    (EROFS), in a mount namespace of the commands' own: the mount is gone when they end."""
    work.mkdir(parents=True, exist_ok=True)
    q = shlex.quote
    lines = [f"mount --bind -o ro {q(str(mounted))} {q(str(mounted))} || exit 99"]
    for i, args in enumerate(commands):
        lines.append(f"{q(sys.executable)} -m cli {' '.join(map(q, args))} >{q(str(work / f'{i}.out'))} "
                     f"2>{q(str(work / f'{i}.err'))} </dev/null; echo $? >{q(str(work / f'{i}.rc'))}")
    environment = {**os.environ, "BENCHHOUSE_WAREHOUSE": str(location.local_dir), "COLUMNS": "200", **(env or {})}
    done = subprocess.run(["unshare", "-m", "sh", "-c", "\n".join(lines)], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"the read-only mount failed: {done.stderr}"
    return [subprocess.CompletedProcess(args, int((work / f"{i}.rc").read_text()), (work / f"{i}.out").read_text(),
                                        (work / f"{i}.err").read_text()) for i, args in enumerate(commands)]


def assert_one_line_error(done: subprocess.CompletedProcess, location: Location, *expected: str) -> None:
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1, done.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert str(location.local_dir) not in done.stderr  # no absolute warehouse path
    for text in expected:
        assert text in lines[0], lines[0]


def test_issue_20_defect_11_writers_on_a_read_only_warehouse_say_so_in_one_line(warehouse, tmp_path):
    before = fingerprint(warehouse.local_dir)
    ran = read_only_run(
        warehouse.local_dir, warehouse, tmp_path / "runs",
        ("init",),
        ("ingest", "models", str(ROOT / "tests" / "fixtures" / "models_four.csv")),
        ("private", "ingest", "--tenant", "acme", "evaluations", str(TENANT_EVALUATIONS)),
        ("private", "ingest", "--tenant", "newcomer", "evaluations", str(TENANT_EVALUATIONS)),
        ("private", "purge", "--tenant", "acme", "--yes", "--out", str(tmp_path / "out")),
    )
    for done in ran:
        assert_one_line_error(done, warehouse, "read-only", "nothing was")  # changed, or deleted
    assert fingerprint(warehouse.local_dir) == before


def test_issue_20_defect_11_a_data_folder_refused_during_a_load_says_so_in_one_line(warehouse, tmp_path):
    """The folder, the catalog and the data folder may be written, but not the folder DuckDB writes the
    batch's Parquet files in: the refusal comes from inside the load, and is named all the same."""
    runs = write_runs_parquet(tmp_path / "runs.parquet", 3000, model="alpha-1", evaluation="e1")
    snapshot = latest_snapshot(warehouse)
    (done,) = read_only_run(warehouse.local_dir / "data" / "main", warehouse, tmp_path / "runs",
                            ("ingest", "runs", str(runs)))
    assert_one_line_error(done, warehouse, "read-only (data/main", "nothing was changed")
    assert latest_snapshot(warehouse) == snapshot


def test_issue_20_defect_11_report_build_reads_a_read_only_copy(warehouse, subscribers, tmp_path):
    before = fingerprint(warehouse.local_dir)
    (done,) = read_only_run(warehouse.local_dir, warehouse, tmp_path / "runs",
                            ("report", "build", "cost-to-run", "--subscriber", "acme-analytics", "--period", PERIOD,
                             "--format", "pptx", "--out", str(tmp_path / "out")),
                            env={"BENCHHOUSE_SUBSCRIBERS": str(subscribers)})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / f"{PERIOD}-cost-to-run-acme-analytics.pptx").stat().st_size > 0
    assert fingerprint(warehouse.local_dir) == before


def test_issue_20_defect_11_a_read_path_writes_not_even_the_lock_file(warehouse, subscribers, tmp_path):
    """On a writable warehouse too, reading the latest snapshot writes nothing: no migration, no lock file."""
    (warehouse.local_dir / "writer.lock").unlink()
    before = fingerprint(warehouse.local_dir)
    # The report's data ends before the quarter asked for: refused after the read path's checks, before rendering.
    done = in_process(warehouse, "report", "build", "cost-to-run", "--subscriber", "acme-analytics",
                      "--period", "2031Q1", "--format", "pptx", "--out", str(tmp_path / "out"),
                      env={"BENCHHOUSE_SUBSCRIBERS": str(subscribers)}, check=False)
    assert "starts after the warehouse's last data" in done.stderr, done.stderr
    assert fingerprint(warehouse.local_dir) == before


def test_issue_20_defect_11_a_reader_refuses_views_older_than_the_code(warehouse, subscribers, tmp_path):
    with writer_lock(warehouse):
        con = connect(warehouse)
        con.execute("UPDATE view_definitions SET sha256 = 'old' WHERE view_name = 'eval_scores'")
        con.close()
    before = fingerprint(warehouse.local_dir)
    done = in_process(warehouse, "report", "build", "cost-to-run", "--subscriber", "acme-analytics",
                      "--period", PERIOD, "--format", "pptx", "--out", str(tmp_path / "out"),
                      env={"BENCHHOUSE_SUBSCRIBERS": str(subscribers)}, check=False)
    assert_one_line_error(done, warehouse, "older than this code", "run `benchhouse init` first")
    assert fingerprint(warehouse.local_dir) == before and not (tmp_path / "out").exists()
    in_process(warehouse, "init")
    from warehouse.migrate import pending

    con = connect(warehouse, read_only=True)
    try:
        assert pending(con) == []
    finally:
        con.close()


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _another_sqlite_database(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (note TEXT)")
    db.close()


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("damage", [_garbage, _empty, _another_sqlite_database, _truncated],
                         ids=["garbage", "empty", "another-sqlite-database", "truncated"])
def test_issue_20_low_a_damaged_catalog_is_named_not_called_a_bug(warehouse, subscribers, tmp_path, damage):
    catalog = warehouse.local_dir / "catalog.sqlite"
    damage(catalog)
    before = fingerprint(warehouse.local_dir)
    for args in (("init",), ("ingest", "models", str(ROOT / "tests" / "fixtures" / "models_four.csv")),
                 ("report", "build", "cost-to-run", "--subscriber", "acme-analytics", "--period", PERIOD,
                  "--format", "pptx", "--out", str(tmp_path / "out"))):
        done = in_process(warehouse, *args, env={"BENCHHOUSE_SUBSCRIBERS": str(subscribers)}, check=False)
        assert_one_line_error(done, warehouse, "the warehouse's catalog catalog.sqlite is damaged or not a "
                                               "benchhouse catalog", "restore")
    assert fingerprint(warehouse.local_dir) == before  # never made into a new, empty warehouse


def _missing(path: Path) -> None:
    path.unlink()


@pytest.mark.parametrize("damage, said", [(_missing, "is missing"), (_truncated, "is damaged"),
                                          (_garbage, "is damaged"), (_empty, "is damaged")],
                         ids=["missing", "truncated", "garbage", "empty"])
def test_issue_20_low_a_damaged_or_missing_data_file_is_named_not_called_a_bug(warehouse, subscribers, tmp_path,
                                                                             damage, said):
    (data_file,) = (warehouse.local_dir / "data" / "main" / "prices").glob("*.parquet")
    damage(data_file)
    done = in_process(warehouse, "report", "build", "cost-to-run", "--subscriber", "acme-analytics",
                      "--period", PERIOD, "--format", "pptx", "--out", str(tmp_path / "out"),
                      env={"BENCHHOUSE_SUBSCRIBERS": str(subscribers)}, check=False)
    named = data_file.relative_to(warehouse.local_dir)
    assert_one_line_error(done, warehouse, f"the warehouse's data file {named} {said}", "restore")
    assert list(tmp_path.glob("out/*.pptx")) == []  # nothing rendered around the damaged file
