"""The quarterly run: a dry run, a second run that renders nothing, a branding change that renders one
subscriber again, a quarter rendered again after new data with the same numbers, a run killed with
SIGKILL and resumed, and the Dask executor giving what the local pool gives."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from reports.delivery import build, quarterly, subscribers
from reports.window import Period
from tests.conftest import copy_of, in_process, latest_snapshot, same, write
from tests.functional.conftest import on_small_warehouse
from tests.functional.reports.readback import charts
from warehouse.connection import Location
from warehouse.ingest import ingest

pytestmark = pytest.mark.long  # handed to a worker early (tests/conftest.py)

PERIOD = Period.parse("2026Q3")
TWO = ("northwind-bank", "initech-retail")  # a PDF-only and a deck-only subscriber: quick to render


@pytest.fixture
def warehouse(small_warehouse, tmp_path) -> Location:
    """A copy of the small warehouse (conftest.py): these tests write to it."""
    return copy_of(small_warehouse, tmp_path / "warehouse")


def subscriber_files(target: Path, only: tuple[str, ...] | None = None, small: bool = True) -> Path:
    """A copy of the shipped subscriber files (`only` these), free to edit; with `small`, their focus
    models the small warehouse's."""
    shutil.copytree(subscribers.folder() / "logos", target / "logos")
    for path in subscribers.folder().glob("*.yaml"):
        if only is None or path.stem in only:
            text = path.read_text()
            (target / path.name).write_text(on_small_warehouse(text) if small else text)
    return target


@pytest.fixture(scope="module")
def first_run(small_warehouse, tmp_path_factory):
    """The quarter run once for TWO, shared by the tests that start from a rendered quarter: they
    copy its output before they change anything."""
    root = tmp_path_factory.mktemp("first-run")
    folder = subscriber_files(root / "subscribers")
    # Northwind's cost-to-run alone (the report new prices move), beside initech's smile-curve deck.
    entitled = (folder / "northwind-bank.yaml").read_text()
    assert "reports: [cost-to-run, smile-curve]\n" in entitled
    (folder / "northwind-bank.yaml").write_text(entitled.replace("reports: [cost-to-run, smile-curve]\n",
                                                                 "reports: [cost-to-run]\n"))
    plan, outcome = run(small_warehouse, root / "out", folder)
    assert len(outcome.rendered) == len(plan.pending) == 2 * (1 + len(build.DATA_PACK)) and not outcome.failed
    return root / "out", folder, plan


def rendered_copy(first_run, tmp_path) -> tuple[Path, Path, quarterly.Plan]:
    out, folder, plan = first_run
    shutil.copytree(out, tmp_path / "out")
    shutil.copytree(folder, tmp_path / "subscribers")
    return tmp_path / "out", tmp_path / "subscribers", plan


def run(location, out, folder, only=TWO, workers=2, **options):
    plan = quarterly.plan(location, PERIOD, out, list(only), folder=folder, **options)
    outcome = quarterly.run(location, plan, workers=workers)
    return plan, outcome


def cli(location, folder, *args, **popen):
    """`benchhouse` in a process of its own; its temporary files (and its workers') go beside the
    subscriber files, so that a process killed leaves none in the machine's temporary folder."""
    env = {**os.environ, "BENCHHOUSE_WAREHOUSE": str(location.local_dir), "BENCHHOUSE_SUBSCRIBERS": str(folder),
           "TMPDIR": str(folder.parent)}
    return subprocess.Popen([sys.executable, "-m", "cli", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **popen)


def test_a_dry_run_prints_the_plan_and_writes_nothing(demo_warehouse, tmp_path):
    # The shipped subscriber files as they are, on the demo warehouse whose models they name.
    warehouse = copy_of(demo_warehouse, tmp_path / "warehouse")
    folder = subscriber_files(tmp_path / "subscribers", small=False)
    snapshot = latest_snapshot(warehouse)
    done = in_process(warehouse, "quarterly", "2026Q3", "--dry-run", "--out", str(tmp_path / "out"),
                      env={"BENCHHOUSE_SUBSCRIBERS": str(folder)})
    stdout, stderr = done.stdout, done.stderr
    # 17 PDFs and decks, and the data pack of each of the 10 reports (a workbook, CSV files)
    assert "37 deliverables to render, 0 up to date" in stderr
    assert "northwind-bank" in stdout and "not rendered yet" in stdout and "umbrella-energy" not in stdout
    assert not (tmp_path / "out").exists()
    assert latest_snapshot(warehouse) == snapshot


def test_a_second_run_renders_nothing(small_warehouse, first_run, tmp_path):
    out, folder, _ = rendered_copy(first_run, tmp_path)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.p*")}
    assert len(stamps) == 2
    again, outcome = run(small_warehouse, out, folder)
    assert (len(again.pending), len(again.current), outcome.rendered) == (0, 2 * (1 + len(build.DATA_PACK)), [])
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.p*")} == stamps


def test_a_branding_change_renders_that_subscriber_again_and_no_other(small_warehouse, first_run, tmp_path):
    out, folder, _ = rendered_copy(first_run, tmp_path)
    path = folder / "initech-retail.yaml"
    path.write_text(path.read_text().replace('primary: "#B22234"', 'primary: "#7A1020"'))
    plan = quarterly.plan(small_warehouse, PERIOD, out, list(TWO), folder=folder)
    assert {(d.subscriber, d.report, d.format) for d in plan.pending} == {
        ("initech-retail", "smile-curve", fmt) for fmt in ("pptx", *build.DATA_PACK)}  # the pack names the company
    assert "its inputs changed" in next(iter(plan.reasons.values()))


def test_a_quarter_rendered_again_after_new_data_gives_the_same_numbers(warehouse, first_run, tmp_path):
    out, folder, first = rendered_copy(first_run, tmp_path)
    files = [d.path for d in first.pending if (d.subscriber, d.report) == ("northwind-bank", "cost-to-run")]
    before = {path: path.read_bytes() for path in files}
    # New data: every first-party price of a focus model halved from 2026-09-01.
    ingest(warehouse, "prices", write(tmp_path / "cut.csv", (
        "model,provider,token_type,usd_per_mtok,valid_from,valid_to,source\n"
        "alpha-1,lab-a,input,2.5,2026-09-01,,https://lab-a.example/pricing\n"
        "alpha-1,lab-a,output,10,2026-09-01,,https://lab-a.example/pricing\n")))
    again, outcome = run(warehouse, out, folder, only=("northwind-bank",), force=True)
    assert again.snapshot == first.snapshot < latest_snapshot(warehouse)
    assert sorted(d["format"] for d in outcome.rendered) == sorted(("pdf", *build.DATA_PACK))
    assert {d["report"] for d in outcome.rendered} == {"cost-to-run"}
    # The same document and data pack, byte for byte: the pinned snapshot's numbers, and the period's
    # date as their date.
    assert len(before) == 1 + len(build.DATA_PACK)
    for path, data in before.items():
        assert (out / path.relative_to(first.out.parent)).read_bytes() == data, path.name


def test_a_run_killed_mid_way_resumes_to_completion_with_no_corrupt_file(warehouse, tmp_path):
    # Northwind's smile curve as a deck (a tenth of a second), then as a PDF (seconds), rendered one at a
    # time in that order: the kill lands after the deck, while the PDF renders.
    out, folder = tmp_path / "out", subscriber_files(tmp_path / "subscribers", ("northwind-bank",))
    entitled = (folder / "northwind-bank.yaml").read_text()
    assert "reports: [cost-to-run, smile-curve]\nformats: [pdf]\n" in entitled
    (folder / "northwind-bank.yaml").write_text(entitled.replace("reports: [cost-to-run, smile-curve]\nformats: [pdf]\n",
                                                                 "reports: [smile-curve]\nformats: [pptx, pdf]\n"))
    process = cli(warehouse, folder, "quarterly", "2026Q3", "--workers", "1", "--out", str(out),
                  start_new_session=True)
    deadline = time.monotonic() + 300
    while not [p for p in out.rglob("2026Q3-*") if p.suffix in (".pdf", ".pptx")]:
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the run and its workers
    process.wait()
    written = [p for p in out.rglob("2026Q3-*") if p.suffix in (".pdf", ".pptx")]
    assert len(written) == 1
    for path in written:  # whatever exists under its real name is whole
        (PdfReader(path).pages if path.suffix == ".pdf" else Presentation(path).slides)

    # Resumed in this process (what is killed is the first run; the second needs no process of its own).
    resumed, outcome = run(warehouse, out, folder, only=("northwind-bank",), workers=1)
    assert not outcome.failed
    # A file renamed into place just before the kill, whose manifest entry was not yet written, is
    # rendered again: only what the manifest vouches for counts as up to date.
    rendered, current = len(outcome.rendered), len(resumed.current)
    assert rendered + current == 2 + len(build.DATA_PACK) and rendered >= 2 - len(written)
    final = [p for p in out.rglob("2026Q3-*") if p.suffix in (".pdf", ".pptx")]
    assert len(final) == 2 and not list(out.rglob(".*.tmp"))
    for path in final:
        assert len(PdfReader(path).pages if path.suffix == ".pdf" else Presentation(path).slides) > 3


def test_the_dask_executor_gives_what_the_local_pool_gives(small_warehouse, first_run, tmp_path):
    local = next(d.path for d in first_run[2].pending if d.subscriber == "initech-retail" and d.format == "pptx")
    dask = quarterly.plan(small_warehouse, PERIOD, tmp_path / "dask", ["initech-retail"], folder=first_run[1])
    outcome = quarterly.run(small_warehouse, dask, workers=2, executor="dask-local")
    assert not outcome.failed
    (path,) = [d.path for d in dask.pending if d.format == "pptx"]
    assert same(charts(path), charts(local))
    assert [s.shapes.title.text for s in Presentation(path).slides] == [s.shapes.title.text for s in Presentation(local).slides]
