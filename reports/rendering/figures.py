"""Which charts each report's PDF shows, drawn from its context with the shared builders."""

from __future__ import annotations

import altair as alt
import pandas as pd

from reports.rendering import charts
from reports.rendering.formatting import age
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


def model_deployment(ctx, brand: Brand) -> dict[str, alt.Chart]:
    as_of = f"{ctx.meta.as_of:%d %b %Y}"
    result = {}
    for i, m in enumerate(ctx.models):
        if len(m["priced"]) < 2:
            continue  # one priced provider: the table says all there is
        newest, oldest = age(m["newest"]["age_days"]), age(m["oldest"]["age_days"])
        ages = f"measured {newest}" if newest == oldest else f"newest measurement {newest}, oldest {oldest}"
        result[f"providers-{i}"] = charts.scatter_frontier(
            pd.DataFrame([{**p, "labelled": True} for p in m["priced"]]), brand, x="blended_usd_per_mtok",
            y="output_tokens_per_s", label="label", frontier="frontier", labelled="labelled", log_y=True,
            y_unit="speed", x_title=f"Blended price, USD per million tokens (3 input : 1 output, log scale), {as_of}",
            y_title="Output tokens a second (log scale)", title=f"{m['name']}: price against output speed",
            subtitle=f"The line joins the price-speed frontier; {ages} ('stale': more than a year)")
    if ctx.ttft["series"]:
        labels, bucket = ttft_labels(ctx.ttft["series"])
        longest = pd.DataFrame([{"label": label, "ttft_s": s["longest"]["ttft_s"], "focus": s["focus"]}
                                for label, s in zip(labels, ctx.ttft["series"])])
        result["ttft"] = charts.bars(
            longest, brand, category="label", value="ttft_s", highlight="focus", unit="seconds",
            x_title="Seconds to the first token", title="Time to first token at the longest prompts measured",
            subtitle=(f"Prompts of {bucket} tokens; " if bucket else "")
            + "the table below gives every prompt length: the longer the prompt, the longer the wait")
    for i, h in enumerate(ctx.history):
        result[f"history-{i}"] = charts.line_over_time(
            pd.DataFrame(h["rows"]), brand, x="as_of", y="output_tokens_per_s", series="provider", log_y=False,
            unit="speed", y_title="Output tokens a second", title=f"{h['name']}: output speed by provider",
            subtitle=f"Each provider measured more than once by one source on one workload (the table gives "
                     f"them): its latest speed at each month end, to {h['last']:%b %Y}")
    for i, d in enumerate(ctx.deployments):
        options = deployment_options(d)
        if ctx.workload and options:
            result[f"workload-{i}"] = charts.bars(
                pd.DataFrame(options), brand, category="label", value="usd_per_month", highlight="dedicated",
                unit="usd", x_title=f"USD a month, prices of {as_of}", title=f"Your workload on {d['name']}: a month",
                subtitle="The cheapest serverless providers, the creator's own and the fastest measured; "
                         "dedicated systems in the accent colour")
    return result


def deployment_options(d: dict) -> list[dict]:
    """A focus model's costed options, cheapest first, named as charts and slides name them."""
    options = [{"label": f"{s['provider']} (creator)" if s["first_party"] else s["provider"],
                "usd_per_month": s["your_usd_per_month"], "dedicated": False} for s in d["serverless"]]
    options += [{"label": dedicated_label(s),
                 "usd_per_month": s.get("your_usd_per_month"), "dedicated": True} for s in d["dedicated"]]
    return sorted((o for o in options if o["usd_per_month"] is not None), key=lambda o: o["usd_per_month"])


def ttft_labels(series: list[dict]) -> tuple[list[str], str | None]:
    """Each series named by model and provider, with its longest prompt's bucket unless all share
    one (then returned apart, for the title), so that the labels stay short enough to read."""
    buckets = {s["longest"]["bucket"] for s in series}
    shared = buckets.pop() if len(buckets) == 1 else None
    return [f"{s['name']} ({s['provider']})" + ("" if shared else f", {s['longest']['bucket']}") for s in series], shared


def dedicated_label(s: dict) -> str:
    """A dedicated set-up as charts, tables and slides name it: '8x H100 SXM 80GB, server, rented × 2'."""
    basis = {"rent": "rented", "owner": "owned"}.get(s["cost_basis"], s["cost_basis"])
    return f"{s['name']}, {s['scenario']}, {basis}" + (f" × {s['systems']}" if s.get("systems", 1) > 1 else "")
