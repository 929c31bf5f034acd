"""The schema documents itself and never changes under a warehouse; the docs match the code."""

from __future__ import annotations

import csv
import re
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import rows
from tests.unit.metrics.conftest import metrics_template  # noqa: F401  (the small warehouse)
from warehouse import formats
from warehouse.connection import Location, connect, writer_lock
from warehouse.errors import BenchhouseError, SchemaDrift
from warehouse.ingest import ingest
from warehouse import migrate
from warehouse.errors import WarehouseOutdated
from warehouse.migrate import checked_current, current_snapshot, init
from warehouse.migrate import schema_files, view_files

ROOT = Path(__file__).resolve().parents[3]
REQUIRED_TABLES = {
    "creators", "models", "model_variants", "providers", "endpoints", "model_aliases", "evaluations",
    "eval_runs", "task_results", "published_aggregates", "prices", "openness_assessments",
    "ingest_batches", "rejected_rows",
}


def test_every_table_and_column_has_a_comment(empty):
    tables = dict(rows(empty, "SELECT table_name, comment FROM duckdb_tables() WHERE database_name = 'bh'"))
    assert REQUIRED_TABLES <= set(tables)
    assert [t for t, comment in tables.items() if not comment] == []
    # Views cannot carry column comments: each view's comment lists its columns instead.
    undocumented = rows(empty, "SELECT table_name, column_name FROM duckdb_columns() c "
                               "WHERE database_name = 'bh' AND (comment IS NULL OR comment = '') "
                               "AND table_name IN (SELECT table_name FROM duckdb_tables() WHERE database_name = 'bh')")
    assert undocumented == []


def test_init_applies_each_schema_file_once_and_creates_the_views(location):
    assert init(location) == [name for name, _, _ in schema_files()] + [f"views ({len(view_files())})"]
    assert init(location) == []
    assert [r[0] for r in rows(location, "SELECT file_name FROM schema_migrations")] == \
        [name for name, _, _ in schema_files()]


def test_a_changed_schema_file_is_refused(empty):
    with writer_lock(empty):
        con = connect(empty)
        con.execute("UPDATE schema_migrations SET sha256 = 'edited' WHERE file_name = '001_core.sql'")
        con.close()
    with pytest.raises(SchemaDrift, match="001_core.sql changed after it was applied"):
        init(empty)


def test_every_native_column_lands_in_a_documented_table(empty):
    columns = {(t, c) for t, c in rows(empty, "SELECT table_name, column_name FROM duckdb_columns() "
                                              "WHERE database_name = 'bh'")}
    landing = {"models": "models", "evaluations": "evaluations", "prices": "prices",
               "openness": "openness_assessments", "performance": "performance_measurements",
               "systems": "systems", "throughput": "throughput_measurements", "modalities": "model_modalities",
               "price-tiers": "price_tiers"}
    for kind, table in landing.items():
        for column in formats.get(kind).names:
            assert (table, column) in columns, (kind, column)
    run_columns = {c for t, c in columns if t in ("eval_runs", "task_results")}
    assert set(formats.get("runs").names) <= run_columns


def test_the_format_reference_matches_the_code():
    assert (ROOT / "docs" / "formats.md").read_text() == formats.reference_markdown(), \
        "regenerate it: python -m warehouse.formats > docs/formats.md"


def test_an_unknown_format_suggests_the_nearest():
    with pytest.raises(BenchhouseError, match="Did you mean 'prices'?"):
        formats.get("price")


def test_a_postgres_catalog_needs_a_data_path(monkeypatch):
    monkeypatch.delenv("BENCHHOUSE_DATA_PATH", raising=False)
    with pytest.raises(BenchhouseError, match="set BENCHHOUSE_DATA_PATH"):
        Location.resolve("postgres:dbname=benchhouse host=db")
    monkeypatch.setenv("BENCHHOUSE_DATA_PATH", "s3://house/lake/")
    location = Location.resolve("postgres:dbname=benchhouse host=db")
    assert (location.catalog, location.data_path, location.is_embedded) == \
        ("postgres:dbname=benchhouse host=db", "s3://house/lake/", False)


def test_every_view_file_creates_the_view_its_name_says_with_a_comment(empty):
    views = dict(rows(empty, "SELECT view_name, comment FROM duckdb_views() "
                             "WHERE database_name = 'bh' AND NOT internal"))
    for name, view, text, _ in view_files():
        assert view in views, name
        assert views[view], f"{name}: no COMMENT ON VIEW {view}"
        assert text.lstrip().startswith("--"), f"{name}: the first line should say what one row is"
    assert set(views) == {view for _, view, _, _ in view_files()}


def test_a_changed_view_file_is_applied_in_one_snapshot(empty):
    with writer_lock(empty):
        con = connect(empty)
        con.execute("UPDATE view_definitions SET sha256 = 'old' WHERE view_name = 'eval_scores'")
        con.close()
    assert init(empty) == [f"views ({len(view_files())})"]


def test_a_writers_record_that_the_views_are_current_is_trusted_only_while_nothing_changed(empty):
    """A writer records, in the catalog's SQLite database, that it found the schema and views this
    code's; a reader then answers from that record. Rows written to the records behind DuckLake's
    back (no schema change) make the record stale: the next writer asks DuckLake and applies the views."""
    latest = current_snapshot(empty)
    assert checked_current(empty) == latest  # the template's init recorded its check
    with writer_lock(empty):
        con = connect(empty)
        con.execute("UPDATE view_definitions SET sha256 = 'old' WHERE view_name = 'eval_scores'")
        con.close()
    assert checked_current(empty) is None
    with pytest.raises(WarehouseOutdated, match="views not applied"):
        current_snapshot(empty)
    assert init(empty) == [f"views ({len(view_files())})"]
    assert checked_current(empty) == current_snapshot(empty) == latest + 2


def test_a_record_made_by_other_code_is_not_trusted(empty, tmp_path, monkeypatch):
    """The record names the code that checked: code whose view files differ asks DuckLake, which
    finds its views not applied, whatever the record says."""
    assert checked_current(empty) is not None
    changed = tmp_path / "views"
    changed.mkdir()
    for path in sorted(migrate.VIEWS_DIR.glob("*.sql")):
        (changed / path.name).write_text(path.read_text())
    first = sorted(changed.glob("*.sql"))[0]
    first.write_text(first.read_text() + "\n-- a later version of this view\n")
    monkeypatch.setattr(migrate, "VIEWS_DIR", changed)
    assert checked_current(empty) is None
    with pytest.raises(WarehouseOutdated, match="views not applied"):
        current_snapshot(empty)


def test_the_data_dictionary_documents_every_view():
    dictionary = (ROOT / "docs" / "data-dictionary.md").read_text()
    missing = [view for _, view, _, _ in view_files() if f"| `{view}` |" not in dictionary]
    assert missing == [], f"docs/data-dictionary.md lacks {missing}"


def test_every_citation_of_the_methodology_names_a_part_of_it():
    """The views cite docs/methodology.md by the name of a part; the part must be there."""
    methodology = (ROOT / "docs" / "methodology.md").read_text().lower()
    cited = []
    for path in sorted((ROOT / "warehouse" / "views").glob("*.sql")):
        header = " ".join(line.removeprefix("--").strip() for line in path.read_text().splitlines()
                          if line.startswith("--"))
        cited += [(path.name, part) for part in re.findall(r'docs/methodology\.md, "([^"]+)"', header)]
    assert len(cited) >= 5
    missing = [f"{name}: {part}" for name, part in cited if part.lower() not in methodology]
    assert not missing, missing
    assert "docs/methodology.md" in (ROOT / "docs" / "data-dictionary.md").read_text()


def table_statistics(location: Location) -> dict[str, list[tuple[int, int]]]:
    """Each live table's rows in the catalog's ducklake_table_stats: (record_count, next_row_id)."""
    with closing(sqlite3.connect(location.local_dir / "catalog.sqlite")) as db:
        found = db.execute("SELECT t.table_name, s.record_count, s.next_row_id FROM ducklake_table t "
                           "LEFT JOIN ducklake_table_stats s USING (table_id) WHERE t.end_snapshot IS NULL").fetchall()
    tables: dict[str, list[tuple[int, int]]] = {}
    for table, count, next_row in found:
        tables.setdefault(table, []).extend([] if count is None else [(count, next_row)])
    return tables


def test_every_table_has_its_statistics_from_the_start_and_the_first_insert_keeps_them_true(empty):
    """A new warehouse records 0 rows for each table (DuckLake reads every table's statistics again
    whenever it is asked for a table with none, hundreds of times while planning one report view);
    the first insert into a table updates that row rather than adding one, and queries answer from
    the rows themselves."""
    before = table_statistics(empty)
    assert REQUIRED_TABLES <= set(before)
    assert {table: stats for table, stats in before.items() if stats != [(0, 0)]} == {
        table: stats for table, stats in before.items() if table in ("schema_migrations", "view_definitions")}
    with open(ROOT / "tests" / "fixtures" / "models_four.csv", newline="") as handle:
        models = list(csv.DictReader(handle))
    ingest(empty, "models", ROOT / "tests" / "fixtures" / "models_four.csv")
    after = table_statistics(empty)
    assert after["models"] == [(len(models), len(models))]
    assert after["eval_runs"] == after["task_results"] == [(0, 0)]
    assert rows(empty, "SELECT count(*), min(release_date), max(model) FROM models") == [
        (len(models), min(date.fromisoformat(m["release_date"]) for m in models), max(m["model"] for m in models))]
    assert rows(empty, "SELECT count(*), min(batch_id) FROM eval_runs") == [(0, None)]


def test_a_new_warehouse_keeps_its_rows_in_data_files_and_none_in_its_catalog(known):
    """Rows inlined into the catalog made every statement look up a table per warehouse table (20 to
    30 ms of CPU each, against 8): a new catalog turns inlining off before its first table, so a
    small load writes a data file, and the catalog holds no inlined row (warehouse/migrate.py)."""
    assert rows(known, "SELECT value FROM ducklake_options('bh') WHERE option_name = 'data_inlining_row_limit'") == [("0",)]
    with closing(sqlite3.connect(known.local_dir / "catalog.sqlite")) as db:
        inlined = [name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ducklake_inlined_data_%'")]
        assert inlined and all(db.execute(f'SELECT count(*) FROM "{name}"').fetchone() == (0,) for name in inlined)
    files = rows(known, "SELECT count(*) FROM ducklake_list_files('bh', 'models')")
    assert files == [(1,)] and rows(known, "SELECT count(*) FROM models") == [(4,)]


def test_rows_written_together_are_one_data_file(metrics_template):
    """DuckLake writes a Parquet file for each INSERT statement: a row a statement left a new warehouse
    with a file per view definition and per schema file, and an index load with one per openness
    mapping, each copied, listed and opened again by every reader. Written together, each table a
    migration or an index load fills is one file, however many rows it holds."""
    metrics = Location.resolve(str(metrics_template))
    for table in ("view_definitions", "schema_migrations", "openness_mappings", "index_evaluations"):
        assert rows(metrics, f"SELECT count(*) FROM ducklake_list_files('bh', '{table}')") == [(1,)], table
        assert rows(metrics, f"SELECT count(*) > 1 FROM {table}") == [(True,)], table
