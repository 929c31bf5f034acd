"""The charts of the smile-curve report's PDF, drawn from its context with the shared builders."""

from __future__ import annotations

import altair as alt
import pandas as pd

from reports.rendering import charts
from reports.smile_curve.report import smile_start
from reports.rendering.theme import Brand


def figures(ctx, brand: Brand) -> dict[str, alt.Chart]:
    left = pd.DataFrame(ctx.left_arm)
    right = pd.DataFrame(ctx.right_arm)
    smile = pd.DataFrame(ctx.smile)
    start = smile_start(ctx.smile)
    result = {
        "left": charts.line_over_time(
            left, brand, x="as_of", y="blended_usd_per_mtok", series="series",
            y_title="Cheapest blended price, USD per million tokens (log)",
            title="The price of a fixed level of intelligence",
            subtitle="Cheapest model meeting each threshold, month by month; in the legend, the yearly decline "
                     "factor with its 90% interval"),
        "right": charts.line_over_time(
            right, brand, x="as_of", y="usd", series="measure", unit="usd",
            y_title="USD (log)", title="What the frontier model spends",
            subtitle=f"The most intelligent model available each month ({ctx.index['name']}), at that month's prices"),
        "smile": charts.line_over_time(
            smile, brand, x="as_of", y="relative", series="series", unit="relative",
            y_title=f"Relative to {start:%b %Y} (log)" if start else "Relative to the first month (log)",
            title="The smile: both arms on one scale",
            subtitle=f"Each arm divided by its value in {start:%b %Y}" if start else ""),
    }
    return result
