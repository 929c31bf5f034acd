"""A demo warehouse built once per session from the repository's data (warehouse/demo.py), and
reports rendered from it into temporary folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports.delivery import build as building, subscribers
from reports.handle import ReadHandle, window
from reports.window import Period
from warehouse import demo
from warehouse.connection import Location

PERIOD = Period.parse("2026Q3")


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory) -> Location:
    folder = tmp_path_factory.mktemp("demo")
    location = Location.resolve(str(folder / "warehouse"))
    demo.build(location, folder / "generated_runs.parquet")
    return location


@pytest.fixture(scope="session")
def rendered(demo_warehouse, tmp_path_factory):
    """Render (report, subscriber) once per session; return the files and the snapshot read."""
    cache: dict[tuple[str, str], tuple[dict[str, Path], int]] = {}

    def build(report: str, subscriber_id: str):
        if (report, subscriber_id) not in cache:
            subscriber = subscribers.load_id(subscriber_id)
            out = tmp_path_factory.mktemp(f"{report}-{subscriber_id}")
            with ReadHandle(demo_warehouse, window(demo_warehouse, PERIOD)) as handle:
                files = {r.format: r.path for r in building.build(handle, report, subscriber, ("pdf", "pptx"), out)}
                cache[report, subscriber_id] = (files, handle.snapshot)
        return cache[report, subscriber_id]
    return build
