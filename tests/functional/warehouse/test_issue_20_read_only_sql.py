"""Issue 20, defects 1, 2, 9 and 12 and the Low ones of `sql`: the read-only SQL fails closed. A
statement that writes, reads a file around the warehouse or reads another tenant is refused by the
guard; and each wall behind the guard holds on its own: the locked connection cannot create or read
another file, and the sandboxed process (warehouse/sandbox.py) can write nothing and read no other
tenant. Every case runs the real command line on a warehouse with two tenants whose rows carry
markers, and checks that no file of the warehouse changed and no marker or path was printed."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import duckdb
import pytest

from tests.conftest import copy_of, in_process, write
from warehouse import tenant_ingest, tenants
from warehouse.connection import Location, connect
from warehouse.ingest import ingest

MARKERS = {"tenant-zq7-alpha": ("ALPHAEVALNAME91", "ALPHANOTE55", "ALPHATASK07"),
           "tenant-zq7-bravo": ("BRAVOEVALNAME92", "BRAVONOTE66", "BRAVOTASK08")}


def _load_tenant(location: Location, tenant_id: str, folder: Path) -> None:
    name, note, task = MARKERS[tenant_id]
    tenant = tenants.Tenant.of(location, tenant_id)
    tenant_ingest.ingest(tenant, "evaluations", write(folder / f"{tenant_id}-evaluations.csv", f"""
evaluation,name,category,kind,n_tasks,scoring
claims,{name},claims,single_turn,2,accuracy
"""))
    tenant_ingest.ingest(tenant, "runs", write(folder / f"{tenant_id}-runs.csv", f"""
model,effort,provider,evaluation,repeat,task_id,score,input_tokens,answer_tokens,started_at,account,note
gpt-4o-2024-08-06,,openai,claims,1,{task},1,1000,200,2026-09-01T10:00:00Z,anonymous,{note}
gpt-4o-2024-08-06,,openai,claims,1,{task}-2,0,1000,200,2026-09-01T10:00:00Z,anonymous,{note}
"""))


@pytest.fixture(scope="module")
def two_tenants_template(known_template, tmp_path_factory) -> Location:
    """The four-model warehouse with public task results in a Parquet data file, and two tenants."""
    folder = tmp_path_factory.mktemp("two-tenants")
    location = copy_of(Location.resolve(str(known_template)), folder / "warehouse")
    runs = folder / "runs.parquet"
    duckdb.sql(f"""COPY (SELECT 'gpt-4o-2024-08-06' AS model, 'default' AS effort, 'openai' AS provider,
                      'gpqa-diamond' AS evaluation, 1 AS "repeat", 'q' || i AS task_id, (i % 2)::DOUBLE AS score,
                      1000::BIGINT AS input_tokens, 200::BIGINT AS answer_tokens, 'anonymous' AS account
                   FROM range(5000) t(i)) TO '{runs}' (FORMAT parquet)""")
    ingest(location, "runs", runs)
    for tenant_id in MARKERS:
        _load_tenant(location, tenant_id, folder)
    return location


@pytest.fixture
def two_tenants(two_tenants_template, tmp_path) -> Location:
    return copy_of(two_tenants_template, tmp_path / "warehouse")


def every_file(location: Location) -> dict[str, str]:
    """Each file under the warehouse folder (its tenants included) and its bytes' hash."""
    return {str(p.relative_to(location.local_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(location.local_dir.rglob("*")) if p.is_file() and p.name != "writer.lock"}


def parquet_file(location: Location) -> Path:
    return next((location.local_dir / "data").rglob("*.parquet"))


def leaks(location: Location, output: str, reader: str | None = None) -> list[str]:
    """Markers of tenants other than `reader`, and the warehouse's absolute path, found in output."""
    found = [m for tenant_id, markers in MARKERS.items() if tenant_id != reader for m in (tenant_id, *markers)
             if m in output]
    return found + ([str(location.local_dir)] if str(location.local_dir) in output else [])


def refused(location: Location, *args: str, reader: str | None = None) -> str:
    """Run `benchhouse sql ARGS` (or `private sql --tenant READER ARGS`); it must fail with one line,
    change no file, print no other tenant's marker and no path. Returns its stderr."""
    before = every_file(location)
    command = ("private", "sql", "--tenant", reader) if reader else ("sql",)
    done = in_process(location, *command, *args, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1, done.stderr
    assert not leaks(location, done.stdout + done.stderr, reader), done.stdout + done.stderr
    assert every_file(location) == before
    return done.stderr


EXPLAIN_ANALYZE = ["EXPLAIN ANALYZE {}", "/**/EXPLAIN ANALYZE {}", "explain analyze {}", "EXPLAIN ANALYSE {}",
                   "EXPLAIN /* x */ ANALYZE {}", "/* c */ -- a comment\nEXPLAIN\nANALYZE {}", "  \tEXPLAIN   ANALYZE\t{}"]


@pytest.mark.parametrize("spelling", EXPLAIN_ANALYZE)
def test_issue_20_defect_1_sql_writes_into_the_warehouse(two_tenants, spelling):
    data = two_tenants.local_dir / "data"
    for copy in (f"COPY (SELECT 'x' AS x) TO '{data}/evil.csv'",
                 f"COPY (SELECT 'x' AS x) TO '{data}/evil.parquet' (FORMAT parquet)",
                 f"COPY (SELECT 'x' AS x) TO '{data}/evil.json' (FORMAT json)"):
        refused(two_tenants, spelling.format(copy))
        refused(two_tenants, spelling.format(copy), reader="tenant-zq7-alpha")
    assert not list(data.glob("evil*"))


def test_issue_20_defect_1_sql_cannot_forge_a_data_file_of_the_lake(two_tenants):
    target = parquet_file(two_tenants)
    forged = f"COPY (SELECT 'forged' AS model) TO '{target}' (FORMAT parquet, FIELD_IDS {{model: 1}})"
    for statement in (forged, f"EXPLAIN ANALYZE {forged}", f"/**/EXPLAIN ANALYZE {forged}"):
        refused(two_tenants, statement)
    done = in_process(two_tenants, "sql", "SELECT DISTINCT model FROM eval_runs", "--format", "csv")
    assert done.stdout == "model\ngpt-4o-2024-08-06\n"


def test_issue_20_defect_2_sql_reads_a_tenants_catalog(two_tenants):
    for tenant_id in MARKERS:
        catalog = two_tenants.local_dir / "tenants" / tenant_id / "catalog.sqlite"
        scan = (f"SELECT error(string_agg(CAST(t AS VARCHAR), ' | ')) FROM sqlite_scan('{catalog}', "
                "'ducklake_inlined_data_1_1') t")
        for spelling in ["{}", *EXPLAIN_ANALYZE]:
            refused(two_tenants, spelling.format(scan))
    refused(two_tenants, "SELECT path FROM duckdb_databases")
    refused(two_tenants, "SELECT * FROM duckdb_databases()")


def test_issue_20_defect_2_one_tenants_private_sql_reads_another(two_tenants):
    other = two_tenants.local_dir / "tenants" / "tenant-zq7-bravo"
    for statement in (f"SELECT * FROM sqlite_scan('{other}/catalog.sqlite', 'ducklake_metadata')",
                      f"/**/EXPLAIN ANALYZE SELECT * FROM sqlite_scan('{other}/catalog.sqlite', 'ducklake_metadata')",
                      f"SELECT * FROM read_text('{other}/catalog.sqlite')",
                      f"SELECT * FROM glob('{other}/**')",
                      "SELECT * FROM duckdb_databases()", "SELECT path FROM duckdb_databases"):
        refused(two_tenants, statement, reader="tenant-zq7-alpha")
    own = in_process(two_tenants, "private", "sql", "--tenant", "tenant-zq7-alpha",
                     "SELECT name FROM tenant.evaluations", "--format", "csv")
    assert own.stdout == "name\nALPHAEVALNAME91\n"


def test_issue_20_the_locked_connection_alone_cannot_create_or_read_another_file(two_tenants):
    """Behind the guard: the connection an analyst's statement runs in, given statements the guard
    would refuse. (DuckDB itself lets a connection open the files of the catalogs it attached, so the
    catalog files are walled by the sandboxed process, the test below.)"""
    data = two_tenants.local_dir / "data"
    other = two_tenants.local_dir / "tenants" / "tenant-zq7-bravo" / "catalog.sqlite"
    before = every_file(two_tenants)
    con = connect(two_tenants, read_only=True)
    try:
        for statement in (f"COPY (SELECT 1) TO '{data}/evil.csv'", f"COPY (SELECT 1) TO '{data}/main/evil.parquet'",
                          f"SELECT * FROM read_text('{other}')", f"SELECT * FROM read_blob('{data}/../writer.lock')",
                          "SELECT * FROM read_text('/etc/hostname')"):
            with pytest.raises(duckdb.PermissionException):
                con.execute(statement)
        assert con.execute("SELECT count(*) FROM task_results").fetchone()[0] == 5000
    finally:
        con.close()
    assert every_file(two_tenants) == before


def test_issue_20_the_sandboxed_process_alone_can_write_nothing_and_read_no_other_tenant(two_tenants):
    """Behind the guard and the connection's lock: an unlocked connection in the sandboxed process."""
    from warehouse import sandbox

    assert sandbox.landlock_abi() > 0, "this kernel has no Landlock: the query process would not be sandboxed"
    data = two_tenants.local_dir / "data"
    other = two_tenants.local_dir / "tenants" / "tenant-zq7-bravo" / "catalog.sqlite"
    own = two_tenants.local_dir / "tenants" / "tenant-zq7-alpha"
    reads = [str(data), str(two_tenants.local_dir / "catalog.sqlite"), str(own),
             *sandbox.runtime_paths(avoid=[two_tenants.local_dir])]
    before = every_file(two_tenants)

    def unlocked(statement: str):
        def work():
            con = connect(two_tenants, read_only=True, lock=False)
            try:
                return con.execute(statement).fetch_arrow_table()
            finally:
                con.close()
        return sandbox.call(work, reads, timeout_s=60)

    assert unlocked("SELECT count(*) AS n FROM task_results").to_pylist() == [{"n": 5000}]
    catalog = two_tenants.local_dir / "catalog.sqlite"
    for statement in (f"COPY (SELECT 1) TO '{data}/evil.csv'", f"COPY (SELECT 1) TO '{parquet_file(two_tenants)}'",
                      f"COPY (SELECT 1) TO '{catalog}' (FORMAT csv)",
                      f"SELECT * FROM sqlite_scan('{other}', 'ducklake_metadata')",
                      f"SELECT * FROM read_text('{other}')"):
        with pytest.raises(RuntimeError) as raised:  # refused by the kernel, not by DuckDB's rules
            unlocked(statement)
        message = str(raised.value)
        assert "Permission denied" in message or "unable to open database file" in message, message
        assert not any(marker in message for marker in MARKERS["tenant-zq7-bravo"]), message
    assert every_file(two_tenants) == before


def test_issue_20_defect_9_sql_o_that_hits_its_timeout_says_so_in_one_line(two_tenants, tmp_path):
    out = tmp_path / "rows.csv"
    stderr = refused(two_tenants, "SELECT i, md5(i::VARCHAR) FROM range(100000000) t(i)", "--timeout", "1",
                     "--format", "csv", "-o", str(out))
    assert "more than --timeout 1 seconds" in stderr and not out.exists()


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_issue_20_defect_12_sql_o_never_replaces_a_device_or_a_fifo(two_tenants, tmp_path, kind):
    if kind == "device":  # a null device of the test's own: the real /dev/null is not risked
        target = tmp_path / "null"
        os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    else:
        target = tmp_path / "pipe"
        os.mkfifo(target)
    mode = target.stat().st_mode
    stderr = refused(two_tenants, "SELECT 1 AS one", "--format", "csv", "-o", str(target), "--force")
    assert "not a regular file" in stderr
    assert stat.S_IFMT(target.stat().st_mode) == stat.S_IFMT(mode) and not stat.S_ISREG(target.stat().st_mode)


def test_issue_20_low_sql_f_of_a_missing_file_a_folder_utf16_or_dev_zero(two_tenants, tmp_path):
    utf16 = tmp_path / "q16.sql"
    utf16.write_text("SELECT 1", encoding="utf-16")
    latin1 = tmp_path / "q1.sql"
    latin1.write_bytes(b"SELECT 'caf\xe9'")
    big = tmp_path / "big.sql"
    big.write_text("SELECT 1 " + " " * (2 << 20))
    for path, expect in ((tmp_path / "missing.sql", "no such file"), (tmp_path, "is a folder"),
                         (utf16, "not UTF-8 text (it looks like UTF-16)"), (latin1, "line 1: not UTF-8 text"),
                         (Path("/dev/zero"), "not a regular file"), (big, "longer than")):
        assert expect in refused(two_tenants, "-f", str(path))


def test_issue_20_low_sql_o_into_a_missing_folder(two_tenants, tmp_path):
    assert "does not exist" in refused(two_tenants, "SELECT 1", "--format", "csv", "-o", str(tmp_path / "no" / "x.csv"))


@pytest.mark.parametrize("value", ["inf", "nan", "1e12"])
def test_issue_20_low_sql_timeout_is_always_a_limit(two_tenants, value):
    assert "--timeout" in refused(two_tenants, "SELECT 1", "--timeout", value)


def test_issue_20_low_no_output_or_message_shows_a_path_or_a_tenant(two_tenants):
    """Database lists, settings and error messages, through both commands."""
    data = two_tenants.local_dir / "data"
    for statement in ("SELECT path FROM duckdb_databases", "SELECT * FROM pragma_database_list",
                      "SELECT * FROM duckdb_settings()", "SELECT * FROM pg_settings", "SELECT current_setting('home_directory')",
                      f"SELECT * FROM '{data}/nothing.parquet'", f"SELECT * FROM read_parquet('{data}/x.parquet')",
                      "SELECT * FROM duckdb_extensions()", "SELECT * FROM duckdb_temporary_files()"):
        refused(two_tenants, statement)
        refused(two_tenants, statement, reader="tenant-zq7-alpha")
    shown = in_process(two_tenants, "sql", "SHOW ALL TABLES", "--format", "csv")
    assert not leaks(two_tenants, shown.stdout + shown.stderr)


# A grammar of what an analyst (or a client reading another client) might type: statements, prefixes,
# table functions and files, each tried through `sql` and `private sql`.
PREFIXES = ["", "EXPLAIN ", "EXPLAIN ANALYZE ", "/**/EXPLAIN ANALYZE ", "explain analyse ", "/* x */\nEXPLAIN\nANALYZE ",
            "WITH q AS (SELECT 1) "]
EXPRESSIONS = ["*", "count(*)", "error(string_agg(CAST(t AS VARCHAR), '|'))", "string_agg(CAST(t AS VARCHAR), '|')",
               "current_setting('temp_directory')", "getvariable('x')", "hex(CAST(t AS VARCHAR))"]
SOURCES = ["read_csv('{file}')", "read_text('{file}')", "read_blob('{file}')", "read_parquet('{file}')",
           "read_json_auto('{file}')", "glob('{file}')", "sqlite_scan('{file}', 'ducklake_metadata')",
           "sqlite_query('{file}', 'SELECT * FROM ducklake_metadata')", "parquet_metadata('{file}')", "'{file}'",
           "query('SELECT * FROM models')", "query_table('models')", "ducklake_list_files('bh', 'models')",
           "duckdb_databases()", "duckdb_databases", "duckdb_settings()", "pragma_database_list", "range(3)", "models",
           "tenant.evaluations", "tenant.task_results", "__ducklake_metadata_bh.ducklake_metadata",
           "system.main.sqlite_scan('{file}', 'ducklake_inlined_data_1_1')"]
STATEMENTS = ["SELECT {expression} FROM {source} t", "SELECT * FROM models WHERE model IN (SELECT {expression} FROM {source} t)",
              "COPY (SELECT {expression} FROM {source} t) TO '{target}'",
              "COPY (SELECT 'forged' AS model) TO '{target}' (FORMAT parquet)",
              "COPY models TO '{target}' (FORMAT json)", "EXPORT DATABASE '{folder}'", "ATTACH '{file}' AS other",
              "CREATE TABLE x AS SELECT {expression} FROM {source} t", "INSERT INTO models SELECT * FROM models",
              "UPDATE models SET display_name = 'forged'", "SET enable_external_access = true", "CALL {source}",
              "PRAGMA database_list", "CHECKPOINT", "LOAD '{file}'"]


def _grammar_files(location: Location) -> dict[str, list[str]]:
    root = location.local_dir
    bravo = root / "tenants" / "tenant-zq7-bravo"
    existing = [str(root / "catalog.sqlite"), str(bravo / "catalog.sqlite"), str(parquet_file(location)),
                "/etc/hostname", str(next(bravo.rglob("*.parquet"), bravo / "catalog.sqlite")), f"{root}/**/*"]
    return {"file": existing, "target": [*existing[:3], str(root / "data" / "new.parquet"), str(bravo / "new.csv")],
            "folder": [str(root / "data" / "export"), str(bravo)]}


def test_issue_20_no_statement_of_the_grammar_changes_a_file_or_shows_another_tenant(two_tenants_template):
    """Statements drawn from the grammar above, run through `sql` and `private sql --tenant alpha`:
    whatever each does (refused, or a plain answer), no file under the warehouse changes and no
    marker of a tenant the reader may not see (nor the warehouse's path) appears in any output."""
    from hypothesis import HealthCheck, given, settings, strategies as st

    location = two_tenants_template
    files = _grammar_files(location)
    before = every_file(location)
    keyword_case = st.sampled_from([str, str.lower, str.upper])

    @st.composite
    def statements(draw) -> str:
        template = draw(st.sampled_from(STATEMENTS))
        text = draw(st.sampled_from(PREFIXES)) + template.format(
            expression=draw(st.sampled_from(EXPRESSIONS)), source=draw(st.sampled_from(SOURCES)),
            target=draw(st.sampled_from(files["target"])), folder=draw(st.sampled_from(files["folder"])),
            file="{file}")
        text = text.replace("{file}", draw(st.sampled_from(files["file"])))
        return draw(keyword_case)(text) if "'" not in text else text

    @settings(max_examples=40, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(statement=statements(), reader=st.sampled_from([None, "tenant-zq7-alpha"]))
    def run(statement: str, reader: str | None) -> None:
        command = ("private", "sql", "--tenant", reader) if reader else ("sql",)
        done = in_process(location, *command, statement, "--format", "csv", "--timeout", "30", check=False)
        output = done.stdout + done.stderr
        assert done.returncode in (0, 1), output
        assert not leaks(location, output, reader), (statement, output)
        assert every_file(location) == before, statement

    run()


def test_a_query_process_that_dies_while_answering_is_told_in_one_line(monkeypatch):
    """The child cut off in the middle of its rows (killed at its deadline, or by the kernel) is a death
    the parent names, never an Arrow or pickle traceback."""
    import pyarrow as pa

    from warehouse import sandbox

    def dies_midway(sink, schema):
        sink.write(b"\xff\xff\xff\xff\x10\x00")  # the start of a stream, then nothing
        sink.flush()
        os._exit(9)

    monkeypatch.setattr(sandbox.pa.ipc, "new_stream", dies_midway)
    with pytest.raises(sandbox.Died):
        sandbox.call(lambda: pa.table({"a": [1]}), sandbox.runtime_paths(avoid=[]), timeout_s=30)


def test_no_message_of_a_query_shows_the_warehouse_path(two_tenants):
    """Also the errors of opening the warehouse: a snapshot it does not have."""
    stderr = refused(two_tenants, "SELECT 1", "--snapshot", "99999")
    assert "snapshot 99999 does not exist" in stderr


def test_the_data_files_are_named_alike_with_or_without_a_trailing_slash(two_tenants):
    from dataclasses import replace

    from warehouse.connection import data_files

    bare = replace(two_tenants, data_path=two_tenants.data_path.rstrip("/"))
    named = data_files(None, two_tenants)
    assert named and sorted(data_files(None, bare)) == sorted(named)
    assert all(Path(p).is_file() for p in named)
