"""Epoch AI: model versions (release dates), Benchmarking Hub runs (mean ± standard error), the
Epoch Capabilities Index, eval token usage and Notable AI Models (parameter counts).

PATH is the folder holding Epoch's files (shared/data/epoch-ai, or the demo's trimmed copy).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pandas as pd

from warehouse.identity import evaluation_map
from warehouse.sources.base import Context, Extract, read_csv, source, split_effort

LICENCE = "CC BY 4.0"
ATTRIBUTION = "Epoch AI, Data on AI Models and Benchmarking Hub, epoch.ai (CC BY 4.0)"
VERSION = "epoch-research/benchmark-stitching@f87d3cc8"
SCORE = re.compile(r"(?P<scorer>[^:,]+):(?P<mean>[0-9.]+)±(?P<se>[0-9.]+)")
# A display name's note of the effort or thinking budget it ran at ("(high)", "(32K thinking)", "(no
# thinking)"): effort belongs to the variant, never to the model's name.
PAREN_EFFORT = re.compile(r"\s*\((none|minimal|low|medium|high|xhigh|max|[0-9]+K|thinking|unknown"
                          r"|[^()]*thinking[^()]*|[0-9]+K [^()]*)\)\s*$", re.IGNORECASE)


def _skip(kind: str, frame: pd.DataFrame, mask: pd.Series, column: str, why: str) -> list:
    counts = frame.loc[mask, column].fillna("(empty)").value_counts()
    return [(kind, str(name), why, int(n)) for name, n in counts.items()]


@source("epoch-models", description="Epoch AI model versions: canonical models and release dates",
        licence="MIT (benchmark-stitching repository); data CC BY 4.0", attribution=ATTRIBUTION,
        files=["model_versions.csv"])
def model_versions(path: Path, context: Context) -> Extract:
    rows = read_csv(path / "model_versions.csv", ["id", "Model", "Version release date",
                                                  "Hugging Face developer id", "Display name"])
    name, _ = split_effort(rows["id"])
    display = rows["Display name"].fillna(rows["Model"]).str.replace(PAREN_EFFORT, "", regex=True)
    models = pd.DataFrame({
        "raw_name": name,
        "creator_raw": rows["Hugging Face developer id"],
        "display_name": display,
        "release_date": rows["Version release date"],
        "_ref": rows["_ref"],
    })
    return Extract(version=VERSION, parts={"models": models}, authoritative=True)


@source("epoch-hub", description="Epoch AI Benchmarking Hub runs: mean ± standard error per run",
        licence="MIT (benchmark-stitching repository); data CC BY 4.0", attribution=ATTRIBUTION,
        files=["benchmarks_runs.csv"])
def hub_runs(path: Path, context: Context) -> Extract:
    runs = read_csv(path / "benchmarks_runs.csv", ["id", "task", "model", "Best score (across scorers)",
                                                   "Scores", "started_at", "Status"])
    tracked = evaluation_map("epoch-hub")
    usable = runs["task"].isin(tracked) & (runs["Status"] == "Success")
    skipped = _skip("aggregates", runs, ~usable, "task", "benchmark not tracked or run not successful")
    runs = runs[usable]
    name, effort = split_effort(runs["model"])
    means, errors = zip(*(_headline_score(s, b) for s, b in
                          zip(runs["Scores"], runs["Best score (across scorers)"])))
    aggregates = pd.DataFrame({
        "source": "epoch-hub",
        "raw_name": name,
        "effort": effort,
        "evaluation": runs["task"].map(tracked),
        "metric": "accuracy",
        "mean": means,
        "std_error": errors,
        "measured_at": [_run_date(s) for s in runs["started_at"]],
        "run_ref": runs["id"],
        "scope": runs["task"],
        "_ref": runs["_ref"],
    })
    return Extract(version=VERSION, parts={"aggregates": aggregates}, creates_models=False,
                   skipped=skipped)


def _run_date(text) -> object:
    """'17 November 2025 4:28pm' -> 2025-11-17; empty stays empty."""
    return datetime.strptime(text, "%d %B %Y %I:%M%p").date() if isinstance(text, str) else None


def _headline_score(scores: str, best: float) -> tuple[float, float | None]:
    """The run's best score, read from its own field (three decimals, 0.097), with the standard
    error of the scorer it comes from ('verification_code:0.1±0.02,...': means and errors there are
    rounded to two decimals, so only the error is read from them)."""
    found = [(float(m["mean"]), float(m["se"])) for m in SCORE.finditer(scores or "")]
    if not found:
        return float(best), None
    return float(best), min(found, key=lambda pair: abs(pair[0] - float(best)))[1]


@source("epoch-eci", description="Epoch Capabilities Index: an index value per model version, with "
        "release dates and organisations", licence=LICENCE, attribution=ATTRIBUTION,
        files=["epoch_capabilities_index.csv"])
def capabilities_index(path: Path, context: Context) -> Extract:
    rows = read_csv(path / "epoch_capabilities_index.csv", ["Model version", "ECI Score", "Release date",
                                                            "Organization", "Model name", "Display name"])
    name, effort = split_effort(rows["Model version"])
    display = rows["Display name"].fillna(rows["Model name"]).str.replace(PAREN_EFFORT, "", regex=True) \
        .str.rstrip("*").str.strip()
    models = pd.DataFrame({
        "raw_name": name,
        "creator_raw": rows["Organization"],
        "display_name": display,
        "release_date": rows["Release date"],
        "_ref": rows["_ref"],
    })
    scored = rows["ECI Score"].notna()
    aggregates = pd.DataFrame({
        "source": "epoch-eci",
        "raw_name": name[scored],
        "effort": effort[scored],
        "evaluation": "epoch-capabilities-index",
        "metric": "eci",
        "mean": rows.loc[scored, "ECI Score"],
        "measured_at": rows.loc[scored, "Release date"],
        "run_ref": rows.loc[scored, "Model version"],
        "_ref": rows.loc[scored, "_ref"],
    })
    return Extract(version="peterhurford/metr_graph@dde102f5 (copy of Epoch's ECI download)",
                   parts={"models": models, "aggregates": aggregates}, authoritative=True)


@source("epoch-token-usage", description="Epoch AI eval token usage: input and output tokens per "
        "evaluation run", licence=LICENCE, attribution=ATTRIBUTION,
        files=["llm-benchmark-efficiency/eval_token_usage.csv"])
def token_usage(path: Path, context: Context) -> Extract:
    rows = read_csv(path / "llm-benchmark-efficiency" / "eval_token_usage.csv",
                    ["Model", "Task", "epochs", "total_samples", "input_tokens", "output_tokens"])
    tracked = evaluation_map("epoch-token-usage")
    usable = rows["Task"].isin(tracked)
    skipped = _skip("usage", rows, ~usable, "Task", "benchmark not tracked")
    rows = rows[usable]
    name, effort = split_effort(rows["Model"])
    usage = pd.DataFrame({
        "source": "epoch-token-usage",
        "raw_name": name,
        "effort": effort,
        "evaluation": rows["Task"].map(tracked),
        "samples": rows["total_samples"],
        "repeats": rows["epochs"],
        "input_tokens": rows["input_tokens"],
        "output_tokens": rows["output_tokens"],
        "run_ref": rows["Model"] + " " + rows["Task"] + " x" + rows["epochs"].astype(str),
        "scope": rows["Task"],
        "_ref": rows["_ref"],
    })
    return Extract(version="epoch-research/llm-benchmark-efficiency@34b92331", parts={"usage": usage},
                   creates_models=False, skipped=skipped)


@source("epoch-notable", description="Epoch AI Notable AI Models: parameter counts of language models "
        "already in the warehouse", licence=LICENCE, attribution=ATTRIBUTION,
        files=["notable_ai_models.csv"])
def notable_models(path: Path, context: Context) -> Extract:
    rows = read_csv(path / "notable_ai_models.csv", ["Model", "Domain", "Organization", "Parameters",
                                                     "Publication date"])
    recent = pd.to_datetime(rows["Publication date"]) >= "2023-01-01"
    wanted = rows["Domain"].fillna("").str.contains("Language") & recent & rows["Parameters"].notna()
    skipped = _skip("models", rows, ~wanted, "Model",
                    "not a language model published since 2023 with a parameter count")
    rows = rows[wanted]
    models = pd.DataFrame({
        "raw_name": rows["Model"],
        "creator_raw": rows["Organization"],
        "params_total_b": rows["Parameters"] / 1e9,
        "_ref": rows["_ref"],
    })
    return Extract(version="VinodGeorge24/AI_Benchmark@18b18f45 (copy of Epoch's Notable AI Models)",
                   parts={"models": models}, creates_models=False, skipped=skipped)
