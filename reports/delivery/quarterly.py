"""The quarterly run: every entitled report, in every entitled format, for every active subscriber,
from one pinned warehouse snapshot, into out/<period>/<delivery>/.

plan ──▶ gather once per report and index version (the parent reads the warehouse)
     ──▶ render per subscriber and report, in a pool of worker processes or on a Dask cluster
     ──▶ each file written to a temporary name and renamed; each subscriber's manifest updated as
         its files land; the run's manifest last.

A deliverable whose inputs (snapshot, index version, subscriber file and logo, templates, code)
are those recorded in its subscriber's manifest, and whose file is intact, is not rendered again.
The first run of a quarter pins the snapshot in the run's manifest; later runs of that quarter
read the same snapshot unless told otherwise, so the quarter's numbers never change under it.
"""

from __future__ import annotations

import json
import resource
from collections.abc import Callable
from concurrent.futures import as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reports.context import index_version
from reports.delivery import build, executors, manifests, subscribers
from reports.handle import ReadHandle, check_period, window as open_window
from reports.subscriber import Subscriber
from reports.window import Period, Window
from warehouse.connection import Location
from warehouse.errors import BenchhouseError, did_you_mean


@dataclass(frozen=True)
class Deliverable:
    subscriber: str
    report: str
    format: str
    path: Path
    key: str
    index_version: str


@dataclass
class Plan:
    window: Window
    out: Path
    snapshot_reason: str
    pending: list[Deliverable] = field(default_factory=list)
    current: list[Deliverable] = field(default_factory=list)
    reasons: dict[Path, str] = field(default_factory=dict)
    subscribers: dict[str, Subscriber] = field(default_factory=dict)
    inputs: dict[str, str] = field(default_factory=dict)  # subscriber id -> hash of its file and logo

    @property
    def snapshot(self) -> int:
        return self.window.snapshot


@dataclass
class Outcome:
    rendered: list[dict] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)
    peak_rss_mb: float = 0.0


def plan(location: Location, period: Period, out_root: Path, only: list[str] | None = None,
         snapshot: int | None = None, force: bool = False, folder: Path | None = None,
         dry_run: bool = False) -> Plan:
    """Validate every subscriber file, pin the window's snapshot, and decide what to render and why.
    A dry run writes nothing, not even the refreshed views a first run pins."""
    folder = folder or subscribers.folder()
    everyone = {s.id: s for s in subscribers.load_all(folder)}
    for wanted in only or []:
        if wanted not in everyone:
            raise BenchhouseError(f"--subscriber {wanted}: no subscribers/{wanted}.yaml." + did_you_mean(wanted, everyone))
    chosen = [everyone[s] for s in only] if only else [s for s in everyone.values() if s.active]
    out = out_root / str(period)
    run_manifest = manifests.read(out / "manifest.json")
    if snapshot is not None:
        why = f"snapshot {snapshot}, as asked"
    elif run_manifest.get("snapshot") is not None:
        snapshot = run_manifest["snapshot"]
        why = f"snapshot {snapshot}, pinned by this quarter's first run (pass --snapshot to choose another)"
    else:
        from warehouse.ingest import init

        if not dry_run:
            init(location)  # the views as this code defines them, in the snapshot pinned
        snapshot = open_window(location, period).snapshot
        why = f"snapshot {snapshot}, the latest: this quarter's first run"
    window = Window.of(period, snapshot)
    with ReadHandle(location, window) as handle:
        check_period(handle)
        models = handle.models()
        versions = {}
        for subscriber in chosen:
            subscribers.check_models(subscriber, models, folder / f"{subscriber.id}.yaml")
            versions[subscriber.id] = index_version(handle, subscriber.index_version)["version"]
    code = manifests.code_version()
    result = Plan(window, out, why, subscribers={s.id: s for s in chosen})
    for subscriber in chosen:
        recorded = manifests.read(out / subscriber.delivery / "manifest.json").get("deliverables", {})
        inputs = result.inputs[subscriber.id] = manifests.subscriber_sha256(subscriber, folder / f"{subscriber.id}.yaml")
        for report in subscriber.reports:
            for fmt in subscriber.formats:
                name = f"{build.file_stem(report, subscriber, window)}.{fmt}"
                key = manifests.sha256(json.dumps([snapshot, versions[subscriber.id], inputs, code["code_sha256"],
                                                   code["templates_sha256"], report, fmt, str(period)]).encode())
                item = Deliverable(subscriber.id, report, fmt, out / subscriber.delivery / name, key,
                                   versions[subscriber.id])
                reason = _why_render(item, recorded.get(name), force)
                if reason:
                    result.pending.append(item)
                    result.reasons[item.path] = reason
                else:
                    result.current.append(item)
    return result


def _why_render(item: Deliverable, recorded: dict | None, force: bool) -> str | None:
    if force:
        return "--force"
    if recorded is None or not item.path.exists():
        return "not rendered yet"
    if recorded.get("key") != item.key:
        return "its inputs changed (snapshot, index version, subscriber file, templates or code)"
    if manifests.sha256(item.path.read_bytes()) != recorded["sha256"]:
        return "the file differs from its manifest"
    return None


def run(location: Location, plan_: Plan, workers: int = 2, executor: str = "local",
        progress: Callable[[dict], None] = lambda done: None) -> Outcome:
    """Render what the plan says is pending; write manifests as files land."""
    outcome = Outcome()
    for folder in {d.path.parent for d in plan_.pending}:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(".*.tmp"):  # left by a run that was killed
            stale.unlink()
    tasks = _tasks(location, plan_)
    code = manifests.code_version()
    size = executors.batch_size(executor, workers, len(tasks))
    for start in range(0, len(tasks), size):
        with executors.executor(executor, workers) as pool:
            futures = {pool.submit(render_task, task): task for task in tasks[start:start + size]}
            for future in as_completed(futures):
                _collect(plan_, futures[future], future, outcome, code, progress)
    _write_run_manifest(plan_, outcome, code)
    return outcome


def _collect(plan_: Plan, task: dict, future, outcome: Outcome, code: dict, progress) -> None:
    """Record a finished task's files in the subscriber's manifest, or its failure."""
    try:
        files, rss = future.result()
    except Exception as exc:  # a failed deliverable must not stop the others
        for item in task["items"]:
            outcome.failed.append((item.subscriber, item.report, f"{type(exc).__name__}: {exc}"))
        return
    outcome.peak_rss_mb = max(outcome.peak_rss_mb, rss)
    for item in task["items"]:
        record = {"file": item.path.name, "report": item.report, "format": item.format,
                  "sha256": manifests.sha256(item.path.read_bytes()), "key": item.key, **files[item.format]}
        _record(plan_, item, record, code)
        outcome.rendered.append({"subscriber": item.subscriber, **record})
        progress(record)


def _tasks(location: Location, plan_: Plan) -> list[dict]:
    """One task per subscriber and report; what all subscribers share is gathered here, once."""
    groups: dict[tuple[str, str], list[Deliverable]] = {}
    for item in plan_.pending:
        groups.setdefault((item.subscriber, item.report), []).append(item)
    gathered: dict[tuple[str, str], dict] = {}
    with ReadHandle(location, plan_.window) as handle:
        for (subscriber_id, report), items in groups.items():
            version = items[0].index_version
            if (report, version) not in gathered:
                gathered[report, version] = build.gather(handle, report, version)
    return [{"report": report, "subscriber": plan_.subscribers[subscriber_id],
             "gathered": gathered[report, items[0].index_version], "items": items,
             "formats": tuple(i.format for i in items), "out": items[0].path.parent}
            for (subscriber_id, report), items in groups.items()]


def render_task(task: dict) -> tuple[dict, float]:
    """In a worker: tailor and render one report for one subscriber. Returns each format's page
    or slide count and this process's peak memory (MB)."""
    results = build.render(task["report"], task["gathered"], task["subscriber"], task["formats"], task["out"])
    counts = {r.format: ({"pages": r.pages} if r.format == "pdf" else {"slides": r.pages}) for r in results}
    return counts, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _record(plan_: Plan, item: Deliverable, record: dict, code: dict) -> None:
    subscriber = plan_.subscribers[item.subscriber]
    path = item.path.parent / "manifest.json"
    manifest = manifests.read(path)
    manifest.update({
        "subscriber": subscriber.id, "company": subscriber.company, "period": str(plan_.window.period),
        "snapshot": plan_.snapshot, "as_of": str(plan_.window.as_of), "index_version": item.index_version, **code,
        "subscriber_sha256": plan_.inputs[subscriber.id],
    })
    manifest.setdefault("deliverables", {})[record["file"]] = record
    manifests.write(path, manifest)


def _write_run_manifest(plan_: Plan, outcome: Outcome, code: dict) -> None:
    plan_.out.mkdir(parents=True, exist_ok=True)
    deliverables = {}
    for item in plan_.pending + plan_.current:
        recorded = manifests.read(item.path.parent / "manifest.json").get("deliverables", {}).get(item.path.name)
        deliverables[str(item.path.relative_to(plan_.out))] = recorded
    manifests.write(plan_.out / "manifest.json", {
        "period": str(plan_.window.period), "snapshot": plan_.snapshot, "as_of": str(plan_.window.as_of), **code,
        "index_versions": sorted({i.index_version for i in plan_.pending + plan_.current}),
        "subscribers": sorted(plan_.subscribers), "deliverables": deliverables,
        "failed": [list(f) for f in outcome.failed],
    })


def missing(plan_: Plan) -> list[Path]:
    """Deliverables of the plan that do not exist (after a run, there should be none)."""
    return [item.path for item in plan_.pending + plan_.current if not item.path.exists()]


def plan_rows(plan_: Plan) -> list[dict]:
    rows = [{**asdict(i), "path": str(i.path), "status": "render", "why": plan_.reasons[i.path]}
            for i in plan_.pending]
    rows += [{**asdict(i), "path": str(i.path), "status": "up to date", "why": "inputs unchanged"}
             for i in plan_.current]
    return rows
