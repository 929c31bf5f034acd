"""The subscriber's own models, at the front of every report: each focus model's variants with their
index, interval and rank, cost to run and per task, cost per solved task, openness, and the cheapest
model statistically tied with it or better, with the saving; a focus model the data cannot place is
listed with the reason. Gathers data (from model_standing and model_placement); draws nothing."""

from __future__ import annotations

from reports.common.context import label
from reports.common.datapack import Column, Table
from reports.handle import ReadHandle
from reports.subscriber import GEOGRAPHY_NAMES
from reports.formatting import money, number
from warehouse.errors import BenchhouseError


def gather(handle: ReadHandle, index: dict) -> dict:
    """Every variant's standing now and at the previous quarter's end, every model's placement, and
    the models retiring in the next two quarters: the same for every subscriber."""
    version = index["version"]
    return {"standing": handle.rows("model_standing", version=version),
            "standing_before": handle.rows("model_standing", version=version, as_of=handle.window.previous_as_of),
            "placement": {r["model"]: r for r in handle.rows("model_placement", version=version)},
            "retiring": {r["model"]: r for r in handle.rows("retiring_soon")}}


def constrain(handle: ReadHandle, gathered: dict, subscriber) -> dict:
    """The cheaper model beside each focus variant, as the subscriber's constraints on a substitute allow
    (subscriber.substitutes: open weights, a context window; reports/common/sql/substitutes.sql); without
    constraints, the one model_standing gives, which every subscriber shares."""
    asked = subscriber.substitutes
    if not asked.said() or gathered.get("index") is None:
        return {**gathered, "constraints": None}
    names = {}
    if asked.exclude_creators:
        names = {r["creator"]: r["name"] for r in handle.rows("creator_names", creators=list(asked.exclude_creators))}
        unknown = [c for c in asked.exclude_creators if c not in names]
        if unknown:  # a creator misspelt would exclude nothing: refused, not ignored
            raise BenchhouseError(
                f"subscriber {subscriber.id}: substitutes.exclude_creators names {', '.join(map(repr, unknown))}, "
                "which the warehouse does not hold as a creator: use the ids of `benchhouse sql \"SELECT creator, "
                "name FROM creators\"`")
    if asked.min_category:
        version = gathered["index"]["version"]
        known = {r["category"] for r in handle.rows("index_categories", version=version)}
        unknown = [c for c in asked.min_category if c not in known]
        if unknown:  # a category misspelt would leave no model to suggest, for a reason no page could say
            raise BenchhouseError(
                f"subscriber {subscriber.id}: substitutes.min_category names {', '.join(map(repr, unknown))}, which "
                f"version {version} of the index has no evaluation of: use one of {', '.join(sorted(known))}")
    rows = handle.rows("substitutes", version=gathered["index"]["version"], models=list(subscriber.focus_models),
                       open_weights=asked.open_weights, min_context_window=asked.min_context_window,
                       exclude_creators=list(asked.exclude_creators), input_modalities=list(asked.input_modalities),
                       output_modalities=list(asked.output_modalities), min_categories=list(asked.min_category),
                       min_scores=list(asked.min_category.values()), served_in=list(asked.served_in))
    cheapest: dict[tuple, dict] = {}
    for row in rows:  # cheapest first: the first of each variant
        cheapest.setdefault((row["model"], row["effort"]), {**row, "alternative_where": where_served(row)})
    return {**gathered, "constraints": asked.said(names), "substitutes": cheapest, "served_in": asked.served_in}


def where_served(row: dict) -> str | None:
    """The providers that serve a substitute where the subscriber asked, in words ('in Europe and the US by
    Microsoft Azure; in Asia-Pacific by Amazon Bedrock'); None when the subscriber asked nowhere."""
    served = row.get("alternative_served_in")
    if not served:
        return None
    by_place: dict[str, list[str]] = {}
    for s in served:
        by_place.setdefault(s["geography"], []).append(s["provider_name"])
    by_providers: dict[tuple[str, ...], list[str]] = {}  # geographies served by the same providers, said once
    for geography, names in by_place.items():
        by_providers.setdefault(tuple(names), []).append(GEOGRAPHY_NAMES[geography])
    return "; ".join(f"in {' and '.join(places)} by {' and '.join(names)}" for names, places in by_providers.items())


ALTERNATIVE = ("alternative_model", "alternative_effort", "alternative_name", "alternative_index", "alternative_ci_low",
               "alternative_ci_high", "alternative_usd", "saving_usd", "saving_share", "alternative_where")
"""A standing row's fields that name its cheaper model and the saving: replaced under constraints."""


def fit(handle: ReadHandle, gathered: dict, subscriber) -> dict:
    """What one subscriber's page of its models reads besides: the cheaper models its constraints allow
    (constrain), and its workload's month at each model's list prices, by the warehouse's one definition
    (reports/common/sql/workload_models.sql), on each focus variant's cheaper alternative at the output
    tokens it writes for the focus variant's (reports/common/sql/workload_alternatives.sql); without a
    workload, no month."""
    gathered = constrain(handle, gathered, subscriber)
    workload = subscriber.workload
    if workload is None:
        return {**gathered, "workload": None, "workload_costs": {}, "workload_alternatives": {}}
    volume = {"requests_per_month": workload.requests_per_month, "input_tokens": workload.tokens_per_request.input,
              "output_tokens": workload.tokens_per_request.output}
    pairs = alternative_pairs(gathered, subscriber.focus_models)
    scaled = handle.rows("workload_alternatives", version=gathered["index"]["version"], **volume,
                         **{key: [pair[i] for pair in pairs] for i, key in enumerate(PAIR_KEYS)}) if pairs else []
    return {**gathered, "workload": volume,
            "workload_costs": {r["model"]: r for r in handle.rows("workload_models", **volume)},
            "workload_alternatives": {tuple(r[key.removesuffix("s")] for key in PAIR_KEYS): r for r in scaled}}


PAIR_KEYS = ("models", "efforts", "alternative_models", "alternative_efforts")
"""The parameters of workload_alternatives.sql that name its pairs, each the plural of its column."""


def alternative_pairs(gathered: dict, focus_models: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
    """(model, effort, alternative model, alternative effort) of each focus variant with a cheaper
    alternative: under the subscriber's constraints when it states some (constrain), else model_standing's."""
    substitutes = gathered.get("substitutes")
    pairs = []
    for row in gathered["standing"]:
        if row["model"] not in focus_models:
            continue
        found = row if substitutes is None else substitutes.get((row["model"], row["effort"])) or {}
        if found.get("alternative_model"):
            pairs.append((row["model"], row["effort"], found["alternative_model"], found["alternative_effort"]))
    return pairs


def workload_rows(entries: list[dict], gathered: dict) -> list[dict]:
    """The month of the subscriber's workload on each focus model (its first variant) and on the cheaper
    model beside it, at their list prices: one row each, the alternative's after its focus model's; a
    focus model with no list price that day (or that can no longer be bought) has a row without one."""
    costs, rows = gathered.get("workload_costs") or {}, []
    volume = gathered.get("workload")
    if volume is None:
        return rows
    for entry in entries:
        best = entry["variants"][0] if entry["variants"] else {"model": entry["model"], "alternative_name": None}
        own = costs.get(best["model"])
        rows.append({"focus": entry["name"], "label": best.get("label") or entry["name"], "model": best["model"],
                     "role": "your focus model", "against": None, "apart": None, **(own or {}),
                     "output_tokens": volume["output_tokens"], "output_ratio": None, "saving_usd_per_month": None,
                     "no_month": None if own and own["your_usd_per_month"] is not None else NO_PRICE})
        if not (own and best["alternative_name"]):
            continue
        other = gathered["workload_alternatives"].get(
            (best["model"], best["effort"], best["alternative_model"], best["alternative_effort"]), {})
        rows.append({"focus": entry["name"], "model": best["alternative_model"],
                     "label": label({"display_name": best["alternative_name"], "effort": best["alternative_effort"]}),
                     "role": "cheaper alternative", "against": compared(best),
                     "apart": best["alternative_ci_low"] > best["ci_high"],
                     **{key: other.get(key) for key in ("input_usd_per_mtok", "output_usd_per_mtok", "your_input_usd",
                                                        "your_output_usd", "your_usd_per_month", "output_tokens",
                                                        "output_ratio")},
                     "saving_usd_per_month": own["your_usd_per_month"] - other["your_usd_per_month"]
                     if own["your_usd_per_month"] is not None and other.get("your_usd_per_month") is not None
                     else None,
                     "no_month": None if other.get("your_usd_per_month") is not None
                     else "no output tokens of both on the index to scale yours by" if other.get("output_tokens") is None
                     else NO_PRICE})
    return rows


NO_PRICE = "no list price on the as-of date, or it can no longer be bought"
"""Why a workload row has no month, when a model has no price that day."""


def workload_said(gathered: dict) -> str:
    """The workload the page prices, in a sentence over its table; without one, what the page would
    show and how to add it."""
    volume = gathered.get("workload")
    if volume is None:
        return ("With a workload in your subscriber file (requests a month, input and output tokens a request), this "
                "page gives each of your models' monthly cost at it, and its cheaper alternative's: see "
                "subscribers/README.md, workload.")
    return (f"{volume['requests_per_month']:,.0f} requests a month of {volume['input_tokens']:,.0f} input and "
            f"{volume['output_tokens']:,.0f} output tokens, on each of your focus models and its cheaper alternative, "
            f"at their list prices (standard rate) of {gathered['window'].as_of:%d %b %Y}: requests × (input tokens × "
            "input price + output tokens × output price). Your output tokens are your focus model's (the variant "
            "shown); an alternative writes more or fewer in the ratio the two wrote on the index's tasks (reasoning "
            "included), for the same answers.")


def your_models_tables(entries: list[dict], index: dict | None, as_of) -> list[Table]:
    """The data pack's sheet of the page of the subscriber's models: each focus variant's standing and the
    cheaper model beside it (where the subscriber asked it to be served: who serves it there), and each focus
    model the data cannot place, with the reason."""
    if not entries:
        return []
    rows = [{"focus": e["name"], **v, "alternative": label({"display_name": v["alternative_name"],
                                                           "effort": v["alternative_effort"]})
             if v["alternative_name"] else None, "reason": None}
            for e in entries for v in e["variants"]]
    rows += [{"focus": e["name"], "reason": e["reason"]} for e in entries if not e["variants"]]
    name = index["name"] if index else "the index"
    return [Table("Your models", f"Each focus model's variants on {name} as of {as_of:%d %b %Y}, with the cheapest model "
                  "that scores higher or cannot be told apart and costs less to run the index"
                  + (f" and offers {entries[0]['constraints']}" if entries[0]["constraints"] else "") + ".", (
                      Column("focus", "Your focus model"), Column("label", "Variant"), Column("model", "Model id"),
                      Column("effort", "Effort"), Column("rank", "Rank", "1 is first", generated=True),
                      Column("index", "Index", "points of 100", generated=True),
                      Column("ci_low", "95% interval, low", "points of 100", generated=True),
                      Column("ci_high", "95% interval, high", "points of 100", generated=True),
                      Column("total_usd", "Cost to run the index", "USD", generated=True),
                      Column("openness_score", "Openness", "points of 100"),
                      Column("alternative", "Cheaper, higher or not told apart"),
                      Column("alternative_model", "Its model id"),
                      Column("alternative_usd", "Its cost to run the index", "USD", generated=True),
                      Column("saving_share", "Saving", "share of 1", generated=True),
                      Column("alternative_where", "Served where you asked, by"),
                      Column("reason", "Not placed because")), rows)]


def workload_tables(rows: list[dict], as_of) -> list[Table]:
    """The data pack's sheet of the workload rows; none without a workload."""
    if not rows:
        return []
    return [Table("Your workload", f"Your workload's month on each focus model and its cheaper alternative at their list "
                  f"prices of {as_of:%d %b %Y}, input and output apart; the alternative at the output tokens it writes for "
                  "your focus model's, in the ratio of the two on the index's tasks.",
                  tuple(Column(key, header, unit) for key, header, unit in WORKLOAD_COLUMNS), rows)]


WORKLOAD_COLUMNS = (
    ("focus", "Your focus model", ""), ("label", "Model", ""), ("model", "Model id", ""), ("role", "Role", ""),
    ("against", "Against your model on the index", ""),
    ("input_usd_per_mtok", "Input price", "USD per million tokens"),
    ("output_usd_per_mtok", "Output price", "USD per million tokens"),
    ("output_tokens", "Output tokens a request", "tokens, reasoning included"),
    ("output_ratio", "Its output tokens on the index", "times your model's"),
    ("your_input_usd", "Input a month", "USD"), ("your_output_usd", "Output a month", "USD"),
    ("your_usd_per_month", "A month", "USD"), ("saving_usd_per_month", "Saving a month", "USD"),
    ("no_month", "No month because", ""))
"""The data pack's columns of the workload rows: (key, header, unit)."""


def tailor(gathered: dict, focus_models: tuple[str, ...]) -> list[dict]:
    """One entry per focus model: its variants' standing, or the reason it has none."""
    by_model: dict[str, list[dict]] = {}
    substitutes = gathered.get("substitutes")  # under the subscriber's constraints, when it states some
    for row in gathered["standing"]:
        if substitutes is not None and row["model"] in focus_models:
            found = substitutes.get((row["model"], row["effort"])) or {}
            row = {**row, **{key: found.get(key) for key in ALTERNATIVE}}
        by_model.setdefault(row["model"], []).append({"alternative_where": None, **row, "label": label(row)})
    before = {(r["model"], r["effort"]): r for r in gathered["standing_before"]}
    entries = []
    for model in focus_models:
        place = gathered["placement"].get(model, {})
        name = place.get("display_name") or model
        variants = sorted(by_model.get(model, []), key=lambda r: -r["index"])
        for v in variants:
            v["before"] = before.get((v["model"], v["effort"]))
        retiring = gathered["retiring"].get(model)
        retired = place.get("lifecycle") if place.get("retired") else None
        reason = None if variants else place.get("reason") or "not in the warehouse"
        lifecycle = retired or _retiring(retiring)
        entries.append({"model": model, "name": name, "variants": variants, "reason": reason,
                        "retiring": retiring, "retired": retired,
                        # said once: a model not placed because it is retired says so in its reason
                        "lifecycle": None if lifecycle and reason and lifecycle in reason else lifecycle,
                        "constraints": gathered.get("constraints"), "served_in": gathered.get("served_in")})
    return entries


def _retiring(r: dict | None) -> str | None:
    """A focus model's coming shutdown, for its row on the page of the subscriber's models."""
    if not r:
        return None
    instead = f"; its creator names {r['replacement']} as the replacement" if r["replacement"] else ""
    # 'announced by': a creator's own notice date, or the day its page was first seen giving the shutdown
    # (warehouse/sources/lifecycle.py), when the notice itself may be older
    return f"deprecated, announced by {r['deprecated_on']:%d %b %Y}, shut down on {r['shutdown_on']:%d %b %Y}{instead}"


def alerts(entries: list[dict]) -> list[str]:
    """What a subscriber must act on first: a focus model retiring in the next two quarters, or one
    that fell in rank since the previous quarter (overtaken by models now wholly above it)."""
    found = []
    for entry in entries:
        r = entry["retiring"]
        if r:
            replacement = f"; its creator names {r['replacement']} as the replacement" if r["replacement"] else ""
            found.append(f"Your focus model {entry['name']} is deprecated (announced by {r['deprecated_on']:%d %b %Y}) and "
                         f"will be shut down on {r['shutdown_on']:%d %b %Y}{replacement}: plan the move this quarter.")
        for v in entry["variants"][:1]:
            was = v["before"]
            if was and was["rank"] < v["rank"]:
                said = any("was overtaken" in f for f in found)  # what a rank is, said once
                found.append(f"Your focus model {v['label']} was overtaken this quarter: rank {was['rank']} at the "
                             f"previous quarter's end, rank {v['rank']} now"
                             + ("." if said else " (a variant's rank is one more than the number of variants whose "
                                                 "95% intervals lie wholly above its own)."))
    return found


def retired(entries: list[dict]) -> list[str]:
    """A focus model its creator has shut down by the as-of date, said so where a report would otherwise
    leave it out in silence: it can no longer be bought, so no page prices it."""
    return [f"Your focus model {e['name']} was {e['retired']}: it can no longer be bought, so this report prices "
            "it nowhere." for e in entries if e["retired"]]


def compared(standing: dict) -> str:
    """How a cheaper alternative's index compares with the model's, as the intervals allow it to be
    said: higher only when the two 95% intervals are apart, otherwise the two cannot be told apart
    (cheaper_equivalent never offers one whose interval lies wholly below)."""
    if standing["alternative_ci_low"] > standing["ci_high"]:
        return "scores higher"
    return "cannot be told apart from it on the index"


def sentences(entries: list[dict]) -> list[str]:
    """A finding per focus model: where it stands and what a statistically equal or better model
    would save, or why the data cannot place it."""
    found = []
    for entry in entries:
        if not entry["variants"]:
            found.append(f"Your focus model {entry['name']} cannot be placed: {entry['reason']}.")
            continue
        best = entry["variants"][0]
        place = (f"shares rank {best['rank']} with other variants whose intervals overlap its own" if best["tied"]
                 else f"ranks {best['rank']}")
        where = (f"{place} on the index at {number(best['index'])} "
                 f"(95% interval {number(best['ci_low'])} to {number(best['ci_high'])})")
        cost = f"one pass of the index costs {money(best['total_usd'])}"
        if best["alternative_name"]:
            alternative = label({"display_name": best["alternative_name"], "effort": best["alternative_effort"]})
            found.append(f"Your focus model {best['label']} {where}; {cost}. {alternative} {compared(best)} "
                         f"({number(best['alternative_index'])}, 95% interval {number(best['alternative_ci_low'])} to "
                         f"{number(best['alternative_ci_high'])}) for {money(best['alternative_usd'])}: "
                         f"{100 * best['saving_share']:.0f}% less"
                         + (f", served {best['alternative_where']}." if best.get("alternative_where") else "."))
        else:
            found.append(f"Your focus model {best['label']} {where}; {cost}, and no model that scores higher or "
                         "cannot be told apart from it costs less.")
    return found
