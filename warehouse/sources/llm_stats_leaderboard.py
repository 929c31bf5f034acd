"""LLM-Stats leaderboard (llm-stats.com open data, October 2025): output speed and latency of each
model at each of about twenty providers, and the benchmark scores it collected for each model.

PATH holds provider_models.csv (one row per model and provider), benchmark_scores.csv (one row per
model and benchmark) and models.csv (the model cards, read only to date the scores).

Speed: the source publishes one figure of each, without saying which statistic or workload: they
are loaded as statistic `point`, `throughput` as output tokens a second and `latency` as seconds to
the first token (for reasoning models it includes the thinking, 5 to 30 s). A row is dated by its
`updated_at`. Figures look rounded; a throughput of exactly 0.1 tokens a second, which the file
gives every Mistral model at Mistral, is a placeholder and is left out (the latency beside it is
kept). Prices in the file are not read: the price sources cover these providers with dated
histories.

Scores: almost all (2,206 of 2,224) are the labs' own reports (`is_self_reported`), loaded with
provenance `claimed`: not independently verified, and the reports say so. A score the file marks as
not self-reported (a paper's or another party's, named in its source link) is `measured`. Only the
benchmarks the house tracks are read (warehouse/identity/evaluation_aliases.csv); a score obtained
outside the benchmark's standard setting (with tools or search, with parallel test-time compute or
majority voting, GPQA's main set instead of Diamond) is skipped with its reason. The effort a lab
ran at is not recorded: scores are of the default variant. A claim is dated by the model's
announcement (the labs publish their scores with the model), else its release, else the day
LLM-Stats recorded it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from warehouse.identity import evaluation_map
from warehouse.sources.base import Context, Extract, read_csv, source
from warehouse.sources.llm_stats import provenance
from warehouse.sources.pricing import scope
from warehouse.sources.speed import speed_provider

SOURCE = "llm-stats-leaderboard"
VERSION = "JonathanChavezTamales/llm-leaderboard@24a9ccf7"
PLACEHOLDER_SPEED = 0.1
# Settings that are not the benchmark's standard one, read from the free-text `analysis_method`.
NOT_STANDARD = {
    "with tools or search (not the standard setting)":
        (r"tool|search", r"\bno tools?\b|without tools?|w/o tool"),
    "parallel test-time compute or majority voting (not pass@1)": (r"parallel test-time|cons@|majority", None),
    "GPQA main set, not Diamond": (r"\bmain\b", None),
}


@source(SOURCE, description="LLM-Stats leaderboard: output speed and latency per model at about twenty "
        "providers (2025), and the benchmark scores the labs claim for their models", licence="CC BY 4.0",
        attribution="LLM-Stats, llm-stats.com (github.com/JonathanChavezTamales/llm-leaderboard), CC BY 4.0",
        files=["provider_models.csv", "benchmark_scores.csv", "models.csv"])
def leaderboard(path: Path, context: Context) -> Extract:
    offers = read_csv(path / "provider_models.csv", ["model_provider_id", "model_id", "provider_id",
                                                     "throughput", "latency", "updated_at"])
    scores = read_csv(path / "benchmark_scores.csv", ["model_benchmark_id", "benchmark_id", "model_id", "score",
                                                      "is_self_reported", "analysis_method", "created_at"])
    cards = read_csv(path / "models.csv", ["model_id", "announcement_date", "release_date"])
    performance, skipped = _performance(offers)
    aggregates, skipped_scores = _claims(scores, cards)
    return Extract(version=VERSION, parts={"performance": performance, "aggregates": aggregates},
                   creates_models=False, skipped=skipped + skipped_scores)


def _performance(offers: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple]]:
    placeholder = offers["throughput"].eq(PLACEHOLDER_SPEED)
    speed = offers["throughput"].mask(placeholder)
    measured = speed.notna() | offers["latency"].notna()
    skipped = [("performance", str(name), "no speed or latency given", int(n))
               for name, n in offers.loc[~measured, "model_id"].value_counts().items()]
    skipped += [("performance", str(name), f"throughput {PLACEHOLDER_SPEED} tokens a second is a placeholder "
                 "(latency kept)", int(n)) for name, n in offers.loc[placeholder, "model_id"].value_counts().items()]
    rows = offers[measured]
    provider = rows["provider_id"].map(speed_provider)
    return pd.DataFrame({
        "raw_name": rows["model_id"],
        "provider": provider,
        "measured_at": pd.to_datetime(rows["updated_at"].astype("string").str[:10]).dt.date,
        "statistic": "point",
        "output_tokens_per_s": speed[measured],
        "ttft_s": rows["latency"],
        "source": SOURCE,
        "run_ref": rows["model_provider_id"].astype("string"),
        "scope": scope(provider, rows["model_id"]),
        "_ref": rows["_ref"],
    }), skipped


def _claims(scores: pd.DataFrame, cards: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple]]:
    evaluation = scores["benchmark_id"].map(evaluation_map(SOURCE))
    method = scores["analysis_method"].fillna("").astype("string").str.lower()
    reasons = {"benchmark not tracked": evaluation.isna()}
    for why, (pattern, unless) in NOT_STANDARD.items():
        mask = method.str.contains(pattern, regex=True)
        if unless:
            mask &= ~method.str.contains(unless, regex=True)
        if why.startswith("GPQA"):
            mask &= evaluation.eq("gpqa-diamond")
        reasons[why] = mask
    reasons["score outside 0..1"] = ~scores["score"].between(0, 1)
    skipped, bad = [], pd.Series(False, index=scores.index)
    for why, mask in reasons.items():
        mask = mask.fillna(False) & ~bad
        skipped += [("aggregates", str(b), why, int(n))
                    for b, n in scores.loc[mask, "benchmark_id"].value_counts().items()]
        bad |= mask
    kept = scores[~bad]
    dated = kept[["model_id"]].merge(cards[["model_id", "announcement_date", "release_date"]], on="model_id",
                                     how="left", validate="many_to_one")
    recorded = pd.to_datetime(kept["created_at"].astype("string").str[:10]).dt.date
    measured_at = (pd.to_datetime(dated["announcement_date"]).dt.date.fillna(pd.to_datetime(dated["release_date"]).dt.date)
                   .set_axis(kept.index).fillna(recorded))
    return pd.DataFrame({
        "source": SOURCE,
        "raw_name": kept["model_id"],
        "evaluation": evaluation[~bad],
        "metric": "accuracy",
        "mean": kept["score"],
        "measured_at": measured_at,
        # model_benchmark_id alone repeats across models in the file: the three name one score.
        "run_ref": (kept["model_id"] + "/" + kept["benchmark_id"] + "/"
                    + kept["model_benchmark_id"].astype("string")),
        "scope": kept["benchmark_id"],
        "provenance": provenance(kept["is_self_reported"]),
        "_ref": kept["_ref"],
    }), skipped
