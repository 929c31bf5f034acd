"""Issue 21, points 1 and 2, on fixtures a reader can check on paper.

Point 1: a model is priced only from the day it is dated (model_dates.dated_from): its release date,
unless its id carries a date more than 31 days later (then the id's date, and release_date_conflicts
lists it); a model no catalogue dates counts from its first dated evidence, and with none is never
priced. Point 2: a price recorded under a moving alias goes to the snapshot the alias pointed to
the day it was recorded (warehouse/identity/alias_history.csv), not to one snapshot for all time,
and not to the next snapshot either: a catalogue that has recorded nothing since the alias moved
has said nothing of the new snapshot's price."""

from __future__ import annotations

import pytest

from tests.conftest import rows, write
from tests.unit.metrics.conftest import ingest_litellm
from warehouse.ingest import ingest



def price(location, model: str, as_of: str, token_type: str = "input", provider: str = "google"):
    found = rows(location, "SELECT usd_per_mtok FROM price_as_of WHERE model = ? AND provider = ? "
                           "AND token_type = ? AND as_of = ?", [model, provider, token_type, as_of])
    return found[0][0] if found else None


@pytest.fixture(scope="module")
def gemini(new_warehouse, tmp_path_factory):
    """Two Gemini 1.5 Flash snapshots and LiteLLM's record of Google's prices: the moving name
    gemini/gemini-1.5-flash at $0.35/$1.05 from 30 June 2024, cut to $0.075/$0.30 on 13 October;
    the snapshot's own key gemini/gemini-1.5-flash-001 at $0.075/$0.30 from 13 October. The alias
    pointed at 001 until 24 September 2024, at 002 from then (alias_history.csv)."""
    root = tmp_path_factory.mktemp("gemini")
    location = new_warehouse(root / "warehouse")
    ingest(location, "models", write(root / "models.csv", """
model,creator,display_name,release_date
gemini-1.5-flash-001,google,Gemini 1.5 Flash 001,2024-05-23
gemini-1.5-flash-002,google,Gemini 1.5 Flash 002,2024-09-24
"""))
    ingest_litellm(location, root / "litellm", """
gemini/gemini-1.5-flash,gemini,chat,c1,2024-06-30,added,3.5e-07,1.05e-06,,,
gemini/gemini-1.5-flash,gemini,chat,c2,2024-10-13,price_change,7.5e-08,3e-07,,,
gemini/gemini-1.5-flash-001,gemini,chat,c2,2024-10-13,added,7.5e-08,3e-07,,,
other/keeps-history-open,other,chat,c3,2025-01-31,added,1e-06,2e-06,,,
""", """
gemini/gemini-1.5-flash,gemini,chat,,https://ai.google.dev/pricing
gemini/gemini-1.5-flash-001,gemini,chat,,https://ai.google.dev/pricing
""")
    return location


def test_a_price_under_a_moving_alias_goes_to_the_snapshot_it_named_that_day(gemini):
    # 30 June 2024: the alias is 001, at the price recorded that day.
    assert (price(gemini, "gemini-1.5-flash-001", "2024-06-30"),
            price(gemini, "gemini-1.5-flash-001", "2024-06-30", "output")) == (0.35, 1.05)
    # 31 August: still 001; 002 is not released and nothing prices it.
    assert price(gemini, "gemini-1.5-flash-001", "2024-08-31") == 0.35
    assert price(gemini, "gemini-1.5-flash-002", "2024-08-31") is None
    # 30 September: the alias moved to 002 on 24 September. The record of 30 June was 001's price
    # (and stale by then: Google cut it in August); LiteLLM recorded nothing for the alias after
    # the move until 13 October, so it says nothing of 002 that day. 001's own key is recorded
    # from 13 October only, so 001 has no price that day either.
    assert price(gemini, "gemini-1.5-flash-002", "2024-09-30") is None
    assert price(gemini, "gemini-1.5-flash-001", "2024-09-30") is None
    # 31 October: the cut of 13 October, recorded after the move, for both: 002 through the alias,
    # 001 through its own key.
    assert price(gemini, "gemini-1.5-flash-002", "2024-10-31") == 0.075
    assert price(gemini, "gemini-1.5-flash-001", "2024-10-31") == 0.075


def test_the_resolutions_say_which_snapshot_each_alias_row_went_to(gemini):
    found = rows(gemini, """SELECT model, resolved_by, rows FROM name_resolutions
                            WHERE raw_name = 'gemini/gemini-1.5-flash' ORDER BY model""")
    # Two token types: 001 gets the first record up to the move (24 Sep), 002 the second (recorded
    # 13 Oct, after the move) up to 002's shutdown (29 Sep 2025, when the history ends); the first
    # record's days from the move to 13 Oct, and the second's after the shutdown, are listed, not loaded.
    assert found == [("gemini-1.5-flash-001", "alias by date", 2), ("gemini-1.5-flash-002", "alias by date", 2),
                     (None, "alias moved after the record", 4)]
    ((first_day, last_day),) = rows(gemini, """SELECT DISTINCT CAST(valid_from AS VARCHAR), CAST(valid_to AS VARCHAR)
                                              FROM prices WHERE model = 'gemini-1.5-flash-001'
                                                AND usd_per_mtok IN (0.35, 1.05)""")
    assert (first_day, last_day) == ("2024-06-30", "2024-09-24")  # cut where the alias moved on


@pytest.fixture(scope="module")
def dated(new_warehouse, tmp_path_factory):
    """big-2512: a catalogue dates it 1 November 2024, its id says December 2025. orbit-9: no date,
    an undated list price (given from 2023-01-01, the placeholder start) and the same price recorded
    by a catalogue on 10 March 2025. ghost-1: no date, an undated price only."""
    root = tmp_path_factory.mktemp("dated")
    location = new_warehouse(root / "warehouse")
    ingest(location, "models", write(root / "models.csv", """
model,creator,display_name,release_date
big-2512,lab,Big 3,2024-11-01
orbit-9,lab,Orbit 9,
ghost-1,lab,Ghost 1,
"""))
    ingest(location, "prices", write(root / "prices.csv", """
model,provider,token_type,usd_per_mtok,valid_from,valid_to,source,date_basis
big-2512,lab,input,2,2024-11-01,,https://lab.example/pricing,effective
orbit-9,lab,input,4,2023-01-01,,https://lab.example/pricing,undated
orbit-9,lab,input,4,2025-03-10,,https://catalogue.example,recorded
ghost-1,lab,input,1,2023-01-01,,https://lab.example/pricing,undated
"""))
    return location


def test_no_price_before_the_date_an_id_carries(dated):
    assert price(dated, "big-2512", "2025-11-30", provider="lab") is None
    assert price(dated, "big-2512", "2025-12-31", provider="lab") == 2
    ((problem, id_date),) = rows(dated, "SELECT problem, CAST(id_date AS VARCHAR) FROM release_date_conflicts "
                                        "WHERE model = 'big-2512'")
    assert id_date == "2025-12-01" and "its id carries a later date (2025-12-01, to the month)" in problem


def test_an_undated_model_is_priced_from_its_first_dated_evidence_and_never_without_one(dated):
    assert price(dated, "orbit-9", "2025-02-28", provider="lab") is None
    assert price(dated, "orbit-9", "2025-03-31", provider="lab") == 4
    assert rows(dated, "SELECT count(*) FROM price_as_of WHERE model = 'ghost-1'") == [(0,)]
    assert rows(dated, "SELECT model, CAST(dated_from AS VARCHAR), dated_by FROM model_dates ORDER BY model") == [
        ("big-2512", "2025-12-01", "id date (the release date held is earlier)"),
        ("ghost-1", None, None),
        ("orbit-9", "2025-03-10", "first evidence: dated price")]


def test_an_alias_speaks_for_its_snapshot_after_the_snapshots_own_records_end(new_warehouse, tmp_path):
    """LiteLLM records gemini/gemini-1.5-flash at $0.35 from 1 June to 1 September 2024, and the
    snapshot's own key only from 17 June to 1 July: the alias's record stands for 001 before 17 June
    and again from 1 July, when the key's record ends (not only before it)."""
    location = new_warehouse(tmp_path / "warehouse")
    ingest(location, "models", write(tmp_path / "models.csv", "model,creator,display_name,release_date\n"
                                                              "gemini-1.5-flash-001,google,Gemini 1.5 Flash 001,2024-05-23\n"))
    ingest_litellm(location, tmp_path / "litellm", """
gemini/gemini-1.5-flash,gemini,chat,c1,2024-06-01,added,3.5e-07,1.05e-06,,,
gemini/gemini-1.5-flash-001,gemini,chat,c2,2024-06-17,added,3.5e-07,1.05e-06,,,
gemini/gemini-1.5-flash-001,gemini,chat,c3,2024-07-01,removed,,,,,
gemini/gemini-1.5-flash,gemini,chat,c4,2024-09-01,removed,,,,,
other/keeps-history-open,other,chat,c5,2025-01-31,added,1e-06,2e-06,,,
""", "gemini/gemini-1.5-flash,gemini,chat,,https://ai.google.dev/pricing\n")
    assert rows(location, """SELECT CAST(valid_from AS VARCHAR), CAST(valid_to AS VARCHAR) FROM prices
                             WHERE model = 'gemini-1.5-flash-001' AND token_type = 'input' ORDER BY valid_from""") == [
        ("2024-06-01", "2024-06-17"), ("2024-06-17", "2024-07-01"), ("2024-07-01", "2024-09-01")]


def test_the_days_a_dated_alias_named_no_snapshot_are_listed_not_dropped(new_warehouse, tmp_path):
    """LiteLLM records gpt-4o at $5/$15 from 1 January 2024, months before gpt-4o existed (13 May):
    a record made on a day the alias named no snapshot is no snapshot's price (its date cannot be
    right), so none of it goes to gpt-4o-2024-05-13; it is listed as 'alias outside its history' in
    the resolutions, not silently dropped."""
    location = new_warehouse(tmp_path / "warehouse")
    ingest(location, "models", write(tmp_path / "models.csv", "model,creator,display_name,release_date\n"
                                                              "gpt-4o-2024-05-13,openai,GPT-4o,2024-05-13\n"))
    ingest_litellm(location, tmp_path / "litellm", """
gpt-4o,openai,chat,c1,2024-01-01,added,5e-06,1.5e-05,,,
gpt-4o,openai,chat,c2,2024-06-01,removed,,,,,
other/keeps-history-open,other,chat,c3,2025-01-31,added,1e-06,2e-06,,,
""", "gpt-4o,openai,chat,,https://openai.com/api/pricing\n")
    assert rows(location, "SELECT count(*) FROM prices WHERE model = 'gpt-4o-2024-05-13'") == [(0,)]
    assert rows(location, """SELECT model, resolved_by, rows FROM name_resolutions WHERE raw_name = 'gpt-4o'
                             ORDER BY resolved_by""") == [(None, "alias outside its history", 2)]
