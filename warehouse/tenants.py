"""Tenants: each private client's data in a DuckLake catalog of its own.

    <warehouse>/catalog.sqlite, data/               the public warehouse (`bh`)
    <warehouse>/tenants/<id>/catalog.sqlite, data/  one client's evaluations, runs and workload

A tenant's catalog is written only by `benchhouse private ingest` and read only through a tenant
connection: the public warehouse attached read-only as `bh`, that one tenant's catalog as
`tenant`, and the private views (warehouse/private/views) created in the connection, reading
`tenant.*` and `bh.*`. No public code path attaches a tenant, so no public view, index version,
`benchhouse sql` query or quarterly report can read one; which tenant a connection sees is fixed
when it is opened, never by a parameter of a query. Purging a tenant deletes its folder: its
catalog, its snapshots and every data file, none of which the public catalog ever referenced.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from warehouse import formats
from warehouse.connection import LAKE, Location, attach, connect, latest_snapshot, lock_down, writer_lock
from warehouse.errors import BenchhouseError, UnknownName, WarehouseNotFound, did_you_mean
from warehouse.migrate import migrate_tables
from warehouse.sql import PACKAGE_DIR

if TYPE_CHECKING:  # warehouse.ingest (pandas, the adapters) is imported by the writers alone, not by every read
    from warehouse.ingest import IngestResult, Target

ALIAS = "tenant"  # the tenant's catalog in a tenant connection; the warehouse is `bh`
FOLDER = "tenants"
PRIVATE = PACKAGE_DIR / "private"
ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
ID_LENGTH = 64
REQUIRES = re.compile(r"^-- requires public view: (\w+)", re.M)


def check_id(text: str) -> str:
    """A tenant id names a folder: lowercase letters, digits and single hyphens, nothing that could
    climb out of the tenants folder (no '..', no separator, no absolute path)."""
    if not ID.fullmatch(text or "") or len(text) > ID_LENGTH:
        raise BenchhouseError(
            f"tenant id {text!r} is not allowed: use lowercase letters, digits and single hyphens "
            f"(at most {ID_LENGTH}), e.g. acme-insurance"
        )
    return text


@dataclass(frozen=True)
class Tenant:
    id: str
    public: Location

    @classmethod
    def of(cls, public: Location, tenant_id: str) -> "Tenant":
        if not public.is_embedded:
            raise BenchhouseError("tenants live in the warehouse folder: a warehouse with a PostgreSQL "
                                  "catalog has none; use an embedded warehouse for private benchmarks")
        tenant = cls(check_id(tenant_id), public)
        root = (public.local_dir / FOLDER).resolve()
        if tenant.folder.resolve().parent != root:  # the id's rule already makes this so
            raise BenchhouseError(f"tenant id {tenant_id!r} points outside {root}")
        return tenant

    @property
    def folder(self) -> Path:
        return self.public.local_dir / FOLDER / self.id

    @property
    def location(self) -> Location:
        return Location(catalog=f"sqlite:{self.folder / 'catalog.sqlite'}", data_path=f"{self.folder / 'data'}/",
                        local_dir=self.folder)

    def exists(self) -> bool:
        return self.location.exists()


def existing(public: Location, tenant_id: str) -> Tenant:
    """A tenant that has data, with a "did you mean" when there is none of that id."""
    tenant = Tenant.of(public, tenant_id)
    if not tenant.exists():
        known = [t.id for t in all_tenants(public)]
        listed = f" The tenants are: {', '.join(known)}." if known else " There are no tenants yet."
        raise UnknownName(f"no tenant '{tenant.id}' in {public.describe()}.{did_you_mean(tenant.id, known)}"
                          f"{listed} Load its data with `benchhouse private ingest --tenant {tenant.id} ...`")
    return tenant


def all_tenants(public: Location) -> list[Tenant]:
    root = public.local_dir / FOLDER if public.is_embedded else None
    if root is None or not root.is_dir():
        return []
    return [Tenant(p.name, public) for p in sorted(root.iterdir())
            if ID.fullmatch(p.name) and (p / "catalog.sqlite").exists()]


def target(tenant: Tenant) -> Target:
    """Where `benchhouse private ingest` writes: the tenant's catalog, under its own writer lock, in
    a connection that sees the warehouse read-only (for the models a run names)."""
    from warehouse.ingest import Target

    return Target(lock=tenant.location, open=lambda: writer(tenant), formats=formats.PRIVATE_FORMATS,
                  lake=ALIAS, scripts=PRIVATE, replaces_generated=False)


def ingest(tenant: Tenant, kind: str, path: Path, **options) -> IngestResult:
    """Validate and load one of the client's files (formats.PRIVATE_FORMATS) into its catalog."""
    if not tenant.public.exists():
        raise WarehouseNotFound(f"no warehouse at {tenant.public.describe()}: a tenant's runs name its models and "
                                "its reports its prices; build it with `make demo` or `benchhouse init` first")
    from warehouse.ingest import load_file

    return load_file(target(tenant), kind, path, **options)


def writer(tenant: Tenant) -> duckdb.DuckDBPyConnection:
    """The tenant's catalog read-write (created when new, its schema applied) and the warehouse
    read-only. Unqualified names are the tenant's tables first, then the warehouse's (its models),
    so the warehouse's load and check scripts serve; anything they would write to the warehouse
    fails, as it is attached read-only. Call under the tenant's writer lock."""
    con = connect(tenant.location, create=True, alias=ALIAS)
    try:
        attach(con, tenant.public, LAKE, read_only=True)
        con.execute(f"SET search_path = '{ALIAS}.main,{LAKE}.main'")
        migrate_tables(con, PRIVATE / "schema", ALIAS)
    except BaseException:
        con.close()
        raise
    return con


def reader(tenant: Tenant, snapshot: int | None = None, tenant_snapshot: int | None = None,
           memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection that sees the warehouse (at `snapshot`) and this tenant (at
    `tenant_snapshot`), with the private views; it may read no file but their data files."""
    con = connect(tenant.public, read_only=True, snapshot=snapshot, lock=False)
    try:
        attach(con, tenant.location, ALIAS, read_only=True, snapshot=tenant_snapshot)
        create_views(con)
        lock_down(con, [tenant.public, tenant.location], memory_limit)
    except BaseException:
        con.close()
        raise
    return con


def create_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create the private views of warehouse/private/views as temporary views, in order. A view
    that needs a public view this warehouse lacks (`-- requires public view: NAME`) is made from its
    fallback in warehouse/private/fallbacks instead."""
    public_views = {r[0] for r in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE database_name = ?", [LAKE]).fetchall()}
    made = []
    for path in sorted((PRIVATE / "views").glob("[0-9][0-9][0-9]_*.sql")):
        text = path.read_text()
        if not set(REQUIRES.findall(text)) <= public_views:
            text = (PRIVATE / "fallbacks" / path.name).read_text()
        for statement in con.extract_statements(text):
            con.execute(statement)
        made.append(path.stem[4:])
    return made


def snapshot(tenant: Tenant) -> int:
    """The tenant catalog's latest snapshot."""
    con = connect(tenant.location, read_only=True, alias=ALIAS)
    try:
        return latest_snapshot(con, ALIAS)
    finally:
        con.close()


@dataclass(frozen=True)
class Purged:
    tenant: str
    files: int
    bytes: int
    folders: list[Path]


def purge(tenant: Tenant, deliverables: Path | None = None) -> Purged:
    """Delete everything of the tenant's: its catalog (every snapshot), its data files and, when
    given, its deliverables folder. Nothing of it was ever written to the warehouse's catalog or
    data folder, so nothing else needs cleaning."""
    if not tenant.folder.is_dir():  # a folder without a catalog (a first load that failed) is purged too
        existing(tenant.public, tenant.id)
    folders = [tenant.folder] + ([deliverables] if deliverables is not None and deliverables.is_dir() else [])
    files = [p for folder in folders for p in folder.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    with writer_lock(tenant.location):
        for folder in folders:
            shutil.rmtree(folder)
    left = [f for f in folders if os.path.lexists(f)]
    if left:
        raise BenchhouseError(f"purging tenant '{tenant.id}' left {left[0]}; remove it by hand")
    return Purged(tenant.id, len(files), size, folders)
