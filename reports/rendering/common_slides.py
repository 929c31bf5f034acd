"""The slides every public report's deck shares: the opening, your models, the methodology and
sources. What is generated is said once, on the opening slide and in every slide's footer (Deck)."""

from __future__ import annotations

from reports.formatting import factor, money, number, rank, served_notes, solved_task_basis
from reports.rendering.deck import Deck


def opening(deck: Deck, ctx) -> None:
    notes = " ".join(n for n in (ctx.appendix.disclosure, ctx.appendix.coverage_line) if n) or None
    deck.title_slide(ctx.meta.title, f"{ctx.meta.subtitle} · prices as of {ctx.meta.as_of:%d %B %Y}", notes)
    if getattr(ctx, "answers", None) is not None:
        deck.answer(f"The answer for {ctx.meta.company}", ctx.answers)


def your_models(deck: Deck, ctx) -> None:
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
        if f["lifecycle"]:
            rows.append([f["name"], "", "", "", "", "", f["lifecycle"]])
            bold.append(False)
    deck.table("Your models", ["Model", "Rank", "Index (95% interval)", "Cost to run", "Per solved task", "Openness",
                               "Cheaper, higher or not told apart"],
               rows[:14], [2.9, 0.7, 1.9, 1.2, 1.4, 1.1, 2.9], size=10,
               note=" ".join(filter(None, [f"{ctx.index['name']}, list prices (standard rate) of {ctx.meta.as_of:%d %b %Y}.",
                                           f"Suggested only: models with {ctx.your_models[0]['constraints']}."
                                           if ctx.your_models and ctx.your_models[0]["constraints"] else None,
                                           " ".join(f"{n}." for n in served_notes([v for f in ctx.your_models
                                                                                    for v in f["variants"][:3]])) or None,
                                           solved_task_basis(ctx.your_models)])))


def your_workload(deck: Deck, ctx) -> None:
    """The subscriber's workload a month on each focus model and its cheaper alternative (cost to run,
    the smile curve); no slide without a workload in the subscriber's file."""
    if not ctx.workload:
        return
    rows = [[w["label"], w["against"] or "your focus model",
             *([money(w["input_usd_per_mtok"]), money(w["output_usd_per_mtok"]),
                f"{w['output_tokens']:,.0f}" + (f" ({factor(w['output_ratio'])})" if w["output_ratio"] is not None else ""),
                money(w["your_usd_per_month"]),
                money(w["saving_usd_per_month"]) if w.get("saving_usd_per_month") is not None else ""]
               if w.get("your_usd_per_month") is not None else [w["no_month"], "", "", "", ""])]
            for w in ctx.workload]
    deck.table("Your workload", ["Model", "Against your model on the index", "Input / M", "Output / M",
                                 "Output tokens", "A month", "Saving a month"],
               rows[:14], [3.0, 3.0, 1.1, 1.1, 1.5, 1.2, 1.3], highlight=[not w["against"] for w in ctx.workload][:14],
               size=11, note=ctx.workload_said)


def percent(weight: float) -> str:
    """An index weight as the methodology writes it: 25%, 12.5%, 33.3%."""
    return f"{100 * weight:.1f}".removesuffix(".0") + "%"


def closing(deck: Deck, ctx) -> None:
    a = ctx.appendix
    paragraphs = []
    if a.generated:
        paragraphs.append(f"Generated data: {a.generated_rows:,} task results were generated for a demonstration, "
                          "calibrated to published scores, tokens and turns; they are not measurements.")
    if a.index_name:
        weights = ", ".join(f"{e['name']} {percent(e['weight'])}" for e in a.evaluations)
        paragraphs.append(f"{a.index_name} (version {a.index_version}, published {a.index_published:%d %b %Y}): {weights}.")
    paragraphs.append(f"Warehouse snapshot {ctx.meta.snapshot}; prices as of {ctx.meta.as_of:%d %b %Y}. {a.pricing_rule}")
    paragraphs.append("Sources: " + "; ".join(
        f"{s['display_name']} ({s['licence'] or 'the house'}"
        + (f"; {s['claimed_rows']:,} scores claimed by the labs, not independently verified" if s.get("claimed_rows") else "")
        + ")" for s in a.sources) + ".")
    deck.text("Methodology and sources", paragraphs, size=11)

