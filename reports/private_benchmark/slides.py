"""The slides of a private benchmark's deck, built from its context with native charts."""

from __future__ import annotations

from reports.common.context import shown_findings
from reports.formatting import money, number, tokens
from reports.rendering.deck import Deck
from reports.rendering.theme import TOKEN_PARTS


def slides(ctx, deck: Deck) -> None:
    deck.title_slide(ctx.meta.title, f"{ctx.meta.subtitle} · prices as of {ctx.meta.as_of:%d %B %Y}", ctx.appendix.disclosure)
    deck.answer(f"The answer for {ctx.meta.company}", ctx.answers)
    deck.bullets("Findings", shown_findings(ctx), size=13)
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
        deck.table("Monthly cost by use case", ["Model", *names, "Monthly", "At stated tokens"],
                   [[m["label"], *[money(m["by_use_case"][n]["usd_per_month"]) for n in names], money(m["usd_per_month"]),
                     money(m["stated_usd_per_month"])] for m in ctx.monthly][:16],
                   [3.0, *[width * 0.85] * len(names), 1.3, 1.5], size=10,
                   note="Requests a month × tokens per request × prices: every token type measured on your evaluation "
                        "where a use case names one (requests × its cost per task), else as you stated them; the last "
                        "column at the tokens you stated.")
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
