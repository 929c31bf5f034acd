"""Epoch AI adapters, checked against Epoch's own files: release dates, hub scores with their
standard errors, token usage; and the guarantees every source has (read twice, nothing changes;
a truncated file loads nothing). The notable models, the hub and the token usage are read once into
one catalogue warehouse that the tests only read; a test that reads a source again works on a copy."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import ROOT, SOURCES, copy_of, latest_snapshot, read_again_changes_nothing, rows, scalar
from warehouse.errors import FileFormatError
from warehouse.ingest import ingest_source

EPOCH = SOURCES / "epoch-ai"


@pytest.fixture(scope="module")
def loaded(catalogue_with):
    return catalogue_with(("epoch-notable", EPOCH), ("epoch-hub", EPOCH), ("epoch-token-usage", EPOCH))


@pytest.fixture(scope="module")
def epoch(loaded):
    return loaded.location


def test_a_dated_version_keeps_its_own_release_date(epoch):
    versions = pd.read_csv(EPOCH / "model_versions.csv")
    for version in ("gpt-4o-2024-05-13", "gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022"):
        published = versions.loc[versions["id"] == version, "Version release date"].item()
        assert str(scalar(epoch, "SELECT release_date FROM models WHERE model = ?", [version])) == published


def test_a_release_date_read_a_year_early_is_listed_and_settled_by_the_curated_table(epoch):
    # Epoch's model versions date Kimi-K2-Instruct-0905 2024-09-05 (its '-0905' read with the wrong
    # year) and its copy at Fireworks 2025-09-05; the Capabilities Index says 2025-09-05.
    versions = pd.read_csv(EPOCH / "model_versions.csv").set_index("id")["Version release date"]
    assert (versions["Kimi-K2-Instruct-0905"], versions["fireworks/Kimi-K2-Instruct-0905"]) == \
        ("2024-09-05", "2025-09-05")
    ((release, source, spread, resolved),) = rows(epoch, """
        SELECT m.release_date, m.release_date_source, c.spread_days, c.resolved
        FROM models m JOIN release_date_conflicts c USING (model) WHERE model = 'kimi-k2-0905'""")
    assert (str(release), source, spread, resolved) == ("2025-09-05", "curated", 365, True)


def test_the_release_dates_the_house_settled_are_each_dated_with_evidence():
    curated = pd.read_csv(ROOT / "warehouse" / "identity" / "release_dates.csv")
    assert curated["model"].is_unique
    assert curated["evidence"].str.match(r"^https?://").all() and curated["note"].notna().all()
    assert pd.to_datetime(curated["release_date"], format="%Y-%m-%d").notna().all()


def test_effort_is_a_variant_never_part_of_the_model(epoch):
    runs = pd.read_csv(EPOCH / "benchmarks_runs.csv")
    assert (runs["model"] == "o3-2025-04-16_high").any()
    assert scalar(epoch, "SELECT count(*) FROM models WHERE model LIKE '%\\_high' ESCAPE '\\'") == 0
    assert ("o3-2025-04-16", "high") in rows(epoch, "SELECT model, effort FROM model_variants")


def test_hub_runs_keep_the_precise_best_score_and_its_scorers_standard_error(epoch):
    runs = pd.read_csv(EPOCH / "benchmarks_runs.csv").set_index("id")
    checked = rounded_apart = 0
    for run_ref, mean, std_error in rows(epoch, "SELECT run_ref, mean, std_error FROM published_aggregates "
                                                "WHERE source = 'epoch-hub' ORDER BY run_ref LIMIT 60"):
        scores = re.findall(r"[^:,]+:([0-9.]+)±([0-9.]+)", runs.loc[run_ref, "Scores"])
        best = runs.loc[run_ref, "Best score (across scorers)"]
        headline = min(((float(m), float(s)) for m, s in scores), key=lambda p: abs(p[0] - best))
        # The mean is the three-decimal best score, not its scorer's mean rounded to two decimals.
        assert (mean, std_error) == (best, headline[1])
        rounded_apart += headline[0] != best
        checked += 1
    assert checked == 60 and rounded_apart > 0


def test_token_usage_keeps_totals_and_repeats(epoch):
    usage = pd.read_csv(EPOCH / "llm-benchmark-efficiency" / "eval_token_usage.csv")
    row = usage[(usage["Model"] == "gpt-4-0613") & (usage["Task"] == "GPQA Diamond")].iloc[0]
    assert rows(epoch, "SELECT samples, repeats, input_tokens, output_tokens FROM published_usage "
                       "WHERE model = 'gpt-4-0613' AND evaluation = 'gpqa-diamond'") == [
        (row["total_samples"], row["epochs"], row["input_tokens"], row["output_tokens"])]


def test_reading_a_source_twice_changes_nothing(loaded, tmp_path):
    read_again_changes_nothing(loaded, tmp_path, "epoch-hub", EPOCH)


def test_a_new_read_of_a_source_replaces_its_rows(loaded, tmp_path):
    warehouse = copy_of(loaded.location, tmp_path / "warehouse")
    before = scalar(warehouse, "SELECT count(*) FROM published_aggregates WHERE source = 'epoch-hub'")
    changed = tmp_path / "epoch-ai"
    shutil.copytree(EPOCH, changed)
    runs = pd.read_csv(changed / "benchmarks_runs.csv")
    runs.iloc[:-10].to_csv(changed / "benchmarks_runs.csv", index=False)  # a release with 10 runs fewer
    ingest_source(warehouse, "epoch-hub", changed)
    assert scalar(warehouse, "SELECT count(*) FROM published_aggregates WHERE source = 'epoch-hub'") == before - 10


def test_a_truncated_source_file_loads_nothing(catalogue, tmp_path):
    broken = tmp_path / "epoch-ai"
    shutil.copytree(EPOCH, broken)
    text = (broken / "benchmarks_runs.csv").read_text()
    cut = text[: len(text) // 2]
    (broken / "benchmarks_runs.csv").write_text(cut)  # cut mid-line: the last line is short of fields
    snapshot = latest_snapshot(catalogue)
    with pytest.raises(FileFormatError, match=rf"benchmarks_runs\.csv, line {cut.count(chr(10)) + 1}: \d+ fields where "
                                              r"the header has \d+"):
        ingest_source(catalogue, "epoch-hub", broken)
    assert latest_snapshot(catalogue) == snapshot
    assert scalar(catalogue, "SELECT count(*) FROM published_aggregates WHERE source = 'epoch-hub'") == 0


def test_a_source_file_missing_a_column_is_named(catalogue, tmp_path):
    broken = tmp_path / "epoch-ai"
    shutil.copytree(EPOCH, broken)
    pd.read_csv(broken / "benchmarks_runs.csv").drop(columns=["Scores"]).to_csv(
        broken / "benchmarks_runs.csv", index=False)
    with pytest.raises(FileFormatError, match=r"benchmarks_runs\.csv: missing column Scores"):
        ingest_source(catalogue, "epoch-hub", broken)


def test_unknown_source_suggests_the_nearest(catalogue):
    from warehouse.errors import UnknownName

    with pytest.raises(UnknownName, match="Did you mean 'epoch-hub'"):
        ingest_source(catalogue, "epoch-hubb", EPOCH)


def test_names_nobody_resolved_are_listed_not_dropped(loaded, epoch):
    result = loaded.results["epoch-notable"]
    listed = rows(epoch, "SELECT sum(rows) FROM name_resolutions WHERE batch_id = ? "
                         "AND resolved_by = 'unresolved'", [result.batch_id])[0][0]
    assert listed == result.unresolved_rows > 0
    notable = pd.read_csv(EPOCH / "notable_ai_models.csv")
    accounted = scalar(epoch, "SELECT sum(rows) FROM name_resolutions WHERE batch_id = ?", [result.batch_id])
    assert accounted == len(notable)
