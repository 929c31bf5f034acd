"""Issue 21, point 4: one rule for what can be bought on a date (the view model_buyable), read by the
public views, the private ones and every findings sentence.

The fixture (tests/fixtures/one_lifecycle), on paper: two models of lab-a with the same scores (3 of 4
tasks on e1 and on e2: index 75 each, the same interval). Old 1 costs $1 a million tokens in and out
since 1 Aug 2026 ($2 before); New 1 costs $4. lab-a deprecated Old 1 on 1 Jun 2026 and shut it down
on 31 Aug 2026, naming New 1 as its replacement. So on 30 Sep 2026 Old 1 is as intelligent and four
times cheaper, and cannot be bought: it must not be the cheapest, the substitute, on a frontier, or
priced in a sentence; New 1 must take its place. On 30 Jun 2026 it was on sale, and the history
keeps it there.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from reports import catalogue
from reports.private_benchmark import report as private_benchmark
from reports.client import Client
from reports.delivery import build as building
from reports.handle import ReadHandle, window
from reports.tenant_handle import TenantHandle
from reports.subscriber import Subscriber
from reports.window import Period
from tests.conftest import FIXTURES, built_once, rows
from tests.unit.metrics.conftest import METRICS, index_folder
from tests.unit.private.conftest import view
from warehouse import tenant_ingest, tenants
from warehouse.connection import Location
from warehouse.ingest import ingest, ingest_indices

HERE = FIXTURES / "one_lifecycle"
PRIVATE = FIXTURES / "private"
PERIOD = Period.parse("2026Q3")
AS_OF = "2026-09-30"
# New 1's cost to run on 30 Sep: 2 evaluations x 4 tasks x (1,000 input + 100 answer tokens) x $4 / 1e6
NEW_COST = 2 * 4 * (1000 + 100) * 4 / 1e6
# Its month of the tenant's workload at $4 a token type: support 100,000 x (1,200 + 800 cached + 300)
# tokens as stated, triage 10,000 x its own tokens per ticket (1,000 input + 50 answer, measured on tickets).
NEW_MONTH = (100_000 * (1200 + 800 + 300) + 10_000 * (1000 + 50)) * 4 / 1e6


@pytest.fixture(scope="session")
def two_models(new_warehouse, tmp_path_factory) -> Location:
    """Read only: the two models, their runs and prices, Old 1's shutdown, and a tenant running both."""
    def build(root: Path) -> None:
        location = new_warehouse(root / "warehouse")
        ingest(location, "models", HERE / "models.csv")
        ingest(location, "evaluations", METRICS / "evaluations.csv")
        ingest(location, "runs", HERE / "runs_both_75_on_e1_and_e2.csv")
        ingest(location, "prices", HERE / "prices_old_halved_in_august.csv")
        ingest(location, "lifecycle", HERE / "lifecycle_old_shut_down_2026_08_31.csv")
        ingest_indices(location, index_folder(root))
        tenant = tenants.Tenant.of(location, "acme")
        tenant_ingest.ingest(tenant, "evaluations", PRIVATE / "evaluations_tickets_and_contracts.csv")
        tenant_ingest.ingest(tenant, "runs", HERE / "private_runs_both_on_tickets.csv")
        tenant_ingest.ingest(tenant, "workload", PRIVATE / "workload_support_stated_triage_measured.csv")
    return Location.resolve(str(built_once(tmp_path_factory, "one-lifecycle", build) / "warehouse"))


def test_one_view_says_what_can_be_bought_and_why_not(two_models):
    found = {(d, m): (b, why) for d, m, b, why in rows(
        two_models, "SELECT as_of, model, buyable, why FROM model_buyable WHERE as_of IN ('2026-06-30', '2026-09-30')")}
    assert found[date(2026, 9, 30), "old-1"] == (False, "retired by its creator on 31 Aug 2026 (replacement: New 1)")
    assert found[date(2026, 9, 30), "new-1"][0] is True
    assert found[date(2026, 6, 30), "old-1"][0] is True  # deprecated, still on sale


def test_the_public_views_offer_only_what_can_be_bought(two_models):
    def one(sql: str) -> list[tuple]:
        return rows(two_models, sql, [AS_OF])

    assert one("SELECT model FROM pareto_frontier WHERE as_of = ? AND on_frontier") == [("new-1",)]
    assert one("SELECT tier, model FROM cost_tiers WHERE as_of = ? ORDER BY tier") == [(50, "new-1"), (60, "new-1")]
    assert one("SELECT model, alternative_model FROM cheaper_equivalent WHERE as_of = ?") == [("new-1", None)]
    assert one("SELECT model, alternative_model FROM model_standing WHERE as_of = ?") == [("new-1", None)]
    assert one("SELECT model, total_usd FROM cost_to_run WHERE as_of = ?") == [("new-1", pytest.approx(NEW_COST))]
    assert one("""SELECT model, blended_usd_per_mtok FROM price_of_intelligence
                  WHERE as_of = ? AND scores_as_of = as_of""") == [("new-1", 4.0)]
    # Old 1's price halved this quarter, but it was shut down before the quarter ended: no price cut to report.
    assert one("SELECT model FROM blended_price_change WHERE as_of = ?") == []
    assert one("SELECT reason FROM model_placement WHERE as_of = ? AND model = 'old-1'") == [
        ("retired by its creator on 31 Aug 2026 (replacement: New 1)",)]
    # The history keeps it for the months it was sold: on 30 Jun, at $2, it was the cheaper way to meet e1's half.
    assert rows(two_models, """SELECT model, blended_usd_per_mtok FROM price_of_intelligence
                               WHERE as_of = '2026-06-30' AND scores_as_of = ?""", [AS_OF]) == [("old-1", 2.0)]


def test_the_private_views_offer_only_what_can_be_bought(two_models):
    tenant = tenants.Tenant.of(two_models, "acme")
    chosen = {r["model"]: r for r in view(tenant, "SELECT * FROM private_candidates WHERE as_of = ?", [AS_OF])}
    assert chosen["old-1"]["lifecycle"] == "retired"
    assert {m for m, r in chosen.items() if r["on_pareto"]} == {"new-1"}
    assert {m for m, r in chosen.items() if r["cheapest_of_the_best"]} == {"new-1"}
    monthly = {r["model"]: r["usd_per_month"] for r in view(
        tenant, "SELECT model, usd_per_month FROM private_monthly_cost WHERE as_of = ?", [AS_OF])}
    assert monthly == {"old-1": None, "new-1": pytest.approx(NEW_MONTH)}


def subscriber() -> Subscriber:
    return Subscriber.model_validate({
        "id": "acme", "company": "Acme", "tier": "standard", "reports": ["cost-to-run", "smile-curve"],
        "branding": {"logo": "x.svg", "primary": "#112233", "accent": "#445566"},
        "focus_models": ["old-1", "new-1"], "delivery": "acme"})


def findings(location: Location) -> list[str]:
    """Every findings sentence of the two public reports for a subscriber following both models, and of
    the tenant's private report."""
    said = []
    with ReadHandle(location, window(location, PERIOD)) as handle:
        for report in ("cost-to-run", "smile-curve"):
            gathered = building.gather(handle, report, None)
            said += catalogue.get(report).tailor(gathered, subscriber()).findings
    client = Client.model_validate({"id": "acme", "company": "Acme",
                                    "branding": {"logo": "x.svg", "primary": "#112233", "accent": "#445566"}})
    with TenantHandle(tenants.Tenant.of(location, "acme"), window(location, PERIOD)) as handle:
        said += private_benchmark.gather(handle, client).findings
    return said


def test_no_sentence_prices_or_recommends_a_retired_model(two_models):
    said = findings(two_models)
    sentences = [s for finding in said for s in re.split(r"(?<=\.) (?=[A-Z])", finding)]
    naming_old = [s for s in sentences if "Old 1" in s]
    assert naming_old, said  # it is named: as the focus model that cannot be placed, at least
    # Old 1 may be named only where the sentence says it is retired; with a price only with a past one
    # (the spend at the frontier in Jan 2024, when it was sold), said to be from before its retirement;
    # never with its price on 30 Sep ($1.00 a million tokens, $0.0088 to run the index).
    for sentence in naming_old:
        assert "retired" in sentence, sentence
        assert "$" not in sentence or "since retired" in sentence, sentence
        assert not re.search(r"\$1\.00|\$0\.0088|\$0\.009\b", sentence), sentence
    assert any(s.startswith("The cheapest model at 50 or above is New 1 ") for s in said), said
    assert any("The cheapest of them is New 1, at $962" in s for s in said), said
