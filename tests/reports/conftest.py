"""A demo warehouse built once per session from the repository's data (warehouse/demo.py), and
reports rendered from it into temporary folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports import render, subscribers
from reports.data import ReportData
from reports.period import Period
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
            data = ReportData(demo_warehouse)
            subscriber = subscribers.load(subscribers.FOLDER / f"{subscriber_id}.yaml")
            out = tmp_path_factory.mktemp(f"{report}-{subscriber_id}")
            files = {r.format: r.path for r in render.build(data, report, subscriber, PERIOD, ("pdf", "pptx"), out)}
            cache[report, subscriber_id] = (files, data.snapshot)
            data.close()
        return cache[report, subscriber_id]
    return build
