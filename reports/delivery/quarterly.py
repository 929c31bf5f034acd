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

Nothing one subscriber brings can stop the others: a subscriber file that does not validate is
refused alone, and each render runs within its limits (reports/delivery/limits.py); a render that
fails, or kills its worker, fails its own deliverables. The run goes on and lists every failure
in its manifest's `failed`.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reports.common.context import index_version
from reports.delivery import build, executors, manifests, subscribers
from reports.delivery.limits import Limits
from reports.delivery.worker import Task, render_task
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
    logos: dict[str, str] = field(default_factory=dict)  # subscriber id -> hash of its logo, checked before a render
    failed: list[tuple[str, None, str]] = field(default_factory=list)  # subscribers refused: (id, None, why)

    @property
    def snapshot(self) -> int:
        return self.window.snapshot


@dataclass
class Outcome:
    rendered: list[dict] = field(default_factory=list)
    failed: list[tuple[str, str | None, str]] = field(default_factory=list)  # (subscriber, report or None, why)
    peak_rss_mb: float = 0.0


def plan(location: Location, period: Period, out_root: Path, only: list[str] | None = None,
         snapshot: int | None = None, force: bool = False, folder: Path | None = None) -> Plan:
    """Read every subscriber file, pin the window's snapshot, and decide what to render and why. A
    subscriber whose file does not validate, whose delivery folder another has or whose focus models
    are not in the warehouse is refused alone (Plan.failed); an unknown --subscriber stops at once.
    A plan never writes to the warehouse: one whose views are older than this code is refused
    (`benchhouse init` brings it up to date)."""
    folder = folder or subscribers.folder()
    chosen, logos, refused = _choose(folder, only)
    out = out_root / str(period)
    window, why = _pin(location, period, out, snapshot)
    versions = _index_versions(location, window, chosen, folder, refused)
    result = Plan(window, out, why, logos=logos, failed=[(s, None, f"nothing rendered for {s}: {problem}")
                                                         for s, problem in refused])
    code = manifests.code_version()
    for subscriber in chosen:
        if subscriber.id not in versions:
            continue
        try:
            recorded = manifests.read(out / subscriber.delivery / "manifest.json").get("deliverables", {})
            inputs = manifests.subscriber_sha256(subscriber)
        except (BenchhouseError, OSError) as exc:
            result.failed.append((subscriber.id, None, f"nothing rendered for {subscriber.id}: {exc}"))
            continue
        result.subscribers[subscriber.id], result.inputs[subscriber.id] = subscriber, inputs
        for report in subscriber.reports:
            for fmt in subscriber.formats + build.DATA_PACK:
                name = build.file_name(build.file_stem(report, subscriber, window), fmt)
                key = manifests.sha256(json.dumps([window.snapshot, versions[subscriber.id], inputs, code["code_sha256"],
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


def _choose(folder: Path, only: list[str] | None) -> tuple[list[Subscriber], dict[str, str], list[tuple[str, str]]]:
    """The subscribers to render (`only` these, else every active one) with the hash of each one's
    logo, of the bytes that were validated; and (id, why) for each refused."""
    valid, problems = subscribers.read_folder(folder)
    everyone = {s.id: s for s in valid}
    named = set(everyone) | {path.stem for path, _ in problems}
    for wanted in only or []:
        if wanted not in named:
            raise BenchhouseError(f"--subscriber {wanted}: no subscribers/{wanted}.yaml." + did_you_mean(wanted, named))
    chosen = [everyone[s] for s in dict.fromkeys(only) if s in everyone] if only else [s for s in valid if s.active]
    refused = [(path.stem, problem) for path, problem in problems if not only or path.stem in only]
    return chosen, {s.id: manifests.sha256(s._logo_bytes) for s in chosen}, refused


def _pin(location: Location, period: Period, out: Path, snapshot: int | None) -> tuple[Window, str]:
    """The snapshot this run reads, and why: as asked, else the one the quarter's first run pinned,
    else the latest."""
    run_manifest = manifests.read(out / "manifest.json")
    if snapshot is not None:
        why = f"snapshot {snapshot}, as asked"
    elif run_manifest.get("snapshot") is not None:
        snapshot = run_manifest["snapshot"]
        why = f"snapshot {snapshot}, pinned by this quarter's first run (pass --snapshot to choose another)"
    else:
        snapshot = open_window(location, period).snapshot  # refuses views older than this code; never a write
        why = f"snapshot {snapshot}, the latest: this quarter's first run"
    return Window.of(period, snapshot), why


def _index_versions(location: Location, window: Window, chosen: list[Subscriber], folder: Path,
                    refused: list[tuple[str, str]]) -> dict[str, str]:
    """The index version each subscriber reads; a subscriber whose focus models or pinned version the
    warehouse lacks is refused."""
    versions = {}
    with ReadHandle(location, window) as handle:
        check_period(handle)
        models = handle.models()
        for subscriber in chosen:
            try:
                subscribers.check_models(subscriber, models, folder / f"{subscriber.id}.yaml")
                versions[subscriber.id] = index_version(handle, subscriber.index_version)["version"]
            except BenchhouseError as exc:
                refused.append((subscriber.id, str(exc)))
    return versions


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
        progress: Callable[[dict], None] = lambda done: None, limits: Limits = Limits()) -> Outcome:
    """Render what the plan says is pending, each render within `limits` (a render that fails, or
    kills its worker, fails its own deliverables); write manifests as files land."""
    outcome = Outcome(failed=list(plan_.failed))
    folders = {d.path.parent for d in plan_.pending}
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    _sweep(folders)  # left by a run that was killed
    items = _tasks(location, plan_, outcome)
    code = manifests.code_version()
    for task, result, failed in executors.render_each(render_task, list(items), executor, workers, limits):
        if failed:
            outcome.failed.append((task.subscriber.id, task.report, failed))
        else:
            _collect(plan_, items[task], result, outcome, code, progress)
    _sweep(folders)  # left by a render killed at its limits
    _write_run_manifest(plan_, outcome, code)
    return outcome


def _sweep(folders: set[Path]) -> None:
    """Remove the temporary files and folders (.*.tmp) a killed process left in the delivery folders."""
    for folder in folders:
        for stale in folder.glob(".*.tmp"):
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()


def _collect(plan_: Plan, items: list[Deliverable], result: tuple[dict, float], outcome: Outcome, code: dict,
             progress) -> None:
    """Record a finished task's files in the subscriber's manifest."""
    files, rss = result
    outcome.peak_rss_mb = max(outcome.peak_rss_mb, rss)
    for item in items:
        record = {"file": item.path.name, "report": item.report, "format": item.format,
                  "sha256": manifests.sha256(item.path.read_bytes()), "key": item.key, **files[item.format]}
        _record(plan_, item, record, code)
        outcome.rendered.append({"subscriber": item.subscriber, **record})
        progress(record)


def _tasks(location: Location, plan_: Plan, outcome: Outcome) -> dict[Task, list[Deliverable]]:
    """One task per subscriber and report, with its deliverables; what all subscribers share is
    gathered here, once. A report whose data cannot be gathered fails the tasks that needed it."""
    groups: dict[tuple[str, str], list[Deliverable]] = {}
    for item in plan_.pending:
        groups.setdefault((item.subscriber, item.report), []).append(item)
    gathered: dict[tuple[str, str], dict | BenchhouseError] = {}
    tasks = {}
    with ReadHandle(location, plan_.window) as handle:
        for (_, report), items in groups.items():
            version = items[0].index_version
            if (report, version) not in gathered:
                try:
                    gathered[report, version] = build.gather(handle, report, version)
                except BenchhouseError as exc:
                    gathered[report, version] = exc
        for (subscriber_id, report), items in groups.items():
            shared, subscriber = gathered[report, items[0].index_version], plan_.subscribers[subscriber_id]
            try:
                if isinstance(shared, BenchhouseError):
                    raise shared
                own = build.fit(handle, report, shared, subscriber)
            except BenchhouseError as exc:
                outcome.failed.append((subscriber_id, report, f"the data of {report} could not be gathered: {exc}"))
                continue
            task = Task(report, subscriber, own, tuple(i.format for i in items), items[0].path.parent,
                        plan_.logos[subscriber_id])
            tasks[task] = items
    return tasks


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
