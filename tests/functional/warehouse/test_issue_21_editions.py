"""Issue 21, point 7, stated over the demo warehouse: a framework's change between editions is
computed on the indicators both editions share, or not shown, and the page says which. Before, an
FMTI change was one edition's total less the previous one's, across the 2025 change of indicator
set (IBM +31, Mistral -37 from 2024-05 to 2025-12, on 11 shared indicators of 100)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from tests.conftest import rows
from tests.functional.reports.readback import html_text, pack_findings, table_rows

FMTI_NEW_SET = "2025-12"  # SOURCE.md: the indicator set changed in 2025; comparable within an edition only


def indicators(location) -> dict[tuple[str, str], dict[str, float]]:
    """(creator, edition) -> {indicator name, case and spacing aside: score}, from the table."""
    found = defaultdict(dict)
    for creator, edition, indicator, score in rows(location, """
            SELECT creator, edition, indicator, score FROM developer_assessments WHERE framework = 'fmti'"""):
        key = " ".join(indicator.split()).lower()
        assert key not in found[creator, edition], (creator, edition, indicator)  # one score per name
        found[creator, edition][key] = score
    return found


def test_every_change_is_on_the_indicators_both_editions_share_or_not_shown(demo_warehouse):
    scores = indicators(demo_warehouse)
    compared = rows(demo_warehouse, """
        SELECT DISTINCT creator, previous_edition, edition, shared_indicators, previous_shared_score, shared_score,
               change, change_basis
        FROM developer_transparency WHERE previous_edition IS NOT NULL""")
    shown = [r for r in compared if r[6] is not None]
    assert shown and len(shown) < len(compared)  # the demo has both kinds
    for creator, previous, edition, shared_count, before, after, change, basis in compared:
        old, new = scores[creator, previous], scores[creator, edition]
        shared = old.keys() & new.keys()
        assert shared_count == len(shared)
        if 2 * len(shared) >= max(len(old), len(new)):
            assert before == pytest.approx(100 * sum(old[i] for i in shared) / len(shared))
            assert after == pytest.approx(100 * sum(new[i] for i in shared) / len(shared))
            assert change == pytest.approx(after - before)
            assert basis == f"on the {len(shared)} indicators both editions share"
        else:
            assert (before, after, change) == (None, None, None)
            assert basis == f"not comparable: the editions share {len(shared)} of {max(len(old), len(new))} indicators"
    # The source's own word: no change is shown into the edition with the new indicator set.
    assert {r[2] for r in shown} and FMTI_NEW_SET not in {r[2] for r in shown}


def test_the_openness_report_says_which_change_it_shows(rendered, demo_warehouse):
    files, _ = rendered("openness-index", "globex-health")  # rendered for test_reports too: once a session
    developers = rows(demo_warehouse, """
        SELECT creator, developer, edition, previous_edition, change, change_basis FROM developer_transparency
        WHERE as_of = DATE '2026-09-30' ORDER BY total DESC, developer""")
    text = html_text(files["html"])
    cells = {r[0]: r[-1] for r in table_rows(files["pptx"], "Developer transparency (FMTI)")[1:]}
    for _, developer, edition, previous, change, basis in developers:
        if change is not None:
            assert f"{change:+.0f} since {previous}" in text and cells.get(developer, f"{change:+.0f}") == f"{change:+.0f}"
            assert f"{previous} to {edition}, {basis}" in text
        elif previous is not None:
            assert f"not comparable with {previous}" in text and cells.get(developer, "not comparable") == "not comparable"
            assert f"{previous} to {edition}, {basis}" in text
    # The first page's sentence on a focus model's developer: neither has a change to show.
    (said,) = [f for f in pack_findings(files["xlsx"]) if f.startswith("Developer transparency: ")]
    finding = said.removeprefix("Developer transparency: ").split(".", 1)[0]
    creator, _, edition, previous, _, _ = next(d for d in developers if finding.startswith(f"{d[1]} "))
    assert creator in ("openai", "google")
    assert f"{edition} edition; no change since {previous} is shown" in finding


def test_developers_are_ranked_only_within_their_edition(rendered, demo_warehouse):
    """Totals of two FMTI editions are not like for like (the 2025 edition shares 11 of its 100 indicators
    with 2024's): the table lists each edition's developers together, the latest edition first, the highest
    total first within one, and never ranks a 2024 total among 2025 ones."""
    files, _ = rendered("openness-index", "globex-health")
    latest = rows(demo_warehouse, "SELECT developer, edition, total FROM developer_transparency "
                                  "WHERE as_of = DATE '2026-09-30'")
    expected = [d for d, _, _ in sorted(latest, key=lambda r: (tuple(-ord(c) for c in r[1]), -r[2], r[0]))]
    assert len({e for _, e, _ in latest}) >= 2  # developers of several editions, to be kept apart
    shown = [r[0] for r in table_rows(files["pptx"], "Developer transparency (FMTI)")[1:]]
    assert shown == expected[:len(shown)]
    text = html_text(files["html"])
    for edition in sorted({e for _, e, _ in latest}, reverse=True)[1:]:
        assert f"{edition} edition: developers not assessed in a later one" in text
