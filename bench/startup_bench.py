"""`benchhouse sql "SELECT 1"` as a whole process against `python -c "import duckdb;
duckdb.sql('SELECT 1')"`, in the same run, with the imports the command pays for.

    python bench/startup_bench.py [--repeats 7]

Each command runs --repeats times, alternately, against the demo warehouse; reported as medians of
wall seconds and of CPU seconds (user + system of the child, from getrusage). The share of the
command's time spent importing, and the largest imports, come from one run under `python -X
importtime`.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import children_cpu, demo_location, record, summary

PYTHON = sys.executable
BENCHHOUSE = [str(Path(PYTHON).parent / "benchhouse")]  # the installed command, as a person runs it
DUCKDB_ALONE = [PYTHON, "-c", "import duckdb; duckdb.sql('SELECT 1')"]


def run(command: list[str], env: dict) -> tuple[float, float]:
    cpu, wall = children_cpu(), time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - wall, children_cpu() - cpu


def imports(command: list[str], env: dict, top: int = 8) -> dict:
    """Cumulative import time of the command's top-level packages, from `-X importtime`."""
    done = subprocess.run([PYTHON, "-X", "importtime", *command], env=env, check=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    packages: dict[str, float] = {}
    total = 0.0
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if match and len(match[2]) == 1:  # a module imported at the top level, with its own imports
            micros, name = int(match[1]), match[3]
            packages[name.split(".")[0]] = packages.get(name.split(".")[0], 0) + micros / 1e6
            total += micros / 1e6
    largest = sorted(packages.items(), key=lambda kv: -kv[1])[:top]
    return {"total_s": round(total, 3), "largest": {name: round(s, 3) for name, s in largest}}


def measure(location, repeats: int) -> dict:
    env = {**os.environ, "BENCHHOUSE_WAREHOUSE": str(location.local_dir)}
    ours, alone = ([], []), ([], [])
    sql = [*BENCHHOUSE, "sql", "SELECT 1"]
    run(sql, env), run(DUCKDB_ALONE, env)  # page cache and extension files warm
    for _ in range(repeats):
        for runs, command in ((ours, sql), (alone, DUCKDB_ALONE)):
            wall, cpu = run(command, env)
            runs[0].append(wall), runs[1].append(cpu)
    figures = {"repeats": repeats, "benchhouse_sql": summary(*ours), "duckdb_alone": summary(*alone),
               "imports": imports(sql, env)}
    figures["ratio"] = round(figures["benchhouse_sql"]["s"] / figures["duckdb_alone"]["s"], 2)
    figures["cpu_ratio"] = round(figures["benchhouse_sql"]["cpu_s"] / figures["duckdb_alone"]["cpu_s"], 2)
    return figures


def print_table(f: dict) -> None:
    print(f"\nSELECT 1 as a process, medians of {f['repeats']}")
    print("| command | wall s | CPU s |")
    print("| --- | ---: | ---: |")
    print(f"| benchhouse sql \"SELECT 1\" | {f['benchhouse_sql']['s']:.2f} | {f['benchhouse_sql']['cpu_s']:.2f} |")
    print(f"| python -c \"import duckdb; duckdb.sql('SELECT 1')\" | {f['duckdb_alone']['s']:.2f} | "
          f"{f['duckdb_alone']['cpu_s']:.2f} |")
    print(f"\nratio {f['ratio']:.2f} (CPU {f['cpu_ratio']:.2f}); imports {f['imports']['total_s']:.2f} s: "
          + ", ".join(f"{k} {v:.2f}" for k, v in f["imports"]["largest"].items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="benchhouse-startup-") as tmp:
        figures = measure(demo_location(Path(tmp)), args.repeats)
    print_table(figures)
    record("startup", figures)


if __name__ == "__main__":
    main()
