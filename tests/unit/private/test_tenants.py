"""Tenants by construction: a tenant's data lives in its own catalog and folder, the warehouse never
changes when a tenant loads, no public connection can read a tenant's files, tenant ids cannot
climb out of the tenants folder, hostile values are refused or stored as plain data, and a purge
leaves nothing behind."""

from __future__ import annotations

import hashlib
import math
import sys
from pathlib import Path

import pytest

from tests.conftest import write
from tests.unit.private.conftest import EVALUATIONS, load_tenant, view
import duckdb

from warehouse import purge, query, tenant_ingest, tenants
from warehouse.connection import Location, connect, latest_snapshot
from warehouse.errors import BenchhouseError, ReadOnlyViolation, UnknownName, ValidationFailed, WarehouseNotFound


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "writer.lock"}


@pytest.mark.parametrize("hostile", ["../../etc", "..", "a/b", "/etc", "acme/../other", "Acme", "", "a" * 65,
                                     "acme\x00", "-acme", "acme--corp"])
def test_a_tenant_id_that_could_reach_another_path_is_refused(public_only, hostile):
    with pytest.raises(BenchhouseError, match="is not allowed"):
        tenants.Tenant.of(public_only, hostile)
    assert not (public_only.local_dir / "tenants").exists()


def test_a_tenant_load_changes_nothing_of_the_warehouse(public_only):
    con = connect(public_only, read_only=True)
    snapshot = latest_snapshot(con)
    con.close()
    before = tree(public_only.local_dir)
    tenant = load_tenant(public_only)
    after = {k: v for k, v in tree(public_only.local_dir).items() if not k.startswith("tenants/")}
    assert after == before
    con = connect(public_only, read_only=True)
    assert latest_snapshot(con) == snapshot
    assert "tenant" not in {r[0] for r in con.execute("SELECT database_name FROM duckdb_databases()").fetchall()}
    con.close()
    assert tenant.folder == public_only.local_dir / "tenants" / "acme"
    assert (tenant.folder / "catalog.sqlite").is_file() and any((tenant.folder / "data").rglob("*.parquet"))


def test_no_public_query_can_read_a_tenants_files(private):
    catalog = private.folder / "catalog.sqlite"
    parquet = next((private.folder / "data").rglob("*.parquet"))
    climbing = f"{private.public.local_dir}/data/../{parquet.relative_to(private.public.local_dir)}"
    for sql in (f"SELECT * FROM read_parquet('{parquet}')", f"SELECT * FROM read_parquet('{climbing}')",
                f"SELECT * FROM sqlite_scan('{catalog}', 'ducklake_snapshot')",
                f"SELECT * FROM read_text('{catalog}')"):
        with pytest.raises((ReadOnlyViolation, BenchhouseError)):
            query.run(private.public, sql)
    with pytest.raises(ReadOnlyViolation, match="ATTACH statement is refused"):
        query.run(private.public, f"ATTACH 'ducklake:sqlite:{catalog}' AS t")


def test_a_tenant_sees_the_warehouse_and_itself_and_no_other_tenant(private):
    other = load_tenant(private.public, "globex")
    parquet = next((other.folder / "data").rglob("*.parquet"))
    with pytest.raises(ReadOnlyViolation):
        query.run(private.public, f"SELECT * FROM read_parquet('{parquet}')", tenant=private)
    seen = query.run(private.public, "SELECT count(*) AS n FROM tenant.eval_runs", tenant=private).to_pylist()
    assert seen == [{"n": 12}]  # 5 variants × 2 repeats on tickets, 2 on contracts
    assert query.run(private.public, "SELECT count(*) AS n FROM models", tenant=private).to_pylist() == [{"n": 4}]
    with pytest.raises(ReadOnlyViolation, match="read-only"):
        query.run(private.public, "DELETE FROM tenant.eval_runs", tenant=private)
    with pytest.raises(ReadOnlyViolation, match="sqlite_scan"):
        query.run(private.public, f"SELECT * FROM system.main.sqlite_scan('{other.folder / 'catalog.sqlite'}', "
                                  "'ducklake_file_column_stats')", tenant=private)


def test_an_evaluation_id_with_markup_is_refused_and_a_hostile_name_is_stored_as_plain_text(public_only, tmp_path):
    tenant = tenants.Tenant.of(public_only, "acme")
    bad = write(tmp_path / "evaluations.csv", """
evaluation,name,category,kind,n_tasks,scoring
<script>alert(1)</script>,Tickets,support,single_turn,5,accuracy
""")
    with pytest.raises(ValidationFailed) as refused:
        tenant_ingest.ingest(tenant, "evaluations", bad)
    assert "expected a lowercase slug" in refused.value.lines()[0]
    hostile = "'; DROP TABLE evaluations; -- <script>alert(1)</script>"
    good = write(tmp_path / "evaluations2.csv", f'evaluation,name,category,kind,n_tasks,scoring\n'
                                                f'tickets,"{hostile}",support,single_turn,5,accuracy\n')
    tenant_ingest.ingest(tenant, "evaluations", good)
    assert view(tenant, "SELECT name FROM tenant.evaluations") == [{"name": hostile}]
    assert query.run(public_only, "SELECT count(*) AS n FROM evaluations").to_pylist() == [{"n": 4}]


@pytest.mark.parametrize("value, column", [("-5", "requests_per_month"), ("NaN", "requests_per_month"),
                                           ("inf", "input_tokens"), ("-1", "answer_tokens"), ("nan", "answer_tokens")])
def test_a_workload_with_negative_or_nan_volumes_is_refused(private, tmp_path, value, column):
    values = {"requests_per_month": "1000", "input_tokens": "100", "answer_tokens": "10", column: value}
    path = write(tmp_path / "workload.csv", "use_case,requests_per_month,input_tokens,answer_tokens\n"
                                            f"chat,{values['requests_per_month']},{values['input_tokens']},"
                                            f"{values['answer_tokens']}\n")
    before = tenants.snapshot(private)
    with pytest.raises(ValidationFailed) as refused:
        tenant_ingest.ingest(private, "workload", path)
    assert f"column '{column}'" in refused.value.lines()[0] and "not NaN" in refused.value.lines()[0]
    assert tenants.snapshot(private) == before
    monthly = view(private, "SELECT usd_per_month FROM private_monthly_cost WHERE as_of = DATE '2026-09-30'")
    assert all(math.isfinite(r["usd_per_month"]) for r in monthly)


def test_a_new_workload_replaces_the_old_one(private, tmp_path):
    path = write(tmp_path / "workload.csv", "use_case,requests_per_month,input_tokens,answer_tokens\nchat,10,100,10\n")
    tenant_ingest.ingest(private, "workload", path)
    assert view(private, "SELECT use_case FROM tenant.workload") == [{"use_case": "chat"}]


def test_the_runs_of_a_tenant_name_its_own_evaluations_and_the_warehouses_models(public_only, tmp_path):
    tenant = tenants.Tenant.of(public_only, "acme")
    tenant_ingest.ingest(tenant, "evaluations", EVALUATIONS)
    runs = write(tmp_path / "runs.csv", """
model,effort,provider,evaluation,repeat,task_id,score,account,note
alpha-1,,lab-a,e1,1,q1,1,anonymous,
nobody-9,,lab-a,tickets,1,q1,1,anonymous,
alpha-1,,lab-a,tickets,1,q2,1,anonymous,one note
alpha-1,,lab-a,tickets,1,q3,1,anonymous,another note
""")
    with pytest.raises(ValidationFailed) as refused:
        tenant_ingest.ingest(tenant, "runs", runs)
    lines = "\n".join(refused.value.lines())
    assert "column 'evaluation': got 'e1'" in lines  # a public evaluation is not the client's
    assert "column 'model': got 'nobody-9'" in lines
    assert "expected the same note on every row of the run" in lines


def test_purge_removes_the_tenants_catalog_and_every_file_and_nothing_else(private, tmp_path):
    other = load_tenant(private.public, "globex")
    public_before = {k: v for k, v in tree(private.public.local_dir).items() if not k.startswith("tenants/")}
    other_before = tree(other.folder)
    deliverables = tmp_path / "out" / "private" / "acme"
    (deliverables / "2026Q3").mkdir(parents=True)
    (deliverables / "2026Q3" / "report.pdf").write_bytes(b"%PDF")
    (deliverables / "2026Q3" / "manifest.json").write_text('{"tenant": "acme"}')
    files = [p for folder in (private.folder, deliverables) for p in folder.rglob("*") if p.is_file()]
    purged = purge.purge(private, tmp_path / "out")
    assert purged.files == len(files) >= 4 and not private.folder.exists() and not deliverables.exists()
    assert {k: v for k, v in tree(private.public.local_dir).items() if not k.startswith("tenants/")} == public_before
    assert tree(other.folder) == other_before
    assert [t.id for t in tenants.folders(private.public)] == ["globex"]
    for path in private.public.local_dir.rglob("*"):
        assert not path.is_file() or b"lab-a EU region" not in path.read_bytes() or "globex" in str(path)
    with pytest.raises(UnknownName):
        purge.purge(private)


def test_a_tenant_load_without_a_warehouse_says_what_every_command_says(tmp_path):
    nowhere = Location.resolve(str(tmp_path / "nowhere"))
    with pytest.raises(WarehouseNotFound) as tenant_load:
        tenant_ingest.ingest(tenants.Tenant.of(nowhere, "acme"), "evaluations", EVALUATIONS)
    with pytest.raises(WarehouseNotFound) as public_read:
        connect(nowhere, read_only=True)
    assert str(tenant_load.value) == str(public_read.value)
    assert not (tmp_path / "nowhere").exists()


LOCKED = duckdb.IOException("Could not set lock on file \"catalog.sqlite\": Conflicting lock is held")


@pytest.mark.parametrize("opening", [tenants.snapshot, tenant_ingest.writer], ids=["snapshot", "writer"])
def test_a_tenant_catalog_that_cannot_be_opened_for_a_passing_reason_is_not_called_damaged(private, monkeypatch,
                                                                                          opening):
    """A lock or an I/O error is said as it is, not as a damage that a purge would answer."""
    def locked(*args, **kwargs):
        raise LOCKED

    monkeypatch.setattr(sys.modules[opening.__module__], "connect", locked)  # tenants or tenant_ingest
    with pytest.raises(duckdb.IOException):
        opening(private)


@pytest.mark.parametrize("failure", [LOCKED, duckdb.CatalogException("Table with name models does not exist!")],
                         ids=["locked", "a-public-table-missing"])
def test_a_private_view_failing_while_the_tenant_has_its_tables_is_not_called_damaged(private, monkeypatch, failure):
    def failing(con):
        raise failure

    monkeypatch.setattr(tenants, "create_views", failing)
    with pytest.raises(type(failure)):
        tenants.reader(private)
