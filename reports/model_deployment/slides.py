"""The slides of the model-deployment report's deck, built from its context with native charts."""

from __future__ import annotations

from reports.common.context import shown_findings
from reports.formatting import age, money, seconds, speed, workloads_said
from reports.rendering.common_slides import closing, opening, your_models
from reports.rendering.deck import Deck
from reports.model_deployment.figures import ttft_labels
from reports.model_deployment.report import dedicated_label, deployment_options, deployment_slide


def slides(ctx, deck: Deck) -> None:
    as_of = f"{ctx.meta.as_of:%d %b %Y}"
    opening(deck, ctx)
    deck.bullets("Findings", shown_findings(ctx), size=12)
    your_models(deck, ctx)
    for m in ctx.models:
        shown_for = (" For reference: none of your focus models has a speed measurement; this is one of the models "
                     "measured at the most providers.") if m["reference"] else ""
        if len(m["priced"]) >= 2:
            deck.scatter(f"{m['name']}: price against output speed",
                         [g for g in (("On the price-speed frontier", [_point(p) for p in m["priced"] if p["frontier"]],
                                       deck.brand.primary),
                                      ("Not on the frontier", [_point(p) for p in m["priced"] if not p["frontier"]],
                                       deck.brand.others())) if g[1]],
                         x_title=f"Blended price, USD per million tokens (log scale), {as_of}",
                         y_title="Output tokens a second (log scale)", log_y=True, y_unit="speed",
                         note="Stale: measured more than a year before " + as_of + ". Measured by "
                              + workloads_said(m["priced"]) + "." + shown_for
                              + " Every provider: data pack, sheet Providers.")
        if len(m["priced"]) >= 2:
            continue  # the chart names each priced provider; the table of all is in the data pack
        deck.table(f"{m['name']} at each provider",
                   ["Provider", "Blended / M", "Input / M", "Output / M", "Output speed", "First token", "Measured",
                    "Frontier"],
                   [[p["provider"] + (" (creator)" if p["first_party"] else ""), money(p["blended_usd_per_mtok"]),
                     money(p["input_usd_per_mtok"]), money(p["output_usd_per_mtok"]), speed(p["output_tokens_per_s"]),
                     seconds(p["ttft_s"]), f"{p['measured_at']:%d %b %Y}, {age(p['age_days'])}" + (", stale" if p["stale"] else ""),
                     "on the frontier" if p["frontier"] else ("no price" if not p["priced"] else "")]
                    for p in m["providers"][:15]],
                   [2.2, 1.2, 1.1, 1.1, 1.3, 1.1, 2.8, 1.3], highlight=[p["frontier"] for p in m["providers"][:15]],
                   size=10, note=f"Prices of {as_of}; speeds over short prompts, the median where measured. "
                                 f"Measured by {workloads_said(m['providers'][:15])}.{shown_for}")
    series = ctx.ttft["series"]
    if series:
        labels, bucket = ttft_labels(series)
        deck.bars("Time to first token at the longest prompts measured", labels,
                  [s["longest"]["ttft_s"] for s in series], "Seconds to the first token", "seconds",
                  [s["focus"] for s in series], note=(f"Prompts of {bucket} tokens. " if bucket else "") + (
                      "" if ctx.ttft["yours"] else
                      "None of your models was measured at several prompt lengths: these are the models measured at the most."))
    for h in ctx.history if ctx.history_yours else []:  # another model's history: in the data pack, sheet Speed history
        deck.steps(f"{h['name']}: speed by provider",
                   [(p, [(r["as_of"], r["output_tokens_per_s"]) for r in h["rows"] if r["provider"] == p])
                    for p in dict.fromkeys(r["provider"] for r in h["rows"])],
                   "Output tokens a second", "speed", log=False,
                   note=("" if ctx.history_yours else "No provider of your models was measured more than once: this model "
                         "has the longest record. ") + f"Latest speed at each month end, to {h['last']:%b %Y}, "
                        f"each line one source on one workload: {workloads_said(h['moved'])}.")
    for d in ctx.deployments:
        title = deployment_slide(d, ctx.workload)
        if ctx.workload:
            options = deployment_options(d)
            if options:
                deck.bars(title, [o["label"] for o in options],
                          [o["usd_per_month"] for o in options], f"USD a month, prices of {as_of}", "usd",
                          [o["dedicated"] for o in options],
                          note="Dedicated systems in the accent colour. Each option's prices, speed and break-even: "
                               "data pack, sheet Serverless or dedicated.")
                continue  # the options' table is in the data pack
        if title:
            deck.table(title,
                       ["Option", "Your month" if ctx.workload else "A month", "Output / M", "Output speed", "First token",
                        "Measured", "Break-even, M output tokens a month"],
                       [[s["provider"] + (" (creator)" if s["first_party"] else ""), money(s["your_usd_per_month"]),
                         money(s["output_usd_per_mtok"]), speed(s["output_tokens_per_s"]), seconds(s["ttft_s"]),
                         (age(s["age_days"]) + (", stale" if s["stale"] else "")) if s["measured_at"] else "not measured",
                         ""] for s in d["serverless"][:8]]
                       + [[dedicated_label(s), money(s.get("your_usd_per_month", s["usd_per_month"])),
                           money(s["usd_per_mtok_output"]), f"{speed(s['stream_tokens_per_s'])} a stream",
                           seconds(s["ttft_p50_s"]), age(s["throughput_age_days"]) + (", stale" if s["stale"] else ""),
                           _break_even(s)] for s in d["dedicated"][:6]],
                       [2.7, 1.1, 1.0, 1.5, 0.9, 1.9, 3.0],
                       highlight=[False] * len(d["serverless"][:8]) + [True] * len(d["dedicated"][:6]),
                       size=10, note=_workload_note(ctx, d) + _speeds_measured(d["serverless"][:8]))
    closing(deck, ctx)


def _speeds_measured(rows: list[dict]) -> str:
    said = workloads_said(rows)
    return f" Speeds measured by {said}." if said else ""


def _point(p: dict) -> tuple[float, float, str]:
    return (p["blended_usd_per_mtok"], p["output_tokens_per_s"],
            f"{p['provider']}: {speed(p['output_tokens_per_s'])}, {money(p['blended_usd_per_mtok'])}"
            + (f", stale ({age(p['age_days'])})" if p["stale"] else ""))


def _break_even(s: dict) -> str:
    if s["break_even_mtok_per_month"] is None:
        return "no provider to compare"
    if s["break_even_utilisation"] > 1:
        return f"never, against {s['cheapest_provider']}"
    return f"{s['break_even_mtok_per_month']:,.0f} vs {s['cheapest_provider']} ({100 * s['break_even_utilisation']:.0f}% of capacity)"


def _workload_note(ctx, d: dict) -> str:
    if not ctx.workload:
        return "No workload in your subscriber file: monthly costs are a system's month; break-even against the cheapest output price."
    w = ctx.workload
    return (f"{w.requests_per_month:,.0f} requests a month × ({w.tokens_per_request.input:,.0f} input + "
            f"{w.tokens_per_request.output:,.0f} output tokens); {d['output_mtok_per_month']:,.0f} M output tokens a month. "
            "A system's speed is what one stream sees under MLPerf's latency bound.")
