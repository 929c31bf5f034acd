"""Defect 1 of issue 14: numbers finite everywhere. NaN, infinity and 1e309 are refused in every
numeric column of every native format (one rule per type in warehouse/formats.py), in index files,
in -p parameters, and `sql --format json` never writes NaN; dates are plausible (1990 to 2100)."""

from __future__ import annotations

import json

import duckdb
import pytest

from tests.conftest import in_process, latest_snapshot, write
from warehouse import formats, validate
from warehouse.errors import BenchhouseError, ValidationFailed
from warehouse.indices import read as read_indices
from warehouse.ingest import ingest
from warehouse.query import parse_param

NUMERIC = [(f.kind if f in formats.FORMATS.values() else f"private {f.kind}", f, c)
           for f in list(formats.FORMATS.values()) + list(formats.PRIVATE_FORMATS.values())
           for c in f.columns if c.type == "DOUBLE"]


@pytest.fixture(scope="module")
def con():
    """One in-memory database for the rule checks below, each of which replaces its table and view (a
    database an instance costs 8 ms of CPU, 120 times)."""
    connection = duckdb.connect()
    yield connection
    connection.close()


@pytest.mark.parametrize("value", ["NaN", "inf", "-inf", "1e309"])
@pytest.mark.parametrize("kind, fmt, column", NUMERIC, ids=[f"{k}.{c.name}" for k, _, c in NUMERIC])
def test_defect_1_numbers_finite_everywhere_every_numeric_column_refuses_non_finite_values(con, kind, fmt, column,
                                                                                            value):
    others = "".join(f', CAST(NULL AS VARCHAR) AS "{c.name}"' for c in fmt.columns if c is not column)
    con.execute(f"CREATE OR REPLACE TEMP TABLE src AS SELECT 1 AS _row, 1 AS _line, CAST(? AS VARCHAR) AS \"{column.name}\"{others}", [value])
    con.execute(validate.typed_view_sql(fmt, dict.fromkeys(fmt.names, "VARCHAR")))
    found = con.execute(validate.row_rules_sql(fmt)).fetchall()
    assert (1, column.name, value, "expected a finite number (not NaN, not infinity)") in found


def test_defect_1_numbers_finite_everywhere_a_nan_price_is_refused_by_ingest(known, tmp_path):
    path = write(tmp_path / "prices.csv", """
model,provider,token_type,usd_per_mtok,valid_from,valid_to,source
deepseek-v3,deepseek,input,NaN,2025-02-09,,https://x
deepseek-v3,deepseek,output,inf,2025-02-09,,https://x
deepseek-v3,deepseek,cached_input,1e309,2025-02-09,,https://x
""")
    before = latest_snapshot(known)
    with pytest.raises(ValidationFailed) as failed:
        ingest(known, "prices", path)
    assert [line.split(":")[0] for line in failed.value.lines()] == [
        "prices.csv, line 2, column 'usd_per_mtok'", "prices.csv, line 3, column 'usd_per_mtok'",
        "prices.csv, line 4, column 'usd_per_mtok'"]
    assert latest_snapshot(known) == before


def test_defect_1_numbers_finite_everywhere_a_nan_in_parquet_is_refused(known, tmp_path):
    path = tmp_path / "runs.parquet"
    duckdb.sql(f"""COPY (SELECT 'gpt-4o-2024-08-06' AS model, 'openai' AS provider, 'gpqa-diamond' AS evaluation,
                        1 AS "repeat", 'q1' AS task_id, 1.0 AS score, 'nan'::DOUBLE AS latency_s,
                        'anonymous' AS account) TO '{path}' (FORMAT parquet)""")
    with pytest.raises(ValidationFailed) as failed:
        ingest(known, "runs", path)
    assert "runs.parquet, row 1, column 'latency_s': got 'nan'; expected a finite number" in failed.value.lines()[0]


def test_defect_1_numbers_finite_everywhere_dates_within_1990_and_2100(known, tmp_path):
    path = write(tmp_path / "models.csv", """
model,creator,display_name,release_date
caesar,rome,Caesar,-0044-03-15
far,future,Far,9999-12-31
""")
    with pytest.raises(ValidationFailed) as failed:
        ingest(known, "models", path)
    assert [line.split(";")[1].strip() for line in failed.value.lines()] == [
        "expected a date from 1990-01-01 to 2100-12-31"] * 2


def test_defect_1_numbers_finite_everywhere_index_weights(tmp_path):
    from warehouse.indices import FOLDER

    for source in FOLDER.glob("*.yaml"):
        (tmp_path / source.name).write_text(source.read_text())
    version = tmp_path / "intelligence-v1.yaml"
    version.write_text(version.read_text().replace("weight: 0.3333333333333334", "weight: .nan"))
    with pytest.raises(BenchhouseError, match="intelligence-v1.yaml: evaluations.2.weight"):
        read_indices(tmp_path)


@pytest.mark.parametrize("text", ["1.0e309", "-1.5e400"])
def test_defect_1_numbers_finite_everywhere_parameters(text):
    with pytest.raises(BenchhouseError, match="give a finite number"):
        parse_param(text)


def test_defect_1_numbers_finite_everywhere_json_output_never_writes_nan(known):
    done = in_process(known, "sql", "SELECT 'nan'::DOUBLE AS a, 'inf'::DOUBLE AS b, [1.0, 'nan'::DOUBLE] AS c",
                      "--format", "json")
    assert json.loads(done.stdout) == [{"a": None, "b": None, "c": [1.0, None]}]
