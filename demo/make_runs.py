"""Write illustrative task results in the native runs format, for the demo warehouse.

The house's own per-task runs have no public source. These are generated, deterministically
(seed 2026), from a simple model: P(solved) = logistic(ability - difficulty), with reasoning
models spending many reasoning tokens and agentic evaluations taking several turns. They are
illustrative only and are not measurements.

    python demo/make_runs.py OUT.parquet
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

# model, effort, provider, ability (logit), reasoning tokens per task (median), account
VARIANTS = [
    ("gpt-4o-2024-08-06", "default", "openai", 0.0, 0, "anonymous"),
    ("gpt-4o-mini-2024-07-18", "default", "openai", -0.8, 0, "anonymous"),
    ("o3-2025-04-16", "medium", "openai", 1.6, 4000, "anonymous"),
    ("o3-2025-04-16", "high", "openai", 1.9, 9000, "lab_supplied"),
    ("claude-3-5-sonnet-20241022", "default", "anthropic", 0.4, 0, "anonymous"),
    ("claude-sonnet-4-20250514", "default", "anthropic", 1.0, 0, "anonymous"),
    ("gemini-2.5-pro", "default", "google", 1.5, 6000, "anonymous"),
    ("deepseek-v3", "default", "deepseek", 0.3, 0, "anonymous"),
    ("deepseek-r1", "default", "deepseek", 1.1, 7000, "anonymous"),
    ("llama-3.1-405b-instruct", "default", "together", -0.2, 0, "anonymous"),
    ("qwen3-235b-a22b", "high", "together", 0.9, 5000, "anonymous"),
]
# evaluation, tasks, difficulty (logit), input tokens per turn, answer tokens, mean turns
EVALUATIONS = [
    ("gpqa-diamond", 198, 0.3, 600, 350, 1),
    ("aime-2025", 30, 1.5, 250, 500, 1),
    ("swe-bench-verified", 500, 0.9, 9000, 400, 18),
    ("tau2-airline", 50, 0.6, 3500, 150, 12),
]
REPEATS = 3


def generate(seed: int = 2026) -> pa.Table:
    rng = np.random.default_rng(seed)
    start = datetime(2026, 9, 1, tzinfo=timezone.utc)
    columns: dict[str, list] = {name: [] for name in (
        "model", "effort", "provider", "evaluation", "repeat", "task_id", "score", "input_tokens",
        "cached_input_tokens", "cache_write_tokens", "reasoning_tokens", "answer_tokens", "turns",
        "solved", "latency_s", "started_at", "account")}
    for evaluation, n_tasks, difficulty, input_per_turn, answer, mean_turns in EVALUATIONS:
        task_difficulty = rng.normal(difficulty, 1.0, n_tasks)
        for model, effort, provider, ability, reasoning, account in VARIANTS:
            for repeat in range(1, REPEATS + 1):
                p = 1 / (1 + np.exp(-(ability - task_difficulty)))
                solved = rng.random(n_tasks) < p
                turns = np.ones(n_tasks, dtype=int) if mean_turns == 1 else 1 + rng.poisson(mean_turns - 1, n_tasks)
                context = input_per_turn * turns * (1 + turns) // 2  # each turn re-reads the history
                cached = (context * 0.6).astype(int) if mean_turns > 1 else np.zeros(n_tasks, dtype=int)
                reasoning_tokens = (rng.lognormal(np.log(reasoning), 0.5, n_tasks) * turns).astype(int) if reasoning else np.zeros(n_tasks, dtype=int)
                answer_tokens = (rng.lognormal(np.log(answer), 0.3, n_tasks) * turns).astype(int)
                began = start + timedelta(days=repeat * 7)
                for i in range(n_tasks):
                    columns["model"].append(model)
                    columns["effort"].append(effort)
                    columns["provider"].append(provider)
                    columns["evaluation"].append(evaluation)
                    columns["repeat"].append(repeat)
                    columns["task_id"].append(f"{evaluation}-{i + 1:04d}")
                    columns["score"].append(float(solved[i]))
                    columns["input_tokens"].append(int(context[i] - cached[i]))
                    columns["cached_input_tokens"].append(int(cached[i]))
                    columns["cache_write_tokens"].append(0)
                    columns["reasoning_tokens"].append(int(reasoning_tokens[i]))
                    columns["answer_tokens"].append(int(answer_tokens[i]))
                    columns["turns"].append(int(turns[i]))
                    columns["solved"].append(bool(solved[i]))
                    columns["latency_s"].append(round(float((reasoning_tokens[i] + answer_tokens[i]) / 60 + turns[i] * 2), 2))
                    columns["started_at"].append(began + timedelta(seconds=30 * i))
                    columns["account"].append(account)
    return pa.table(columns)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1].strip())
    table = generate()
    pq.write_table(table, sys.argv[1])
    print(f"wrote {table.num_rows} task results to {sys.argv[1]}", file=sys.stderr)
