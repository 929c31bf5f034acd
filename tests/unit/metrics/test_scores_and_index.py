"""intelligence_index on the paper-checkable fixture: completeness and immutable versions (the
intervals and ranks are in test_scores_and_index_clustered.py)."""

from __future__ import annotations

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
