"""Building one report for one subscriber and period: context, then PDF and deck, written to
temporary names and renamed, so that no half-written file is ever left under its real name."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from reports import deck as decks_module, pdf, registry
from reports.charts import Brand
from reports.data import ReportData
from reports.period import Period
from reports.subscribers import Subscriber


@dataclass(frozen=True)
class Rendered:
    report: str
    format: str
    path: Path
    pages: int


def brand_of(subscriber: Subscriber) -> Brand:
    b = subscriber.branding
    return Brand(primary=b.primary, accent=b.accent, font=b.font)


def file_stem(report: str, subscriber: Subscriber, period: Period) -> str:
    return f"{period}-{report}-{subscriber.id}"


def gather(data: ReportData, name: str, index_version: str | None, period: Period) -> dict:
    """What every subscriber's copy of a report shares, for one index version."""
    from reports.common import index_version as resolve

    return registry.get(name).gather(data, resolve(data, index_version, period), period)


def build(data: ReportData, name: str, subscriber: Subscriber, period: Period, formats: tuple[str, ...],
          out: Path) -> list[Rendered]:
    """Gather, tailor and render one report for one subscriber."""
    return render(name, gather(data, name, subscriber.index_version, period), subscriber, period, formats, out)


def render(name: str, gathered: dict, subscriber: Subscriber, period: Period, formats: tuple[str, ...],
           out: Path) -> list[Rendered]:
    """Tailor gathered data to one subscriber and write its PDF and deck; no warehouse needed."""
    spec = registry.get(name)
    context = spec.tailor(gathered, subscriber, period)
    brand = brand_of(subscriber)
    out.mkdir(parents=True, exist_ok=True)
    results = []
    stem = file_stem(name, subscriber, period)
    if "pdf" in formats:
        target = out / f"{stem}.pdf"
        pages = _atomic(target, lambda tmp: pdf.render(spec, context, brand, tmp))
        results.append(Rendered(name, "pdf", target, pages))
    if "pptx" in formats:
        target = out / f"{stem}.pptx"

        def write_deck(tmp: Path) -> int:
            deck = decks_module.Deck(brand, subscriber.company, context.meta.confidentiality)
            spec.deck(context, deck)
            stamp = datetime.combine(context.meta.as_of, datetime.min.time())
            return deck.save(tmp, stamp, f"{context.meta.title} — {subscriber.company}, {period.label}")
        slides = _atomic(target, write_deck)
        results.append(Rendered(name, "pptx", target, slides))
    return results


def _atomic(target: Path, write) -> int:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        count = write(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return count
