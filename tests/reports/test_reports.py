"""Every report rendered for two differently branded subscribers, read back: the PDF's text, fonts
and key figures; the deck's slide titles and native chart data, each checked against the
warehouse's views at the snapshot the report read."""

from __future__ import annotations

import re

import pytest

from reports.formatting import factor, money, number
from tests.reports.readback import axis_label, charts, log_axes, log_ticks, pdf_fonts, pdf_text, slide_titles, xy_points
from warehouse import query

BRANDS = {"acme-analytics": ("Acme Analytics", "Inter"), "northwind-bank": ("Northwind Bank", "Lato"),
          "globex-health": ("Globex Health", "Roboto"), "initech-retail": ("Initech Retail", "Inter")}


def same_points(found, expected) -> bool:
    """The same (x, y) points, in any order, to 9 significant digits."""
    def key(points):
        return sorted((float(f"{x:.9g}"), float(f"{y:.9g}")) for x, y in points)
    return key(found) == key(expected)


def view(location, snapshot, sql, **params):
    return query.run(location, sql, params, snapshot=snapshot, raw_params=True).to_pylist()


@pytest.mark.parametrize("subscriber", ["acme-analytics", "northwind-bank"])
def test_cost_to_run(demo_warehouse, rendered, subscriber):
    (files, snapshot) = rendered("cost-to-run", subscriber)
    company, font = BRANDS[subscriber]
    version = "1"  # northwind pins v1; acme takes the latest published by the quarter's end, v1 (v2: 2026-10-01)
    top = view(demo_warehouse, snapshot, """
        SELECT m.display_name, i.effort, i."index", c.total_usd FROM intelligence_index i
        JOIN cost_to_run c USING (index_id, version, model, effort, as_of) JOIN models m USING (model)
        WHERE i.version = $version AND c.as_of = DATE '2026-09-30' AND i.complete AND c.total_usd IS NOT NULL
        ORDER BY i.rank LIMIT 1""", version=version)[0]
    text = pdf_text(files["pdf"])
    assert "Cost to run the Intelligence Index" in text
    assert f"benchhouse Intelligence Index v{version}" in text.replace("\n", " ")
    assert company in text and f"Prepared for {company}" in text
    assert f"{number(top['index'])}" in text and money(top["total_usd"]) in text
    assert "Generated data." in text  # the demo's runs are disclosed
    assert any(f.startswith(font) for f in pdf_fonts(files["pdf"]))

    assert slide_titles(files["pptx"]) == [
        "Cost to run the Intelligence Index", "Findings", "Intelligence against the cost of running the index",
        "Where the cost goes, by token type", "Output tokens to run the index", "Cost per task", "The ranking",
        "Methodology and sources"]
    priced = view(demo_warehouse, snapshot, """
        SELECT c.total_usd, i."index" FROM intelligence_index i
        JOIN cost_to_run c USING (index_id, version, model, effort, as_of)
        WHERE i.version = $version AND c.as_of = DATE '2026-09-30' AND i.complete AND c.total_usd > 0""", version=version)
    points = xy_points(files["pptx"], "Intelligence against the cost of running the index")
    assert len(points) == len(priced) > 20
    assert same_points(points, [(r["total_usd"], r["index"]) for r in priced])


@pytest.mark.parametrize("subscriber", ["acme-analytics", "initech-retail"])
def test_smile_curve(demo_warehouse, rendered, subscriber):
    (files, snapshot) = rendered("smile-curve", subscriber)
    company, font = BRANDS[subscriber]
    fit = view(demo_warehouse, snapshot, """SELECT label, decline_factor_per_year, decline_factor_low, decline_factor_high
                                            FROM price_decline WHERE threshold = 'gpt-4-gpqa' AND with_reasoning
                                              AND as_of = (SELECT max(as_of) FROM calendar)""")[0]
    text = pdf_text(files["pdf"])
    assert "The smile curve" in text and company in text
    assert f"{fit['label']}: {factor(fit['decline_factor_per_year'])}/yr" in text.replace("\n", " ")
    assert f"{factor(fit['decline_factor_low'])} – {factor(fit['decline_factor_high'])}" in text
    assert any(f.startswith(font) for f in pdf_fonts(files["pdf"]))

    assert slide_titles(files["pptx"])[:4] == ["The smile curve", "Findings", "The price of a fixed level of intelligence",
                                              "How fast the price falls"]
    left = charts(files["pptx"])["The price of a fixed level of intelligence"]
    series = dict(left)[next(name for name, _ in left if name.startswith(fit["label"]))]
    expected = [r["blended_usd_per_mtok"] for r in view(demo_warehouse, snapshot, """
        SELECT blended_usd_per_mtok FROM price_of_intelligence
        WHERE threshold = 'gpt-4-gpqa' AND as_of <= DATE '2026-09-30' AND scores_as_of = DATE '2026-09-30'
        ORDER BY as_of""")]
    assert [v for v in series if v is not None] == pytest.approx(expected)


@pytest.mark.parametrize("subscriber", ["acme-analytics", "globex-health"])
def test_openness_index(demo_warehouse, rendered, subscriber):
    (files, snapshot) = rendered("openness-index", subscriber)
    company, font = BRANDS[subscriber]
    scored = view(demo_warehouse, snapshot, """
        SELECT m.display_name, o.score, o.raw, o.derived_from FROM openness_index o JOIN models m USING (model)
        ORDER BY o.score DESC, m.display_name""")
    text = pdf_text(files["pdf"])
    assert "The Openness Index" in text and company in text
    assert f"{len(scored)} models have an Openness Index score" in text
    gpt5 = next(r for r in scored if r["display_name"] == "GPT-5")
    assert (gpt5["raw"], gpt5["derived_from"]) == (2, "house assessment")
    assert any(f.startswith(font) for f in pdf_fonts(files["pdf"]))

    assert slide_titles(files["pptx"]) == ["The Openness Index", "Findings", "Openness by component (0 to 3)",
                                          "Openness against intelligence", "Where each score came from",
                                          "Methodology and sources"]
    both = view(demo_warehouse, snapshot, """
        SELECT o.score, max(i."index") AS idx FROM openness_index o
        JOIN intelligence_index i ON i.model = o.model AND i.complete AND i.version = $version
         AND i.as_of = (SELECT max(as_of) FROM calendar)
        GROUP BY o.model, o.score""", version="1")
    points = xy_points(files["pptx"], "Openness against intelligence")
    assert len(points) == len(both) > 5
    assert same_points(points, [(r["score"], r["idx"]) for r in both])


@pytest.mark.parametrize("report", ["cost-to-run", "smile-curve"])
def test_every_tick_of_a_log_axis_reads_as_its_own_number(rendered, report):
    """A log axis ticks at powers of ten: with fixed decimals $0.001 would read $0.00."""
    (files, _) = rendered(report, "acme-analytics")
    axes = log_axes(files["pptx"])
    assert len(axes) >= 2
    for title, code, values in axes:
        labels = [axis_label(code, tick) for tick in log_ticks(values)]
        assert len(set(labels)) == len(labels), (title, labels)
        assert all(float(re.sub(r"[^0-9.]", "", label)) > 0 for label in labels), (title, labels)


def test_the_same_inputs_give_the_same_text(demo_warehouse, rendered, tmp_path):
    """Metadata carries the period's date, not the wall clock: rendering again changes no text."""
    from pypdf import PdfReader

    from reports import render, subscribers
    from reports.data import ReportData
    from tests.reports.conftest import PERIOD

    (files, snapshot) = rendered("cost-to-run", "acme-analytics")
    data = ReportData(demo_warehouse, snapshot)
    again = render.build(data, "cost-to-run", subscribers.load(subscribers.FOLDER / "acme-analytics.yaml"),
                         PERIOD, ("pdf",), tmp_path)[0].path
    data.close()
    assert pdf_text(again) == pdf_text(files["pdf"])
    assert PdfReader(again).metadata["/CreationDate"] == PdfReader(files["pdf"]).metadata["/CreationDate"]
