"""models.dev as a catalogue: the labs' own entries add models with release dates and open
weights; a moving name neither becomes a model nor lends its facts; resellers add nothing."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from tests.conftest import SOURCES, rows, scalar
from warehouse.errors import FileFormatError
from warehouse.ingest import ingest_source

MODELS_DEV = SOURCES / "models-dev"


@pytest.fixture(scope="module")
def listed(catalogue_with):
    """The catalogue with models.dev read into it, once: the tests only read it."""
    return catalogue_with(("models-dev", MODELS_DEV)).location


def _lab_row(model_id: str) -> pd.Series:
    labs = pd.read_csv(MODELS_DEV / "models.csv", dtype=str)
    return labs[labs["model_id"] == model_id].iloc[0]


def test_a_new_model_takes_its_release_date_and_open_weights(listed):
    new = _lab_row("anthropic/claude-opus-4-7")
    assert scalar(listed, "SELECT count(*) FROM models WHERE model = 'claude-opus-4-7'") == 1
    assert str(scalar(listed, "SELECT release_date FROM models WHERE model = 'claude-opus-4-7'")) == new["release_date"]
    open_model = _lab_row("google/gemma-4-31b-it")
    assert scalar(listed, "SELECT open_weights FROM models WHERE model = 'gemma-4-31b-it'") == \
        (open_model["open_weights"] == "True")


def test_a_moving_name_is_no_model_and_lends_no_facts(listed):
    moving, dated = _lab_row("openai/gpt-4o"), _lab_row("openai/gpt-4o-2024-08-06")
    assert moving["release_date"] != dated["release_date"]
    assert scalar(listed, "SELECT count(*) FROM models WHERE model = 'gpt-4o'") == 0
    assert str(scalar(listed, "SELECT release_date FROM models WHERE model = 'gpt-4o-2024-08-06'")) == \
        dated["release_date"]
    assert ("alias-of",) in rows(listed, "SELECT resolved_by FROM name_resolutions WHERE source = 'models-dev' "
                                         "AND raw_name = 'openai/gpt-4o'")


def test_resellers_add_no_models(listed):
    served = pd.read_csv(MODELS_DEV / "provider_models.csv")
    only_resold = set(served.loc[served["provider_id"] == "openrouter", "model_id"]) - \
        set(served.loc[served["provider_id"] != "openrouter", "model_id"])
    assert only_resold
    created = {r[0] for r in rows(listed, "SELECT raw_name FROM name_resolutions WHERE source = 'models-dev' "
                                          "AND kind = 'models'")}
    assert not only_resold & created
    assert scalar(listed, "SELECT rows FROM name_resolutions WHERE source = 'models-dev' AND raw_name = 'openrouter'") \
        == (served["provider_id"] == "openrouter").sum()


def test_the_1970_sentinel_is_no_release_date(catalogue, tmp_path):
    folder = tmp_path / "models-dev"
    shutil.copytree(MODELS_DEV, folder)
    served = pd.read_csv(folder / "provider_models.csv", dtype=str, keep_default_na=False)
    mine = (served["provider_id"] == "openai") & (served["model_id"] == "gpt-image-1-mini")
    assert mine.sum() == 1 and served.loc[mine, "release_date"].item() != "1970-01-01"
    served.loc[mine, "release_date"] = "1970-01-01"
    (folder / "provider_models.csv").chmod(0o644)
    served.to_csv(folder / "provider_models.csv", index=False)
    ingest_source(catalogue, "models-dev", folder)
    assert rows(catalogue, "SELECT release_date FROM models WHERE model = 'gpt-image-1-mini'") == [(None,)]


def test_a_catalogue_file_missing_a_column_is_named(catalogue, tmp_path):
    folder = tmp_path / "models-dev"
    shutil.copytree(MODELS_DEV, folder)
    (folder / "models.csv").chmod(0o644)
    pd.read_csv(folder / "models.csv").drop(columns=["release_date"]).to_csv(folder / "models.csv", index=False)
    with pytest.raises(FileFormatError, match=r"models\.csv: missing column release_date"):
        ingest_source(catalogue, "models-dev", folder)
    assert scalar(catalogue, "SELECT count(*) FROM models WHERE model = 'claude-opus-4-7'") == 0
