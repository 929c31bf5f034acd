"""The smile curve: the price of a fixed level of intelligence falling 10x to 1000x a year, while spend
per task at the frontier rises with reasoning tokens and agentic turns. Gathers data; draws nothing."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reports.common import focus as yours
from reports.common.datapack import Column, Table, coverage
from reports.common.answer import MARKET, Answer, ranked, yours as yours_answered
from reports.common.context import Appendix, Meta, label, meta, shared
from reports.handle import ReadHandle
from reports.formatting import factor, money, money_change, tokens
from reports.subscriber import Subscriber


NAME = "smile-curve"
# Tokens per task times the blended price "explains" the move of spend per task when their product's
# move is within this factor of the spend's.
EXPLAINED = 1.25
TITLE = "The smile curve"

@dataclass(frozen=True)
class SmileCurve:
    meta: Meta
    appendix: Appendix
    index: dict
    your_models: list[dict]
    workload: list[dict]
    """Its rows: each focus model and its cheaper alternative, priced (reports/common/focus.py)."""
    workload_said: str
    """The workload the page prices, or how to add one."""
    answers: list[Answer]
    """The answer page (reports/common/answer.py)."""
    left_arm: list[dict]
    decline: list[dict]
    right_arm: list[dict]
    frontier_models: list[dict]
    smile: list[dict]
    smile_summary: str | None
    drivers: list[dict]
    quarter: list[dict]
    focus: list[dict]
    findings: list[str]


NOTES = [
    "Left arm: Epoch AI's method. A threshold is a reference model's score on a benchmark. Walking the "
    "models by release date, a model is kept when it meets the threshold and is cheaper (blended 3:1) "
    "than every model kept before it; log10(price) is fitted against the release date by least squares, "
    "and the yearly decline factor is 10^(-365 x slope), with its 90% interval. A model meets a threshold "
    "on a score a named source published: the house's runs, an independent measurement (Epoch AI's "
    "Benchmarking Hub, LiveBench, τ²-bench run by Sierra) or its lab's own claim (collected by LLM-Stats), "
    "which is not independently verified and is named as such in the findings; never on generated runs "
    "alone. A factor is printed only from at least four models released over at least a year.",
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
        **shared(handle, index, NOTES), **yours.gather(handle, index),
        "left": left, "decline": decline, "spend": spend, "drivers": drivers,
        "smile": handle.rows("smile_relative", version=index["version"]),
        "quarter": handle.rows("smile_quarter"),
        "threshold_prices": handle.rows("threshold_prices"),
    }


def fit(handle: ReadHandle, gathered: dict, subscriber: Subscriber) -> dict:
    """The subscriber's workload priced at each model's list prices (reports/common/focus.py: fit)."""
    return yours.fit(handle, gathered, subscriber)


def tailor(gathered: dict, subscriber: Subscriber) -> SmileCurve:
    """The two arms of the smile: what a fixed level of intelligence costs, and what the frontier spends."""
    spend = gathered["spend"]
    right = [{"as_of": r["as_of"], "measure": measure, "usd": r[field]}
             for r in spend for measure, field in (("Cost per task", "cost_per_task"),
                                                   ("Cost to run the index", "cost_to_run_usd"))
             if r[field] is not None]
    focus = [{**r, "label": on_claim(r["display_name"], r["provenance"]),
              "cheapest_name": on_claim(r["cheapest_name"], r["cheapest_provenance"]), "cheaper_by": _cheaper_by(r)}
             for r in gathered["threshold_prices"] if r["model"] in subscriber.focus_models]
    quarter = [{**q, "before_name": on_claim(q["before_name"], q["before_provenance"]),
                "now_name": on_claim(q["now_name"], q["now_provenance"])} for q in gathered["quarter"]]
    your_models = yours.tailor(gathered, subscriber.focus_models)
    window = gathered["window"]
    return SmileCurve(
        meta=meta(gathered, subscriber, NAME, TITLE,
                  f"The price of intelligence and the spend at the frontier, {window.label}"),
        appendix=gathered["appendix"], index=gathered["index"],
        your_models=your_models, left_arm=gathered["left"],
        workload=(workload := yours.workload_rows(your_models, gathered)),
        workload_said=yours.workload_said(gathered),
        answers=ranked(yours_answered(your_models, workload) + _answers(gathered["decline"], quarter, window)),
        decline=gathered["decline"], right_arm=right, frontier_models=_changes(spend),
        smile=gathered["smile"], smile_summary=_smile_summary(gathered["smile"], gathered["left"]), drivers=gathered["drivers"],
        quarter=quarter, focus=focus,
        findings=yours.alerts(your_models) + yours.retired(your_models)
        + ([gathered["appendix"].coverage_line] if gathered["appendix"].coverage_line else [])
        + _findings(gathered["decline"], spend, gathered["smile"], gathered["drivers"], quarter, focus, window)
        + _claimed(gathered["left"]),
    )


def on_claim(name: str | None, provenance: str | None) -> str | None:
    """A model's name where it meets a level only on its own lab's score, said beside it on every table
    and sentence that names it: no claim reads as a measurement."""
    return f"{name} (its lab's claim)" if name and provenance == "claimed" else name


NOTABLE_CUT = 0.1  # a threshold's cheapest price must fall by this share to be a finding (and, to another model, an answer)


def _answers(decline: list[dict], quarter: list[dict], window) -> list[Answer]:
    """Besides what the subscriber's models call for: how fast the price of the highest level of
    intelligence with a precise yearly factor falls, and the threshold whose cheapest model fell most
    in price this quarter."""
    found = []
    fits = [d for d in decline if d["reliable"] and d["precise"] and d["with_reasoning"]]
    if fits:
        d = fits[-1]
        found.append(Answer(f"The price of intelligence at {d['label']} falls {factor(d['decline_factor_per_year'])} a "
                            f"year (90% interval {factor(d['decline_factor_low'])} – {factor(d['decline_factor_high'])}), "
                            f"fitted on {d['models_on_frontier']} models, each cheaper than those before it.",
                            MARKET, 2, "left", "How fast the price falls"))
    moved = [q for q in quarter if q["before_usd"] and q["now_usd"] and q["now_name"] != q["before_name"]
             and q["now_usd"] <= (1 - NOTABLE_CUT) * q["before_usd"]]
    if moved:
        q = min(moved, key=lambda q: q["now_usd"] / q["before_usd"])
        found.append(Answer(f"At {q['label']}, the cheapest model is now {q['now_name']} at {money(q['now_usd'])} per "
                            f"million tokens, against {q['before_name']} at {money(q['before_usd'])} on {window.previous_as_of:%d %b %Y}.",
                            MARKET, 1, "quarter", "This quarter against the last"))
    return found


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


def smile_start(smile: list[dict]):
    """The month both arms of the smile chart are divided by: its first (smile_relative)."""
    return min((r["as_of"] for r in smile), default=None)


def _smile_summary(smile: list[dict], left: list[dict]) -> str | None:
    """Where each arm of the smile chart ends, in words, from the chart's own rows: the page says what
    its chart shows, whichever way each arm went, and names the level whose price the left arm is (a
    fold without its level cannot be checked against the level's own rows)."""
    labels = {r["threshold"]: r["label"] for r in left}
    ends: dict[str, dict] = {}
    for r in smile:  # each series in order of month (smile_relative.sql)
        ends[r["series"]] = r
    if not ends:
        return None
    last = max(r["as_of"] for r in ends.values())

    def named(series: str, row: dict) -> str:
        if series == "Price of a fixed level of intelligence" and row.get("threshold") in labels:
            return f"price of intelligence at {labels[row['threshold']]}"
        return f"{series[0].lower()}{series[1:]}"
    moves = [f"the {named(series, r)} {_change(r['relative'])}" for series, r in sorted(ends.items())]
    return f"Each arm is divided by its value in {smile_start(smile):%b %Y}. By {last:%b %Y}, {' and '.join(moves)}."


def _findings(decline, spend, smile, drivers, quarter, focus, window) -> list[str]:
    """The first page: sentences over the rows above, chosen by what the data shows. A decline factor
    carries a finding only when precise (its 90% interval spans at most two orders of magnitude).
    Spend per task is told over the months the smile chart draws, from its first month on."""
    found = []
    for f in _focus_findings(focus):
        found.append(f)
    fits = sorted((d for d in decline if d["with_reasoning"] and d["precise"]),
                  key=lambda d: d["decline_factor_high"] / d["decline_factor_low"])
    for fit in fits[:3]:
        found.append(f"The price of {fit['label']} fell {factor(fit['decline_factor_per_year'])} a year (90% interval "
                     f"{factor(fit['decline_factor_low'])} to {factor(fit['decline_factor_high'])}), fitted on "
                     f"{fit['models_on_frontier']} models released from {fit['first_release']:%b %Y} to "
                     f"{fit['last_release']:%b %Y}.")
    vague = [d for d in decline if d["with_reasoning"] and d["reliable"] and not d["precise"]]
    if vague:
        found.append(f"{len(vague)} other series fall too unevenly for a yearly factor to mean much (their 90% "
                     f"intervals span more than a hundredfold), among them {vague[0]['label']}; they are in the table, "
                     "not in these findings.")
    moved = [q for q in quarter if q["before_usd"] and q["now_usd"] and q["now_usd"] <= (1 - NOTABLE_CUT) * q["before_usd"]]
    if moved:
        q = min(moved, key=lambda q: q["now_usd"] / q["before_usd"])
        before = f"{q['before_name']}, since retired" if q["before_retired"] else q["before_name"]
        was, is_now = money_change(q["before_usd"], q["now_usd"])
        found.append(f"This quarter, the cheapest way to buy {q['label']} went from {was} ({before}) to {is_now} "
                     f"({q['now_name']}) per million tokens, {_change(q['now_usd'] / q['before_usd'])}.")
    elif quarter:
        found.append(f"No threshold's cheapest price fell by {NOTABLE_CUT:.0%} or more between "
                     f"{window.previous_as_of:%d %b %Y} and {window.as_of:%d %b %Y}; the table gives each.")
    start = smile_start(smile)
    priced = [r for r in spend if r["cost_per_task"] is not None and (start is None or r["as_of"] >= start)]
    if len(priced) >= 2:
        first, last = priced[0], priced[-1]
        was, is_now = money_change(first["cost_per_task"], last["cost_per_task"])
        found.append(f"Spend per task at the frontier went from {was} "
                     f"({label(first)}, {first['as_of']:%b %Y}{', since retired' if first['retired_since'] else ''}) "
                     f"to {is_now} "
                     f"({label(last)}, {last['as_of']:%b %Y}): {_change(last['cost_per_task'] / first['cost_per_task'])}.")
    d = drivers[-1] if len(drivers) >= 2 else None
    if d and d["tokens_change"] and d["price_change"] and d["cost_change"]:
        # Spend per task is each token type's count times its own price, not tokens times the blended
        # price: the two explain the spend's move only when their product is near it.
        if abs(math.log(d["tokens_change"] * d["price_change"] / d["cost_change"])) < math.log(EXPLAINED):
            tokens_move, price_move = abs(math.log(d["tokens_change"])), abs(math.log(d["price_change"]))
            why = ("It moved with the tokens more than the price" if tokens_move > price_move
                   else "It moved with the price more than the tokens")
        else:
            why = ("Together they do not explain that: the split of its tokens among input, cached input, reasoning "
                   "and answer, each at its own price, moved it")
        found.append(f"Since {drivers[0]['as_of']:%b %Y}, the frontier's spend per task {_change(d['cost_change'])} "
                     f"(now {money(d['cost_per_task'])}), its tokens per task {_change(d['tokens_change'])} "
                     f"(now {tokens(d['tokens_per_task'])}) and its blended price per token {_change(d['price_change'])}. "
                     f"{why}.")
    return found


def _claimed(left: list[dict]) -> list[str]:
    """The models the left arm keeps on their lab's own claim: a reader must know which prices rest
    on a score nobody else measured."""
    claims = {}
    for r in left:
        if r["evidence_provenance"] == "claimed":
            claims.setdefault((r["display_name"], r["evidence"]), []).append(r["label"])
    if not claims:
        return []
    named = "; ".join(f"{name} ({', '.join(dict.fromkeys(labels))}; {source})"
                      for (name, source), labels in sorted(claims.items()))
    return [f"On the price side, {len(claims)} of the cheapest models meet their level only on their lab's own "
            f"score, claimed by the lab and not independently verified: {named}."]


def _focus_findings(focus: list[dict]) -> list[str]:
    """For each focus model that meets a threshold: its price beside the cheapest that meets it too,
    at the hardest threshold it meets (the one whose cheapest price is highest)."""
    found, seen = [], set()
    for r in sorted(focus, key=lambda r: -r["cheapest_usd"]):
        if r["model"] in seen:
            continue
        seen.add(r["model"])
        if r["cheapest_name"] == r["label"]:
            found.append(f"Your focus model {r['label']} is the cheapest model meeting {r['threshold_label']}, at "
                         f"{money(r['blended_usd_per_mtok'])} per million tokens (blended).")
        else:
            found.append(f"Your focus model {r['label']} meets {r['threshold_label']} at {money(r['blended_usd_per_mtok'])} "
                         f"per million tokens (blended); {r['cheapest_name']} meets it at {money(r['cheapest_usd'])}, "
                         f"{factor(r['cheaper_by'])} cheaper.")
    return found


def _cheaper_by(row: dict) -> float | None:
    """How many times cheaper the cheapest model meeting a threshold is than the focus model that meets it:
    one figure for the finding and the table beside it."""
    if not row["cheapest_usd"] or row["blended_usd_per_mtok"] is None:
        return None
    return row["blended_usd_per_mtok"] / row["cheapest_usd"]


def _change(ratio: float) -> str:
    """A ratio in words: 'rose 3.2-fold', 'fell 10-fold', 'fell 12%', 'was unchanged'."""
    if abs(ratio - 1) < 0.005:
        return "was unchanged"
    if 0.5 < ratio < 2:  # 'fell 1.0-fold' says nothing: a small move reads as a percentage
        return f"rose {100 * (ratio - 1):.0f}%" if ratio > 1 else f"fell {100 * (1 - ratio):.0f}%"
    return f"rose {factor(ratio).rstrip('×')}-fold" if ratio > 1 else f"fell {factor(1 / ratio).rstrip('×')}-fold"


def data_pack(ctx: SmileCurve) -> list[Table]:
    """The data pack's tables: each table of the report whole, and the subscriber's workload priced, when its
    file states one."""
    as_of, before = f"{ctx.meta.as_of:%d %b %Y}", f"{ctx.meta.previous_as_of:%d %b %Y}"
    return [
        Table("Decline", "For each threshold, the running minimum of the blended price (3 input : 1 output) of the "
              "models meeting it, fitted against release date: how many times cheaper it gets in a year.", (
                  Column("label", "Threshold"), Column("with_reasoning", "Reasoning models included"),
                  Column("models_on_frontier", "Models kept", "models"),
                  Column("first_release", "First release"), Column("last_release", "Last release"),
                  Column("decline_factor_per_year", "Decline a year", "times cheaper"),
                  Column("decline_factor_low", "90% interval, low", "times cheaper"),
                  Column("decline_factor_high", "90% interval, high", "times cheaper"),
                  Column("reliable", "Series long enough"), Column("precise", "Precise enough for a finding")),
              ctx.decline),
        Table("This quarter", f"The cheapest model meeting each threshold on {before} and on {as_of}.", (
                  Column("label", "Threshold"), Column("before_name", f"Cheapest on {before}"),
                  Column("before_usd", f"Price on {before}", "USD per million tokens, blended"),
                  Column("now_name", f"Cheapest on {as_of}"),
                  Column("now_usd", f"Price on {as_of}", "USD per million tokens, blended"),
                  Column("now_evidence", f"Its score on {as_of}, from"),
                  Column("now_provenance", f"Its score on {as_of}", "measured, or claimed by its lab"),
                  Column("models_meeting", "Models meeting it", "models")),
              ctx.quarter),
        Table("Your models at these levels", f"Each focus model that meets a threshold on {as_of}, beside the "
              "cheapest model meeting it.", (
                  Column("label", "Your model"), Column("model", "Model id"), Column("threshold_label", "Threshold"),
                  Column("blended_usd_per_mtok", "Its price", "USD per million tokens, blended"),
                  Column("cheapest_name", "Cheapest meeting it"),
                  Column("cheapest_usd", "Cheapest price", "USD per million tokens, blended"),
                  Column("cheapest_provenance", "Its score", "measured, or claimed by its lab"),
                  Column("cheaper_by", "Cheaper by", "times")),
              ctx.focus),
        Table("Frontier", f"Each month, the top scored model then available on {ctx.index['name']}, and what it costs "
              "at that month's prices.", (
                  Column("as_of", "From"), Column("label", "Model"), Column("index", "Index", "points of 100", generated=True),
                  Column("cost_per_task", "Cost per task", "USD", generated=True),
                  Column("cost_to_run_usd", "Cost to run the index", "USD", generated=True)),
              ctx.frontier_models),
        Table("Drivers", "At each quarter end, the frontier model's price, tokens and turns per task: what its spend "
              "per task is made of.", (
                  Column("as_of", "Quarter end"), Column("label", "Frontier model"),
                  Column("blended_usd_per_mtok", "Price", "USD per million tokens, blended"),
                  Column("tokens_per_task", "Tokens per task", "tokens", generated=True),
                  Column("turns_per_task", "Turns per task", "turns", generated=True),
                  Column("cost_per_task", "Cost per task", "USD", generated=True)),
              ctx.drivers),
        *yours.your_models_tables(ctx.your_models, ctx.index, ctx.meta.as_of),
        *yours.workload_tables(ctx.workload, ctx.meta.as_of),
        *coverage(ctx.appendix),
    ]
