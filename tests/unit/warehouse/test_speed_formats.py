"""The speed formats (performance, systems, throughput): good files land whole in their tables, in
one snapshot; each plausibility rule names the line, the column, the value and the range; a row
already in the warehouse is refused; an empty value in a key matches an empty one."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.conftest import FIXTURES, latest_snapshot, rows, scalar, write
from warehouse.errors import ValidationFailed
from warehouse.ingest import ingest

SPEED = FIXTURES / "speed"
PERFORMANCE = SPEED / "performance_deepseek_v3_at_two_providers.csv"
SYSTEMS = SPEED / "systems_8x_h100_rented_and_owned.csv"
THROUGHPUT = SPEED / "throughput_llama_405b_on_8x_h100_two_scenarios.csv"
PERF_HEADER = PERFORMANCE.read_text().splitlines()[0] + "\n"
GOOD_PERF = "deepseek-v3,deepseek,,2025-03-07,,1000,500,1,,median,21.5,1.8,25.0,40,house,,\n"
SYSTEMS_HEADER = SYSTEMS.read_text().splitlines()[0] + "\n"
GOOD_SYSTEM = "1x-h100-sxm-80gb,,h100-sxm-80gb,1,rent,2.69,2025-11-16,gpu-price-tracker,\n"
THROUGHPUT_HEADER = THROUGHPUT.read_text().splitlines()[0] + "\n"
GOOD_THROUGHPUT = "deepseek-v3,8x-h200-sxm-141gb,2025-09-09,server,,,,5000,,,,,house,,\n"


def test_a_performance_file_lands_whole_in_one_snapshot(known):
    before = latest_snapshot(known)
    result = ingest(known, "performance", PERFORMANCE)
    assert result.rows_accepted == 4
    assert latest_snapshot(known) == before + 1
    assert rows(known, "SELECT provider, statistic, region, output_tokens_per_s, ttft_s, e2e_s, requests "
                       "FROM performance_measurements ORDER BY provider, statistic, region NULLS LAST") == [
        ("deepseek", "median", "us-east-1", 21.5, 1.8, 25.0, 40),
        ("deepseek", "p95", "us-east-1", 9.0, 6.1, 61.0, 40),
        ("togetherai", "median", "us-east-1", 58.0, 0.6, 9.2, 40),
        ("togetherai", "median", None, 55.0, 0.7, 9.9, 12),
    ]
    # Providers and endpoints are registered as prices register them.
    assert rows(known, "SELECT provider, first_party FROM endpoints WHERE model = 'deepseek-v3' ORDER BY 1") == \
        [("deepseek", True), ("togetherai", False)]


def test_systems_and_throughput_land_whole(known):
    ingest(known, "systems", SYSTEMS)
    ingest(known, "throughput", THROUGHPUT)
    assert rows(known, "SELECT cost_basis, usd_per_hour, accelerator_count FROM systems ORDER BY 1") == \
        [("owner", 9.40, 8), ("rent", 21.52, 8)]
    assert rows(known, "SELECT scenario, output_tokens_per_s, ttft_limit_s FROM throughput_measurements "
                       "ORDER BY 1") == [("offline", 550.0, None), ("server", 300.0, 6.0)]


@dataclass(frozen=True)
class Case:
    kind: str
    text: str
    column: str
    value: str
    expected: str


CASES = {
    "output speed above the plausible range": Case(
        "performance", PERF_HEADER + GOOD_PERF.replace(",21.5,", ",250000,"), "output_tokens_per_s",
        "'250000'", "expected a number above 0 and at most 100,000 tokens a second"),
    "an infinite output speed": Case(
        "performance", PERF_HEADER + GOOD_PERF.replace(",21.5,", ",inf,"), "output_tokens_per_s",
        "'inf'", "expected a finite number (not NaN, not infinity)"),
    "a time to first token of zero": Case(
        "performance", PERF_HEADER + GOOD_PERF.replace(",1.8,", ",0,"), "ttft_s", "'0'",
        "expected a number above 0 and at most 3,600 seconds"),
    "a time to first token of two hours": Case(
        "performance", PERF_HEADER + GOOD_PERF.replace(",1.8,25.0,", ",7200,9000,"), "ttft_s", "'7200'",
        "expected a number above 0 and at most 3,600 seconds"),
    "a date before 2020": Case(
        "performance", PERF_HEADER + GOOD_PERF.replace("2025-03-07", "2019-12-31"), "measured_at",
        "'2019-12-31'", "expected a date from 2020-01-01 to 2100-12-31"),
    "a statistic nobody defines": Case(
        "performance", PERF_HEADER + GOOD_PERF.replace(",median,", ",typical,"), "statistic", "'typical'",
        "expected one of median, mean, p5"),
    "no figure at all": Case(
        "performance", PERF_HEADER + GOOD_PERF.replace(",21.5,1.8,25.0,", ",,,,"), "output_tokens_per_s",
        "an empty value", "expected at least one of output_tokens_per_s, ttft_s, e2e_s"),
    "first token after the last": Case(
        "performance", PERF_HEADER + GOOD_PERF.replace(",1.8,25.0,", ",3.0,2.0,"), "ttft_s", "'3.0'",
        "expected at most e2e_s (2.0)"),
    "a period that ends before it starts": Case(
        "performance", PERF_HEADER + GOOD_PERF.replace("2025-03-07,,", "2025-03-07,2025-03-09,"),
        "measured_from", "'2025-03-09'", "expected a date on or before measured_at (2025-03-07)"),
    "zero requests": Case(
        "performance", PERF_HEADER + GOOD_PERF.replace(",40,house", ",0,house"), "requests", "'0'",
        "expected a number at least 1"),
    "a rent of zero": Case(
        "systems", SYSTEMS_HEADER + GOOD_SYSTEM.replace(",2.69,", ",0,"), "usd_per_hour", "'0'",
        "expected a number above 0 and at most 100,000 US dollars an hour"),
    "a cost basis that is neither rent nor owner": Case(
        "systems", SYSTEMS_HEADER + GOOD_SYSTEM.replace(",rent,", ",lease,"), "cost_basis", "'lease'",
        "expected one of rent, owner"),
    "no accelerators": Case(
        "systems", SYSTEMS_HEADER + GOOD_SYSTEM.replace(",h100-sxm-80gb,1,", ",h100-sxm-80gb,0,"),
        "accelerator_count", "'0'", "expected a number at least 1"),
    "a system throughput beyond any rack": Case(
        "throughput", THROUGHPUT_HEADER + GOOD_THROUGHPUT.replace(",5000,", ",1e9,"), "output_tokens_per_s",
        "'1e9'", "expected a number above 0 and at most 100,000,000 tokens a second"),
    "a throughput of an unknown model": Case(
        "throughput", THROUGHPUT_HEADER + GOOD_THROUGHPUT.replace("deepseek-v3", "deepseek-v9"), "model",
        "'deepseek-v9'", "expected a model already in the warehouse"),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_rule_names_line_column_value_and_range(known, tmp_path, case: Case):
    path = write(tmp_path / f"{case.kind}.csv", case.text)
    before = latest_snapshot(known)
    with pytest.raises(ValidationFailed) as failed:
        ingest(known, case.kind, path)
    matching = [line for line in failed.value.lines()
                if line.startswith(f"{case.kind}.csv, line 2, column '{case.column}': ")]
    assert matching, "\n".join(failed.value.lines())
    assert f"got {case.value};" in matching[0]
    assert case.expected in matching[0]
    assert latest_snapshot(known) == before


def test_a_repeated_key_with_an_empty_region_is_a_duplicate(known, tmp_path):
    path = write(tmp_path / "performance.csv", PERF_HEADER + GOOD_PERF + GOOD_PERF.replace(",21.5,", ",22.0,"))
    with pytest.raises(ValidationFailed) as failed:
        ingest(known, "performance", path)
    (line,) = failed.value.lines()
    assert line.startswith("performance.csv, line 3, column 'model, provider, endpoint, source")
    assert "this repeats line 2" in line


def test_a_measurement_already_loaded_is_refused_with_its_batch(known, tmp_path):
    first = ingest(known, "performance", write(tmp_path / "first.csv", PERF_HEADER + GOOD_PERF))
    again = write(tmp_path / "again.csv", PERF_HEADER + GOOD_PERF.replace(",21.5,", ",23.0,"))
    with pytest.raises(ValidationFailed) as failed:
        ingest(known, "performance", again)
    (line,) = failed.value.lines()
    assert line.startswith("again.csv, line 2, column 'measured_at': got '2025-03-07';")
    assert f"was loaded in batch {first.batch_id}" in line
    assert scalar(known, "SELECT count(*) FROM performance_measurements") == 1


@pytest.mark.parametrize("kind, text, column", [
    ("systems", SYSTEMS_HEADER + GOOD_SYSTEM, "priced_at"),
    ("throughput", THROUGHPUT_HEADER + GOOD_THROUGHPUT, "measured_at"),
])
def test_a_cost_or_throughput_already_loaded_is_refused(known, tmp_path, kind, text, column):
    ingest(known, kind, write(tmp_path / "first.csv", text))
    with pytest.raises(ValidationFailed) as failed:
        ingest(known, kind, write(tmp_path / "again.csv", text + "\n"))
    (line,) = failed.value.lines()
    assert f"column '{column}'" in line and "was" in line and "in batch" in line

