"""The Openness Index: how open each model's weights, data, methods and code are, on 18 points.
Gathers data; draws nothing."""

from __future__ import annotations

from dataclasses import dataclass

from reports.context import Appendix, Meta, meta, shared
from reports.handle import ReadHandle
from reports.registry import report
from reports.rendering import figures, slides
from reports.subscriber import Subscriber

HEATMAP_ROWS = 28
VERSUS_LABELS = 8


@dataclass(frozen=True)
class OpennessIndex:
    meta: Meta
    appendix: Appendix
    index: dict
    components: list[dict]
    rows: list[dict]
    heatmap: list[dict]
    versus: list[dict]
    provenance: list[dict]
    summary: dict
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


def gather(handle: ReadHandle, index: dict) -> dict:
    """Every score with its licence, and what changed this quarter: the same for every subscriber."""
    version = index["version"]
    licences = {r["model"]: r["licence"] for r in handle.rows("model_licences")}
    rows = [{**r, "label": r["display_name"], "licence": licences.get(r["model"])}
            for r in handle.rows("openness_rows", version=version)]
    return {**shared(handle, index, NOTES), "rows": rows,
            "components": handle.rows("openness_components", openness_index=index["openness_index_id"],
                                      openness_version=index["openness_version"]),
            "summary": handle.one("openness_summary", version=version),
            "provenance": handle.rows("openness_provenance", version=version),
            "changes": handle.rows("openness_changes")}


@report("openness-index", title="The Openness Index", template="openness_index.html", gather=gather,
        figures=figures.openness_index, slides=slides.openness_index)
def openness_index(gathered: dict, subscriber: Subscriber) -> OpennessIndex:
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
    provenance, summary = gathered["provenance"], gathered["summary"]
    changes = gathered["changes"]
    return OpennessIndex(
        meta=meta(gathered, subscriber, "openness-index", "The Openness Index",
                  f"How open models' weights, data, methods and code are, {gathered['window'].label}"),
        appendix=gathered["appendix"], index=gathered["index"], components=gathered["components"], rows=rows,
        heatmap=heatmap, versus=versus, provenance=provenance, summary=summary, changes=changes[:25],
        findings=_findings(rows, summary, provenance, changes, focus),
    )


def _findings(rows, summary, provenance, changes, focus) -> list[str]:
    found = []
    if rows:
        top = rows[0]
        found.append(f"{summary['models_scored']} models have an Openness Index score. The most open is "
                     f"{top['label']} at {top['score']:.1f} ({top['raw']:.0f} of 18 points, {top['derived_from']}).")
        found.append(f"{summary['open_weights']} of them release their weights, but only {summary['open_data']} "
                     "share their training data in full: data is where openness stops.")
    if summary and summary["derived"]:
        found.append(f"{summary['derived']} scores are derived from outside frameworks, not assessed by the house: "
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
