"""The quarterly run for 30 subscribers x 3 reports x 2 formats (180 deliverables) with 1 worker and
with 2, and a second run with nothing changed, all in the same run of this script.

    python bench/quarterly_bench.py [--subscribers 30] [--repeats 3]

The warehouse is the demo's (built from the repository's data into a temporary folder); the 30
subscribers are the five demo subscribers' brands and fonts repeated with other colours, every one
entitled to every report in both formats. Reported as medians of --repeats: seconds with 1 and 2
workers, the speed-up, the unchanged re-run as a share of the full run, and the largest peak memory
of any worker process. Targets: 2 workers at least 1.7x faster than 1; the re-run under 5% of the
full run; peak memory per worker under 600 MB.
"""

from __future__ import annotations

import argparse
import colorsys
import shutil
import tempfile
import time
from pathlib import Path

import yaml

from harness import demo_location, record, summary
from reports.delivery import quarterly, subscribers
from reports.window import Period
from warehouse.connection import Location

PERIOD = Period.parse("2026Q3")


def make_subscribers(folder: Path, count: int) -> None:
    shutil.copytree(subscribers.folder() / "logos", folder / "logos")
    templates = [yaml.safe_load(p.read_text()) for p in sorted(subscribers.folder().glob("*.yaml"))]
    for i in range(count):
        base = dict(templates[i % len(templates)])
        hue = (i * 0.137) % 1
        primary = "#" + "".join(f"{round(c * 255):02X}" for c in colorsys.hsv_to_rgb(hue, 0.65, 0.45))
        accent = "#" + "".join(f"{round(c * 255):02X}" for c in colorsys.hsv_to_rgb((hue + 0.45) % 1, 0.7, 0.85))
        base.update(id=f"subscriber-{i:02d}", company=f"Subscriber {i:02d}", active=True, delivery=f"subscriber-{i:02d}",
                    reports=["cost-to-run", "smile-curve", "openness-index"], formats=["pdf", "pptx"],
                    branding={**base["branding"], "primary": primary, "accent": accent})
        base.pop("index_version", None)
        (folder / f"subscriber-{i:02d}.yaml").write_text(yaml.safe_dump(base, sort_keys=False))


def timed_run(location: Location, out: Path, folder: Path, workers: int) -> tuple[float, quarterly.Outcome, int]:
    began = time.perf_counter()
    plan = quarterly.plan(location, PERIOD, out, folder=folder)
    outcome = quarterly.run(location, plan, workers=workers)
    elapsed = time.perf_counter() - began
    assert not outcome.failed and not quarterly.missing(plan), outcome.failed
    return elapsed, outcome, len(plan.pending) + len(plan.current)


def measure(location: Location, root: Path, count: int, repeats: int) -> dict:
    folder = root / "subscribers"
    folder.mkdir()
    make_subscribers(folder, count)
    one, two, again, peak = [], [], [], 0.0
    for repeat in range(repeats):
        t1, o1, total = timed_run(location, root / f"one-{repeat}", folder, workers=1)
        t2, o2, _ = timed_run(location, root / f"two-{repeat}", folder, workers=2)
        t3, o3, _ = timed_run(location, root / f"two-{repeat}", folder, workers=2)
        assert len(o1.rendered) == len(o2.rendered) == total and not o3.rendered
        one.append(t1), two.append(t2), again.append(t3)
        peak = max(peak, o1.peak_rss_mb, o2.peak_rss_mb)
        print(f"repeat {repeat + 1}: 1 worker {t1:.1f} s, 2 workers {t2:.1f} s, unchanged re-run {t3:.2f} s",
              flush=True)
    figures = {"subscribers": count, "deliverables": total, "repeats": repeats,
               "one_worker": summary(one, digits=1), "two_workers": summary(two, digits=1),
               "unchanged_rerun": summary(again, digits=2), "peak_worker_rss_mb": round(peak)}
    figures["per_minute_one"] = round(60 * total / figures["one_worker"]["s"], 1)
    figures["per_minute_two"] = round(60 * total / figures["two_workers"]["s"], 1)
    figures["speedup"] = round(figures["one_worker"]["s"] / figures["two_workers"]["s"], 2)
    figures["rerun_share"] = round(figures["unchanged_rerun"]["s"] / figures["two_workers"]["s"], 3)
    return figures


def print_table(f: dict) -> None:
    print(f"\n{f['deliverables']} deliverables ({f['subscribers']} subscribers x 3 reports x 2 formats); "
          f"medians of {f['repeats']}")
    print("| run | seconds | deliverables per minute |")
    print("| --- | ---: | ---: |")
    print(f"| 1 worker | {f['one_worker']['s']:.1f} | {f['per_minute_one']:.1f} |")
    print(f"| 2 workers | {f['two_workers']['s']:.1f} | {f['per_minute_two']:.1f} |")
    print(f"| unchanged re-run (2 workers) | {f['unchanged_rerun']['s']:.2f} | |")
    print(f"\nspeed-up with 2 workers: {f['speedup']:.2f}x (target at least 1.7x); unchanged re-run: "
          f"{100 * f['rerun_share']:.1f}% of the full run (target under 5%); peak memory of a worker: "
          f"{f['peak_worker_rss_mb']} MB (target under 600 MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=30)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="benchhouse-quarterly-") as tmp:
        root = Path(tmp)
        figures = measure(demo_location(root), root, args.subscribers, args.repeats)
    print_table(figures)
    record("quarterly", figures)


if __name__ == "__main__":
    main()
