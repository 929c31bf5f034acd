"""Planning a report view on a new warehouse, whose tables have never held a row (what most test
fixtures and a new house's first days are), with the empty tables' statistics the warehouse records
(warehouse/migrate.py: record_empty_tables) against the same warehouse without them, in the same run.

    python bench/planning_bench.py [--repeats 5]

Reported, as medians of --repeats runs: the CPU seconds of EXPLAIN of every report view over the
two warehouses, and the ratio. Target: with the statistics at most half the time without.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path

from harness import median, record
from warehouse.connection import Location, connect
from warehouse.migrate import init, view_files

VIEWS = ("model_standing", "cost_to_run", "intelligence_index", "openness_index", "price_of_intelligence")


def plan_cpu(location: Location, repeats: int) -> dict[str, float]:
    """Median CPU seconds to plan (EXPLAIN) each view, on one read-only connection."""
    con = connect(location, read_only=True)
    try:
        found = {}
        for view in VIEWS:
            runs = []
            for _ in range(repeats):
                began = time.process_time()
                con.execute(f"EXPLAIN SELECT * FROM {view}").fetchall()
                runs.append(time.process_time() - began)
            found[view] = median(runs)
        return found
    finally:
        con.close()


def measure(repeats: int) -> dict:
    assert set(VIEWS) <= {view for _, view, _, _ in view_files()}
    with tempfile.TemporaryDirectory(prefix="benchhouse-planning-") as tmp:
        recorded = Location.resolve(str(Path(tmp) / "recorded"))
        init(recorded)
        bare = Location.resolve(str(Path(tmp) / "bare"))
        shutil.copytree(recorded.local_dir, bare.local_dir)
        with closing(sqlite3.connect(bare.local_dir / "catalog.sqlite")) as db, db:
            db.execute("DELETE FROM ducklake_table_stats WHERE record_count = 0")  # as DuckLake leaves them
        with_stats, without = plan_cpu(recorded, repeats), plan_cpu(bare, repeats)
    total_with, total_without = sum(with_stats.values()), sum(without.values())
    return {"repeats": repeats, "views": {v: {"recorded": with_stats[v], "bare": without[v]} for v in VIEWS},
            "recorded_cpu_s": round(total_with, 3), "bare_cpu_s": round(total_without, 3),
            "ratio": round(total_with / total_without, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    figures = measure(args.repeats)
    record("planning", figures)
    for view, f in figures["views"].items():
        print(f"{view:24s} {f['recorded']:.3f} s with the statistics, {f['bare']:.3f} s without")
    print(f"all {len(VIEWS)}: {figures['recorded_cpu_s']:.2f} s against {figures['bare_cpu_s']:.2f} s "
          f"(ratio {figures['ratio']:.2f})")


if __name__ == "__main__":
    main()
