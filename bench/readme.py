"""The README's performance tables, written from bench/results.json between the markers
<!-- bench:start --> and <!-- bench:end -->; nothing else in the README is touched.

    python bench/readme.py        # rewrite the tables from the last results
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from harness import RESULTS

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
REPORTS = ("cost-to-run", "smile-curve", "openness-index")


def seconds(figure: dict, cpu: bool = False) -> str:
    text = f"{figure['s']:.2f} s"
    return f"{text} ({figure['cpu_s']:.2f} s CPU)" if cpu and "cpu_s" in figure else text


def rows(results: dict) -> list[tuple[str, str, str, str, str]]:
    """(measure, benchhouse, baseline in the same run, ratio, target) for every figure present."""
    out = []
    if i := results.get("ingest"):
        out.append((f"ingest {i['rows'] / 1e6:g} M task results from Parquet (`bench/ingest_bench.py`)",
                    f"{i['rows_per_s'] / 1e6:.2f} M rows/s ({seconds(i['benchhouse'])})",
                    f"plain DuckDB CTAS into a DuckDB file: {i['plain_rows_per_s'] / 1e6:.2f} M rows/s "
                    f"({seconds(i['plain_duckdb'])})", f"{i['ratio']:.2f}", "≥ 2 M rows/s; ratio ≤ 2.0"))
    if v := results.get("views"):
        out.append((f"index and cost to run, one version and date, over {v['rows'] / 1e6:g} M task results "
                    "(`bench/views_bench.py`)", f"views: {seconds(v['same_figures'])}",
                    f"one hand-written query: {seconds(v['hand_written'])}", f"{v['ratio']:.2f}", "≤ 1.5"))
        out.append((f"every view, all rows ({len(v['views'])} views)", f"{v['every_view_s']:.2f} s "
                    f"(slowest `{v['slowest']}` {v['views'][v['slowest']]:.2f} s)", "", "", "< 2 s"))
    if p := results.get("planning"):
        out.append((f"planning {len(p['views'])} report views on a new warehouse (`bench/planning_bench.py`)",
                    f"empty tables' statistics recorded: {p['recorded_cpu_s']:.2f} s CPU",
                    f"as DuckLake leaves them (none): {p['bare_cpu_s']:.2f} s CPU", f"{p['ratio']:.2f}", "≤ 0.5"))
    if r := results.get("render"):
        for name in REPORTS:
            f = r["reports"][name]
            out.append((f"PDF of `{name}`, {f['pages']} pages (`bench/render_bench.py`)", seconds(f["pdf"], cpu=True),
                        f"bare WeasyPrint on the same HTML: {seconds(f['bare_weasyprint'], cpu=True)}",
                        f"{f['pdf_over_bare']:.2f}", ""))
        out.append(("gathering the three reports from the views, once for every subscriber",
                    seconds(r["gather_all"], cpu=True), "", "", ""))
        for name in REPORTS:
            f = r["reports"][name]
            out.append((f"deck of `{name}`, {f['slides']} slides", seconds(f["deck"], cpu=True), "", "", ""))
    if q := results.get("quarterly"):
        what = (f"{q['deliverables']} deliverables: {q['subscribers']} subscribers × 3 reports × 2 formats, "
                f"{q['repeats']} run{'s' if q['repeats'] > 1 else ''} of each")
        out.append((f"quarterly run, 1 worker, {what} (`bench/quarterly_bench.py`)",
                    f"{q['per_minute_one']:.1f} per minute ({seconds(q['one_worker'])})", "", "", ""))
        out.append(("quarterly run, 2 workers", f"{q['per_minute_two']:.1f} per minute ({seconds(q['two_workers'])})",
                    "1 worker", f"{q['speedup']:.2f}× faster", "≥ 1.7×"))
        out.append(("quarterly run again, nothing changed (2 workers)", seconds(q["unchanged_rerun"]),
                    "the full run, 2 workers", f"{100 * q['rerun_share']:.1f}%", "< 5%"))
        out.append(("peak memory of a worker (its own `ru_maxrss`)", f"{q['peak_worker_rss_mb']} MB", "", "",
                    "< 600 MB"))
    if p := results.get("private"):
        out.append(("a private deliverable, PDF and deck (`bench/private_bench.py`)", seconds(p["private"]),
                    f"`cost-to-run` for one subscriber, PDF and deck: {seconds(p['quarterly'])}",
                    f"{p['ratio']:.2f}", "≤ 2.0"))
    if s := results.get("startup"):
        out.append(('`benchhouse sql "SELECT 1"` as a process (`bench/startup_bench.py`)',
                    seconds(s["benchhouse_sql"], cpu=True),
                    f"`python -c \"import duckdb; duckdb.sql('SELECT 1')\"`: {seconds(s['duckdb_alone'], cpu=True)}",
                    f"{s['ratio']:.2f}", ""))
    return out


def before_after(results: dict) -> str:
    """Each deliverable's render cost against an older commit's, when bench/run.py --before ran."""
    r = results.get("render", {})
    if "before" not in r:
        return ""
    if "error" in r["before"]:
        return f"Render cost against an older commit: not measured ({r['before']['error']})."
    before = r["before"]
    lines = [f"Render cost per deliverable against commit `{before['commit']}` (before issue 12's report work), "
             f"same machine and run, medians of {r['repeats']}; CPU seconds move less than wall seconds here:",
             "", "| deliverable | before | now | now / before (CPU) |", "| --- | ---: | ---: | ---: |"]
    for name in REPORTS:
        for step, label in (("pdf", "PDF"), ("deck", "deck"), ("gather", "gather (shared by every subscriber)")):
            old, new = before["reports"][name][step], r["reports"][name][step]
            lines.append(f"| `{name}` {label} | {seconds(old, cpu=True)} | {seconds(new, cpu=True)} | "
                         f"{new['cpu_s'] / old['cpu_s']:.2f} |")
    if "gather_all" in before:
        old, new = before["gather_all"], r["gather_all"]
        lines.append(f"| gathering all three in one handle, as a quarterly run does | {seconds(old, cpu=True)} | {seconds(new, cpu=True)} | "
                     f"{new['cpu_s'] / old['cpu_s']:.2f} |")
    return "\n".join(lines)


def table(results: dict) -> str:
    before = results.get("render", {}).get("before")
    older = f", and {before['bench_s'] / 60:.1f} more for an older commit's renders" if before else ""
    machine = next((v["machine"] for v in results.values() if isinstance(v, dict) and "machine" in v), {})
    head = (f"Written by `make bench` from `bench/results.json` ({machine.get('date', '?')}, "
            f"{machine.get('cpus', '?')} CPUs shared with other work, load average "
            f"{', '.join(str(x) for x in machine.get('load_average', []))}; `make bench` took "
            f"{results.get('without_before_s', 0) / 60:.1f} minutes{older}). Medians of several runs, wall "
            "seconds unless CPU is said; each baseline is measured in the same run.")
    lines = [head, "", "| measure | benchhouse | baseline, same run | ratio | target |", "| --- | --- | --- | ---: | --- |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows(results)]
    extra = before_after(results)
    return "\n".join(lines + ([ "", extra] if extra else []))


def update(results: dict, readme: Path = README) -> None:
    text = readme.read_text()
    if START not in text or END not in text:
        raise SystemExit(f"{readme}: no {START} ... {END} region to write the performance table into")
    region = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    readme.write_text(region.sub(lambda _: f"{START}\n{table(results)}\n{END}", text, count=1))


if __name__ == "__main__":
    update(json.loads(RESULTS.read_text()))
