"""τ²-bench (Sierra): leaderboard submissions, pass^k per domain and agent cost per task.

PATH holds submissions.csv and results_by_domain.csv (one row per submission and domain).

pass^k is the share of tasks solved in all k of 4 independent trials. pass^1 is the mean success,
so it is the house metric 'accuracy'; pass^2 … pass^4 are the metrics 'pass-hat-2', 'pass-hat-3'
and 'pass-hat-4' (metric ids are slugs, which cannot hold '^'). Values are percentages in the
files and fractions in the warehouse.

A submission names its model by display name ('Claude Opus 4.5'); the curated aliases in
warehouse/identity/aliases/tau2-bench.csv map those that are canonical models. The source adds
no models: a submission of a model the warehouse does not know stays unresolved. Voice
submissions are skipped: the house's τ² evaluations are the text (half-duplex) ones, and voice
runs only report pass^1 under a different protocol.

A submission made by the model's own lab (submitting organisation = model organisation, compared
as creators) is a claim, loaded with provenance `claimed`; one Sierra or another party ran is
`measured`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from warehouse.identity import creators, evaluation_map
from warehouse.sources.base import Context, Extract, read_csv, source

SOURCE = "tau2-bench"
VERSION = "sierra-research/tau2-bench@a2c02472"
METRICS = {"pass_1": "accuracy", "pass_2": "pass-hat-2", "pass_3": "pass-hat-3", "pass_4": "pass-hat-4"}
# 'enabled' is how a submission says thinking was on without a level.
EFFORTS = {"enabled": "thinking"}


@source(SOURCE, description="τ²-bench leaderboard: pass^1…pass^4 per domain, cost per task",
        licence="MIT", attribution="Sierra Research, τ²-bench (github.com/sierra-research/tau2-bench), MIT",
        files=["submissions.csv", "results_by_domain.csv"])
def leaderboard(path: Path, context: Context) -> Extract:
    submissions = read_csv(path / "submissions.csv", ["submission_id", "model_name", "modality",
                                                     "reasoning_effort", "evaluation_date",
                                                     "submission_date", "model_organization",
                                                     "submitting_organization"])
    results = read_csv(path / "results_by_domain.csv", ["submission_id", "domain", *METRICS,
                                                       "cost_per_task_usd"])
    rows = results.merge(submissions.drop(columns="_ref"), on="submission_id", how="left",
                         validate="many_to_one")
    tracked = evaluation_map(SOURCE)
    text = rows["modality"] == "text"
    known_domain = rows["domain"].isin(tracked)
    skipped = _skips(rows, ~text, "model_name", "voice submission (only text-modality runs are tracked)")
    skipped += _skips(rows, text & ~known_domain, "domain", "domain not tracked")
    rows = rows[text & known_domain]

    effort = rows["reasoning_effort"].str.lower().replace(EFFORTS)
    measured = pd.to_datetime(rows["evaluation_date"].fillna(rows["submission_date"])).dt.date
    common = pd.DataFrame({
        "source": SOURCE,
        "raw_name": rows["model_name"],
        "effort": effort,
        "evaluation": rows["domain"].map(tracked),
        "measured_at": measured,
        "run_ref": rows["submission_id"],
        "scope": rows["domain"],
        "_ref": rows["_ref"],
    })
    own_lab = creators(rows["submitting_organization"]).eq(creators(rows["model_organization"])).fillna(False)
    provenance = own_lab.map({True: "claimed", False: "measured"})
    aggregates = pd.concat([
        common.assign(metric=metric, mean=rows[column] / 100, provenance=provenance)[rows[column].notna()]
        for column, metric in METRICS.items()
    ], ignore_index=True)
    costed = rows["cost_per_task_usd"].notna()
    usage = common[costed].assign(cost_per_task_usd=rows.loc[costed, "cost_per_task_usd"])
    return Extract(version=VERSION, parts={"aggregates": aggregates, "usage": usage},
                   creates_models=False, skipped=skipped)


def _skips(frame: pd.DataFrame, mask: pd.Series, column: str, why: str) -> list:
    counts = frame.loc[mask, column].fillna("(empty)").value_counts()
    return [("aggregates", str(name), why, int(n)) for name, n in counts.items()]
