"""Issue 21, point 3 (moving aliases), stated as queries over the demo warehouse, for every alias and
not only the ones the issue named: a catalogue's record under a moving alias is the price of the
snapshot the alias named the day it was recorded, never of the snapshot it moved to later; and an
alias's history (warehouse/identity/alias_history.csv) never keeps it on a snapshot its creator had
shut down, so no later price, score or lifecycle record reaches a model that no longer answered to
the name. Found on models the issue did not name: LiteLLM's gpt-3.5-turbo record of 30 January 2024
($1.50/$2.00, the earlier snapshots' price) reached gpt-3.5-turbo-0125 from 16 February, and
DeepSeek V3.2 was priced at V4 Flash's rates after deepseek-chat moved to V4 Flash on 24 April 2026."""

from __future__ import annotations

import csv

from tests.conftest import rows
from warehouse.identity import FOLDER
from warehouse.sql import quote_literal

QUARTER_END = "DATE '2026-09-30'"


def _history() -> str:
    """alias_history.csv as a table expression (the demo warehouse is read through a connection that
    reads no file)."""
    with open(FOLDER / "alias_history.csv", newline="") as handle:
        found = [(r["alias"], r["model"], r["valid_from"], r["valid_to"]) for r in csv.DictReader(handle)]
    values = ", ".join("(" + ", ".join("NULL" if not v else quote_literal(v) for v in row) + ")" for row in found)
    return f"(SELECT * FROM (VALUES {values}) t(alias, model, valid_from, valid_to))"


HISTORY = _history()


def test_no_alias_stays_on_a_snapshot_its_creator_shut_down(demo_warehouse):
    stale = rows(demo_warehouse, f"""
        SELECT h.alias, h.model, h.valid_to, CAST(min(l.shutdown_on) AS VARCHAR) AS shut_down
        FROM {HISTORY} h
        JOIN models m ON m.model = h.model
        JOIN model_lifecycles l ON l.model = h.model AND l.provider = m.creator
        WHERE l.shutdown_on <= {QUARTER_END}
        GROUP BY ALL
        HAVING coalesce(CAST(h.valid_to AS DATE), DATE 'infinity') > min(l.shutdown_on)""")
    assert stale == []
    # the rule has shut-down snapshots to keep the aliases off: Gemini 1.5, Claude 3.5 Sonnet, DeepSeek V3.2
    assert rows(demo_warehouse, f"""
        SELECT count(DISTINCT h.model) FROM {HISTORY} h JOIN models m ON m.model = h.model
        JOIN model_lifecycles l ON l.model = h.model AND l.provider = m.creator
        WHERE l.shutdown_on <= {QUARTER_END}""")[0][0] >= 4


def test_catalogue_records_of_a_moved_alias_are_listed_not_given_to_the_next_snapshot(demo_warehouse):
    """The rule as the demo's sources meet it (the prices table keeps no raw name, so the rule on the
    prices themselves is shown on paper: tests/unit/metrics/test_issue_21_aliases_and_dates.py): the
    records it kept off the later snapshots are listed, by source, and LiteLLM's gpt-3.5-turbo record
    of 30 January 2024 prices no snapshot after the alias moved to 0125 on 16 February."""
    moved = dict(rows(demo_warehouse, """SELECT source, sum(rows) FROM name_resolutions
                                         WHERE resolved_by = 'alias moved after the record' GROUP BY source"""))
    assert moved.get("litellm-prices", 0) > 0
    assert rows(demo_warehouse, """SELECT count(*) FROM prices WHERE model = 'gpt-3.5-turbo-0125'
                                   AND origin = 'litellm-prices' AND usd_per_mtok = 1.5 AND token_type = 'input'""") == [(0,)]


def test_a_snapshot_its_creators_aliases_moved_off_leaves_its_creators_api(demo_warehouse):
    """DeepSeek served V3.2 only under deepseek-chat and deepseek-reasoner; from 24 April 2026 both serve
    V4 Flash. The catalogues' lifecycle records name the aliases, so V3.2's end at DeepSeek is the house's
    record (data/house/lifecycle.csv): it is not offered as buyable on the quarter's month ends."""
    assert rows(demo_warehouse, """SELECT DISTINCT status FROM model_lifecycle WHERE model = 'deepseek-v3.2'
                                   AND as_of BETWEEN DATE '2026-04-30' AND DATE '2026-09-30'""") == [("retired",)]
    assert rows(demo_warehouse, """SELECT count(*) FROM cost_to_run WHERE model = 'deepseek-v3.2'
                                   AND as_of = DATE '2026-09-30' AND total_usd IS NOT NULL""") == [(0,)]
