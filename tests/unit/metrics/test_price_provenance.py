"""Which stored price the house uses on a day: dated evidence before undated prices, quarantined
prices never (tests/fixtures/prices)."""

from __future__ import annotations

import pytest

from tests.conftest import rows
from warehouse import query


def price(location, model: str, as_of: str, token_type: str = "input"):
    found = rows(location, """SELECT usd_per_mtok, price_basis, date_basis FROM model_price_as_of
                              WHERE model = ? AND as_of = ? AND token_type = ?""", [model, as_of, token_type])
    return found[0] if found else None


def test_an_undated_price_does_not_back_date_over_a_dated_one(provenance):
    # mini-1: $1.10 undated in the house's own list (the most trusted origin), $3.00 recorded by
    # LiteLLM from 2024-10-13. While LiteLLM's history runs, the dated price holds.
    assert price(provenance, "mini-1", "2024-11-30") == (pytest.approx(3.0), "first-party", "recorded")
    assert price(provenance, "mini-1", "2025-05-31") == (pytest.approx(3.0), "first-party", "recorded")


def test_an_undated_price_does_not_jump_over_a_dated_period_into_the_past(provenance):
    # Before LiteLLM recorded $3.00 nothing dated is known, and $1.10 (the price now) cannot have
    # held then without a $3.00 period after it: no price.
    assert price(provenance, "mini-1", "2024-09-30") is None


def test_a_dated_price_past_the_end_of_its_catalogue_yields_to_the_undated_one(provenance):
    # LiteLLM's history ends on 2025-06-01 (its last recorded change, another model's); after it,
    # its open $3.00 is only carried forward, and the undated list's $1.10 holds, date unknown.
    assert price(provenance, "mini-1", "2025-06-30") == (pytest.approx(1.1), "first-party, date unknown", "undated")


def test_an_undated_price_with_nothing_dated_before_it_says_its_date_is_unknown(provenance):
    assert price(provenance, "solo-1", "2025-01-31") == (pytest.approx(2.0), "first-party, date unknown", "undated")
    assert rows(provenance, """SELECT DISTINCT price_basis FROM token_prices WHERE model = 'solo-1'""") == \
        [("first-party, date unknown",)]


def test_a_unit_slip_and_a_placeholder_are_quarantined_not_used(provenance):
    anomalies = {(p, t): (r, d) for p, t, r, d in rows(provenance, """
        SELECT provider, token_type, reason, detail FROM price_anomalies WHERE model = 'llama-z'""")}
    assert anomalies[("gateway", "input")][0] == "outlier"  # $2,000: 10^5 x the others' median
    assert "from 4 other providers" in anomalies[("gateway", "input")][1]
    assert anomalies[("poe", "output")] == ("placeholder", "$99999.0 per million tokens")
    assert anomalies[("groq", "cached_input")][0] == "above input"
    assert anomalies[("together", "cache_write")][0] == "zero"
    used = {p for (p,) in rows(provenance, "SELECT DISTINCT provider FROM price_as_of WHERE model = 'llama-z'")}
    assert used == {"together", "fireworks", "deepinfra", "groq"}
    assert rows(provenance, """SELECT usd_per_mtok, price_basis, providers FROM model_price_as_of
                               WHERE model = 'llama-z' AND token_type = 'input' AND as_of = '2025-01-31'""") == \
        [(pytest.approx(0.0225), "provider median", 4)]


def test_a_cache_write_dearer_than_input_within_what_vendors_charge_is_kept(provenance):
    # Anthropic-style: writing to the cache costs 1.25x input; that is a price, not a slip.
    assert rows(provenance, "SELECT count(*) FROM price_anomalies WHERE model = 'sonnet-z'") == [(0,)]
    assert price(provenance, "sonnet-z", "2025-01-31", "cache_write")[0] == pytest.approx(3.75)


def test_no_price_in_use_is_above_a_thousand_or_below_a_tenth_of_a_cent(provenance):
    assert rows(provenance, """SELECT count(*) FROM model_price_as_of
                               WHERE usd_per_mtok > 1000 OR usd_per_mtok < 0.001""") == [(0,)]


def test_the_named_query_counts_quarantined_prices_per_source_and_reason(provenance):
    found = query.named(provenance, "price_anomaly_counts", {"source": ""}).to_pylist()
    counts = {(r["source"], r["reason"]): r["prices"] for r in found}
    assert counts == {("house", "above input"): 1, ("house", "outlier"): 2, ("house", "placeholder"): 2,
                      ("house", "zero"): 1}
    assert query.named(provenance, "price_anomaly_counts", {"source": "litellm-prices"}).num_rows == 0


def test_a_cached_input_equal_to_input_is_quarantined_where_the_creator_discounts_it_elsewhere(metrics, tmp_path):
    """Issue 21, point 3 (in part). lab-c sells gamma-1's cached read at a tenth of its input; its list
    of gamma-2 shows the cached read at the input price, $2 = $2: a copied input price, quarantined.
    The same equality at a reseller (host), and at lab-d, which discounts nothing, is kept."""
    from tests.conftest import write
    from warehouse.ingest import ingest

    ingest(metrics, "models", write(tmp_path / "models.csv", "model,creator,display_name,release_date\n"
                                    "gamma-1,lab-c,Gamma 1,2025-01-01\ngamma-2,lab-c,Gamma 2,2025-06-01\n"
                                    "delta-1,lab-d,Delta 1,2025-06-01\n"))
    ingest(metrics, "prices", write(tmp_path / "prices.csv", "model,provider,token_type,usd_per_mtok,valid_from,valid_to,source\n" + "".join(
        f"{model},{provider},{kind},{usd},2025-07-01,,https://example.com/{provider}\n"
        for model, provider, kind, usd in [
            ("gamma-1", "lab-c", "input", 5), ("gamma-1", "lab-c", "cached_input", 0.5),
            ("gamma-2", "lab-c", "input", 2), ("gamma-2", "lab-c", "cached_input", 2),
            ("gamma-2", "host", "input", 2), ("gamma-2", "host", "cached_input", 2),
            ("delta-1", "lab-d", "input", 1), ("delta-1", "lab-d", "cached_input", 1)])))
    found = rows(metrics, """SELECT model, provider, reason, detail FROM price_anomalies
                             WHERE model IN ('gamma-1', 'gamma-2', 'delta-1')""")
    assert found == [("gamma-2", "lab-c", "no discount", "cached_input $2.0 equal to input on 2025-07-01, where lab-c "
                                                          "discounts cached input in other records")]
