"""The private benchmark: a client's own tasks run on candidate models, and which model to use for its
workload at what cost. Gathers from the private views through a tenant handle (reports/handle.py);
draws nothing. Not a subscriber report: no subscriber file can name it and no quarterly run
renders it (reports/delivery/private.py builds it with this package's figures and slides, `benchhouse
private report` asks for it)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reports.client import Client
from reports.common.answer import MARKET, RETIREMENT, WORKLOAD, Answer, ranked
from reports.common.context import Appendix, Meta, index_version, label, shared
from reports.common.datapack import Column, Table
from reports.tenant_handle import TenantHandle
from reports.formatting import money, number
from warehouse.errors import BenchhouseError, UnknownName, did_you_mean

NAME = "private-benchmark"
TITLE = "Private benchmark"
TEMPLATE = "private_benchmark.html"


@dataclass(frozen=True)
class PrivateBenchmark:
    meta: Meta
    appendix: Appendix
    index: dict
    tenant: str
    tenant_snapshot: int
    evaluations: list[dict]
    """Per chosen evaluation: its sample, its candidates (best rank first), the Pareto set, the
    candidates tied at rank 1, the cheapest of them, the comparison with the public index, and the
    failure examples (empty unless the client file allows them)."""
    monthly: list[dict]
    """Per candidate, cheapest first: the monthly cost of the whole workload, its split by token type,
    and `by_use_case`, each use case's row of private_workload_cost."""
    use_cases: list[dict]
    """The client's workload, one row per use case, as stated (the first candidate's row of each)."""
    data: list[dict]
    failure_examples: bool
    findings: list[str]
    answers: list[Answer]
    """The answer page (reports/common/answer.py)."""

    @property
    def lifecycle_known(self) -> bool:
        return any(c["lifecycle"] != "unknown" for e in self.evaluations for c in e["candidates"])


def chosen(handle: TenantHandle, client: Client, asked: list[str] | None) -> list[str]:
    """The evaluations to report: those asked on the command line, else the client file's, else
    every client evaluation with runs. A name the tenant does not have is refused."""
    known = {r["evaluation"]: r["name"] for r in handle.rows("private_evaluations")}
    if not known:
        raise BenchhouseError(f"tenant '{handle.tenant.id}' has no runs yet: load its evaluations and runs with "
                              f"`benchhouse private ingest --tenant {handle.tenant.id} evaluations|runs PATH`")
    wanted = list(dict.fromkeys(asked or client.evaluations or known))
    for name in wanted:
        if name not in known:
            listed = ", ".join(known) or "none yet"
            raise UnknownName(f"evaluation {name!r} has no runs for tenant '{handle.tenant.id}'."
                              f"{did_you_mean(name, known)} Its evaluations with runs: {listed}.")
    return wanted


def gather(handle: TenantHandle, client: Client, asked: list[str] | None = None) -> PrivateBenchmark:
    """Everything the deliverable shows, from the private views at the handle's two snapshots."""
    wanted = chosen(handle, client, asked)
    index = index_version(handle, client.index_version)
    common = shared(handle, index)
    rows = [{**r, "label": label(r)} for r in handle.rows("private_candidates", evaluations=wanted)]
    compared = [{**r, "label": label(r)} for r in handle.rows("private_vs_public", evaluations=wanted,
                                                                  version=index["version"])]
    failures = handle.rows("private_failures", evaluations=wanted) if client.failure_examples else []
    samples = {s["evaluation"]: s for s in handle.rows("private_samples", evaluations=wanted)}
    evaluations = []
    for name in wanted:
        candidates = [r for r in rows if r["evaluation"] == name]
        best = [c for c in candidates if c["rank"] == 1]
        evaluations.append({
            "evaluation": name, "name": candidates[0]["evaluation_name"], "sample": samples[name],
            "kind": candidates[0]["evaluation_kind"], "candidates": candidates,
            "pareto": sorted((c for c in candidates if c["on_pareto"]), key=lambda c: c["choice_cost"]),
            "tied_first": best, "choice": next((c for c in candidates if c["cheapest_of_the_best"]), None),
            "compared": [r for r in compared if r["evaluation"] == name],
            "failures": _failures(failures, candidates, name, client.failures_shown),
        })
    per_use_case = handle.rows("private_workload")
    monthly = [{**m, "label": label(m), "by_use_case": {u["use_case"]: u for u in per_use_case
                                                      if (u["model"], u["effort"]) == (m["model"], m["effort"])}}
               for m in handle.rows("private_monthly")]
    first: dict[str, dict] = {}
    for u in per_use_case:
        first.setdefault(u["use_case"], u)
    use_cases = list(first.values())
    data = handle.rows("private_data")
    generated = sum(d["generated_rows"] for d in data)
    appendix = common["appendix"]
    loaded = ", ".join(f"{d['rows_loaded']:,} rows of {d['kind']}" for d in data)
    notes = [f"Your data: {loaded}, read at snapshot {handle.tenant_snapshot} of your own catalog, which no other "
             "client's report or query can read."]
    if generated:
        notes.append(f"{generated:,} of your task results were generated for a demonstration, not measured.")
    appendix = replace(appendix, generated=appendix.generated or generated > 0,
                       generated_rows=appendix.generated_rows + generated, notes=notes)
    window = handle.window
    meta = Meta(report=NAME, title=TITLE, subtitle=f"Candidate models on your own tasks, {window.label}",
                company=client.company, subscriber_id=client.id, period=str(window.period),
                period_label=window.label, as_of=window.as_of, previous_as_of=window.previous_as_of,
                snapshot=window.snapshot, committed_at=common["committed_at"], brand=client.brand,
                confidentiality=client.confidentiality)
    return PrivateBenchmark(
        meta=meta, appendix=appendix, index=index, tenant=handle.tenant.id, tenant_snapshot=handle.tenant_snapshot,
        evaluations=evaluations, monthly=monthly, use_cases=use_cases, data=data,
        failure_examples=client.failure_examples,
        findings=_findings(evaluations, monthly, index, window.as_of),
        answers=ranked(_answers(evaluations, monthly)),
    )


def _failures(failures: list[dict], candidates: list[dict], evaluation: str, shown: int) -> list[dict]:
    """Per candidate, the first `shown` questions it never solved (those others solved first)."""
    found = []
    for c in candidates:
        mine = [f for f in failures if f["evaluation"] == evaluation and (f["model"], f["effort"]) == (c["model"], c["effort"])]
        if mine:
            found.append({"label": c["label"], "count": len(mine), "examples": mine[:shown]})
    return found


def _answers(evaluations: list[dict], monthly: list[dict]) -> list[Answer]:
    """Per evaluation, the candidate to choose (the cheapest of those ranked 1), what it costs, and its
    deprecation when its creator has announced one (ranked first: it forces a second choice); then the
    range of the workload's monthly cost."""
    found = []
    for e in evaluations:
        choice = e["choice"]
        if choice is None:
            continue
        others = [c["label"] for c in e["tied_first"] if c is not choice]
        where = (f"shares rank 1 with {_listed(others)} ({number(choice['score'])}, 95% interval "
                 f"{number(choice['ci_low'])}–{number(choice['ci_high'])}) and is the cheapest of them" if others else
                 f"ranks 1 alone ({number(choice['score'])}, 95% interval {number(choice['ci_low'])}–"
                 f"{number(choice['ci_high'])})")
        cost = (f"{money(choice['usd_per_month'])} a month for your workload" if choice["usd_per_month"] is not None
                else f"{money(choice['cost_per_task'])} a task")
        ending = (f"; it is {choice['lifecycle']} by its creator: plan for its replacement"
                  if choice["lifecycle"] in ("deprecated", "retired") else "")
        found.append(Answer(f"On {e['name']}, {choice['label']} {where}, at {cost}{ending}.",
                            RETIREMENT if ending else WORKLOAD, 1, f"eval-{e['evaluation']}",
                            f"{e['name']}: score, cost, lifecycle"))
    priced = [m for m in monthly if m["usd_per_month"] is not None]
    if len(priced) > 1:
        cheap, dear = priced[0], priced[-1]
        stated = (f"; at the tokens you stated, {money(cheap['stated_usd_per_month'])} and "
                  f"{money(dear['stated_usd_per_month'])}" if cheap["measured"] or dear["measured"] else "")
        found.append(Answer(f"Your workload costs from {money(cheap['usd_per_month'])} a month on {cheap['label']} to "
                            f"{money(dear['usd_per_month'])} on {dear['label']}{stated}.",
                            MARKET, 0, "monthly", "Monthly cost by use case"))
    return found


def _findings(evaluations: list[dict], monthly: list[dict], index: dict, as_of) -> list[str]:
    """The report's first page, in sentences; every number comes from the rows gathered."""
    found = []
    for e in evaluations:
        s, best, choice = e["sample"], e["tied_first"], e["choice"]
        names = _listed([c["label"] + (" (retired by its creator)" if c["lifecycle"] == "retired" else "") for c in best])
        lead = (f"On {e['name']} ({s['questions_max']} questions, {s['repeats_min']} repeats each), "
                + (f"{names} share the top rank: their 95% intervals overlap." if len(best) > 1
                   else f"{names} leads alone ({number(best[0]['score'])}, 95% interval "
                        f"{number(best[0]['ci_low'])} to {number(best[0]['ci_high'])})."))
        if choice is not None:
            lead += (f" The cheapest of them is {choice['label']}, at {money(choice['choice_cost'])}"
                     + (" a month for your workload." if choice["choice_basis"].startswith("projected") else " per task."))
        found.append(lead)
        if e["pareto"]:
            found.append(f"The best trade-offs between quality on {e['name']} and cost (no candidate is both better and "
                         f"cheaper): {_listed([c['label'] for c in e['pareto']])}.")
        reversed_ = [r for r in e["compared"] if r["above_here_below_there"]]
        for r in reversed_[:2]:
            beaten = r["above_here_below_there"].split(", ")
            found.append(f"Your ranking and {index['name']} disagree on {e['name']}: {r['label']} beats "
                         f"{_listed(beaten)} on your tasks, while the public index puts "
                         f"{'it' if len(beaten) == 1 else 'them'} above it; both sets of intervals say so.")
        if not reversed_ and len(e["compared"]) > 1:
            found.append(f"On {e['name']}, no candidate's order against another is reversed from {index['name']} with "
                         "both sets of intervals agreeing; where ranks differ, one benchmark only tells them apart "
                         "more finely.")
        found.append(f"With {s['questions_max']} questions, differences under about {number(s['resolvable_points'], 0)} "
                     f"points on {e['name']} cannot be told apart; the median interval is ±{number(s['median_half_width'])}.")
    priced = [m for m in monthly if m["usd_per_month"] is not None]
    if len(priced) > 1:
        cheap, dear = priced[0], priced[-1]
        found.append(f"Your workload would cost from {money(cheap['usd_per_month'])} a month on {cheap['label']} to "
                     f"{money(dear['usd_per_month'])} on {dear['label']}, at {as_of:%d %B %Y} prices.")
    at_risk = sorted({c["label"] for e in evaluations for c in e["candidates"] if c["lifecycle"] in ("deprecated", "retired")})
    if at_risk:
        found.append(f"Deprecated or retired as of {as_of:%d %B %Y}: {_listed(at_risk)}; plan for a replacement.")
    return found


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def data_pack(ctx: PrivateBenchmark) -> list[Table]:
    """The data pack's tables: every candidate on each chosen evaluation, the workload as the client
    stated it, and each candidate's month of it."""
    return [
        Table("Candidates", f"Every candidate on each of the client's evaluations chosen, at snapshot "
              f"{ctx.meta.snapshot} of the warehouse and {ctx.tenant_snapshot} of the client's catalog, best rank first.", (
                  Column("evaluation_name", "Evaluation"), Column("label", "Model"), Column("model", "Model id"),
                  Column("effort", "Effort"), Column("rank", "Rank", "1 is first; candidates that cannot be told apart share one"),
                  Column("score", "Score", "points of 100", generated=True),
                  Column("ci_low", "95% interval, low", "points of 100", generated=True),
                  Column("ci_high", "95% interval, high", "points of 100", generated=True),
                  Column("pass_hat_k", "pass^k", "percent", generated=True), Column("k", "k", "repeats"),
                  Column("tokens_per_task", "Tokens per task", "tokens", generated=True),
                  Column("turns_per_task", "Turns per task", "turns", generated=True),
                  Column("cost_per_task", "Cost per task", "USD", generated=True),
                  Column("cost_per_solved_task", "Cost per solved task", "USD", generated=True),
                  Column("on_pareto", "On the Pareto set"), Column("lifecycle", "Lifecycle")),
              [{**c, "evaluation_name": e["name"]} for e in ctx.evaluations for c in e["candidates"]]),
        Table("Workload", "The client's workload, one row per use case, as its file states it.", (
                  Column("use_case", "Use case"), Column("evaluation", "Evaluation"), Column("description", "Description"),
                  Column("requests_per_month", "Requests a month", "requests"),
                  Column("input_tokens", "Input tokens a request", "tokens"),
                  Column("cached_input_tokens", "Cached input tokens a request", "tokens"),
                  Column("cache_write_tokens", "Cache-write tokens a request", "tokens"),
                  Column("reasoning_tokens", "Reasoning tokens a request", "tokens"),
                  Column("answer_tokens", "Answer tokens a request", "tokens")),
              ctx.use_cases),
        Table("Monthly cost", "Each candidate's month of the whole workload at its list prices of the as-of date, "
              "cheapest first.", (Column("label", "Model"), Column("model", "Model id"), Column("effort", "Effort"),
                                 Column("usd_per_month", "A month", "USD")),
              ctx.monthly),
    ]
