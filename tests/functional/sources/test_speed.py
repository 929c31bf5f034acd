"""The speed sources (LLM-Stats leaderboard, thefastest.ai, LLMPerf, Epoch AI's TTFT scaling, MLPerf
Inference, the GPU price tracker) checked against their own files in the demo warehouse: the
figures land on the canonical model at the house's provider, the statistics are those of the
requests, what is left out is listed, and reading a source twice or a damaged file changes nothing."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date, datetime, timezone

import pandas as pd
import pytest

from tests.conftest import ROOT, SOURCES, in_process, latest_snapshot, read_again_changes_nothing, rows, scalar
from warehouse.errors import FileFormatError
from warehouse.ingest import ingest_source

LEADERBOARD = SOURCES / "llm-stats-leaderboard"
FASTEST = SOURCES / "thefastest-ai"
LLMPERF = SOURCES / "llmperf-leaderboard"
EPOCH_TTFT = SOURCES / "epoch-ttft-latency-scaling"
MLPERF = SOURCES / "mlperf-inference"
GPU_PRICES = SOURCES / "gpu-price-tracker"
SPEED = {"llm-stats-leaderboard": LEADERBOARD, "thefastest-ai": FASTEST, "llmperf": LLMPERF,
         "epoch-ttft": EPOCH_TTFT, "mlperf-inference": MLPERF, "gpu-price-tracker": GPU_PRICES}


def test_the_demo_holds_speed_from_three_sources_and_fifteen_providers(demo_warehouse):
    sources, providers = rows(demo_warehouse, "SELECT count(DISTINCT source), count(DISTINCT provider) "
                                              "FROM performance_measurements")[0]
    assert sources >= 3 and providers >= 15
    assert scalar(demo_warehouse, "SELECT count(DISTINCT provider) FROM speed_as_of") >= 15


def test_schema_shows_the_speed_columns_and_views(demo_warehouse):
    done = in_process(demo_warehouse, "schema", "performance_measurements", "--format", "csv")
    described = {r["name"]: r["comment"] for r in csv.DictReader(io.StringIO(done.stdout))}
    assert {"output_tokens_per_s", "ttft_s", "e2e_s", "statistic", "requests", "prompt_tokens", "output_tokens",
            "concurrency", "region", "measured_at"} <= set(described)
    assert all(described.values())
    listed = {r["name"]: r["comment"] for r in csv.DictReader(io.StringIO(
        in_process(demo_warehouse, "schema", "--format", "csv").stdout))}
    for name in ("performance_measurements", "systems", "throughput_measurements", "speed_as_of", "provider_frontier",
                 "ttft_by_prompt_length", "serving_cost", "deployment_break_even"):
        assert listed.get(name), name


def test_llm_stats_leaderboard_figures_land_at_the_house_provider(demo_warehouse):
    offers = pd.read_csv(LEADERBOARD / "provider_models.csv").set_index(["model_id", "provider_id"])
    for provider_id, provider in (("together", "togetherai"), ("bedrock", "amazon-bedrock")):
        offer = offers.loc[("llama-3.3-70b-instruct", provider_id)]
        assert rows(demo_warehouse, "SELECT output_tokens_per_s, ttft_s, measured_at, statistic FROM "
                                    "performance_measurements WHERE source = 'llm-stats-leaderboard' AND "
                                    "model = 'llama-3.3-70b-instruct' AND provider = ?", [provider]) == \
            [(offer["throughput"], offer["latency"], date.fromisoformat(offer["updated_at"][:10]), "point")]


def test_llm_stats_leaderboard_placeholder_speed_is_left_out_and_its_latency_kept(demo_warehouse):
    offers = pd.read_csv(LEADERBOARD / "provider_models.csv")
    placeholders = offers[offers["throughput"] == 0.1]
    assert len(placeholders) > 0 and set(placeholders["provider_id"]) == {"mistral"}
    loaded = rows(demo_warehouse, "SELECT output_tokens_per_s, ttft_s FROM performance_measurements "
                                  "WHERE source = 'llm-stats-leaderboard' AND provider = 'mistral' "
                                  "AND run_ref IN (SELECT unnest(?))",
                  [[str(i) for i in placeholders["model_provider_id"]]])
    assert loaded and all(speed is None and ttft is not None for speed, ttft in loaded)
    assert scalar(demo_warehouse, "SELECT sum(rows) FROM name_resolutions WHERE source = 'llm-stats-leaderboard' "
                                  "AND resolved_by LIKE 'skipped: throughput 0.1%'") == len(placeholders)


def _fastest_requests() -> pd.DataFrame:
    found = pd.read_csv(FASTEST / "thefastest_runs.csv")
    return found[found["num_tokens"] > 0]


def test_thefastest_weekly_statistics_are_the_requests_own(demo_warehouse):
    requests = _fastest_requests()
    week = requests[(requests["provider_endpoint"] == "groq.com") & (requests["model"] == "llama-3-70b-chat")
                    & (requests["region"] == "iad") & (requests["run_time_utc"] >= "2024-04-29")]
    speed = week["tps"].where(week["tps"] < 999)
    assert speed.isna().any() and speed.notna().sum() >= 3  # the sentinel is in this week, and real speeds
    found = rows(demo_warehouse, """SELECT statistic, output_tokens_per_s, ttft_s, e2e_s, requests, measured_from,
                                           measured_at FROM performance_measurements
                                    WHERE source = 'thefastest-ai' AND endpoint = 'groq.com/llama-3-70b-chat'
                                      AND region = 'iad' AND measured_from = '2024-04-29' ORDER BY statistic""")
    last_run = date.fromisoformat(requests["run_time_utc"].max()[:10])
    expected = {"mean": (speed.mean(), week["ttft_s"].mean(), week["total_time_s"].mean()),
                "median": (speed.median(), week["ttft_s"].median(), week["total_time_s"].median()),
                "p25": (speed.quantile(0.25), week["ttft_s"].quantile(0.25), week["total_time_s"].quantile(0.25)),
                "p75": (speed.quantile(0.75), week["ttft_s"].quantile(0.75), week["total_time_s"].quantile(0.75))}
    assert [f[0] for f in found] == sorted(expected)
    for statistic, tps, ttft, e2e, n, first, last in found:
        assert (tps, ttft, e2e) == pytest.approx(expected[statistic])
        assert (n, first, last) == (len(week), date(2024, 4, 29), last_run)
    assert rows(demo_warehouse, "SELECT DISTINCT model, provider FROM performance_measurements "
                                "WHERE endpoint = 'groq.com/llama-3-70b-chat'") == [("meta-llama-3-70b-instruct", "groq")]


def test_thefastest_answers_in_one_chunk_have_no_speed_but_keep_their_times(demo_warehouse):
    requests = _fastest_requests()
    azure = requests[(requests["provider_endpoint"] == "azure.eastus2") & (requests["model"] == "llama-2-70b-chat")]
    assert (azure["tps"] == 999).all()
    loaded = rows(demo_warehouse, "SELECT output_tokens_per_s, ttft_s FROM performance_measurements "
                                  "WHERE endpoint = 'azure.eastus2/llama-2-70b-chat'")
    assert loaded and all(speed is None and ttft > 0 for speed, ttft in loaded)
    assert scalar(demo_warehouse, "SELECT sum(rows) FROM name_resolutions WHERE source = 'thefastest-ai' AND "
                                  "resolved_by = 'skipped: request returned no tokens'") == \
        (pd.read_csv(FASTEST / "thefastest_runs.csv")["num_tokens"] <= 0).sum()


def test_llmperf_statistics_match_its_own_summaries(demo_warehouse):
    """LLMPerf summarised each run itself; the house's statistics of the same requests agree."""
    summary = pd.read_csv(LLMPERF / "summary_flat.csv").set_index("file")
    loaded = rows(demo_warehouse, "SELECT run_ref, statistic, ttft_s, e2e_s, requests, measured_at, prompt_tokens, "
                                  "output_tokens, concurrency FROM performance_measurements WHERE source = 'llmperf'")
    assert {r[0] for r in loaded} == set(summary.index)
    names = {"median": "quantiles_p50", "p25": "quantiles_p25", "p75": "quantiles_p75", "p95": "quantiles_p95",
             "p99": "quantiles_p99", "mean": "mean", "min": "min", "max": "max"}
    for run, statistic, ttft, e2e, n, measured, prompt, output, concurrency in loaded:
        published = summary.loc[run]
        assert ttft == pytest.approx(published[f"results_ttft_s_{names[statistic]}"]), (run, statistic)
        assert e2e == pytest.approx(published[f"results_end_to_end_latency_s_{names[statistic]}"]), (run, statistic)
        assert n == published["results_num_completed_requests"]
        assert measured == datetime.fromtimestamp(published["timestamp"], timezone.utc).date()
        assert (prompt, output, concurrency) == (550, 150, 5)


def test_llmperf_speed_excludes_the_first_token(demo_warehouse):
    requests = pd.DataFrame(json.loads((LLMPERF / "raw_data" / "individual" / "groq_70b.json").read_text()))
    requests = requests[requests["error_code"].isna()]
    speed = (requests["number_output_tokens"] - 1) / (requests["end_to_end_latency_s"] - requests["ttft_s"])
    assert scalar(demo_warehouse, "SELECT output_tokens_per_s FROM performance_measurements WHERE source = 'llmperf' "
                                  "AND run_ref = 'groq_70b.json' AND statistic = 'median'") == pytest.approx(speed.median())
    assert rows(demo_warehouse, "SELECT DISTINCT model, provider FROM performance_measurements "
                                "WHERE run_ref = 'groq_70b.json'") == [("llama-2-70b-chat", "groq")]


def test_llmperf_failed_requests_are_left_out_and_counted(demo_warehouse):
    requests = pd.DataFrame(json.loads((LLMPERF / "raw_data" / "individual" / "lepton_70b.json").read_text()))
    ok = requests["error_code"].isna()
    assert scalar(demo_warehouse, "SELECT requests FROM performance_measurements WHERE run_ref = 'lepton_70b.json' "
                                  "AND statistic = 'median'") == ok.sum() < len(requests)
    assert scalar(demo_warehouse, "SELECT rows FROM name_resolutions WHERE source = 'llmperf' AND raw_name = 'llama2-70b' "
                                  "AND resolved_by LIKE 'skipped: request failed%'") == (~ok).sum()


def test_epoch_ttft_medians_per_prompt_length_on_the_vendor_api(demo_warehouse):
    tables = pd.read_csv(EPOCH_TTFT / "outputs" / "tables" / "request_observations.csv")
    sessions = pd.read_csv(EPOCH_TTFT / "outputs" / "tables" / "session_metadata.csv").set_index("model")
    for (model, prompt), group in tables.groupby(["model", "total_input_tokens"]):
        found = rows(demo_warehouse, "SELECT ttft_s, requests, measured_at, provider FROM performance_measurements "
                                     "WHERE source = 'epoch-ttft' AND model = ? AND prompt_tokens = ? "
                                     "AND statistic = 'median'",
                     [model.lower().replace(" ", "-"), int(prompt)])
        day = datetime.strptime(sessions.loc[model, "session_id"][:8], "%Y%m%d").date()
        provider = "openai" if model.startswith("GPT") else "anthropic"
        assert found == [(pytest.approx(group["ttft_seconds"].median()), len(group), day, provider)]
    astra = pd.read_csv(EPOCH_TTFT / "outputs" / "astra-api" / "request_observations.csv")
    assert scalar(demo_warehouse, "SELECT sum(requests) FROM performance_measurements WHERE model = 'gpt-6-astra' "
                                  "AND statistic = 'median'") == len(astra)
    assert rows(demo_warehouse, "SELECT DISTINCT e.first_party FROM performance_measurements p JOIN endpoints e "
                                "USING (model, provider) WHERE p.source = 'epoch-ttft'") == [(True,)]


def test_mlperf_results_land_on_the_system_named_by_its_accelerators(demo_warehouse):
    results = pd.read_csv(MLPERF / "mlperf_llm_results.csv")
    dgx = results[(results["round"] == "v5.1") & (results["system_name"] == "NVIDIA DGX B200 (8x B200-SXM-180GB, TensorRT)")
                  & (results["benchmark"] == "llama3.1-405b") & (results["scenario"] == "Server")].iloc[0]
    assert rows(demo_warehouse, "SELECT model, system, scenario, measured_at, output_tokens_per_s, ttft_limit_s, "
                                "tpot_limit_s, ttft_p50_s FROM throughput_measurements WHERE run_ref = ?",
                [f"{dgx['mlcommons_result_id']} llama3.1-405b Server"]) == [
        ("llama-3.1-405b-instruct", "8x-b200-sxm-180gb", "server", date(2025, 9, 9), dgx["tokens_per_s"],
         pytest.approx(dgx["ttft_limit_ms"] / 1000), pytest.approx(dgx["tpot_limit_ms"] / 1000),
         pytest.approx(dgx["p50_ttft_ms"] / 1000))]


def test_mlperf_runs_repeated_at_the_stricter_accuracy_target_are_listed_not_loaded(demo_warehouse):
    results = pd.read_csv(MLPERF / "mlperf_llm_results.csv")
    results["model"] = results["benchmark"].str.replace(r"-99(\.9)?$", "", regex=True)
    keys = ["round", "submitter", "system_name", "model", "scenario"]
    at_99 = results[results["benchmark"].str.endswith("-99")][keys].drop_duplicates()
    repeated = results[results["benchmark"].str.endswith("-99.9")].merge(at_99, on=keys)
    repeated = repeated[(repeated["suite"] == "datacenter") & repeated["tokens_per_s"].notna()
                        & ~repeated["accelerator_family"].str.startswith(("mixed", "none"), na=True)]
    assert len(repeated) > 0
    assert scalar(demo_warehouse, "SELECT sum(rows) FROM name_resolutions WHERE source = 'mlperf-inference' "
                                  "AND resolved_by LIKE 'skipped: the same run submitted at the 99.9%'") \
        == len(repeated[repeated["model"] != "gptj"])
    assert scalar(demo_warehouse, "SELECT count(*) FROM throughput_measurements WHERE run_ref LIKE '%-99.9 %' "
                                  "AND run_ref IN (SELECT unnest(?))",
                  [[f"{r.mlcommons_result_id} {r.benchmark} {r.scenario}" for r in repeated.itertuples()]]) == 0


def test_gpu_rents_are_the_trackers_daily_market_median(demo_warehouse):
    prices = pd.read_csv(GPU_PRICES / "gpu_prices_daily.csv", keep_default_na=False, na_values=[""])
    market = prices[prices["scope"] == "all"]
    h100 = market[(market["gpu_type"] == "H100_80GB") & (market["socket_type"] == "SXM5")]
    loaded = dict(rows(demo_warehouse, "SELECT priced_at, usd_per_hour FROM systems WHERE system = '1x-h100-sxm-80gb' "
                                       "AND source LIKE 'gpu-price-tracker:%'"))
    assert loaded == {date.fromisoformat(d): p for d, p in zip(h100["date"], h100["median_usd_per_gpu_hr_median"])}
    assert scalar(demo_warehouse, "SELECT count(*) FROM systems WHERE source LIKE 'gpu-price-tracker:%'") == len(market)


def test_the_house_rents_are_the_trackers_median_times_the_accelerators(demo_warehouse):
    """data/house/systems.csv cites the tracker's median of 2025-11-16 for every system it rents."""
    house = pd.read_csv(ROOT / "data" / "house" / "systems.csv")
    assert len(house) >= 4 and set(house["priced_at"]) == {"2025-11-16"}
    for system in house.itertuples():
        one_gpu = scalar(demo_warehouse, "SELECT usd_per_hour FROM systems WHERE system = ? AND priced_at = ? "
                                         "AND source LIKE 'gpu-price-tracker:%'",
                         [f"1x-{system.accelerator}", system.priced_at])
        assert system.usd_per_hour == pytest.approx(system.accelerator_count * one_gpu), system.system
        assert scalar(demo_warehouse, "SELECT count(*) FROM throughput_measurements WHERE system = ?",
                      [system.system]) > 0, f"{system.system}: MLPerf measured no such system"


@pytest.mark.parametrize("source", SPEED)
def test_reading_a_speed_source_twice_changes_nothing(catalogue_with, tmp_path, source):
    loaded = catalogue_with(*SPEED.items())  # each source read once, for every case of this test
    read_again_changes_nothing(loaded, tmp_path, source, SPEED[source])


@pytest.mark.parametrize("source, file", [
    ("thefastest-ai", "thefastest_runs.csv"),
    ("mlperf-inference", "mlperf_llm_results.csv"),
    ("llmperf", "raw_data/individual/together_70b.json"),
])
def test_a_truncated_speed_file_loads_nothing(catalogue, tmp_path, source, file):
    broken = tmp_path / source
    shutil.copytree(SPEED[source], broken)
    damaged = broken / file
    damaged.chmod(0o644)
    text = damaged.read_text()
    damaged.write_text(text[: len(text) // 2 + 7])  # cut mid-line
    snapshot = latest_snapshot(catalogue)
    with pytest.raises(FileFormatError, match=damaged.name.replace(".", r"\.")):
        ingest_source(catalogue, source, broken)
    assert latest_snapshot(catalogue) == snapshot
