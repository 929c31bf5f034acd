"""The model deployment report: where to buy each of the subscriber's models (providers on price,
output speed and time to first token, the price-speed frontier, the age of every measurement), how
the first token slows as prompts grow, how providers' speeds have moved, and what the subscriber's
own workload costs at the best serverless providers against a dedicated system, with the break-even
volume. Gathers data; draws nothing."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reports.model_deployment import findings as said
from reports.common import focus as yours
from reports.common.answer import STANDING, WORKLOAD, Answer, ranked, retirements
from reports.formatting import money
from reports.common.context import Appendix, Meta, meta, shared
from reports.handle import ReadHandle
from reports.subscriber import Subscriber, Workload
from reports.common.datapack import Column, Table
from reports.formatting import workload as said_workload
from warehouse.errors import BenchhouseError

NAME = "model-deployment"
TITLE = "Model deployment"

SHOWN = 4  # models with a page of providers: the focus models, or the best covered in their place
TTFT_SERIES = 6  # model-provider pairs in the prompt-length chart when none is the subscriber's
CHEAPEST = 5  # serverless providers priced for the workload, besides the creator and the fastest

NOTES = [
    "Speed: output tokens a second after the first token, and the time to the first token, each the "
    "provider's latest measurement on or before the as-of date over prompts of at most 10,000 tokens "
    "(the median where measured, else the mean, else a source's single figure). A measurement more than "
    "365 days old is stale and is labelled so wherever it is shown. Sources measure differently (thefastest.ai "
    "asks for 20 tokens from three regions, LLMPerf for 150 tokens of 550-token prompts, LLM-Stats publishes "
    "one rounded figure of unstated workload): every speed says its workload, a change of speed is only ever "
    "measured by one source on one workload, and compare providers within a source where you can. Left out, with "
    "their reasons (view speed_anomalies): figures one source gave five or more models on one day (stand-ins, not "
    "measurements), figures dated before the model's release, and rates below 2 or above 10,000 tokens a second.",
    "Price-speed frontier: each provider's blended price that day, (3 x input + output) / 4 per million "
    "tokens, against its output speed; a provider is on the frontier when no other is as cheap and as fast "
    "and better on one. A provider without both prices cannot be placed.",
    "Dedicated systems: a system's cost an hour (a market rent, or the owner's cost) x 730 hours a month, "
    "and its throughput serving the model flat out under MLPerf's latency bounds (server and interactive "
    "scenarios). Break-even = the month's cost / the provider's price per million output tokens, in "
    "million output tokens a month; input tokens are left out on both sides, as is the cost of running "
    "the system below capacity or of the people who run it.",
    "Your workload's monthly cost: at a provider, requests a month x (input tokens x input price + output "
    "tokens x output price) per request; on a dedicated system, as many systems as the month's output "
    "tokens need at capacity (at least one), each a month's cost.",
]


@dataclass(frozen=True)
class ModelDeployment:
    meta: Meta
    appendix: Appendix
    index: dict
    your_models: list[dict]
    models: list[dict]
    """The models with a page of providers: each with its providers, the frontier and their ages."""
    missing: list[dict]
    """Focus models with no speed measurement (none is shown in their place)."""
    missing_said: str | None
    """The sentence that names them, on the findings and the providers' page alike."""
    ttft: dict
    """Time to first token by prompt length: rows, the longest prompt of each series, whose they are."""
    history: list[dict]
    """Models whose providers' speeds were measured more than once: the month-end series."""
    history_yours: bool
    workload: Workload | None
    deployments: list[dict]
    """Per focus model: the best serverless providers and the dedicated systems, costed."""
    findings: list[str]
    answers: list[Answer]
    """The answer page (reports/common/answer.py)."""


def gather(handle: ReadHandle, index: dict) -> dict:
    """Every model's providers, speeds, prompt-length curves, serving options and coverage on the
    as-of date: the same for every subscriber; each one's models are picked out when tailoring."""
    return {
        **shared(handle, index, NOTES), **yours.gather(handle, index),
        "coverage": handle.rows("speed_coverage"),
        "providers": handle.rows("provider_speeds"),
        "history": handle.rows("speed_history"),
        "ttft": handle.rows("ttft_growth"),
        "serverless": handle.rows("serverless"),
        "dedicated": handle.rows("dedicated"),
        "weights": {r["model"]: r for r in handle.rows("model_weights")},
        "provider_names": {r["provider"]: r["name"] for r in handle.rows("provider_names")},
    }


def tailor(gathered: dict, subscriber: Subscriber) -> ModelDeployment:
    """Which provider to buy each focus model from, and when running it oneself pays."""
    gathered = _named(gathered)
    window = gathered["window"]
    focus = subscriber.focus_models
    shown, missing = choose(focus, gathered["coverage"], gathered["weights"])
    providers = _by_model(gathered["providers"])
    models = [_providers(entry, providers[entry["model"]]) for entry in shown]
    history, history_yours = _history(shown, gathered)
    ttft = _ttft(focus, [e["model"] for e in shown], gathered["ttft"])
    serverless, dedicated = _by_model(gathered["serverless"]), _by_model(gathered["dedicated"])
    costs = _costs(gathered, subscriber.workload)
    deployments = [_deployment(model, gathered["weights"], serverless.get(model, []), dedicated.get(model, []),
                               costs) for model in focus]
    your_models = yours.tailor(gathered, focus)
    return ModelDeployment(
        meta=meta(gathered, subscriber, NAME, TITLE,
                  f"Where to buy your models, how fast they run and when to serve them yourself, {window.label}"),
        appendix=gathered["appendix"], index=gathered["index"], your_models=your_models, models=models,
        missing=missing, missing_said=said.missing_said(missing, window) if missing else None, ttft=ttft, history=history, history_yours=history_yours, workload=subscriber.workload,
        deployments=deployments,
        answers=ranked(retirements(your_models) + _answers(deployments, subscriber.workload)),
        findings=yours.alerts(your_models) + yours.retired(your_models) + said.findings(window, models, missing, ttft, history, history_yours,
                                                           deployments, subscriber.workload),
    )


def _named(gathered: dict) -> dict:
    """The gathered rows with each provider named as the report prints it (the house's name, else its
    slug), consistently in every list and key that names one, so that rows still meet by provider; and
    the sources of each speed by their names (sources_used: display_name), not their command-line names."""
    names = gathered["provider_names"]
    titles = {s["source"]: s["display_name"] for s in gathered["appendix"].sources}

    def rows(found: list[dict], field: str = "provider") -> list[dict]:
        named = [{**r, field: names.get(r[field], r[field])} if r.get(field) else r for r in found]
        return [{**r, "sources": ", ".join(titles.get(s, s) for s in r["sources"].split(", "))}
                if r.get("sources") else r for r in named]
    named = {**gathered, "providers": rows(gathered["providers"]), "history": rows(gathered["history"]),
             "ttft": rows(gathered["ttft"]), "serverless": rows(gathered["serverless"]),
             "dedicated": rows(rows(gathered["dedicated"], "cheapest_provider"), "creator_provider")}
    if "serverless_costs" in gathered:
        named["serverless_costs"] = {(model, names.get(provider, provider)): cost
                                     for (model, provider), cost in gathered["serverless_costs"].items()}
    return named


def _by_model(rows: list[dict]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for row in rows:
        found.setdefault(row["model"], []).append(row)
    return found


def _name(model: str, weights: dict) -> str:
    return weights[model]["display_name"] if model in weights else model


def choose(focus: tuple[str, ...], coverage: list[dict], weights: dict) -> tuple[list[dict], list[dict]]:
    """The models with a page of providers: each focus model with a speed measurement. A focus model
    without one is listed as such, and no other model is shown in its place: another model's providers
    say nothing of its own. When none of the subscriber's models has a page (or the subscriber names
    none), the three best-covered models that can be bought on the as-of date are shown, marked as a
    reference for how much one model's providers differ (coverage is ordered best first)."""
    covered = {r["model"]: r for r in coverage}
    shown = [{"model": model, "name": covered[model]["display_name"], "focus": True, "reference": False,
              "coverage": covered[model]} for model in focus if model in covered]
    missing = [{"model": model, "name": _name(model, weights)} for model in focus if model not in covered]
    if not shown:
        shown = [{"model": r["model"], "name": r["display_name"], "focus": False, "reference": True, "coverage": r}
                 for r in [r for r in coverage if r["buyable"]][:3]]
    return shown[:SHOWN], missing


PROVIDERS_SHOWN = 5  # rows of a model's provider table on the page, at least; all in the data pack


def _providers(entry: dict, rows: list[dict]) -> dict:
    """A model's providers (cheapest first, unpriced last) with their labels, and who is cheapest,
    fastest and quickest to the first token among those priced."""
    providers = [{**r, "label": f"{r['provider']} (stale)" if r["stale"] else r["provider"],
                  "priced": r["blended_usd_per_mtok"] is not None, "frontier": bool(r["on_frontier"])}
                 for r in rows]
    priced = [p for p in providers if p["priced"]]
    timed = [p for p in priced if p["ttft_s"] is not None]
    cheapest = priced[0] if priced else None
    fastest = max(priced, key=lambda p: (p["output_tokens_per_s"], -p["blended_usd_per_mtok"])) if priced else None
    quickest = min(timed, key=lambda p: (p["ttft_s"], p["blended_usd_per_mtok"])) if timed else None
    named = {id(p) for p in (cheapest, fastest, quickest) if p} | {id(p) for p in providers
                                                                   if p["frontier"] or p["first_party"]}
    rest = [p for p in providers if id(p) not in named][:max(PROVIDERS_SHOWN - len(named), 0)]
    shown = [p for p in providers if id(p) in named or p in rest]
    return {**entry, "providers": providers, "priced": priced, "shown": shown,
            "cheapest": cheapest, "fastest": fastest, "quickest": quickest,
            "frontier": [p for p in priced if p["frontier"]],
            "stale": [p for p in providers if p["stale"]],
            "newest": min(providers, key=lambda p: p["age_days"]),
            "oldest": max(providers, key=lambda p: p["age_days"]),
            "remeasured": [p for p in providers if p["measurement_days"] >= 2]}


def _history(shown: list[dict], gathered: dict) -> tuple[list[dict], bool]:
    """The month-end speeds of the shown models' providers measured more than once; when none was,
    those of the model with the longest record, as an example of how much speeds move."""
    rows, now = _by_model(gathered["history"]), _by_model(gathered["providers"])
    models = [(e["model"], e["name"]) for e in shown if e["model"] in rows]
    yours_ = bool(models)
    if not models:
        example = next((c for c in gathered["coverage"] if c["history_rank"] == 1 and c["remeasured_providers"]), None)
        models = [(example["model"], example["display_name"])] if example else []
    history = []
    for model, name in models:
        moved = sorted((t for t in now[model] if t["measurement_days"] >= 2),
                       key=lambda t: (-abs(math.log(t["change"])), t["provider"]))
        kept = {t["provider"] for t in moved}
        series = [r for r in rows[model] if r["provider"] in kept]
        history.append({"model": model, "name": name, "rows": series, "moved": moved,
                        "first": min(t["first_measured_at"] for t in moved), "last": max(t["measured_at"] for t in moved)})
    return history, yours_


def _ttft(focus: tuple[str, ...], shown: list[str], rows: list[dict]) -> dict:
    """Time to first token by prompt length for the shown models; when none was measured at two
    lengths, the series measured at the most lengths (the longest prompts first on a tie)."""
    series = _by_model(rows)
    pairs: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        pairs.setdefault((row["model"], row["provider"]), []).append(row)
    yours_ = [key for key in pairs if key[0] in shown]
    keys = yours_ or sorted((k for k in pairs if len(pairs[k]) >= 3),
                            key=lambda k: (-len(pairs[k]), -pairs[k][-1]["prompt_tokens"], k))[:TTFT_SERIES]
    chosen = [{"model": k[0], "provider": k[1], "name": pairs[k][0]["display_name"], "focus": k[0] in focus,
               "rows": pairs[k], "shortest": pairs[k][0], "longest": pairs[k][-1]} for k in keys]
    buckets = sorted({(r["low_tokens"], r["bucket"]) for c in chosen for r in c["rows"]})
    return {"series": chosen, "yours": bool(yours_), "buckets": [b for _, b in buckets], "models": len(series)}


def fit(handle: ReadHandle, gathered: dict, subscriber: Subscriber) -> dict:
    """What one subscriber's copy reads from the warehouse besides what every copy shares: its
    workload's month on each serverless provider and each dedicated set-up, by the warehouse's one
    definition of a workload's monthly cost (warehouse/macros/050_workload_cost.sql, which the private
    views call too), at the providers' prices of the as-of date. Run where the warehouse is read,
    before tailoring (reports/delivery/build.py: fit); without a workload, no month is added. And the
    cheaper models beside the subscriber's own, as its constraints allow (reports/common/focus.py: constrain)."""
    gathered = yours.constrain(handle, gathered, subscriber)
    workload = subscriber.workload
    if workload is None:
        return gathered
    volume = {"requests_per_month": workload.requests_per_month, "input_tokens": workload.tokens_per_request.input,
              "output_tokens": workload.tokens_per_request.output}
    return {**gathered, "costed_for": workload,
            "output_mtok_per_month": handle.one("workload_volume", **volume)["output_mtok_per_month"],
            "serverless_costs": {(r["model"], r["provider"]): {"your_usd_per_month": r["your_usd_per_month"]}
                                 for r in handle.rows("workload_serverless", **volume)},
            "dedicated_costs": {_setup(r): {k: r[k] for k in ("your_usd_per_month", "systems", "utilisation",
                                                                  "times_break_even")}
                                for r in handle.rows("workload_dedicated", **volume)}}


def _setup(row: dict) -> tuple:
    """A dedicated set-up as dedicated_options keys it."""
    return row["model"], row["system"], row["scenario"], row["concurrency"], row["cost_basis"]


def _costs(gathered: dict, workload: Workload | None) -> dict | None:
    """What `fit` read of the workload: its volume, its costs by serverless option and by dedicated
    set-up; a workload the gathered data was not fitted to is refused rather than shown unpriced."""
    if workload is None:
        return None
    if gathered.get("costed_for") != workload:
        raise BenchhouseError("the model-deployment report was gathered without this subscriber's workload: "
                              "fit it first (reports/delivery/build.py: fit)")
    return {key: gathered[key] for key in ("output_mtok_per_month", "serverless_costs", "dedicated_costs")}


def _deployment(model: str, weights: dict, serverless: list[dict], dedicated: list[dict],
                costs: dict | None) -> dict:
    """A focus model's options: the providers cheapest for the workload (by output price without one),
    the creator's own and the fastest measured; every dedicated set-up; why there is none."""
    costed = [{**s, **(costs["serverless_costs"][s["model"], s["provider"]] if costs else {"your_usd_per_month": None})}
              for s in serverless]
    if costs:
        costed.sort(key=lambda s: (s["your_usd_per_month"], s["provider"]))
    measured = [s for s in costed if s["output_tokens_per_s"] is not None]
    fastest = max(measured, key=lambda s: s["output_tokens_per_s"]) if measured else None
    best = costed[:CHEAPEST]
    best += [s for s in costed[CHEAPEST:] if s["first_party"] or s is fastest]
    systems = [{**d, **(costs["dedicated_costs"][_setup(d)] if costs else {})} for d in dedicated]
    reason = None
    if not dedicated:
        closed = weights.get(model, {}).get("open_weights") is False
        reason = ("its weights are not open: it is sold only as a service" if closed
                  else "the warehouse holds no throughput of a system serving it")
    return {"model": model, "name": _name(model, weights), "serverless": best, "providers": len(costed),
            "cheapest": costed[0] if costed else None, "creator": next((s for s in costed if s["first_party"]), None),
            "fastest": fastest, "dedicated": systems, "no_dedicated": reason,
            "output_mtok_per_month": costs["output_mtok_per_month"] if costs else None}


def data_pack(ctx: ModelDeployment) -> list[Table]:
    """The data pack's tables: every provider of the models shown, and how their speeds moved, which the
    PDF shows in part."""
    speed = (Column("output_tokens_per_s", "Output speed", "tokens a second"),
             Column("ttft_s", "Time to first token", "seconds"))
    workload = (Column("sources", "Source"), Column("statistic", "Statistic"), Column("workload_said", "Workload"),
                Column("prompt_tokens", "Prompt tokens a request", "tokens"),
                Column("output_tokens", "Output tokens a request", "tokens"),
                Column("concurrency", "Requests at a time", "requests"))
    return [
        Table("Providers", f"Each provider selling the models shown, on {ctx.meta.as_of:%d %b %Y}: its list prices "
              "and its latest speed over short prompts, with how old the measurement is.", (
                  Column("display_name", "Model"), Column("model", "Model id"), Column("provider", "Provider"),
                  Column("first_party", "The creator"), Column("on_frontier", "On the price-speed frontier"),
                  Column("blended_usd_per_mtok", "Blended price (3 input : 1 output)", "USD per million tokens"),
                  Column("input_usd_per_mtok", "Input price", "USD per million tokens"),
                  Column("output_usd_per_mtok", "Output price", "USD per million tokens"), *speed,
                  Column("measured_at", "Measured on"), Column("age_days", "Age", "days"), Column("stale", "Stale"),
                  *workload),
              [{**p, "workload_said": said_workload(p)} for m in ctx.models for p in m["providers"]]),
        Table("Speed history", "Each provider measured more than once: its first and latest speed on one source's "
              "workload, the change, and the slowest and fastest between.", (
                  Column("display_name", "Model"), Column("model", "Model id"), Column("provider", "Provider"),
                  Column("first_measured_at", "First measured"),
                  Column("first_output_tokens_per_s", "Speed then", "tokens a second"),
                  Column("measured_at", "Last measured"), Column("output_tokens_per_s", "Speed now", "tokens a second"),
                  Column("change", "Now over then", "ratio"),
                  Column("slowest_output_tokens_per_s", "Slowest", "tokens a second"),
                  Column("fastest_output_tokens_per_s", "Fastest", "tokens a second"), *workload),
              [{**t, "display_name": h["name"], "workload_said": said_workload(t)} for h in ctx.history
               for t in h["moved"]]),
        Table("Time to first token", "The median time to the first token in each bucket of prompt lengths "
              "(tokens, from inclusive, to exclusive), for each series the report shows.", (
                  Column("name", "Model"), Column("model", "Model id"), Column("provider", "Provider"),
                  Column("bucket", "Prompt tokens"), Column("ttft_s", "Time to first token", "seconds"),
                  Column("last_measured", "Measured on"), Column("sources", "Source")),
              [{**r, "name": s["name"], "model": s.get("model"), "provider": s["provider"]}
               for s in ctx.ttft["series"] for r in s["rows"]]),
        Table("Serverless or dedicated", "For each focus model, the serverless providers and dedicated systems the "
              "report costs: a month at your workload (or a system's month without one), and the break-even.", (
                  Column("model_name", "Model"), Column("option", "Option"), Column("kind", "Kind"),
                  Column("usd_per_month", "A month" + (" at your workload" if ctx.workload else ""), "USD"),
                  Column("output_usd_per_mtok", "Output price", "USD per million tokens"),
                  Column("output_tokens_per_s", "Output speed", "tokens a second"),
                  Column("ttft_s", "Time to first token", "seconds"), Column("age_days", "Measured", "days ago"),
                  Column("break_even_mtok_per_month", "Break-even", "million output tokens a month"),
                  Column("break_even_utilisation", "Break-even", "share of capacity")),
              [row for d in ctx.deployments for row in _options(d)]),
        *yours.your_models_tables(ctx.your_models, ctx.index, ctx.meta.as_of),
    ]


def _options(d: dict) -> list[dict]:
    """A focus model's costed options as the data pack lists them."""
    serverless = [{"model_name": d["name"], "option": s["provider"] + (" (creator)" if s["first_party"] else ""),
                   "kind": "serverless", "usd_per_month": s["your_usd_per_month"],
                   "output_usd_per_mtok": s["output_usd_per_mtok"], "output_tokens_per_s": s["output_tokens_per_s"],
                   "ttft_s": s["ttft_s"], "age_days": s["age_days"] if s["measured_at"] else None}
                  for s in d["serverless"]]
    dedicated = [{"model_name": d["name"], "option": dedicated_label(s), "kind": "dedicated",
                  "usd_per_month": s.get("your_usd_per_month", s["usd_per_month"]),
                  "output_usd_per_mtok": s["usd_per_mtok_output"], "output_tokens_per_s": s["stream_tokens_per_s"],
                  "ttft_s": s["ttft_p50_s"], "age_days": s["throughput_age_days"],
                  "break_even_mtok_per_month": s["break_even_mtok_per_month"],
                  "break_even_utilisation": s["break_even_utilisation"]} for s in d["dedicated"]]
    return serverless + dedicated


def dedicated_label(s: dict) -> str:
    """A dedicated set-up as charts, tables and slides name it: '8x H100 SXM 80GB, server, rented × 2'."""
    basis = {"rent": "rented", "owner": "owned"}.get(s["cost_basis"], s["cost_basis"])
    return f"{s['name']}, {s['scenario']}, {basis}" + (f" × {s['systems']}" if s.get("systems", 1) > 1 else "")


def deployment_options(d: dict) -> list[dict]:
    """A focus model's costed options, cheapest first, named as charts and slides name them."""
    options = [{"label": f"{s['provider']} (creator)" if s["first_party"] else s["provider"],
                "usd_per_month": s["your_usd_per_month"], "dedicated": False} for s in d["serverless"]]
    options += [{"label": dedicated_label(s),
                 "usd_per_month": s.get("your_usd_per_month"), "dedicated": True} for s in d["dedicated"]]
    return sorted((o for o in options if o["usd_per_month"] is not None), key=lambda o: o["usd_per_month"])


def deployment_slide(d: dict, workload) -> str | None:
    """The title of the deck's slide of a focus model's serving options, or None when the deck has none:
    with a workload, its options' monthly costs as bars; otherwise a table, when there is a dedicated system
    to set against the providers."""
    if workload and deployment_options(d):
        return f"Your workload on {d['name']}: a month"
    if d["dedicated"] or (workload and d["serverless"]):
        return f"{d['name']}: serverless or dedicated"
    return None


def _answers(deployments: list[dict], workload) -> list[Answer]:
    """Per focus model with a slide of its serving options: with a workload, its month at the cheapest
    provider against the creator's own API; without, the cheapest output tokens."""
    found = []
    for i, d in enumerate(deployments):
        slide, c, own = deployment_slide(d, workload), d["cheapest"], d["creator"]
        section = f"deployment-{i}"  # its heading in the section Serverless or dedicated
        if slide is None or c is None:
            continue
        if workload is not None:
            if own and own is not c and own["your_usd_per_month"] > c["your_usd_per_month"]:
                saving = own["your_usd_per_month"] - c["your_usd_per_month"]
                found.append(Answer(f"Your workload on {d['name']}: {money(c['your_usd_per_month'])} a month at "
                                    f"{c['provider']}, the cheapest provider for it, against "
                                    f"{money(own['your_usd_per_month'])} at its creator's own API ({own['provider']}).",
                                    WORKLOAD, saving, section, slide))
            else:
                found.append(Answer(f"Your workload on {d['name']}: {money(c['your_usd_per_month'])} a month at "
                                    f"{c['provider']}{' (its creator)' if c['first_party'] else ''}, the cheapest provider "
                                    "for it.", WORKLOAD, 0, section, slide))
        else:
            found.append(Answer(f"{d['name']}'s output tokens are cheapest at {c['provider']}, "
                                f"{money(c['output_usd_per_mtok'])} per million.",
                                STANDING, 0, section, slide))
    return found
