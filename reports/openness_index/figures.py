"""The charts of the Openness Index report's PDF, drawn from its context with the shared builders."""

from __future__ import annotations

import altair as alt
import pandas as pd

from reports.rendering import charts
from reports.rendering.theme import Brand


def figures(ctx, brand: Brand) -> dict[str, alt.Chart]:
    grid = pd.DataFrame([{"model": r["label"], "component": c["name"], "level": r[c["component"]]}
                         for r in ctx.heatmap for c in ctx.components])
    result = {
        "heatmap": charts.heatmap(
            grid, brand, row="model", column="component", value="level", columns=[c["name"] for c in ctx.components],
            title="Openness by component (0 to 3)",
            subtitle="The most open models, and your focus models; derived scores are marked in the table"),
    }
    if ctx.versus:
        result["versus"] = charts.scatter_frontier(
            pd.DataFrame(ctx.versus), brand, x="score", y="index", label="label", highlight="focus",
            labelled="labelled", log_x=False, x_domain=[0, 100], x_unit="score", interval=("ci_low", "ci_high"),
            x_title="Openness Index (0-100)", y_title=ctx.index["name"], title="Openness against intelligence",
            subtitle="Models with both a score and a complete index; labelled: the best on both, and your focus models")
    return result
