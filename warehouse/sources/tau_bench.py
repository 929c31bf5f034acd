"""τ-bench (v1, Sierra): the published GPT-4o airline trajectory, one row per task and trial.

PATH holds gpt4o_airline_trials.csv (50 tasks × 4 trials, reduced from the repository's
historical_trajectories/gpt-4o-airline.json). Each row becomes one task result of the native
`runs` format: repeat = trial + 1, score = reward (0 or 1), solved when the reward is 1,
turns = the agent's (assistant's) turns, tool_calls = the agent's tool calls. The file holds no
token counts, so they stay empty.

Which GPT-4o: the file names the moving alias 'gpt-4o'. It was added to the repository on
2024-11-22 together with the README leaderboard whose 'TC (gpt-4o)' airline row (pass^1…pass^4
0.420, 0.273, 0.220, 0.200; the June 2024 README had 0.380) this file reproduces exactly, so it is
the autumn 2024 re-run; from 2024-10-02 the API alias pointed at gpt-4o-2024-08-06. The curated
alias (aliases/tau-bench.csv) says so.

Account: the runs were made by Sierra, not by the house, and not with an account a lab supplied
for evaluation, so 'lab_supplied' would be false. 'anonymous' is the nearer kind: a third party
calling the public API like any customer.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from warehouse.identity import evaluation_map
from warehouse.sources.base import Context, Extract, read_csv, source

SOURCE = "tau-bench"
COLUMNS = ["model", "domain", "task_id", "trial", "reward", "n_assistant_turns", "n_tool_calls"]


@source(SOURCE, description="τ-bench v1 historical trajectory: GPT-4o on airline, per task and trial",
        licence="MIT", attribution="Sierra, τ-bench (github.com/sierra-research/tau-bench), MIT",
        files=["gpt4o_airline_trials.csv"])
def trajectories(path: Path, context: Context) -> Extract:
    rows = read_csv(path / "gpt4o_airline_trials.csv", COLUMNS)
    tracked = evaluation_map(SOURCE)
    usable = rows["domain"].isin(tracked)
    skipped = [("runs", str(d), "domain not tracked", int(n))
               for d, n in rows.loc[~usable, "domain"].value_counts().items()]
    rows = rows[usable]
    runs = pd.DataFrame({
        "raw_name": rows["model"],
        "provider": "openai",
        "evaluation": rows["domain"].map(tracked),
        "repeat": rows["trial"] + 1,
        "task_id": rows["task_id"].astype(str),
        "score": rows["reward"],
        "solved": rows["reward"] == 1,
        "turns": rows["n_assistant_turns"],
        "tool_calls": rows["n_tool_calls"],
        "account": "anonymous",
        "harness": "tau-bench tool-calling agent (historical trajectory)",
        "scope": rows["domain"],
        "_ref": rows["_ref"],
    })
    return Extract(version="sierra-research/tau-bench@7362a170 (historical_trajectories/gpt-4o-airline.json)",
                   parts={"runs": runs}, creates_models=False, skipped=skipped)
