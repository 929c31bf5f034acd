"""Aider LLM leaderboards: code-editing benchmark runs with pass rates, tokens and cost.

PATH holds aider_benchmark_runs.csv (one row per run, from the leaderboards' YAML files).

Per run: 'accuracy' = pass_rate_1 / 100 (solved at the first attempt) and 'pass-at-2' =
pass_rate_2 / 100 (solved after one retry with the test output), over test_cases tasks. Only the
leaderboards evaluation_aliases.csv maps are read; the side studies (quantisation, architect,
code-in-json, ...) are skipped. A run listed on two leaderboards (the o1 polyglot page repeats
polyglot runs, with cost 0) is taken once, from the first leaderboard in `LEADERBOARDS`.
Architect runs (a planner plus an editor model) are not one model's result and are skipped, as
is a run with more test cases than its evaluation has tasks (a polyglot run listed on the edit
leaderboard).

Usage: prompt_tokens -> input_tokens, completion_tokens -> output_tokens, total_cost -> cost_usd
(whole run, one pass). A total_cost of 0 marks a free or preview endpoint, not a free run, so it
is left empty. thinking_tokens is the thinking budget the run was given (32000, 24576, 0), not
tokens spent, so it sets the effort (budget-32k, budget-24k, none), not reasoning_tokens.

Effort: reasoning_effort, else the thinking budget, else a level in the name ('o3-mini (high)');
the curated aliases (aliases/aider.csv) name the rest ('(no thinking)', '(32k thinking tokens)').
Aider names models by display names and API ids; the aliases map them to canonical dated
versions current at the run's date.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from warehouse.identity import FOLDER, evaluation_map
from warehouse.sources.base import Context, Extract, read_csv, source

SOURCE = "aider"
LEADERBOARDS = ["polyglot_leaderboard", "edit_leaderboard", "refactor_leaderboard",
                "o1_polyglot_leaderboard"]
NAME_EFFORT = r"\((minimal|low|medium|high)\)"
COLUMNS = ["leaderboard", "dirname", "test_cases", "model", "pass_rate_1", "pass_rate_2", "date",
           "total_cost", "prompt_tokens", "completion_tokens", "thinking_tokens", "reasoning_effort",
           "editor_model"]


@source(SOURCE, description="Aider leaderboards: pass rates, tokens and cost per benchmark run",
        licence="Apache-2.0", attribution="Aider-AI, aider LLM leaderboards (aider.chat), Apache-2.0",
        files=["aider_benchmark_runs.csv"])
def runs(path: Path, context: Context) -> Extract:
    rows = read_csv(path / "aider_benchmark_runs.csv", COLUMNS)
    tracked = evaluation_map(SOURCE)
    tasks = pd.read_csv(FOLDER / "evaluations.csv").set_index("evaluation")["n_tasks"]
    rows["evaluation"] = rows["leaderboard"].map(tracked)
    rows["rank"] = rows["leaderboard"].map({b: i for i, b in enumerate(LEADERBOARDS)})
    rows = rows.sort_values("rank", kind="stable")

    checks = [
        (rows["evaluation"].isna(), "leaderboard", "leaderboard not tracked"),
        (rows.duplicated(["dirname", "evaluation"]), "model",
         "same run already read from another leaderboard"),
        (rows["editor_model"].notna(), "model",
         "architect run: a planner and an editor model, not one model"),
        (rows["test_cases"] > rows["evaluation"].map(tasks), "model",
         "more test cases than the evaluation has tasks: a run of another benchmark"),
    ]
    keep, skipped = pd.Series(True, index=rows.index), []
    for mask, column, why in checks:
        mask = mask & keep
        counts = rows.loc[mask, column].value_counts()
        skipped += [("aggregates", str(name), why, int(n)) for name, n in counts.items()]
        keep &= ~mask
    rows = rows[keep]

    common = pd.DataFrame({
        "source": SOURCE,
        "raw_name": rows["model"],
        "effort": _effort(rows),
        "evaluation": rows["evaluation"],
        "measured_at": pd.to_datetime(rows["date"]).dt.date,
        "run_ref": rows["dirname"],
        "scope": rows["leaderboard"],
        "_ref": rows["_ref"],
    })
    aggregates = pd.concat([
        common.assign(metric="accuracy", mean=rows["pass_rate_1"] / 100, n=rows["test_cases"]),
        common.assign(metric="pass-at-2", mean=rows["pass_rate_2"] / 100, n=rows["test_cases"])
              [rows["pass_rate_2"].notna()],
    ], ignore_index=True)
    cost = rows["total_cost"].where(rows["total_cost"] > 0)
    usage = common.assign(samples=rows["test_cases"], repeats=1, input_tokens=rows["prompt_tokens"],
                          output_tokens=rows["completion_tokens"], cost_usd=cost)
    usage = usage[cost.notna() | rows["prompt_tokens"].notna() | rows["completion_tokens"].notna()]
    return Extract(version="Aider-AI/aider@5dc9490b (aider/website/_data/*.yml)",
                   parts={"aggregates": aggregates, "usage": usage}, creates_models=False,
                   skipped=skipped)


def _effort(rows: pd.DataFrame) -> pd.Series:
    budget = rows["thinking_tokens"]
    from_budget = ("budget-" + (budget // 1000).astype("Int64").astype("string") + "k") \
        .where(budget > 0, "none").where(budget.notna())
    from_name = rows["model"].str.extract(NAME_EFFORT, expand=False)
    return rows["reasoning_effort"].str.lower().fillna(from_budget).fillna(from_name)
