"""One private-benchmark deliverable against one quarterly deliverable, in the same run.

    python bench/private_bench.py [--repeats 5]

The warehouse is the demo's (built from the repository's data into a temporary folder, with the
demo tenant: six candidates, two client evaluations, 4,140 generated task results, a three-use-case
workload). Each measure is one deliverable built from scratch, PDF and deck: for the quarterly one,
`cost-to-run` for the demo subscriber acme-analytics (gather from the views, tailor, render); for the
private one, the demo tenant's (open a tenant connection, create the private views, gather,
render). Timed alternately, reported as medians of --repeats, with their ratio. Target: a private
deliverable at most 2x a quarterly one.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from harness import demo_location, record, summary
from reports.delivery import build, clients, private, subscribers
from reports.handle import ReadHandle, window
from reports.window import Period
from warehouse import demo
from warehouse.connection import Location

PERIOD = Period.parse("2026Q3")


def quarterly_deliverable(location: Location, out: Path) -> float:
    subscriber = subscribers.load_id("acme-analytics")
    began = time.perf_counter()
    with ReadHandle(location, window(location, PERIOD)) as handle:
        build.build(handle, "cost-to-run", subscriber, ("pdf", "pptx"), out)
    return time.perf_counter() - began


def private_deliverable(location: Location, out: Path) -> float:
    client = clients.load_id(demo.DEMO_TENANT)
    began = time.perf_counter()
    private.build(location, client, PERIOD, out, ("pdf", "pptx"))
    return time.perf_counter() - began


def measure(location: Location, root: Path, repeats: int, warm: bool = True) -> dict:
    if warm:  # fonts, extensions and caches loaded once (bench/run.py has rendered before this)
        quarterly_deliverable(location, root / "warm")
    quarterly, tenant = [], []
    for repeat in range(repeats):
        quarterly.append(quarterly_deliverable(location, root / f"quarterly-{repeat}"))
        tenant.append(private_deliverable(location, root / f"private-{repeat}"))
        print(f"repeat {repeat + 1}: quarterly {quarterly[-1]:.2f} s, private {tenant[-1]:.2f} s", flush=True)
    figures = {"repeats": repeats, "quarterly": summary(quarterly), "private": summary(tenant)}
    figures["ratio"] = round(figures["private"]["s"] / figures["quarterly"]["s"], 2)
    return figures


def print_table(f: dict) -> None:
    print(f"\none deliverable (PDF and deck), medians of {f['repeats']}")
    print("| deliverable | seconds |")
    print("| --- | ---: |")
    print(f"| quarterly: cost-to-run for one subscriber | {f['quarterly']['s']:.2f} |")
    print(f"| private benchmark for the demo tenant | {f['private']['s']:.2f} |")
    print(f"\nprivate / quarterly: {f['ratio']:.2f} (target at most 2.0)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="benchhouse-private-") as tmp:
        root = Path(tmp)
        figures = measure(demo_location(root), root, args.repeats)
    print_table(figures)
    record("private", figures)


if __name__ == "__main__":
    main()
