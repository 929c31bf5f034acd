"""Building one report for one subscriber: gather (or take what the run gathered), tailor, then the
PDF and the deck, each written to a temporary name and renamed, so that no half-written file is ever
left under its real name. `write` writes every deliverable's files, a private client's too."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reports import catalogue
from reports.common.context import index_version
from reports.customer import Customer
from reports.handle import ReadHandle
from reports.delivery import datapack
from reports.rendering import pdf
from reports.rendering.deck import Deck
from reports.subscriber import Subscriber
from reports.window import Window


@dataclass(frozen=True)
class Rendered:
    report: str
    format: str
    path: Path
    pages: int


# A deliverable's files by format: the PDF, the deck, and its data pack as a workbook and as CSV files.
SUFFIXES = {"pdf": ".pdf", "pptx": ".pptx", "xlsx": "-data.xlsx", "csv": "-data.csv.zip"}
UNITS = {"pdf": "pages", "pptx": "slides", "xlsx": "sheets", "csv": "files"}
DATA_PACK = ("xlsx", "csv")
"""The formats every subscriber's report is delivered in besides those its file chooses (pdf, pptx)."""


def file_stem(report: str, subscriber: Subscriber, window: Window) -> str:
    return f"{window.period}-{report}-{subscriber.id}"


def file_name(stem: str, fmt: str) -> str:
    return stem + SUFFIXES[fmt]


def gather(handle: ReadHandle, name: str, pinned_version: str | None) -> dict:
    """What every subscriber's copy of a report shares, for one index version (a subscriber's pin,
    or the latest published by the window's as-of date when None)."""
    return catalogue.get(name).gather(handle, index_version(handle, pinned_version))


def fit(handle: ReadHandle, name: str, gathered: dict, subscriber: Subscriber) -> dict:
    """What one subscriber's copy of a report reads: what every copy shares, with what the report's
    `fit` reads for this subscriber alone (a workload's costs); the shared data for the others."""
    spec = catalogue.get(name)
    return spec.fit(handle, gathered, subscriber) if spec.fit else gathered


def build(handle: ReadHandle, name: str, subscriber: Subscriber, formats: tuple[str, ...],
          out: Path) -> list[Rendered]:
    """Gather, fit, tailor and render one report for one subscriber."""
    gathered = fit(handle, name, gather(handle, name, subscriber.index_version), subscriber)
    return render(name, gathered, subscriber, formats, out)


def render(name: str, gathered: dict, subscriber: Subscriber, formats: tuple[str, ...],
           out: Path) -> list[Rendered]:
    """Tailor gathered (and fitted) data to one subscriber and write its PDF and deck; no warehouse needed."""
    spec = catalogue.get(name)
    context = spec.tailor(gathered, subscriber)
    return write(name, spec.template, spec.figures, spec.slides, context, subscriber, formats,
                 out / file_stem(name, subscriber, gathered["window"]),
                 title=f"{context.meta.title} — {subscriber.company}, {context.meta.period_label}",
                 data=spec.data_pack)


def write(name: str, template: str, figures, slides, context, customer: Customer, formats: tuple[str, ...],
          stem: Path, title: str, data=None) -> list[Rendered]:
    """The PDF, the deck and the data pack of one deliverable, in the customer's brand, as stem.pdf,
    stem.pptx, stem-data.xlsx and stem-data.csv.zip: what every deliverable is written by, a
    subscriber's report or a client's private one. The deck's file properties carry `title` and the
    as-of date as its time, so the same inputs give the same bytes. `data` gives the data pack's
    tables from the context (report.py: data_pack)."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    results = []
    if "pdf" in formats:
        target = stem.with_name(f"{stem.name}.pdf")
        pages = atomic(target, lambda tmp: pdf.render(template, figures, context, customer.brand, tmp))
        results.append(Rendered(name, "pdf", target, pages))
    if "pptx" in formats:
        target = stem.with_name(f"{stem.name}.pptx")

        def write_deck(tmp: Path) -> int:
            deck = Deck(customer.brand, customer.company, context.meta.confidentiality, context.appendix.footer_disclosure)
            slides(context, deck)
            return deck.save(tmp, datetime.combine(context.meta.as_of, datetime.min.time()), title)
        results.append(Rendered(name, "pptx", target, atomic(target, write_deck)))
    tables = data(context) if data is not None and set(formats) & set(DATA_PACK) else []
    for fmt, writer in (("xlsx", datapack.write_xlsx), ("csv", datapack.write_csv_zip)):
        if fmt in formats:
            target = stem.with_name(file_name(stem.name, fmt))
            results.append(Rendered(name, fmt, target, atomic(target, lambda tmp: writer(tmp, context, tables))))
    return results


def atomic(target: Path, write) -> int:
    """Write `target` through write(temporary path), then rename; return what write returned."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        count = write(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return count
