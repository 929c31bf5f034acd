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

import reports.formatting as formatting
from reports.rendering import labels, theme
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
    low, high = math.floor(math.log10(min(positive))), math.ceil(math.log10(max(positive)))
    return [10 ** low, 10 ** max(high, low + 1)]  # values all at one power of ten still get a decade


def _decades(domain: list[float]) -> list[float]:
    """The powers of ten of a log domain: the only ticks a log axis labels, so that they never crowd."""
    low, high = (round(math.log10(v)) for v in domain)
    return [10.0 ** e for e in range(low, high + 1)]


def _axis(unit: str, log: bool, domain: list[float] | None = None, **options) -> alt.Axis:
    """An axis labelled in the theme's tick format of `unit`; a log axis at powers of ten only."""
    if log and domain is not None:
        options["values"] = _decades(domain)
    elif not log:
        options.setdefault("tickCount", 10)
    return alt.Axis(format=theme.ticks(unit, log).vega, **options)


def scatter_frontier(points: pd.DataFrame, brand: Brand, *, x: str, y: str, label: str, x_title: str,
                     y_title: str, title: str, subtitle: str = "", frontier: str | None = None,
                     highlight: str | None = None, labelled: str | None = None, quadrant: bool = False,
                     log_x: bool = True, x_domain: list[float] | None = None, x_unit: str = "usd",
                     interval: tuple[str, str] | None = None, log_y: bool = False, y_unit: str = "score",
                     height: int = HEIGHT + 40) -> alt.Chart:
    """Points (on a log x axis unless log_x is False; on a 0-100 y axis, or a log one with log_y)
    with the y interval of each as a thin bar (`interval`: its low and high fields), the Pareto
    frontier drawn through `frontier` points, highlighted points in the accent colour on top of
    everything, and labels for frontier, highlighted and `labelled` points, each placed where it
    covers no other label and no point."""
    data = _plain(points.dropna(subset=[x, y]))
    if log_x:
        data = data[data[x] > 0]  # a log axis has no place for zero
    if log_y:
        data = data[data[y] > 0]
    data = data.copy().reset_index(drop=True)
    x_domain = x_domain or (_log_domain(data[x].tolist()) if log_x else [float(data[x].min()), float(data[x].max())])
    lows = data[interval[0]] if interval else data[y]
    highs = data[interval[1]] if interval else data[y]
    if log_y:
        y_domain = _log_domain(data[y].tolist())
    else:
        y_low = math.floor(min(lows.min() - 5, 0) / 10) * 10 if lows.min() < 10 else math.floor(lows.min() / 10) * 10 - 10
        y_domain = [max(y_low, 0), min(100, math.ceil(highs.max() / 10) * 10 + 5)]
    data["kind"] = "other"
    if frontier:
        data.loc[data[frontier], "kind"] = "on the frontier"
    if highlight:
        data.loc[data[highlight], "kind"] = "focus"
    kinds = [(k, c) for k, c in (("focus", brand.accent), ("on the frontier", brand.primary), ("other", brand.others()))
             if (data["kind"] == k).any()]
    colour = alt.Color("kind:N", title=None, scale=alt.Scale(domain=[k for k, _ in kinds], range=[c for _, c in kinds]),
                       legend=alt.Legend(symbolOpacity=1))
    y_scale = (alt.Scale(type="log", domain=y_domain, nice=False) if log_y
               else alt.Scale(domain=y_domain, nice=False, zero=False))
    x_scale = (alt.Scale(type="log", domain=x_domain, nice=False) if log_x
               else alt.Scale(domain=x_domain, nice=False, zero=False))
    xs = alt.X(f"{x}:Q", title=x_title, scale=x_scale, axis=_axis(x_unit, log_x, x_domain))
    ys = alt.Y(f"{y}:Q", title=y_title, scale=y_scale, axis=_axis(y_unit, log_y, y_domain))
    to_x, to_y = (math.log10 if log_x else float), (math.log10 if log_y else float)
    lx0, lx1 = to_x(x_domain[0]), to_x(x_domain[1])
    ly0, ly1 = to_y(y_domain[0]), to_y(y_domain[1])
    data["_sx"] = [WIDTH * (to_x(v) - lx0) / (lx1 - lx0) for v in data[x]]
    data["_sy"] = [height * (1 - (to_y(v) - ly0) / (ly1 - ly0)) for v in data[y]]
    layers, obstacles = [], []
    if quadrant:
        cut_x, cut_y = float(data[x].median()), float(data[y].median())
        region = pd.DataFrame({"x0": [x_domain[0]], "x1": [cut_x], "y0": [cut_y], "y1": [y_domain[1]]})
        layers.append(alt.Chart(region).mark_rect(color=brand.primary, opacity=0.07).encode(
            x=alt.X("x0:Q", scale=x_scale), x2="x1:Q", y=alt.Y("y0:Q", scale=y_scale), y2="y1:Q"))
        note = "most attractive: smarter and cheaper than the median"
        size = CHART_TEXT["annotation"]
        layers.append(alt.Chart(pd.DataFrame({"x": [6.0], "y": [6.0], "text": [note]}))
                      .mark_text(align="left", baseline="top", fontSize=size, color=brand.primary)
                      .encode(x=alt.X("x:Q", scale=None), y=alt.Y("y:Q", scale=None), text="text:N"))
        obstacles.append(labels.Box(4, 4, 8 + labels.text_width(note, brand.font, size), 8 + size * 1.25))
    if interval:
        layers.append(alt.Chart(data).mark_rule(strokeWidth=1, opacity=0.45).encode(
            x=xs, y=alt.Y(f"{interval[0]}:Q", scale=y_scale), y2=f"{interval[1]}:Q", color=colour))
    if frontier:
        line = data[data[frontier]].sort_values(x)
        layers.append(alt.Chart(line).mark_line(color=brand.primary, strokeWidth=1.5).encode(x=xs, y=ys))
    marked = data["kind"] != "other"
    if labelled:
        marked |= data[labelled]
    layers += _labels(data, marked, label, brand, obstacles, height)
    for kind in ("other", "on the frontier", "focus"):  # focus points last: nothing is drawn over them
        part = data[data["kind"] == kind]
        if not part.empty:
            layers.append(alt.Chart(part).mark_circle(size=POINT_SIZE, opacity=0.95).encode(x=xs, y=ys, color=colour))
    return alt.layer(*layers).properties(width=WIDTH, height=height, title=alt.Title(title, subtitle=subtitle))


POINT_SIZE = 55  # px² of a point's circle
POINT_RADIUS = math.sqrt(POINT_SIZE) / 2  # Vega draws a circle of size s with radius √s / 2


def _labels(data: pd.DataFrame, marked: pd.Series, label: str, brand: Brand, obstacles: list, height: float) -> list:
    """Text beside the marked points, placed by reports/rendering/labels.py; a label drawn away
    from its point gets a thin leader line back to it. A label with no free spot is left out."""
    size = CHART_TEXT["annotation"]
    rows = data[marked]
    priority = [0 if k == "focus" else 1 if k == "on the frontier" else 2 for k in rows["kind"]]
    placed, _ = labels.place(list(zip(rows["_sx"], rows["_sy"], rows[label])), list(zip(data["_sx"], data["_sy"])),
                             WIDTH, height, brand.font, size, POINT_RADIUS, obstacles, priority)
    if not placed:
        return []
    boxes = pd.DataFrame([{"_lx": p.box.left + 1, "_ly": (p.box.top + p.box.bottom) / 2, "_text": rows[label].iloc[p.index],
                           "_px": rows["_sx"].iloc[p.index], "_py": rows["_sy"].iloc[p.index], "_leader": p.leader,
                           "_ex": min(max(rows["_sx"].iloc[p.index], p.box.left), p.box.right),
                           "_ey": min(max(rows["_sy"].iloc[p.index], p.box.top), p.box.bottom)} for p in placed])
    layers = []
    leaders = boxes[boxes["_leader"]]
    if not leaders.empty:
        layers.append(alt.Chart(leaders).mark_rule(color=MUTED, strokeWidth=0.6, opacity=0.8).encode(
            x=alt.X("_px:Q", scale=None), y=alt.Y("_py:Q", scale=None), x2="_ex:Q", y2="_ey:Q"))
    for halo in (True, False):  # a white outline first, so that no line crosses the text
        style = {"stroke": WHITE, "strokeWidth": 3, "strokeOpacity": 0.9} if halo else {}
        layers.append(alt.Chart(boxes).mark_text(align="left", baseline="middle", fontSize=size, color=INK,
                                                 **style).encode(
            x=alt.X("_lx:Q", scale=None), y=alt.Y("_ly:Q", scale=None), text="_text:N"))
    return layers


def stacked_bar(rows: pd.DataFrame, brand: Brand, *, category: str, parts: tuple[tuple[str, str], ...], title: str,
                x_title: str, subtitle: str = "", unit: str = "usd") -> alt.Chart:
    """Horizontal bars, one per category in the order given, split into `parts` (field, label),
    each part in its token colour of the theme, the total written at the end of each bar."""
    plain = _plain(rows)
    long = plain.melt(id_vars=[category], value_vars=[f for f, _ in parts], var_name="part", value_name="value")
    long["part"] = long["part"].map(dict(parts))
    order = list(rows[category])
    names = [n for _, n in parts]
    colours = [brand.token_colours()[n] for n in names]
    y_enc = alt.Y(f"{category}:N", sort=order, title=None)
    fmt = theme.ticks(unit).vega
    stack = alt.Chart(long).mark_bar().encode(
        y=y_enc, x=alt.X("value:Q", title=x_title, axis=alt.Axis(format=fmt)),
        color=alt.Color("part:N", title=None, scale=alt.Scale(domain=names, range=colours)),
        order=alt.Order("part_order:Q"),
    ).transform_calculate(part_order="indexof(" + str(names) + ", datum.part)")
    totals = plain[[category]].assign(_total=plain[[f for f, _ in parts]].fillna(0).sum(axis=1))
    totals["_label"] = totals["_total"].map(_value_label(unit))
    text = alt.Chart(totals).mark_text(align="left", dx=4, fontSize=CHART_TEXT["annotation"], color=MUTED).encode(
        y=y_enc, x=alt.X("_total:Q"), text="_label:N")
    return (stack + text).properties(width=WIDTH - 200, height=max(140, 22 * len(order)),
                                     title=alt.Title(title, subtitle=subtitle))


def bars(rows: pd.DataFrame, brand: Brand, *, category: str, value: str, title: str, x_title: str,
         subtitle: str = "", unit: str = "count", highlight: str | None = None) -> alt.Chart:
    """Horizontal bars from zero in the order given (a bar's length is its value: never on a log
    axis), highlighted rows in the accent colour, every value written at the end of its bar."""
    data = _plain(rows)
    data["_colour"] = brand.primary
    if highlight:
        data.loc[data[highlight], "_colour"] = brand.accent
    order = list(data[category])
    fmt = theme.ticks(unit).vega
    data["_label"] = data[value].map(_value_label(unit))
    y_enc = alt.Y(f"{category}:N", sort=order, title=None)
    x_enc = alt.X(f"{value}:Q", title=x_title, axis=alt.Axis(format=fmt), scale=alt.Scale(zero=True))
    bar = alt.Chart(data).mark_bar().encode(y=y_enc, x=x_enc, color=alt.Color("_colour:N", scale=None))
    text = alt.Chart(data).mark_text(align="left", dx=4, fontSize=CHART_TEXT["annotation"], color=MUTED).encode(
        y=y_enc, x=x_enc, text="_label:N")
    return (bar + text).properties(width=WIDTH - 200, height=max(140, 22 * len(order)),
                                   title=alt.Title(title, subtitle=subtitle))


def _value_label(unit: str):
    """How a value is written at the end of its bar: as the tables write it ($1,548, $2.10, 17.8M)."""
    write = {"usd": formatting.money, "tokens": formatting.tokens, "seconds": formatting.seconds,
             "speed": formatting.speed}.get(unit)
    return (lambda v: "" if pd.isna(v) else write(v)) if write else (lambda v: "" if pd.isna(v) else f"{v:,.0f}")


def line_over_time(rows: pd.DataFrame, brand: Brand, *, x: str, y: str, series: str, title: str, y_title: str,
                   subtitle: str = "", log_y: bool = True, unit: str = "usd") -> alt.Chart:
    """One stepped line per series against date (a price holds until it changes), on a log y axis
    by default; long series names are listed one per line under the chart."""
    rows = _plain(rows)
    series_names = list(dict.fromkeys(rows[series]))
    longest = max(len(n) for n in series_names)
    colour = alt.Color(f"{series}:N", title=None, sort=series_names,
                       scale=alt.Scale(domain=series_names, range=brand.palette(len(series_names))),
                       legend=alt.Legend(columns=1 if longest > 40 else 3, labelLimit=560))
    domain = _log_domain(rows[y].tolist()) if log_y else None
    scale = alt.Scale(type="log", domain=domain, nice=False) if log_y else alt.Scale(zero=False)
    # ticks on month starts only, about eight at most: a span of weeks no longer repeats one month's label
    span = pd.to_datetime(rows[x])
    months = (span.max().year - span.min().year) * 12 + span.max().month - span.min().month + 1
    ticks = {"interval": "month", "step": max(1, math.ceil(months / 8))}
    return alt.Chart(rows).mark_line(interpolate="step-after", strokeWidth=2).encode(
        x=alt.X(f"{x}:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount=ticks)),
        y=alt.Y(f"{y}:Q", title=y_title, scale=scale, axis=_axis(unit, log_y, domain)),
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
