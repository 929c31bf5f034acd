"""Generated demo runs in the native runs format, calibrated from what sources publish.

The house's own per-task runs have no public source. For the demo, each model variant that has a
measured published score on an evaluation of an index version (Epoch AI's hub, τ²-bench, LiveBench)
gets runs whose mean is that score: every task has a chance of being solved drawn from a Beta
distribution with the published mean (its concentration fitted to the published pass^4 where one
exists, so repeats agree as often as they did), the chances moved together so that their mean is the
published one, and each repeat solves it or not with that chance.
Tokens per task follow published token usage, scaled by effort (queries/demo_calibration.sql); a
model nobody published usage for writes its class's tokens times a verbosity drawn once for the
model, so that all its efforts keep their order. For one model and evaluation, more effort never
spends fewer tokens: the calibration is made so, and `generate` refuses one that is not. Each
variant's runs start after the model's release (and after the evaluation's questions were public),
spread over the following weeks, so that a quarter's figures only count what existed by its end.

The Parquet file says it was generated (key-value metadata benchhouse.generated = true), and
`benchhouse ingest runs` marks its batch generated, which every report discloses.

The demo tenant's private runs (`private_runs`) are generated the same way, on its two evaluations
(data/demo-tenant): each candidate's chance of solving a task is calibrated to its house score on
GPQA Diamond in the warehouse, moved by how much easier the client's tasks are and by a fit to this
client drawn once per candidate (so the client's ranking departs from the public one, as real ones
do); its tokens per task follow its house runs there.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from warehouse import query, sql
from warehouse.connection import Location
from warehouse.errors import CalibrationRefused

# Every evaluation of every index version (a test checks it against warehouse/indices), and two the
# reports show on their own (SWE-bench Verified's cost per solved task, τ²-bench airline's turns).
EVALUATIONS = ("gpqa-diamond", "math-level-5", "otis-mock-aime", "frontiermath", "swe-bench-verified",
               "tau2-airline", "livebench-reasoning", "livebench-language", "livebench-mathematics",
               "livebench-coding", "livebench-agentic-coding")
SEED = 2026
REASONING_SHARE = 0.85  # of a reasoning variant's output tokens
VERBOSITY_SPREAD = 0.45  # log-sd of a model's verbosity when nobody published its usage
FIRST_DELAY_DAYS = (1, 28)  # the first repeat starts this many days after the model could be run
REPEAT_GAP_DAYS = 7


def calibration(location: Location, evaluations=EVALUATIONS, snapshot: int | None = None,
                seed: int = SEED) -> list[dict]:
    """Rows of queries/demo_calibration.sql with each model's verbosity drawn (where no usage was
    published) and tokens made non-decreasing in effort: the targets `generate` writes runs to."""
    rows = query.run(location, sql.load("queries/demo_calibration.sql"), {"evaluations": list(evaluations)},
                     snapshot=snapshot, raw_params=True).to_pylist()
    for row in rows:
        if not row["usage_published"]:
            row["output_per_task"] *= _verbosity(row["model"], seed)
    return monotone_in_effort(rows)


def _verbosity(model: str, seed: int) -> float:
    """One draw per model, from its own stream: all its variants and evaluations share it."""
    return float(np.random.default_rng([seed, _stream(model)]).lognormal(0, VERBOSITY_SPREAD))


def _chains(rows: list[dict]) -> dict[tuple, list[dict]]:
    """The rows of one model and evaluation on one chain of efforts (levels, or thinking budgets),
    in order of effort; 'default' and 'thinking' are on none and never compared."""
    chains = defaultdict(list)
    for row in rows:
        if row["effort_chain"] is not None:
            chains[row["model"], row["evaluation"], row["effort_chain"]].append(row)
    return {key: sorted(found, key=lambda r: r["effort_step"]) for key, found in chains.items()}


def monotone_in_effort(rows: list[dict]) -> list[dict]:
    """Raise an effort's tokens to those of the highest lower effort where they fall below: where
    published usage or the draws disagree with the order, the lower effort's tokens stand."""
    for chain in _chains(rows).values():
        highest = 0.0
        for row in chain:
            highest = max(highest, row["output_per_task"])
            row["output_per_task"] = highest
    return rows


def check_monotone(rows: list[dict]) -> None:
    """Refuse a calibration in which, for one model and evaluation, a higher effort or thinking
    budget would spend fewer tokens (reasoning, or reasoning and answer) than a lower one."""
    broken = []
    for (model, evaluation, _), chain in _chains(rows).items():
        for lower, higher in zip(chain, chain[1:]):
            output = (lower["output_per_task"], higher["output_per_task"])
            reasoning = tuple(r["output_per_task"] * (REASONING_SHARE if r["reasoning"] else 0) for r in (lower, higher))
            if output[1] < output[0] or reasoning[1] < reasoning[0]:
                broken.append(f"{model} on {evaluation}: {higher['effort']} would spend {output[1]:,.0f} tokens a "
                              f"task ({reasoning[1]:,.0f} reasoning), {lower['effort']} {output[0]:,.0f} "
                              f"({reasoning[0]:,.0f})")
    if broken:
        raise CalibrationRefused(
            f"the demo calibration gives {len(broken)} variant(s) fewer tokens at a higher effort, which published "
            "usage contradicts; fix the token usage or the effort factors in warehouse/queries/demo_calibration.sql: "
            + "; ".join(broken[:10]) + ("; ..." if len(broken) > 10 else ""))


def concentration_for(mean: float, pass_hat_4: float | None, default: float) -> float:
    """The Beta concentration a+b whose E[p^4] is the published pass^4 (repeat consistency)."""
    if pass_hat_4 is None or not 0 < mean < 1 or not 0 < pass_hat_4 < mean:
        return default

    def fourth_moment(c: float) -> float:
        a, b = mean * c, (1 - mean) * c
        return float(np.prod([(a + j) / (a + b + j) for j in range(4)]))

    low, high = 1e-3, 1e4  # E[p^4] falls from `mean` towards mean^4 as c grows
    for _ in range(80):
        middle = (low * high) ** 0.5
        low, high = (middle, high) if fourth_moment(middle) > pass_hat_4 else (low, middle)
    return (low * high) ** 0.5


def generate(rows: list[dict], seed: int = SEED) -> pa.Table:
    check_monotone(rows)
    # Each variant and evaluation draws from its own stream, seeded by its name: adding, merging or
    # dropping one model leaves every other variant's runs as they were.
    parts = [_runs(row, np.random.default_rng([seed, _stream(row["model"], row["effort"], row["evaluation"])]))
             for row in rows]
    return pa.concat_tables(parts).replace_schema_metadata({
        "benchhouse.generated": "true",
        "benchhouse.generator": "warehouse/generate.py, calibrated to published aggregates",
    })


def _stream(*names: str) -> int:
    key = "\0".join(names).encode()
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "little")


def exact_total(weights: np.ndarray, total: int) -> np.ndarray:
    """Whole numbers in proportion to `weights` that sum to exactly `total` (largest remainders),
    so that a variant's mean tokens are its target, not its target give or take the draws."""
    shares = weights / weights.sum() * total
    whole = np.floor(shares).astype(np.int64)
    short = int(total - whole.sum())
    if short:
        whole[np.argsort(-(shares - whole), kind="stable")[:short]] += 1
    return whole


def centred(chance: np.ndarray, mean: float) -> np.ndarray:
    """The tasks' chances moved together (in log-odds) so that their mean is the published mean:
    the house re-runs the questions the source scored, whose difficulty is what it is, and only the
    repeats' draws remain to move the score."""
    logit = np.log(np.clip(chance, 1e-6, 1 - 1e-6) / (1 - np.clip(chance, 1e-6, 1 - 1e-6)))
    low, high = -30.0, 30.0
    for _ in range(60):
        shift = (low + high) / 2
        low, high = (shift, high) if (1 / (1 + np.exp(-(logit + shift)))).mean() < mean else (low, shift)
    return 1 / (1 + np.exp(-(logit + (low + high) / 2)))


def _runs(c: dict, rng: np.random.Generator) -> pa.Table:
    n, repeats = int(c["n_tasks"]), int(c["repeats"])
    mean = min(max(float(c["mean"]), 0.001), 0.999)
    k = concentration_for(mean, c["pass_hat_4"], float(c["concentration"]))
    chance = centred(rng.beta(mean * k, (1 - mean) * k, n), mean)
    difficulty = (1 - chance) - (1 - chance).mean()  # harder tasks take more tokens and turns
    agentic = c["kind"] == "agentic"
    size = n * repeats
    solved = rng.random((repeats, n)) < chance
    turns = (np.ones((repeats, n), dtype=int) if not agentic else
             1 + rng.poisson(max(float(c["turns"]) - 1, 0) * np.exp(0.5 * difficulty), (repeats, n)))
    turns = np.where(solved & agentic, np.maximum(1, (turns * 0.8).astype(int)), turns)
    context = float(c["input_per_turn"]) * rng.lognormal(0, 0.2, (repeats, n))
    total_input = (context * (turns * (turns + 1) / 2 if agentic else 1)).astype(np.int64)
    cached_share, write_share = (0.0, 0.0) if not agentic else \
        ((0.6, 0.15) if c["creator"] == "anthropic" else (0.7, 0.0))
    cached = (total_input * cached_share).astype(np.int64)
    written = (total_input * write_share).astype(np.int64)
    # Tasks vary around the target (harder ones take more), and the variant's total is the target's.
    spread = np.exp(0.3 * difficulty) * rng.lognormal(0, 0.5, (repeats, n))
    output_total = round(float(c["output_per_task"]) * size)
    output = exact_total(spread.ravel(), output_total)
    reasoning = (exact_total(output.astype(float) + 1e-9, round(output_total * REASONING_SHARE))
                 if c["reasoning"] else np.zeros_like(output))
    repeat = np.repeat(np.arange(1, repeats + 1), n)
    first = datetime.combine(c["not_before"], datetime.min.time()) + timedelta(days=int(rng.integers(*FIRST_DELAY_DAYS)))
    # Repeat r of task i starts REPEAT_GAP_DAYS x (r - 1) days and 40 x i seconds after the first
    # (built as arrays: a million Python datetimes and strings took most of a demo build's generation).
    seconds = (repeat - 1) * REPEAT_GAP_DAYS * 86_400 + np.tile(np.arange(n), repeats) * 40
    started = np.datetime64(first, "us") + seconds.astype("timedelta64[s]")
    task_ids = np.array([f"{c['evaluation']}-{i + 1:04d}" for i in range(n)], dtype=object)
    first_party = c["provider"] == c["creator"]
    return pa.table({
        "model": pa.repeat(c["model"], size),
        "effort": pa.repeat(c["effort"], size),
        "provider": pa.repeat(c["provider"], size),
        "evaluation": pa.repeat(c["evaluation"], size),
        "repeat": pa.array(repeat, pa.int32()),
        "task_id": pa.array(np.tile(task_ids, repeats), pa.string()),
        "score": solved.ravel().astype(float),
        "input_tokens": (total_input - cached - written).ravel(),
        "cached_input_tokens": cached.ravel(),
        "cache_write_tokens": written.ravel(),
        "reasoning_tokens": reasoning,
        "answer_tokens": output - reasoning,
        "turns": pa.array(turns.ravel(), pa.int32()),
        "solved": solved.ravel(),
        "latency_s": np.round(output / 80 + turns.ravel() * 1.5, 2),
        "started_at": pa.array(started, pa.timestamp("us")),
        # The first repeat at the creator's own API runs on the lab's account; the others on an
        # anonymous one, as the house checks lab-supplied endpoints.
        "account": pa.array(np.where(first_party & (repeat == 1), "lab_supplied", "anonymous").astype(object),
                            pa.string()),
        "harness": pa.repeat("benchhouse-harness 1.4", size),
        "prompt_version": pa.repeat("v3", size),
        "temperature": pa.repeat(0.6 if c["reasoning"] else 0.0, size),
    })


def write(location: Location, out: Path, evaluations=EVALUATIONS) -> int:
    """Write generated runs for every calibrated variant and evaluation; return the row count."""
    table = generate(calibration(location, evaluations))
    out.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, out)
    return table.num_rows


DEMO_CANDIDATES = (("gpt-5-2025-08-07", "high"), ("gpt-5-mini-2025-08-07", "high"),
                   ("claude-sonnet-4-5-20250929", "budget-32k"), ("claude-haiku-4-5-20251001", "default"),
                   ("gpt-4.1-mini-2025-04-14", "default"), ("gemini-2.0-flash-001", "default"))
# The demo tenant's evaluations: (evaluation, kind, tasks, repeats, input tokens per turn, turns, how much
# easier than GPQA Diamond in logits, output tokens per task relative to GPQA Diamond's).
PRIVATE_EVALUATIONS = (("claims-triage", "single_turn", 150, 3, 1600, 1, 0.5, 0.35),
                       ("policy-agent", "agentic", 60, 4, 3200, 6, 0.0, 1.0))
PRIVATE_RUNS_FROM = date(2026, 7, 1)  # the demo tenant's runs fall in the demo quarter
DEMO_NOTES = {"openai": "served by the OpenAI API, EU data residency", "anthropic": "served by the Anthropic API",
              "google": "served by Vertex AI, europe-west4"}


def private_runs(location: Location, out: Path, candidates=DEMO_CANDIDATES, seed: int = SEED + 13) -> int:
    """Write the demo tenant's generated runs (the private runs format, with a note per run); return
    the row count."""
    found = query.run(location, sql.load("queries/demo_private_calibration.sql"),
                      {"models": [m for m, _ in candidates], "efforts": [e for _, e in candidates]},
                      raw_params=True).to_pylist()
    rng = np.random.default_rng(seed)
    parts = []
    for c in found:
        fit = float(rng.normal(0, 0.6))  # how well this candidate suits this client's tasks, in logits
        mean = min(max(float(c["mean"]), 0.01), 0.99)
        for evaluation, kind, tasks, repeats, input_per_turn, turns, easier, output_share in PRIVATE_EVALUATIONS:
            logit = math.log(mean / (1 - mean)) + easier + fit + float(rng.normal(0, 0.3))
            row = {"model": c["model"], "effort": c["effort"], "provider": c["creator"], "creator": c["creator"],
                   "evaluation": evaluation, "n_tasks": tasks, "repeats": repeats, "mean": 1 / (1 + math.exp(-logit)),
                   "pass_hat_4": None, "concentration": 4.0, "kind": kind, "turns": turns,
                   "input_per_turn": input_per_turn, "usage_published": True, "reasoning": c["reasoning"],
                   "output_per_task": output_share * (c["reasoning_per_task"] + c["answer_per_task"]),
                   "not_before": PRIVATE_RUNS_FROM}
            table = _runs(row, rng)
            parts.append(table.append_column("note", pa.array([DEMO_NOTES.get(c["creator"])] * table.num_rows, pa.string())))
    table = pa.concat_tables(parts).replace_schema_metadata({
        "benchhouse.generated": "true",
        "benchhouse.generator": "warehouse/generate.py private_runs, calibrated to house runs on GPQA Diamond",
    })
    out.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, out)
    return table.num_rows
