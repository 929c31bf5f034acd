"""Which charts each report's PDF shows, drawn from its context with the shared builders."""

from __future__ import annotations

import altair as alt
import pandas as pd

from reports.rendering import charts
from reports.rendering.theme import TOKEN_PARTS, Brand


def cost_to_run(ctx, brand: Brand) -> dict[str, alt.Chart]:
    points = pd.DataFrame([p for p in ctx.points if p["total_usd"] is not None])
    shown = pd.DataFrame(ctx.shown)
    as_of = f"{ctx.meta.as_of:%d %b %Y}"
    result = {}
    if ctx.turns_chart:
        turns = pd.DataFrame([t for t in ctx.turns if t["evaluation_name"] == ctx.turns_chart])
        turns["labelled"] = True
        result["turns"] = charts.scatter_frontier(
            turns, brand, x="blended_usd_per_mtok", y="cost_per_solved_task", label="label", highlight="focus",
            labelled="labelled", log_y=True, y_unit="usd",
            x_title=f"Blended price, USD per million tokens (log scale), {as_of}",
            y_title="USD per solved task (log scale)", title=f"What a solved task costs: {ctx.turns_chart}",
            subtitle="A dearer token can make a cheaper solved task: fewer turns and fewer failed attempts")
    return result | {
        "frontier": charts.scatter_frontier(
            points, brand, x="total_usd", y="index", label="label", frontier="on_frontier", highlight="focus",
            quadrant=True, interval=("ci_low", "ci_high"),
            x_title=f"Cost to run the index, USD (log scale), prices of {as_of}",
            y_title=ctx.index["name"], title="Intelligence against the cost of running the index",
            subtitle="Labelled: the Pareto frontier (no model is both smarter and cheaper) and your focus models; "
                     "bars: 95% intervals of the index"),
        "split": charts.stacked_bar(
            shown, brand, category="label", parts=TOKEN_PARTS, x_title="USD for one pass of the index",
            title="Where the cost goes, by token type",
            subtitle="Top models by index, and your focus models; reasoning tokens priced as output"),
        "tokens": charts.bars(
            shown, brand, category="label", value="output_tokens", highlight="focus",
            x_title="Output tokens (reasoning + answer)", unit="tokens",
            title="Output tokens to run the index", subtitle="Token efficiency: the same questions, very different output"),
        "per_task": charts.bars(
            shown, brand, category="label", value="cost_per_task", highlight="focus",
            x_title="USD per task (index-weighted)", unit="usd",
            title="Cost per task", subtitle="What one question of the index costs, on average"),
    }


def smile_curve(ctx, brand: Brand) -> dict[str, alt.Chart]:
    left = pd.DataFrame(ctx.left_arm)
    right = pd.DataFrame(ctx.right_arm)
    smile = pd.DataFrame(ctx.smile)
    result = {
        "left": charts.line_over_time(
            left, brand, x="as_of", y="blended_usd_per_mtok", series="series",
            y_title="Cheapest blended price, USD per million tokens (log)",
            title="The price of a fixed level of intelligence",
            subtitle="Cheapest model meeting each threshold, month by month; in the legend, the yearly decline "
                     "factor with its 90% interval"),
        "right": charts.line_over_time(
            right, brand, x="as_of", y="usd", series="measure", unit="usd",
            y_title="USD (log)", title="What the frontier model spends",
            subtitle=f"The most intelligent model available each month ({ctx.index['name']}), at that month's prices"),
        "smile": charts.line_over_time(
            smile, brand, x="as_of", y="relative", series="series", unit="relative",
            y_title="Relative to the first month (log)", title="The smile: both arms on one scale",
            subtitle="Falling: the price of a fixed level of intelligence. Rising: spend per task at the frontier"),
    }
    return result


def openness_index(ctx, brand: Brand) -> dict[str, alt.Chart]:
    grid = pd.DataFrame([{"model": r["label"], "component": c["name"], "level": r[c["component"]]}
                         for r in ctx.heatmap for c in ctx.components])
    result = {
        "heatmap": charts.heatmap(
            grid, brand, row="model", column="component", value="level", columns=[c["name"] for c in ctx.components],
            title="Openness by component (0 to 3)",
            subtitle="The most open models, and your focus models; derived scores are marked in the table"),
    }
    if ctx.versus:
        result["versus"] = charts.scatter_frontier(
            pd.DataFrame(ctx.versus), brand, x="score", y="index", label="label", highlight="focus",
            labelled="labelled", log_x=False, x_domain=[0, 100], x_unit="score", interval=("ci_low", "ci_high"),
            x_title="Openness Index (0-100)", y_title=ctx.index["name"], title="Openness against intelligence",
            subtitle="Models with both a score and a complete index; labelled: the best on both, and your focus models")
    return result


def private_benchmark(ctx, brand: Brand) -> dict[str, alt.Chart]:
    result = {}
    for e in ctx.evaluations:
        priced = [{**c, "labelled": True} for c in e["candidates"] if c["choice_cost"]]
        if not priced:
            continue
        basis = priced[0]["choice_basis"]
        result[f"choice-{e['evaluation']}"] = charts.scatter_frontier(
            pd.DataFrame(priced), brand, x="choice_cost", y="score", label="label", frontier="on_pareto",
            labelled="labelled", interval=("ci_low", "ci_high"),
            x_title=f"{basis[0].upper()}{basis[1:]}, USD (log scale), prices of {ctx.meta.as_of:%d %b %Y}",
            y_title=f"Score on {e['name']} (0-100)", title=f"The choice on {e['name']}",
            subtitle="The line joins the Pareto set (no candidate is both better and cheaper); bars: 95% intervals, "
                     "clustered by question")
    monthly = pd.DataFrame([m for m in ctx.monthly if m["usd_per_month"] is not None])
    if not monthly.empty:
        result["monthly"] = charts.stacked_bar(
            monthly, brand, category="label", parts=TOKEN_PARTS, x_title="USD a month",
            title="Your workload's monthly cost, by token type",
            subtitle="Requests a month × tokens per request × the price of each token type")
    return result
