"""MLPerf Inference (MLCommons), closed division, available systems: output tokens a second of whole
systems serving an LLM, rounds v4.1 (2024), v5.1 (2025) and v6.0 (2026).

PATH holds mlperf_llm_results.csv: one row per round, submitter, system, benchmark and scenario.
Each becomes a `throughput` row of the system named by its accelerators (`8x-h100-sxm-80gb`: count,
model, form factor, memory), dated by the round's publication, with the latency the scenario had
to keep (server and interactive; offline has no bound) and the median achieved. Left out, and
listed: the edge suite (a device, not a server; its SingleStream runs give a latency), runs that give no tokens a second
(GPT-J in v4.1, the Qwen3-VL samples), CPU-only and mixed-accelerator systems, GPT-J (a 6B model
fine-tuned for summarisation that no API serves), and a run submitted at the 99.9% accuracy target
when the same system also submitted it at 99% (the numbers are then the same run twice).

MLCommons asks that results be cited by their result id (run_ref) and that derived figures (a cost
per million tokens) be labelled as the house's, not MLPerf's.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

from warehouse.errors import FileFormatError
from warehouse.sources.base import Context, Extract, read_csv, source

SOURCE = "mlperf-inference"
VERSION = "mlcommons/inference_results v4.1@198fc467, v5.1@965182b0, v6.0@4d3916ac"
PUBLISHED = {"v4.1": date(2024, 8, 28), "v5.1": date(2025, 9, 9), "v6.0": date(2026, 3, 26)}
SCENARIOS = {"Offline": "offline", "Server": "server", "Interactive": "interactive"}
FORMS = ("sxm", "pcie", "nvl")


@source(SOURCE, description="MLPerf Inference: output tokens a second of whole systems serving an LLM "
        "(2024-26)", licence="Apache-2.0",
        attribution="MLCommons, MLPerf Inference results v4.1, v5.1, v6.0 (github.com/mlcommons), Apache-2.0; "
                    "costs derived from them are the house's, not verified by MLCommons",
        files=["mlperf_llm_results.csv"])
def results(path: Path, context: Context) -> Extract:
    file = path / "mlperf_llm_results.csv"
    found = read_csv(file, ["round", "submitter", "system_name", "suite", "accelerator", "accelerator_family",
                            "accelerator_memory", "accelerator_count_total", "benchmark", "scenario",
                            "tokens_per_s", "p50_ttft_ms", "p50_tpot_ms", "ttft_limit_ms", "tpot_limit_ms",
                            "weight_data_types", "software", "mlcommons_result_id"])
    unknown = set(found["round"]) - set(PUBLISHED)
    if unknown:
        raise FileFormatError(f"{file}: round {sorted(unknown)[0]} has no publication date; add it to "
                              "warehouse/sources/mlperf_inference.py PUBLISHED")
    found["model"] = found["benchmark"].str.replace(r"-99(\.9)?$", "", regex=True)
    found["accelerator_id"] = [_accelerator(a, f, m) for a, f, m in
                               zip(found["accelerator"], found["accelerator_family"], found["accelerator_memory"])]
    reasons = {
        "edge suite: a device, not a server": found["suite"].ne("datacenter") | ~found["scenario"].isin(SCENARIOS),
        "no tokens a second in the result": found["tokens_per_s"].isna(),
        "CPU-only or mixed accelerators: no one accelerator to rent": found["accelerator_id"].isna(),
        "GPT-J 6B fine-tuned for summarisation: no API serves it": found["model"].eq("gptj"),
        "the same run submitted at the 99.9% accuracy target as at 99%": _repeated_at_999(found),
    }
    skipped, left_out = [], pd.Series(False, index=found.index)
    for why, mask in reasons.items():
        mask = mask & ~left_out
        skipped += [("throughput", str(b), why, int(n)) for b, n in found.loc[mask, "benchmark"].value_counts().items()]
        left_out |= mask
    kept = found[~left_out]
    count = kept["accelerator_count_total"].astype(int).astype(str)
    throughput = pd.DataFrame({
        "raw_name": kept["model"],
        "system": count + "x-" + kept["accelerator_id"],
        "measured_at": kept["round"].map(PUBLISHED),
        "scenario": kept["scenario"].map(SCENARIOS),
        "output_tokens_per_s": kept["tokens_per_s"],
        "ttft_p50_s": kept["p50_ttft_ms"] / 1000,
        "tpot_p50_s": kept["p50_tpot_ms"] / 1000,
        "ttft_limit_s": kept["ttft_limit_ms"] / 1000,
        "tpot_limit_s": kept["tpot_limit_ms"] / 1000,
        "source": SOURCE,
        "run_ref": kept["mlcommons_result_id"] + " " + kept["benchmark"] + " " + kept["scenario"],
        "note": (kept["submitter"] + ": " + kept["system_name"] + "; " + kept["software"].fillna("software not given")
                 + "; weights " + kept["weight_data_types"].fillna("not given")),
        "scope": kept["benchmark"],
        "_ref": kept["_ref"],
    })
    return Extract(version=VERSION, parts={"throughput": throughput}, creates_models=False, skipped=skipped)


def _accelerator(name, family, memory) -> str | None:
    """'NVIDIA H100-SXM-80GB' -> 'h100-sxm-80gb'; 'AMD Instinct MI300X 192GB HBM3' -> 'mi300x-192gb';
    None for a CPU-only or mixed system."""
    if pd.isna(name) or pd.isna(family) or family.startswith(("mixed", "none")):
        return None
    text = name.lower()
    form = next((f for f in FORMS if re.search(rf"\b{f}\b", text)), None)
    gigabytes = re.search(r"(\d+)\s*g(?:b|i)?\b", text) or re.search(r"(\d+)\s*g", str(memory).lower())
    mebibytes = re.search(r"(\d+)\s*mib", str(memory).lower())
    size = gigabytes.group(1) if gigabytes else (str(round(int(mebibytes.group(1)) / 1024)) if mebibytes else None)
    slug = re.sub(r"[^a-z0-9]+", "-", family.lower()).strip("-")
    return "-".join(part for part in (slug, form, f"{size}gb" if size else None) if part)


def _repeated_at_999(found: pd.DataFrame) -> pd.Series:
    """A -99.9 row whose round, submitter, system and scenario also have a -99 row of the model."""
    at_99 = set(zip(*(found.loc[found["benchmark"].str.endswith("-99"), c]
                      for c in ("round", "submitter", "system_name", "model", "scenario"))))
    keys = zip(*(found[c] for c in ("round", "submitter", "system_name", "model", "scenario")))
    return pd.Series([k in at_99 for k in keys], index=found.index) & found["benchmark"].str.endswith("-99.9")
