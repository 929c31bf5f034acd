"""LLMPerf leaderboard (Anyscale): Llama 2 chat 7B, 13B and 70B at eight API providers, December
2023 and January 2024, measured with LLMPerf from AWS us-west-2 (Oregon).

PATH holds summary_flat.csv (one row per run: provider, model, workload, Unix timestamp) and
raw_data/individual/<run>.json (the run's requests, 150 of them; 145 for one). Every run sent
550-token prompts for 150 output tokens, five at a time. The statistics are the house's, computed
from the requests that succeeded (those with no error code; Lepton's runs kept 20 of 150, the
others were refused with HTTP 429), as LLMPerf's own summary does: median, mean, min, max, p25,
p75, p95, p99 of time to first token and end-to-end time, and of output speed as the house defines
it, (output tokens - 1) / (end-to-end - time to first token). LLMPerf's own per-request
throughput divides by the end-to-end time, first token included, and is not used. A few of
Replicate's requests delivered every token after the first within a few milliseconds (buffered, not
streamed): their speed cannot be measured, and they count for the times only.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from warehouse.errors import FileFormatError
from warehouse.sources.base import Context, Extract, read_csv, source
from warehouse.sources.pricing import scope
from warehouse.sources.speed import request_statistics, speed_provider

SOURCE = "llmperf"
VERSION = "ray-project/llmperf-leaderboard@27aa9b6a"
RUNS = ("anyscale_7b", "anyscale_13b", "anyscale_70b", "bedrock_13b", "bedrock_70b", "fireworks_7b",
        "fireworks_13b", "fireworks_70b", "groq_70b", "lepton_7b", "lepton_13b", "lepton_70b", "perplexity_70b",
        "replicate_7b", "replicate_13b", "replicate_70b", "together_7b", "together_13b", "together_70b")
REQUEST_FIELDS = ("error_code", "ttft_s", "end_to_end_latency_s", "number_output_tokens")
STATISTICS = ("median", "mean", "min", "max", "p25", "p75", "p95", "p99")
CLIENT_REGION = "aws-us-west-2"
AT_ONCE_S = 0.05  # tokens after the first that all came within this were buffered, not streamed


@source(SOURCE, description="LLMPerf leaderboard: Llama 2 chat at eight providers, per-request time to "
        "first token and speed (2023-24)", licence="Apache-2.0",
        attribution="Anyscale, LLMPerf leaderboard (github.com/ray-project/llmperf-leaderboard), Apache-2.0",
        files=["summary_flat.csv", *(f"raw_data/individual/{run}.json" for run in RUNS)])
def leaderboard(path: Path, context: Context) -> Extract:
    summary = read_csv(path / "summary_flat.csv", ["file", "model", "framework", "api", "timestamp",
                                                   "mean_input_tokens", "mean_output_tokens",
                                                   "num_concurrent_requests"])
    requests = pd.concat([_requests(path / "raw_data" / "individual" / file)
                          for file in summary["file"]], ignore_index=True)
    failed = requests["error_code"].notna()
    ok = requests[~failed].copy()
    generating = ok["end_to_end_latency_s"] - ok["ttft_s"]
    ok["output_tokens_per_s"] = ((ok["number_output_tokens"] - 1) / generating).where(generating >= AT_ONCE_S)
    ok = ok.rename(columns={"end_to_end_latency_s": "e2e_s"})
    stats = request_statistics(ok, ["file"], ["output_tokens_per_s", "ttft_s", "e2e_s"], STATISTICS)
    runs = summary.set_index("file")
    stats = stats.join(runs, on="file", validate="many_to_one")
    provider = stats["framework"].map(speed_provider)
    performance = pd.DataFrame({
        "raw_name": stats["model"],
        "provider": provider,
        "endpoint": stats["api"].replace("", None),
        "measured_at": [datetime.fromtimestamp(t, timezone.utc).date() for t in stats["timestamp"]],
        "prompt_tokens": stats["mean_input_tokens"],
        "output_tokens": stats["mean_output_tokens"],
        "concurrency": stats["num_concurrent_requests"],
        "region": CLIENT_REGION,
        "statistic": stats["statistic"],
        "output_tokens_per_s": stats["output_tokens_per_s"],
        "ttft_s": stats["ttft_s"],
        "e2e_s": stats["e2e_s"],
        "requests": stats["requests"],
        "source": SOURCE,
        "run_ref": stats["file"],
        "scope": scope(provider, stats["model"]),
        "_ref": stats["_ref"],
    })
    skipped = [("performance", str(runs.loc[file, "model"]), "request failed (an error code): left out of the "
                "statistics", int(n)) for file, n in requests.loc[failed, "file"].value_counts().items()]
    return Extract(version=VERSION, parts={"performance": performance}, creates_models=False, skipped=skipped)


def _requests(file: Path) -> pd.DataFrame:
    """One run's requests, strictly: a missing or malformed file names itself and loads nothing."""
    try:
        found = json.loads(file.read_text())
    except (OSError, ValueError) as exc:
        raise FileFormatError(f"{file}: cannot be read as JSON ({exc}); the file may be truncated or "
                              "malformed") from None
    if not isinstance(found, list) or not found or not all(isinstance(r, dict) for r in found):
        raise FileFormatError(f"{file}: expected a list of requests; has the source changed its format?")
    frame = pd.DataFrame(found)
    missing = [f for f in REQUEST_FIELDS if f not in frame.columns]
    if missing:
        raise FileFormatError(f"{file}: requests lack {', '.join(missing)}; has the source changed its format?")
    return frame[list(REQUEST_FIELDS)].assign(file=file.name)
