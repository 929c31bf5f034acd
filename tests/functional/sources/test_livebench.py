"""The LiveBench adapter on the shipped files (data/sources/livebench), as the demo warehouse holds
them: category scores are LiveBench's own (the mean of the category's tasks in one release table),
on the canonical model and effort the id encodes, dated when the model first appeared; the release
before the tracked one is skipped whole, never mixed in."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from tests.conftest import SOURCES, rows, scalar
from warehouse.sources.livebench import read_table, split_effort

LIVEBENCH = SOURCES / "livebench"
TRACKED = "table_2026_01_08.csv"
EVALUATIONS = {"Reasoning": "livebench-reasoning", "Coding": "livebench-coding",
               "Agentic Coding": "livebench-agentic-coding", "Mathematics": "livebench-mathematics",
               "Data Analysis": "livebench-data-analysis", "Language": "livebench-language",
               "IF": "livebench-instruction-following"}


def _table(release: str = "2026_01_08") -> tuple[pd.DataFrame, dict]:
    table, _ = read_table(LIVEBENCH / "tables" / f"table_{release}.csv")
    categories = json.loads((LIVEBENCH / "tables" / f"categories_{release}.json").read_text())
    return table.set_index("model"), categories


def _score(table: pd.DataFrame, categories: dict, raw: str, category: str) -> float:
    return table.loc[raw, categories[category]].astype(float).mean() / 100


def test_a_category_score_is_the_mean_of_its_tasks_on_the_day_the_model_first_appeared(demo_warehouse):
    table, categories = _table()
    expected = _score(table, categories, "gpt-5.5-xhigh", "Reasoning")
    assert rows(demo_warehouse, """SELECT model, effort, mean, measured_at, provenance FROM published_aggregates
                                   WHERE source = 'livebench' AND evaluation = 'livebench-reasoning'
                                     AND run_ref = 'table_2026_01_08.csv:gpt-5.5-xhigh'""") == [
        ("gpt-5.5", "xhigh", pytest.approx(expected, abs=1e-12), date(2026, 4, 23), "measured")]


def test_every_resolved_id_of_the_release_has_its_seven_categories(demo_warehouse):
    counts = dict(rows(demo_warehouse, """SELECT evaluation, count(*) FROM published_aggregates
                                          WHERE source = 'livebench' GROUP BY ALL"""))
    assert set(counts) == set(EVALUATIONS.values())
    assert len(set(counts.values())) == 1 and min(counts.values()) >= 110
    # 127 ids: one row too short to align, two unknown models and Claude Opus 4.5's three non-thinking
    # effort levels (its thinking ids are read at the same efforts) do not load.
    assert counts["livebench-reasoning"] == 127 - 1 - 2 - 3


@pytest.mark.parametrize("raw, model, effort", [
    ("claude-opus-4-7-xhigh-effort", "claude-opus-4-7", "xhigh"),
    ("claude-sonnet-4-5-20250929-thinking-64k", "claude-sonnet-4-5-20250929", "budget-64k"),
    ("claude-4-1-opus-20250805-base", "claude-opus-4-1-20250805", "default"),
    ("claude-opus-4-5-20251101-thinking-64k-high-effort", "claude-opus-4-5-20251101", "high"),
    ("gpt-5.1-2025-11-13-nothinking", "gpt-5.1-2025-11-13", "none"),
    ("gemini-3-flash-preview-minimal", "gemini-3-flash-preview", "minimal"),
    ("kimi-k2.5-thinking", "kimi-k2.5", "thinking"),
    ("kimi-k2-thinking", "kimi-k2-thinking", "default"),
    ("gpt-5.4-high", "gpt-5.4-2026-03-05", "high"),
    ("deepseek-v4-pro", "deepseek-v4-pro", "default"),
])
def test_the_effort_in_a_livebench_id_is_the_variants(demo_warehouse, raw, model, effort):
    assert rows(demo_warehouse, """SELECT DISTINCT model, effort FROM published_aggregates
                                   WHERE source = 'livebench' AND run_ref = ?""", [f"{TRACKED}:{raw}"]) == [(model, effort)]


def test_split_effort_leaves_a_name_without_a_suffix_whole():
    names, efforts = split_effort(pd.Series(["gpt-5.1-codex-max", "gpt-5.1-codex-max-high", "glm-5"]))
    assert list(names) == ["gpt-5.1-codex-max", "gpt-5.1-codex-max", "glm-5"]
    assert list(efforts) == ["default", "high", "default"]


def test_an_earlier_release_is_skipped_whole_and_never_mixed_in(demo_warehouse):
    earlier, _ = read_table(LIVEBENCH / "tables" / "table_2025_12_23.csv")
    assert scalar(demo_warehouse, """SELECT rows FROM name_resolutions WHERE source = 'livebench'
                                     AND raw_name = 'release 2025_12_23'
                                     AND resolved_by LIKE 'skipped: release not tracked%'""") == len(earlier)
    assert rows(demo_warehouse, """SELECT DISTINCT split_part(run_ref, ':', 1) FROM published_aggregates
                                   WHERE source = 'livebench'""") == [(TRACKED,)]
    # The 2026-01-08 release added a mathematics task (integrals with a game): Claude Sonnet 4.5's
    # mathematics score differs between the releases, and the warehouse holds the tracked one's.
    raw = "claude-sonnet-4-5-20250929"
    (new_table, new_categories), (old_table, old_categories) = _table(), _table("2025_12_23")
    assert new_categories["Mathematics"] != old_categories["Mathematics"]
    new = _score(new_table, new_categories, raw, "Mathematics")
    assert new != pytest.approx(_score(old_table, old_categories, raw, "Mathematics"))
    assert scalar(demo_warehouse, """SELECT mean FROM published_aggregates WHERE source = 'livebench'
                                     AND evaluation = 'livebench-mathematics' AND run_ref = ?""",
                  [f"{TRACKED}:{raw}"]) == pytest.approx(new, abs=1e-12)


def test_a_row_too_short_to_align_is_skipped_with_its_reason(demo_warehouse):
    assert rows(demo_warehouse, """SELECT raw_name, resolved_by FROM name_resolutions WHERE source = 'livebench'
                                   AND resolved_by LIKE '%cannot be aligned%'""") == [
        ("nemotron-3-super-120b-a12b", "skipped: table_2026_01_08.csv line 110 has 21 fields, the header 24: "
                                       "its scores cannot be aligned with their tasks")]


def test_the_metadata_says_which_models_reason_by_default(demo_warehouse):
    flags = dict(rows(demo_warehouse, """SELECT model, reasoning FROM models
                                         WHERE model IN ('glm-5', 'grok-4.20-0309-non-reasoning', 'deepseek-v3.2')"""))
    # DeepSeek V3.2's own id is the non-thinking mode (LiveBench leaves it unmarked); its thinking
    # id says nothing about the default.
    assert flags == {"glm-5": True, "grok-4.20-0309-non-reasoning": False, "deepseek-v3.2": None}
