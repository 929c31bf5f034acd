"""Every report rendered for two differently branded subscribers, read back: the PDF's text, fonts
and key figures; the deck's slide titles and native chart data, each checked against the
warehouse's views at the snapshot the report read."""

from __future__ import annotations

import re

import pytest

from reports.rendering.formatting import factor, money, number, rank
from tests.functional.reports.readback import (all_axes, axis_label, log_ticks, pdf_fonts, pdf_text, serial, slide_paragraphs, slide_titles,
                                              table_rows, xy_points, xy_series)
from reports.delivery import subscribers
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
        "Cost to run the Intelligence Index", "Findings", "Your models", "This quarter against the last",
        "Intelligence against the cost of running the index",
        "Where the cost goes, by token type", "Output tokens to run the index", "Cost per task",
        "What a solved task costs: SWE-bench Verified", "The ranking", "Methodology and sources"]
    solved = view(demo_warehouse, snapshot, """
        SELECT b.blended_usd_per_mtok, t.cost_per_solved_task FROM turn_efficiency t
        JOIN blended_price b ON b.model = t.model AND b.as_of = t.as_of
        WHERE t.as_of = DATE '2026-09-30' AND t.evaluation = 'swe-bench-verified' AND t.cost_per_solved_task > 0""")
    points = xy_points(files["pptx"], "What a solved task costs: SWE-bench Verified")
    assert len(points) == len(solved) > 10
    assert same_points(points, [(r["blended_usd_per_mtok"], r["cost_per_solved_task"]) for r in solved])
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
                                              AND as_of = DATE '2026-09-30'""")[0]
    text = pdf_text(files["pdf"])
    assert "The smile curve" in text and company in text
    assert f"{fit['label']}: {factor(fit['decline_factor_per_year'])}/yr" in text.replace("\n", " ")
    assert f"{factor(fit['decline_factor_low'])} – {factor(fit['decline_factor_high'])}" in text
    assert any(f.startswith(font) for f in pdf_fonts(files["pdf"]))

    assert slide_titles(files["pptx"])[:5] == ["The smile curve", "Findings", "Your models",
                                              "The price of a fixed level of intelligence", "How fast the price falls"]
    left = xy_series(files["pptx"], "The price of a fixed level of intelligence")
    points = left[next(name for name in left if name.startswith(fit["label"]))]
    expected = [(serial(r["as_of"]), r["blended_usd_per_mtok"]) for r in view(demo_warehouse, snapshot, """
        SELECT as_of, blended_usd_per_mtok FROM price_of_intelligence
        WHERE threshold = 'gpt-4-gpqa' AND as_of <= DATE '2026-09-30' AND scores_as_of = DATE '2026-09-30'
        ORDER BY as_of""")]
    # A stepped line holds each price until the next month's: at a change, the old price comes
    # first at the new date, then the new one; the last point at each date is that month's price.
    last = {x: y for x, y in points}
    assert sorted(last) == [x for x, _ in expected]
    assert [last[x] for x, _ in expected] == pytest.approx([y for _, y in expected])
    steps = [(a, b) for a, b in zip(points, points[1:]) if a[0] == b[0]]
    assert all(a[1] != b[1] for a, b in steps) and len(steps) >= 3


@pytest.mark.parametrize("subscriber", ["acme-analytics", "globex-health"])
def test_openness_index(demo_warehouse, rendered, subscriber):
    (files, snapshot) = rendered("openness-index", subscriber)
    company, font = BRANDS[subscriber]
    focus = list(subscribers.load_id(subscriber).focus_models)
    scored = view(demo_warehouse, snapshot, """
        SELECT m.model, m.name AS display_name, o.score, o.raw, o.derived_from, d.shown FROM openness_index_as_of o
        JOIN model_names m USING (model)
        JOIN openness_default_set d ON d.model = o.model AND d.version = '1' AND d.as_of = o.as_of
        WHERE o.as_of = DATE '2026-09-30'
        ORDER BY o.score DESC, m.name""")
    shown = [r for r in scored if r["shown"]]
    text = pdf_text(files["pdf"]).replace("\n", " ")
    assert "The Openness Index" in text and company in text
    assert f"All {len(scored)} models with an Openness Index score" in text
    assert f"Of the {len(shown)} models a buyer would consider this quarter, the most open is {shown[0]['display_name']}" in text
    gpt5 = next(r for r in scored if r["model"] == "gpt-5-2025-08-07")
    assert (gpt5["raw"], gpt5["derived_from"]) == (2, "house assessment")
    for model in focus:  # each focus model is on the first page, with its score or the reason it has none
        row = next((r for r in scored if r["model"] == model), None)
        name = row["display_name"] if row else view(demo_warehouse, snapshot, "SELECT name FROM model_names "
                                                     "WHERE model = $m", m=model)[0]["name"]
        assert f"Your focus model {name} " in text
        if row:
            assert f"Your focus model {name} scores {number(row['score'])}" in text
    contents, before, appendix = text.split("Appendix: every scored model", 2)  # the contents, then the pages
    body, appendix = re.sub(r"\s+", "", contents + before), re.sub(r"\s+", "", appendix)
    left_out = [re.sub(r"\s+", "", r["display_name"]) for r in scored if not r["shown"] and r["model"] not in focus]
    assert left_out and [name for name in left_out if name not in appendix] == []  # table cells wrap names
    assert not [name for name in left_out if name.startswith("Pythia") and name in body]
    assert any(f.startswith(font) for f in pdf_fonts(files["pdf"]))

    assert slide_titles(files["pptx"]) == ["The Openness Index", "Findings", "Your models", "Your models' openness",
                                          "Openness by component (0 to 3)",
                                          "Openness against intelligence", "This quarter against the last",
                                          "Developer transparency (FMTI)", "Methodology and sources"]
    both = view(demo_warehouse, snapshot, """
        SELECT o.score, max(i."index") AS idx FROM openness_index_as_of o
        JOIN intelligence_index i ON i.model = o.model AND i.complete AND i.version = $version AND i.as_of = o.as_of
        JOIN openness_default_set d ON d.model = o.model AND d.version = $version AND d.as_of = o.as_of
        WHERE o.as_of = DATE '2026-09-30' AND (d.shown OR o.model IN (SELECT unnest($focus)))
        GROUP BY o.model, o.score""", version="1", focus=focus)
    points = xy_points(files["pptx"], "Openness against intelligence")
    assert len(points) == len(both) > 5
    assert same_points(points, [(r["score"], r["idx"]) for r in both])


SCIENTIFIC = re.compile(r"(?<![0-9A-Za-z])\d+(\.\d+)?[eE][+-]\d+")  # 1e+3, 2.5E-05; not a hash like 5a388e87


@pytest.mark.parametrize("report", ["cost-to-run", "smile-curve", "openness-index"])
def test_no_axis_writes_a_number_in_scientific_notation(rendered, report):
    """Every axis of every chart, deck and PDF: a log axis labels each power of ten as itself
    ($0.001, not $0.00 or 1e-3), and no tick anywhere reads like 1e+3."""
    (files, _) = rendered(report, "acme-analytics")
    axes = all_axes(files["pptx"])
    assert axes
    for title, code, values, log in axes:
        assert code != "General" and not re.search(r"[eE][+-]", code), (title, code)
        ticks = log_ticks(values) if log else [min(values), max(values), (min(values) + max(values)) / 2]
        labels = [axis_label(code, tick) for tick in ticks]
        assert not any(SCIENTIFIC.search(label) for label in labels), (title, labels)
        if log:
            assert len(set(labels)) == len(labels), (title, labels)
            assert all(float(re.sub(r"[^0-9.]", "", label)) > 0 for label in labels), (title, labels)
    assert not SCIENTIFIC.search(pdf_text(files["pdf"]))


@pytest.mark.parametrize("report, subscriber", [("cost-to-run", "acme-analytics"), ("cost-to-run", "northwind-bank"),
                                                ("smile-curve", "initech-retail")])
def test_each_focus_model_is_on_the_page_of_your_models_with_its_figures_or_its_reason(
        demo_warehouse, rendered, report, subscriber):
    (files, snapshot) = rendered(report, subscriber)
    focus = subscribers.load_id(subscriber).focus_models
    cells = [" ".join(row) for row in table_rows(files["pptx"], "Your models")[1:]]
    text = pdf_text(files["pdf"]).replace("\n", " ")
    for model in focus:
        standing = view(demo_warehouse, snapshot, """
            SELECT display_name, effort, total_usd, rank, tied, alternative_usd FROM model_standing
            WHERE version = '1' AND as_of = DATE '2026-09-30' AND model = $m ORDER BY "index" DESC""", m=model)
        if standing:
            best = standing[0]
            name = best["display_name"] + ("" if best["effort"] == "default" else f" ({best['effort']})")
            row = next(c for c in cells if c.startswith(name))
            assert money(best["total_usd"]) in row and row.split()[len(name.split())] == rank(best["rank"], best["tied"])
            place = f"shares rank {best['rank']}" if best["tied"] else f"ranks {best['rank']}"
            assert report != "cost-to-run" or f"Your focus model {name} {place}" in text
        else:
            (place,) = view(demo_warehouse, snapshot, """
                SELECT display_name, reason FROM model_placement
                WHERE version = '1' AND as_of = DATE '2026-09-30' AND model = $m""", m=model)
            assert any(c.startswith(place["display_name"]) and f"not placed: {place['reason']}" in c for c in cells)
            assert report != "cost-to-run" or \
                f"Your focus model {place['display_name']} cannot be placed: {place['reason']}" in text


def test_findings_are_each_subscribers_own_and_their_numbers_are_the_views(demo_warehouse, rendered):
    """Two subscribers with different focus models get different findings; each focus model's finding
    prints its best variant's index, interval and cost, and the cheaper statistically equal model with
    its saving, as model_standing has them at the snapshot the report read."""
    findings = {}
    for subscriber in ("acme-analytics", "northwind-bank"):
        (files, snapshot) = rendered("cost-to-run", subscriber)
        findings[subscriber] = slide_paragraphs(files["pptx"], "Findings")
        for model in subscribers.load_id(subscriber).focus_models:
            standing = view(demo_warehouse, snapshot, """
                SELECT * FROM model_standing WHERE version = '1' AND as_of = DATE '2026-09-30' AND model = $m
                ORDER BY "index" DESC LIMIT 1""", m=model)
            if not standing:
                continue
            best = standing[0]
            name = best["display_name"] + ("" if best["effort"] == "default" else f" ({best['effort']})")
            (sentence,) = [f for f in findings[subscriber] if f.startswith(f"Your focus model {name} ")
                           and " on the index at " in f]
            assert f"at {number(best['index'])} (95% interval {number(best['ci_low'])} to " \
                   f"{number(best['ci_high'])})" in sentence
            assert f"one pass of the index costs {money(best['total_usd'])}" in sentence
            if best["alternative_name"]:
                assert f"({number(best['alternative_index'])}) for {money(best['alternative_usd'])}: " \
                       f"{100 * best['saving_share']:.0f}% less" in sentence
            else:
                assert "no model statistically as intelligent costs less" in sentence
    acme, northwind = (set(f for f in findings[s] if f.startswith("Your focus model")) for s in findings)
    assert acme and northwind and acme.isdisjoint(northwind)


def test_the_same_inputs_give_the_same_text(demo_warehouse, rendered, tmp_path):
    """Metadata carries the period's date, not the wall clock: rendering again changes no text."""
    from pypdf import PdfReader

    from reports.delivery import build, subscribers
    from reports.handle import ReadHandle, window
    from tests.functional.conftest import PERIOD

    (files, snapshot) = rendered("cost-to-run", "acme-analytics")
    with ReadHandle(demo_warehouse, window(demo_warehouse, PERIOD, snapshot)) as handle:
        again = build.build(handle, "cost-to-run", subscribers.load_id("acme-analytics"), ("pdf",), tmp_path)[0].path
    assert pdf_text(again) == pdf_text(files["pdf"])
    assert PdfReader(again).metadata["/CreationDate"] == PdfReader(files["pdf"]).metadata["/CreationDate"]


def test_this_quarter_against_the_last_lists_a_price_cut_and_a_retirement(demo_warehouse, tmp_path):
    """A fixture's news reaches the quarter's section and the findings: GPT-4.1's price cut on 1 August
    and o3's shutdown on 15 August 2026."""
    import shutil

    from reports.delivery import build
    from reports.handle import ReadHandle, window
    from tests.conftest import write
    from tests.functional.conftest import PERIOD
    from warehouse.connection import Location
    from warehouse.ingest import ingest, init

    shutil.copytree(demo_warehouse.local_dir, tmp_path / "warehouse")
    location = Location.resolve(str(tmp_path / "warehouse"))
    before = view(location, None, """SELECT blended_usd_per_mtok FROM blended_price
                                     WHERE model = 'gpt-4.1-2025-04-14' AND as_of = DATE '2026-06-30'""")
    assert before, "GPT-4.1 was on sale at the previous quarter's end"
    ingest(location, "prices", write(tmp_path / "cut.csv", (
        "model,provider,token_type,usd_per_mtok,valid_from,valid_to,source\n"
        "gpt-4.1-2025-04-14,openai,input,0.5,2026-08-01,,https://openai.com/api/pricing/\n"
        "gpt-4.1-2025-04-14,openai,output,2,2026-08-01,,https://openai.com/api/pricing/\n")))
    ingest(location, "lifecycle", write(tmp_path / "retired.csv", (
        "model,provider,deprecated_on,shutdown_on,replacement,source,date_basis\n"
        "o3-2025-04-16,openai,2026-05-15,2026-08-15,gpt-5,https://platform.openai.com/docs/deprecations,stated\n")))
    init(location)
    with ReadHandle(location, window(location, PERIOD)) as handle:
        (pdf,) = [r.path for r in build.build(handle, "cost-to-run", subscribers.load_id("northwind-bank"), ("pdf",),
                                              tmp_path / "out")]
    text = pdf_text(pdf).replace("\n", " ")
    quarter = text.split("This quarter against the last", 2)[2]  # after the contents and the heading
    cut = view(location, None, """SELECT before_usd_per_mtok, now_usd_per_mtok FROM blended_price_change
                                  WHERE model = 'gpt-4.1-2025-04-14' AND as_of = DATE '2026-09-30'""")[0]
    assert cut["now_usd_per_mtok"] == pytest.approx((3 * 0.5 + 2) / 4)
    assert f"GPT-4.1 {money(cut['before_usd_per_mtok'])} {money(cut['now_usd_per_mtok'])}" in quarter
    assert "o3 retired 15 May 2026 15 Aug 2026 gpt-5" in quarter
    assert "retired by their creators this quarter" in text
