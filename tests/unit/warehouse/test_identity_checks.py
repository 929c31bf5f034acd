"""The identity checks an analyst runs before trusting a model list: ids that may name the same
weights (warehouse/queries/model_twins.sql)."""

from __future__ import annotations

from tests.conftest import write
from warehouse import query
from warehouse.ingest import ingest


def test_ids_differing_only_in_a_date_stamp_a_spelling_or_a_tag_are_listed_together(empty, tmp_path):
    ingest(empty, "models", write(tmp_path / "models.csv", """
model,creator,display_name,release_date
foo-5.1,lab,Foo 5.1,2025-11-13
foo-5.1-2025-11-13,lab,Foo 5.1,2025-11-13
kimi-k9p5,moon,Kimi K9.5,2026-01-27
kimi-k9.5,moon,Kimi K9.5,2026-01-27
open-mixer-8x7b,mix,Mixer 8x7B,2023-12-11
mixer-8x7b-instruct,mix,Mixer 8x7B Instruct,2023-12-11
grok-9-beta,x,Grok 9,2025-04-09
grok-9,x,Grok 9,2025-02-17
bar-2,lab,Bar 2,2024-01-01
"""))
    groups = {r["key"]: r["members"] for r in query.named(empty, "model_twins").to_pylist()}
    assert set(groups) == {"foo-5.1", "kimi-k9.5", "mixer-8x7b", "grok-9"}
    assert "foo-5.1-2025-11-13 (lab, 2025-11-13)" in groups["foo-5.1"]
    assert groups["grok-9"].startswith("grok-9 (x, 2025-02-17); grok-9-beta")


def test_an_api_id_and_its_weights_name_of_one_date_stamp_are_listed_together(empty, tmp_path):
    """Issue 21, point 1: the API's id and the weights' size-suffixed name of one release
    ('big-2512' and 'big-3-675b-instruct-2512') are candidates for one model; so is the base, which a
    person keeps apart; another family is not."""
    ingest(empty, "models", write(tmp_path / "models.csv", """
model,creator,display_name,release_date
big-2512,lab,Big 3,2025-12-02
big-3-675b-instruct-2512,lab,Big 3 675B Instruct,2025-12-02
big-3-675b-base-2512,lab,Big 3 675B Base,2025-12-02
big-2411,lab,Big 2.1,2024-11-18
small-2512,lab,Small 3,2025-12-02
"""))
    groups = {r["key"]: r["models"] for r in query.named(empty, "model_twins").to_pylist()}
    # 'big': two dated snapshots of one API name, as before; 'big@2512': the release of December 2025.
    assert groups == {"big": 2, "big@2512": 3}


def test_no_curated_alias_points_at_an_id_merged_into_another():
    import pandas as pd

    from warehouse.identity import ALIASES

    common = pd.read_csv(ALIASES / "common.csv", dtype=str)
    merged = set(common.loc[common["relation"].fillna("same") == "same", "raw_name"].str.lower())
    assert merged, "common.csv merges no ids"
    for path in sorted(ALIASES.glob("*.csv")):
        targets = set(pd.read_csv(path, dtype=str)["model"])
        assert not targets & merged, f"{path.name} points at {sorted(targets & merged)}; name the merged id"
