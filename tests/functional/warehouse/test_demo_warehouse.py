"""The demo warehouse (warehouse/demo.py, from the repository's real data), checked where an
independent recomputation found numbers a subscriber would not accept: back-dated prices, prices of
the wrong model, unit slips, retired models sold as current, one model under two ids."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import SOURCES, rows
from warehouse import query
from warehouse.connection import Location


@pytest.fixture(scope="module")
def built(demo_warehouse) -> Location:
    """The session's demo warehouse (tests/functional/conftest.py): these tests only read it."""
    return demo_warehouse


def test_o1_mini_is_priced_as_the_dated_sources_say_in_autumn_2024(built):
    # genai-prices knows o1-mini's price now ($1.10), undated; LiteLLM and LLMStats recorded $3.00.
    assert rows(built, """SELECT usd_per_mtok, price_basis, date_basis FROM model_price_as_of
                          WHERE model = 'o1-mini-2024-09-12' AND as_of = '2024-11-30' AND token_type = 'input'""") \
        == [(3.0, "first-party", "recorded")]


def test_no_distill_has_a_first_party_price(built):
    assert rows(built, """SELECT DISTINCT price_basis FROM model_price_as_of
                          WHERE model LIKE 'deepseek-r1-distill%' AND price_basis LIKE 'first-party%'""") == []
    assert rows(built, "SELECT count(*) FROM model_price_as_of WHERE model = 'deepseek-r1-distill-llama-70b'")[0][0] > 0


def test_every_price_in_use_is_within_what_tokens_have_ever_cost(built):
    assert rows(built, """SELECT model, provider_count FROM (
                              SELECT model, count(*) AS provider_count FROM model_price_as_of
                              WHERE usd_per_mtok > 1000 OR usd_per_mtok < 0.001 GROUP BY model)""") == []
    placeholders = rows(built, """SELECT provider, model FROM price_anomalies WHERE reason = 'placeholder'
                                  AND usd_per_mtok = 99999""")
    assert ("poe", "gpt-5-2025-08-07") in placeholders


def test_retired_models_are_not_sold_on_the_quarters_last_day(built):
    for model in ("gpt-4.5-preview-2025-02-27", "o1-preview-2024-09-12", "claude-2.0", "claude-2.1",
                  "gemini-1.0-pro-001"):
        assert rows(built, "SELECT status FROM model_lifecycle WHERE model = ? AND as_of = '2026-09-30'",
                    [model]) == [("retired",)], model
    assert rows(built, """SELECT count(*) FROM cost_to_run WHERE as_of = '2026-09-30'
                          AND model IN (SELECT model FROM model_lifecycle WHERE as_of = '2026-09-30'
                                        AND status = 'retired')""") == [(0,)]
    # GPT-4.5 Preview was sold from its release to its shutdown on 2025-07-14: its history stays.
    assert rows(built, """SELECT shutdown_on FROM model_lifecycle WHERE model = 'gpt-4.5-preview-2025-02-27'
                          AND as_of = '2026-09-30'""") == [(date(2025, 7, 14),)]


def test_api_aliases_and_spellings_of_one_model_are_one_id(built):
    merged = ("gpt-5.1", "kimi-k2p5", "deepseek-v3p2", "deepseek-chat", "deepseek-reasoner", "grok-3-beta",
              "open-mixtral-8x7b", "kimi-k2-instruct-0905")
    assert rows(built, f"SELECT model FROM models WHERE model IN {merged}") == []
    # Every source naming the model gpt-5.1 means the one canonical model (genai-prices' entry of that
    # name also prices gpt-5.1-codex and the others its list names, at the same price, and its batch,
    # priority and flex tiers).
    assert rows(built, """SELECT DISTINCT model FROM name_resolutions
                          WHERE raw_name IN ('gpt-5.1', 'openai/gpt-5.1') AND model IS NOT NULL
                            AND (kind NOT IN ('prices', 'price-tiers') OR source <> 'genai-prices')""") \
        == [("gpt-5.1-2025-11-13",)]


def test_every_release_date_the_catalogues_disagree_on_is_settled(built):
    assert rows(built, "SELECT model, problem FROM release_date_conflicts WHERE NOT resolved") == []
    assert dict(rows(built, """SELECT model, release_date FROM models
                               WHERE model IN ('kimi-k2-0905', 'o3-deep-research')""")) == \
        {"kimi-k2-0905": date(2025, 9, 5), "o3-deep-research": date(2025, 6, 26)}


def test_the_quarters_figures_count_no_run_started_after_it(built):
    # The second quarter's figures, with the runs of models released in it still going on after it.
    ((latest,),) = rows(built, """SELECT max(runs_through) FROM intelligence_index WHERE as_of = '2026-06-30'""")
    later = rows(built, "SELECT count(*) FROM eval_runs WHERE started_at >= '2026-07-01'")[0][0]
    assert latest.date() <= date(2026, 6, 30) and later > 0


def test_epoch_hub_scores_keep_their_third_decimal(built):
    import pandas as pd

    best = pd.read_csv(SOURCES / "epoch-ai" / "benchmarks_runs.csv").set_index("id")["Best score (across scorers)"]
    loaded = dict(rows(built, "SELECT run_ref, mean FROM published_aggregates WHERE source = 'epoch-hub'"))
    assert loaded and all(mean == pytest.approx(best[ref]) for ref, mean in loaded.items())
    assert any(round(mean, 2) != mean for mean in loaded.values())


def test_the_anomaly_counts_name_each_source_and_reason(built):
    found = query.named(built, "price_anomaly_counts", {"source": ""}).to_pylist()
    assert {r["reason"] for r in found} >= {"placeholder", "zero", "outlier"}
    assert all(r["prices"] > 0 and r["example"] for r in found)
    assert sum(r["prices"] for r in found) == rows(built, "SELECT count(*) FROM price_anomalies")[0][0]


def test_each_smile_threshold_is_met_by_its_own_reference_model(built):
    assert rows(built, """SELECT t.threshold, t.reference_model FROM intelligence_thresholds t
                          ANTI JOIN threshold_models q ON q.threshold = t.threshold AND q.model = t.reference_model
                                                      AND q.as_of = '2026-09-30'
                          WHERE t.reference_model IS NOT NULL""") == []


def test_a_source_listing_a_model_twice_on_one_day_is_read_at_its_lower_score(built):
    """LLM-Stats lists DeepSeek's distills on AIME 2024 twice on one day (pass@1 and a consensus
    score), and Epoch's two Mixtral ids merge into one model: recomputed here from the raw rows, each
    such score is the latest day's, the latest batch's, the lower one, with that row's error."""
    raw = rows(built, """SELECT a.source, a.model, a.effort, a.evaluation, a.mean, a.std_error, a.batch_id,
                                coalesce(a.measured_at, CAST(b.ingested_at AS DATE)) AS known_from
                         FROM published_aggregates a JOIN ingest_batches b USING (batch_id)
                         WHERE a.metric = 'accuracy' AND coalesce(a.measured_at, CAST(b.ingested_at AS DATE)) <= DATE '2026-09-30'""")
    groups: dict[tuple, list[tuple]] = {}
    for source, model, effort, evaluation, mean, se, batch, known in raw:
        groups.setdefault((source, model, effort, evaluation), []).append((known, batch, -mean, -(se or 0), mean, se))
    # The rows of each group's latest day and batch; max() of the rest of the key takes the lower mean.
    doubled = {key: max(found) for key, found in groups.items()
               if sum(row[:2] == max(found)[:2] for row in found) > 1}
    assert len(doubled) >= 10
    scores = {tuple(r[:4]): r[4:] for r in rows(built, """
        SELECT source, model, effort, evaluation, score, std_error FROM eval_scores
        WHERE as_of = DATE '2026-09-30' AND source <> 'house'""")}
    assert scores[("llm-stats", "deepseek-r1-distill-llama-8b", "default", "aime-2024")][0] == pytest.approx(50.4)
    for key, (*_, mean, se) in doubled.items():
        assert scores[key][0] == pytest.approx(100 * mean), key
        assert scores[key][1] == (None if se is None else pytest.approx(100 * se)), key


def test_each_source_in_the_appendix_carries_the_attribution_its_licence_asks_from_the_warehouse(built):
    """A report's appendix reads each source's attribution from the batches that loaded it (view
    sources_used), not from the adapters, which the read side never imports; the house's own files
    carry none."""
    from warehouse.sources.base import all_sources

    expected = {spec.name: spec.attribution for spec in all_sources()}
    found = dict(rows(built, "SELECT source, attribution FROM sources_used"))
    assert found.pop("benchhouse") is None
    assert len(found) >= 10 and all(found.values())
    assert found == {name: expected[name] for name in found}
