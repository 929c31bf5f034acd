"""Epoch AI, "Long-context API TTFT scaling" (2026): time to first token against prompt length, 48k to
900k input tokens, for frontier models on their own vendors' APIs (OpenAI's /v1/responses,
Anthropic's /v1/messages), streamed, one request at a time, 32 output tokens at most, reasoning off,
from a home network in Toronto.

PATH holds outputs/tables/request_observations.csv and session_metadata.csv (four sessions of
August 2026, one per model, dated by the session id's UTC timestamp) and
outputs/astra-api/request_observations.csv (GPT-6 Astra, September 2026, each request dated).
The requests are summarised per model, day and exact prompt length as median, mean, min and max
with their count (five to fourteen repetitions). Every prompt opens with the same 2,051-token
cached prefix; `prompt_tokens` counts it too.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from warehouse.sources.base import Context, Extract, read_csv, source
from warehouse.sources.pricing import creator_guess
from warehouse.sources.speed import request_statistics

SOURCE = "epoch-ttft"
VERSION = "epoch-research/ttft-latency-scaling@cf1e4623 (tables), @b1a50edd (astra-api)"
ENDPOINTS = {"openai": "api.openai.com/v1/responses", "anthropic": "api.anthropic.com/v1/messages"}
STATISTICS = ("median", "mean", "min", "max")
OUTPUT_CAP = 32
CLIENT_REGION = "home-toronto"
TABLES, ASTRA = Path("outputs/tables"), Path("outputs/astra-api")


@source(SOURCE, title="Epoch AI time to first token",
        description="Epoch AI: time to first token against prompt length (48k-900k tokens) for "
        "2026 frontier models on their vendors' APIs", licence="MIT",
        attribution="Epoch AI, Long-context API TTFT scaling (github.com/epoch-research/ttft-latency-scaling), MIT",
        files=[str(TABLES / "request_observations.csv"), str(TABLES / "session_metadata.csv"),
               str(ASTRA / "request_observations.csv")])
def ttft_scaling(path: Path, context: Context) -> Extract:
    sessions = read_csv(path / TABLES / "session_metadata.csv", ["model", "session_id"])
    tables = read_csv(path / TABLES / "request_observations.csv", ["model", "total_input_tokens", "ttft_seconds"])
    astra = read_csv(path / ASTRA / "request_observations.csv", ["model", "session", "total_input_tokens", "y",
                                                               "request_started_at"])
    day = dict(zip(sessions["model"], pd.to_datetime(sessions["session_id"].str[:8], format="%Y%m%d").dt.date))
    requests = pd.concat([
        tables.assign(measured_at=tables["model"].map(day), run_ref=tables["model"].map(
            dict(zip(sessions["model"], sessions["session_id"])))),
        astra.assign(ttft_seconds=astra["y"], measured_at=pd.to_datetime(astra["request_started_at"], utc=True).dt.date,
                     run_ref="astra-api"),
    ], ignore_index=True).rename(columns={"ttft_seconds": "ttft_s", "total_input_tokens": "prompt_tokens"})
    keys = ["model", "measured_at", "prompt_tokens", "run_ref"]
    stats = request_statistics(requests, keys, ["ttft_s"], STATISTICS)
    refs = requests.groupby(keys)["_ref"].first().rename("_ref").reset_index()
    stats = stats.merge(refs, on=keys, how="left", validate="many_to_one")
    provider = creator_guess(stats["model"])
    performance = stats.rename(columns={"model": "raw_name"}).assign(
        provider=provider,
        endpoint=provider.map(ENDPOINTS),
        output_tokens=OUTPUT_CAP,
        concurrency=1,
        region=CLIENT_REGION,
        source=SOURCE,
        scope="first-party",
    )
    unplaced = performance["endpoint"].isna()
    skipped = [("performance", str(name), "no vendor API known for the model", int(n))
               for name, n in performance.loc[unplaced, "raw_name"].value_counts().items()]
    return Extract(version=VERSION, parts={"performance": performance[~unplaced]}, creates_models=False,
                   skipped=skipped)
