"""intelligence_index on the paper-checkable fixture: completeness and immutable versions (the
intervals and ranks are in test_scores_and_index_clustered.py)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import rows, write
from tests.unit.metrics.conftest import METRICS, index_folder
from warehouse.indices import IndexVersionChanged
from warehouse.ingest import ingest_indices


def test_a_variant_missing_an_evaluation_is_listed_incomplete_and_unranked(metrics, tmp_path):
    from warehouse.ingest import ingest

    ingest(metrics, "runs", write(tmp_path / "only_e1.csv", (
        "model,effort,provider,evaluation,repeat,task_id,score,account\n"
        "beta-1,high,lab-b,e1,1,t1,1,anonymous\n")))
    assert rows(metrics, """SELECT "index", n_evals, complete, rank FROM intelligence_index
                            WHERE model = 'beta-1' AND effort = 'high'
                              AND as_of = (SELECT max(as_of) FROM calendar)""") == [(None, 1, False, None)]


def test_a_published_version_cannot_change(metrics, tmp_path):
    folder = index_folder(tmp_path)
    changed = (METRICS / "index.yaml").read_text().replace("weight: 0.5, transform: percent}\n  - {evaluation: e2",
                                                            "weight: 0.6, transform: percent}\n  - {evaluation: e2")
    changed = changed.replace("category: math, weight: 0.5", "category: math, weight: 0.4")
    (folder / "index.yaml").write_text(changed)
    with pytest.raises(IndexVersionChanged, match="intelligence v1 was published with another definition"):
        ingest_indices(metrics, folder)


def test_a_new_version_moves_the_numbers_and_keeps_the_old_ones(metrics, tmp_path):
    folder = index_folder(tmp_path)
    (folder / "index-v2.yaml").write_text((METRICS / "index.yaml").read_text()
                                          .replace('version: "1"', 'version: "2"')
                                          .replace("weight: 0.5, transform: percent}\n  - {evaluation: e2",
                                                   "weight: 0.8, transform: percent}\n  - {evaluation: e2")
                                          .replace("category: math, weight: 0.5", "category: math, weight: 0.2"))
    assert ingest_indices(metrics, folder).rows_accepted == 1
    by_version = dict(rows(metrics, """SELECT version, "index" FROM intelligence_index
                                       WHERE model = 'alpha-1' AND as_of = '2026-09-30' ORDER BY version"""))
    assert by_version == {"1": pytest.approx(62.5), "2": pytest.approx(0.8 * 75 + 0.2 * 50)}


@pytest.mark.parametrize("problem, message", [
    ("weight: 0.5, transform: percent}\n  - {evaluation: e2", "weights must sum to 1"),
    ("evaluation: e2, category", "evaluation 'e3' is not in the warehouse"),
    ("transform: percent}\n  - {evaluation: e2", "transform 'log' is not known"),
])
def test_an_index_file_mistake_names_the_file_and_the_fix(metrics, tmp_path, problem, message):
    folder = index_folder(tmp_path)
    text = (folder / "index.yaml").read_text().replace('version: "1"', 'version: "9"')
    if "weights" in message:
        text = text.replace(problem, problem.replace("0.5", "0.7"), 1)
    elif "e3" in message:
        text = text.replace(problem, "evaluation: e3, category", 1)
    else:
        text = text.replace(problem, problem.replace("percent", "log"), 1)
    (folder / "index.yaml").write_text(text)
    with pytest.raises(Exception, match=message) as raised:
        ingest_indices(metrics, folder)
    assert "index.yaml" in str(raised.value)


def test_a_house_score_waits_for_the_protocols_repeats_and_a_later_repeat_never_moves_it(metrics, tmp_path):
    """evaluations.repeats states how many times the house runs every model on an evaluation: a variant's
    score counts its first that-many repeats, none before it has them all, so that a published index
    version's numbers never move (the demo's Claude Opus 4.8 (xhigh) read 80.0 on 30 Jun, from two of
    its three repeats, and 80.3 on 30 Sep). alpha-1 ran e1 three times in July (question means 1, 1,
    2/3, 1/3); e1's protocol is made four."""
    from warehouse.ingest import ingest

    header = "evaluation,name,category,kind,n_tasks,scoring,repeats\n"
    ingest(metrics, "evaluations", write(tmp_path / "protocol.csv", header + "e1,Evaluation one,reasoning,single_turn,4,accuracy,4\n"))

    def e1(as_of: str) -> list[tuple]:
        return rows(metrics, """SELECT s.score, s.n_repeats, CAST(s.runs_through AS DATE), i."index" IS NOT NULL, i.complete
                                FROM intelligence_index i LEFT JOIN eval_scores s
                                  ON s.as_of = i.as_of AND s.model = i.model AND s.effort = i.effort
                                 AND s.evaluation = 'e1' AND s.source = 'house'
                                WHERE i.model = 'alpha-1' AND i.version = '1' AND i.as_of = ?""", [as_of])

    assert e1("2026-07-31") == [(None, None, None, False, False)]  # three of four repeats: no score, no index

    def repeat(n: int, day: str, scores: tuple[int, ...]) -> None:
        ingest(metrics, "runs", write(tmp_path / f"repeat_{n}.csv", (
            "model,effort,provider,evaluation,repeat,task_id,score,started_at,account\n" + "".join(
                f"alpha-1,,lab-a,e1,{n},t{t},{s},{day}T10:00:00Z,anonymous\n" for t, s in enumerate(scores, 1)))))

    repeat(4, "2026-08-10", (1, 1, 1, 1))  # question means 1, 1, 3/4, 1/2
    assert e1("2026-08-31") == [(pytest.approx(81.25), 4, date(2026, 8, 10), True, True)]
    repeat(5, "2026-09-10", (0, 0, 0, 0))  # beyond the protocol: counts nowhere
    assert e1("2026-09-30") == e1("2026-08-31")
    published = rows(metrics, """SELECT as_of, "index" FROM intelligence_index WHERE model = 'alpha-1' AND version = '1'
                                 AND as_of IN ('2026-08-31', '2026-09-30') ORDER BY as_of""")
    assert published[0][1] == published[1][1] and published[0][1] is not None
