"""Cost to run the Intelligence Index: what intelligence costs, and why two equally smart models can
differ tenfold in tokens and price. Gathers data; draws nothing."""

from __future__ import annotations

from dataclasses import dataclass

from reports.common import focus as yours
from reports.common.answer import LEADER, MARKET, Answer, ranked, yours as yours_answered
from reports.common.context import Appendix, Meta, label, meta, shared
from reports.handle import ReadHandle
from reports.formatting import factor, money, money_change
from reports.subscriber import Subscriber
from reports.common.datapack import Column, Table, coverage

NAME = "cost-to-run"
TITLE = "Cost to run the Intelligence Index"

SHOWN = 20  # variants in the bar charts and the ranked table: the top by index, and every focus model
RANKING_SLIDE_ROWS = 14  # the first priced variants on the deck's ranking slide


@dataclass(frozen=True)
class CostToRun:
    meta: Meta
    appendix: Appendix
    index: dict
    your_models: list[dict]
    workload: list[dict]
    """Its rows: each focus model and its cheaper alternative, priced (reports/common/focus.py)."""
    workload_said: str
    """The workload the page prices, or how to add one."""
    answers: list[Answer]
    """The answer page (reports/common/answer.py)."""
    points: list[dict]
    shown: list[dict]
    not_sold: list[dict]
    """The variants every rank counts that are no longer sold (no cost to run: not in points)."""
    tiers: list[dict]
    movers: list[dict]
    best_value: dict | None
    token_spread: dict | None
    unpriced: list[dict]
    turns: list[dict]
    turns_shown: list[dict]
    turns_chart: str | None
    quarter: dict
    findings: list[str]


def gather(handle: ReadHandle, index: dict) -> dict:
    """What every subscriber's copy shares: the variants, their costs, tiers and movers."""
    version = index["version"]
    return {
        **shared(handle, index), **yours.gather(handle, index),
        "points": handle.rows("cost_points", version=version),
        "not_sold": handle.rows("ranked_not_sold", version=version),
        "tiers": handle.rows("cost_tiers", version=version),
        "movers": handle.rows("cost_movers", version=version),
        "best_value": handle.one("best_value", version=version),
        "token_spread": handle.one("token_spread", version=version),
        "turns": handle.rows("turn_efficiency"),
        "quarter": {
            "leaders": handle.rows("leaders", version=version),
            "leaders_before": handle.rows("leaders", version=version, as_of=handle.window.previous_as_of),
            "tiers_before": handle.rows("cost_tiers_before", version=version, as_of=handle.window.previous_as_of,
                                        now=handle.window.as_of),
            "prices": handle.rows("quarter_prices"),
            "lifecycle": handle.rows("quarter_lifecycle"),
            "released": handle.rows("quarter_released", version=version),
        },
    }


def fit(handle: ReadHandle, gathered: dict, subscriber: Subscriber) -> dict:
    """The subscriber's workload priced at each model's list prices (reports/common/focus.py: fit)."""
    return yours.fit(handle, gathered, subscriber)


def tailor(gathered: dict, subscriber: Subscriber) -> CostToRun:
    """Intelligence against the cost of running the index, and what drives the cost, with the
    subscriber's focus models marked."""
    focus = set(subscriber.focus_models)
    window = gathered["window"]
    points = [{**p, "label": label(p), "focus": p["model"] in focus} for p in gathered["points"]]
    priced = [p for p in points if p["total_usd"] is not None]
    # The top by rank, and every focus model (three variants each at most) wherever it ranks: cut to a
    # length in rank order, a tie at the top pushed the focus models off the table its note promises them in.
    kept = {id(p) for p in [p for p in priced if not p["focus"] and p["rank"] <= SHOWN][:SHOWN]
            + [p for p in priced if p["focus"]][: len(focus) * 3]}
    shown = [p for p in priced if id(p) in kept]
    best_value = gathered["best_value"] and {**gathered["best_value"], "label": label(gathered["best_value"])}
    index, movers = gathered["index"], gathered["movers"]
    turns = [{**t, "label": label(t), "focus": t["model"] in focus} for t in gathered["turns"]]
    counts = {}
    for t in turns:
        if t["cost_per_solved_task"] is not None and t["blended_usd_per_mtok"] is not None:
            counts[t["evaluation_name"]] = counts.get(t["evaluation_name"], 0) + 1
    your_models = yours.tailor(gathered, subscriber.focus_models)
    workload = yours.workload_rows(your_models, gathered)
    quarter = _quarter(gathered["quarter"], gathered["tiers"], focus)
    return CostToRun(
        meta=meta(gathered, subscriber, NAME, TITLE,
                  f"What intelligence costs, {window.label}"),
        appendix=gathered["appendix"], your_models=your_models,
        workload=workload, workload_said=yours.workload_said(gathered),
        answers=ranked(yours_answered(your_models, workload) + _answers(quarter, your_models, priced, window)),
        index=index, points=points, shown=shown, not_sold=[{**r, "label": label(r)} for r in gathered["not_sold"]],
        tiers=gathered["tiers"], movers=movers[:8],
        best_value=best_value, token_spread=gathered["token_spread"],
        unpriced=[p for p in points if p["total_usd"] is None],
        turns=turns, turns_shown=_cheapest_solved(turns), turns_chart=max(counts, key=counts.get) if counts else None,
        quarter=quarter,
        findings=yours.alerts(your_models) + yours.sentences(your_models)
        + ([gathered["appendix"].coverage_line] if gathered["appendix"].coverage_line else [])
        + _findings(index, priced, gathered["tiers"], best_value, gathered["token_spread"], movers, window)
        + _quarter_findings(gathered["quarter"], window),
    )


def _answers(quarter: dict, entries: list[dict], priced: list[dict], window) -> list[Answer]:
    """Besides what the subscriber's models call for: the cheapest model at the level of the subscriber's best
    focus model (or the top level), unless the subscriber limits what it would move to (the tiers are of every
    model), and the variants new at rank 1."""
    found = []
    constrained = any(e["constraints"] for e in entries)
    tiers = [] if constrained else quarter["tiers"]
    best = max((v["index"] for e in entries for v in e["variants"]), default=None)
    level = [t for t in tiers if best is not None and t["tier"] <= best] or tiers[-1:]
    if level:
        t = level[-1]
        where = "the level of your best focus model" if best is not None and t["tier"] <= best else "the top level"
        found.append(Answer(f"At {where}, an index of {t['tier']:g} or above, the cheapest to run the index is "
                            f"{t['now']['label']}, at {money(t['now']['total_usd'])}.", MARKET, 1, "quarter",
                            "This quarter against the last"))
    before = {r["model"] for r in quarter["leaders_before"]}
    shown = {p["model"] for p in priced[:RANKING_SLIDE_ROWS]}  # on the ranking's page and slide
    new = [r for r in quarter["leaders"] if r["model"] not in before]
    listed = [r for r in new if r["model"] in shown][:3]  # named with the figures its page shows
    if listed and before:
        named = ", ".join(f"{r['label']} ({r['index']:.1f})" for r in listed)
        more = len(new) - len(listed)  # a list in a sentence is whole, or says how many it leaves out
        rest = f", and {more} more" if more else ""
        found.append(Answer(f"New at rank 1 since {window.period.previous.label}: {named}{rest}.", LEADER, len(new),
                            "ranking", "The ranking"))
    return found


SOLVED_SHOWN = 3  # per evaluation on the page, the cheapest solved tasks, besides the focus models


def _cheapest_solved(turns: list[dict]) -> list[dict]:
    """The page's rows of the solved-task table: on each evaluation the SOLVED_SHOWN cheapest per solved
    task (the rows come cheapest first) and every focus model; the rest are in the data pack."""
    seen: dict[str, int] = {}
    shown = []
    for t in turns:
        seen[t["evaluation_name"]] = seen.get(t["evaluation_name"], 0) + 1
        if t["focus"] or (seen[t["evaluation_name"]] <= SOLVED_SHOWN and t["cost_per_solved_task"] is not None):
            shown.append(t)
    return shown


def _quarter(q: dict, tiers: list[dict], focus: set[str]) -> dict:
    """This quarter against the last: leaders, the cheapest at each tier then and now, price moves of
    models already sold, and the models released, deprecated and retired."""
    before = {t["tier"]: t for t in q["tiers_before"]}
    return {
        "leaders": [{**r, "label": label(r)} for r in q["leaders"]],
        "leaders_before": [{**r, "label": label(r)} for r in q["leaders_before"]],
        "tiers": [{"tier": t["tier"], "now": {**t, "label": label(t)},
                   "before": before.get(t["tier"]) and {**before[t["tier"]], "label": label(before[t["tier"]]) + (
                       ", since retired" if before[t["tier"]]["retired_since"] else "")}}
                  for t in tiers],
        "prices": (prices := [{**p, "focus": p["model"] in focus} for p in q["prices"]]),
        "prices_shown": _first(prices),
        "lifecycle": (lifecycle := [{**r, "focus": r["model"] in focus} for r in q["lifecycle"]]),
        "lifecycle_shown": _first(lifecycle),
        "released": q["released"],
    }


QUARTER_SHOWN = 6  # rows of the quarter's price moves and lifecycle changes on the page; all in the data pack


def _first(rows: list[dict]) -> list[dict]:
    """The first QUARTER_SHOWN rows in their order, and every focus model's row after them."""
    return [r for i, r in enumerate(rows) if i < QUARTER_SHOWN or r["focus"]]


def _quarter_findings(q: dict, window) -> list[str]:
    found = []
    before = {r["model"] for r in q["leaders_before"]}
    new = [r for r in q["leaders"] if r["model"] not in before]
    if new and before:
        found.append(f"New at the top since {window.period.previous.label}: {', '.join(label(r) for r in new[:3])} "
                     f"now share{'s' if len(new) == 1 else ''} rank 1.")
    cuts = [p for p in q["prices"] if p["ratio"] < 1]
    if cuts:
        c = min(cuts, key=lambda p: p["ratio"])
        was, is_now = money_change(c["before_usd_per_mtok"], c["now_usd_per_mtok"])
        found.append(f"{len(cuts)} models already on sale became cheaper this quarter; the largest cut: "
                     f"{c['display_name']}, from {was} to {is_now} "
                     f"per million tokens (blended), {100 * (1 - c['ratio']):.0f}% less.")
    retired = [r for r in q["lifecycle"] if r["status"] == "retired"]
    if retired:
        found.append(f"{len(retired)} models were retired by their creators this quarter, among them "
                     f"{', '.join(r['display_name'] for r in retired[:3])}: they are no longer priced here.")
    return found


def _findings(index, priced, tiers, best_value, spread, movers, window) -> list[str]:
    """The report's first page, in sentences; every number comes from the rows above."""
    found = []
    leaders = [p for p in priced if p["rank"] == 1]
    if len(leaders) == 1:
        top = leaders[0]
        found.append(f"{top['label']} leads {index['name']} at {top['index']:.1f} "
                     f"(95% interval {top['ci_low']:.1f} to {top['ci_high']:.1f}), clear of every other model; one "
                     f"pass of the index costs {money(top['total_usd'])} at {window.as_of:%d %B %Y} prices.")
    elif leaders:
        names = ", ".join(f"{p['label']} ({p['index']:.1f})" for p in leaders[:5])
        more = f" and {len(leaders) - 5} more" if len(leaders) > 5 else ""
        cheapest = min(leaders, key=lambda p: p["total_usd"])
        found.append(f"{len(leaders)} variants share the lead of {index['name']}: {names}{more}; their 95% intervals "
                     f"overlap, so no one of them can be called the most intelligent. The cheapest of them to run the "
                     f"index is {cheapest['label']}, at {money(cheapest['total_usd'])}.")
    for tier in tiers:
        found.append(f"The cheapest model at {tier['tier']:g} or above is {label(tier)} ({tier['index']:.1f}), "
                     f"at {money(tier['total_usd'])} to run the index; the dearest of the {tier['variants']} "
                     f"that reach this level costs {factor(tier['spread'])} as much.")
    if best_value:
        found.append(f"The most intelligence per dollar: {best_value['label']}, "
                     f"{best_value['index_per_usd']:,.0f} index points per dollar of running the index.")
    if spread:
        verbose = label({"display_name": spread["verbose_name"], "effort": spread["verbose_effort"]})
        frugal = label({"display_name": spread["frugal_name"], "effort": spread["frugal_effort"]})
        ratio = spread["cost_ratio"]
        costs = ("" if ratio is None else f" and costs {factor(ratio)} as much" if ratio >= 1
                 else f" yet costs {100 * ratio:.0f}% as much")  # not '0.5× as much'
        found.append(f"At equal intelligence, tokens differ widely: {verbose} (index {spread['verbose_index']:.1f}) "
                     f"writes {factor(spread['token_ratio'])} the output tokens of {frugal} "
                     f"(index {spread['frugal_index']:.1f}){costs}.")
    moved = [m for m in movers if not m["newly_priced"]]
    if moved:
        m = moved[0]
        direction = "fell" if m["ratio"] < 1 else "rose"
        was, is_now = money_change(m["before_usd"], m["now_usd"])
        found.append(f"Biggest mover since {window.period.previous.label}: running the index on {label(m)} "
                     f"{direction} from {was} to {is_now}.")
    new = [m for m in movers if m["newly_priced"]]
    if new:
        found.append(f"{new[0]['newly_priced_variants']} variants gained a price this quarter, among them "
                     f"{label(new[0])}.")
    return found


def data_pack(ctx: CostToRun) -> list[Table]:
    """The data pack's tables: the whole ranking and every solved-task row, which the PDF leaves to it,
    the price moves and lifecycle of the quarter, and the cost of each level of intelligence."""
    return [
        Table("Ranking", f"Every variant with a complete {ctx.index['name']} (version {ctx.index['version']}) "
              f"on {ctx.meta.as_of:%d %b %Y}: its index, interval, rank and cost to run it.", (
                  Column("label", "Model"), Column("model", "Model id"), Column("effort", "Effort"),
                  Column("rank", "Rank", "1 is first; variants that cannot be told apart share one", generated=True),
                  Column("index", "Index", "points of 100", generated=True),
                  Column("ci_low", "95% interval, low", "points of 100", generated=True),
                  Column("ci_high", "95% interval, high", "points of 100", generated=True),
                  Column("total_usd", "Cost to run the index", "USD", generated=True),
                  Column("cost_per_task", "Cost per task", "USD", generated=True),
                  Column("output_tokens", "Output tokens", "tokens", generated=True),
                  Column("on_frontier", "On the cost frontier"), Column("price_basis", "Price basis")),
              [{**p, "price_basis": p.get("price_basis") or p.get("price_note")} for p in ctx.points]),
        Table("Ranked, no longer sold", f"Every variant with a complete {ctx.index['name']} (version "
              f"{ctx.index['version']}) on {ctx.meta.as_of:%d %b %Y} that its creator no longer sells: no cost to run, so "
              "not in the sheet Ranking, but every rank counts it (1 plus the variants whose interval lies wholly above).", (
                  Column("label", "Model"), Column("model", "Model id"), Column("effort", "Effort"),
                  Column("rank", "Rank", "1 is first; variants that cannot be told apart share one", generated=True),
                  Column("index", "Index", "points of 100", generated=True),
                  Column("ci_low", "95% interval, low", "points of 100", generated=True),
                  Column("ci_high", "95% interval, high", "points of 100", generated=True),
                  Column("why", "Why not sold")),
              ctx.not_sold),
        Table("Solved tasks", f"What a solved task costs on each agentic evaluation, on {ctx.meta.as_of:%d %b %Y}: "
              "every run's cost at the prices of its month, over the tasks solved.", (
                  Column("evaluation_name", "Evaluation"), Column("label", "Model"), Column("model", "Model id"),
                  Column("effort", "Effort"),
                  Column("blended_usd_per_mtok", "Blended price", "USD per million tokens"),
                  Column("pass_at_1", "pass@1", "share of 1", generated=True),
                  Column("pass_hat_k", "pass^k", "share of 1", generated=True), Column("k", "k", "repeats"),
                  Column("turns_per_solved_task", "Turns per solved task", "turns", generated=True),
                  Column("cost_per_task", "Cost per task", "USD", generated=True),
                  Column("cost_per_solved_task", "Cost per solved task", "USD", generated=True)),
              ctx.turns),
        Table("Price moves", f"Every model already on sale whose blended list price (3 input : 1 output) moved between "
              f"{ctx.meta.previous_as_of:%d %b %Y} and {ctx.meta.as_of:%d %b %Y}, the largest moves first.", (
                  Column("display_name", "Model"), Column("model", "Model id"),
                  Column("before_usd_per_mtok", f"Price on {ctx.meta.previous_as_of:%d %b %Y}", "USD per million tokens"),
                  Column("now_usd_per_mtok", f"Price on {ctx.meta.as_of:%d %b %Y}", "USD per million tokens"),
                  Column("ratio", "Now over before", "ratio"), Column("price_basis", "Price basis")),
              ctx.quarter["prices"]),
        Table("Lifecycle", f"Every model deprecated or shut down between {ctx.meta.previous_as_of:%d %b %Y} and "
              f"{ctx.meta.as_of:%d %b %Y}, by date.", (
                  Column("display_name", "Model"), Column("model", "Model id"), Column("status", "Status"),
                  Column("deprecated_on", "Deprecated on"), Column("shutdown_on", "Shut down on"),
                  Column("replacement", "Replacement")),
              ctx.quarter["lifecycle"]),
        Table("Levels", f"For each level of {ctx.index['name']}, the cheapest variant that reaches it on "
              f"{ctx.meta.as_of:%d %b %Y}, and how much more the dearest that reaches it costs to run the index.", (
                  Column("tier", "Level", "points of 100, or above"), Column("label", "Cheapest model"),
                  Column("model", "Model id"), Column("effort", "Effort"),
                  Column("index", "Its index", "points of 100", generated=True),
                  Column("total_usd", "Its cost to run the index", "USD", generated=True),
                  Column("variants", "Variants at this level", "variants", generated=True),
                  Column("spread", "Dearest over cheapest", "times", generated=True)),
              [{**t, "label": label(t)} for t in ctx.tiers]),
        *yours.your_models_tables(ctx.your_models, ctx.index, ctx.meta.as_of),
        *yours.workload_tables(ctx.workload, ctx.meta.as_of),
        *coverage(ctx.appendix),
    ]
