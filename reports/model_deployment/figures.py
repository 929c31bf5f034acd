"""The charts of the model-deployment report's PDF, drawn from its context with the shared builders."""

from __future__ import annotations

import altair as alt
import pandas as pd

from reports.formatting import age
from reports.model_deployment.report import deployment_options
from reports.rendering import charts
from reports.rendering.theme import Brand


PROVIDERS_HEIGHT = 220  # a model's providers, a handful of points: its chart and table on one page


def figures(ctx, brand: Brand) -> dict[str, alt.Chart]:
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
            subtitle=f"The line joins the price-speed frontier; {ages} ('stale': more than a year)",
            height=PROVIDERS_HEIGHT)
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
            subtitle=f"Each provider measured more than once by one source on one workload (the data pack "
                     f"gives them): its latest speed at each month end, to {h['last']:%b %Y}")
    for i, d in enumerate(ctx.deployments):
        options = deployment_options(d)
        if ctx.workload and options:
            result[f"workload-{i}"] = charts.bars(
                pd.DataFrame(options), brand, category="label", value="usd_per_month", highlight="dedicated",
                unit="usd", x_title=f"USD a month, prices of {as_of}", title=f"Your workload on {d['name']}: a month",
                subtitle="The cheapest serverless providers, the creator's own and the fastest measured; "
                         "dedicated systems in the accent colour")
    return result


def ttft_labels(series: list[dict]) -> tuple[list[str], str | None]:
    """Each series named by model and provider, with its longest prompt's bucket unless all share
    one (then returned apart, for the title), so that the labels stay short enough to read."""
    buckets = {s["longest"]["bucket"] for s in series}
    shared = buckets.pop() if len(buckets) == 1 else None
    return [f"{s['name']} ({s['provider']})" + ("" if shared else f", {s['longest']['bucket']}") for s in series], shared
