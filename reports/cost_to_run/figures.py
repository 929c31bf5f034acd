"""The charts of the cost-to-run report's PDF, drawn from its context with the shared builders."""

from __future__ import annotations

import altair as alt
import pandas as pd

from reports.rendering import charts
from reports.rendering.theme import TOKEN_PARTS, Brand


def figures(ctx, brand: Brand) -> dict[str, alt.Chart]:
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
    }
