"""The subscriber's workload on a cheaper alternative is priced for the same answers: at the output tokens
the alternative writes for the focus variant's (reports/common/sql/workload_alternatives.sql gives the month;
reports/common/focus.py: workload_rows lays the rows out). Where the warehouse cannot scale them, the row says
why and no month is shown, nor a saving claimed on the answer page."""

from __future__ import annotations

from reports.common import answer
from reports.common.focus import NO_PRICE, workload_rows

VOLUME = {"requests_per_month": 1_000_000, "input_tokens": 2_000, "output_tokens": 500}
FOCUS = {"model": "big-1", "effort": "high", "label": "Big 1 (high)", "index": 70.0, "ci_low": 68.0, "ci_high": 72.0,
         "alternative_model": "small-1", "alternative_effort": "default", "alternative_name": "Small 1",
         "alternative_ci_low": 66.0, "alternative_ci_high": 71.0}
ENTRY = {"model": "big-1", "name": "Big 1", "variants": [FOCUS]}
OWN = {"model": "big-1", "input_usd_per_mtok": 3.0, "output_usd_per_mtok": 15.0, "your_input_usd": 6_000.0,
       "your_output_usd": 7_500.0, "your_usd_per_month": 13_500.0}


def gathered(alternatives: dict) -> dict:
    return {"workload": VOLUME, "workload_costs": {"big-1": OWN}, "workload_alternatives": alternatives}


def test_the_alternative_is_priced_at_the_output_tokens_it_writes_and_its_saving_is_against_that_month():
    scaled = {"input_usd_per_mtok": 0.2, "output_usd_per_mtok": 1.0, "output_tokens": 1_500.0, "output_ratio": 3.0,
              "your_input_usd": 400.0, "your_output_usd": 1_500.0, "your_usd_per_month": 1_900.0}
    focus, alternative = workload_rows([ENTRY], gathered({("big-1", "high", "small-1", "default"): scaled}))
    assert (focus["label"], focus["output_tokens"], focus["output_ratio"]) == ("Big 1 (high)", 500, None)
    assert (alternative["output_tokens"], alternative["output_ratio"]) == (1_500.0, 3.0)
    assert alternative["saving_usd_per_month"] == 13_500.0 - 1_900.0 and alternative["no_month"] is None
    (said,) = [a.sentence for a in answer.yours([ENTRY | {"retiring": None}], [focus, alternative])]
    assert "$1,900 a month instead of $13,500" in said and "at 1,500 output tokens a request for your 500" in said


def test_without_output_tokens_to_scale_by_the_alternative_has_no_month_and_no_saving_is_claimed():
    focus, alternative = workload_rows([ENTRY], gathered({("big-1", "high", "small-1", "default"): {
        "input_usd_per_mtok": 0.2, "output_usd_per_mtok": 1.0, "output_tokens": None, "your_usd_per_month": None}}))
    assert alternative["your_usd_per_month"] is None and alternative["saving_usd_per_month"] is None
    assert alternative["no_month"] == "no output tokens of both on the index to scale yours by"
    assert focus["no_month"] is None
    assert not [a for a in answer.yours([ENTRY | {"retiring": None}], [focus, alternative]) if a.kind == answer.WORKLOAD]


def test_an_alternative_with_no_price_that_day_says_so():
    (_, alternative) = workload_rows([ENTRY], gathered({("big-1", "high", "small-1", "default"): {
        "output_tokens": 1_500.0, "output_ratio": 3.0, "your_usd_per_month": None}}))
    assert alternative["no_month"] == NO_PRICE and alternative["saving_usd_per_month"] is None
