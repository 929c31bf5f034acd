"""The views the model deployment report reads (speed_trend, speed_coverage, serverless_options,
dedicated_options, ttft_growth) on the paper-checkable speed fixture (tests/fixtures/speed): open-70b
at six providers, the lab measured in March 2024 and June 2025; a system 8x-test-gpu rented at 36 USD
an hour and owned at 12, serving 2,000 output tokens a second."""

from __future__ import annotations

import pytest

from tests.conftest import rows


def test_speed_trend_follows_a_provider_from_its_first_speed_to_its_latest(speed):
    assert rows(speed, "SELECT provider, first_measured_at::VARCHAR, first_output_tokens_per_s, "
                       "output_tokens_per_s, measurement_days, change FROM speed_trend "
                       "WHERE as_of = '2025-06-30' AND provider IN ('lab', 'fast') ORDER BY provider") == [
        ("fast", "2025-06-20", 200.0, 200.0, 1, 1.0),
        ("lab", "2024-03-10", 80.0, 110.0, 2, pytest.approx(110 / 80)),  # 80 then the median of 100 and 120
    ]


def test_speed_coverage_counts_providers_priced_fresh_and_measured_twice(speed):
    assert rows(speed, "SELECT providers, priced_providers, fresh_providers, remeasured_providers, newest_age_days, "
                       "history_until::VARCHAR, coverage_rank, history_rank FROM speed_coverage "
                       "WHERE as_of = '2025-06-30'") == [(6, 4, 6, 1, 10, "2025-06-30", 1, 1)]
    # A year on, every speed is stale; in May 2025 only the lab's 2024 speed was known.
    assert rows(speed, "SELECT as_of::VARCHAR, providers, fresh_providers FROM speed_coverage "
                       "WHERE as_of IN ('2025-05-31', '2026-06-30') ORDER BY as_of") == [
        ("2025-05-31", 1, 0), ("2026-06-30", 6, 0)]


def test_serverless_options_list_every_provider_priced_in_and_out_with_its_speed(speed):
    # free sells at zero (a preview, not a price) and unpriced has no price: neither is an option.
    assert rows(speed, "SELECT provider, first_party, input_usd_per_mtok, output_usd_per_mtok, blended_usd_per_mtok, "
                       "output_tokens_per_s, on_frontier FROM serverless_options WHERE as_of = '2025-06-30' "
                       "ORDER BY provider") == [
        ("fast", False, 2.0, 6.0, 3.0, 200.0, True),
        ("lab", True, 1.0, 3.0, 1.5, 110.0, True),
        ("laggard", False, 1.0, 3.0, 1.5, 50.0, False),
        ("slowpoke", False, 2.0, 6.0, 3.0, 150.0, False),
    ]


def test_dedicated_options_by_hand(speed):
    # Rent 36 USD an hour x 730 = 26,280 a month; 2,000 tokens a second x 3,600 x 730 = 5,256 M a
    # month flat out. The cheapest output price is the lab's 3 USD (also the creator's): break-even
    # 26,280 / 3 = 8,760 M a month, 8,760 / 5,256 = 5/3 of capacity. Owned at 12: 8,760 / 3 = 2,920 M.
    assert rows(speed, "SELECT cost_basis, usd_per_month, capacity_mtok_per_month, cheapest_provider, "
                       "cheapest_output_usd_per_mtok, break_even_mtok_per_month, break_even_utilisation, "
                       "creator_provider, creator_break_even_mtok_per_month, throughput_age_days, cost_age_days, stale "
                       "FROM dedicated_options WHERE as_of = '2025-06-30' ORDER BY cost_basis") == [
        ("owner", pytest.approx(12 * 730), pytest.approx(5256), "lab", 3.0, pytest.approx(2920),
         pytest.approx(5 / 9), "lab", pytest.approx(2920), 20, 29, False),
        ("rent", pytest.approx(36 * 730), pytest.approx(5256), "lab", 3.0, pytest.approx(8760),
         pytest.approx(5 / 3), "lab", pytest.approx(8760), 20, 29, False),
    ]


def test_a_system_measured_after_the_date_is_not_an_option_and_a_year_on_it_is_stale(speed):
    assert rows(speed, "SELECT * FROM dedicated_options WHERE as_of = '2025-05-31'") == []
    assert rows(speed, "SELECT throughput_age_days, cost_age_days, stale FROM dedicated_options "
                       "WHERE as_of = '2026-06-30' AND cost_basis = 'rent'") == [(385, 394, True)]


def test_ttft_growth_counts_only_what_was_measured_by_the_date(speed):
    assert rows(speed, "SELECT as_of::VARCHAR, bucket, prompt_tokens, ttft_s, growth, buckets FROM ttft_growth "
                       "WHERE provider = 'lab' AND as_of IN ('2025-05-31', '2025-06-30') ORDER BY as_of, low_tokens") == [
        ("2025-05-31", "1k-8k", 1000.0, 0.9, 1.0, 1),  # the March 2024 measurement alone
        ("2025-06-30", "1k-8k", 1000.0, pytest.approx(0.7), 1.0, 3),  # 0.9, 0.5 and 0.7
        ("2025-06-30", "32k-64k", 55000.0, pytest.approx(2.5), pytest.approx(2.5 / 0.7), 3),
        ("2025-06-30", "768k-1M", 900000.0, 20.0, pytest.approx(20 / 0.7), 3),
    ]
