"""Issue 21, point 1 (in part): a model without a release date is never called the newest. The
coverage line took the newest model with arg_max over (release_date, model), where a NULL date sorts
last and so won, beside the date of another model: "Qwen3-Next 80B-A3B (Thinking), released
30 Jun 2026", a model with no release date in the warehouse."""

from __future__ import annotations

from tests.conftest import FIXTURES, rows, write
from warehouse.ingest import ingest

RUNS = FIXTURES / "metrics" / "runs_two_models_two_evals_three_repeats.csv"


def test_the_newest_model_and_its_date_come_from_one_dated_row(metrics, tmp_path):
    # The paper-checkable warehouse: alpha-1 (2024-01-15), llama-x (2024-06-01), beta-1 (2025-01-15)
    # and thinker-1 (2025-06-01) complete v1. nodate-1 is added, with no release date, and alpha-1's
    # runs under its name: complete too.
    ingest(metrics, "models", write(tmp_path / "models.csv", "model,creator,display_name,release_date\n"
                                                               "nodate-1,lab-c,No Date 1,\n"))
    alpha = [line for line in RUNS.read_text().splitlines() if line.startswith("alpha-1,")]
    header = RUNS.read_text().splitlines()[0]
    ingest(metrics, "runs", write(tmp_path / "runs.csv", "\n".join(
        [header] + [line.replace("alpha-1,", "nodate-1,", 1) for line in alpha]) + "\n"))
    ((complete,),) = rows(metrics, """SELECT count(*) FROM intelligence_index
                                      WHERE version = '1' AND as_of = DATE '2026-09-30' AND complete""")
    assert complete == 5
    ((model, name, released, counted, undated),) = rows(metrics, """
        SELECT newest_model, newest_name, newest_release, models_complete, models_undated FROM coverage
        WHERE version = '1' AND as_of = DATE '2026-09-30'""")
    assert (model, name, str(released)) == ("thinker-1", "Thinker 1", "2025-06-01")
    assert (counted, undated) == (5, 1)
