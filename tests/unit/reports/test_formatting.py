"""How a pair of prices reads in a sentence that compares them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reports.formatting import money, money_change


@settings(max_examples=200, deadline=None)
@given(st.floats(1e-4, 1e6), st.floats(1e-4, 1e6))
def test_two_different_prices_never_print_alike(before, now):
    """'from $0.035 to $0.035, fell 1%' (issue 23): printed alike only when they are equal; printed as
    money() prints them whenever that already tells them apart."""
    was, is_now = money_change(before, now)
    if money(before) != money(now):
        assert (was, is_now) == (money(before), money(now))
    elif before != now and abs(before - now) >= 1e-8 * max(before, now):
        assert was != is_now
    for printed, value in ((was, before), (is_now, now)):  # more decimals, never a rounding away from the value
        assert abs(float(printed.lstrip("$").replace(",", "")) - value) <= 0.5 * 10 ** -min(
            len(printed.partition(".")[2]), 9) + 1e-12


def test_the_demo_quarters_pair_gets_one_more_decimal():
    assert money(0.03541) == money(0.0350) == "$0.035"
    assert money_change(0.03541, 0.0350) == ("$0.0354", "$0.0350")
    assert money_change(5.0, 5.0) == ("$5.00", "$5.00")
