"""Property: rows of a native format, generated with extreme values (the largest and smallest
doubles, subnormals, the ends of the date range, long and non-ASCII names), either are refused
whole or read back equal. One warehouse for every example; a handful of examples a run."""

from __future__ import annotations

import shutil
import sys
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tests.conftest import rows
from warehouse.connection import Location
from warehouse.errors import BenchhouseError
from warehouse.ingest import ingest

NAME = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FFF, blacklist_categories=("Cs", "Cc")),
               min_size=1, max_size=200)
NUMBER = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True),
                   st.sampled_from([0.0, sys.float_info.max, sys.float_info.min, 5e-324, 1e-300]))
DATES = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
                  st.sampled_from([date(1990, 1, 1), date(2100, 12, 31), date(1989, 12, 31), date(2101, 1, 1)]))
ROW = st.fixed_dictionaries({
    "model": st.from_regex(r"[a-z0-9][a-z0-9.-]{0,40}", fullmatch=True), "creator": st.sampled_from(["openai", "lab"]),
    "display_name": NAME, "release_date": DATES, "params_total_b": NUMBER, "params_active_b": NUMBER,
    "open_weights": st.one_of(st.none(), st.booleans()),
})


@pytest.fixture(scope="module")
def lake(known_template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("property") / "warehouse"
    shutil.copytree(known_template, folder)
    return Location.resolve(str(folder)), tmp_path_factory.mktemp("files")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(ROW, min_size=1, max_size=5, unique_by=lambda r: r["model"]))
def test_models_that_load_read_back_equal(lake, batch):
    location, files = lake
    path = files / "models.parquet"
    pq.write_table(pa.Table.from_pylist(batch, schema=pa.schema([
        ("model", pa.string()), ("creator", pa.string()), ("display_name", pa.string()), ("release_date", pa.date32()),
        ("params_total_b", pa.float64()), ("params_active_b", pa.float64()), ("open_weights", pa.bool_())])), path)
    try:
        ingest(location, "models", path)
    except BenchhouseError:
        return  # refused whole: nothing to read back
    stored = {r[0]: r[1:] for r in rows(location, "SELECT model, display_name, release_date, params_total_b, "
                                                  "params_active_b FROM models WHERE list_contains(?, model)",
                                        [[r["model"] for r in batch]])}
    for row in batch:
        assert stored[row["model"]] == (row["display_name"], row["release_date"], row["params_total_b"],
                                        row["params_active_b"])
