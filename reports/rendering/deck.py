"""The slide-deck renderer: native, editable PowerPoint charts on the 16:9 base deck
(templates/base_deck.pptx). The only code that touches python-pptx."""

from __future__ import annotations

import io
import math
import re
from datetime import date, datetime
from pathlib import Path

import vl_convert as vlc
from pptx import Presentation
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from reports.rendering.labels import text_width
from reports.rendering.theme import (DECK_TEXT as SIZE, GRID, INK, LINE, LOGO_SCALE, MUTED, PAPER, WHITE, Brand, ink_on,
                                     ticks, value_labels)
from templates import FOLDER as TEMPLATES

BASE = TEMPLATES / "base_deck.pptx"
TITLE, TITLE_AND_CONTENT, TITLE_ONLY = 0, 1, 5
CHART_BOX = (Inches(0.6), Inches(1.35), Inches(12.1), Inches(5.45))


# Characters XML 1.0 cannot hold (control characters but tab and newline): python-pptx escapes markup
# in text, but refuses these, so a stray one in a client's data would stop the deck. They are dropped.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def safe(text: str) -> str:
    return XML_UNSAFE.sub("", text)


def rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


# A title's line: the title box (12.1 in) less its text margins (0.1 in a side), in points; and how
# much wider the fallback font (theme.FALLBACK_FONT) sets a bold title than the default brand font
# (15%), since a deck carries no fonts and a reader without the brand's sees the fallback.
TITLE_ROOM_PT = (12.1 - 0.2) * 72
FALLBACK_WIDER = 1.15

class Deck:
    """One deck in one brand, slide by slide."""

    def __init__(self, brand: Brand, company: str, confidentiality: str, disclosure: str | None = None):
        """disclosure: what is generated, in a line under every slide's footer (Appendix.footer_disclosure)."""
        self.prs = Presentation(str(BASE))
        self.brand, self.company, self.confidentiality = brand, company, confidentiality
        self.disclosure = disclosure
        self._answer = None  # the answer slide and its answers, numbered when the deck is saved

    # slides -----------------------------------------------------------------------------------

    def title_slide(self, title: str, subtitle: str, banner: str | None = None) -> None:
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[TITLE])
        band = slide.shapes.add_shape(1, 0, Inches(0), self.prs.slide_width, Inches(4.6))  # 1: rectangle
        band.fill.solid()
        band.fill.fore_color.rgb = rgb(self.brand.primary)
        band.line.fill.background()
        accent = slide.shapes.add_shape(1, 0, Inches(4.6), self.prs.slide_width, Inches(0.12))
        accent.fill.solid()
        accent.fill.fore_color.rgb = rgb(self.brand.accent)
        accent.line.fill.background()
        slide.shapes._spTree.remove(band._element)
        slide.shapes._spTree.insert(2, band._element)  # behind the title placeholders
        slide.shapes._spTree.remove(accent._element)
        slide.shapes._spTree.insert(3, accent._element)
        _place(slide.shapes.title, Inches(0.8), Inches(1.3), Inches(11.7), Inches(1.8))
        self._text(slide.shapes.title, title, SIZE["cover_title"], WHITE, bold=True, align=PP_ALIGN.LEFT)
        _place(slide.placeholders[1], Inches(0.8), Inches(3.2), Inches(11.7), Inches(1.1))
        self._text(slide.placeholders[1], subtitle, SIZE["cover_subtitle"], WHITE, align=PP_ALIGN.LEFT)
        picture = slide.shapes.add_picture(io.BytesIO(logo_png(self.brand.logo)), 0, Inches(5.2), height=Inches(0.8))
        picture.left = self.prs.slide_width - picture.width - Inches(0.6)
        box = slide.shapes.add_textbox(Inches(0.8), Inches(5.2), Inches(8), Inches(1.5))
        self._text(box, f"{self.company}\n{self.confidentiality}", SIZE["cover_body"], INK)
        box.text_frame.paragraphs[0].runs[0].font.bold = True
        if banner:
            strip = slide.shapes.add_textbox(Inches(0.8), Inches(6.55), Inches(11.7), Inches(0.6))
            self._text(strip, banner, SIZE["note"] + 2, INK)

    def bullets(self, title: str, items: list[str], size: int = SIZE["body"]) -> None:
        """Items as bullets, over as many slides ('…, continued') as they need: never off the slide."""
        for i, page in enumerate(_pages(items, size)):
            self._bullet_slide(title if i == 0 else f"{title}, continued", page, size)

    def answer(self, title: str, answers: list, size: int = 16) -> None:
        """The answer slide (reports/common/answer.py): each answer ends with the number of the slide
        titled as its `slide`, filled in when the deck is saved and every slide is there. At `size`
        points, or smaller until the answers fit the one slide."""
        while size > 11 and len(_pages([f"{a.sentence} (slide 10)" for a in answers], size)) > 1:
            size -= 1
        self._answer = (self._bullet_slide(title, [a.sentence for a in answers], size), answers)

    def _number_answers(self) -> None:
        """Each answer's slide number, from the titles of the finished deck; an answer whose slide the
        deck lacks is a fault of the report, not something to print."""
        if self._answer is None:
            return
        slide, answers = self._answer
        titles = [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in self.prs.slides]
        for paragraph, a in zip(slide.placeholders[1].text_frame.paragraphs, answers):
            if a.slide not in titles:
                raise ValueError(f"the answer {a.sentence!r} points to the slide {a.slide!r}, which the deck lacks")
            run = paragraph.add_run()
            run.text = f" (slide {titles.index(a.slide) + 1})"
            run.font.size, run.font.name = paragraph.runs[0].font.size, self.brand.font
            run.font.color.rgb = rgb(MUTED)

    def _bullet_slide(self, title: str, items: list[str], size: int):
        slide = self._slide(title, TITLE_AND_CONTENT)
        body = slide.placeholders[1]
        _place(body, Inches(0.6), Inches(1.45), Inches(12.1), Inches(5.3))
        frame = body.text_frame
        frame.word_wrap = True
        for i, item in enumerate(items):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            paragraph.text = safe(item)
            paragraph.space_after = Pt(8)
            for run in paragraph.runs:
                run.font.size, run.font.name = Pt(size), self.brand.font
        return slide

    def scatter(self, title: str, groups: list[tuple[str, list[tuple[float, float, str | None]], str]],
                x_title: str, y_title: str, log_x: bool = True, x_unit: str = "usd", log_y: bool = False,
                y_unit: str = "score", note: str = "") -> None:
        """An XY scatter of groups (name, points (x, y, label or None), colour): one series whose
        points take their group's colour (some viewers draw only the last of several XY series),
        with a legend of the groups under it. Labelled points carry a number, and a key beside the
        chart names them: full names would overlap where models crowd."""
        slide = self._slide(title)
        data = XyChartData()
        series_data = data.add_series("models")
        flat = [(x, y, text, colour) for _, points, colour in groups for x, y, text in points]
        for x, y, _, _ in flat:
            series_data.add_data_point(x, y)
        left, top, _, height = CHART_BOX
        chart = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER, left, top, Inches(8.9), height - Inches(0.5),
                                       data).chart
        chart.has_title = False
        series = chart.plots[0].series[0]
        series.format.line.fill.background()
        key = []
        for i, (_, _, text, colour) in enumerate(flat):
            marker = series.points[i].marker
            marker.style, marker.size = XL_MARKER_STYLE.CIRCLE, 7
            marker.format.fill.solid()
            marker.format.fill.fore_color.rgb = rgb(colour)
            marker.format.line.fill.background()
            if text:
                key.append((len(key) + 1, text, colour))
                label = series.points[i].data_label
                label.has_text_frame = True
                label.text_frame.text = str(len(key))
                label.position = XL_LABEL_POSITION.RIGHT
                for run in label.text_frame.paragraphs[0].runs:
                    run.font.size, run.font.name, run.font.bold = Pt(SIZE["point_label"]), self.brand.font, True
        _label_defaults(series)
        if key:
            box = slide.shapes.add_textbox(Inches(9.7), top, Inches(3.1), height - Inches(0.5)).text_frame
            box.word_wrap = True
            for n, (number, text, colour) in enumerate(key):
                paragraph = box.paragraphs[0] if n == 0 else box.add_paragraph()
                for part, tint, bold in ((f"{number}  ", colour, True), (text, INK, False)):
                    run = paragraph.add_run()
                    run.text = safe(part)
                    run.font.size, run.font.name, run.font.bold = Pt(SIZE["legend"]), self.brand.font, bold
                    run.font.color.rgb = rgb(tint)
        _value_scale(chart.category_axis, ticks(x_unit, log_x).excel, log=log_x)
        _value_scale(chart.value_axis, ticks(y_unit, log_y).excel, log=log_y)
        self._axes(chart, x_title, y_title)
        chart.has_legend = False
        legend = slide.shapes.add_textbox(Inches(0.6), Inches(6.45), Inches(12.1), Inches(0.3)).text_frame
        paragraph = legend.paragraphs[0]
        for name, points, colour in groups:
            for text, tint in (("●  ", colour), (f"{name}     ", MUTED)):
                run = paragraph.add_run()
                run.text = text
                run.font.size, run.font.name = Pt(SIZE["legend"]), self.brand.font
                run.font.color.rgb = rgb(tint)
        self._note(slide, note)

    def stacked_bars(self, title: str, categories: list[str], series: list[tuple[str, list[float], str]],
                     value_title: str, unit: str = "usd", note: str = "") -> None:
        """Horizontal stacked bars; each series (name, values, colour) in its own colour."""
        slide = self._slide(title)
        number_format = ticks(unit, largest=max(map(sum, zip(*[v for _, v, _ in series])), default=0)).excel
        data = CategoryChartData(number_format=number_format)
        data.categories = [safe(c) for c in reversed(categories)]  # bar charts draw the first category at the bottom
        for name, values, _ in series:
            data.add_series(safe(name), list(reversed(values)))
        chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_STACKED, *CHART_BOX, data).chart
        chart.has_title = False
        for s, colour in zip(chart.plots[0].series, [colour for _, _, colour in series]):
            s.format.fill.solid()
            s.format.fill.fore_color.rgb = rgb(colour)
        chart.plots[0].gap_width = 45
        _value_scale(chart.value_axis, number_format, log=False)
        self._axes(chart, None, value_title)
        _every_category(chart, len(categories))
        self._legend(chart)
        self._note(slide, note)

    def bars(self, title: str, categories: list[str], values: list[float], value_title: str, unit: str,
             highlight: list[bool] | None = None, note: str = "") -> None:
        """Horizontal bars from zero (a bar's length is its value), each value written at its end,
        highlighted ones in the accent colour."""
        slide = self._slide(title)
        number_format = ticks(unit, largest=max((v for v in values if v is not None), default=0)).excel
        data = CategoryChartData(number_format=number_format)
        data.categories = [safe(c) for c in reversed(categories)]
        data.add_series(safe(value_title), list(reversed(values)))
        chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *CHART_BOX, data).chart
        chart.has_title = False
        series = chart.plots[0].series[0]
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = rgb(self.brand.primary)
        for i, flag in enumerate(reversed(highlight or [])):
            if flag:
                point = series.points[i]
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = rgb(self.brand.accent)
        plot = chart.plots[0]
        plot.gap_width = 45
        plot.has_data_labels = True
        plot.data_labels.number_format, plot.data_labels.number_format_is_linked = value_labels(unit), False
        plot.data_labels.font.size = Pt(SIZE["point_label"])
        plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
        _value_scale(chart.value_axis, number_format, log=False)
        self._axes(chart, None, value_title)
        _every_category(chart, len(categories))
        chart.has_legend = False
        self._note(slide, note)

    def steps(self, title: str, series: list[tuple[str, list[tuple[date, float]]]], value_title: str, unit: str,
              log: bool = True, note: str = "") -> None:
        """Lines against dates that hold each value until the next (a price holds until it
        changes): an XY chart whose x is the date, each series in its own colour of the palette."""
        slide = self._slide(title)
        data = XyChartData()
        days = [day for _, points in series for day, _ in points]
        lines = [_step_points(points) for _, points in series]
        longest = max(map(len, lines), default=0)
        for (name, _), points in zip(series, lines):
            line = data.add_series(safe(name))
            # Every series as long as the longest, its last point repeated (which draws nothing more):
            # LibreOffice draws nothing for some series of an XY chart whose lengths differ.
            for x, value in points + points[-1:] * (longest - len(points)):
                line.add_data_point(x, value)
        chart = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS, *CHART_BOX, data).chart
        chart.has_title = False
        for s, colour in zip(chart.plots[0].series, self.brand.palette(len(series))):
            s.format.line.color.rgb = rgb(colour)
            s.format.line.width = Pt(2.25)
            s.smooth = False
        dates = chart.category_axis  # the x axis of an XY chart is a value axis, here of dates
        dates.minimum_scale, dates.maximum_scale = _serial(min(days)), _serial(max(days))
        dates.major_unit = max(91, round((_serial(max(days)) - _serial(min(days))) / 8 / 91) * 91)
        dates.tick_labels.number_format, dates.tick_labels.number_format_is_linked = "mmm yyyy", False
        dates.has_major_gridlines = False
        _value_scale(chart.value_axis, ticks(unit, log).excel, log)
        self._axes(chart, None, value_title)
        self._legend(chart)
        self._note(slide, note)

    def table(self, title: str, header: list[str], rows: list[list[str]], widths: list[float],
              highlight: list[bool] | None = None, fills: list[list[str | None]] | None = None,
              note: str = "", size: int = SIZE["table"]) -> None:
        """A native table; `fills` colours cells (a heatmap), `highlight` bolds rows."""
        slide = self._slide(title)
        height = Inches(0.3) * (len(rows) + 1)
        shape = slide.shapes.add_table(len(rows) + 1, len(header), Inches(0.6), Inches(1.35),
                                       Inches(sum(widths)), height)
        table = shape.table
        for j, width in enumerate(widths):
            table.columns[j].width = Inches(width)
        for j, text in enumerate(header):
            self._cell(table.cell(0, j), text, size, WHITE, bold=True, fill=self.brand.primary)
        for i, row in enumerate(rows, start=1):
            bold = bool(highlight and highlight[i - 1])
            for j, text in enumerate(row):
                fill = (fills[i - 1][j] if fills else None) or (WHITE if i % 2 else PAPER)
                self._cell(table.cell(i, j), text, size, ink_on(fill), bold=bold, fill=fill)
        self._note(slide, note)

    def text(self, title: str, paragraphs: list[str], size: int = 12) -> None:
        self.bullets(title, paragraphs, size)

    def save(self, out: Path, as_of: datetime, title: str) -> int:
        """Save; the file's dates are the period's, not the wall clock's. Return the slide count."""
        properties = self.prs.core_properties
        properties.title, properties.author, properties.last_modified_by = title, "benchhouse", "benchhouse"
        properties.created = properties.modified = as_of
        properties.revision = 1
        self._number_answers()
        self.prs.save(out)
        return len(self.prs.slides._sldIdLst)

    # parts --------------------------------------------------------------------------------------

    def _slide(self, title: str, layout: int = TITLE_ONLY):
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[layout])
        _place(slide.shapes.title, Inches(0.6), Inches(0.3), Inches(12.1), Inches(0.9))
        self._text(slide.shapes.title, title, self._title_size(title), INK, bold=True, align=PP_ALIGN.LEFT)
        rule = slide.shapes.add_shape(1, Inches(0.6), Inches(1.18), Inches(1.2), Inches(0.06))
        rule.fill.solid()
        rule.fill.fore_color.rgb = rgb(self.brand.accent)
        rule.line.fill.background()
        footer = slide.shapes.add_textbox(Inches(0.6), Inches(7.02), Inches(11), Inches(0.42))
        number = len(self.prs.slides._sldIdLst)
        line = f"{self.company} · {self.confidentiality} · {number}"
        self._text(footer, f"{line}\n{self.disclosure}" if self.disclosure else line, SIZE["note"], MUTED)
        return slide

    def _title_size(self, title: str) -> int:
        """The theme's title size, or smaller (to its smallest) so that the title stays on one line:
        a second line ran under the accent rule beneath it. Measured in the brand font's bold face,
        with room for the fallback a reader without the brand font sees (FALLBACK_WIDER)."""
        size = SIZE["title"]
        while (size > SIZE["title_smallest"]
               and text_width(title, self.brand.font, size, "bold") * FALLBACK_WIDER > TITLE_ROOM_PT):
            size -= 1
        return size

    def _text(self, shape, text: str, size: int, colour: str, bold: bool = False, align=None) -> None:
        frame = shape.text_frame
        frame.word_wrap = True
        frame.text = safe(text)
        for paragraph in frame.paragraphs:
            if align is not None:
                paragraph.alignment = align
            for run in paragraph.runs:
                run.font.size, run.font.bold, run.font.name = Pt(size), bold, self.brand.font
                run.font.color.rgb = rgb(colour)

    def _cell(self, cell, text: str, size: int, colour: str, bold: bool, fill: str) -> None:
        cell.text = safe(text)
        cell.fill.solid()
        cell.fill.fore_color.rgb = rgb(fill)
        cell.margin_top = cell.margin_bottom = Emu(30000)
        for paragraph in cell.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.size, run.font.bold, run.font.name = Pt(size), bold, self.brand.font
                run.font.color.rgb = rgb(colour)

    def _axes(self, chart, x_title: str | None, y_title: str | None) -> None:
        for axis, title in ((chart.category_axis, x_title), (chart.value_axis, y_title)):
            axis.tick_labels.font.size, axis.tick_labels.font.name = Pt(SIZE["axis"]), self.brand.font
            axis.format.line.color.rgb = rgb(LINE)
            if title:
                axis.has_title = True
                axis.axis_title.text_frame.text = safe(title)
                for run in axis.axis_title.text_frame.paragraphs[0].runs:
                    run.font.size, run.font.bold, run.font.name = Pt(SIZE["axis_title"]), False, self.brand.font
        chart.value_axis.has_major_gridlines = True
        chart.value_axis.major_gridlines.format.line.color.rgb = rgb(GRID)

    def _legend(self, chart) -> None:
        """Under the chart, or beside it when its series are many: under it, their rows ran into the note."""
        chart.has_legend = True
        many = len(chart.plots[0].series) > 5
        chart.legend.position = XL_LEGEND_POSITION.RIGHT if many else XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False  # beside or under the plot, never over it
        chart.legend.font.size, chart.legend.font.name = Pt(SIZE["legend"]), self.brand.font

    def _note(self, slide, note: str) -> None:
        """A note under a slide's chart or table, ending where the footer begins (7.02 in): a note of
        more than a line grows upwards, a line for each TITLE_ROOM_PT it takes (set in the fallback
        font, as a title is measured), instead of running into the footer."""
        if note:
            wide = text_width(note, self.brand.font, SIZE["note"]) * FALLBACK_WIDER
            lines = max(1, math.ceil(wide / TITLE_ROOM_PT))
            height = max(0.3, lines * SIZE["note"] * 1.25 / 72 + 0.1)
            box = slide.shapes.add_textbox(Inches(0.6), Inches(7.02 - height), Inches(12.1), Inches(height))
            self._text(box, note, SIZE["note"], MUTED)


def _label_defaults(series) -> None:
    """Close a series' point labels with the series-level settings the schema expects after them
    (python-pptx writes only the points'; some viewers then drop the whole series)."""
    labels = series._element.find(qn("c:dLbls"))
    if labels is None:
        return
    for tag in ("c:showLegendKey", "c:showVal", "c:showCatName", "c:showSerName", "c:showPercent",
                "c:showBubbleSize"):
        labels.append(labels.makeelement(qn(tag), {"val": "0"}))



def _every_category(chart, count: int) -> None:
    """Name every bar: left to itself a viewer labels every other one when they crowd. Many bars
    get a smaller label so that each still fits its bar."""
    axis = chart.category_axis
    if count > 20:
        axis.tick_labels.font.size = Pt(max(7, SIZE["axis"] - (count - 20) // 8))
    element = axis._element
    skip = element.find(qn("c:tickLblSkip"))
    if skip is None:
        skip = element.makeelement(qn("c:tickLblSkip"), {})
        after = element.find(qn("c:lblOffset"))
        if after is None:
            after = element.find(qn("c:lblAlgn"))
        if after is not None:
            after.addnext(skip)
        else:
            before = element.find(qn("c:noMultiLvlLbl"))
            before.addprevious(skip) if before is not None else element.append(skip)
    skip.set("val", "1")


def _pages(items: list[str], size: int) -> list[list[str]]:
    """Items split over slides by the height they take in the bullets' box at `size` points, in order."""
    per_line = int(12.1 * 72 / (0.52 * size))  # characters a line of the 12.1-inch box holds
    room = 5.3 * 72 * 0.92                     # the box's height in points, a little kept free
    pages: list[list[str]] = [[]]
    used = 0.0
    for item in items:
        height = -(-len(item) // per_line) * 1.2 * size + 8
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1].append(item)
        used += height
    return pages


def _serial(day: date) -> int:
    """A date as the day number spreadsheets and PowerPoint charts use (days since 1899-12-30)."""
    return (day - date(1899, 12, 30)).days


def _step_points(points: list[tuple[date, float]]) -> list[tuple[int, float]]:
    """(day number, value) of a line that holds each value until the next date: at a change, the old
    value up to the new date, then the new one."""
    drawn: list[tuple[int, float]] = []
    for day, value in points:
        if drawn and value != drawn[-1][1]:
            drawn.append((_serial(day), drawn[-1][1]))
        drawn.append((_serial(day), value))
    return drawn


def _place(shape, left, top, width, height) -> None:
    """Give a placeholder its own position: set one coordinate alone and the others are lost."""
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


def _value_scale(axis, number_format: str, log: bool) -> None:
    """Tick labels in `number_format` (from theme.ticks, which gives a log axis a format that shows
    the decimals each power of ten needs: $0.001, $0.01, $1, $1,000), on a linear or a logarithmic
    (base 10) axis. python-pptx has no setting for a log axis; the chart XML has."""
    if log:
        scaling = axis._element.find(qn("c:scaling"))
        scaling.insert(0, scaling.makeelement(qn("c:logBase"), {"val": "10"}))
    axis.tick_labels.number_format = number_format
    axis.tick_labels.number_format_is_linked = False


def logo_png(path: Path) -> bytes:
    """PowerPoint takes no SVG: an SVG logo is drawn to PNG first."""
    if path.suffix.lower() == ".svg":
        return vlc.svg_to_png(path.read_text(encoding="utf-8"), scale=LOGO_SCALE)
    return path.read_bytes()
