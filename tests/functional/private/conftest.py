"""Two tenants on a copy of the small warehouse of tests/fixtures/metrics, each with a marker string of its own in its task ids,
its evaluation's id and name, a run's note and a use case, their private deliverables rendered,
and two subscribers' quarter rendered after them; the public warehouse's files hashed before and
after the tenants loaded. Built once per module: the tests read it, and a test
that changes it works on a copy. Tenant beta's strings are also hostile: markup and SQL in its
evaluation's name, HTML in its note. What is tested is where each tenant's data goes, which the small
warehouse shows as the demo's would, at a tenth of the cost of gathering its reports."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reports.delivery import build, quarterly, subscribers
from reports.window import Period
from tests.conftest import ROOT, in_process, latest_snapshot
from tests.functional.conftest import on_small_warehouse
from warehouse.connection import Location

PERIOD = Period.parse("2026Q3")
CANDIDATES = (("thinker-1", "high", "lab-a"), ("alpha-1", "", "lab-a"), ("beta-1", "", "lab-b"))
# A PDF-only and a deck-only subscriber (tests/functional/delivery/test_quarterly.py runs the same two),
# both given the smile curve alone: two deliverables, both formats, the quickest to render.
SUBSCRIBERS = ("northwind-bank", "initech-retail")


@dataclass
class Tenant:
    id: str
    marker: str
    evaluation: str
    name: str
    note: str
    files: dict[str, Path] = field(default_factory=dict)
    manifest: Path | None = None


TENANTS = {
    "alpha": Tenant("tenant-alpha", "qqvxalphamark", "triage-qqvxalphamark", "Triage qqvxalphamark",
                    "served in the EU, ticket qqvxalphamark"),
    "beta": Tenant("tenant-beta", "qqvxbetamark",  "claims-qqvxbetamark",
                   "Claims <script>alert('x')</script> '; DROP TABLE evaluations; -- qqvxbetamark",
                   "<b>qqvxbetamark</b> <img src=x onerror=alert(1)>"),
}


def run(location: Location, *args: str, clients: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """The real `benchhouse`, with the warehouse and client folder given, called in this process."""
    return in_process(location, *args, check=check,
                      env={"COLUMNS": "200", **({"BENCHHOUSE_CLIENTS": str(clients)} if clients is not None else {})})


def public_views(location: Location) -> list[str]:
    return run(location, "sql", "SELECT view_name FROM duckdb_views() WHERE database_name = 'bh' AND NOT internal "
                                "ORDER BY 1", "--format", "csv").stdout.split()[1:]


def public_files(location: Location) -> dict[str, str]:
    """The public warehouse's catalog and every data file, by name, with their bytes' hash: the same
    bytes are the same snapshots, tables and views, and so the same rows in every view."""
    import hashlib

    return {name: hashlib.sha256(data).hexdigest() for name, data in public_bytes(location).items()}


def public_bytes(location: Location) -> dict[str, bytes]:
    """The public warehouse's catalog and every data file, by name: everything its views read (the
    tenants' folders aside, which a public connection never attaches)."""
    files = [location.local_dir / "catalog.sqlite", *sorted((location.local_dir / "data").rglob("*"))]
    return {str(p.relative_to(location.local_dir)): p.read_bytes() for p in files if p.is_file()}


def write_tenant_files(tenant: Tenant, folder: Path) -> None:
    folder.mkdir(parents=True)
    import csv

    with open(folder / "evaluations.csv", "w", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(["evaluation", "name", "category", "kind", "n_tasks", "scoring"])
        w.writerow([tenant.evaluation, tenant.name, "claims", "single_turn", 8, "accuracy"])
    with open(folder / "runs.csv", "w", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(["model", "effort", "provider", "evaluation", "repeat", "task_id", "score", "input_tokens",
                    "reasoning_tokens", "answer_tokens", "account", "note"])
        for c, (model, effort, provider) in enumerate(CANDIDATES):
            for repeat in (1, 2):
                for task in range(1, 9):
                    score = int((task * (c + 2) + repeat) % 5 != 0 and task > c)  # every candidate fails a few
                    w.writerow([model, effort, provider, tenant.evaluation, repeat, f"T-{tenant.marker}-{task:02d}",
                                score, 1500, 600 if effort == "high" else 0, 200, "anonymous",
                                tenant.note if c == 0 else ""])
    with open(folder / "workload.csv", "w", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(["use_case", "description", "requests_per_month", "input_tokens", "answer_tokens", "evaluation"])
        w.writerow(["claims", f"claims intake {tenant.marker}", 50000, 1500, 200, tenant.evaluation])


def write_client_file(tenant: Tenant, folder: Path) -> None:
    (folder / f"{tenant.id}.yaml").write_text(
        f"id: {tenant.id}\ncompany: Client {tenant.id.split('-')[1].title()}\nbranding:\n"
        "  logo: logos/fabrikam-insurance.svg\n  primary: \"#0B5563\"\n  accent: \"#F2A541\"\n"
        "failure_examples: true\n")


@dataclass
class World:
    location: Location
    root: Path
    clients: Path
    tenants: dict[str, Tenant]
    files_before: dict[str, str]
    files_after: dict[str, str]
    quarterly: Path
    snapshot: int


@pytest.fixture(scope="module")
def world(small_warehouse, tmp_path_factory) -> World:
    root = tmp_path_factory.mktemp("tenants")
    shutil.copytree(small_warehouse.local_dir, root / "warehouse")
    location = Location.resolve(str(root / "warehouse"))
    snapshot = latest_snapshot(location)
    before = public_files(location)
    clients = root / "clients"
    shutil.copytree(ROOT / "clients" / "logos", clients / "logos")
    for key, tenant in TENANTS.items():
        write_tenant_files(tenant, root / key)
        write_client_file(tenant, clients)
        for kind in ("evaluations", "runs", "workload"):
            run(location, "private", "ingest", "--tenant", tenant.id, kind, str(root / key / f"{kind}.csv"))
    files_after = public_files(location)
    for tenant in TENANTS.values():
        run(location, "private", "report", "--tenant", tenant.id, "--period", str(PERIOD), "--snapshot", str(snapshot),
            "--out", str(root / "out"), clients=clients)
        folder = root / "out" / "private" / tenant.id / str(PERIOD)
        tenant.files = {p.suffix[1:]: p for p in folder.glob("*.p*")}
        tenant.manifest = folder / "manifest.json"
    subscriber_folder = root / "subscribers"
    shutil.copytree(subscribers.folder() / "logos", subscriber_folder / "logos")
    for subscriber in SUBSCRIBERS:
        text = (subscribers.folder() / f"{subscriber}.yaml").read_text()
        (subscriber_folder / f"{subscriber}.yaml").write_text(on_small_warehouse(text))
    # Northwind's smile curve alone: a PDF beside initech's deck (what reaches a public deliverable is
    # the public warehouse, whose bytes the tests compare).
    northwind = subscriber_folder / "northwind-bank.yaml"
    entitled = northwind.read_text()
    assert "reports: [cost-to-run, smile-curve]\n" in entitled
    northwind.write_text(entitled.replace("reports: [cost-to-run, smile-curve]\n", "reports: [smile-curve]\n"))
    plan = quarterly.plan(location, PERIOD, root / "quarterly", list(SUBSCRIBERS), snapshot=snapshot,
                          folder=subscriber_folder)
    outcome = quarterly.run(location, plan, workers=2)
    assert len(outcome.rendered) == 2 * (1 + len(build.DATA_PACK)) and not outcome.failed
    return World(location, root, clients, TENANTS, before, files_after, root / "quarterly", snapshot)
