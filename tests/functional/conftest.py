"""A demo warehouse built once per session from the repository's data (warehouse/demo.py), and
reports rendered from it into temporary folders. The build (about 45 s) starts in a process of its
own as the session starts (tests/conftest.py: demo_warehouse_early), beside the unit tests."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reports.delivery import build as building, subscribers
from reports.handle import ReadHandle, window
from reports.window import Period
from warehouse import demo
from tests.conftest import build_in, built_once, close_unchanging, unchanging, unchanging_handle
from tests.unit.metrics.conftest import metrics_template  # noqa: F401  (the small warehouse)
from warehouse.connection import Location

PERIOD = Period.parse("2026Q3")
SMALL_FOCUS = ("alpha-1", "beta-1")  # two of the small warehouse's models (tests/fixtures/metrics/models.csv)


def build_demo(folder: Path) -> None:
    demo.build(Location.resolve(str(folder / "warehouse")), folder / "generated_runs.parquet")


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory) -> Location:
    """The demo warehouse, which no test changes (one that writes works on a copy): read through one
    handle a process at its latest snapshot (tests/conftest.py: unchanging)."""
    folder = built_once(tmp_path_factory, "demo", build_demo)
    location = Location.resolve(str(folder / "warehouse"))
    unchanging(location, lambda: ReadHandle(location, window(location, PERIOD)))
    yield location
    close_unchanging(location)


@pytest.fixture(scope="session")
def small_warehouse(metrics_template) -> Location:  # noqa: F811
    """The small warehouse whose figures can be worked out on paper (tests/fixtures/metrics), built
    once a run and only read (a test that writes works on a copy). The tests of what the delivery
    does (plans, resuming, limits, killed processes, where a tenant's data goes) render from it: a
    report gathered from it costs about 0.5 s of CPU against 4 to 6 s from the demo warehouse."""
    return Location.resolve(str(metrics_template))


def on_small_warehouse(text: str) -> str:
    """A subscriber file's text with its focus models those of the small warehouse."""
    focus = "focus_models:\n" + "".join(f"  - {model}\n" for model in SMALL_FOCUS)
    changed, count = re.subn(r"focus_models:\n(?:  - .*\n)+", focus, text)
    assert count == 1, "the subscriber file lists no focus models"
    return changed


def write_html(report: str, gathered: dict, subscriber, out: Path) -> Path:
    """out/report.html: the HTML the report's PDF for `subscriber` is laid out from, as
    reports.delivery.build.render tailors and draws it (charts included), without WeasyPrint's layout."""
    from reports import catalogue
    from reports.rendering import pdf

    spec = catalogue.get(report)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "report.html"
    path.write_text(pdf.html(spec.template, spec.figures, spec.tailor(gathered, subscriber), subscriber.brand),
                    encoding="utf-8")
    return path


# The subscriber whose every report the tests render to PDF and read back; for the others, the deck and
# the HTML WeasyPrint would lay out (a third of a PDF's cost: the charts and the template, not the
# layout), which the tests read as the report's text (readback.report_text).
PDF_SUBSCRIBER = "acme-analytics"


@dataclass
class DemoReads:
    """One read handle on the demo warehouse at the quarter's window, and what each report gathers
    for an index pin (None: the latest version), shared by every test of a worker: the thirteen
    shared views take 3 s of CPU to compute, and a report 0.5 to 1.5 s to gather."""
    handle: ReadHandle
    _gathered: dict = field(default_factory=dict)

    def gathered(self, report: str, pin: str | None) -> dict:
        if (report, pin) not in self._gathered:
            self._gathered[report, pin] = building.gather(self.handle, report, pin)
        return self._gathered[report, pin]

    def fitted(self, report: str, subscriber, pin: str | None = None) -> dict:
        """What `subscriber`'s copy reads: the shared data for its pin (or `pin`), fitted to it."""
        shared = self.gathered(report, subscriber.index_version if pin is None else pin)
        return building.fit(self.handle, report, shared, subscriber)


@pytest.fixture(scope="session")
def demo_reads(demo_warehouse):
    return DemoReads(unchanging_handle(demo_warehouse))  # closed with demo_warehouse


@pytest.fixture(scope="session")
def demo_tenant_reads(demo_warehouse):
    """The demo tenant's read handle at the quarter's window, as its private report reads: the private
    views beside the warehouse, the public views they read computed once (a query of private_candidates
    through a bare tenant connection plans and computes them all again, 1.5 s each)."""
    from reports.tenant_handle import TenantHandle
    from warehouse import tenants
    from warehouse.demo import DEMO_TENANT

    handle = TenantHandle(tenants.Tenant.of(demo_warehouse, DEMO_TENANT), window(demo_warehouse, PERIOD))
    yield handle
    handle.close()


@pytest.fixture(scope="session")
def rendered(demo_reads, tmp_path_factory):
    """Render (report, subscriber) once per test run (shared by the workers); return the files and the
    snapshot read. As the quarterly run does, one read handle serves every render of a worker, and
    what a report gathers for one pin serves each subscriber with it (demo_reads).
    PDF_SUBSCRIBER's reports are rendered as PDF and deck; another subscriber's as deck and HTML."""
    def render(report: str, subscriber_id: str, out: Path) -> None:
        subscriber = subscribers.load_id(subscriber_id)
        gathered = demo_reads.fitted(report, subscriber)
        formats = (("pdf", "pptx") if subscriber_id == PDF_SUBSCRIBER else ("pptx",)) + building.DATA_PACK
        results = building.render(report, gathered, subscriber, formats, out)
        files = {r.format: str(r.path.relative_to(out)) for r in results}
        if "pdf" not in formats:
            files["html"] = str(write_html(report, gathered, subscriber, out).relative_to(out))
        (out / "rendered.json").write_text(json.dumps({"files": files, "snapshot": demo_reads.handle.snapshot}))

    def build(report: str, subscriber_id: str) -> tuple[dict[str, Path], int]:
        out = built_once(tmp_path_factory, f"render-{report}-{subscriber_id}",
                         lambda folder: render(report, subscriber_id, folder))
        done = json.loads((out / "rendered.json").read_text())
        return {fmt: out / name for fmt, name in done["files"].items()}, done["snapshot"]
    return build


if __name__ == "__main__":  # the early build: python -m tests.functional.conftest RUN_FOLDER
    build_in(Path(sys.argv[1]), "demo", build_demo)
