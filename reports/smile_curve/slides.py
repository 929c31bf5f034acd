"""The slides of the smile-curve report's deck, built from its context with native charts."""

from __future__ import annotations

from reports.common.context import shown_findings
from reports.formatting import factor, money, number, tokens
from reports.rendering.common_slides import closing, opening, your_models, your_workload
from reports.rendering.deck import Deck


def slides(ctx, deck: Deck) -> None:
    opening(deck, ctx)
    deck.bullets("Findings", shown_findings(ctx), size=13)
    your_models(deck, ctx)
    your_workload(deck, ctx)
    deck.steps("The price of a fixed level of intelligence", _series(ctx.left_arm, "series", "blended_usd_per_mtok"),
               "Cheapest blended price, USD per million tokens (log)", "usd",
               note="The cheapest model meeting each threshold, month by month.")
    fits = [d for d in ctx.decline if d["reliable"]]
    deck.table("How fast the price falls", ["Threshold", "Reasoning models", "Models kept", "Decline a year", "90% interval"],
               [[d["label"], "with" if d["with_reasoning"] else "without", str(d["models_on_frontier"]),
                 factor(d["decline_factor_per_year"]),
                 f"{factor(d['decline_factor_low'])} – {factor(d['decline_factor_high'])}" if d["decline_factor_low"] else "n/a"]
                for d in fits], [4.4, 1.9, 1.6, 1.9, 2.3], size=11)
    if ctx.quarter:
        deck.table("This quarter against the last", ["Threshold", f"Cheapest, {ctx.meta.previous_as_of:%d %b %Y}",
                                                     "Price", f"Cheapest, {ctx.meta.as_of:%d %b %Y}", "Price"],
                   [[q["label"], q["before_name"] or "none yet", money(q["before_usd"]), q["now_name"],
                     money(q["now_usd"])] for q in ctx.quarter],
                   [3.6, 3.0, 1.2, 3.0, 1.2], size=11,
                   note="Blended price per million tokens of the cheapest model meeting each threshold.")
    deck.steps("What the frontier model spends", _series(ctx.right_arm, "measure", "usd"), "USD (log)", "usd",
               note="The most intelligent model available each month, at that month's prices.")
    deck.steps("The smile: both arms on one scale", _series(ctx.smile, "series", "relative"),
               "Relative to the first month (log)", "relative", note=ctx.smile_summary or "")
    deck.table("What drives the frontier's spend", ["Quarter end", "Frontier model", "Price / M tokens",
                                                     "Tokens per task", "Turns per task", "Cost per task"],
               [[f"{d['as_of']:%b %Y}", d["label"], money(d["blended_usd_per_mtok"]), tokens(d["tokens_per_task"]),
                 number(d["turns_per_task"]), money(d["cost_per_task"])] for d in ctx.drivers],
               [1.6, 4.2, 1.7, 1.7, 1.5, 1.5], size=11)
    closing(deck, ctx)


def _series(rows: list[dict], series_key: str, value_key: str) -> list[tuple[str, list[tuple]]]:
    """Each series' (date, value) points, in date order, series in order of first appearance."""
    names = list(dict.fromkeys(r[series_key] for r in rows))
    return [(n, sorted((r["as_of"], r[value_key]) for r in rows if r[series_key] == n and r[value_key] is not None))
            for n in names]
