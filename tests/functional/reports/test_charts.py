"""Charts that hide nothing: in every scatter chart of every report, read back from the SVG the PDF
embeds, no label covers another label or any point, and the focus points are drawn last."""

from __future__ import annotations

import pytest

from reports import catalogue
from reports.delivery import subscribers
from reports.rendering import charts
from tests.functional.reports.readback import svg_labels, svg_points

SCATTERS = [("cost-to-run", "frontier"), ("openness-index", "versus")]
# The index each scatter is read on: the latest published (None), except openness against
# intelligence, read on v1, whose scored models overlap the openness assessments most (v3's LiveBench
# models are mostly too new to be assessed), so that the labels have points enough to clash with.
PINNED = {"cost-to-run": None, "openness-index": "1"}


@pytest.fixture(scope="module")
def gathered(demo_reads):
    return {report: demo_reads.gathered(report, PINNED[report]) for report, _ in SCATTERS}


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def covers(box, x, y, r) -> bool:
    nx, ny = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return (nx - x) ** 2 + (ny - y) ** 2 < r * r


@pytest.mark.parametrize("report, figure", SCATTERS)
@pytest.mark.parametrize("subscriber_id", ["acme-analytics", "globex-health"])
def test_no_label_covers_another_label_or_a_point(gathered, report, figure, subscriber_id):
    subscriber = subscribers.load_id(subscriber_id)
    spec = catalogue.get(report)
    context = spec.tailor(gathered[report], subscriber)
    svg = charts.svg(spec.figures(context, subscriber.brand)[figure], subscriber.brand)
    labels, points = svg_labels(svg), svg_points(svg)
    assert len(labels) >= 5 and len(points) >= 8  # a crowd to place labels in (openness: 9 models a buyer would consider with an index)
    clashes = [(a[0], b[0]) for i, a in enumerate(labels) for b in labels[i + 1:] if overlap(a[1], b[1])]
    assert not clashes
    covered = [(text, (x, y)) for text, box in labels for x, y, r, _ in points if covers(box, x, y, r)]
    assert not covered
    focus = [p for p in points if p[3] == subscriber.brand.accent]
    assert focus, "the subscriber's focus models are marked"
    assert points[-len(focus):] == focus  # drawn last: on top of everything
    shown = {text for text, _ in labels}
    assert {p["label"] for p in (context.points if report == "cost-to-run" else context.versus)
            if p["focus"] and (p.get("total_usd") or p.get("score")) is not None} <= shown
