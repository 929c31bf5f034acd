"""The private views on the paper-checkable tenant: every figure worked out by hand.

tickets: 5 questions, 2 repeats. Question means (over the two repeats) and their arithmetic:
  alpha-1          1, 1, 1, 1, .5   mean .9  sd² (4×.01 + .16)/4 = .05    se √(.05/5) = .1
  thinker-1 high   1, 1, .5, .5, 0  mean .6  sd² .70/4 = .175              se √(.175/5) = .187083
  alpha-1 high     as thinker-1 high
  llama-x          1, .5, .5, 0, 0  mean .4  sd² .70/4 = .175              se .187083
  beta-1           0 everywhere: no spread, a Wilson interval over 5 questions, high = 1.96²/(5 + 1.96²)
t975 with 4 degrees of freedom is 2.776445. Bounds are clamped to [0, 100].
Prices as of 2026-09-30 (USD per million): alpha-1 5 / 20 (input fell from 10 on 2026-08-15),
thinker-1 2 / 8, beta-1 1 / 2, llama-x the provider median 2 / 2; cached input and cache writes
fall back to the input price, reasoning to the output price.
"""

from __future__ import annotations

import pytest

from tests.unit.private.conftest import view
from warehouse import tenant_ingest, tenants

AS_OF = "2026-09-30"
T4 = 2.776445  # t975 at 4 degrees of freedom, from a table to six decimals


def by_variant(rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["model"], r["effort"]): r for r in rows}


def test_scores_have_a_95_interval_clustered_by_question(private):
    s = by_variant(view(private, "SELECT * FROM private_scores WHERE evaluation = 'tickets'"))
    assert s["alpha-1", "default"]["score"] == pytest.approx(90)
    assert s["alpha-1", "default"]["ci_low"] == pytest.approx(100 * (0.9 - T4 * 0.1))
    assert s["alpha-1", "default"]["ci_high"] == 100  # 0.9 + 0.27764, clamped
    assert s["thinker-1", "high"]["ci_low"] == pytest.approx(100 * (0.6 - T4 * 0.187083), abs=1e-3)
    assert s["llama-x", "default"]["ci_low"] == 0  # 0.4 - 0.5194, clamped
    assert s["llama-x", "default"]["ci_high"] == pytest.approx(100 * (0.4 + T4 * 0.187083), abs=1e-3)
    assert "clustered by question" in s["thinker-1", "high"]["ci_method"]
    assert {r["n_questions"] for r in s.values()} == {5}


def test_a_candidate_that_fails_every_question_gets_a_wilson_interval_not_a_point(private):
    beta = by_variant(view(private, "SELECT * FROM private_scores WHERE evaluation = 'tickets'"))["beta-1", "default"]
    assert (beta["score"], beta["ci_low"]) == (0, 0)
    assert beta["ci_high"] == pytest.approx(100 * 1.96 ** 2 / (5 + 1.96 ** 2))  # 43.45
    assert beta["ci_method"].startswith("Wilson")


def test_overlapping_intervals_share_a_rank(private):
    s = by_variant(view(private, "SELECT * FROM private_scores WHERE evaluation = 'tickets'"))
    # Only alpha-1's interval (from 62.2) lies wholly above beta-1's (to 43.4); all others overlap.
    assert {k: r["rank"] for k, r in s.items()} == {
        ("alpha-1", "default"): 1, ("alpha-1", "high"): 1, ("thinker-1", "high"): 1, ("llama-x", "default"): 1,
        ("beta-1", "default"): 2}


def test_pass_hat_k_tokens_and_turns_per_task(private):
    s = view(private, "SELECT * FROM private_scores")
    tickets = by_variant([r for r in s if r["evaluation"] == "tickets"])
    assert {k: r["pass_hat_k"] for k, r in tickets.items()} == {
        ("alpha-1", "default"): 80, ("alpha-1", "high"): 40, ("thinker-1", "high"): 40, ("llama-x", "default"): 20,
        ("beta-1", "default"): 0}
    assert tickets["thinker-1", "high"]["tokens_per_task"] == 1000 + 400 + 50
    contracts = next(r for r in s if r["evaluation"] == "contracts")
    assert (contracts["k"], contracts["turns_per_task"]) == (2, (2 + 4 + 3 + 3) / 4)
    assert contracts["tokens_per_task"] == 3000 + 1000 + 500 + 800 + 200
    assert contracts["pass_hat_k"] == 50  # C-1 solved both times, C-2 once


def test_cost_per_task_and_per_solved_task_at_the_as_of_prices(private):
    c = {(r["model"], r["effort"], r["evaluation"]): r for r in view(
        private, "SELECT * FROM private_task_costs WHERE as_of = ?", [AS_OF])}
    thinker = c["thinker-1", "high", "tickets"]
    assert thinker["cost_per_task"] == pytest.approx((1000 * 2 + 400 * 8 + 50 * 8) / 1e6)  # $0.0056
    assert thinker["cost_per_solved_task"] == pytest.approx(10 * 0.0056 / 6)  # 6 of 10 attempts solved
    agent = c["thinker-1", "high", "contracts"]  # cached input and cache writes at the input price
    assert agent["cost_per_task"] == pytest.approx((3000 * 2 + 1000 * 2 + 500 * 2 + 800 * 8 + 200 * 8) / 1e6)
    assert agent["cost_per_solved_task"] == pytest.approx(4 * 0.017 / 3)
    assert c["llama-x", "default", "tickets"]["cost_per_task"] == pytest.approx((1000 * 2 + 50 * 2) / 1e6)
    assert c["beta-1", "default", "tickets"]["cost_per_solved_task"] is None  # nothing solved


def test_the_monthly_cost_of_the_workload_by_hand(private):
    """support (stated): 100,000 requests × (1,200 input + 800 cached + 300 answer tokens);
    triage (measured on tickets): 10,000 requests × the candidate's own tokens per ticket, of every type
    (1,000 input, and its reasoning and answer tokens): requests × its cost per ticket, one basis with the
    candidates' table; the client's stated 500 input and 100 answer tokens only in stated_usd_per_month."""
    rows = view(private, "SELECT * FROM private_workload_cost WHERE as_of = ?", [AS_OF])
    cost = {(r["model"], r["effort"], r["use_case"]): r["usd_per_month"] for r in rows}
    # thinker-1: support 100,000 × (1,200 × $2 + 800 × $2 + 300 × $8) / 1e6 = 100,000 × $0.0064 = $640
    assert cost["thinker-1", "high", "support"] == pytest.approx(640)
    # triage 10,000 × (1,000 × $2 + 400 reasoning × $8 + 50 answer × $8) / 1e6 = 10,000 × $0.0056 = $56
    assert cost["thinker-1", "high", "triage"] == pytest.approx(56)
    # alpha-1: 100,000 × (1,200 × $5 + 800 × $5 + 300 × $20) / 1e6 = $1,600; 10,000 × (1,000 × $5 + 50 × $20) / 1e6 = $60
    assert (cost["alpha-1", "default", "support"], cost["alpha-1", "default", "triage"]) == pytest.approx((1600, 60))
    # beta-1: 100,000 × (1,200 + 800 + 300 × 2) / 1e6 = $260; 10,000 × (1,000 + 50 × 2) / 1e6 = $11
    assert (cost["beta-1", "default", "support"], cost["beta-1", "default", "triage"]) == pytest.approx((260, 11))
    # at the stated tokens, triage is 10,000 × (500 × $2 + 100 × $8) / 1e6 = $18 for thinker-1; support the same
    stated = {(r["model"], r["effort"], r["use_case"]): r["stated_usd_per_month"] for r in rows}
    assert (stated["thinker-1", "high", "triage"], stated["thinker-1", "high", "support"]) == pytest.approx((18, 640))
    basis = {r["use_case"]: r["token_basis"] for r in rows}
    assert basis == {"support": "stated", "triage": "measured on tickets"}
    totals = {(r["model"], r["effort"]): r["usd_per_month"] for r in view(
        private, "SELECT * FROM private_monthly_cost WHERE as_of = ?", [AS_OF])}
    assert totals == pytest.approx({("thinker-1", "high"): 696, ("alpha-1", "default"): 1660, ("alpha-1", "high"): 1660,
                                    ("beta-1", "default"): 271, ("llama-x", "default"): 481})
    # Two months earlier alpha-1's input cost $10: 100,000 × 26,000 / 1e6 + 10,000 × 11,000 / 1e6 = $2,710
    july = view(private, "SELECT usd_per_month FROM private_monthly_cost WHERE as_of = DATE '2026-07-31' "
                         "AND model = 'alpha-1' AND effort = 'default'")
    assert july[0]["usd_per_month"] == pytest.approx(2710)


def test_the_choice_pareto_set_and_the_cheapest_of_the_best(private):
    rows = by_variant(view(private, "SELECT * FROM private_candidates WHERE as_of = ? AND evaluation = 'tickets'", [AS_OF]))
    # alpha-1 high scores what thinker-1 high scores (60) for $1,635 against $686 a month: dominated.
    assert {k for k, r in rows.items() if not r["on_pareto"]} == {("alpha-1", "high")}
    # Rank 1 is shared by four; the cheapest of them is llama-x at $471 a month.
    assert [k for k, r in rows.items() if r["cheapest_of_the_best"]] == [("llama-x", "default")]
    assert rows["thinker-1", "high"]["notes"] == "lab-a EU region"
    # The public warehouse's model_lifecycle knows thinker-1, released and never deprecated: active.
    assert rows["thinker-1", "high"]["lifecycle"] == "active"
    assert rows["thinker-1", "high"]["choice_basis"] == "projected monthly cost of the workload"


def test_the_comparison_with_the_public_index_ranks_the_same_candidates_both_ways(private):
    compared = view(private, "SELECT * FROM private_vs_public WHERE evaluation = 'tickets' AND as_of = ?", [AS_OF])
    assert {r["model"] for r in compared} == {"alpha-1", "beta-1", "llama-x", "thinker-1"}
    private_order = [r["model"] for r in sorted(compared, key=lambda r: r["private_position"])]
    public_order = [r["model"] for r in sorted(compared, key=lambda r: r["public_position"])]
    assert private_order == ["alpha-1", "thinker-1", "llama-x", "beta-1"]
    assert public_order == [r["model"] for r in sorted(compared, key=lambda r: -r["index"])]
    assert all(r["compared"] == 4 for r in compared)


def test_failure_examples_and_who_else_solved_them(private):
    failures = {(r["model"], r["task_id"]): r for r in view(
        private, "SELECT * FROM private_failures WHERE evaluation = 'tickets'")}
    assert {t for m, t in failures if m == "beta-1"} == {"T-1", "T-2", "T-3", "T-4", "T-5"}
    assert failures["beta-1", "T-5"]["solved_by_others"] == 1  # alpha-1, once
    assert failures["beta-1", "T-4"]["solved_by_others"] == 3
    assert ("alpha-1", "T-1") not in failures


def test_sample_sizes_say_what_the_scores_can_tell_apart(private):
    tickets = view(private, "SELECT * FROM private_samples WHERE evaluation = 'tickets'")[0]
    assert (tickets["candidates"], tickets["questions_max"], tickets["repeats_min"]) == (5, 5, 2)
    # half-widths: alpha-1 (100 - 62.2) / 2 = 18.9, beta-1 21.7, and (100 - 8.06) / 2 = 46.0 for thinker-1
    # high, alpha-1 high and (91.9 - 0) / 2 for llama-x: the median is 46.0
    assert tickets["median_half_width"] == pytest.approx((100 - 100 * (0.6 - T4 * 0.187083)) / 2, abs=1e-3)
    assert tickets["resolvable_points"] == pytest.approx(2 * tickets["median_half_width"])
    assert tickets["tied_first"] == 4


def test_a_reversal_is_named_only_where_both_sets_of_intervals_agree(private, tmp_path):
    """On a second tenant llama-x solves every question and thinker-1 high none: privately llama-x's
    Wilson interval (from 56.6) lies wholly above thinker-1's (to 43.4), but publicly thinker-1 high
    (75.0, from 31.7) and llama-x (12.5, to 51.3) overlap: no reversal. Two public variants that
    the public index does tell apart (thinker-1 low solving all eight public questions, llama-x max
    none) and the same private flip: each names the reversal. On tickets, no such pair: ranks differ
    only in resolution."""
    from tests.conftest import write
    from warehouse import tenants
    from warehouse.ingest import ingest

    header = ("model,effort,provider,evaluation,repeat,task_id,score,input_tokens,cached_input_tokens,"
              "cache_write_tokens,reasoning_tokens,answer_tokens,turns,solved,latency_s,started_at,account\n")
    ingest(private.public, "runs", write(tmp_path / "public.csv", header + "".join(
        f"{model},{effort},{provider},{e},1,t{t},{score},500,0,0,0,50,,{str(bool(score)).lower()},1.0,"
        "2026-07-01T10:00:00Z,anonymous\n"
        for model, effort, provider, score in (("thinker-1", "low", "lab-a", 1), ("llama-x", "max", "together", 0))
        for e in ("e1", "e2") for t in range(1, 5))))
    public = {(r["model"], r["effort"]): r for r in view(
        private, "SELECT * FROM bh.intelligence_index WHERE as_of = ? AND version = '1'", [AS_OF])}
    assert public["thinker-1", "low"]["ci_low"] > public["llama-x", "max"]["ci_high"]
    assert public["thinker-1", "high"]["ci_low"] < public["llama-x", "default"]["ci_high"]

    other = tenants.Tenant.of(private.public, "globex")
    tenant_ingest.ingest(other, "evaluations", write(tmp_path / "e.csv", "evaluation,name,category,kind,n_tasks,scoring\n"
                                                                   "flip,Flip,x,single_turn,5,accuracy\n"))
    rows = ["model,effort,provider,evaluation,repeat,task_id,score,account"]
    for (model, effort, provider, score) in (("llama-x", "", "together", 1), ("thinker-1", "high", "lab-a", 0),
                                             ("llama-x", "max", "together", 1), ("thinker-1", "low", "lab-a", 0)):
        rows += [f"{model},{effort},{provider},flip,1,F-{i},{score},anonymous" for i in range(5)]
    tenant_ingest.ingest(other, "runs", write(tmp_path / "r.csv", "\n".join(rows) + "\n"))
    flip = {(r["model"], r["effort"]): r for r in view(other, "SELECT * FROM private_vs_public WHERE as_of = ?", [AS_OF])}
    # Privately every llama-x variant (5 of 5, from 56.6) lies wholly above every thinker-1 variant (0 of
    # 5, to 43.4); a pair is reversed where the public index puts the thinker-1 variant wholly above.
    thinkers, llamas = [("thinker-1", "high"), ("thinker-1", "low")], [("llama-x", "default"), ("llama-x", "max")]
    for llama in llamas:
        reversed_by = [t for t in thinkers if public[t]["ci_low"] > public[llama]["ci_high"]]
        assert flip[llama]["reversals"] == len(reversed_by)
        assert flip[llama]["above_here_below_there"] == (", ".join(f"Thinker 1 ({e})" for _, e in reversed_by) or None)
    for thinker in thinkers:
        assert flip[thinker]["reversals"] == sum(public[thinker]["ci_low"] > public[x]["ci_high"] for x in llamas)
        assert flip[thinker]["above_here_below_there"] is None
    # Both cases occur: a named reversal, and a pair apart privately but not publicly, not named.
    assert flip["llama-x", "max"]["reversals"] >= 1
    assert "Thinker 1 (high)" not in (flip["llama-x", "default"]["above_here_below_there"] or "")
    tickets = view(private, "SELECT * FROM private_vs_public WHERE evaluation = 'tickets' AND as_of = ?", [AS_OF])
    assert [r["reversals"] for r in tickets] == [0, 0, 0, 0]
    assert any(r["private_rank"] != r["public_rank"] for r in tickets)


def test_every_private_view_read_through_a_tenant_handle_is_the_view_at_its_snapshot(private):
    """A private report's handle computes the public views the private ones build on once, into
    temporary tables (reports/tenant_handle.py: TenantHandle.shared_views); read through it, every private
    view gives exactly its rows read without them, at the same snapshots."""
    from reports.handle import window
    from reports.tenant_handle import TenantHandle
    from reports.window import Period
    from tests.conftest import latest_snapshot, same
    from tests.unit.metrics.test_shared_views import temporary_tables

    pinned = latest_snapshot(private.public)
    direct_con = tenants.reader(private, pinned)
    try:
        names = [n for (n,) in direct_con.execute("SELECT view_name FROM duckdb_views() WHERE view_name LIKE "
                                                  "'private_%' ORDER BY 1").fetchall()]
        direct = {n: direct_con.execute(f"SELECT * FROM {n} ORDER BY ALL").fetchall() for n in names}
    finally:
        direct_con.close()
    assert len(names) >= 10 and sum(map(bool, direct.values())) >= 8
    with TenantHandle(private, window(private.public, Period.parse("2026Q3"), pinned)) as handle:
        handle.share_views()
        assert temporary_tables(handle) == set(TenantHandle.shared_views)
        for name in names:
            assert same(handle.con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall(), direct[name]), name


def test_a_model_retired_by_the_as_of_date_is_not_priced_offered_or_on_the_pareto_set(private, tmp_path):
    """Issue 21, point 4: the private views take what is on sale from the public model_buyable, the
    one rule. llama-x (meta) is shut down by its creator on 2026-09-15: on 30 Sep its workload has no
    monthly cost ('not on sale'), it is neither on the Pareto set nor the cheapest of the best, and
    thinker-1, the next cheapest of the four sharing rank 1 ($686 against $1,635), is. In July it
    was on sale: $471 a month, as before."""
    from tests.conftest import write
    from warehouse.ingest import ingest

    ingest(private.public, "lifecycle", write(tmp_path / "retired.csv", (
        "model,provider,deprecated_on,shutdown_on,replacement,source,date_basis\n"
        "llama-x,meta,2026-06-01,2026-09-15,,https://example.com/meta/deprecations,stated\n")))
    monthly = {r["model"]: r for r in view(private, "SELECT * FROM private_monthly_cost WHERE as_of = ? AND effort = 'default'",
                                           [AS_OF])}
    assert monthly["llama-x"]["usd_per_month"] is None and monthly["beta-1"]["usd_per_month"] == pytest.approx(271)
    (note,) = {r["price_note"] for r in view(private, "SELECT price_note FROM private_workload_cost WHERE as_of = ? "
                                                       "AND model = 'llama-x'", [AS_OF])}
    assert note == "retired by its creator on 15 Sep 2026: not on sale"
    rows = by_variant(view(private, "SELECT * FROM private_candidates WHERE as_of = ? AND evaluation = 'tickets'", [AS_OF]))
    llama = rows["llama-x", "default"]
    assert (llama["lifecycle"], llama["on_pareto"], llama["cheapest_of_the_best"]) == ("retired", False, False)
    assert [k for k, r in rows.items() if r["cheapest_of_the_best"]] == [("thinker-1", "high")]
    july = view(private, "SELECT usd_per_month FROM private_monthly_cost WHERE as_of = DATE '2026-07-31' "
                         "AND model = 'llama-x'")
    assert july[0]["usd_per_month"] == pytest.approx(481)
