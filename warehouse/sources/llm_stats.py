"""LLMStats (llm-stats.com open data, May 2025): model cards (release dates, parameter counts),
benchmark scores the labs reported (loaded as claimed: not independently verified), and one price
per provider and model.

PATH is the folder holding the LLMStats files (shared/data/llm-stats, or the trimmed copy).
The model cards only describe models already in the warehouse: LLMStats is no catalogue.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from warehouse.identity import evaluation_map
from warehouse.sources.base import Context, Extract, read_csv, source
from warehouse.sources.pricing import provider_slug, scope

VERSION = "JonathanChavezTamales/LLMStats@df1d14ed"
ATTRIBUTION = "LLMStats, llm-stats.com, github.com/JonathanChavezTamales/LLMStats (CC BY 4.0)"
TOKENS = {"input_usd_per_mtok": "input", "output_usd_per_mtok": "output"}


@source("llm-stats", description="LLMStats: release dates and parameter counts of known models, "
        "self-reported benchmark scores, provider prices", licence="CC BY 4.0", attribution=ATTRIBUTION,
        files=["models.csv", "benchmark_scores.csv", "provider_prices.csv"])
def llm_stats(path: Path, context: Context) -> Extract:
    cards = read_csv(path / "models.csv", ["model_id", "organization", "name", "release_date", "param_count"])
    scores = read_csv(path / "benchmark_scores.csv", ["model_id", "benchmark", "score", "analysis_method",
                                                      "date_recorded", "is_self_reported"])
    offers = read_csv(path / "provider_prices.csv", ["provider", "model_id", *TOKENS, "updated_at"])
    models = pd.DataFrame({
        "raw_name": cards["model_id"],
        "creator_raw": cards["organization"],
        "display_name": cards["name"],
        "release_date": cards["release_date"],
        "params_total_b": pd.to_numeric(cards["param_count"]) / 1e9,  # a count of parameters
        "_ref": cards["_ref"],
    })
    aggregates, skipped = _aggregates(scores)
    return Extract(version=VERSION, parts={"models": models, "aggregates": aggregates, "prices": _prices(offers)},
                   creates_models=False, skipped=skipped)


def _aggregates(scores: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple]]:
    tracked = evaluation_map("llm-stats")
    evaluation = scores["benchmark"].map(tracked)
    method = scores["analysis_method"].fillna("")
    reasons = {
        "benchmark not tracked": evaluation.isna(),
        "GPQA main set, not Diamond": evaluation.eq("gpqa-diamond") & method.str.contains(r"\bmain\b", case=False),
        "score outside 0..1": ~scores["score"].between(0, 1),
    }
    skipped, bad = [], pd.Series(False, index=scores.index)
    for why, mask in reasons.items():
        mask = mask & ~bad
        skipped += [("aggregates", str(b), why, int(n)) for b, n in scores.loc[mask, "benchmark"].value_counts().items()]
        bad |= mask
    kept = scores[~bad]
    measured = pd.to_datetime(kept["date_recorded"].astype("string"), format="%Y-%m-%d", errors="coerce")
    aggregates = pd.DataFrame({
        "source": "llm-stats",
        "raw_name": kept["model_id"],
        "evaluation": evaluation[~bad],
        "metric": "accuracy",
        "mean": kept["score"],
        "measured_at": measured.dt.date,  # a month alone ('2024-03') is no date
        "run_ref": kept["model_id"] + " " + kept["benchmark"] + " " + method[~bad],
        "scope": kept["benchmark"],
        "provenance": provenance(kept["is_self_reported"]),
        "_ref": kept["_ref"],
    })
    return aggregates, skipped


def provenance(self_reported: pd.Series) -> pd.Series:
    """A score the model's lab reported itself is a claim; LLM-Stats marks the others (a paper's or
    a third party's measurement, named in its source link) as not self-reported."""
    told = self_reported.astype("string").str.lower()
    return told.map({"true": "claimed", "false": "measured"}).fillna("claimed")


def _prices(offers: pd.DataFrame) -> pd.DataFrame:
    """One price per provider and model, as recorded on its update date and current since."""
    long = offers.melt(id_vars=["provider", "model_id", "updated_at", "_ref"], value_vars=list(TOKENS),
                       var_name="column", value_name="usd_per_mtok").dropna(subset=["usd_per_mtok"])
    provider = long["provider"].map(provider_slug)
    return pd.DataFrame({
        "raw_name": long["model_id"],
        "provider": provider,
        "token_type": long["column"].map(TOKENS),
        "usd_per_mtok": long["usd_per_mtok"],
        "valid_from": long["updated_at"],
        "source": f"LLMStats {VERSION.split('@')[1]}",
        "date_basis": "recorded",
        "scope": scope(provider, long["model_id"]),
        "_dedupe": provider,
        "_ref": long["_ref"],
    })
