"""speed_as_of, provider_frontier, ttft_by_prompt_length, serving_cost and deployment_break_even on
the paper-checkable speed fixture (tests/fixtures/speed): one model, open-70b, at six providers; a
system 8x-test-gpu rented at 36 USD an hour (after 40) and owned at 12; its throughput."""

from __future__ import annotations

import pytest

from tests.conftest import rows


def one(location, query: str, params: list):
    found = rows(location, query, params)
    assert len(found) == 1, found
    return found[0]


def speed_on(location, as_of: str, provider: str, statistic: str = "median"):
    return one(location, "SELECT measured_at, age_days, stale, output_tokens_per_s, ttft_s, e2e_s, requests, "
                         "measurements, regions FROM speed_as_of WHERE as_of = ? AND model = 'open-70b' "
                         "AND provider = ? AND statistic = ?", [as_of, provider, statistic])


def test_two_regions_on_the_latest_day_give_the_median_and_add_their_requests(speed):
    measured, age, stale, tps, ttft, e2e, requests, measurements, regions = speed_on(speed, "2025-06-30", "lab")
    assert (str(measured), age, stale) == ("2025-06-20", 10, False)
    assert (tps, ttft, e2e) == (pytest.approx((100 + 120) / 2), pytest.approx((0.5 + 0.7) / 2),
                                pytest.approx((2.5 + 2.4) / 2))
    assert (requests, measurements, regions) == (30 + 20, 2, "eu, us")


def test_long_prompts_stay_out_of_the_speed_of_a_provider(speed):
    # The lab's 50k-900k-token measurements share the day; its TTFT there is 2 s and more.
    assert speed_on(speed, "2025-06-30", "lab")[4] == pytest.approx(0.6)
    assert rows(speed, "SELECT * FROM speed_as_of WHERE statistic = 'p95'") == []


@pytest.mark.parametrize("as_of, age, stale", [
    ("2024-03-31", 21, False),
    ("2025-02-28", 355, False),   # 2024-03-10 + 365 days is 2025-03-10
    ("2025-03-31", 386, True),
    ("2025-05-31", 447, True),
])
def test_a_measurement_older_than_a_year_is_stale(speed, as_of, age, stale):
    measured, found_age, found_stale, tps, *_ = speed_on(speed, as_of, "lab")
    assert (str(measured), found_age, found_stale, tps) == ("2024-03-10", age, stale, 80)


def test_nothing_is_known_before_the_first_measurement(speed):
    assert rows(speed, "SELECT * FROM speed_as_of WHERE as_of < '2024-03-10'") == []


FRONTIER = ("SELECT provider, blended_usd_per_mtok, output_tokens_per_s, statistic, on_frontier FROM provider_frontier "
            "WHERE as_of = ? AND model = 'open-70b' ORDER BY provider")


def test_the_price_speed_frontier_across_providers(speed):
    # blended = (3 x input + output) / 4: lab and laggard (1 + 3 x ... ) -> (3 x 1 + 3) / 4 = 1.5,
    # fast and slowpoke (3 x 2 + 6) / 4 = 3.0. lab (1.5, 110) and fast (3.0, 200) are on it;
    # slowpoke (3.0, 150) is beaten by fast, laggard (1.5, 50) by lab; unpriced has no price and
    # free only a zero one (a free preview, not a price): neither can be placed.
    assert rows(speed, FRONTIER, ["2025-06-30"]) == [
        ("fast", 3.0, 200.0, "median", True),
        ("free", None, 300.0, "median", None),
        ("lab", 1.5, 110.0, "median", True),
        ("laggard", 1.5, 50.0, "mean", False),
        ("slowpoke", 3.0, 150.0, "median", False),
        ("unpriced", None, 500.0, "median", None),
    ]


def test_the_frontier_carries_the_age_of_each_speed(speed):
    assert rows(speed, "SELECT provider, age_days, stale, on_frontier FROM provider_frontier "
                       "WHERE as_of = '2025-05-31'") == [("lab", 447, True, True)]


def test_ttft_by_prompt_length_takes_the_median_of_each_bucket(speed):
    assert rows(speed, "SELECT bucket, min_prompt_tokens, max_prompt_tokens, ttft_s, ttft_low_s, ttft_high_s, "
                       "requests, measurements FROM ttft_by_prompt_length WHERE provider = 'lab' "
                       "ORDER BY low_tokens") == [
        ("1k-8k", 1000, 1000, pytest.approx(0.7), 0.5, 0.9, 80, 3),  # 2024 (0.9) and 2025 (0.5, 0.7)
        ("32k-64k", 50000, 60000, pytest.approx(2.5), 2.0, 3.0, 16, 2),  # the p95 of 9 s is not a median
        ("768k-1M", 900000, 900000, 20.0, 20.0, 20.0, 4, 1),
    ]


def test_serving_cost_is_rent_over_tokens_an_hour(speed):
    # The latest day's results are 1800, 2000, 2600: median 2000 tokens a second, 7.2 M an hour.
    # Rent 36 USD an hour (the June rent, not January's 40): 36 / 7.2 = 5 USD per million; owned
    # at 12 USD an hour: 12 / 7.2.
    assert rows(speed, "SELECT cost_basis, usd_per_hour, output_tokens_per_s, best_output_tokens_per_s, results, "
                       "output_tokens_per_hour, usd_per_mtok_output, stream_tokens_per_s, api_comparable "
                       "FROM serving_cost ORDER BY cost_basis") == [
        ("owner", 12.0, 2000.0, 2600.0, 3, 7_200_000.0, pytest.approx(12 / 7.2), pytest.approx(1 / 0.05), True),
        ("rent", 36.0, 2000.0, 2600.0, 3, 7_200_000.0, pytest.approx(5.0), pytest.approx(1 / 0.05), True),
    ]


@pytest.mark.parametrize("provider, cost_basis, price, break_even, utilisation", [
    ("lab", "rent", 3.0, 36 * 730 / 3.0, 5.0 / 3.0),   # 8,760 M tokens a month: more than it can make
    ("fast", "rent", 6.0, 36 * 730 / 6.0, 5.0 / 6.0),  # 4,380 M: 83% of its 5,256 M
    ("lab", "owner", 3.0, 12 * 730 / 3.0, (12 / 7.2) / 3.0),
])
def test_break_even_volume_by_hand(speed, provider, cost_basis, price, break_even, utilisation):
    found = one(speed, "SELECT provider_output_usd_per_mtok, usd_per_month, break_even_mtok_per_month, "
                       "capacity_mtok_per_month, break_even_utilisation FROM deployment_break_even "
                       "WHERE as_of = '2025-06-30' AND provider = ? AND cost_basis = ?", [provider, cost_basis])
    rent = 36.0 if cost_basis == "rent" else 12.0
    assert found == (price, pytest.approx(rent * 730), pytest.approx(break_even),
                     pytest.approx(2000 * 3600 * 730 / 1e6), pytest.approx(utilisation))


def test_a_free_provider_has_no_break_even(speed):
    assert rows(speed, "SELECT DISTINCT provider FROM deployment_break_even ORDER BY 1") == \
        [("fast",), ("lab",), ("laggard",), ("slowpoke",)]
