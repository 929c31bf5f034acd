"""Issue 21, point 4, stated over the demo warehouse: a model its creator has retired by a date is never
priced as buyable, recommended or on a frontier on that date, in the public views, the private ones or
a rendered report. "Retired" is read here from model_lifecycle (the creator's shutdown on or before the
as-of date), not from model_buyable, the rule under test. Before, Kimi K2 Latest Turbo (shut down on
25 May 2026) was the quarter's "largest cut" in every cost-to-run report, and retired focus models
were priced on the smile curve's findings."""

from __future__ import annotations

import re

import pytest

from tests.conftest import rows
from tests.functional.reports.readback import pack_findings, pdf_text

AS_OF = "2026-09-30"
RETIRED = "SELECT as_of, model FROM model_lifecycle WHERE status = 'retired'"
# Every row that prices, recommends or places a model on a frontier, as (view, the model it names).
OFFERED = {
    "pareto_frontier": "SELECT as_of, model FROM pareto_frontier WHERE on_frontier",
    "cheaper_equivalent": "SELECT as_of, alternative_model FROM cheaper_equivalent WHERE alternative_model IS NOT NULL",
    "model_standing": "SELECT as_of, alternative_model FROM model_standing WHERE alternative_model IS NOT NULL",
    "model_standing priced": "SELECT as_of, model FROM model_standing WHERE total_usd IS NOT NULL",
    "cost_tiers": "SELECT as_of, model FROM cost_tiers",
    "price_of_intelligence": "SELECT as_of, model FROM price_of_intelligence WHERE scores_as_of = as_of",
    "frontier_spend": "SELECT as_of, model FROM frontier_spend WHERE scores_as_of = as_of",
    "blended_price_change": "SELECT as_of, model FROM blended_price_change",
    # the openness report's models a buyer would consider
    "openness_default_set": "SELECT as_of, model FROM openness_default_set WHERE shown",
}


def test_no_public_row_offers_a_model_retired_on_its_date(demo_reads):
    """Read as the quarter's reports read them (the session's handle, whose shared views are computed
    once): each view's rows on every month end of the quarter."""
    handle = demo_reads.handle
    handle.share_views()
    offered = {view: handle.con.execute(f"""
        WITH offered(as_of, model) AS ({sql})
        SELECT o.as_of, o.model FROM offered o JOIN ({RETIRED}) r USING (as_of, model)
        WHERE o.as_of BETWEEN DATE '2026-07-31' AND DATE '{AS_OF}'""").fetchall() for view, sql in OFFERED.items()}
    assert offered == {view: [] for view in OFFERED}


def test_the_rule_has_retired_models_to_keep_out_and_reads_as_the_lifecycle_says(demo_warehouse):
    # Not a rule without work: on the report's date, models shut down by their creators still have a
    # price in the catalogues and a complete index (Gemini 2.0 Flash, shut down on 1 Jun 2026, among them).
    ((priced_and_indexed,),) = rows(demo_warehouse, f"""
        SELECT count(DISTINCT r.model) FROM ({RETIRED}) r
        JOIN blended_price b USING (as_of, model)
        JOIN intelligence_index i ON i.as_of = r.as_of AND i.model = r.model AND i.complete
        WHERE r.as_of = DATE '{AS_OF}'""")
    assert priced_and_indexed >= 5
    assert rows(demo_warehouse, f"""SELECT status FROM model_lifecycle
                                    WHERE model = 'gemini-2.0-flash-001' AND as_of = DATE '{AS_OF}'""") == [("retired",)]
    assert rows(demo_warehouse, """SELECT count(*) FROM model_buyable b JOIN model_lifecycle l USING (as_of, model)
                                   WHERE b.buyable <> (l.status <> 'retired')""") == [(0,)]


def test_no_private_row_offers_or_prices_a_model_retired_on_its_date(demo_tenant_reads):
    handle = demo_tenant_reads
    retired = {m for (m,) in handle.execute(
        f"SELECT model FROM bh.model_lifecycle WHERE status = 'retired' AND as_of = DATE '{AS_OF}'").fetchall()}
    candidates = handle.execute(f"""SELECT model, on_pareto, cheapest_of_the_best, usd_per_month, choice_cost
                                    FROM private_candidates WHERE as_of = DATE '{AS_OF}'""").fetchall()
    monthly = handle.execute(f"""SELECT model, usd_per_month FROM private_monthly_cost
                                 WHERE as_of = DATE '{AS_OF}'""").fetchall()
    assert retired & {m for m, *_ in candidates}, "the demo tenant runs no retired model: nothing is tested"
    assert [c for c in candidates if c[0] in retired and (c[1] or c[2] or c[3] is not None or c[4] is not None)] == []
    assert [m for m in monthly if m[0] in retired and m[1] is not None] == []


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(text.split()))


def retired_names(location) -> list[str]:
    """Display names of the models retired on the report's date, longest first."""
    found = rows(location, f"""SELECT n.name FROM ({RETIRED}) r JOIN model_names n USING (model)
                               WHERE r.as_of = DATE '{AS_OF}'""")
    return sorted((name for (name,) in found), key=len, reverse=True)


def names(name: str, text: str) -> bool:
    """Whether `text` names the model, not a longer name it begins (Claude Opus 4 in Claude Opus 4.8)."""
    return re.search(r"(?<![\w.-])" + re.escape(name) + r"(?![\w-]|\.\d)", text) is not None


def test_no_sentence_of_a_rendered_report_prices_a_retired_model(demo_warehouse, rendered):
    # acme-analytics's cost to run: the subscriber whose reports are laid out as PDF, and the report of
    # the quarter's price cuts, the tiers, the cheaper equivalents and the turn-efficiency table.
    (files, _) = rendered("cost-to-run", "acme-analytics")
    findings = pack_findings(files["xlsx"])  # every finding; the pages show the first few
    pdf = pdf_text(files["pdf"])
    assert any("largest cut" in f for f in findings)  # the sentence that priced a retired model before
    retired = retired_names(demo_warehouse)
    # Every sentence of the deck's findings and of the PDF that names a retired model with a price says
    # that it is retired (a past price: "since retired").
    said = [s for f in findings for s in sentences(f)] + sentences(pdf)
    priced = [s for s in said if "$" in s and any(names(n, s) for n in retired) and "retired" not in s]
    assert priced == []
    # So does every line of the PDF (a table row) that names one with a price.
    lines = [line for line in pdf.splitlines() if "$" in line
             and any(names(n, line) for n in retired) and "retired" not in line]
    assert lines == []


def test_a_focus_models_shutdown_on_its_creators_page_is_known_before_its_last_day(demo_warehouse):
    """Gemini 2.5 Pro, a focus model of Acme's: Google's deprecations page gave its shutdown (16 Oct 2026)
    from 5 Dec 2025 (deprecations.info first saw the notice then). On 30 Sep 2026 it is deprecated, with
    its shutdown date and replacement, not 'active' with no word of its end."""
    assert rows(demo_warehouse, f"""SELECT status, CAST(shutdown_on AS VARCHAR), replacement FROM model_lifecycle
                                    WHERE model = 'gemini-2.5-pro' AND as_of = DATE '{AS_OF}'""") == [
        ("deprecated", "2026-10-16", "gemini-3.1-pro-preview")]
