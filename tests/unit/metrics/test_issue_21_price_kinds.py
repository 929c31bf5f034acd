"""Issue 21, point 3: the list price is the standard rate. Time-of-day, batch, priority and
long-context prices are price kinds of their own (price_tiers), never the model's price; a
catalogue's record of an off-peak rate as the model's price is quarantined."""

from __future__ import annotations

from datetime import date, time, timezone
from decimal import Decimal
from types import SimpleNamespace

import pytest
from genai_prices.types import (ConditionalPrice, ModelPrice, PriceVariant, StartDateConstraint, Tier, TieredPrices,
                                TimeOfDateConstraint)

from tests.conftest import rows, write
from tests.unit.metrics.conftest import ingest_litellm
from warehouse.ingest import ingest
from warehouse.sources.genai_prices import _periods, _tokens

TODAY = date(2026, 12, 6)


def hours(start: tuple[int, int], end: tuple[int, int]) -> TimeOfDateConstraint:
    return TimeOfDateConstraint(start_time=time(*start, tzinfo=timezone.utc), end_time=time(*end, tzinfo=timezone.utc))


def per_million(input_: str, output: str) -> ModelPrice:
    return ModelPrice(input_mtok=Decimal(input_), output_mtok=Decimal(output))


def standard_and_tiers(info) -> tuple[list, list]:
    periods, tiers, _ = _periods(info, TODAY)
    return ([(start, end, dict(_tokens(price))) for start, end, _, price in periods],
            [(tier, detail, start, end, dict(_tokens(price))) for tier, detail, start, end, _, price in tiers])


def test_dearer_business_hours_are_the_standard_rate_and_the_rest_of_the_day_is_off_peak():
    """$0.30/$1.20 from 01:00 to 04:00 and 06:00 to 10:00 UTC, $0.15/$0.60 the other 17 hours: the
    list price is $0.30/$1.20 (the price with no discount); the 17 hours are the off-peak rate, with
    the dated change it had ($0.14 until 17 Aug 2026, $0.15 from then)."""
    info = SimpleNamespace(price_variants=None, prices=[
        ConditionalPrice(prices=per_million("0.14", "0.28")),
        ConditionalPrice(constraint=StartDateConstraint(start_date=date(2026, 8, 17)), prices=per_million("0.15", "0.6")),
        ConditionalPrice(constraint=hours((1, 0), (4, 0)), prices=per_million("0.3", "1.2")),
        ConditionalPrice(constraint=hours((6, 0), (10, 0)), prices=per_million("0.3", "1.2"))])
    standard, tiers = standard_and_tiers(info)
    assert standard == [(date(2023, 1, 1), None, {"input": 0.3, "output": 1.2})]
    outside = "outside UTC 01:00-04:00, 06:00-10:00"
    assert tiers == [("off-peak", outside, date(2023, 1, 1), date(2026, 8, 17), {"input": 0.14, "output": 0.28}),
                     ("off-peak", outside, date(2026, 8, 17), None, {"input": 0.15, "output": 0.6})]


def test_a_cheaper_night_window_is_off_peak_and_the_day_keeps_the_standard_rate():
    """$0.27 from 00:30 to 16:30 UTC, $0.135 the other 8 hours (DeepSeek's discount of 2025)."""
    info = SimpleNamespace(price_variants=None, prices=[
        ConditionalPrice(prices=per_million("0.135", "0.55")),
        ConditionalPrice(constraint=hours((0, 30), (16, 30)), prices=per_million("0.27", "1.1"))])
    standard, tiers = standard_and_tiers(info)
    assert standard == [(date(2023, 1, 1), None, {"input": 0.27, "output": 1.1})]
    assert tiers == [("off-peak", "outside UTC 00:30-16:30", date(2023, 1, 1), None, {"input": 0.135, "output": 0.55})]


def test_batch_priority_and_long_context_prices_are_tiers_beside_the_standard_rate():
    info = SimpleNamespace(
        prices=ModelPrice(input_mtok=TieredPrices(base=Decimal("1.25"), tiers=[Tier(start=200000, price=Decimal("2.5"))]),
                          output_mtok=Decimal("10")),
        price_variants=[PriceVariant(when={"processing": "batch"}, prices=per_million("0.625", "5")),
                        PriceVariant(when={"service_tier": "priority"}, prices=per_million("2.5", "20"),
                                     constraint=StartDateConstraint(start_date=date(2026, 3, 1)))])
    standard, tiers = standard_and_tiers(info)
    assert standard == [(date(2023, 1, 1), None, {"input": 1.25, "output": 10.0})]
    assert sorted(tiers) == [
        ("batch", "processing=batch", date(2023, 1, 1), None, {"input": 0.625, "output": 5.0}),
        ("priority", "service_tier=priority", date(2026, 3, 1), None, {"input": 2.5, "output": 20.0})]
    periods, _, _ = _periods(info, TODAY)
    from warehouse.sources.genai_prices import _long_context
    assert _long_context(periods[0][3]) == [("input", "prompts above 200,000 tokens", 2.5)]


@pytest.fixture(scope="module")
def catalogued(new_warehouse, tmp_path_factory):
    """flash-4: the lab lists $0.30 (standard, undated) and $0.15 off-peak (house files); LiteLLM's
    catalogue recorded the lab's price as $0.15 on 24 April 2026, and a reseller's as $0.15 too."""
    root = tmp_path_factory.mktemp("tiers")
    location = new_warehouse(root / "warehouse")
    ingest(location, "models", write(root / "models.csv", "model,creator,display_name,release_date\n"
                                                          "flash-4,lab,Flash 4,2026-04-24\n"))
    ingest(location, "prices", write(root / "lab.csv", """
model,provider,token_type,usd_per_mtok,valid_from,valid_to,source,date_basis
flash-4,lab,input,0.3,2023-01-01,,https://lab.example/pricing,undated
"""))
    ingest(location, "price-tiers", write(root / "tiers.csv", """
model,provider,token_type,tier,usd_per_mtok,valid_from,valid_to,detail,source,date_basis
flash-4,lab,input,off-peak,0.15,2023-01-01,,outside UTC 01:00-04:00,https://lab.example/pricing,undated
"""))
    ingest_litellm(location, root / "litellm", "flash-4,lab,chat,c1,2026-04-24,added,1.5e-07,,,,\n"
                                                "reseller/flash-4,reseller,chat,c1,2026-04-24,added,1.5e-07,,,,\n"
                                                "other/keeps-history-open,other,chat,c2,2026-11-30,added,1e-06,2e-06,,,\n",
                   "flash-4,lab,chat,,https://lab.example\n")
    return location


def test_a_catalogue_that_recorded_the_off_peak_rate_as_the_price_is_quarantined(catalogued):
    found = rows(catalogued, "SELECT origin, provider, reason, detail FROM price_anomalies ORDER BY provider")
    assert found == [("litellm-prices", "lab", "off-peak rate",
                      "$0.15 is the off-peak rate (outside UTC 01:00-04:00) on 2026-04-24, not the standard rate")]
    # The lab's standard rate stands; the reseller's own $0.15 is its price, not the lab's discount.
    assert rows(catalogued, "SELECT provider, usd_per_mtok FROM price_as_of WHERE as_of = '2026-09-30' "
                            "AND token_type = 'input' ORDER BY provider") == [("lab", 0.3), ("reseller", 0.15)]


def test_a_subscription_plans_rate_is_quarantined_and_is_no_price(new_warehouse, tmp_path):
    """A provider that sells a monthly fee with a usage quota (models.dev's 'lab-coding-plan') lists per-token rates
    that count the quota: never the model's price at that provider, nor a price beside the lab's."""
    location = new_warehouse(tmp_path / "warehouse")
    ingest(location, "models", write(tmp_path / "models.csv", "model,creator,display_name,release_date\n"
                                                              "flash-4,lab,Flash 4,2026-04-24\n"))
    ingest(location, "prices", write(tmp_path / "prices.csv", """
model,provider,token_type,usd_per_mtok,valid_from,valid_to,source,date_basis
flash-4,lab,input,0.3,2026-04-24,,https://lab.example/pricing,effective
flash-4,lab-coding-plan,input,0.1,2026-04-24,,https://lab.example/coding-plan,effective
flash-4,lab-token-plan-cn,input,0.2,2026-04-24,,https://lab.example/token-plan,effective
flash-4,planet,input,0.25,2026-04-24,,https://planet.example,effective
"""))
    assert rows(location, "SELECT provider, reason FROM price_anomalies ORDER BY provider") == [
        ("lab-coding-plan", "subscription plan"), ("lab-token-plan-cn", "subscription plan")]
    assert rows(location, "SELECT provider, usd_per_mtok FROM price_as_of WHERE as_of = '2026-09-30' "
                          "AND token_type = 'input' ORDER BY provider") == [("lab", 0.3), ("planet", 0.25)]


def test_a_price_its_catalogue_corrected_fivefold_soon_after_is_quarantined(new_warehouse, tmp_path):
    """A catalogue lists pro-1 at its smaller sibling's $0.35/$1.05 for a month, then $3.50/$10.50: the first
    price is an error it corrected (one model's price at one provider does not rise fivefold in a quarter),
    so the model's launch price is not a tenth of the real one. A rise of less than fivefold, or one more
    than 92 days later, is a price change and stands; a correction to a placeholder leaves the price before it."""
    from tests.conftest import write

    location = new_warehouse(tmp_path / "warehouse")
    ingest(location, "models", write(tmp_path / "models.csv", "model,creator,display_name,release_date\n"
                                     "pro-1,lab,Pro 1,2024-05-24\nslow-1,lab,Slow 1,2024-01-01\n"))
    ingest(location, "prices", write(tmp_path / "prices.csv", """
model,provider,token_type,usd_per_mtok,valid_from,valid_to,source,date_basis
pro-1,lab,input,0.35,2024-06-17,2024-07-18,https://catalogue.example,recorded
pro-1,lab,input,3.5,2024-07-18,,https://catalogue.example,recorded
pro-1,lab,output,1.05,2024-06-17,2024-07-18,https://catalogue.example,recorded
pro-1,lab,output,4,2024-07-18,,https://catalogue.example,recorded
slow-1,lab,input,1,2024-01-01,2024-06-01,https://catalogue.example,recorded
slow-1,lab,input,6,2024-06-01,2024-06-20,https://catalogue.example,recorded
slow-1,lab,input,60000,2024-06-20,,https://catalogue.example,recorded
"""))
    assert rows(location, "SELECT model, token_type, usd_per_mtok, reason FROM price_anomalies ORDER BY ALL") == [
        ("pro-1", "input", 0.35, "corrected"), ("slow-1", "input", 60000.0, "placeholder")]
    assert rows(location, """SELECT token_type, usd_per_mtok FROM price_as_of WHERE model = 'pro-1'
                             AND as_of = DATE '2024-06-30' ORDER BY ALL""") == [("output", 1.05)]
