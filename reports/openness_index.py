"""The Openness Index: how open each model's weights, data, methods and code are, on 18 points.
Gathers data; draws nothing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reports import decks, figures
from reports.common import Appendix, Meta, meta, shared
from reports.data import ReportData
from reports.period import Period
from reports.registry import report
from reports.subscribers import Subscriber

COMPONENTS = ("weights_access", "weights_licence", "data_access", "data_licence", "methodology", "training_code")
HEATMAP_ROWS = 28
VERSUS_LABELS = 8


@dataclass(frozen=True)
class OpennessIndex:
    meta: Meta
    appendix: Appendix
    index: dict
    rows: list[dict]
    heatmap: list[dict]
    versus: list[dict]
    provenance: list[dict]
    changes: list[dict]
    findings: list[str]


NOTES = [
    "The Openness Index scores six components from 0 to 3 by the archetype that fits best (after "
    "Artificial Analysis' Openness Index): weights access and weights licence (availability); data access, "
    "data licence, methodology disclosure and training-code licence (transparency). 18 points in all, shown "
    "as raw / 18 x 100. A model the house has not assessed itself gets a score derived from the European "
    "Open Source AI Index, else from the Model Openness Tool, through the published mapping of their "
    "criteria onto the six components; such scores are labelled with their framework. A component that "
    "no criterion of the framework covers counts 0.",
]


def gather(data: ReportData, index: dict, period: Period) -> dict:
    """Every score with its licence, and what changed this quarter: the same for every subscriber."""
    licences = {r["model"]: r["licence"] for r in data.rows("openness_licences")}
    rows = [{**r, "label": r["display_name"], "licence": licences.get(r["model"])}
            for r in data.rows("openness_rows", version=index["version"])]
    return {**shared(data, index, NOTES), "rows": rows,
            "changes": data.rows("openness_changes", previous=period.previous.end, period_end=period.end)}


@report("openness-index", title="The Openness Index", template="openness_index.html", gather=gather,
        figures=figures.openness_index, deck=decks.openness_index)
def openness_index(gathered: dict, subscriber: Subscriber, period: Period) -> OpennessIndex:
    """How open models are, component by component, and where each score came from, with the
    subscriber's focus models marked."""
    focus = set(subscriber.focus_models)
    rows = [{**r, "focus": r["model"] in focus} for r in gathered["rows"]]
    heatmap = rows[:HEATMAP_ROWS] + [r for r in rows[HEATMAP_ROWS:] if r["focus"]]
    versus = [dict(r) for r in rows if r["index"] is not None]
    ranked = sorted(versus, key=lambda r: -(r["score"] + r["index"]))
    marked = {r["model"] for r in ranked[:VERSUS_LABELS]} | focus
    for row in versus:
        row["labelled"] = row["model"] in marked
    provenance = [{"derived_from": k, "models": n}
                  for k, n in Counter(r["derived_from"] for r in rows).most_common()]
    changes = gathered["changes"]
    return OpennessIndex(
        meta=meta(gathered, subscriber, period, "openness-index", "The Openness Index",
                  f"How open models' weights, data, methods and code are, {period.label}"),
        appendix=gathered["appendix"], index=gathered["index"], rows=rows, heatmap=heatmap,
        versus=versus, provenance=provenance, changes=changes[:25],
        findings=_findings(rows, provenance, changes, focus),
    )


def _findings(rows, provenance, changes, focus) -> list[str]:
    found = []
    if rows:
        top = rows[0]
        found.append(f"{len(rows)} models have an Openness Index score. The most open is {top['label']} at "
                     f"{top['score']:.1f} ({top['raw']:.0f} of 18 points, {top['derived_from']}).")
        full_weights = sum(1 for r in rows if r["weights_access"] == 3)
        open_data = sum(1 for r in rows if r["data_access"] == 3)
        found.append(f"{full_weights} of them release their weights, but only {open_data} share their training "
                     "data in full: data is where openness stops.")
    derived = sum(p["models"] for p in provenance if p["derived_from"] != "house assessment")
    if derived:
        found.append(f"{derived} scores are derived from outside frameworks, not assessed by the house: "
                     + ", ".join(f"{p['models']} {p['derived_from']}" for p in provenance) + ".")
    if changes:
        found.append(f"{len({c['model'] for c in changes})} models had assessments change this quarter.")
    else:
        found.append("No assessment changed this quarter.")
    missing = sorted(focus - {r["model"] for r in rows})
    if missing:
        found.append("Of your focus models, " + ", ".join(missing) + " have no openness assessment: closed models "
                     "are not in the outside frameworks, and the house has not assessed them yet.")
    return found
