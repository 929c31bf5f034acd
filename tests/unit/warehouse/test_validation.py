"""Every validation rule: its message names the file, the line, the column, the value found and
what was expected; and a file with any bad row loads nothing."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.conftest import FIXTURES, latest_snapshot, scalar, write
from warehouse.errors import FileFormatError, ValidationFailed
from warehouse.ingest import ingest

RUNS_HEADER = ("model,effort,provider,evaluation,repeat,task_id,score,input_tokens,"
               "cached_input_tokens,cache_write_tokens,reasoning_tokens,answer_tokens,turns,solved,"
               "latency_s,started_at,account\n")
GOOD_RUN = "gpt-4o-2024-08-06,,openai,gpqa-diamond,1,q1,1,1000,0,0,0,300,1,true,3.2,2026-01-05T10:00:00Z,anonymous\n"
PRICES_HEADER = "model,provider,token_type,usd_per_mtok,valid_from,valid_to,source\n"
OPENNESS_HEADER = "model,framework,component,level,evidence_url,assessed_at\n"


@dataclass(frozen=True)
class Case:
    kind: str
    text: str
    line: int
    column: str
    value: str
    expected: str


CASES = {
    "score of the wrong type": Case(
        "runs", RUNS_HEADER + GOOD_RUN.replace(",q1,1,", ",q1,high,"), 2, "score", "'high'",
        "expected a number"),
    "score above 1": Case(
        "runs", RUNS_HEADER + GOOD_RUN.replace(",q1,1,", ",q1,1.7,"), 2, "score", "'1.7'",
        "expected a number between 0 and 1"),
    "negative tokens": Case(
        "runs", RUNS_HEADER + GOOD_RUN.replace(",1000,0,0,0,300,", ",1000,-5,0,0,300,"), 2,
        "cached_input_tokens", "'-5'", "expected a number of 0 or more"),
    "fractional token count": Case(
        "runs", RUNS_HEADER + GOOD_RUN.replace(",1000,0,", ",1000.5,0,"), 2, "input_tokens",
        "'1000.5'", "expected a whole number"),
    "unknown effort": Case(
        "runs", RUNS_HEADER + GOOD_RUN.replace(",,openai,", ",ultra,openai,"), 2, "effort", "'ultra'",
        "expected one of default, none, minimal, low, medium, high, xhigh, max"),
    "bad timestamp": Case(
        "runs", RUNS_HEADER + GOOD_RUN.replace("2026-01-05T10:00:00Z", "yesterday"), 2, "started_at",
        "'yesterday'", "expected a timestamp"),
    "missing required value": Case(
        "runs", RUNS_HEADER + GOOD_RUN.replace(",q1,", ",,"), 2, "task_id", "an empty value",
        "expected a value: this column is required"),
    "unknown model, with a suggestion": Case(
        "runs", RUNS_HEADER + GOOD_RUN.replace("gpt-4o-2024-08-06", "gpt-4o-2024-08-6"), 2, "model",
        "'gpt-4o-2024-08-6'", "did you mean 'gpt-4o-2024-08-06'?"),
    "unknown evaluation": Case(
        "runs", RUNS_HEADER + GOOD_RUN.replace("gpqa-diamond", "gpqa"), 2, "evaluation", "'gpqa'",
        "expected an evaluation already in the warehouse (did you mean 'gpqa-diamond'?)"),
    "duplicate task row": Case(
        "runs", RUNS_HEADER + GOOD_RUN + GOOD_RUN, 3,
        "model, effort, provider, evaluation, repeat, task_id",
        "'gpt-4o-2024-08-06, default, openai, gpqa-diamond, 1, q1'", "this repeats line 2"),
    "run settings that disagree": Case(
        "runs", RUNS_HEADER + GOOD_RUN + GOOD_RUN.replace(",q1,", ",q2,").replace("anonymous", "lab_supplied"),
        3, "account", "'lab_supplied'", "expected the same account on every row of the run"),
    "negative price": Case(
        "prices", PRICES_HEADER + "deepseek-v3,deepseek,input,-0.27,2025-02-09,,https://x\n", 2,
        "usd_per_mtok", "'-0.27'", "expected a number of 0 or more"),
    "valid_to not after valid_from": Case(
        "prices", PRICES_HEADER + "deepseek-v3,deepseek,input,0.27,2025-02-09,2025-02-09,https://x\n", 2,
        "valid_to", "'2025-02-09'", "expected a date after valid_from (2025-02-09)"),
    "price periods overlapping in the file": Case(
        "prices", PRICES_HEADER + "deepseek-v3,deepseek,input,0.27,2025-01-01,2025-06-01,https://x\n"
        "deepseek-v3,deepseek,input,0.30,2025-03-01,2025-09-01,https://x\n", 3, "valid_from",
        "'2025-03-01'", "overlaps line 2 (valid from 2025-01-01 to 2025-06-01)"),
    "token type not known": Case(
        "prices", PRICES_HEADER + "deepseek-v3,deepseek,thinking,1,2025-01-01,,https://x\n", 2,
        "token_type", "'thinking'", "expected one of input, cached_input, cache_write, output, reasoning"),
    "house openness level out of range": Case(
        "openness", OPENNESS_HEADER + "deepseek-v3,openness-index,weights_access,4,https://x,2026-09-30\n",
        2, "level", "'4'", "expected 0, 1, 2 or 3 under openness-index"),
    "house openness component not known": Case(
        "openness", OPENNESS_HEADER + "deepseek-v3,openness-index,weights,3,https://x,2026-09-30\n",
        2, "component", "'weights'", "expected one of weights_access, weights_licence"),
    "evidence that is not a URL": Case(
        "openness", OPENNESS_HEADER + "deepseek-v3,eosai,model_weights,open,see paper,2026-09-30\n",
        2, "evidence_url", "'see paper'", "expected a URL starting with http:// or https://"),
    "model id that is not a slug": Case(
        "models", "model,creator,display_name\nGPT 4o,openai,GPT-4o\n", 2, "model", "'GPT 4o'",
        "expected a lowercase slug"),
    "active parameters above total": Case(
        "models", "model,creator,display_name,params_total_b,params_active_b\nm,lab,M,10,20\n", 2,
        "params_active_b", "'20'", "expected at most params_total_b (10.0)"),
    "impossible date": Case(
        "models", "model,creator,display_name,release_date\nm,lab,M,2024-13-01\n", 2, "release_date",
        "'2024-13-01'", "expected a date like 2025-03-01"),
    "a region in no geography": Case(
        "regions", "model,provider,region,geography\ngpt-4o-2024-08-06,azure,eu,emea\n", 2, "geography", "'emea'",
        "expected one of us, us-gov, canada, south-america, europe, middle-east, africa, asia-pacific, global"),
    "unknown scoring": Case(
        "evaluations", "evaluation,name,category,kind,n_tasks,scoring\ne,E,reasoning,single_turn,10,f1\n",
        2, "scoring", "'f1'", "expected one of accuracy, partial, elo"),
    "zero tasks": Case(
        "evaluations", "evaluation,name,category,kind,n_tasks,scoring\ne,E,reasoning,single_turn,0,accuracy\n",
        2, "n_tasks", "'0'", "expected a whole number above 0"),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_rule_names_file_line_column_value_and_expectation(known, tmp_path, case: Case):
    path = write(tmp_path / f"{case.kind}.csv", case.text)
    before = latest_snapshot(known)
    with pytest.raises(ValidationFailed) as failed:
        ingest(known, case.kind, path)
    matching = [line for line in failed.value.lines()
                if line.startswith(f"{case.kind}.csv, line {case.line}, column '{case.column}': ")]
    assert matching, "\n".join(failed.value.lines())
    assert f"got {case.value};" in matching[0]
    assert case.expected in matching[0]
    assert latest_snapshot(known) == before


def test_a_run_already_loaded_is_refused_with_its_batch(known, tmp_path):
    ingest(known, "runs", write(tmp_path / "first.csv", RUNS_HEADER + GOOD_RUN))
    again = write(tmp_path / "again.csv", RUNS_HEADER + GOOD_RUN.replace(",q1,", ",q9,"))
    with pytest.raises(ValidationFailed) as failed:
        ingest(known, "runs", again)
    (line,) = failed.value.lines()
    assert line.startswith("again.csv, line 2, column 'repeat': got '1';")
    assert "was loaded in batch 3; give a new pass the next repeat number" in line


def test_a_price_overlapping_one_in_the_warehouse_is_refused(known, tmp_path):
    ingest(known, "prices", write(tmp_path / "first.csv", PRICES_HEADER +
                                  "deepseek-v3,deepseek,input,0.27,2025-01-01,2025-12-01,https://x\n"))
    clash = write(tmp_path / "clash.csv", PRICES_HEADER +
                  "deepseek-v3,deepseek,input,0.30,2025-06-01,,https://x\n")
    with pytest.raises(ValidationFailed) as failed:
        ingest(known, "prices", clash)
    (line,) = failed.value.lines()
    assert "column 'valid_from': got '2025-06-01'" in line
    assert "overlaps the price in the warehouse from batch 3 (valid from 2025-01-01 to 2025-12-01)" in line


def test_one_bad_row_among_good_ones_loads_nothing(known):
    text = (FIXTURES / "runs_two_variants.csv").read_text().replace(",t2,1,", ",t2,7,")
    path = write(known.local_dir.parent / "runs.csv", text)
    before = latest_snapshot(known)
    with pytest.raises(ValidationFailed) as failed:
        ingest(known, "runs", path)
    assert failed.value.bad_rows == 1 and failed.value.total_rows == 6
    assert latest_snapshot(known) == before
    assert scalar(known, "SELECT count(*) FROM task_results") == 0
    assert scalar(known, "SELECT count(*) FROM eval_runs") == 0
    assert scalar(known, "SELECT count(*) FROM ingest_batches WHERE kind = 'runs'") == 0


def test_every_bad_row_is_listed(known, tmp_path):
    bad = "".join(GOOD_RUN.replace(",q1,1,", f",q{i},{i + 2},") for i in range(30))
    with pytest.raises(ValidationFailed) as failed:
        ingest(known, "runs", write(tmp_path / "runs.csv", RUNS_HEADER + bad))
    listed = {line.split(",")[1] for line in failed.value.lines()}
    assert listed == {f" line {i + 2}" for i in range(30)}


@pytest.mark.parametrize("header, message", [
    ("model,creator,display_name,colour", "unexpected column 'colour' for the models format."),
    ("model,creater,display_name", "unexpected column 'creater' for the models format. Did you mean 'creator'?"),
    ("model,display_name", "missing required column 'creator' for the models format."),
])
def test_columns_are_checked_before_any_row(known, tmp_path, header, message):
    path = write(tmp_path / "models.csv", header + "\n" + ",".join(["x"] * header.count(",")) + ",x\n")
    with pytest.raises(FileFormatError, match=message.replace("(", r"\(").replace("?", r"\?")):
        ingest(known, "models", path)


def test_an_unreadable_file_is_named(known, tmp_path):
    path = write(tmp_path / "models.parquet", "this is not parquet")
    with pytest.raises(FileFormatError, match=r"models\.parquet: cannot be read as parquet"):
        ingest(known, "models", path)


def test_a_file_of_unknown_type_is_refused_with_the_known_suffixes(known, tmp_path):
    path = write(tmp_path / "models.xlsx", "x")
    with pytest.raises(FileFormatError, match=r"cannot tell the format from the name; use a file ending in \.csv"):
        ingest(known, "models", path)
