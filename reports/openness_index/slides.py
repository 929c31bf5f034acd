"""The slides of the Openness Index report's deck, built from its context with native charts."""

from __future__ import annotations

from reports.common.context import shown_findings
from reports.formatting import number
from reports.rendering.common_slides import closing, opening, your_models
from reports.rendering.deck import Deck


def slides(ctx, deck: Deck) -> None:
    opening(deck, ctx)
    deck.bullets("Findings", shown_findings(ctx), size=13)
    your_models(deck, ctx)
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
                   note="Foundation Model Transparency Index (Stanford CRFM): share of 100 indicators met, each developer's "
                        "latest edition, the latest edition first: totals compare only within an edition."
                        + (f" Change since the previous edition: {compared}." if compared else ""))
    closing(deck, ctx)
