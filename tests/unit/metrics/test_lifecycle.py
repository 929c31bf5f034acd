"""Model lifecycles: which models are on sale on each as-of date, and how that enters the current
views (cost to run, the Pareto frontier) and the history ones (the smile's arms)."""

from __future__ import annotations

from datetime import date

from tests.conftest import rows, write
from warehouse.ingest import ingest


def status(location, model: str, as_of: str) -> tuple:
    (found,) = rows(location, """SELECT status, deprecated_on, shutdown_on, replacement, origin
                                 FROM model_lifecycle WHERE model = ? AND as_of = ?""", [model, as_of])
    return found


def test_a_retired_model_leaves_the_current_rows_on_its_shutdown_date(lifecycles):
    # thinker-1 was shut down on 2026-08-31, a month end.
    costed = dict(rows(lifecycles, """SELECT as_of, count(*) FROM cost_to_run WHERE model = 'thinker-1'
                                      AND total_usd IS NOT NULL GROUP BY as_of"""))
    assert date(2026, 7, 31) in costed
    assert [d for d in costed if d >= date(2026, 8, 31)] == []
    frontier = rows(lifecycles, "SELECT DISTINCT as_of FROM pareto_frontier WHERE model = 'thinker-1' ORDER BY 1")
    assert frontier == [(date(2026, 7, 31),)]


def test_the_history_keeps_a_retired_model_for_the_months_it_was_sold(lifecycles):
    meeting = dict(rows(lifecycles, """SELECT as_of, models_meeting FROM price_of_intelligence
                                       WHERE threshold = 'half-e1' AND scores_as_of = '2026-09-30'"""))
    # alpha-1, beta-1 and thinker-1 meet the threshold; thinker-1 is counted until its shutdown.
    assert meeting[date(2025, 7, 31)] == 3
    assert meeting[date(2026, 7, 31)] == 3
    assert meeting[date(2026, 8, 31)] == 2


def test_a_deprecation_shows_from_its_announcement_and_a_reseller_retires_nothing(lifecycles):
    # beta-1: Bedrock retired its copy on 2026-07-01; lab-b announced on 2026-10-10 a shutdown on 2026-12-15.
    assert status(lifecycles, "beta-1", "2026-09-30") == ("active", None, None, None, None)
    assert status(lifecycles, "beta-1", "2026-10-31") == \
        ("deprecated", date(2026, 10, 10), date(2026, 12, 15), "beta-2", "model-deprecations")


def test_a_shutdown_on_the_creators_page_is_announced_by_the_day_the_notice_was_first_seen(lifecycles):
    # meta's page gives llama-x only its shutdown (31 Dec 2026; its 'deprecation date' is that day too), and the
    # notice was on it from 15 Aug 2026: deprecated from then, not 'active' up to its last day.
    assert status(lifecycles, "llama-x", "2026-07-31") == ("active", None, None, None, None)
    assert status(lifecycles, "llama-x", "2026-08-31") == \
        ("deprecated", date(2026, 8, 15), date(2026, 12, 31), "llama-y", "deprecations-rss")
    assert rows(lifecycles, """SELECT buyable, why FROM model_buyable WHERE model = 'llama-x' AND as_of = '2026-09-30'""") == [
        (True, "on sale, deprecated by its creator, which shuts it down on 31 Dec 2026")]


def test_a_stated_date_outranks_a_catalogue_that_only_saw_the_model_retired(lifecycles):
    # modeldeprecations.dev lists alpha-1 as retired without a date (last verified 2026-11-01); the
    # vendor's notice, read by deprecations-rss, shut it down on 2026-10-20.
    assert status(lifecycles, "alpha-1", "2026-09-30")[0] == "active"
    assert status(lifecycles, "alpha-1", "2026-10-31") == \
        ("retired", None, date(2026, 10, 20), "alpha-2", "deprecations-rss")


def test_a_house_correction_decides(lifecycles, tmp_path):
    ingest(lifecycles, "lifecycle", write(tmp_path / "corrections.csv", (
        "model,provider,deprecated_on,shutdown_on,replacement,source,date_basis,note\n"
        "thinker-1,lab-a,2026-06-01,2026-09-30,thinker-2,https://lab-a.example/notice,stated,the lab extended it\n")))
    assert status(lifecycles, "thinker-1", "2026-08-31") == \
        ("deprecated", date(2026, 6, 1), date(2026, 9, 30), "thinker-2", "house")
    assert status(lifecycles, "thinker-1", "2026-09-30")[0] == "retired"
    assert rows(lifecycles, """SELECT count(*) FROM cost_to_run WHERE model = 'thinker-1'
                               AND as_of = '2026-08-31'""") == [(1,)]


def test_a_snapshot_named_by_a_record_shares_it(lifecycles):
    # The record of thinker-1 lists the alias thinker-1-latest; both names resolve to one model,
    # which gets the record once.
    assert rows(lifecycles, """SELECT count(*) FROM model_lifecycles WHERE model = 'thinker-1'
                               AND origin = 'model-deprecations'""") == [(1,)]


def test_a_record_without_dates_is_refused_by_the_native_format(lifecycles, tmp_path):
    import pytest

    from warehouse.errors import ValidationFailed

    with pytest.raises(ValidationFailed) as raised:
        ingest(lifecycles, "lifecycle", write(tmp_path / "bad.csv", (
            "model,provider,deprecated_on,shutdown_on,replacement,source\n"
            "beta-1,lab-b,,,,https://lab-b.example\n"
            "beta-1,lab-c,2026-10-01,2026-09-01,,https://lab-c.example\n")))
    lines = raised.value.lines()
    assert "bad.csv, line 2, column 'shutdown_on'" in lines[0] and "a deprecation or shutdown date" in lines[0]
    assert "bad.csv, line 3, column 'shutdown_on'" in lines[1] and "on or after deprecated_on" in lines[1]


def test_a_replacement_is_named_by_the_model_it_names_and_never_by_a_model_of_another_date(new_warehouse, tmp_path):
    """A vendor names a replacement as it writes it ('lab-code-25-08'); the house prints the model that is: the
    model of that id, or of the labs' way of writing its date (lab-code-2508). Without its date the name could be
    another model (lab-code, of January 2025): that one is not taken, and the replacement stays as written."""
    location = new_warehouse(tmp_path / "warehouse")
    ingest(location, "models", write(tmp_path / "models.csv", """model,creator,display_name,release_date
old-1,lab,Old 1,2024-01-10
old-2,lab,Old 2,2024-02-10
old-3,lab,Old 3,2024-03-10
lab-code,lab,Lab Code,2025-01-14
lab-code-2604,lab,Lab Code 26.04,2026-04-20
lab-medium-2505,lab,Lab Medium 3,2025-05-07
"""))
    ingest(location, "lifecycle", write(tmp_path / "lifecycle.csv", """model,provider,deprecated_on,shutdown_on,replacement,source
old-1,lab,2026-01-05,2026-06-30,lab-code-26-04,https://lab.example/deprecations
old-2,lab,2026-01-05,2026-06-30,lab-code-25-08,https://lab.example/deprecations
old-3,lab,2026-01-05,2026-06-30,lab-medium-2505,https://lab.example/deprecations
"""))
    named = rows(location, """SELECT model, replacement, replacement_model, replacement_name FROM model_lifecycle
                              WHERE as_of = '2026-09-30' ORDER BY model""")
    assert [r for r in named if r[0].startswith("old")] == [
        ("old-1", "lab-code-26-04", "lab-code-2604", "Lab Code 26.04"),
        ("old-2", "lab-code-25-08", None, "lab-code-25-08"),
        ("old-3", "lab-medium-2505", "lab-medium-2505", "Lab Medium 3")]
    assert rows(location, "SELECT why FROM model_buyable WHERE model = 'old-1' AND as_of = '2026-09-30'") == [
        ("retired by its creator on 30 Jun 2026 (replacement: Lab Code 26.04)",)]
