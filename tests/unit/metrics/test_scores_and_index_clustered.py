"""Intervals that count questions (Miller, "Adding Error Bars to Evals", 2024) and ranks that respect
them, on fixtures small enough to check by hand."""

from __future__ import annotations

from math import sqrt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import built_once, rows, write
from tests.student_t import quantile
from tests.unit.metrics.conftest import index_folder
from warehouse.connection import Location
from warehouse.ingest import ingest, ingest_indices

T_975 = {3: 3.182446}  # Student t, 95% two-sided, by degrees of freedom (a table to six decimals)
AS_OF = "2026-09-30"


def score_row(location, model, evaluation, effort="default"):
    ((found),) = rows(location, """
        SELECT score, ci_low, ci_high, ci_method, std_error, df, n_tasks, n_repeats, repeat_sd FROM eval_scores
        WHERE model = ? AND effort = ? AND evaluation = ? AND source = 'house' AND as_of = ?""",
                      [model, effort, evaluation, AS_OF])
    return found


def test_an_evaluations_interval_is_clustered_by_question_with_t_of_questions_minus_one(metrics):
    # alpha-1 on e1, three repeats of four questions: t1 1 1 1, t2 1 1 1, t3 0 1 1, t4 0 0 1.
    # Question means 1, 1, 2/3, 1/3: mean 0.75; their sample variance
    # (0.25^2 + 0.25^2 + (1/12)^2 + (5/12)^2) / 3 = 0.10185; se = sqrt(0.10185 / 4) = 0.15957.
    score, low, high, method, se, df, n_tasks, n_repeats, repeat_sd = score_row(metrics, "alpha-1", "e1")
    se_by_hand = sqrt((0.25 ** 2 + 0.25 ** 2 + (1 / 12) ** 2 + (5 / 12) ** 2) / 3 / 4)
    assert score == pytest.approx(75)
    assert se == pytest.approx(100 * se_by_hand)
    assert low == pytest.approx(75 - 100 * T_975[3] * se_by_hand, abs=1e-3)  # t within 4e-5: student_t.sql
    assert high == 100  # 75 + 50.8 lies above what a score can be
    assert (method, df, n_tasks, n_repeats) == ("clustered by question: t-interval over 4 question means, 3 repeats",
                                                3, 4, 3)
    # The spread of the repeats is kept apart: repeat means 2/4, 3/4, 4/4, sample sd 0.25.
    assert repeat_sd == pytest.approx(25)


def test_every_question_right_or_every_one_wrong_gets_a_wilson_interval_not_a_point(metrics):
    z = 1.96  # the Wilson score interval over the four questions: for p = 1, [n / (n + z^2), 1]
    score, low, high, method, *_ = score_row(metrics, "beta-1", "e1")  # every question right
    assert (score, high) == (pytest.approx(100), 100)
    assert low == pytest.approx(100 * 4 / (4 + z * z))
    assert method == "Wilson interval over 4 questions (no spread between questions), 3 repeats"
    score, low, high, method, *_ = score_row(metrics, "llama-x", "e2")  # every question wrong: [0, z^2 / (n + z^2)]
    assert (score, low) == (pytest.approx(0), 0)
    assert high == pytest.approx(100 * z * z / (4 + z * z)) and high > 0


def test_the_index_combines_the_evaluations_with_the_welch_satterthwaite_t(metrics):
    # alpha-1: e1 as above (se 15.957); e2 question means 1, 2/3, 1/3, 0: mean 0.5,
    # variance (0.25 + 1/36 + 1/36 + 0.25) / 3, se = sqrt(that / 4) = 21.517.
    se1 = 100 * sqrt((0.25 ** 2 + 0.25 ** 2 + (1 / 12) ** 2 + (5 / 12) ** 2) / 3 / 4)
    se2 = 100 * sqrt((0.25 + 1 / 36 + 1 / 36 + 0.25) / 3 / 4)
    v1, v2 = 0.25 * se1 ** 2, 0.25 * se2 ** 2
    df = (v1 + v2) ** 2 / (v1 ** 2 / 3 + v2 ** 2 / 3)  # 5.53, as computed: between t(5) 2.5706 and t(6) 2.4469
    t = quantile(0.975, df)
    assert 2.4469 < t < 2.5706
    half = t * sqrt(v1 + v2)
    ((index, low, high, found_df, se),) = rows(metrics, """
        SELECT "index", ci_low, ci_high, df, std_error FROM intelligence_index
        WHERE model = 'alpha-1' AND version = '1' AND as_of = ?""", [AS_OF])
    assert index == pytest.approx(62.5)
    assert (low, high, found_df) == (pytest.approx(62.5 - half, abs=1e-3), pytest.approx(62.5 + half, abs=1e-3),
                                     pytest.approx(df))
    assert se == pytest.approx(sqrt(v1 + v2))


def runs_csv(scores: dict[str, list[list[int]]]) -> str:
    """Task results: for each model, a list of questions, each the scores of its repeats."""
    lines = ["model,effort,provider,evaluation,repeat,task_id,score,started_at,account"]
    for model, questions in scores.items():
        for evaluation in ("e1", "e2"):
            for q, repeats in enumerate(questions):
                for r, score in enumerate(repeats, start=1):
                    lines.append(f"{model},,lab,{evaluation},{r},q{q},{score},2026-07-0{r}T10:00:00Z,anonymous")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def four_models(new_warehouse, tmp_path_factory) -> Location:
    """ace scores every one of 40 questions right on both evaluations; bee, cee and dee score about
    half, and their intervals overlap one another but none reaches ace's. Built once a run; only read."""
    def build(root: Path) -> None:
        location = new_warehouse(root / "warehouse")
        ingest(location, "models", write(root / "models.csv", "model,creator,display_name,release_date\n"
               + "".join(f"{m},lab,{m},2026-01-01\n" for m in ("ace", "bee", "cee", "dee"))))
        ingest(location, "evaluations", write(root / "evaluations.csv", (
            "evaluation,name,category,kind,n_tasks,scoring\n"
            "e1,E1,reasoning,single_turn,40,accuracy\ne2,E2,math,single_turn,40,accuracy\n")))
        half = {"bee": 20, "cee": 22, "dee": 18}
        scores = {"ace": [[1, 1]] * 40}
        scores |= {m: [[1, 1]] * right + [[0, 0]] * (40 - right) for m, right in half.items()}
        ingest(location, "runs", write(root / "runs.csv", runs_csv(scores)))
        ingest_indices(location, index_folder(root))
    return Location.resolve(str(built_once(tmp_path_factory, "four-models", build) / "warehouse"))


def test_variants_that_cannot_be_told_apart_share_a_rank(four_models):
    ranks = dict(rows(four_models, "SELECT model, rank FROM intelligence_index WHERE version = '1' AND as_of = ?",
                      [AS_OF]))
    assert ranks == {"ace": 1, "cee": 2, "bee": 2, "dee": 2}
    # The rule, read back: 1 + the number whose interval lies wholly above.
    found = rows(four_models, """SELECT model, ci_low, ci_high, rank FROM intelligence_index
                                 WHERE version = '1' AND as_of = ?""", [AS_OF])
    for model, low, high, rank in found:
        assert rank == 1 + sum(1 for _, other_low, _, _ in found if other_low > high)


@pytest.fixture(scope="module")
def two_models(new_warehouse, tmp_path_factory):
    """A warehouse knowing the models `once` and `repeated` and two 12-question evaluations, built once
    and copied for each example."""

    folder = tmp_path_factory.mktemp("two-models")
    location = new_warehouse(folder / "warehouse")
    ingest(location, "models", write(folder / "models.csv", "model,creator,display_name,release_date\n"
                                     "once,lab,Once,2026-01-01\nrepeated,lab,Repeated,2026-01-01\n"))
    ingest(location, "evaluations", write(folder / "evaluations.csv", (
        "evaluation,name,category,kind,n_tasks,scoring\n"
        "e1,E1,reasoning,single_turn,12,accuracy\ne2,E2,math,single_turn,12,accuracy\n")))
    return folder / "warehouse"


@settings(max_examples=5, deadline=None)
@given(questions=st.lists(st.lists(st.integers(0, 1), min_size=2, max_size=2), min_size=3, max_size=12)
       .filter(lambda qs: 0 < sum(map(sum, qs)) < 2 * len(qs)),
       k=st.integers(2, 3))
def test_repeating_every_questions_results_k_times_does_not_shrink_the_interval(two_models, tmp_path_factory,
                                                                                 questions, k):
    """More repeats of the same answers are not more questions: the clustered standard error, and so
    the interval, stays as it was."""
    import shutil

    from warehouse.connection import Location

    folder = tmp_path_factory.mktemp("repeated")
    shutil.copytree(two_models, folder / "warehouse")
    location = Location.resolve(str(folder / "warehouse"))
    ingest(location, "runs", write(folder / "runs.csv", runs_csv({"once": questions,
                                                                  "repeated": [q * k for q in questions]})))
    once, repeated = (score_row(location, m, "e1") for m in ("once", "repeated"))
    assert repeated[4] == pytest.approx(once[4])  # std_error
    assert repeated[2] - repeated[1] == pytest.approx(once[2] - once[1])  # interval width
