"""LLM-Stats leaderboard (llm-stats.com open data, October 2025): output speed and latency of each
model at each of about twenty providers.

PATH holds provider_models.csv (one row per model and provider). The source publishes one figure
of each, without saying which statistic or workload: they are loaded as statistic `point`,
`throughput` as output tokens a second and `latency` as seconds to the first token (for reasoning
models it includes the thinking, 5 to 30 s). A row is dated by its `updated_at`. Figures look
rounded; a throughput of exactly 0.1 tokens a second, which the file gives every Mistral model at
Mistral, is a placeholder and is left out (the latency beside it is kept). Prices in the file are
not read: the price sources cover these providers with dated histories.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from warehouse.sources.base import Context, Extract, read_csv, source
from warehouse.sources.pricing import scope
from warehouse.sources.speed import speed_provider

SOURCE = "llm-stats-leaderboard"
VERSION = "JonathanChavezTamales/llm-leaderboard@24a9ccf7"
PLACEHOLDER_SPEED = 0.1


@source(SOURCE, description="LLM-Stats leaderboard: output speed and latency per model at about twenty "
        "providers (2025)", licence="CC BY 4.0",
        attribution="LLM-Stats, llm-stats.com (github.com/JonathanChavezTamales/llm-leaderboard), CC BY 4.0",
        files=["provider_models.csv"])
def provider_models(path: Path, context: Context) -> Extract:
    offers = read_csv(path / "provider_models.csv", ["model_provider_id", "model_id", "provider_id",
                                                     "throughput", "latency", "updated_at"])
    placeholder = offers["throughput"].eq(PLACEHOLDER_SPEED)
    speed = offers["throughput"].mask(placeholder)
    measured = speed.notna() | offers["latency"].notna()
    skipped = [("performance", str(name), "no speed or latency given", int(n))
               for name, n in offers.loc[~measured, "model_id"].value_counts().items()]
    skipped += [("performance", str(name), f"throughput {PLACEHOLDER_SPEED} tokens a second is a placeholder "
                 "(latency kept)", int(n)) for name, n in offers.loc[placeholder, "model_id"].value_counts().items()]
    rows = offers[measured]
    provider = rows["provider_id"].map(speed_provider)
    performance = pd.DataFrame({
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
    })
    return Extract(version=VERSION, parts={"performance": performance}, creates_models=False, skipped=skipped)
