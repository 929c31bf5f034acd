"""What every report's context holds besides its own figures: who it is for and in which brand, the
window it read, and the methodology appendix (index version, pricing rule, sources, disclosures)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar

from reports.handle import ReadHandle
from reports.rendering.theme import Brand
from reports.subscriber import Subscriber
from reports.window import Window
from warehouse.errors import BenchhouseError

PRICING_RULE = (
    "Prices are list prices at the standard rate, valid on the as-of date: the model creator's own API "
    "when it sells the model (input and output tokens), otherwise the median across the providers that "
    "do; never an off-peak, batch, flex, priority or long-context rate, which are kept beside it. Cached input is "
    "priced at the cached-input price and cache writes at the cache-write price, each falling back to "
    "the input price; reasoning tokens at the output price unless a reasoning price is published. "
    "Where no price was valid on the day, no cost is shown: a price is never borrowed from another day. "
    "Blended prices weigh input and output 3 to 1."
)


FINDINGS_SHOWN = 7  # on a report's findings page and slide; every finding is in its data pack


@dataclass(frozen=True)
class Meta:
    report: str
    title: str
    subtitle: str
    company: str
    subscriber_id: str
    period: str
    period_label: str
    as_of: date
    previous_as_of: date
    snapshot: int
    committed_at: datetime | None
    brand: Brand
    confidentiality: str

    findings_shown: ClassVar[int] = FINDINGS_SHOWN

    @property
    def data_pack(self) -> str:
        """The file name of the deliverable's data pack (reports/delivery/build.py: file_name)."""
        return f"{self.period}-{self.report}-{self.subscriber_id}-data.xlsx"


# What rests on the house's task results (generated in the demo), and what every report reads from
# the sources instead: the disclosure names both, in full on the cover (Appendix.disclosure) and in
# a line in every footer (Appendix.footer_disclosure).
RESTS_ON_RUNS = "scores, the index and its intervals, tokens and turns per task, and costs to run"
FROM_SOURCES = "list prices and their history, lifecycles, provider speeds and latencies, and openness assessments"
FOOTER_DISCLOSURE = ("Demonstration data. Generated: scores, tokens, turns, costs to run. "
                     "Published: prices, lifecycles, speeds, openness.")


@dataclass(frozen=True)
class Appendix:
    index_name: str | None
    index_version: str | None
    index_published: date | None
    index_description: str | None
    evaluations: list[dict]
    pricing_rule: str
    sources: list[dict]
    generated: bool
    generated_rows: int
    coverage: dict | None = None
    gaps: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def disclosure(self) -> str | None:
        """Which figures are generated and which are published, said once on the cover (and in full in the
        methods); None when none of the house's runs read are generated. Only task results are ever
        generated (warehouse/generate.py): every other kind of row comes from a named source."""
        if not self.generated:
            return None
        return (f"Demonstration data. Generated, not measured: {self.generated_rows:,} task results "
                f"and every figure that rests on them ({RESTS_ON_RUNS}). Published by the sources listed in the "
                f"methods, not generated: {FROM_SOURCES}.")

    @property
    def footer_disclosure(self) -> str | None:
        """The disclosure in the few words of every page's footer (and every slide's)."""
        return FOOTER_DISCLOSURE if self.generated else None

    @property
    def coverage_line(self) -> str | None:
        """What the index does not cover, in one sentence for a cover and the findings."""
        c = self.coverage
        if not c:
            return None
        after = [g for g in self.gaps if g["release_date"] > c["newest_release"]]
        line = (f"Coverage: the newest model with a complete {self.index_name} is {c['newest_name']}, released "
                f"{c['newest_release']:%d %b %Y}")
        if not after:
            return line + "; every notable model released by the as-of date has one."
        creators: dict[str, list[str]] = {}
        for g in after:
            creators.setdefault(g["creator_name"], []).append(g["display_name"])
        named = "; ".join(f"{creator}: {', '.join(names[:3])}{' and others' if len(names) > 3 else ''}"
                          for creator, names in sorted(creators.items(), key=lambda kv: -len(kv[1]))[:5])
        return (line + f". {len(after)} notable models released since are not scored yet, so this report says "
                f"nothing of them ({named}).")


def shared(handle: ReadHandle, index: dict | None, notes: list[str] | None = None) -> dict:
    """What every report gathers besides its own rows: the window, the snapshot's commit time and the
    methodology appendix."""
    snapshot = handle.one("snapshot")
    return {"window": handle.window, "committed_at": snapshot["committed_at"] if snapshot else None,
            "appendix": appendix(handle, index, notes), "index": index}


def shown_findings(ctx) -> list[str]:
    """The findings a deck shows: the first FINDINGS_SHOWN (those that matter most to the subscriber
    come first), and where the others are."""
    rest = len(ctx.findings) - FINDINGS_SHOWN
    more = [f"The other {rest} findings are in the data pack ({ctx.meta.data_pack}, sheet Findings)."] if rest > 0 else []
    return ctx.findings[:FINDINGS_SHOWN] + more


def meta(shared: dict, subscriber: Subscriber, report: str, title: str, subtitle: str) -> Meta:
    window: Window = shared["window"]
    return Meta(
        report=report, title=title, subtitle=subtitle, company=subscriber.company,
        subscriber_id=subscriber.id, period=str(window.period), period_label=window.label,
        as_of=window.as_of, previous_as_of=window.previous_as_of, snapshot=window.snapshot,
        committed_at=shared["committed_at"], brand=subscriber.brand,
        confidentiality=f"Prepared for {subscriber.company} under its subscription. Confidential: not for redistribution.",
    )


def index_version(handle: ReadHandle, pinned_version: str | None) -> dict:
    """The Intelligence Index version a subscriber reads, with the report policy that goes with it:
    its pin, else the latest published by the window's as-of date."""
    found = handle.one("index_version", version=pinned_version or "")
    if found is None:
        pinned = f"version {pinned_version}" if pinned_version else "any version"
        raise BenchhouseError(f"no Intelligence Index ({pinned}) with a report policy published by "
                              f"{handle.window.as_of} in the warehouse at snapshot {handle.snapshot}; load "
                              "warehouse/indices with `benchhouse ingest indices`")
    return found


def appendix(handle: ReadHandle, index: dict | None, notes: list[str] | None = None) -> Appendix:
    sources = [{**row, "attribution": row["attribution"] or ""} for row in handle.rows("sources_used")]
    generated_rows = sum(r["generated_rows"] or 0 for r in sources)
    return Appendix(
        index_name=index["name"] if index else None, index_version=index["version"] if index else None,
        index_published=index["published_at"] if index else None,
        index_description=index["description"] if index else None,
        evaluations=index["evaluations"] if index else [],
        pricing_rule=PRICING_RULE, sources=sources, generated=generated_rows > 0,
        generated_rows=generated_rows, notes=notes or [],
        coverage=handle.one("coverage", version=index["version"]) if index else None,
        gaps=handle.rows("coverage_gaps", version=index["version"]) if index else [],
    )


def label(row: dict) -> str:
    """How a model variant is named in charts and tables: its display name, and its effort unless
    it is the default."""
    effort = row.get("effort")
    return row["display_name"] if effort in (None, "default") else f"{row['display_name']} ({effort})"
