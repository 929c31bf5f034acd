"""Building one report for one subscriber: gather (or take what the run gathered), tailor, then the
PDF and the deck, each written to a temporary name and renamed, so that no half-written file is ever
left under its real name."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reports import catalogue
from reports.context import index_version
from reports.handle import ReadHandle
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


def file_stem(report: str, subscriber: Subscriber, window: Window) -> str:
    return f"{window.period}-{report}-{subscriber.id}"


def gather(handle: ReadHandle, name: str, pinned_version: str | None) -> dict:
    """What every subscriber's copy of a report shares, for one index version (a subscriber's pin,
    or the latest published by the window's as-of date when None)."""
    return catalogue.get(name).gather(handle, index_version(handle, pinned_version))


def build(handle: ReadHandle, name: str, subscriber: Subscriber, formats: tuple[str, ...],
          out: Path) -> list[Rendered]:
    """Gather, tailor and render one report for one subscriber."""
    return render(name, gather(handle, name, subscriber.index_version), subscriber, formats, out)


def render(name: str, gathered: dict, subscriber: Subscriber, formats: tuple[str, ...],
           out: Path) -> list[Rendered]:
    """Tailor gathered data to one subscriber and write its PDF and deck; no warehouse needed."""
    spec = catalogue.get(name)
    context = spec.tailor(gathered, subscriber)
    brand = subscriber.brand
    out.mkdir(parents=True, exist_ok=True)
    results = []
    stem = file_stem(name, subscriber, gathered["window"])
    if "pdf" in formats:
        target = out / f"{stem}.pdf"
        pages = atomic(target, lambda tmp: pdf.render(spec.template, spec.figures, context, brand, tmp))
        results.append(Rendered(name, "pdf", target, pages))
    if "pptx" in formats:
        target = out / f"{stem}.pptx"

        def write_deck(tmp: Path) -> int:
            deck = Deck(brand, subscriber.company, context.meta.confidentiality)
            spec.slides(context, deck)
            stamp = datetime.combine(context.meta.as_of, datetime.min.time())
            return deck.save(tmp, stamp, f"{context.meta.title} — {subscriber.company}, {context.meta.period_label}")
        slides = atomic(target, write_deck)
        results.append(Rendered(name, "pptx", target, slides))
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
