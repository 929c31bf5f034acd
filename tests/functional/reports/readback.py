"""Reading a rendered PDF and deck back: text, fonts, slide titles and native chart data."""

from __future__ import annotations

import base64
import math
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from pptx import Presentation
from pypdf import PdfReader


_PDF_PAGES: dict[tuple, list[str]] = {}


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, in the order it is drawn (poppler's pdftotext -raw, a reader
    independent of the renderer: 0.4 s of CPU for a 26-page report, where pypdf took 3.2 s). Several
    tests read the same rendered file: kept per file, its size and modification time (a file written
    again is read again)."""
    stat = Path(path).stat()
    key = (str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _PDF_PAGES:
        done = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                              text=True, encoding="utf-8", check=True)
        pages = done.stdout.split("\f")  # a form feed ends each page
        assert pages[-1].strip() == "", f"{path}: text after the last page"
        _PDF_PAGES[key] = pages[:-1]
    return _PDF_PAGES[key]


def pdf_text(path: Path) -> str:
    return "\n".join(pdf_pages(path))


SVG_IMAGE = "data:image/svg+xml;base64,"


class _Text(HTMLParser):
    """The text of an HTML page as a reader sees it: no style sheet or title, a space between blocks
    and table cells, none inside a run of inline elements."""
    BLOCKS = {"text", "p", "div", "section", "article", "header", "footer", "table", "thead", "tbody", "tr", "td", "th",
              "caption", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "figure", "figcaption", "dt", "dd"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("style", "script", "title")
        if tag in self.BLOCKS:
            self.parts.append(" ")
        source = dict(attrs).get("src") or ""
        if tag == "img" and source.startswith(SVG_IMAGE):  # a chart: its labels are text on the PDF's page
            chart = _Text()
            chart.feed(base64.b64decode(source[len(SVG_IMAGE):]).decode("utf-8"))
            self.parts += [" ", " ".join("".join(chart.parts).split()), " "]

    def handle_endtag(self, tag):
        self.hidden -= tag in ("style", "script", "title")
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join("".join(parser.parts).split())


def report_text(files: dict[str, Path]) -> str:
    """A rendered report's text: its PDF's, or, for a subscriber whose PDF the tests do not lay out
    (tests/functional/conftest.py: rendered), the text of the HTML WeasyPrint would lay out."""
    return pdf_text(files["pdf"]) if "pdf" in files else html_text(files["html"])


def report_fonts(files: dict[str, Path]) -> set[str]:
    """The fonts a rendered report's PDF embeds, or those its HTML's style sheet asks for."""
    if "pdf" in files:
        return pdf_fonts(files["pdf"])
    return set(re.findall(r'font-family: "([^"]+)"', files["html"].read_text(encoding="utf-8")))


def pdf_fonts(path: Path) -> set[str]:
    fonts = set()
    for page in PdfReader(path).pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")).split("+")[-1])
    return fonts


def slide_titles(path: Path) -> list[str]:
    return [slide.shapes.title.text for slide in Presentation(path).slides]


def slide_paragraphs(path: Path, title: str) -> list[str]:
    """The text of every paragraph on the slide with that title and on its continuations, titles left out."""
    slides = [s for s in Presentation(path).slides if s.shapes.title.text in (title, f"{title}, continued")]
    assert slides, f"no slide titled {title!r}"
    return [p.text for slide in slides for shape in slide.shapes if shape.has_text_frame
            and shape != slide.shapes.title for p in shape.text_frame.paragraphs if p.text.strip()]


def charts(path: Path) -> dict[str, list]:
    """Native charts by the title of their slide: each chart's series as (name, values)."""
    found = {}
    for slide in Presentation(path).slides:
        for shape in slide.shapes:
            if shape.has_chart:
                plot = shape.chart.plots[0]
                found[slide.shapes.title.text] = [(s.name, list(s.values)) for s in plot.series]
    return found


def _chart(path: Path, title: str):
    """The chart on the slide titled `title`."""
    for slide in Presentation(path).slides:
        if slide.shapes.title.text == title:
            for shape in slide.shapes:
                if shape.has_chart:
                    return shape.chart
    raise AssertionError(f"no chart on a slide titled {title!r}")


def _xs(series) -> list[float]:
    return [float(v) for v in series._element.xpath("./c:xVal//c:pt/c:v/text()")]


def xy_points(path: Path, title: str) -> list[tuple[float, float]]:
    """The (x, y) points of the XY chart on the slide titled `title`."""
    series = _chart(path, title).plots[0].series[0]
    return list(zip(_xs(series), series.values))


def xy_series(path: Path, title: str) -> dict[str, list[tuple[float, float]]]:
    """Each series of the XY chart on the slide titled `title`: its (x, y) points, in order."""
    return {series.name: list(zip(_xs(series), series.values)) for series in _chart(path, title).plots[0].series}


def xy_charts(path: Path) -> dict[str, dict[str, list[tuple[float, float]]]]:
    """Every XY chart of the deck, by its slide's title: each series' (x, y) points, in order."""
    found = {}
    for slide in Presentation(path).slides:
        for shape in slide.shapes:
            if shape.has_chart and shape.chart._chartSpace.xpath(".//c:scatterChart"):
                found[slide.shapes.title.text] = {series.name: list(zip(_xs(series), series.values))
                                                  for series in shape.chart.plots[0].series}
    return found


def serial(day) -> float:
    """A date as a chart's day number (days since 1899-12-30)."""
    import datetime

    return float((day - datetime.date(1899, 12, 30)).days)


def all_axes(path: Path) -> list[tuple[str, str, list[float], bool]]:
    """Every value axis of the deck: the slide's title, the tick labels' number format, the values
    plotted against the axis (y of line and bar charts, x or y of XY charts), and whether it is
    logarithmic. Date axes (formats of months and years) are left out."""
    found = []
    for slide in Presentation(path).slides:
        for shape in slide.shapes:
            if not shape.has_chart:
                continue
            space = shape.chart._chartSpace
            xy = bool(space.xpath(".//c:scatterChart"))
            for axis in space.xpath(".//c:valAx"):
                code = (axis.xpath("./c:numFmt/@formatCode") or ["General"])[0]
                if "yyyy" in code:
                    continue
                position = axis.xpath("./c:axPos/@val")[0]
                tag = ("c:xVal" if position in ("b", "t") else "c:yVal") if xy else "c:val"
                log = bool(axis.xpath("./c:scaling/c:logBase"))
                values = [float(v) for v in space.xpath(f".//{tag}//c:pt/c:v/text()") if not log or float(v) > 0]
                found.append((slide.shapes.title.text, code, values, log))
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


SVG = "{http://www.w3.org/2000/svg}"


def _translate(element) -> tuple[float, float]:
    x, y = re.match(r"translate\(([-\d.e]+),([-\d.e]+)\)", element.get("transform")).groups()
    return float(x), float(y)


def svg_labels(svg: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every text drawn in a chart's plot (not its axes, legend or title), with the box its glyphs
    cover: (left, top, right, bottom) in the plot's px. Measured with the font that draws it."""
    import xml.etree.ElementTree as ET

    from reports.rendering.labels import text_width

    found = set()
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        if not (group.get("class") or "").startswith("mark-text role-mark"):
            continue
        for text in group.iter(f"{SVG}text"):
            x, y = _translate(text)
            size = float(text.get("font-size").removesuffix("px"))
            width = text_width(text.text, text.get("font-family").strip('"'), size)
            left = {"start": x, "middle": x - width / 2, "end": x - width}[text.get("text-anchor", "start")]
            found.add((text.text, (left, y - 0.75 * size, left + width, y + 0.2 * size)))
    return sorted(found)


def svg_points(svg: str) -> list[tuple[float, float, float, str]]:
    """Every circle drawn in a chart's plot: its centre, radius and fill colour."""
    import xml.etree.ElementTree as ET

    found = []
    for path in ET.fromstring(svg).iter(f"{SVG}path"):
        if path.get("aria-roledescription") == "circle":
            x, y = _translate(path)
            radius = float(re.match(r"M([\d.]+),0A", path.get("d")).group(1))
            found.append((x, y, radius, path.get("fill")))
    return found


def table_rows(path: Path, title: str) -> list[list[str]]:
    """The cells of the native table on the slide titled `title`, row by row, header first."""
    for slide in Presentation(path).slides:
        if slide.shapes.title.text == title:
            for shape in slide.shapes:
                if shape.has_table:
                    return [[cell.text for cell in row.cells] for row in shape.table.rows]
    raise AssertionError(f"no table on a slide titled {title!r}")


def xy_colours(path: Path, title: str) -> list[tuple[float, float, str | None]]:
    """The points of the one-series XY chart on the slide titled `title`, each with its marker's
    fill colour ('#RRGGBB', None where the point keeps the series' colour)."""
    series = _chart(path, title).plots[0].series[0]
    fills = {int(p.xpath("./c:idx/@val")[0]): "#" + p.xpath(".//c:marker//a:srgbClr/@val")[0].upper()
             for p in series._element.xpath("./c:dPt") if p.xpath(".//c:marker//a:srgbClr/@val")}
    return [(x, y, fills.get(i)) for i, (x, y) in enumerate(zip(_xs(series), series.values))]


def slide_text(path: Path, title: str) -> str:
    """Every text frame's text on the slide titled `title`, title excepted, joined by spaces."""
    for slide in Presentation(path).slides:
        if slide.shapes.title.text == title:
            return " ".join(shape.text_frame.text.replace("\n", " ") for shape in slide.shapes
                            if shape.has_text_frame and shape != slide.shapes.title)
    raise AssertionError(f"no slide titled {title!r}")


def pack_sheets(path: Path) -> dict[str, list[dict]]:
    """Every sheet of a data pack's workbook, read with openpyxl: its rows as {header: value}."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        found = {}
        for sheet in book.worksheets:
            values = list(sheet.iter_rows(values_only=True))
            found[sheet.title] = [dict(zip(values[0], row)) for row in values[1:]] if values else []
        return found
    finally:
        book.close()


def pack_csv(path: Path) -> dict[str, list[dict]]:
    """Every CSV file of a data pack's zip: its rows as {header: text}."""
    import csv
    import io
    import zipfile

    with zipfile.ZipFile(path) as pack:
        return {name.removesuffix(".csv"): list(csv.DictReader(io.StringIO(pack.read(name).decode())))
                for name in pack.namelist()}


def pack_findings(path: Path) -> list[str]:
    """Every finding of a report, from its data pack's sheet Findings (the pages show the first few)."""
    return [row["Finding"] for row in pack_sheets(path)["Findings"]]


def answers(path: Path) -> list[tuple[str, int]]:
    """The answer slide's sentences (the deck's second slide), each with the number of the slide it
    points to ('… (slide 7)')."""
    slide = Presentation(path).slides[1]
    assert slide.shapes.title.text.startswith("The answer for "), slide.shapes.title.text
    found = []
    for p in slide.placeholders[1].text_frame.paragraphs:
        sentence, number = re.fullmatch(r"(.*) \(slide (\d+)\)", p.text).groups()
        found.append((sentence, int(number)))
    return found


def slide_evidence(path: Path, number: int) -> tuple[str, list[str], list[float]]:
    """What slide `number` (from 1) shows as evidence: its title, every table cell (header included) and
    chart category, and every value of its charts (an XY chart's x and y)."""
    slide = Presentation(path).slides[number - 1]
    cells: list[str] = []
    values: list[float] = []
    for shape in slide.shapes:
        if shape.has_table:
            cells += [cell.text for row in shape.table.rows for cell in row.cells]
        if shape.has_chart:
            plot = shape.chart.plots[0]
            cells += [str(c) for c in plot.categories] if not shape.chart._chartSpace.xpath(".//c:scatterChart") else []
            for series in plot.series:
                cells.append(series.name)
                values += [v for v in series.values if v is not None]
                values += _xs(series)
    return slide.shapes.title.text, cells, values


def deck_text(path: Path) -> str:
    """Every word a deck shows: text frames, table cells, and each chart's categories and series names."""
    parts: list[str] = []
    for slide in Presentation(path).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
            if shape.has_chart:
                plot = shape.chart.plots[0]
                if not shape.chart._chartSpace.xpath(".//c:scatterChart"):
                    parts += [str(c) for c in plot.categories]
                parts += [s.name for s in plot.series]
                parts += shape.chart._chartSpace.xpath(".//c:dLbl//a:t/text()")  # point labels
    return " ".join(" ".join(parts).split())
