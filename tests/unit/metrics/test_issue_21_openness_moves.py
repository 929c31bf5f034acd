"""Issue 21, point 7, for the Openness Index: a quarter's move is an openness change only when both
scores rest on the same basis (the same source, and for each component the same criteria), taken on
the components both share; a change of basis is reported as such, never ranked as the largest move.
Before, openness_change compared any two scores: a score derived from EOSAI against the house's own
assessment read as a move.

The assessments below, on paper (levels 0-3, score = raw / 18 x 100), as of 30 June and 30 September 2026:

- thinker-1: EOSAI only in June (weights open 3, licences partial 2, data sources 1, paper and model
  card 2, training code closed 0: raw 8, 44.44); the house assesses it in September at 3, 2, 2, 0, 2, 1:
  raw 10, 55.56. Another source: not an openness change, though 11.11 points apart.
- llama-x: the house in May at 3, 1, 0, 0, 2, 0 (raw 6, 33.33); in September it re-assesses the weights
  licence at 3: raw 8, 44.44. The same six components the same way: an openness change of +11.11.
- alpha-1: EOSAI in June on weights (open, 3), licences (closed, 0) and paper (open, 3): raw 6, 33.33.
  In September EOSAI's licences read open (3), its model card partial (methodology, from paper and
  model card, (3 + 1.5) / 2 rounded half up = 2) and its base-model data sources closed (data access, 0):
  raw 8, 44.44. Shared, on the same criteria: weights access and weights licence, 3 + 0 -> 3 + 3, so
  the openness change is +3 / 18 x 100 = +16.67; methodology (other criteria) and data access (new)
  are rebased, listed apart.
- beta-1: EOSAI in June on weights only (open, 3): 16.67; in September its paper (open, 3): 33.33. Only
  a component assessed anew moved the score: coverage, not an openness change, though the score's
  +16.67 is the largest of the four.
"""

from __future__ import annotations

import pytest

from reports.openness_index.report import _findings
from tests.conftest import rows, write
from warehouse.ingest import ingest

HEADER = "model,framework,component,level,evidence_url,assessed_at\n"
COMPONENTS = ("weights_access", "weights_licence", "data_access", "data_licence", "methodology", "training_code")
QUARTER = "DATE '2026-09-30'"


def house(model: str, levels: dict[str, int], day: str) -> str:
    return "".join(f"{model},openness-index,{c},{level},https://example.org/{model},{day}\n" for c, level in levels.items())


def eosai(model: str, criteria: dict[str, str], day: str) -> str:
    return "".join(f"{model},eosai,{c},{v},https://osai-index.eu/,{day}\n" for c, v in criteria.items())


ASSESSMENTS = HEADER + "".join([
    eosai("thinker-1", {"weights_endmodel": "open", "licenses": "partial", "datasources_basemodel": "closed",
                        "datasources_endmodel": "partial", "paper": "open", "modelcard": "partial",
                        "trainingcode": "closed"}, "2026-06-12"),
    house("thinker-1", dict(zip(COMPONENTS, (3, 2, 2, 0, 2, 1))), "2026-09-15"),
    house("llama-x", dict(zip(COMPONENTS, (3, 1, 0, 0, 2, 0))), "2026-05-10"),
    house("llama-x", {"weights_licence": 3}, "2026-09-15"),
    eosai("alpha-1", {"weights_endmodel": "open", "licenses": "closed", "paper": "open"}, "2026-06-10"),
    eosai("alpha-1", {"licenses": "open", "modelcard": "partial", "datasources_basemodel": "closed"}, "2026-09-10"),
    eosai("beta-1", {"weights_endmodel": "open"}, "2026-06-10"),
    eosai("beta-1", {"paper": "open"}, "2026-09-10"),
])


@pytest.fixture
def moves(metrics, tmp_path):
    ingest(metrics, "openness", write(tmp_path / "openness.csv", ASSESSMENTS))
    return metrics


def quarter(location) -> dict[str, dict]:
    found = rows(location, f"""
        SELECT model, kind, score_before, score_after, change, shared_components, basis, moved, rebased
        FROM openness_change WHERE as_of = {QUARTER} AND previous_as_of = DATE '2026-06-30'""")
    names = ("kind", "score_before", "score_after", "change", "shared_components", "basis", "moved", "rebased")
    return {model: dict(zip(names, rest)) for model, *rest in found}


def test_a_score_derived_from_eosai_then_assessed_by_the_house_is_a_change_of_source(moves):
    thinker = quarter(moves)["thinker-1"]
    assert (thinker["score_before"], thinker["score_after"]) == (44.44, 55.56)
    assert (thinker["kind"], thinker["change"], thinker["moved"]) == ("source", None, [])
    assert thinker["basis"] == "now assessed by the house: 55.6, was 44.4 derived from eosai"


def test_a_house_score_that_really_moved_is_an_openness_change(moves):
    llama = quarter(moves)["llama-x"]
    assert (llama["kind"], llama["shared_components"]) == ("openness", 6)
    assert llama["change"] == pytest.approx(llama["score_after"] - llama["score_before"]) == pytest.approx(200 / 18, abs=0.01)
    assert llama["moved"] == [{"component": "Weights licence", "before": 1, "after": 3}]
    assert llama["rebased"] == []
    assert llama["basis"] == "house assessment, on the 6 components assessed the same way both times"


def test_a_partial_overlap_is_compared_on_the_components_both_scores_rest_on(moves):
    alpha = quarter(moves)["alpha-1"]
    assert (alpha["score_before"], alpha["score_after"]) == (33.33, 44.44)
    assert (alpha["kind"], alpha["shared_components"]) == ("openness", 2)
    assert alpha["change"] == pytest.approx(300 / 18, abs=0.01)  # not 44.44 - 33.33
    assert alpha["moved"] == [{"component": "Weights licence", "before": 0, "after": 3}]
    assert alpha["rebased"] == [{"component": "Data access", "before": None, "after": 0},
                                {"component": "Methodology disclosure", "before": 3, "after": 2}]


def test_a_score_moved_only_by_a_component_assessed_anew_is_not_an_openness_change(moves):
    beta = quarter(moves)["beta-1"]
    assert (beta["score_before"], beta["score_after"]) == (16.67, 33.33)
    assert (beta["kind"], beta["change"], beta["moved"]) == ("coverage", None, [])
    assert beta["rebased"] == [{"component": "Methodology disclosure", "before": None, "after": 3}]


def test_the_findings_rank_only_openness_changes_and_name_the_changes_of_basis(moves):
    changes = [{**c, "focus": False} for c in rows_as_dicts(moves)]
    found = _findings([], {}, changes, [], [])
    moved = next(f for f in found if "largest move" in f)
    assert moved.startswith("2 models changed openness this quarter")
    assert "the largest move: Alpha 1, +16.7 points" in moved  # beta-1's +16.67 is coverage, not openness
    basis = next(f for f in found if "not openness" in f)
    assert "Thinker 1 now assessed by the house: 55.6, was 44.4 derived from eosai" in basis
    assert "Beta 1" in basis


def rows_as_dicts(location) -> list[dict]:
    from reports.handle import ReadHandle, window
    from reports.window import Period

    handle = ReadHandle(location, window(location, Period.parse("2026Q3")))
    try:
        return handle.rows("openness_change", version="1")
    finally:
        handle.close()
