"""The answer page after each cover: at most five sentences a subscriber can act on, ranked by what
they change for this subscriber, each from a row the report prints in a table or chart, and each
pointing to the page (PDF) or slide (deck) where that row is. Gathers nothing and draws nothing: each
report's `answers(...)` builds its own from the rows of its context; the templates and decks lay
them out (templates/macros.html: answer; reports/rendering/deck.py: Deck.answer)."""

from __future__ import annotations

from dataclasses import dataclass

from reports.common.context import label
from reports.formatting import money

ANSWERS_SHOWN = 5

# What an answer changes for the subscriber, most first: a date that forces a move, then money at
# their own workload, then a substitute that fits (money on the index's own tasks), then where a model
# of theirs stands, then a leader that changed, then what the report measures for every subscriber alike.
RETIREMENT, WORKLOAD, SUBSTITUTE, STANDING, LEADER, MARKET = range(6)


@dataclass(frozen=True)
class Answer:
    sentence: str
    kind: int
    """RETIREMENT, WORKLOAD, SUBSTITUTE, STANDING, LEADER or MARKET: the first sort key."""
    weight: float
    """Within a kind, larger first (a saving in dollars, a share): the second sort key."""
    section: str
    """The id of the PDF section whose table or chart holds the sentence's numbers."""
    slide: str
    """The title of the deck slide whose table or chart holds them."""


NOTHING = Answer("Nothing in this report calls for a decision of yours this quarter: it has no row on a focus model "
                 "of yours to act on (name them in your subscriber file, focus_models); the findings give the market.",
                 MARKET, 0, "findings", "Findings")


def ranked(answers: list[Answer]) -> list[Answer]:
    """The first ANSWERS_SHOWN, by what they change for the subscriber (a stable sort: a report's own
    order among equals); never an empty page: NOTHING says why there is no answer."""
    return sorted(answers, key=lambda a: (a.kind, -a.weight))[:ANSWERS_SHOWN] or [NOTHING]


def retirements(entries: list[dict]) -> list[Answer]:
    """A focus model's coming shutdown, for a report whose other answers are its own (openness, deployment)."""
    return [a for a in yours(entries, []) if a.kind == RETIREMENT]


def yours(entries: list[dict], workload: list[dict], your_section: str = "yours",
          your_slide: str = "Your models", workload_section: str = "yours",
          workload_slide: str = "Your workload") -> list[Answer]:
    """What the subscriber's own models call for (reports/common/focus.py: tailor, workload_rows): a
    retirement to plan for, then the cheaper model that scores higher or cannot be told apart, at
    their workload when the file gives one, otherwise on the index's tasks."""
    found = []
    for entry in entries:
        r = entry["retiring"]
        if r:
            instead = f"; its creator names {r['replacement']} instead" if r["replacement"] else ""
            found.append(Answer(f"Plan the move off {entry['name']}: its creator shuts it down on "
                                f"{r['shutdown_on']:%d %b %Y}{instead}.", RETIREMENT, -r["shutdown_on"].toordinal(),
                                your_section, your_slide))
    own = {row["focus"]: row for row in workload if row["role"] == "your focus model"}
    for row in workload:
        saving = row.get("saving_usd_per_month")
        if not row["against"] or saving is None or saving <= 0:
            continue
        mine = own[row["focus"]]
        said = "scores higher than" if row["apart"] else "cannot be told apart from"
        found.append(Answer(f"Your workload on {row['label']} instead of {mine['label']}: "
                            f"{money(row['your_usd_per_month'])} a month instead of {money(mine['your_usd_per_month'])}, "
                            f"{money(saving)} less, and it {said} {mine['label']} on the index "
                            f"(at {row['output_tokens']:,.0f} output tokens a request for your "
                            f"{mine['output_tokens']:,.0f}, as on the index).", WORKLOAD, saving,
                            workload_section, workload_slide))
    if not workload:
        for entry in entries:
            best = entry["variants"][0] if entry["variants"] else None
            if not best or not best["alternative_name"]:
                continue
            alternative = label({"display_name": best["alternative_name"], "effort": best["alternative_effort"]})
            said = "scores higher than" if best["alternative_ci_low"] > best["ci_high"] else "cannot be told apart from"
            found.append(Answer(f"{alternative} {said} {best['label']} on the index and costs "
                                f"{100 * best['saving_share']:.0f}% less to run it: {money(best['alternative_usd'])} "
                                f"against {money(best['total_usd'])}.",
                                SUBSTITUTE, best["saving_share"], your_section, your_slide))
    return found
