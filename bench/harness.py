"""What every benchmark shares: wall and CPU time of a call, medians, the demo warehouse built once,
and bench/results.json, which each benchmark updates under its own key and bench/readme.py reads.

The machine is shared, so every figure is a median of several runs and is set beside a baseline
measured in the same run; CPU seconds are kept beside wall seconds because they move less when
other work competes for the cores.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.json"
ENV_DEMO = "BENCHHOUSE_BENCH_DEMO"  # a demo warehouse folder already built, shared by the benchmarks


class Timed:
    """Wall and CPU seconds (this process, every thread) of one `with` block."""

    wall: float
    cpu: float


@contextmanager
def timed():
    result = Timed()
    wall, cpu = time.perf_counter(), time.process_time()
    yield result
    result.wall, result.cpu = time.perf_counter() - wall, time.process_time() - cpu


def children_cpu() -> float:
    """User and system seconds of every child process waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median(values: list[float], digits: int = 3) -> float:
    return round(statistics.median(values), digits)


def summary(walls: list[float], cpus: list[float] | None = None, digits: int = 3) -> dict:
    """Median wall (and CPU) seconds of several runs, with the runs themselves."""
    out = {"s": median(walls, digits), "runs": [round(w, digits) for w in walls]}
    if cpus is not None:
        out["cpu_s"] = median(cpus, digits)
    return out


def demo_location(root: Path):
    """The demo warehouse: the one named by BENCHHOUSE_BENCH_DEMO when set (bench/run.py builds it
    once for every benchmark), else built here under `root`."""
    from warehouse import demo
    from warehouse.connection import Location

    if os.environ.get(ENV_DEMO):
        return Location.resolve(os.environ[ENV_DEMO])
    location = Location.resolve(str(root / "warehouse"))
    demo.build(location, root / "generated_runs.parquet")
    return location


def machine() -> dict:
    return {"cpus": os.cpu_count(), "load_average": [round(x, 1) for x in os.getloadavg()],
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def record(key: str, figures: dict, path: Path = RESULTS) -> None:
    """Store one benchmark's figures under `key` in results.json, keeping the others'."""
    results = json.loads(path.read_text()) if path.exists() else {}
    results[key] = {**figures, "machine": machine()}
    path.write_text(json.dumps(results, indent=2, sort_keys=False) + "\n")
