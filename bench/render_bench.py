"""What one deliverable costs to render, per report, and the PDF renderer against bare WeasyPrint on
the same HTML, in the same run.

    python bench/render_bench.py [--repeats 3] [--subscriber acme-analytics] [--json FILE]

From the demo warehouse, for each report and one subscriber: gathering from the views (shared by
every subscriber's copy in a quarterly run), then the PDF deliverable and the deck deliverable as
the quarterly run renders them (tailor, charts, template, WeasyPrint or python-pptx, written to a
temporary name and renamed), and WeasyPrint alone writing the same HTML to a PDF with its default
settings. Medians of --repeats, wall and CPU seconds; gathering is timed once (the three reports in
one handle, in this order, as a quarterly run does: a later report reuses what an earlier one asked). Only the functions that the code has kept
since before issue 12 are called (build.gather, build.render, pdf.html), so the same file measures
an older checkout run with that checkout's interpreter (bench/run.py --before DIR).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import weasyprint

from harness import demo_location, record, summary, timed
from reports import catalogue
from reports.delivery import build, subscribers
from reports.handle import ReadHandle, window
from reports.rendering import pdf
from reports.window import Period
from templates import FOLDER as TEMPLATES

PERIOD = Period.parse("2026Q3")
REPORTS = ("cost-to-run", "smile-curve", "openness-index")


def measure(location, subscriber_id: str, repeats: int, out: Path) -> dict:
    subscriber = subscribers.load_id(subscriber_id)
    runs = {name: {k: ([], []) for k in ("pdf", "deck", "html", "bare_weasyprint")} for name in REPORTS}
    gathered, gather, pages = {}, {}, {}
    with ReadHandle(location, window(location, PERIOD)) as handle:
        for name in REPORTS:  # once, in one handle, as a quarterly run gathers for every subscriber
            with timed() as gather[name]:
                gathered[name] = build.gather(handle, name, subscriber.index_version)
    for repeat in range(repeats + 1):  # the first round loads fonts and caches, and is not counted
        for name in REPORTS:
            spec = catalogue.get(name)
            steps = {}
            with timed() as steps["pdf"]:
                [rendered] = build.render(name, gathered[name], subscriber, ("pdf",), out / name)
            with timed() as steps["deck"]:
                [deck] = build.render(name, gathered[name], subscriber, ("pptx",), out / name)
            with timed() as steps["html"]:
                page = pdf.html(spec.template, spec.figures, spec.tailor(gathered[name], subscriber), subscriber.brand)
            with timed() as steps["bare_weasyprint"]:
                weasyprint.HTML(string=page, base_url=str(TEMPLATES)).write_pdf(out / f"{name}-bare.pdf")
            pages[name] = {"pages": rendered.pages, "slides": deck.pages}
            if repeat:
                for step, t in steps.items():
                    runs[name][step][0].append(t.wall)
                    runs[name][step][1].append(t.cpu)
        if repeat:
            print(f"repeat {repeat}: " + ", ".join(
                f"{n} pdf {runs[n]['pdf'][0][-1]:.2f} s deck {runs[n]['deck'][0][-1]:.2f} s" for n in REPORTS),
                flush=True)
    figures = {name: {"gather": summary([gather[name].wall], [gather[name].cpu])}
               | {step: summary(*walls_cpus) for step, walls_cpus in steps.items()} | pages[name]
               for name, steps in runs.items()}
    for name in REPORTS:
        figures[name]["pdf_over_bare"] = round(figures[name]["pdf"]["s"] / figures[name]["bare_weasyprint"]["s"], 2)
    return {"subscriber": subscriber_id, "repeats": repeats, "reports": figures,
            "gather_all": summary([sum(t.wall for t in gather.values())], [sum(t.cpu for t in gather.values())])}


def print_table(figures: dict) -> None:
    print(f"\none deliverable for {figures['subscriber']}, medians of {figures['repeats']} (wall s / CPU s)")
    print("| report | gather | PDF | bare WeasyPrint, same HTML | PDF / bare | deck |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, f in figures["reports"].items():
        cell = lambda step: f"{f[step]['s']:.2f} / {f[step]['cpu_s']:.2f}"  # noqa: E731
        print(f"| {name} | {cell('gather')} | {cell('pdf')} | {cell('bare_weasyprint')} | {f['pdf_over_bare']:.2f} "
              f"| {cell('deck')} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--subscriber", default="acme-analytics")
    parser.add_argument("--json", type=Path, help="write the figures to this file instead of bench/results.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="benchhouse-render-") as tmp:
        location = demo_location(Path(tmp))
        figures = measure(location, args.subscriber, args.repeats, Path(tmp) / "out")
    print_table(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    else:
        record("render", figures)


if __name__ == "__main__":
    main()
