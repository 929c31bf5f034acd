"""The LLM-Stats leaderboard's benchmark scores, read from the shipped copy: the labs' claims land
as claimed (never as measurements), on the tracked evaluations, dated by the model's announcement;
a score outside the benchmark's standard setting is skipped with its reason."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from tests.conftest import SOURCES, rows, scalar
from warehouse.ingest import ingest_source

LEADERBOARD = SOURCES / "llm-stats-leaderboard"


@pytest.fixture(scope="module")
def claims(catalogue_template, tmp_path_factory):
    """The catalogue warehouse with the leaderboard read once (the tests only read it)."""
    import shutil

    from warehouse.connection import Location

    folder = tmp_path_factory.mktemp("claims") / "warehouse"
    shutil.copytree(catalogue_template, folder)
    location = Location.resolve(str(folder))
    ingest_source(location, "llm-stats-leaderboard", LEADERBOARD)
    return location


def _scores() -> pd.DataFrame:
    scores = pd.read_csv(LEADERBOARD / "benchmark_scores.csv")
    scores["run_ref"] = scores["model_id"] + "/" + scores["benchmark_id"] + "/" + scores["model_benchmark_id"].astype(str)
    return scores


def test_self_reported_scores_are_claims_and_the_others_measurements(claims):
    self_reported = _scores().groupby("run_ref")["is_self_reported"].first()
    loaded = rows(claims, """SELECT run_ref, provenance FROM published_aggregates
                             WHERE source = 'llm-stats-leaderboard'""")
    assert len(loaded) > 300
    for run_ref, provenance in loaded:
        assert provenance == ("claimed" if self_reported[run_ref] else "measured")
    assert {p for _, p in loaded} == {"claimed", "measured"}


def test_gpt5s_gpqa_claim_is_read_back_exactly_on_the_day_it_was_announced(claims):
    scores = _scores()
    gpt5 = scores[(scores["model_id"] == "gpt-5-2025-08-07") & (scores["benchmark_id"] == "gpqa")].iloc[0]
    announced = pd.read_csv(LEADERBOARD / "models.csv").set_index("model_id").loc["gpt-5-2025-08-07",
                                                                                  "announcement_date"]
    assert rows(claims, """SELECT model, effort, evaluation, metric, mean, measured_at, provenance
                           FROM published_aggregates WHERE source = 'llm-stats-leaderboard' AND run_ref = ?""",
                [gpt5["run_ref"]]) == [
        ("gpt-5-2025-08-07", "default", "gpqa-diamond", "accuracy", gpt5["score"],
         date.fromisoformat(announced), "claimed")]


def test_only_tracked_benchmarks_in_their_standard_setting_are_loaded(claims):
    loaded = {e for (e,) in rows(claims, """SELECT DISTINCT evaluation FROM published_aggregates
                                            WHERE source = 'llm-stats-leaderboard'""")}
    assert {"gpqa-diamond", "mmlu-pro", "aime-2025", "livecodebench", "swe-bench-verified",
            "humanitys-last-exam", "simpleqa"} <= loaded
    skipped = dict(rows(claims, """SELECT resolved_by, sum(rows) FROM name_resolutions
                                   WHERE source = 'llm-stats-leaderboard' AND kind = 'aggregates'
                                     AND resolved_by LIKE 'skipped:%' GROUP BY ALL"""))
    assert skipped["skipped: with tools or search (not the standard setting)"] > 0
    # o3's Humanity's Last Exam with Python and browser tools is not its no-tools score.
    scores = _scores()
    with_tools = scores[(scores["model_id"] == "o3-2025-04-16") & (scores["benchmark_id"] == "humanity's-last-exam")
                        & scores["analysis_method"].str.contains("browser")]
    assert scalar(claims, "SELECT count(*) FROM published_aggregates WHERE run_ref = ?",
                  [with_tools["run_ref"].item()]) == 0
    total = scalar(claims, """SELECT sum(rows) FROM name_resolutions
                              WHERE source = 'llm-stats-leaderboard' AND kind = 'aggregates'""")
    assert total == len(scores)
