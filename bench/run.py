"""Every benchmark in one process (what `make bench` runs): the demo warehouse is built once and
shared, each benchmark's figures go to bench/results.json, then the README's performance table is
written from that file (bench/readme.py).

    python bench/run.py [--before CHECKOUT] [--quick] [--only NAME ...]

--before names a checkout of an older commit with its own .venv (e.g. `git worktree add
/tmp/bench-before 7ce9ca2 && make -C /tmp/bench-before deps`): the render benchmark is run there
too, with that checkout's code and its own demo warehouse, so each deliverable's cost can be set
beside the older code's. --quick runs every benchmark small, to check that it works.
The sizes below keep the whole run under 15 minutes on the project's shared 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import harness
import ingest_bench
import planning_bench
import private_bench
import quarterly_bench
import readme
import render_bench
import startup_bench
import views_bench

HERE = Path(__file__).resolve().parent
# name: (full size, quick size) of each benchmark's knobs
SIZES = {
    "ingest": ({"rows": 10_000_000, "repeats": 3}, {"rows": 200_000, "repeats": 1}),
    "views": ({"rows": 10_000_000, "repeats": 3}, {"rows": 500_000, "repeats": 1}),
    "render": ({"repeats": 3}, {"repeats": 1}),
    # Every quarterly run gathers each report from the views (about a minute on this machine), so
    # few subscribers and one run of each kind; the render benchmark gives the per-deliverable figures.
    "quarterly": ({"count": 2, "repeats": 1}, {"count": 1, "repeats": 1}),
    "private": ({"repeats": 2, "warm": False}, {"repeats": 1, "warm": False}),
    "startup": ({"repeats": 7}, {"repeats": 2}),
    "planning": ({"repeats": 5}, {"repeats": 1}),
}


def render_before(checkout: Path, repeats: int) -> dict:
    """The render benchmark run by the older checkout's interpreter on its own code."""
    python = checkout / ".venv" / "bin" / "python"
    with tempfile.TemporaryDirectory(prefix="benchhouse-before-") as tmp:
        out = Path(tmp) / "render.json"
        env = {k: v for k, v in os.environ.items() if k not in (harness.ENV_DEMO, "BENCHHOUSE_WAREHOUSE")}
        done = subprocess.run([str(python), str(HERE / "render_bench.py"), "--repeats", str(repeats), "--json",
                               str(out)], cwd=checkout, env=env)
        if done.returncode:  # the older code may lack what the benchmark calls: say so, keep the rest
            return {"error": f"bench/render_bench.py failed in {checkout} (exit {done.returncode})"}
        figures = json.loads(out.read_text())
    commit = subprocess.run(["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, check=True).stdout.strip()
    return {"commit": commit, **figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, help="an older checkout with its own .venv, for the render costs")
    parser.add_argument("--quick", action="store_true", help="every benchmark small: a check that it works")
    parser.add_argument("--only", nargs="*", choices=sorted(SIZES), help="run these benchmarks alone")
    parser.add_argument("--results", type=Path, default=harness.RESULTS)
    args = parser.parse_args()
    sizes = {name: pair[1 if args.quick else 0] for name, pair in SIZES.items()}
    wanted = set(args.only or SIZES)
    began = time.perf_counter()

    def done(name: str, figures: dict) -> None:
        harness.record(name, {**figures, "quick": args.quick}, args.results)
        print(f"== {name} done at {time.perf_counter() - began:.0f} s", flush=True)

    if "ingest" in wanted:
        done("ingest", ingest_bench.measure(**sizes["ingest"]))
    if "views" in wanted:
        done("views", views_bench.measure(**sizes["views"]))
    if "planning" in wanted:
        done("planning", planning_bench.measure(**sizes["planning"]))
    with tempfile.TemporaryDirectory(prefix="benchhouse-bench-") as tmp:
        root = Path(tmp)
        if wanted & {"render", "quarterly", "private", "startup"}:
            with harness.timed() as built:
                location = harness.demo_location(root)
            os.environ[harness.ENV_DEMO] = str(location.local_dir)
            print(f"== demo warehouse built in {built.wall:.0f} s", flush=True)
        if "render" in wanted:
            figures = render_bench.measure(location, "acme-analytics", sizes["render"]["repeats"], root / "render")
            if args.before:
                with harness.timed() as before:
                    figures["before"] = render_before(args.before, sizes["render"]["repeats"])
                figures["before"]["bench_s"] = round(before.wall)
            done("render", figures)
        if "quarterly" in wanted:
            (root / "quarterly").mkdir()
            done("quarterly", quarterly_bench.measure(location, root / "quarterly", **sizes["quarterly"]))
        if "private" in wanted:
            done("private", private_bench.measure(location, root / "private", **sizes["private"]))
        if "startup" in wanted:
            done("startup", startup_bench.measure(location, **sizes["startup"]))
    results = json.loads(args.results.read_text())
    results["make_bench_s"] = round(time.perf_counter() - began)
    # the older checkout's run is optional (BENCH_BEFORE): the time without it is what make bench costs
    results["without_before_s"] = results["make_bench_s"] - results.get("render", {}).get("before", {}).get("bench_s", 0)
    args.results.write_text(json.dumps(results, indent=2) + "\n")
    if not args.quick:
        readme.update(results)
    print(readme.table(results))
    print(f"\nmake bench: {results['make_bench_s']} s", file=sys.stderr)


if __name__ == "__main__":
    main()
