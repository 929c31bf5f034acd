"""The charts of a private benchmark's PDF, drawn from its context with the shared builders."""

from __future__ import annotations

import altair as alt
import pandas as pd

from reports.rendering import charts
from reports.rendering.theme import TOKEN_PARTS, Brand


def figures(ctx, brand: Brand) -> dict[str, alt.Chart]:
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
