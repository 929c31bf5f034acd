"""Private-benchmark commands: private ingest, list, sql, purge, report. Every one names its tenant
with --tenant; a tenant's data lives in its own catalog under the warehouse folder
(warehouse/tenants.py), and only these commands open it."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from cli import output
from cli.console import (ForceOption, MemoryOption, TimeoutOption, FormatOption, OutOption, SnapshotOption,
                         check_out_folder, err, spinner, state)
from cli.ingest import report as report_ingest
from cli.warehouse import parameters, statement_text
from warehouse import formats, query, tenant_ingest, tenants
from warehouse.errors import BenchhouseError, UnknownName, did_you_mean

private_app = typer.Typer(help="Private benchmarks: each client's own tasks and workload, held in a tenant of its "
                               "own that no public view, query or quarterly report can read.", no_args_is_help=True)

TenantOption = Annotated[str, typer.Option("--tenant", help="The client's tenant id (lowercase letters, digits, hyphens).")]


def ingest_command(
    tenant_id: TenantOption,
    kind: Annotated[str, typer.Argument(help="evaluations, runs or workload (see docs/formats.md).")],
    path: Annotated[Path, typer.Argument(help="A .csv, .parquet or .jsonl file.")],
    allow_rejects: Annotated[bool, typer.Option(
        "--allow-rejects", help="Load the good rows; keep each bad one in the tenant's rejected_rows.")] = False,
    rejects: Annotated[Optional[Path], typer.Option(
        "--rejects", help="Also write every rejected row, with its reason, to this CSV file (never the input or "
                          "a file of the warehouse; an existing file only with --force).")] = None,
    force: ForceOption = False,
) -> None:
    """Validate and load one of the client's files into its tenant (created on first load), in one
    snapshot of the tenant's own catalog. The warehouse is not changed."""
    if kind not in formats.PRIVATE_FORMATS:
        raise UnknownName(f"'{kind}' is not a private format; the formats are "
                          f"{', '.join(formats.PRIVATE_FORMATS)}.{did_you_mean(kind, formats.PRIVATE_FORMATS)}")
    tenant = tenants.Tenant.of(state.location, tenant_id)
    output.check_target(rejects, force, state.protected(path), "--rejects")
    with spinner(f"{tenant.id}: {kind} {path.name}") as say:
        result = tenant_ingest.ingest(tenant, kind, path, allow_rejects=allow_rejects, rejects_out=rejects,
                                progress=lambda stage: say(f"{path.name}: {stage}"))
    report_ingest(result, rejects)


def list_command(fmt: FormatOption = "table", out: OutOption = None,
                    force: ForceOption = False) -> None:
    """The tenants: what each holds, its latest snapshot, whether any of it is generated, its size
    on disk, whether a client file names it, and its status: ok, or what is wrong with it (one
    damaged tenant is listed as such, never stopping the list)."""
    import pyarrow as pa

    from reports.delivery import clients

    rows = []
    client_files = {p.stem for p in clients.folder().glob("*.yaml")}
    for tenant in tenants.folders(state.location):
        found = tenants.summary(tenant)

        def count(kind: str, column: str = "rows_loaded") -> int | None:
            return int(found.held.get(kind, {}).get(column) or 0) if found.status == "ok" else None
        rows.append({"tenant": tenant.id, "evaluations": count("evaluations"), "task_results": count("runs"),
                     "use_cases": count("workload"),
                     "generated_rows": None if found.status != "ok" else
                     int(sum(r["generated_rows"] for r in found.held.values())),
                     "snapshot": found.snapshot, "bytes": found.bytes, "client_file": tenant.id in client_files,
                     "status": found.status})
    names = ["tenant", "evaluations", "task_results", "use_cases", "generated_rows", "snapshot", "bytes", "client_file",
             "status"]
    types = [pa.string(), pa.int64(), pa.int64(), pa.int64(), pa.int64(), pa.int64(), pa.int64(), pa.bool_(),
             pa.string()]
    output.write(pa.table({n: pa.array([r[n] for r in rows], t) for n, t in zip(names, types)}),
                 fmt, out, title="tenants", force=force, protected=state.protected())


def sql_command(
    tenant_id: TenantOption,
    statement: Annotated[Optional[str], typer.Argument(help="The query; or use -f, or stdin.")] = None,
    file: Annotated[Optional[Path], typer.Option("-f", "--file", help="Read the query from a file.")] = None,
    param: Annotated[Optional[list[str]], typer.Option(
        "-p", "--param", help="Bind $name to a value: -p name=value (repeatable).")] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    force: ForceOption = False,
    snapshot: SnapshotOption = None,
    timeout: TimeoutOption = query.Limits.timeout_s,
    memory_limit: MemoryOption = query.Limits.memory,
) -> None:
    """One read-only query that sees the warehouse, this tenant's tables (as tenant.*) and the private
    views (private_*), and nothing of any other tenant. The same refusals and limits as `benchhouse sql`."""
    tenant = tenants.Tenant.of(state.location, tenant_id)  # held() below names an unknown one
    protected = state.protected(file)
    output.check_target(out, force, protected)
    limits = query.Limits(timeout, memory_limit)
    with tenants.held(tenant):  # a purge of this tenant waits for the query, and a query for a purge
        rows = query.run(state.location, statement_text(statement, file), parameters(param), snapshot=snapshot,
                         tenant=tenant, limits=limits, isolated=True)
    output.write(rows, fmt, out, force=force, protected=protected)


def purge_command(
    tenant_id: TenantOption,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    out: Annotated[Path, typer.Option("--out", help="Root of deliverables written before reports noted their "
                                                    "folders: OUT/private/ID is removed too.")] = Path("out"),
) -> None:
    """Delete everything of the tenant's: the deliverables of its private reports (wherever each was
    written, and under OUT/private/ID), its data files, and its catalog with every snapshot, in an
    order that a second purge finishes if the first was stopped. Nothing of it was ever in the
    warehouse's own catalog."""
    from warehouse import purge

    tenant = tenants.Tenant.of(state.location, tenant_id)
    if not yes:
        # Planned to be named in the question, and to refuse before asking a folder that is not the
        # tenant's; the purge plans again once it holds the tenant, as what it deletes may grow meanwhile.
        planned = purge.plan(tenant, out)
        if not sys.stdin.isatty():
            raise BenchhouseError(f"purging tenant '{tenant.id}' cannot be undone: pass --yes to confirm")
        typer.confirm(f"Delete every file of tenant '{tenant.id}' ({' and '.join([tenant.shown, *planned.delivered])})"
                      "? This cannot be undone", abort=True)
    purged = purge.purge(tenant, out)
    err.print(f"[green]purged[/] tenant {purged.tenant}: {purged.files} files, {purged.bytes:,} bytes, from "
              + " and ".join(purged.folders), highlight=False)


def report_command(
    tenant_id: TenantOption,
    period: Annotated[str, typer.Option("--period", help="Quarter, e.g. 2026Q3; figures are as of its last day.")],
    evaluation: Annotated[Optional[list[str]], typer.Option(
        "--eval", help="A client evaluation to report (repeatable); default: the client file's, else all.")] = None,
    formats_: Annotated[Optional[str], typer.Option(
        "--format", help=("Any of pdf, pptx, xlsx and csv, comma-separated; default: the client file's (pdf, "
                          "pptx or both) and the data pack (xlsx: NAME-data.xlsx, csv: NAME-data.csv.zip)."))] = None,
    out: Annotated[Path, typer.Option("--out", help="Root folder: files go to OUT/private/ID/PERIOD/.")] = Path("out"),
    snapshot: SnapshotOption = None,
) -> None:
    """Build the client's private-benchmark deliverable in its brand (clients/ID.yaml): candidates on
    its own evaluations, the projected monthly cost of its workload, the choice, and how its ranking
    compares with the public index. The manifest records the warehouse's and the tenant's snapshots."""
    from reports.delivery import build, clients, private
    from reports.window import Period

    check_out_folder(out)
    client = clients.load_id(tenant_id)
    wanted = tuple(f.strip() for f in formats_.split(",") if f.strip()) if formats_ else client.formats + build.DATA_PACK
    if not wanted or any(f not in build.SUFFIXES for f in wanted):
        raise BenchhouseError(f"--format {formats_!r}: choose among pdf, pptx, xlsx and csv, e.g. pdf,pptx,xlsx,csv")
    for name in evaluation or []:
        if not re.fullmatch(formats.SLUG, name):
            raise BenchhouseError(f"--eval {name!r} is not an evaluation id: a lowercase slug, e.g. claims-triage")
    built = private.build(state.location, client, Period.parse(period), out, wanted, evaluation or None, snapshot,
                          client_file=clients.folder() / f"{client.id}.yaml")
    for done in built.files:
        err.print(f"[green]wrote[/] {done.path} ({done.pages} {build.UNITS[done.format]}, warehouse snapshot {built.snapshot}, "
                  f"tenant snapshot {built.tenant_snapshot})", highlight=False)
    err.print(f"manifest: {built.manifest}", highlight=False)


def register(app: typer.Typer) -> None:
    private_app.command("ingest")(ingest_command)
    private_app.command("list")(list_command)
    private_app.command("sql")(sql_command)
    private_app.command("purge")(purge_command)
    private_app.command("report")(report_command)
    app.add_typer(private_app, name="private")
