"""thefastest.ai (Fixie): time to first token and output speed per endpoint, April and May 2024,
measured from three fly.io regions (iad: Virginia, sea: Seattle, cdg: Paris).

PATH holds thefastest_runs.csv: one row per benchmark run, region and endpoint, each one request
of 20 output tokens (100 in the first runs, whose command line was not recorded). The requests are
summarised per ISO week, region, endpoint and model as median, mean, p25 and p75 with their count:
one request a day is no statistic. A week's rows are dated by the last run of that week
(`measured_from` is its Monday), the same for every region, so that a week reads as one.

The source's `tps` is (tokens - 1) / (total time - time to first token), the house's definition of
output speed. 999 is its sentinel for an answer that arrived in one chunk, where the speed cannot
be measured: such a request counts for time to first token and end-to-end time only. A request
that returned no tokens failed and is left out. A few early rows put the model in
`provider_endpoint` and nothing in `model`; a model that names its lab (claude-, gpt-, command-)
was served by the lab's own API. Fixie's own Azure deployments with no model named are left out.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from warehouse.sources.base import Context, Extract, read_csv, source
from warehouse.sources.pricing import creator_guess, scope
from warehouse.sources.speed import HOSTS, request_statistics, speed_provider

SOURCE = "thefastest-ai"
VERSION = "fixie-ai/thefastest.ai@e9016e5b (latest.json, 2024-04-15 to 2024-05-03)"
ONE_CHUNK = 999.0  # the source's tokens a second when every token arrived at once
LABS = {"openai", "anthropic", "google", "cohere"}
STATISTICS = ("median", "mean", "p25", "p75")


@source(SOURCE, description="thefastest.ai: time to first token and output speed per endpoint, three "
        "regions (2024)", licence="MIT", attribution="Fixie.ai, thefastest.ai (github.com/fixie-ai/thefastest.ai), MIT",
        files=["thefastest_runs.csv"])
def runs(path: Path, context: Context) -> Extract:
    found = read_csv(path / "thefastest_runs.csv", ["run_time_utc", "region", "cmd", "provider_endpoint",
                                                    "model", "ttft_s", "tps", "num_tokens", "total_time_s"])
    named = found.assign(**_endpoint(found))
    failed = named["num_tokens"] <= 0
    unplaced = named["provider"].isna() | named["raw_name"].isna()
    skipped = _skips(named, unplaced, "endpoint names no model or no provider")
    skipped += _skips(named, failed & ~unplaced, "request returned no tokens")
    requests = named[~failed & ~unplaced].copy()
    run_time = pd.to_datetime(requests["run_time_utc"])
    requests["measured_from"] = (run_time.dt.normalize() - pd.to_timedelta(run_time.dt.day_of_week, unit="D")).dt.date
    requests["measured_at"] = run_time.groupby(requests["measured_from"]).transform("max").dt.date
    requests["output_tokens"] = requests["cmd"].str.extract(r"--max-tokens=(\d+)", expand=False).astype("Int64")
    requests["output_tokens_per_s"] = requests["tps"].where(requests["tps"].between(0, ONE_CHUNK, inclusive="neither"))
    # The source's own id of what was called ('together.ai/llama-2-70b-chat'): two names of one model
    # at one provider (Cloudflare's 16-bit and 8-bit serving) stay two series.
    requests["endpoint"] = (requests["provider_endpoint"] + "/" + requests["model"]).fillna(requests["provider_endpoint"])
    requests = requests.rename(columns={"total_time_s": "e2e_s"})
    keys = ["raw_name", "provider", "endpoint", "region", "measured_from", "measured_at", "output_tokens"]
    stats = request_statistics(requests, keys, ["output_tokens_per_s", "ttft_s", "e2e_s"], STATISTICS)
    refs = requests.groupby(keys, dropna=False)["_ref"].first().rename("_ref").reset_index()
    stats = stats.merge(refs, on=keys, how="left", validate="many_to_one")
    performance = stats.assign(
        concurrency=1,  # one request to an endpoint at a time
        source=SOURCE,
        run_ref="week of " + stats["measured_from"].astype(str),
        scope=scope(stats["provider"], stats["raw_name"]),
    )
    return Extract(version=VERSION, parts={"performance": performance}, creates_models=False, skipped=skipped)


def _endpoint(found: pd.DataFrame) -> dict[str, pd.Series]:
    """The model and the house's provider of each row; None where the row names neither."""
    bare = found["model"].isna()
    lab = creator_guess(found["provider_endpoint"]).where(bare)
    known = found["provider_endpoint"].map(speed_provider)
    known = known.where(known.isin(set(HOSTS.values()) | LABS | {"azure"}) & ~bare)
    return {"raw_name": found["model"].fillna(found["provider_endpoint"].where(lab.isin(LABS))),
            "provider": known.fillna(lab.where(lab.isin(LABS)))}


def _skips(frame: pd.DataFrame, mask: pd.Series, why: str) -> list[tuple[str, str, str, int]]:
    names = frame.loc[mask, "model"].fillna(frame.loc[mask, "provider_endpoint"])
    return [("performance", str(name), why, int(n)) for name, n in names.value_counts().items()]
