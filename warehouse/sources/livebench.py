"""LiveBench (livebench.ai): per-task scores of each model in each question release, the seven
categories of each release, model metadata and the day each model first appeared in a release table.

PATH holds model_metadata.csv, model_first_seen.csv and tables/ with table_<release>.csv and
categories_<release>.json (the site repository's public/ files, verbatim).

Question sets differ between releases, so scores are compared within one release table only. A
category's score is LiveBench's own: the mean of its tasks' scores in that table (0-100, loaded as a
fraction), measured on the day the model first appeared in the table. Which release feeds which
house evaluation is curated in warehouse/identity/evaluation_aliases.csv as '<release>/<category>'
(2026_01_08/Reasoning -> livebench-reasoning): a release no alias names is skipped whole, with its
reason, so that a later release never mixes with an earlier one; the release stays in each score's
run_ref and scope.

LiveBench's model ids carry the effort or thinking setting ('claude-opus-4-7-xhigh-effort',
'gpt-5.1-2025-11-13-nothinking', 'claude-sonnet-4-5-20250929-thinking-64k'): the suffix is split off
into the effort (EFFORT_SUFFIXES) and the rest is resolved by the curated aliases
(aliases/livebench.csv), which may set the effort where the name says it another way
('kimi-k2.5-thinking'). Where two ids of one release land on the same variant, the thinking one is
kept (Claude Opus 4.5 at an effort level, with and without extended thinking). The metadata only
describes models the warehouse knows (organisation, display name, version date, open weights, and
whether the model reasons at its default setting); LiveBench adds no models.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pandas as pd

from warehouse.errors import FileFormatError
from warehouse.identity import evaluation_map
from warehouse.sources.base import Context, Extract, read_csv, source

SOURCE = "livebench"
VERSION = "LiveBench/livebench.github.io@4bf96c8d"
TABLE = re.compile(r"table_(?P<release>\d{4}_\d{2}_\d{2})\.csv$")
# Suffix of a LiveBench id -> effort, tried in order; a budget keeps its number ('budget-64k').
EFFORT_SUFFIXES = (
    (re.compile(r"-thinking-\d+k-(?P<level>low|medium|high|xhigh)-effort$"), "{level}"),
    (re.compile(r"-thinking-auto-(?P<level>low|medium|high|xhigh)-effort$"), "{level}"),
    (re.compile(r"-thinking-(?P<budget>\d+)k$"), "budget-{budget}k"),
    (re.compile(r"-(?P<level>low|medium|high|xhigh)-effort$"), "{level}"),
    (re.compile(r"-highthinking$"), "max"),
    (re.compile(r"-nothinking$"), "none"),
    (re.compile(r"-base$"), "default"),
    (re.compile(r"-(?P<level>minimal|low|medium|high|xhigh)$"), "{level}"),
)


@source(SOURCE, description="LiveBench: category scores of each model in the tracked question release, "
        "model metadata and first-seen dates", licence="Apache-2.0 (stated by LiveBench's datasheet; the "
        "site repository has no licence file)",
        attribution="LiveBench (White et al., ICLR 2025), livebench.ai, github.com/LiveBench/livebench.github.io",
        files=["model_metadata.csv", "model_first_seen.csv", "tables/table_*.csv", "tables/categories_*.json"])
def livebench(path: Path, context: Context) -> Extract:
    metadata = read_csv(path / "model_metadata.csv", ["model", "organization", "displayName", "version",
                                                      "openweight", "reasoner"], all_varchar=True)
    first_seen = read_csv(path / "model_first_seen.csv", ["release_table", "model", "first_seen_commit_date"])
    tracked = evaluation_map(SOURCE)
    parts, skipped, ids = [], [], set()
    for table in sorted((path / "tables").glob("table_*.csv")):
        release = TABLE.search(table.name)["release"]
        if not any(key.startswith(release + "/") for key in tracked):
            rows, _ = read_table(table)
            skipped.append(("aggregates", f"release {release}", "release not tracked: LiveBench's question sets "
                            "differ between releases, and the house's evaluations name one", len(rows)))
            continue
        scores, why = _category_scores(table, release, tracked, first_seen)
        parts.append(scores)
        ids |= {ref.split(":", 1)[1] for ref in scores["run_ref"]}
        skipped += why
    aggregates = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    aggregates, duplicates = _one_id_per_variant(aggregates)
    # Metadata of the models whose scores are read: older releases' ids are not described.
    models = _models(metadata[metadata["model"].isin(ids)])
    return Extract(version=VERSION, parts={"aggregates": aggregates, "models": models},
                   creates_models=False, skipped=skipped + duplicates)


def split_effort(ids: pd.Series) -> tuple[pd.Series, pd.Series]:
    """('claude-opus-4-7-xhigh-effort' -> 'claude-opus-4-7', 'xhigh'); an id without a suffix is
    the model at its default effort."""
    names, efforts = [], []
    for raw in ids.astype(str):
        for pattern, effort in EFFORT_SUFFIXES:
            found = pattern.search(raw)
            if found:
                names.append(raw[:found.start()])
                efforts.append(effort.format(**found.groupdict()))
                break
        else:
            names.append(raw)
            efforts.append("default")
    return pd.Series(names, index=ids.index, dtype="string"), pd.Series(efforts, index=ids.index, dtype="string")


def read_table(table: Path) -> tuple[pd.DataFrame, list[tuple]]:
    """A release table, one row per model id. A row with another number of fields than the header
    cannot be aligned with its tasks (the 2026-01-08 table has one, Nemotron 3 Super's, three fields
    short): it is skipped with its reason. A file that does not end in a newline is truncated."""
    text = table.read_text()
    if not text.endswith("\n"):
        raise FileFormatError(f"{table}: the last line does not end; the file is truncated")
    try:
        header, *lines = list(csv.reader(text.splitlines(), strict=True))
    except (csv.Error, ValueError) as exc:
        raise FileFormatError(f"{table}: cannot be read as CSV ({exc}); the file may be malformed") from None
    if not header or header[0] != "model":
        raise FileFormatError(f"{table}: the first column is not 'model'; has the site changed its format?")
    kept, skipped = [], []
    for number, fields in enumerate(lines, start=2):
        if len(fields) == len(header):
            kept.append([*fields, f"{table.name} line {number}"])
        else:
            skipped.append(("aggregates", fields[0], f"{table.name} line {number} has {len(fields)} fields, the "
                            f"header {len(header)}: its scores cannot be aligned with their tasks", 1))
    if not kept:
        raise FileFormatError(f"{table}: the file has no rows")
    return pd.DataFrame(kept, columns=[*header, "_ref"]), skipped


def _category_scores(table: Path, release: str, tracked: dict[str, str],
                     first_seen: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple]]:
    categories_file = table.with_name(f"categories_{release}.json")
    if not categories_file.is_file():
        raise FileFormatError(f"{table}: its categories file {categories_file.name} is missing; the tasks of each "
                              "category are read from it")
    try:
        categories = json.loads(categories_file.read_text())
    except json.JSONDecodeError as exc:
        raise FileFormatError(f"{categories_file}: not valid JSON ({exc}); the file may be truncated") from None
    rows, skipped = read_table(table)
    seen = first_seen[first_seen["release_table"] == table.name].set_index("model")["first_seen_commit_date"]
    name, effort = split_effort(rows["model"])
    parts = []
    for category, tasks in categories.items():
        evaluation = tracked.get(f"{release}/{category}")
        if evaluation is None:
            skipped.append(("aggregates", f"{release}/{category}", "category not tracked", len(rows)))
            continue
        missing = [t for t in tasks if t not in rows.columns]
        if missing:
            raise FileFormatError(f"{table}: tasks {', '.join(missing)} of category '{category}' "
                                  f"({categories_file.name}) have no column; is the table complete?")
        task_scores = rows[tasks].apply(pd.to_numeric, errors="coerce")
        complete = task_scores.notna().all(axis=1)
        skipped += [("aggregates", str(m), f"{release}/{category}: a task of the category has no score", 1)
                    for m in rows.loc[~complete, "model"]]
        parts.append(pd.DataFrame({
            "source": SOURCE,
            "raw_name": name[complete],
            "effort": effort[complete],
            "evaluation": evaluation,
            "metric": "accuracy",
            "mean": task_scores[complete].mean(axis=1) / 100,
            "measured_at": pd.to_datetime(rows.loc[complete, "model"].map(seen)).dt.date,
            "run_ref": f"{table.name}:" + rows.loc[complete, "model"].astype(str),
            "scope": f"{release}/{category}",
            "provenance": "measured",
            "_thinking": rows.loc[complete, "model"].str.contains("thinking"),
            "_ref": rows.loc[complete, "_ref"] + f" ({category})",
        }))
    return pd.concat(parts, ignore_index=True), skipped


def _one_id_per_variant(aggregates: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple]]:
    """Two ids of one release that give the same variant (after the suffix is split): the thinking
    one is kept, the other skipped with its reason."""
    if aggregates.empty:
        return aggregates, []
    ranked = aggregates.sort_values(["scope", "raw_name", "effort", "_thinking"], ascending=[True, True, True, False])
    dropped = ranked.duplicated(["scope", "raw_name", "effort"])
    ids = ranked.loc[dropped, "run_ref"].str.split(":", n=1).str[1].value_counts()
    skipped = [("aggregates", str(raw), "the same effort as a thinking id of the release; the thinking one is read",
                int(n)) for raw, n in ids.items()]
    return ranked[~dropped].drop(columns="_thinking").sort_index(), skipped


def _models(metadata: pd.DataFrame) -> pd.DataFrame:
    """One catalogue row per LiveBench model id, named as its scores are (the effort split off):
    the facts of its default id where it has one (whether it reasons by default is only known there)."""
    name, effort = split_effort(metadata["model"])
    flag = {"true": True, "false": False}
    # Only an id at the default setting says how the model behaves by default ('deepseek-v3.2', not
    # 'deepseek-v3.2-thinking', which the aliases send to the same model at effort thinking).
    default = effort.eq("default") & ~metadata["model"].str.contains("thinking")
    return pd.DataFrame({
        "raw_name": name,
        "creator_raw": metadata["organization"],
        "display_name": metadata["displayName"].where(default),
        "release_date": pd.to_datetime(metadata["version"], errors="coerce").dt.date,
        "open_weights": metadata["openweight"].str.lower().map({"true": True}),
        "reasoning": metadata["reasoner"].str.lower().map(flag).where(default),
        "_ref": metadata["_ref"],
    }).iloc[(~default).argsort(kind="stable")]  # a name's default id first: its facts are read first
