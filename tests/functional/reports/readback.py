"""Reading a rendered PDF and deck back: text, fonts, slide titles and native chart data."""

from __future__ import annotations

import math
import re
from pathlib import Path

from pptx import Presentation
from pypdf import PdfReader


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def pdf_fonts(path: Path) -> set[str]:
    fonts = set()
    for page in PdfReader(path).pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")).split("+")[-1])
    return fonts


def slide_titles(path: Path) -> list[str]:
    return [slide.shapes.title.text for slide in Presentation(path).slides]


def charts(path: Path) -> dict[str, list]:
    """Native charts by the title of their slide: each chart's series as (name, values)."""
    found = {}
    for slide in Presentation(path).slides:
        for shape in slide.shapes:
            if shape.has_chart:
                plot = shape.chart.plots[0]
                found[slide.shapes.title.text] = [(s.name, list(s.values)) for s in plot.series]
    return found


def xy_points(path: Path, title: str) -> list[tuple[float, float]]:
    """The (x, y) points of the XY chart on the slide titled `title`."""
    for slide in Presentation(path).slides:
        if slide.shapes.title.text == title:
            for shape in slide.shapes:
                if shape.has_chart:
                    series = shape.chart.plots[0].series[0]
                    xs = [float(v) for v in series._element.xpath("./c:xVal//c:pt/c:v/text()")]
                    return list(zip(xs, series.values))
    raise AssertionError(f"no chart on a slide titled {title!r}")


def log_axes(path: Path) -> list[tuple[str, str, list[float]]]:
    """Every logarithmic axis of the deck: the slide's title, the tick labels' number format and the
    values plotted against the axis (y of line and bar charts, x of XY charts)."""
    found = []
    for slide in Presentation(path).slides:
        for shape in slide.shapes:
            if not shape.has_chart:
                continue
            space = shape.chart._chartSpace
            for axis in space.xpath(".//c:valAx[c:scaling/c:logBase]"):
                code = axis.xpath("./c:numFmt/@formatCode")[0]
                position = axis.xpath("./c:axPos/@val")[0]
                tag = "c:xVal" if space.xpath(".//c:scatterChart") and position in ("b", "t") else "c:val"
                values = [float(v) for v in space.xpath(f".//{tag}//c:pt/c:v/text()") if float(v) > 0]
                found.append((slide.shapes.title.text, code, values))
    return found


def axis_label(code: str, value: float) -> str:
    """How a viewer prints `value` in the number format `code`, for the part of the format language
    the decks use: quoted text, #,##0, fixed (0) and optional (#) decimals, one [>=x] condition."""
    sections = code.split(";")
    condition = re.match(r"\[>=([\d.]+)\](.*)", sections[0])
    section = sections[0]
    if condition:
        section = condition.group(2) if value >= float(condition.group(1)) else sections[1]
    text = "".join(re.findall(r'"([^"]*)"', section))
    digits = re.sub(r'"[^"]*"', "", section)
    decimals = digits.split(".")[1] if "." in digits else ""
    whole, _, fraction = f"{value:{',' if ',' in digits else ''}.{len(decimals)}f}".partition(".")
    fraction = fraction.rstrip("0").ljust(decimals.count("0"), "0")  # '#' decimals drop their zeros
    return text + (f"{whole}.{fraction}" if fraction else whole)


def log_ticks(values: list[float]) -> list[float]:
    """The powers of ten a log axis ticks at to show `values`."""
    low, high = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))
    return [10.0 ** e for e in range(low, high + 1)]
