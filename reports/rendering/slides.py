"""Which slides each report's deck shows, built from its context with native charts."""

from __future__ import annotations

from reports.rendering.deck import Deck
from reports.rendering.figures import dedicated_label, deployment_options, ttft_labels
from reports.rendering.formatting import (age, factor, money, number, rank, seconds, solved_task_basis, speed, tokens,
                                          workloads_said)
from reports.rendering.theme import TOKEN_PARTS


GENERATED = "Built from the house's generated demonstration runs, not from measurements."


def _opening(deck: Deck, ctx) -> None:
    banner = ("Demonstration data: the house's per-task runs behind this deck's scores, tokens and costs are generated, "
              "calibrated to published figures, not measured." if ctx.appendix.generated else None)
    notes = " ".join(n for n in (banner, ctx.appendix.coverage_line) if n) or None
    deck.title_slide(ctx.meta.title, f"{ctx.meta.subtitle} · prices as of {ctx.meta.as_of:%d %B %Y}", notes)


def _your_models(deck: Deck, ctx) -> None:
    """The subscriber's focus models: each variant's standing, or why it cannot be placed."""
    rows, bold = [], []
    for f in ctx.your_models:
        for v in f["variants"][:3]:
            alternative = (f"{v['alternative_name']}{'' if v['alternative_effort'] == 'default' else ' (' + v['alternative_effort'] + ')'}"
                           f", {money(v['alternative_usd'])} (−{100 * v['saving_share']:.0f}%)"
                           if v["alternative_name"] else "none cheaper")
            rows.append([v["label"], rank(v["rank"], v["tied"]), f"{number(v['index'])} ({number(v['ci_low'])}–{number(v['ci_high'])})",
                         money(v["total_usd"]), money(v["mean_cost_per_solved_task"]), number(v["openness_score"]),
                         alternative])
            bold.append(False)
        if not f["variants"]:
            rows.append([f["name"], "", "", "", "", "", f"not placed: {f['reason']}"])
            bold.append(False)
    deck.table("Your models", ["Model", "Rank", "Index (95% interval)", "Cost to run", "Per solved task", "Openness",
                               "Cheaper and statistically as good"],
               rows[:14], [2.9, 0.7, 1.9, 1.2, 1.4, 1.1, 2.9], size=10,
               note=_runs(ctx, " ".join(filter(None, [f"{ctx.index['name']}, list prices (standard rate) of {ctx.meta.as_of:%d %b %Y}.",
                                                      solved_task_basis(ctx.your_models)]))))


def _runs(ctx, note: str = "") -> str:
    """A slide's note, and the notice when it is built from generated runs."""
    return f"{note} {GENERATED}".strip() if ctx.appendix.generated else note


def _percent(weight: float) -> str:
    """An index weight as the methodology writes it: 25%, 12.5%, 33.3%."""
    return f"{100 * weight:.1f}".removesuffix(".0") + "%"


def _closing(deck: Deck, ctx) -> None:
    a = ctx.appendix
    paragraphs = []
    if a.generated:
        paragraphs.append(f"Generated data: {a.generated_rows:,} task results were generated for a demonstration, "
                          "calibrated to published scores, tokens and turns; they are not measurements.")
    if a.index_name:
        weights = ", ".join(f"{e['name']} {_percent(e['weight'])}" for e in a.evaluations)
        paragraphs.append(f"{a.index_name} (version {a.index_version}, published {a.index_published:%d %b %Y}): {weights}.")
    paragraphs.append(f"Warehouse snapshot {ctx.meta.snapshot}; prices as of {ctx.meta.as_of:%d %b %Y}. {a.pricing_rule}")
    paragraphs.append("Sources: " + "; ".join(
        f"{s['source']} ({s['licence'] or 'the house'}"
        + (f"; {s['claimed_rows']:,} scores claimed by the labs, not independently verified" if s.get("claimed_rows") else "")
        + ")" for s in a.sources) + ".")
    deck.text("Methodology and sources", paragraphs, size=11)


def cost_to_run(ctx, deck: Deck) -> None:
    _opening(deck, ctx)
    deck.bullets("Findings", ctx.findings, size=13)
    _your_models(deck, ctx)
    q = ctx.quarter
    deck.table("This quarter against the last",
               ["Index at least", f"Cheapest, {ctx.meta.previous_as_of:%d %b %Y}", "Cost", f"Cheapest, {ctx.meta.as_of:%d %b %Y}", "Cost"],
               [[f"{t['tier']:g}", t["before"]["label"] if t["before"] else "none",
                 money(t["before"]["total_usd"]) if t["before"] else "", t["now"]["label"], money(t["now"]["total_usd"])]
                for t in q["tiers"]]
               + [["Price moves", f"{sum(1 for p in q['prices'] if p['ratio'] < 1)} cuts, "
                                  f"{sum(1 for p in q['prices'] if p['ratio'] > 1)} rises", "", "", ""],
                  ["Lifecycle", f"{sum(1 for r in q['lifecycle'] if r['status'] == 'retired')} retired, "
                                f"{sum(1 for r in q['lifecycle'] if r['status'] == 'deprecated')} deprecated",
                   "", f"{len(q['released'])} notable models released", ""]],
               [1.6, 3.7, 1.3, 3.7, 1.3], size=11, note=_runs(ctx, "Cost to run the index, at each day's prices."))
    priced = [p for p in ctx.points if p["total_usd"] is not None]
    groups = [
        ("Your focus models", [(p["total_usd"], p["index"], p["label"]) for p in priced if p["focus"]], deck.brand.accent),
        ("Pareto frontier", [(p["total_usd"], p["index"], p["label"]) for p in priced
                             if p["on_frontier"] and not p["focus"]], deck.brand.primary),
        ("Other models", [(p["total_usd"], p["index"], None) for p in priced
                          if not p["on_frontier"] and not p["focus"]], deck.brand.others()),
    ]
    deck.scatter("Intelligence against the cost of running the index", [g for g in groups if g[1]],
                 x_title=f"Cost to run the index, USD (log scale), {ctx.meta.as_of:%d %b %Y}",
                 y_title=ctx.index["name"], note=_runs(ctx, "Labelled: the Pareto frontier and your focus models."))
    shown = ctx.shown
    labels = [p["label"] for p in shown]
    colours = deck.brand.token_colours()
    deck.stacked_bars("Where the cost goes, by token type", labels,
                      [(name, [p[field] or 0 for p in shown], colours[name]) for field, name in TOKEN_PARTS],
                      "USD for one pass of the index", note=_runs(ctx))
    deck.bars("Output tokens to run the index", labels, [p["output_tokens"] for p in shown],
              "Output tokens (reasoning + answer)", "tokens", [p["focus"] for p in shown], note=_runs(ctx))
    deck.bars("Cost per task", labels, [p["cost_per_task"] for p in shown], "USD per task (index-weighted)",
              "usd", [p["focus"] for p in shown], note=_runs(ctx))
    if ctx.turns_chart:
        turns = [t for t in ctx.turns if t["evaluation_name"] == ctx.turns_chart
                 and t["cost_per_solved_task"] and t["blended_usd_per_mtok"]]
        # a key of every model ran off the slide: name the focus models and the cheapest per solved task
        cheapest = {id(t) for t in sorted(turns, key=lambda t: t["cost_per_solved_task"])[:10]}
        deck.scatter("What a solved task costs",
                     [("Your focus models", [(t["blended_usd_per_mtok"], t["cost_per_solved_task"], t["label"])
                                             for t in turns if t["focus"]], deck.brand.accent),
                      ("Cheapest per solved task", [(t["blended_usd_per_mtok"], t["cost_per_solved_task"], t["label"])
                                                    for t in turns if not t["focus"] and id(t) in cheapest],
                       deck.brand.primary),
                      ("Other models", [(t["blended_usd_per_mtok"], t["cost_per_solved_task"], None)
                                        for t in turns if not t["focus"] and id(t) not in cheapest], deck.brand.others())],
                     x_title=f"Blended price, USD per million tokens (log scale), {ctx.meta.as_of:%d %b %Y}",
                     y_title="USD per solved task (log scale)", log_y=True, y_unit="usd",
                     note=_runs(ctx, f"{ctx.turns_chart}: a dearer token can make a cheaper solved task."))
    top = [p for p in ctx.points if p["total_usd"] is not None][:14]
    deck.table("The ranking", ["#", "Model", "Index", "95% interval", "Cost to run", "Per task", "Output tokens"],
               [[rank(p["rank"], p["tied"]), p["label"], number(p["index"]), f"{number(p['ci_low'])}–{number(p['ci_high'])}",
                 money(p["total_usd"]), money(p["cost_per_task"]), tokens(p["output_tokens"])] for p in top],
               [0.5, 4.4, 1.1, 1.7, 1.5, 1.4, 1.5], highlight=[p["focus"] for p in top], size=10, note=_runs(ctx))
    _closing(deck, ctx)


def _series(rows: list[dict], series_key: str, value_key: str) -> list[tuple[str, list[tuple]]]:
    """Each series' (date, value) points, in date order, series in order of first appearance."""
    names = list(dict.fromkeys(r[series_key] for r in rows))
    return [(n, sorted((r["as_of"], r[value_key]) for r in rows if r[series_key] == n and r[value_key] is not None))
            for n in names]


def smile_curve(ctx, deck: Deck) -> None:
    _opening(deck, ctx)
    deck.bullets("Findings", ctx.findings, size=13)
    _your_models(deck, ctx)
    deck.steps("The price of a fixed level of intelligence", _series(ctx.left_arm, "series", "blended_usd_per_mtok"),
               "Cheapest blended price, USD per million tokens (log)", "usd",
               note=_runs(ctx, "The cheapest model meeting each threshold, month by month."))
    fits = [d for d in ctx.decline if d["reliable"]]
    deck.table("How fast the price falls", ["Threshold", "Reasoning models", "Models kept", "Decline a year", "90% interval"],
               [[d["label"], "with" if d["with_reasoning"] else "without", str(d["models_on_frontier"]),
                 factor(d["decline_factor_per_year"]),
                 f"{factor(d['decline_factor_low'])} – {factor(d['decline_factor_high'])}" if d["decline_factor_low"] else "n/a"]
                for d in fits], [4.4, 1.9, 1.6, 1.9, 2.3], size=11)
    if ctx.quarter:
        deck.table("This quarter against the last", ["Threshold", f"Cheapest, {ctx.meta.previous_as_of:%d %b %Y}",
                                                     "Price", f"Cheapest, {ctx.meta.as_of:%d %b %Y}", "Price"],
                   [[q["label"], q["before_name"] or "none yet", money(q["before_usd"]), q["now_name"],
                     money(q["now_usd"])] for q in ctx.quarter],
                   [3.6, 3.0, 1.2, 3.0, 1.2], size=11,
                   note="Blended price per million tokens of the cheapest model meeting each threshold.")
    deck.steps("What the frontier model spends", _series(ctx.right_arm, "measure", "usd"), "USD (log)", "usd",
               note=_runs(ctx, "The most intelligent model available each month, at that month's prices."))
    deck.steps("The smile: both arms on one scale", _series(ctx.smile, "series", "relative"),
               "Relative to the first month (log)", "relative",
               note=_runs(ctx, "Each series divided by its first value."))
    deck.table("What drives the frontier's spend", ["Quarter end", "Frontier model", "Price / M tokens",
                                                     "Tokens per task", "Turns per task", "Cost per task"],
               [[f"{d['as_of']:%b %Y}", d["label"], money(d["blended_usd_per_mtok"]), tokens(d["tokens_per_task"]),
                 number(d["turns_per_task"]), money(d["cost_per_task"])] for d in ctx.drivers],
               [1.6, 4.2, 1.7, 1.7, 1.5, 1.5], size=11, note=_runs(ctx))
    _closing(deck, ctx)


def openness_index(ctx, deck: Deck) -> None:
    _opening(deck, ctx)
    deck.bullets("Findings", ctx.findings, size=13)
    _your_models(deck, ctx)
    names = [c["name"] for c in ctx.components]
    components = [c["component"] for c in ctx.components]
    deck.table("Your models' openness", ["Model", "Score", *names, "Weights licence"],
               [[f["label"], number(f["score"]), *[str(f[c]) for c in components], f["licence"] or "not stated"]
                if f["scored"] else [f["label"], "n/a", *["" for _ in components], f["reason"]] for f in ctx.focus],
               [2.4, 0.8, 1.05, 1.05, 1.05, 1.05, 1.35, 1.05, 2.3], size=10)  # "Methodology" fits its column
    rows = (ctx.heatmap[:12] + [r for r in ctx.heatmap[12:] if r["focus"]])[:16]
    shades = deck.brand.heat()
    provenance = ", ".join(f"{p['models_shown']} {p['derived_from']}" for p in ctx.provenance if p["models_shown"])
    deck.table("Openness by component (0 to 3)", ["Model", *names, "Score"],
               [[r["label"], *[str(r[c]) for c in components], number(r["score"])] for r in rows],
               [3.9, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 0.9],
               highlight=[r["focus"] for r in rows],
               fills=[[None, *[shades[r[c]] for c in components], None] for r in rows], size=9,
               note=f"The most open of the {ctx.summary['models_shown']} models a buyer would consider, and your focus "
                    f"models. Where the scores come from: {provenance}.")
    if ctx.versus:
        groups = [("Your focus models", [(r["score"], r["index"], r["label"]) for r in ctx.versus if r["focus"]],
                   deck.brand.accent),
                  ("Other models", [(r["score"], r["index"], r["label"] if r["labelled"] else None)
                                    for r in ctx.versus if not r["focus"]], deck.brand.primary)]
        deck.scatter("Openness against intelligence", [g for g in groups if g[1]],
                     x_title="Openness Index (0-100)", y_title=ctx.index["name"], log_x=False, x_unit="score")
    if ctx.changes:
        changes = ctx.changes[:14]
        deck.table("This quarter against the last", ["Model", "Before", "Now", "Openness change", "What changed"],
                   [[c["display_name"], number(c["score_before"]) if c["score_before"] is not None else "new",
                     number(c["score_after"]), f"{c['change']:+.1f}" if c["change"] is not None else
                     "n/a" if c["kind"] == "new" else "none counted",
                     c["what"]] for c in changes],
                   [3.0, 1.0, 1.0, 1.4, 5.7], highlight=[c["focus"] for c in changes], size=10,
                   note=f"{len(ctx.changes)} models changed or were first scored between {ctx.meta.previous_as_of:%d %b %Y} and "
                        f"{ctx.meta.as_of:%d %b %Y}; a change counts as one in openness only on the same source and "
                        "the components both scores rest on" + ("; the full list is in the PDF." if len(ctx.changes) > 14 else "."))
    if ctx.developers:
        developers = ctx.developers[:14]
        compared = "; ".join(f"{e['previous_edition']} to {e['edition']}, {e['basis']}" for e in ctx.editions)
        deck.table("Developer transparency (FMTI)", ["Developer", "Edition", "Total", "Upstream", "Model", "Downstream",
                                                     "Change"],
                   [[d["developer"], d["edition"], number(d["total"], 0), number(d["upstream"], 0),
                     number(d["model_domain"], 0), number(d["downstream"], 0),
                     f"{d['change']:+.0f}" if d["change"] is not None else
                     "not comparable" if d["previous_edition"] else "first"] for d in developers],
                   [2.8, 1.3, 1.1, 1.3, 1.1, 1.5, 2.1], highlight=[d["focus"] for d in developers], size=10,
                   note="Foundation Model Transparency Index (Stanford CRFM): share of 100 indicators met, latest edition."
                        + (f" Change since the previous edition: {compared}." if compared else ""))
    _closing(deck, ctx)


def private_benchmark(ctx, deck: Deck) -> None:
    deck.title_slide(ctx.meta.title, f"{ctx.meta.subtitle} · prices as of {ctx.meta.as_of:%d %B %Y}")
    deck.bullets("Findings", ctx.findings, size=13)
    for e in ctx.evaluations:
        priced = [c for c in e["candidates"] if c["choice_cost"]]
        groups = [("Pareto set", [(c["choice_cost"], c["score"], c["label"]) for c in priced if c["on_pareto"]],
                   deck.brand.primary),
                  ("Other candidates", [(c["choice_cost"], c["score"], c["label"]) for c in priced if not c["on_pareto"]],
                   deck.brand.others())]
        if priced:
            basis = priced[0]["choice_basis"]
            deck.scatter(f"The choice on {e['name']}", [g for g in groups if g[1]],
                         x_title=f"{basis[0].upper()}{basis[1:]}, USD (log scale)", y_title=f"Score on {e['name']}",
                         note="Pareto set: no candidate is both better and cheaper.")
        deck.table(f"{e['name']}: score, cost, lifecycle",
                   ["Model", "Score", "95% interval", "Rank", "pass^k", "Tokens/task", "Turns/task", "Cost/task",
                    "Cost/solved", "Monthly", "Lifecycle"],
                   [[c["label"], number(c["score"]), f"{number(c['ci_low'])}–{number(c['ci_high'])}", str(c["rank"]),
                     f"{number(c['pass_hat_k'], 0)}% (k={c['k']})", tokens(c["tokens_per_task"]), number(c["turns_per_task"]),
                     money(c["cost_per_task"]), money(c["cost_per_solved_task"]), money(c["usd_per_month"]), c["lifecycle"]]
                    for c in e["candidates"]],
                   [2.9, 0.8, 1.2, 0.6, 1.1, 1.0, 0.9, 0.9, 1.0, 1.0, 0.9],
                   highlight=[c["cheapest_of_the_best"] for c in e["candidates"]], size=9,
                   note=f"{e['sample']['questions_max']} questions × {e['sample']['repeats_min']} repeats. Rank: 1 + the "
                        "candidates whose interval lies wholly above; bold: the cheapest of those ranked 1.")
    priced = [m for m in ctx.monthly if m["usd_per_month"] is not None]
    if priced:
        colours = deck.brand.token_colours()
        deck.stacked_bars("Your workload's monthly cost, by token type", [m["label"] for m in priced],
                          [(name, [m[field] or 0 for m in priced], colours[name]) for field, name in TOKEN_PARTS],
                          "USD a month")
    if ctx.use_cases:
        names = [u["use_case"] for u in ctx.use_cases]
        width = min(1.7, 7.4 / len(names))
        deck.table("Monthly cost by use case", ["Model", *names, "Monthly"],
                   [[m["label"], *[money(m["by_use_case"][n]["usd_per_month"]) for n in names], money(m["usd_per_month"])]
                    for m in ctx.monthly][:16],
                   [3.4, *[width] * len(names), 1.4], size=10,
                   note="Requests a month × tokens per request × prices; reasoning and answer tokens measured on your "
                        "evaluation where a use case names one.")
    compared = [r for e in ctx.evaluations for r in e["compared"]]
    if compared:
        names = {e["evaluation"]: e["name"] for e in ctx.evaluations}
        deck.table(f"Your ranking and {ctx.index['name']}",
                   ["Evaluation", "Model", "Your score", "Your rank", "Public index", "Public rank", "Beats here, below there"],
                   [[names[r["evaluation"]], r["label"], number(r["score"]), str(r["private_rank"]), number(r["index"]),
                     str(r["public_rank"]), r["above_here_below_there"] or ""] for r in compared][:16],
                   [2.0, 2.6, 1.0, 0.9, 1.1, 1.0, 3.6], size=9,
                   highlight=[bool(r["above_here_below_there"]) for r in compared][:16],
                   note="Both ranks by the same rule among the same candidates: overlapping 95% intervals share a rank. "
                        "Last column: reversals both sets of intervals agree on.")
    if ctx.failure_examples:
        rows = [[e["name"], f["label"], str(f["count"]), ", ".join(x["task_id"] for x in f["examples"])]
                for e in ctx.evaluations for f in e["failures"]]
        if rows:
            deck.table("Failure examples: task ids never solved", ["Evaluation", "Model", "Never solved", "Examples"],
                       rows[:16], [2.4, 3.0, 1.4, 5.2], size=9)
    deck.table("Sample sizes and what they allow",
               ["Evaluation", "Tasks", "Questions run", "Repeats", "Candidates", "Median ±", "Tell apart above"],
               [[e["name"], str(e["sample"]["n_tasks"]), str(e["sample"]["questions_max"]), str(e["sample"]["repeats_min"]),
                 str(e["sample"]["candidates"]), number(e["sample"]["median_half_width"]),
                 f"{number(e['sample']['resolvable_points'], 0)} points"] for e in ctx.evaluations],
               [3.2, 1.0, 1.5, 1.1, 1.3, 1.3, 1.8], size=11)
    a = ctx.appendix
    paragraphs = [*a.notes,
                  "Scores: the mean over questions of each question's mean over its repeats, with a 95% interval clustered "
                  "by question (t quantile of questions − 1 degrees of freedom; a Wilson interval where every question scored "
                  "the same). pass^k: the share of questions solved in every one of k repeats.",
                  f"Costs at prices of {ctx.meta.as_of:%d %b %Y}. {a.pricing_rule}",
                  f"Warehouse snapshot {ctx.meta.snapshot}; your catalog's snapshot {ctx.tenant_snapshot}."]
    if a.generated:
        paragraphs.insert(0, f"Generated data: {a.generated_rows:,} task results were generated for a demonstration; "
                             "they are not measurements.")
    deck.text("Methodology and sources", paragraphs, size=11)


def model_deployment(ctx, deck: Deck) -> None:
    as_of = f"{ctx.meta.as_of:%d %b %Y}"
    _opening(deck, ctx)
    deck.bullets("Findings", ctx.findings, size=12)
    _your_models(deck, ctx)
    for m in ctx.models:
        shown_for = f" Shown for your focus model {m['replaces']}, which has no speed measurement." if m["replaces"] else ""
        if len(m["priced"]) >= 2:
            deck.scatter(f"{m['name']}: price against output speed",
                         [g for g in (("On the price-speed frontier", [_point(p) for p in m["priced"] if p["frontier"]],
                                       deck.brand.primary),
                                      ("Not on the frontier", [_point(p) for p in m["priced"] if not p["frontier"]],
                                       deck.brand.others())) if g[1]],
                         x_title=f"Blended price, USD per million tokens (log scale), {as_of}",
                         y_title="Output tokens a second (log scale)", log_y=True, y_unit="speed",
                         note="Stale: measured more than a year before " + as_of + ". Measured by "
                              + workloads_said(m["priced"]) + "." + shown_for)
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
        buckets = ctx.ttft["buckets"]
        cells = [{r["bucket"]: seconds(r["ttft_s"]) for r in s["rows"]} for s in series]
        width = min(1.2, 8.4 / len(buckets))
        deck.table("Time to first token by prompt length", ["Model", "Provider", *buckets],
                   [[s["name"], s["provider"], *[c.get(b, "") for b in buckets]] for s, c in zip(series, cells)],
                   [2.4, 1.3, *[width] * len(buckets)], highlight=[s["focus"] for s in series], size=10,
                   note="Median time to the first token in each prompt-length bucket (tokens), measured "
                        + ", ".join(sorted({f"{s['longest']['last_measured']:%b %Y}" for s in series})) + ".")
    for h in ctx.history:
        deck.steps(f"{h['name']}: speed by provider",
                   [(p, [(r["as_of"], r["output_tokens_per_s"]) for r in h["rows"] if r["provider"] == p])
                    for p in dict.fromkeys(r["provider"] for r in h["rows"])],
                   "Output tokens a second", "speed", log=False,
                   note=("" if ctx.history_yours else "No provider of your models was measured more than once: this model "
                         "has the longest record. ") + f"Latest speed at each month end, to {h['last']:%b %Y}, "
                        f"each line one source on one workload: {workloads_said(h['moved'])}.")
    for d in ctx.deployments:
        if ctx.workload:
            options = deployment_options(d)
            if options:
                deck.bars(f"Your workload on {d['name']}: a month", [o["label"] for o in options],
                          [o["usd_per_month"] for o in options], f"USD a month, prices of {as_of}", "usd",
                          [o["dedicated"] for o in options], note="Dedicated systems in the accent colour.")
        if d["dedicated"] or (ctx.workload and d["serverless"]):
            deck.table(f"{d['name']}: serverless or dedicated",
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
    _closing(deck, ctx)


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

