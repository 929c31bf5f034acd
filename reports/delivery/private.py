"""Building a private-benchmark deliverable for one client: a tenant handle on the warehouse (at the
period's window) and the client's catalog, the report gathered, then its PDF and deck in the
client's brand, each written to a temporary name and renamed, and a manifest that records both
snapshots read. Everything lands in OUT/private/<tenant>/<period>/; nothing of a quarterly run
reads or writes there. The report holds its tenant against a purge from start to end, and notes
its folder in the tenant, then claims it with a manifest naming the tenant, before it writes a
deliverable there: a purge finds and removes every deliverable, and one that happens during the
report either waits for it or leaves it nothing to write."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from reports.private_benchmark import figures, report, slides
from reports.client import Client
from reports.delivery import manifests
from reports.delivery.build import UNITS, Rendered, write as write_deliverable
from reports.handle import window as open_window
from reports.tenant_handle import TenantHandle
from reports.window import Period
from warehouse import purge, tenants
from warehouse.connection import Location
from warehouse.errors import BenchhouseError


@dataclass(frozen=True)
class Built:
    folder: Path
    files: list[Rendered]
    manifest: Path
    snapshot: int
    tenant_snapshot: int


def folder(out_root: Path, client: Client, period: Period) -> Path:
    return out_root / "private" / tenants.check_id(client.id) / str(period)


def build(location: Location, client: Client, period: Period, out_root: Path, formats: tuple[str, ...] = ("pdf", "pptx", "xlsx", "csv"),
          evaluations: list[str] | None = None, snapshot: int | None = None, tenant_snapshot: int | None = None,
          client_file: Path | None = None) -> Built:
    """Gather and render the client's deliverable; write its manifest."""
    tenant = tenants.Tenant.of(location, client.id)
    with tenants.held(tenant):  # names an unknown tenant
        return _build(tenant, client, period, out_root, formats, evaluations, snapshot, tenant_snapshot, client_file)


def _build(tenant: tenants.Tenant, client: Client, period: Period, out_root: Path, formats: tuple[str, ...],
           evaluations: list[str] | None, snapshot: int | None, tenant_snapshot: int | None,
           client_file: Path | None) -> Built:
    location = tenant.public
    target = folder(out_root, client, period)
    warehouse = location.local_dir.resolve()
    if warehouse == target.resolve() or warehouse in target.resolve().parents:
        raise BenchhouseError(f"{target}: refused, it is inside the warehouse folder; write the deliverables elsewhere")
    # Noted first: where it cannot be (a read-only warehouse), the report refuses before it gathers.
    purge.note_delivery(tenant, target)
    with TenantHandle(tenant, open_window(location, period, snapshot), tenant_snapshot) as handle:
        context = report.gather(handle, client, evaluations)
    target.mkdir(parents=True, exist_ok=True)
    claimed = _claim(target / "manifest.json", client)
    files = write_deliverable(report.NAME, report.TEMPLATE, figures.figures, slides.slides, context, client, formats,
                              target / f"{period}-{report.NAME}-{client.id}",
                              title=f"{report.TITLE} — {client.company}, {context.meta.period_label}",
                              data=report.data_pack)
    manifest = target / "manifest.json"
    manifests.write(manifest, _manifest(context, client, files, client_file, claimed.get("deliverables", {})))
    return Built(target, files, manifest, context.meta.snapshot, context.tenant_snapshot)


def _claim(manifest: Path, client: Client) -> dict:
    """A folder this report writes in holds this tenant's manifest before any deliverable: a
    purge deletes only folders that do, and no report writes in another tenant's. The manifest
    as it was claimed."""
    found = manifests.read(manifest)
    if not found:
        found = {"report": report.NAME, "tenant": client.id, "deliverables": {}}
        manifests.write(manifest, found)
    elif found.get("tenant") != client.id:
        raise BenchhouseError(f"{manifest} is not a manifest of tenant '{client.id}': its folder holds another's "
                              "deliverables; choose another --out")
    return found


def _manifest(context: report.PrivateBenchmark, client: Client, files: list[Rendered], client_file: Path | None,
              recorded: dict) -> dict:
    """The folder's manifest: the deliverables it `recorded` when claimed, with these files'."""
    code = manifests.code_version()
    for done in files:
        recorded[done.path.name] = {"file": done.path.name, "report": report.NAME, "format": done.format,
                                    "sha256": manifests.sha256(done.path.read_bytes()), UNITS[done.format]: done.pages}
    inputs = client_file.read_bytes() if client_file else json.dumps(client.model_dump(), default=str).encode()
    return {
        "report": report.NAME, "tenant": context.tenant, "company": client.company, "period": context.meta.period,
        "as_of": str(context.meta.as_of), "snapshot": context.meta.snapshot, "tenant_snapshot": context.tenant_snapshot,
        "index_version": context.index["version"], "evaluations": [e["evaluation"] for e in context.evaluations],
        "client_sha256": manifests.sha256(inputs + b"\0" + client.logo_path.read_bytes()), **code,
        "deliverables": recorded,
    }
