"""The chart builders every report uses (Altair, drawn by vl-convert), in the one style of
reports/rendering/theme.py.

The subscriber's brand comes in as a parameter (`Brand`); no builder is copied per report. Text is
set in the brand font, registered from templates/fonts so that vl-convert and WeasyPrint draw the
same glyphs. Builders return Altair charts; `svg` draws them for the PDF (decks draw their own, natively).
"""

from __future__ import annotations

import math
from functools import cache

import altair as alt
import pandas as pd
import vl_convert as vlc

from reports.rendering import theme
from reports.rendering.theme import (CHART_HEIGHT as HEIGHT, CHART_TEXT, CHART_WIDTH as WIDTH, GRID, INK, LINE,
                                     MUTED, WHITE, Brand)


@cache
def _register_fonts() -> None:
    vlc.register_font_directory(str(theme.FONTS_FOLDER))


def _config(chart: alt.Chart, brand: Brand) -> alt.Chart:
    text = CHART_TEXT
    return chart.configure(font=brand.font, background=WHITE).configure_view(stroke=None) \
        .configure_axis(labelColor=MUTED, titleColor=INK, gridColor=GRID, domainColor=LINE, tickColor=LINE,
                        labelFontSize=text["label"], titleFontSize=text["title"], titleFontWeight="normal",
                        labelLimit=220) \
        .configure_legend(labelColor=INK, titleColor=MUTED, labelFontSize=text["label"], titleFontSize=text["label"],
                          orient="bottom", direction="horizontal", labelLimit=260, columns=3) \
        .configure_title(color=INK, fontSize=text["heading"], anchor="start", fontWeight=600, subtitleColor=MUTED,
                         subtitleFontSize=text["subtitle"])


def svg(chart: alt.Chart, brand: Brand) -> str:
    _register_fonts()
    return vlc.vegalite_to_svg(_config(chart, brand).to_dict(), vl_version="5.20")


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame Vega-Lite can take: dates as timestamps, decimals as floats."""
    frame = frame.copy()
    for column in frame.columns:
        sample = frame[column].dropna()
        if sample.empty:
            continue
        value = sample.iloc[0]
        if hasattr(value, "isoformat") and not isinstance(value, pd.Timestamp):
            frame[column] = pd.to_datetime(frame[column])
        elif type(value).__name__ == "Decimal":
            frame[column] = frame[column].astype(float)
    return frame


def _log_domain(values: list[float]) -> list[float]:
    positive = [v for v in values if v and v > 0]
    low, high = min(positive), max(positive)
    return [10 ** math.floor(math.log10(low)), 10 ** math.ceil(math.log10(high))]


def _spread(items: list[tuple[float, float, float]], gap: float = 12) -> list[float]:
    """Screen y of each label (items: left and right screen x of the label's text, screen y of
    its point) moved down until no two labels that overlap horizontally are closer than `gap`."""
    placed: list[tuple[float, float, float]] = []
    result = []
    for left, right, sy in items:
        ly = sy
        while any(left < r and l < right and abs(qy - ly) < gap for l, r, qy in placed):
            ly += 2
        placed.append((left, right, ly))
        result.append(ly)
    return result


def scatter_frontier(points: pd.DataFrame, brand: Brand, *, x: str, y: str, label: str, x_title: str,
                     y_title: str, title: str, subtitle: str = "", frontier: str | None = None,
                     highlight: str | None = None, labelled: str | None = None, quadrant: bool = False,
                     log_x: bool = True, x_domain: list[float] | None = None, x_format: str = "$~g") -> alt.Chart:
    """Points (on a log x axis unless log_x is False), the Pareto frontier drawn through `frontier`
    points, highlighted points in the accent colour, and labels only for frontier, highlighted
    and `labelled` points, moved apart so that none overlap."""
    data = _plain(points.dropna(subset=[x, y]))
    if log_x:
        data = data[data[x] > 0]  # a log axis has no place for zero
    data = data.copy()
    x_domain = x_domain or (_log_domain(data[x].tolist()) if log_x else [float(data[x].min()), float(data[x].max())])
    y_low = math.floor(min(data[y].min() - 5, 0) / 10) * 10 if data[y].min() < 10 else math.floor(data[y].min() / 10) * 10 - 10
    y_domain = [max(y_low, 0), min(100, math.ceil(data[y].max() / 10) * 10 + 5)]
    data["kind"] = "other"
    if frontier:
        data.loc[data[frontier], "kind"] = "on the frontier"
    if highlight:
        data.loc[data[highlight], "kind"] = "focus"
    kinds = [(k, c) for k, c in (("focus", brand.accent), ("on the frontier", brand.primary), ("other", brand.others()))
             if (data["kind"] == k).any()]
    colour = alt.Color("kind:N", title=None, scale=alt.Scale(
        domain=[k for k, _ in kinds], range=[c for _, c in kinds]))
    base = alt.Chart(data)
    y_scale = alt.Scale(domain=y_domain)
    x_scale = alt.Scale(type="log", domain=x_domain) if log_x else alt.Scale(domain=x_domain)
    xs = alt.X(f"{x}:Q", title=x_title, scale=x_scale, axis=alt.Axis(format=x_format))
    ys = alt.Y(f"{y}:Q", title=y_title, scale=y_scale)
    layers = []
    if quadrant:
        cut_x, cut_y = float(data[x].median()), float(data[y].median())
        region = pd.DataFrame({"x0": [x_domain[0]], "x1": [cut_x], "y0": [cut_y], "y1": [y_domain[1]]})
        layers.append(alt.Chart(region).mark_rect(color=brand.primary, opacity=0.07).encode(
            x=alt.X("x0:Q", scale=alt.Scale(type="log", domain=x_domain)), x2="x1:Q",
            y=alt.Y("y0:Q", scale=alt.Scale(domain=y_domain)), y2="y1:Q"))
        layers.append(alt.Chart(pd.DataFrame({"x": [x_domain[0] * 1.15], "y": [y_domain[1] - 2],
                                              "text": ["most attractive: smarter and cheaper than the median"]}))
                      .mark_text(align="left", baseline="top", fontSize=CHART_TEXT["annotation"], color=brand.primary)
                      .encode(x=alt.X("x:Q", scale=alt.Scale(type="log", domain=x_domain)),
                              y=alt.Y("y:Q", scale=alt.Scale(domain=y_domain)), text="text:N"))
    if frontier:
        line = data[data[frontier]].sort_values(x)
        layers.append(alt.Chart(line).mark_line(color=brand.primary, strokeWidth=1.5).encode(x=xs, y=ys))
    layers.append(base.mark_circle(size=55, opacity=0.9).encode(
        x=xs, y=ys, color=colour, order=alt.Order("kind:N", sort="descending")))
    marked = data["kind"] != "other"
    if labelled:
        marked |= data[labelled]
    if marked.any():
        layers.append(_labels(data[marked], x, y, label, x_domain, y_domain, xs, y_scale, log_x))
    return alt.layer(*layers).properties(width=WIDTH, height=HEIGHT + 40, title=alt.Title(title, subtitle=subtitle))


def _labels(rows: pd.DataFrame, x: str, y: str, label: str, x_domain, y_domain, xs, y_scale,
            log_x: bool = True) -> alt.Chart:
    """Text beside each point: to the right, or to the left near the right edge; labels that would
    overlap are moved down until they do not."""
    height = HEIGHT + 40
    to_axis = math.log10 if log_x else float
    lx0, lx1 = to_axis(x_domain[0]), to_axis(x_domain[1])
    rows = rows.assign(_sx=[WIDTH * (to_axis(v) - lx0) / (lx1 - lx0) for v in rows[x]],
                       _sy=[height * (1 - (v - y_domain[0]) / (y_domain[1] - y_domain[0])) for v in rows[y]])
    rows["_right"] = rows["_sx"] > WIDTH * 0.7
    width = rows[label].str.len() * 5.6 + 8  # about 5.6 px a character at 10 px
    rows["_x0"] = rows["_sx"].where(~rows["_right"], rows["_sx"] - width)
    rows["_x1"] = rows["_sx"].where(rows["_right"], rows["_sx"] + width)
    rows = rows.sort_values("_sy")
    # Labels sit a little below their point: the frontier line leaves each point upwards.
    spread = _spread(list(zip(rows["_x0"], rows["_x1"], rows["_sy"] + 7)))
    # Back from screen to data: the label's own y, below its point where it had to move.
    rows["_label_y"] = [y_domain[0] + (1 - ly / height) * (y_domain[1] - y_domain[0]) for ly in spread]
    layers = []
    moved = rows[(rows["_label_y"] - rows[y]).abs() > 0.02 * (y_domain[1] - y_domain[0])]
    if not moved.empty:  # a thin leader from each moved label back to its point
        layers.append(alt.Chart(moved).mark_rule(color=MUTED, strokeWidth=0.6, opacity=0.7).encode(
            x=xs, y=alt.Y(f"{y}:Q", scale=y_scale), y2="_label_y:Q"))
    for right, align, dx in ((False, "left", 7), (True, "right", -7)):
        part = rows[rows["_right"] == right]
        if part.empty:
            continue
        for halo in (True, False):  # a white outline first, so that lines never cross the text
            style = {"stroke": WHITE, "strokeWidth": 3, "strokeOpacity": 0.9} if halo else {}
            layers.append(alt.Chart(part).mark_text(align=align, dx=dx, fontSize=CHART_TEXT["annotation"], color=INK,
                                                    **style).encode(
                x=xs, y=alt.Y("_label_y:Q", scale=y_scale), text=f"{label}:N"))
    return alt.layer(*layers)


def stacked_bar(rows: pd.DataFrame, brand: Brand, *, category: str, parts: tuple[tuple[str, str], ...], title: str,
                x_title: str, subtitle: str = "", value_format: str = "$,.2f") -> alt.Chart:
    """Horizontal bars, one per category in the order given, split into `parts` (field, label),
    each part in its token colour of the theme."""
    long = _plain(rows).melt(id_vars=[category], value_vars=[f for f, _ in parts], var_name="part", value_name="value")
    names = dict(parts)
    long["part"] = long["part"].map(names)
    order = list(rows[category])
    names = [n for _, n in parts]
    colours = [brand.token_colours()[n] for n in names]
    height = max(140, 22 * len(order))
    return alt.Chart(long).mark_bar().encode(
        y=alt.Y(f"{category}:N", sort=order, title=None),
        x=alt.X("value:Q", title=x_title, axis=alt.Axis(format=value_format)),
        color=alt.Color("part:N", title=None, scale=alt.Scale(domain=[n for _, n in parts], range=colours)),
        order=alt.Order("part_order:Q"),
        tooltip=[category, "part", "value"],
    ).transform_calculate(part_order="indexof(" + str([n for _, n in parts]) + ", datum.part)").properties(
        width=WIDTH - 180, height=height, title=alt.Title(title, subtitle=subtitle))


def bars(rows: pd.DataFrame, brand: Brand, *, category: str, value: str, title: str, x_title: str,
         subtitle: str = "", value_format: str = ",.0f", highlight: str | None = None, log: bool = False) -> alt.Chart:
    """Horizontal bars in the order given, highlighted rows in the accent colour, values labelled."""
    data = _plain(rows)
    if log:
        data = data[data[value] > 0]
    data["_colour"] = brand.primary
    if highlight:
        data.loc[data[highlight], "_colour"] = brand.accent
    order = list(data[category])
    domain = _log_domain(data[value].tolist()) if log else None
    y_enc = alt.Y(f"{category}:N", sort=order, title=None)
    x_enc = alt.X(f"{value}:Q", title=x_title, axis=alt.Axis(format=value_format),
                  scale=alt.Scale(type="log", domain=domain) if log else alt.Scale())
    bar = alt.Chart(data).mark_bar().encode(y=y_enc, x=x_enc, color=alt.Color("_colour:N", scale=None))
    if log:  # a log axis has no zero: bars start at the decade below the smallest value
        bar = bar.encode(x2=alt.datum(domain[0]))
    text = alt.Chart(data).mark_text(align="left", dx=4, fontSize=CHART_TEXT["annotation"], color=MUTED).encode(
        y=y_enc, x=x_enc, text=alt.Text(f"{value}:Q", format=value_format))
    return (bar + text).properties(width=WIDTH - 200, height=max(140, 22 * len(order)),
                                   title=alt.Title(title, subtitle=subtitle))


def line_over_time(rows: pd.DataFrame, brand: Brand, *, x: str, y: str, series: str, title: str, y_title: str,
                   subtitle: str = "", log_y: bool = True, y_format: str = "$~g") -> alt.Chart:
    """One line per series against date, on a log y axis by default; long series names are listed
    one per line under the chart."""
    rows = _plain(rows)
    series_names = list(dict.fromkeys(rows[series]))
    longest = max(len(n) for n in series_names)
    colour = alt.Color(f"{series}:N", title=None, sort=series_names,
                       scale=alt.Scale(domain=series_names, range=brand.palette(len(series_names))),
                       legend=alt.Legend(columns=1 if longest > 40 else 3, labelLimit=560))
    scale = alt.Scale(type="log") if log_y else alt.Scale(zero=False)
    return alt.Chart(rows).mark_line(interpolate="step-after", strokeWidth=2).encode(
        x=alt.X(f"{x}:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount=8)),
        y=alt.Y(f"{y}:Q", title=y_title, scale=scale, axis=alt.Axis(format=y_format)),
        color=colour,
    ).properties(width=WIDTH - 60, height=HEIGHT, title=alt.Title(title, subtitle=subtitle))


def heatmap(rows: pd.DataFrame, brand: Brand, *, row: str, column: str, value: str, title: str,
            columns: list[str], subtitle: str = "", max_value: int = 3) -> alt.Chart:
    """A grid of levels (0 to max_value), one row per `row` in the order given, the level printed in
    each cell."""
    rows = _plain(rows)
    order = list(dict.fromkeys(rows[row]))
    base = alt.Chart(rows).encode(
        x=alt.X(f"{column}:N", sort=columns, title=None,
                axis=alt.Axis(orient="top", labelAngle=-30, labelAlign="left", labelLimit=140)),
        y=alt.Y(f"{row}:N", sort=order, title=None))
    levels = list(range(max_value + 1))
    shades = brand.heat(len(levels))
    cells = base.mark_rect(stroke=WHITE, strokeWidth=1.5).encode(color=alt.Color(
        f"{value}:O", title="level", scale=alt.Scale(domain=levels, range=shades),
        legend=alt.Legend(orient="bottom", direction="horizontal", symbolType="square", columns=len(levels))))
    text = base.mark_text(fontSize=CHART_TEXT["annotation"]).encode(
        text=alt.Text(f"{value}:Q", format=".0f"),
        color=alt.condition(f"datum.{value} >= {max_value * 0.6}", alt.value(WHITE), alt.value(INK)))
    return (cells + text).properties(width=WIDTH - 200, height=max(160, 17 * len(order)),
                                     title=alt.Title(title, subtitle=subtitle))
