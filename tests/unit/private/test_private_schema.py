"""The tenant's catalog and the private views document themselves like the warehouse's."""

from __future__ import annotations

from pathlib import Path

from tests.unit.private.conftest import view
from warehouse import tenants

ROOT = Path(__file__).resolve().parents[3]
VIEW_FILES = sorted((tenants.PRIVATE / "views").glob("[0-9][0-9][0-9]_*.sql"))


def test_every_tenant_table_and_column_has_a_comment(private):
    tables = view(private, "SELECT table_name, comment FROM duckdb_tables() WHERE database_name = 'tenant'")
    assert {"evaluations", "eval_runs", "task_results", "run_notes", "workload", "ingest_batches"} <= {
        t["table_name"] for t in tables}
    assert [t["table_name"] for t in tables if not t["comment"]] == []
    assert view(private, "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = 'tenant' "
                         "AND (comment IS NULL OR comment = '')") == []


def test_every_private_view_file_creates_the_view_its_name_says(private):
    made = {r["view_name"] for r in view(private, "SELECT view_name FROM duckdb_views() WHERE temporary")}
    assert {p.stem[4:] for p in VIEW_FILES} <= made
    for path in VIEW_FILES:
        text = path.read_text()
        assert text.lstrip().startswith("--"), f"{path.name}: the first line should say what one row is"
        assert f"CREATE OR REPLACE TEMP VIEW {path.stem[4:]} AS" in text, path.name
        for needed in tenants.REQUIRES.findall(text):
            fallback = tenants.PRIVATE / "fallbacks" / path.name
            assert fallback.is_file() and f"TEMP VIEW {path.stem[4:]} AS" in fallback.read_text(), needed


def test_the_data_dictionary_documents_every_private_view():
    dictionary = (ROOT / "docs" / "data-dictionary.md").read_text()
    assert [p.stem[4:] for p in VIEW_FILES if f"| `{p.stem[4:]}` |" not in dictionary] == []
