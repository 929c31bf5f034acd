"""Defect 2 of issue 14: the read-only `sql` cannot harm the warehouse. -o and --rejects never
overwrite the warehouse's files, the input or (without --force) an existing file; a query has a time
and a memory limit; DuckLake maintenance and settings functions are refused; no output or message
shows the warehouse's absolute paths. The command runs in this process (tests/conftest.py: in_process)
but where a limit on the process itself is tested."""

from __future__ import annotations

import time

import pytest

from tests.conftest import FIXTURES, cli, in_process, latest_snapshot, write
from warehouse.ingest import ingest


def _files(location):
    return sorted(p.relative_to(location.local_dir) for p in location.local_dir.rglob("*") if p.is_file()
                  and not p.name.endswith(".lock"))


def test_defect_2_read_only_sql_cannot_harm_the_warehouse_output_never_overwrites_it(with_runs, tmp_path):
    catalog = with_runs.local_dir / "catalog.sqlite"
    size, before = catalog.stat().st_size, latest_snapshot(with_runs)
    done = in_process(with_runs, "sql", "SELECT 1", "--format", "csv", "-o", str(catalog), "--force", check=False)
    assert done.returncode == 1 and "refused, it would overwrite the warehouse" in done.stderr
    assert catalog.stat().st_size == size and latest_snapshot(with_runs) == before
    query = write(tmp_path / "q.sql", "SELECT 1 AS one")
    done = in_process(with_runs, "sql", "-f", str(query), "--format", "csv", "-o", str(query), "--force", check=False)
    assert done.returncode == 1 and "the input file" in done.stderr and query.read_text() == "SELECT 1 AS one"
    existing = write(tmp_path / "existing.csv", "keep me\n")
    done = in_process(with_runs, "sql", "SELECT 1 AS one", "--format", "csv", "-o", str(existing), check=False)
    assert done.returncode == 1 and "pass --force" in done.stderr and existing.read_text() == "keep me\n"
    in_process(with_runs, "sql", "SELECT 1 AS one", "--format", "csv", "-o", str(existing), "--force")
    assert existing.read_text() == "one\n1\n"


def test_defect_2_read_only_sql_cannot_harm_the_warehouse_rejects_never_overwrite_the_input(known, tmp_path):
    bad = write(tmp_path / "models.csv", "model,creator,display_name\nBAD MODEL,lab,M\n")
    content = bad.read_text()
    done = in_process(known, "ingest", "models", str(bad), "--rejects", str(bad), check=False)
    assert done.returncode == 1 and "the input file" in done.stderr and bad.read_text() == content
    inside = known.local_dir / "data" / "rejects.csv"
    done = in_process(known, "ingest", "models", str(bad), "--rejects", str(inside), check=False)
    assert done.returncode == 1 and "the warehouse" in done.stderr and not inside.exists()


@pytest.mark.parametrize("statement", [
    "SELECT * FROM ducklake_merge_adjacent_files('bh')",
    "SELECT * FROM bh.merge_adjacent_files()",
    "SELECT * FROM ducklake_rewrite_data_files('bh')",
    "SELECT current_setting('temp_directory')",
    "SELECT s.current_setting() FROM (SELECT 'temp_directory' AS s)",
    "SELECT * FROM duckdb_settings()",
    "SELECT * FROM duckdb_databases()",
    "SELECT * FROM ducklake_options('bh')",
    "SELECT * FROM __ducklake_metadata_bh.ducklake_metadata",
    "SELECT * FROM query('SELECT 1')",
    "SELECT * FROM (SELECT [x FOR x IN (SELECT list(path) FROM ducklake_list_files('bh', 'models'))])",
])
def test_defect_2_read_only_sql_cannot_harm_the_warehouse_maintenance_and_settings_refused(with_runs, statement):
    files, before = _files(with_runs), latest_snapshot(with_runs)
    done = in_process(with_runs, "sql", statement, check=False)
    assert done.returncode == 1 and "is refused" in done.stderr, done.stderr
    assert str(with_runs.local_dir) not in done.stderr
    assert _files(with_runs) == files and latest_snapshot(with_runs) == before


def test_defect_2_read_only_sql_cannot_harm_the_warehouse_time_and_memory_limits(with_runs):
    # In a process of its own, as an analyst runs it: the limits hold the whole process.
    began = time.monotonic()
    done = cli(with_runs, "sql", "SELECT count(*) FROM range(1000000000000)", "--timeout", "2", check=False)
    assert done.returncode == 1 and "more than --timeout 2 seconds" in done.stderr
    assert time.monotonic() - began < 60
    done = cli(with_runs, "sql", "SELECT list_transform(range(400000000), x -> x * 2) AS l", "--memory-limit",
               "200MB", "--format", "csv", check=False)
    assert done.returncode == 1 and "more than --memory-limit 200MB" in done.stderr, done.stderr
    assert "--timeout" in cli(with_runs, "sql", "--help").stdout


def test_defect_2_read_only_sql_cannot_harm_the_warehouse_no_absolute_path_is_shown(with_runs):
    data = with_runs.local_dir / "data"
    done = in_process(with_runs, "sql", f"SELECT * FROM '{data}/no-such-file.parquet'", check=False)
    assert done.returncode == 1 and str(with_runs.local_dir) not in done.stderr, done.stderr
    found = in_process(with_runs, "sql", "SELECT $p || '/catalog.sqlite' AS path", "-p", f"p={with_runs.local_dir}",
                "--format", "csv")
    assert found.stdout.startswith("path\n<warehouse>") and str(with_runs.local_dir) not in found.stdout


def test_the_address_space_cap_holds_for_the_query_only(known):
    """`sql` caps its process's address space while its query runs; a caller that runs it in its own
    process (a test, a notebook) goes on with the limit it had: a V8 started later (the chart
    renderer) cannot reserve its heap under the cap."""
    import resource

    from warehouse import query
    from warehouse.errors import BenchhouseError

    before = resource.getrlimit(resource.RLIMIT_AS)
    assert query.run(known, "SELECT 1 AS one", isolated=True).to_pylist() == [{"one": 1}]
    assert resource.getrlimit(resource.RLIMIT_AS) == before
    with pytest.raises(BenchhouseError):
        query.run(known, "SELECT nope", isolated=True)
    assert resource.getrlimit(resource.RLIMIT_AS) == before
