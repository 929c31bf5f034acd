"""Openness and transparency adapters (EOSAI, MOF, FMTI) checked against the sources' own files:
assessments land on the canonical models benchmarks and prices use, catalogue entries the
warehouse lacks become models without overwriting what it knows, and developer scores add up to
the published totals. The three are read once, in the house's order, into one catalogue warehouse
that the tests only read."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import SOURCES, read_again_changes_nothing, rows, scalar

EOSAI = SOURCES / "eosai-index"
MOF = SOURCES / "lf-model-openness-tool"
FMTI = SOURCES / "stanford-fmti"


@pytest.fixture(scope="module")
def loaded(catalogue_with):
    return catalogue_with(("eosai", EOSAI), ("mof", MOF), ("fmti", FMTI))


@pytest.fixture(scope="module")
def assessed(loaded):
    return loaded.location


def test_an_eosai_assessment_lands_on_the_epoch_model_with_its_class_and_date(catalogue_with, assessed):
    release = scalar(catalogue_with().location, "SELECT release_date FROM models WHERE model = 'llama-3.1-405b-instruct'")
    entry = pd.read_csv(EOSAI / "models_wide.csv").query("endmodelname == 'Llama-3.1-405B-Instruct'").iloc[0]
    assessments = pd.read_csv(EOSAI / "assessments_long.csv")
    history = pd.read_csv(EOSAI / "assessment_history_git.csv")
    for criterion in ("weights_endmodel", "trainingcode", "licenses"):
        published = assessments.query("file == @entry.file and criterion == @criterion").iloc[0]
        changed = history.query("file == @entry.file and criterion == @criterion")["commit_date"].max()
        assert rows(assessed, """SELECT level, assessed_at::VARCHAR, note FROM openness_assessments
                                  WHERE model = 'llama-3.1-405b-instruct' AND framework = 'eosai'
                                    AND component = ?""", [criterion]) == [
            (published["class"], changed, published["notes"].strip()[:300])]
    # The index's release month does not overwrite Epoch's release date of a known model.
    assert scalar(assessed, "SELECT release_date FROM models WHERE model = 'llama-3.1-405b-instruct'") \
        == release


def test_eosai_entries_the_warehouse_lacks_become_models(assessed):
    entries = pd.read_csv(EOSAI / "models_wide.csv").set_index("endmodelname")
    created = rows(assessed, """SELECT raw_name, model FROM name_resolutions WHERE source = 'eosai'
                                 AND kind = 'models' AND resolved_by = 'catalogue' ORDER BY raw_name""")
    assert len(created) > 100
    raw_name, model = next((r, m) for r, m in created if r in entries.index)
    entry = entries.loc[raw_name]
    open_weights = True if entry["weights_endmodel"] == "open" else None
    assert rows(assessed, "SELECT release_date::VARCHAR, open_weights FROM models WHERE model = ?",
                [model]) == [(entry["releasedate"] + "-01", open_weights)]


def test_eosai_entries_sharing_an_end_model_keep_their_own_names(assessed):
    entries = pd.read_csv(EOSAI / "models_wide.csv")
    shared = entries[entries["endmodelname"].duplicated(keep=False) & entries["endmodelname"].notna()]
    assert len(shared) >= 2
    for name in shared["name"]:
        assert scalar(assessed, "SELECT count(*) FROM openness_assessments WHERE model = lower(?)",
                      [name]) == 12


def test_mof_levels_follow_the_licence_and_stubs_are_skipped(assessed):
    components = pd.read_csv(MOF / "model_components.csv")
    record = components[components["model"] == "Llama-3.1-8B-Instruct"]
    loaded = dict(rows(assessed, """SELECT component, level FROM openness_assessments
                                     WHERE model = 'llama-3.1-8b-instruct' AND framework = 'mof'"""))
    assert loaded == {c: "open" if o else "not-open"
                      for c, o in zip(record["component"], record["license_is_open"])}
    skipped = rows(assessed, """SELECT raw_name FROM name_resolutions WHERE source = 'mof'
                                 AND kind = 'models' AND resolved_by = 'skipped: stub record'
                                 ORDER BY raw_name""")
    assert skipped == [("DeepSeek-V3-test",), ("Unnamed-Model",)]
    assert scalar(assessed, "SELECT count(*) FROM models WHERE model LIKE 'unnamed%'") == 0
    # A moving API name is assessed on the version it pointed at, and adds no model of its own.
    assert scalar(assessed, "SELECT count(*) FROM openness_assessments "
                            "WHERE model = 'gpt-4o-2024-08-06'") == (components["model"] == "GPT-4o").sum()
    assert scalar(assessed, "SELECT count(*) FROM models WHERE model = 'gpt-4o'") == 0


def test_eosai_and_mof_assess_at_least_150_models(assessed):
    assert scalar(assessed, "SELECT count(DISTINCT model) FROM openness_assessments") >= 150
    # Both frameworks meet on the models they share with Epoch's assessed.
    assert scalar(assessed, """SELECT count(*) FROM (SELECT model FROM openness_assessments
                                GROUP BY model HAVING count(DISTINCT framework) = 2)""") >= 5


def test_fmti_indicator_scores_add_up_to_the_published_totals(assessed):
    totals = pd.read_csv(FMTI / "totals.csv")
    organisations = pd.read_csv(SOURCES.parents[1] / "warehouse" / "identity" / "organisations.csv")
    slug = dict(zip(organisations["raw_name"].str.lower(), organisations["creator"]))
    loaded = {(e, c): s for e, c, s in rows(assessed, """SELECT edition, creator, sum(score)
                                                          FROM developer_assessments GROUP BY ALL""")}
    assert len(loaded) == len(totals)
    for total in totals.itertuples():
        assert loaded[(total.edition, slug[total.developer.lower()])] == total.total_score_of_100
    assert scalar(assessed, "SELECT count(*) FROM developer_assessments WHERE domain IS NULL") == 0
    assert scalar(assessed, "SELECT count(DISTINCT assessed_at) FROM developer_assessments") == \
        totals["edition"].nunique()


@pytest.mark.parametrize("name, folder", [("eosai", EOSAI), ("mof", MOF), ("fmti", FMTI)])
def test_reading_an_openness_source_twice_changes_nothing(loaded, tmp_path, name, folder):
    read_again_changes_nothing(loaded, tmp_path, name, folder)
