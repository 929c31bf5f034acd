"""The slides of the cost-to-run report's deck, built from its context with native charts."""

from __future__ import annotations

from reports.common.context import shown_findings
from reports.cost_to_run.report import RANKING_SLIDE_ROWS
from reports.formatting import money, number, rank, tokens
from reports.rendering.common_slides import closing, opening, your_models, your_workload
from reports.rendering.deck import Deck
from reports.rendering.theme import TOKEN_PARTS


def slides(ctx, deck: Deck) -> None:
    opening(deck, ctx)
    deck.bullets("Findings", shown_findings(ctx), size=13)
    your_models(deck, ctx)
    your_workload(deck, ctx)
    q = ctx.quarter
    deck.table("This quarter against the last",
               ["Index at least", f"Cheapest, {ctx.meta.previous_as_of:%d %b %Y}", "Cost", f"Cheapest, {ctx.meta.as_of:%d %b %Y}", "Cost"],
               [[f"{t['tier']:g}", t["before"]["label"] if t["before"] else "none",
                 money(t["before"]["total_usd"]) if t["before"] else "", t["now"]["label"], money(t["now"]["total_usd"])]
                for t in q["tiers"]]
               + [["Price moves", f"{sum(1 for p in q['prices'] if p['ratio'] < 1)} cuts, "
                                  f"{sum(1 for p in q['prices'] if p['ratio'] > 1)} rises", "", "", ""],
                  ["Lifecycle", f"{sum(1 for r in q['lifecycle'] if r['status'] == 'retired')} retired, "
                                f"{sum(1 for r in q['lifecycle'] if r['status'] == 'deprecated')} deprecated",
                   "", f"{len(q['released'])} notable models released", ""]],
               [1.6, 3.7, 1.3, 3.7, 1.3], size=11, note="Cost to run the index, at each day's prices.")
    priced = [p for p in ctx.points if p["total_usd"] is not None]
    groups = [
        ("Your focus models", [(p["total_usd"], p["index"], p["label"]) for p in priced if p["focus"]], deck.brand.accent),
        ("Pareto frontier", [(p["total_usd"], p["index"], p["label"]) for p in priced
                             if p["on_frontier"] and not p["focus"]], deck.brand.primary),
        ("Other models", [(p["total_usd"], p["index"], None) for p in priced
                          if not p["on_frontier"] and not p["focus"]], deck.brand.others()),
    ]
    deck.scatter("Intelligence against the cost of running the index", [g for g in groups if g[1]],
                 x_title=f"Cost to run the index, USD (log scale), {ctx.meta.as_of:%d %b %Y}",
                 y_title=ctx.index["name"], note="Labelled: the Pareto frontier and your focus models.")
    shown = ctx.shown
    labels = [p["label"] for p in shown]
    colours = deck.brand.token_colours()
    deck.stacked_bars("Where the cost goes, by token type", labels,
                      [(name, [p[field] or 0 for p in shown], colours[name]) for field, name in TOKEN_PARTS],
                      "USD for one pass of the index")
    deck.bars("Output tokens to run the index", labels, [p["output_tokens"] for p in shown],
              "Output tokens (reasoning + answer)", "tokens", [p["focus"] for p in shown])
    # Cost per task is the cost to run over the index's tasks: in the ranking's table, not a chart of its own
    if ctx.turns_chart:
        turns = [t for t in ctx.turns if t["evaluation_name"] == ctx.turns_chart
                 and t["cost_per_solved_task"] and t["blended_usd_per_mtok"]]
        # a key of every model ran off the slide: name the focus models and the cheapest per solved task
        cheapest = {id(t) for t in sorted(turns, key=lambda t: t["cost_per_solved_task"])[:10]}
        deck.scatter("What a solved task costs",
                     [("Your focus models", [(t["blended_usd_per_mtok"], t["cost_per_solved_task"], t["label"])
                                             for t in turns if t["focus"]], deck.brand.accent),
                      ("Cheapest per solved task", [(t["blended_usd_per_mtok"], t["cost_per_solved_task"], t["label"])
                                                    for t in turns if not t["focus"] and id(t) in cheapest],
                       deck.brand.primary),
                      ("Other models", [(t["blended_usd_per_mtok"], t["cost_per_solved_task"], None)
                                        for t in turns if not t["focus"] and id(t) not in cheapest], deck.brand.others())],
                     x_title=f"Blended price, USD per million tokens (log scale), {ctx.meta.as_of:%d %b %Y}",
                     y_title="USD per solved task (log scale)", log_y=True, y_unit="usd",
                     note=f"{ctx.turns_chart}: a dearer token can make a cheaper solved task.")
    top = [p for p in ctx.points if p["total_usd"] is not None][:RANKING_SLIDE_ROWS]
    deck.table("The ranking", ["#", "Model", "Index", "95% interval", "Cost to run", "Per task", "Output tokens"],
               [[rank(p["rank"], p["tied"]), p["label"], number(p["index"]), f"{number(p['ci_low'])}–{number(p['ci_high'])}",
                 money(p["total_usd"]), money(p["cost_per_task"]), tokens(p["output_tokens"])] for p in top],
               [0.5, 4.4, 1.1, 1.7, 1.5, 1.4, 1.5], highlight=[p["focus"] for p in top], size=10)
    closing(deck, ctx)
