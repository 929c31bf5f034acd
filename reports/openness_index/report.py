"""The Openness Index: how open each model's weights, data, methods and code are, on 18 points, and
how transparent their developers are. Gathers data; draws nothing."""

from __future__ import annotations

from dataclasses import dataclass

from reports.common import focus as yours
from reports.common.answer import MARKET, STANDING, Answer, ranked as ranked_answers, retirements
from reports.common.context import Appendix, Meta, meta, shared
from reports.handle import ReadHandle
from reports.formatting import number, plural
from reports.subscriber import Subscriber
from reports.common.datapack import Column, Table, coverage

NAME = "openness-index"
TITLE = "The Openness Index"

HEATMAP_ROWS = 28
VERSUS_LABELS = 8


@dataclass(frozen=True)
class OpennessIndex:
    meta: Meta
    appendix: Appendix
    index: dict
    your_models: list[dict]
    components: list[dict]
    rows: list[dict]
    shown: list[dict]
    heatmap: list[dict]
    versus: list[dict]
    provenance: list[dict]
    summary: dict
    changes: list[dict]
    developers: list[dict]
    editions: list[dict]
    focus: list[dict]
    findings: list[str]
    answers: list[Answer]
    """The answer page (reports/common/answer.py)."""


NOTES = [
    "The Openness Index scores six components from 0 to 3 by the archetype that fits best (after "
    "Artificial Analysis' Openness Index): weights access and weights licence (availability); data access, "
    "data licence, methodology disclosure and training-code licence (transparency). 18 points in all, shown "
    "as raw / 18 x 100. A model the house has not assessed itself gets a score derived from the European "
    "Open Source AI Index, else from the Model Openness Tool, through the published mapping of their "
    "criteria onto the six components; such scores are labelled with their framework. A component that "
    "no criterion of the framework covers counts 0.",
    "The report shows by default the language models a buyer would consider this quarter: released within "
    "the report policy's recent months, with a price on the as-of date or open weights from a known creator. "
    "Every other scored model is listed in the data pack with the reason it is not shown.",
    "Licences are given by their SPDX identifier where SPDX has one, else by the licence's own name; "
    "'proprietary' means the weights are not released.",
    "A change since the previous quarter counts as a change in openness only when both scores rest on the "
    "same basis: the same source, and for each component the same criteria of it; it is taken on the "
    "components both scores share. A score derived from an outside framework and then assessed by the house "
    "has changed source, and one whose framework assessed more of it has changed coverage: both are shown as "
    "such, never counted or ranked as moves.",
    "Developer transparency is the Foundation Model Transparency Index (Stanford CRFM): the share of its "
    "100 indicators a developer meets, overall and in each domain, in its latest edition. Editions need not "
    "assess the same indicators (FMTI replaced its set in 2025), so a change since the previous edition is "
    "never one total less the other: it is taken on the indicators both editions share, and shown only when "
    "they are at least half of each edition's.",
]


def gather(handle: ReadHandle, index: dict) -> dict:
    """Every score with its licence and whether it is shown by default, what changed this quarter,
    and developer transparency: the same for every subscriber."""
    version = index["version"]
    rows = [{**r, "label": r["display_name"]} for r in handle.rows("openness_rows", version=version)]
    return {**shared(handle, index, NOTES), **yours.gather(handle, index), "rows": rows,
            "components": handle.rows("openness_components", openness_index=index["openness_index_id"],
                                      openness_version=index["openness_version"]),
            "summary": handle.one("openness_summary", version=version),
            "provenance": handle.rows("openness_provenance", version=version),
            "changes": handle.rows("openness_change", version=version),
            "developers": handle.rows("developer_transparency"),
            "names": {r["model"]: r for r in handle.rows("model_names")}}


def fit(handle: ReadHandle, gathered: dict, subscriber: Subscriber) -> dict:
    """The cheaper models beside the subscriber's own, as its constraints allow (reports/common/focus.py)."""
    return yours.constrain(handle, gathered, subscriber)


def tailor(gathered: dict, subscriber: Subscriber) -> OpennessIndex:
    """How open the models a buyer would consider are, component by component, where each score came
    from, and how transparent their developers are, with the subscriber's focus models first."""
    focus = set(subscriber.focus_models)
    # A shown model's place: 1 + the shown models more open than it, so that models of one score share it
    higher = sorted((r["score"] for r in gathered["rows"] if r["shown"]), reverse=True)
    rows = [{**r, "focus": r["model"] in focus,
             "place": 1 + sum(s > r["score"] for s in higher) if r["shown"] else None} for r in gathered["rows"]]
    shown = [r for r in rows if r["shown"] or r["focus"]]
    heatmap = shown[:HEATMAP_ROWS] + [r for r in shown[HEATMAP_ROWS:] if r["focus"]]
    versus = [dict(r) for r in shown if r["index"] is not None]
    ranked = sorted(versus, key=lambda r: -(r["score"] + r["index"]))
    marked = {r["model"] for r in ranked[:VERSUS_LABELS]} | focus
    for row in versus:
        row["labelled"] = row["model"] in marked
    focus_creators = {gathered["names"][m]["creator"] for m in focus if m in gathered["names"]}
    developers = [{**d, "focus": d["creator"] in focus_creators} for d in gathered["developers"]]
    changes = [{**c, "focus": c["model"] in focus, "what": _what(c)} for c in gathered["changes"]]
    standing = _focus(rows, focus, gathered["names"])
    your_models = yours.tailor(gathered, subscriber.focus_models)
    return OpennessIndex(
        meta=meta(gathered, subscriber, NAME, TITLE,
                  f"How open models' weights, data, methods and code are, {gathered['window'].label}"),
        appendix=gathered["appendix"], index=gathered["index"],
        your_models=your_models, components=gathered["components"], rows=rows,
        shown=shown, heatmap=heatmap, versus=versus, provenance=gathered["provenance"],
        summary=gathered["summary"], changes=changes, developers=developers, editions=_editions(developers),
        focus=standing,
        answers=ranked_answers(retirements(your_models) + _answers(standing, shown)),
        findings=yours.alerts(your_models) + _findings(shown, gathered["summary"], changes, developers, standing)
        + ([gathered["appendix"].coverage_line] if gathered["appendix"].coverage_line else []),
    )


def _answers(standing: list[dict], shown: list[dict]) -> list[Answer]:
    """Where each focus model stands on openness (the least open first: the one a buyer would ask
    about), and the most open model of those a buyer would consider."""
    found, alike = [], {}
    for f in standing:
        if not f["scored"]:
            found.append(Answer(f"{f['label']} has no openness assessment yet, from the house or an outside framework.",
                                STANDING, 0, "yours-openness", "Your models' openness"))
        else:  # models scored alike are said in one sentence
            alike.setdefault((f["score"], f["raw"], f["derived_from"], f["licence"]), []).append(f["label"])
    for (score, _, derived_from, licence), names in alike.items():
        who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]} each"
        found.append(Answer(f"{who} {'scores' if len(names) == 1 else 'score'} {number(score)} on the Openness Index "
                            f"({derived_from}); weights: {licence or 'licence not stated'}.",
                            STANDING, -score, "yours-openness", "Your models' openness"))
    if shown:
        top = shown[0]
        found.append(Answer(f"The most open model a buyer would consider this quarter is {top['label']}, at "
                            f"{number(top['score'])}.", MARKET, 0, "scores",
                            "Openness by component (0 to 3)"))
    return found


def _focus(rows: list[dict], focus: set[str], names: dict) -> list[dict]:
    """Each focus model's row with its place among the models shown (shared by models of one score), or
    the reason it has none."""
    shown = sum(r["shown"] for r in rows)
    found = {r["model"]: r for r in rows}
    standing = []
    for model in sorted(focus, key=lambda m: names.get(m, {}).get("display_name") or m):
        name = names.get(model, {}).get("display_name") or model
        row = found.get(model)
        if row is None:
            standing.append({"model": model, "label": name, "scored": False,
                             "reason": "no openness assessment yet: neither the house nor an outside framework "
                                       "has assessed it"})
        else:
            standing.append({**row, "scored": True, "of": shown})  # its place is the row's (tailor)
    return standing


def _editions(developers: list[dict]) -> list[dict]:
    """Each pair of editions the developers' changes span, once, with the indicators the change is on
    or why there is none (developer_transparency.change_basis)."""
    pairs = {(d["previous_edition"], d["edition"], d["change_basis"]) for d in developers if d["previous_edition"]}
    return [{"previous_edition": p, "edition": e, "basis": b} for p, e, b in sorted(pairs)]


def _findings(shown, summary, changes, developers, standing) -> list[str]:
    """The first page: sentences over the rows above, the subscriber's models first."""
    found = []
    for f in standing:
        if not f["scored"]:
            found.append(f"Your focus model {f['label']} has {f['reason']}.")
            continue
        sharing = sum(r.get("place") == f["place"] for r in shown) - 1 if f["place"] else 0
        shared = f", a place it shares with {plural(sharing, 'other model')} of that score" if sharing > 0 else ""
        where = (f"{f['place']} of the {f['of']} models shown{shared}" if f["place"]
                 else f"not in the default set ({f['why']})")
        found.append(f"Your focus model {f['label']} scores {number(f['score'])} on the Openness Index "
                     f"({f['raw']:.0f} of 18 points, {f['derived_from']}), {where}; its weights: "
                     f"{f['licence'] or 'licence not stated'}.")
    if shown:
        top = shown[0]
        found.append(f"Of the {summary['models_shown']} models a buyer would consider this quarter, the most open is "
                     f"{top['label']} at {number(top['score'])}; {summary['open_weights']} release their weights "
                     f"and {summary['open_data']} share their training data in full: data is where openness stops.")
    found += _moves(changes)
    new = [c for c in changes if c["kind"] == "new"]
    if new:
        found.append(f"{plural(len(new), 'model')} scored for the first time this quarter, among them "
                     f"{new[0]['display_name']} ({number(new[0]['score_after'])}).")
    mine = [d for d in developers if d["focus"] and d["previous_edition"]] or \
           [d for d in developers if d["change"] is not None]
    if mine:
        d = max(mine, key=lambda d: (d["change"] is not None, abs(d["change"] or 0)))
        found.append(_transparency(d))
    if summary and summary["derived"]:
        found.append(f"{summary['derived']} of the scores shown are derived from outside frameworks, not assessed by "
                     "the house; each is labelled with its framework.")
    return found


def _moves(changes: list[dict]) -> list[str]:
    """The quarter's openness changes, the largest named, apart from the scores whose basis changed
    (another source, components assessed anew): those are said, never ranked or counted as moves."""
    found = []
    moved = [c for c in changes if c["kind"] == "openness"]
    rebased = [c for c in changes if c["kind"] in ("source", "coverage")]
    if moved:
        c = max([c for c in moved if c["focus"]] or moved, key=lambda c: abs(c["change"]))
        parts = "; ".join(f"{m['component'].lower()} {m['before']} → {m['after']}" for m in c["moved"])
        found.append(f"{plural(len(moved), 'model')} changed openness this quarter, each on the components both "
                     f"scores rest on; the largest move: {c['display_name']}, {c['change']:+.1f} points ({parts}; "
                     f"{c['basis']}).")
    if rebased:
        named = "; ".join(f"{c['display_name']} {_basis(c)}" for c in rebased[:3])
        more = f"; and {len(rebased) - 3} more" if len(rebased) > 3 else ""
        opening = "" if moved else "No model's openness changed like for like this quarter; "
        found.append(f"{opening}{plural(len(rebased), 'score')} changed basis, not openness, and "
                     f"{'is' if len(rebased) == 1 else 'are'} not counted as moves: {named}{more}.")
    return found


def _basis(c: dict) -> str:
    """What a change of basis was, for a sentence: the source's own words, or the components assessed anew."""
    if c["kind"] == "source":
        return c["basis"]
    return f"{number(c['score_before'])} → {number(c['score_after'])}, {c['derived_from']}: {_rebased(c)}"


def _rebased(c: dict) -> str:
    """The components a score rests on differently from three months before, and how."""
    def one(m: dict) -> str:
        if m["before"] is None:
            return f"{m['component'].lower()} newly assessed ({m['after']})"
        if m["after"] is None:
            return f"{m['component'].lower()} no longer assessed (was {m['before']})"
        return f"{m['component'].lower()} {m['before']} → {m['after']} on other criteria"
    return ", ".join(one(m) for m in c["rebased"])


def _what(c: dict) -> str:
    """A change's row on the page and the deck: what moved, or what changed instead of openness."""
    if c["kind"] == "new":
        return "first scored"
    if c["kind"] == "source":
        return f"change of source, not of openness: {c['basis']}"
    if c["kind"] == "coverage":
        return f"change of coverage, not of openness: {_rebased(c)}"
    moved = "; ".join(f"{m['component']} {m['before']} → {m['after']}" for m in c["moved"])
    return moved + (f" (on the {c['shared_components']} components assessed the same way both times; apart: "
                    f"{_rebased(c)})" if c["rebased"] else "")


def _transparency(d: dict) -> str:
    """A developer's FMTI change since its previous edition, on the indicators both share, or why
    there is none: never one total less the other."""
    opening = f"Developer transparency: {d['developer']} scores {d['total']:.0f} of 100 in the Foundation Model " \
              f"Transparency Index's {d['edition']} edition"
    if d["change"] is None:
        return f"{opening}; no change since {d['previous_edition']} is shown: the {d['edition']} edition shares " \
               f"{d['shared_indicators']} of its {d['indicators']} indicators with it, too few to compare."
    moved = "did not move" if round(d["change"]) == 0 else \
        f"{'rose' if d['change'] > 0 else 'fell'} {abs(d['change']):.0f} points"
    return f"{opening}; since {d['previous_edition']}, {d['change_basis']}, its score {moved} " \
           f"({d['previous_shared_score']:.0f} to {d['shared_score']:.0f} of 100)."


def data_pack(ctx: OpennessIndex) -> list[Table]:
    """The data pack's tables: every scored model, component by component, which the PDF leaves to it, and
    the counts the findings give."""
    components = tuple(Column(c["component"], c["name"], "0 to 3") for c in ctx.components)
    return [
        Table("Every scored model", f"Every model with an Openness Index score on {ctx.meta.as_of:%d %b %Y}, its "
              "components, where the score came from, and why a model not in the report's default set is left out.", (
                  Column("label", "Model"), Column("model", "Model id"), Column("score", "Score", "points of 100"),
                  *components, Column("licence", "Weights licence"), Column("derived_from", "Source of the score"),
                  Column("shown", "In the default set"),
                  Column("place", "Place in the default set", "1 is the most open; one score, one place"),
                  Column("why", "Why not in the default set")),
              ctx.rows),
        Table("Counts", f"How many models on {ctx.meta.as_of:%d %b %Y} have a score, are in the default set (the "
              "language models a buyer would consider), and, of those, release their weights or share their "
              "training data in full.", (
                  Column("models_scored", "Models scored", "models"),
                  Column("models_shown", "In the default set", "models"),
                  Column("open_weights", "Of those, weights released", "models"),
                  Column("open_data", "Of those, training data shared in full", "models"),
                  Column("derived", "Of those, scored from another framework", "models")),
              [ctx.summary] if ctx.summary else []),
        *yours.your_models_tables(ctx.your_models, ctx.index, ctx.meta.as_of),
        *coverage(ctx.appendix),
    ]
