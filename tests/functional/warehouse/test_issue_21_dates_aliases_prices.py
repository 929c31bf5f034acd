"""Issue 21, points 1 to 3, stated as queries over the demo warehouse: no price before a model is
dated, every priced model dated with what its date rests on, moving aliases resolved by date, the
standard rate never an off-peak one; and `benchhouse check` listing each correction with its reason."""

from __future__ import annotations

import csv
import re
from datetime import date

from tests.conftest import in_process, rows
from warehouse.identity import FOLDER

AS_OF = "DATE '2026-09-30'"


def test_no_price_before_the_model_is_dated_and_none_for_a_model_never_dated(demo_warehouse):
    ((early, never),) = rows(demo_warehouse, """
        SELECT count(*) FILTER (WHERE p.as_of < d.dated_from), count(*) FILTER (WHERE d.dated_from IS NULL)
        FROM price_as_of p JOIN model_dates d USING (model)""")
    assert (early, never) == (0, 0)
    # Nor before the release date a catalogue gives, nor before the month an id's date names.
    ((before_release, before_id),) = rows(demo_warehouse, """
        SELECT count(*) FILTER (WHERE p.as_of < m.release_date),
               count(*) FILTER (WHERE p.as_of < CAST(date_trunc('month', d.id_date) AS DATE))
        FROM price_as_of p JOIN models m USING (model) JOIN model_dates d USING (model)""")
    assert (before_release, before_id) == (0, 0)


def test_every_priced_or_scored_model_is_dated_and_says_on_what(demo_warehouse):
    undated = rows(demo_warehouse, f"""
        SELECT DISTINCT x.model FROM (SELECT model FROM price_as_of WHERE as_of = {AS_OF}
                                      UNION SELECT model FROM intelligence_index WHERE as_of = {AS_OF} AND complete) x
        JOIN model_dates d USING (model)
        WHERE d.dated_from IS NULL OR d.dated_by IS NULL
           OR (d.dated_by = 'release date' AND (d.release_basis IS NULL OR d.release_date_source IS NULL))""")
    assert undated == []


def test_an_id_that_carries_a_date_is_evidence(demo_warehouse):
    """Every model whose id carries a day or a month (-20241022, -2512) is dated no earlier than 31 days
    before it, or listed in release_date_conflicts; recomputed here from the ids themselves."""
    found = rows(demo_warehouse, "SELECT model, dated_from FROM model_dates")
    listed = {model for (model,) in rows(demo_warehouse, "SELECT model FROM release_date_conflicts")}
    checked = 0
    for model, dated_from in found:
        match = re.search(r"(?:^|-)(2[3-9])(0[1-9]|1[0-2])(?:-|$)", model)
        if not match or dated_from is None:
            continue
        checked += 1
        first_day = date(2000 + int(match[1]), int(match[2]), 1)
        assert (first_day - dated_from).days <= 31 or model in listed, model
    assert checked >= 10


def test_gemini_1_5_flash_001_costs_its_own_list_price_in_june_2024(demo_warehouse):
    found = dict(rows(demo_warehouse, """
        SELECT token_type, usd_per_mtok FROM price_as_of
        WHERE model = 'gemini-1.5-flash-001' AND provider = 'google' AND as_of = DATE '2024-06-30'
          AND token_type IN ('input', 'output')"""))
    assert found == {"input": 0.35, "output": 1.05}


def test_mistral_large_3_is_one_model_released_in_december_2025_and_not_priced_before(demo_warehouse):
    models = rows(demo_warehouse, "SELECT model, release_date FROM models WHERE model LIKE 'mistral-large-%2512'")
    assert [model for model, _ in models if "base" not in model] == ["mistral-large-2512"]
    released = dict(models)["mistral-large-2512"]
    assert (released.year, released.month) == (2025, 12)
    ((first,),) = rows(demo_warehouse, "SELECT min(as_of) FROM price_as_of WHERE model = 'mistral-large-2512'")
    assert first >= released


def test_every_alias_with_a_history_is_resolved_by_date_in_every_source(demo_warehouse):
    with open(FOLDER / "alias_history.csv", newline="") as file:
        history = list(csv.DictReader(file))
    aliases = sorted({row["alias"] for row in history})
    static = rows(demo_warehouse, f"""
        WITH latest AS (SELECT source, max(batch_id) AS batch_id FROM name_resolutions GROUP BY source)
        SELECT r.source, r.raw_name FROM name_resolutions r JOIN latest USING (source, batch_id)
        WHERE r.resolved_by = 'moving alias'
          AND trim(regexp_replace(regexp_replace(lower(r.raw_name), '^.*/', ''), '[^a-z0-9.]+', '-', 'g'), '-.')
              IN ({", ".join(f"'{alias}'" for alias in aliases)})""")
    assert static == []
    # Each snapshot a history names gets facts under the alias only on days the alias named it: no
    # stored litellm price of Gemini 1.5 Flash-002 at Google starts before 24 September 2024.
    ((early,),) = rows(demo_warehouse, """
        SELECT count(*) FROM prices WHERE origin = 'litellm-prices' AND model = 'gemini-1.5-flash-002'
        AND provider = 'google' AND valid_from < DATE '2024-09-24'""")
    assert early == 0


def test_no_standard_price_is_an_off_peak_rate_of_its_offer(demo_warehouse):
    ((tiers, copied),) = rows(demo_warehouse, """
        SELECT (SELECT count(*) FROM price_tiers WHERE tier = 'off-peak'),
               count(*) FILTER (WHERE t.model IS NOT NULL)
        FROM price_as_of p
        LEFT JOIN price_tiers t
               ON t.tier = 'off-peak' AND t.model = p.model AND t.provider = p.provider AND t.token_type = p.token_type
              AND t.usd_per_mtok = p.usd_per_mtok AND t.valid_from <= p.as_of
              AND (t.valid_to IS NULL OR p.as_of < t.valid_to)""")
    assert tiers > 0 and copied == 0


def test_check_lists_each_correction_with_its_reason_and_source(demo_warehouse):
    aliases = in_process(demo_warehouse, "check", "aliases", "--format", "csv").stdout
    assert "litellm-prices,prices,gemini/gemini-1.5-flash,alias by date" in aliases
    tiers = in_process(demo_warehouse, "check", "prices", "--tiers", "--format", "csv").stdout
    assert re.search(r"^genai-prices,off-peak,\d+,\d+,", tiers, re.M)
    speed = in_process(demo_warehouse, "check", "speed", "--format", "csv").stdout
    assert {line.split(",")[1] for line in speed.splitlines()[1:]} >= {"repeated", "before release", "implausible"}
    dated = in_process(demo_warehouse, "check", "dates", "--undated", "--format", "csv").stdout
    assert "first evidence: dated price" in dated
