"""Reading a rendered PDF and deck back: text, fonts, slide titles and native chart data."""

from __future__ import annotations

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
