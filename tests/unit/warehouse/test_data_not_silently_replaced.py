"""Defect 3 of issue 14: data not silently replaced or skipped. An ingest reads the bytes once under
the writer lock and hashes what it loads; a source read that loses more than a set share of the
source's rows (a file cut at a line boundary) is refused unless --allow-shrink."""

from __future__ import annotations

import hashlib
import shutil
import threading
import time

import pytest

from tests.conftest import SOURCES, scalar, write
from warehouse.connection import writer_lock
from warehouse.ingest import SourceShrank, ingest, ingest_source

FIRST = """
model,creator,display_name
first-model,lab,First
"""
SECOND = """
model,creator,display_name
second-model,lab,Second
"""


def test_defect_3_data_not_silently_replaced_the_file_is_hashed_as_loaded_under_the_lock(known, tmp_path):
    path = write(tmp_path / "models.csv", FIRST)
    results = []
    with writer_lock(known):  # another writer holds the warehouse
        waiting = threading.Thread(target=lambda: results.append(ingest(known, "models", path)))
        waiting.start()
        time.sleep(1.0)
        write(path, SECOND)  # the file is rewritten while the ingest waits
    waiting.join(60)
    loaded = results[0]
    recorded = scalar(known, "SELECT file_sha256 FROM ingest_batches WHERE batch_id = ?", [loaded.batch_id])
    assert recorded == hashlib.sha256(path.read_bytes()).hexdigest()  # the bytes loaded, not the ones first seen
    assert scalar(known, "SELECT count(*) FROM models WHERE model = 'second-model'") == 1
    original = write(tmp_path / "first.csv", FIRST)
    again = ingest(known, "models", original)  # the first bytes were never loaded: they load now
    assert not again.already_loaded
    assert scalar(known, "SELECT count(*) FROM models WHERE model = 'first-model'") == 1


def test_defect_3_data_not_silently_replaced_a_source_cut_short_is_refused(catalogue, tmp_path):
    ingest_source(catalogue, "aider", SOURCES / "aider-leaderboards")
    before = scalar(catalogue, "SELECT count(*) FROM published_aggregates WHERE source = 'aider'")
    cut = tmp_path / "aider"
    shutil.copytree(SOURCES / "aider-leaderboards", cut)
    runs = cut / "aider_benchmark_runs.csv"
    lines = runs.read_text().splitlines(keepends=True)
    runs.write_text("".join(lines[:len(lines) // 8]))  # cut at a line boundary: a valid, shorter file
    with pytest.raises(SourceShrank, match=r"aider: this read gives .* fewer; .* pass --allow-shrink"):
        ingest_source(catalogue, "aider", cut)
    assert scalar(catalogue, "SELECT count(*) FROM published_aggregates WHERE source = 'aider'") == before
    ingest_source(catalogue, "aider", cut, allow_shrink=True)
    assert scalar(catalogue, "SELECT count(*) FROM published_aggregates WHERE source = 'aider'") < before
