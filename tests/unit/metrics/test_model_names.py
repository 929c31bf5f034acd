"""Names reports print are unique per model, even where sources give two models one display name."""

from __future__ import annotations

from tests.conftest import rows, write
from warehouse.ingest import ingest


def test_models_that_share_a_display_name_read_differently(empty, tmp_path):
    ingest(empty, "models", write(tmp_path / "models.csv", """
model,creator,display_name,release_date
flash-0514,lab,Flash,2024-05-14
flash-002,lab,Flash,2024-09-24
flash-exp-0827,lab,Flash,2024-08-27
flash-may,lab,Flash (May 2024),2024-05-30
base-1,lab,Base,2024-01-01
instruct-1,lab,Base,2024-01-01
solo,lab,Solo,
"""))
    names = dict(rows(empty, "SELECT model, name FROM model_names"))
    assert len(set(names.values())) == len(names) == 7
    assert names["solo"] == "Solo" and names["flash-may"] == "Flash (May 2024)"
    assert names["flash-002"] == "Flash (Sep 2024)"
    assert names["flash-0514"] == "Flash (flash-0514)"  # its month is taken by another model's own name
    assert {names["base-1"], names["instruct-1"]} == {"Base (base-1)", "Base (instruct-1)"}
