"""The smile curve: the price of a fixed level of intelligence falling 10x to 1000x a year, while spend
per task at the frontier rises with reasoning tokens and agentic turns. Gathers data; draws nothing."""

from __future__ import annotations

from dataclasses import dataclass

from reports.context import Appendix, Meta, label, meta, shared
from reports.handle import ReadHandle
from reports.registry import report
from reports.rendering import figures, slides
from reports.rendering.formatting import factor, money, tokens
from reports.subscriber import Subscriber


@dataclass(frozen=True)
class SmileCurve:
    meta: Meta
    appendix: Appendix
    index: dict
    left_arm: list[dict]
    decline: list[dict]
    right_arm: list[dict]
    frontier_models: list[dict]
    smile: list[dict]
    drivers: list[dict]
    findings: list[str]


NOTES = [
    "Left arm: Epoch AI's method. A threshold is a reference model's score on a benchmark. Walking the "
    "models by release date, a model is kept when it meets the threshold and is cheaper (blended 3:1) "
    "than every model kept before it; log10(price) is fitted against the release date by least squares, "
    "and the yearly decline factor is 10^(-365 x slope), with its 90% interval. Only independent "
    "measurements (the house's runs and Epoch AI's Benchmarking Hub) decide whether a model meets a "
    "threshold; a factor is printed only from at least four models released over at least a year.",
    "Right arm: the house's own series. Each month, the variant with the highest index among models "
    "released by then, and what one task and one pass of the index cost it at that month's prices.",
]


def gather(handle: ReadHandle, index: dict) -> dict:
    """The two arms and their drivers: the same for every subscriber of an index version."""
    left = handle.rows("smile_left")
    decline = handle.rows("smile_decline")
    fits = {d["threshold"]: d for d in decline if d["with_reasoning"]}
    for row in left:
        row["series"] = series_label(row["label"], fits.get(row["threshold"]))
    spend = handle.rows("smile_right", version=index["version"])
    drivers = handle.rows("smile_drivers", version=index["version"])
    for row in drivers:
        row["label"] = label(row)
    return {
        **shared(handle, index, NOTES),
        "left": left, "decline": decline, "spend": spend, "drivers": drivers,
        "smile": handle.rows("smile_relative", version=index["version"]),
    }


@report("smile-curve", title="The smile curve", template="smile_curve.html", gather=gather,
        figures=figures.smile_curve, slides=slides.smile_curve)
def smile_curve(gathered: dict, subscriber: Subscriber) -> SmileCurve:
    """The two arms of the smile: what a fixed level of intelligence costs, and what the frontier spends."""
    spend = gathered["spend"]
    right = [{"as_of": r["as_of"], "measure": measure, "usd": r[field]}
             for r in spend for measure, field in (("Cost per task", "cost_per_task"),
                                                   ("Cost to run the index", "cost_to_run_usd"))
             if r[field] is not None]
    return SmileCurve(
        meta=meta(gathered, subscriber, "smile-curve", "The smile curve",
                  f"The price of intelligence and the spend at the frontier, {gathered['window'].label}"),
        appendix=gathered["appendix"], index=gathered["index"], left_arm=gathered["left"],
        decline=gathered["decline"], right_arm=right, frontier_models=_changes(spend),
        smile=gathered["smile"], drivers=gathered["drivers"],
        findings=_findings(gathered["decline"], spend, gathered["drivers"]),
    )


def series_label(label_: str, fit: dict | None) -> str:
    """A threshold's name in the chart's legend, with its yearly decline factor and 90% interval
    when the fit is reliable."""
    if not fit or not fit["reliable"]:
        return f"{label_}: series too short for a factor"
    return (f"{label_}: {factor(fit['decline_factor_per_year'])}/yr "
            f"({factor(fit['decline_factor_low'])}–{factor(fit['decline_factor_high'])})")


def _changes(spend: list[dict]) -> list[dict]:
    """The months in which the frontier passed to another model."""
    changes, previous = [], None
    for row in spend:
        if (row["model"], row["effort"]) != previous:
            changes.append({**row, "label": label(row)})
            previous = (row["model"], row["effort"])
    return changes


def _findings(decline: list[dict], spend: list[dict], drivers: list[dict]) -> list[str]:
    found = []
    fits = [d for d in decline if d["with_reasoning"] and d["reliable"]]
    if fits:
        fastest = max(fits, key=lambda d: d["decline_factor_per_year"])
        slowest = min(fits, key=lambda d: d["decline_factor_per_year"])
        found.append(f"The price of a fixed level of intelligence falls fast: {factor(slowest['decline_factor_per_year'])} "
                     f"a year for {slowest['label']}, up to {factor(fastest['decline_factor_per_year'])} a year for "
                     f"{fastest['label']}.")
        for fit in fits:
            if fit["decline_factor_low"]:
                found.append(f"{fit['label']}: {factor(fit['decline_factor_per_year'])} a year (90% interval "
                             f"{factor(fit['decline_factor_low'])} to {factor(fit['decline_factor_high'])}), fitted on "
                             f"{fit['models_on_frontier']} models from {fit['first_release']:%b %Y} to "
                             f"{fit['last_release']:%b %Y}.")
    priced = [r for r in spend if r["cost_per_task"] is not None]
    if len(priced) >= 2:
        first, last = priced[0], priced[-1]
        found.append(f"Spend per task at the frontier went from {money(first['cost_per_task'])} "
                     f"({label(first)}, {first['as_of']:%b %Y}) to {money(last['cost_per_task'])} "
                     f"({label(last)}, {last['as_of']:%b %Y}).")
    if len(drivers) >= 2 and drivers[-1]["tokens_change"] and drivers[-1]["price_change"]:
        d = drivers[-1]
        found.append(f"Since {drivers[0]['as_of']:%b %Y}, the frontier's tokens per task changed {factor(d['tokens_change'])} "
                     f"(now {tokens(d['tokens_per_task'])}) while its blended price per token changed "
                     f"{factor(d['price_change'])}: spend per task follows the tokens, not the price.")
    found.append("For a company: a workload pinned to a fixed level of intelligence should budget for its cost to "
                 "fall several-fold each year by moving to the cheapest model that meets it; a workload that always "
                 "runs on the frontier should budget for spend per task to rise with reasoning tokens and turns.")
    return found
