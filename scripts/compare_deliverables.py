"""The text of every page and slide of two sets of deliverables, compared: what a change that moves
code (and is not meant to change a deliverable) must leave as it was.

    python scripts/compare_deliverables.py OLD_FOLDER NEW_FOLDER

Each folder is an --out folder of `benchhouse quarterly` and `benchhouse private report` (or any
folder of PDFs and decks). A PDF is compared page by page (pdftotext, poppler's text of each page in
reading order); a deck slide by slide: the text of every shape, every table cell, and every chart's
title, categories, series names and values (to 9 significant places, as DuckDB sums in no fixed
order). The files are matched by their place under the folder. --ignore REGEX (repeatable) blanks what
a pattern matches before comparing: e.g. the time a snapshot was committed, when the two folders were
rendered from two builds of the same warehouse.
Prints how many pages and slides were compared and each one that differs; exits 1 if any differs or
a file is in one folder only. Reads only.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
from pathlib import Path

SUFFIXES = (".pdf", ".pptx")


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, in order (pdftotext ends each page with a form feed)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1]


def deck_slides(path: Path) -> list[str]:
    """The text of each slide: its shapes' text, its tables' cells and its charts' data, in shape order."""
    from pptx import Presentation

    slides = []
    for slide in Presentation(str(path)).slides:
        lines = []
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text:
                lines.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                lines += [" | ".join(cell.text for cell in row.cells) for row in shape.table.rows]
            if getattr(shape, "has_chart", False) and shape.has_chart:
                chart = shape.chart
                if chart.has_title:
                    lines.append(f"chart: {chart.chart_title.text_frame.text}")
                for plot in chart.plots:
                    lines.append("categories: " + " | ".join(map(str, plot.categories)))
                    for series in plot.series:  # to 9 significant places: DuckDB sums in no fixed order
                        values = ["" if v is None else f"{v:.9g}" for v in series.values]
                        lines.append(f"series {series.name}: {', '.join(values)}")
        slides.append("\n".join(lines))
    return slides


def pages(path: Path) -> list[str]:
    return pdf_pages(path) if path.suffix == ".pdf" else deck_slides(path)


def blanked(page: str, patterns: list[re.Pattern]) -> str:
    for pattern in patterns:
        page = pattern.sub("…", page)
    return page


def files(folder: Path) -> dict[str, Path]:
    return {str(p.relative_to(folder)): p for p in sorted(folder.rglob("*")) if p.suffix in SUFFIXES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path, help="the deliverables before")
    parser.add_argument("new", type=Path, help="the deliverables after")
    parser.add_argument("--ignore", action="append", default=[], metavar="REGEX",
                        help="blank what this pattern matches on every page and slide before comparing")
    args = parser.parse_args()
    ignored = [re.compile(pattern) for pattern in args.ignore]
    for folder in (args.old, args.new):
        if not folder.is_dir():
            parser.error(f"{folder}: no such folder")
    old, new = files(args.old), files(args.new)
    problems = [f"only in {args.old}: {name}" for name in sorted(old.keys() - new.keys())]
    problems += [f"only in {args.new}: {name}" for name in sorted(new.keys() - old.keys())]
    counted = {".pdf": 0, ".pptx": 0}
    for name in sorted(old.keys() & new.keys()):
        before, after = ([blanked(page, ignored) for page in pages(found[name])] for found in (old, new))
        counted[Path(name).suffix] += max(len(before), len(after))
        if len(before) != len(after):
            problems.append(f"{name}: {len(before)} pages or slides before, {len(after)} after")
        for number, (a, b) in enumerate(zip(before, after), start=1):
            if a != b:
                diff = difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
                shown = "\n    ".join(list(diff)[2:8])
                problems.append(f"{name}, page or slide {number} differs:\n    {shown}")
    print(f"compared {len(old.keys() & new.keys())} files: {counted['.pdf']} PDF pages and "
          f"{counted['.pptx']} slides")
    for problem in problems:
        print(problem)
    print("every page and slide is the same" if not problems else f"{len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
