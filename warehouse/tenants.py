"""Tenants: each private client's data in a DuckLake catalog of its own.

    <warehouse>/catalog.sqlite, data/               the public warehouse (`bh`)
    <warehouse>/tenants/<id>/catalog.sqlite, data/  one client's evaluations, runs and workload
    <warehouse>/tenants/<id>/deliveries             the folders its private reports were written to (purge.py)

A tenant's catalog is written only by `benchhouse private ingest` and read only through a tenant
connection: the public warehouse attached read-only as `bh`, that one tenant's catalog as
`tenant`, and the private views (warehouse/private/views) created in the connection, reading
`tenant.*` and `bh.*`. No public code path attaches a tenant, so no public view, index version,
`benchhouse sql` query or quarterly report can read one; which tenant a connection sees is fixed
when it is opened, never by a parameter of a query. A tenant's catalog appears whole: it is made
with its schema under a temporary name and renamed into place (warehouse/tenant_ingest.py, the only
code that writes a tenant; this module reads them, and imports none of the write side). Purging a tenant
(warehouse/purge.py) deletes its deliverables, then its data files, then its catalog, none of
which the public catalog ever referenced.
"""

from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse import files
from warehouse.connection import LAKE, Location, attach, connect, latest_snapshot, lock_down, transaction
from warehouse.errors import BenchhouseError, TenantDamaged, UnknownName, WarehouseDamaged
from warehouse.files import CATALOG, TENANTS
from warehouse.migrate import applied, run_script
from warehouse.sql import PACKAGE_DIR

ALIAS = "tenant"  # the tenant's catalog in a tenant connection; the warehouse is `bh`
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
        root = (public.local_dir / TENANTS).resolve()
        if tenant.folder.is_symlink() or tenant.folder.resolve().parent != root:  # a purge follows no link
            raise BenchhouseError(f"tenant '{tenant.id}': its folder is a link, not a folder of the warehouse's "
                                  "tenants folder; replace the link with the tenant's folder")
        return tenant

    @property
    def folder(self) -> Path:
        return self.public.local_dir / TENANTS / self.id

    @property
    def shown(self) -> str:
        """The tenant's folder as messages name it: relative to the warehouse, never its absolute path."""
        return f"{TENANTS}/{self.id}"

    @property
    def location(self) -> Location:
        return Location(catalog=f"sqlite:{self.folder / CATALOG}", data_path=f"{self.folder / 'data'}/",
                        local_dir=self.folder)

    def exists(self) -> bool:
        return self.location.exists()


def existing(public: Location, tenant_id: str) -> Tenant:
    """A tenant that has data. The error names the id asked for alone: which tenants a warehouse
    holds is for `benchhouse private list` to say, not for any error a client might see."""
    tenant = Tenant.of(public, tenant_id)
    if not tenant.exists():
        raise unknown(tenant)
    return tenant


def unknown(tenant: Tenant) -> UnknownName:
    return UnknownName(f"no tenant '{tenant.id}' in this warehouse: check the id with `benchhouse private list`, "
                       f"or load its data with `benchhouse private ingest --tenant {tenant.id} ...`")


def folders(public: Location) -> list[Tenant]:
    """Every tenant folder, with a catalog or without one (a first load or a purge that was stopped)."""
    root = public.local_dir / TENANTS if public.is_embedded else None
    if root is None or not root.is_dir():
        return []
    return [Tenant(p.name, public) for p in sorted(root.iterdir())
            if ID.fullmatch(p.name) and p.is_dir() and not p.is_symlink()]


@contextmanager
def held(tenant: Tenant, exclusive: bool = False, must_exist: bool = True) -> Iterator[None]:
    """The tenant held against a purge: shared by a report or an ingest for as long as it reads or
    writes, exclusively by a purge. The lock is on the tenant's folder itself, which a purge removes
    last, not on a file in it: whoever waited for a purge finds, once it has the lock, that the
    folder it locked is no longer the tenant's, and stops with nothing written."""
    try:
        fd = os.open(tenant.folder, os.O_RDONLY | os.O_DIRECTORY)
    except (FileNotFoundError, NotADirectoryError):
        raise unknown(tenant) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        try:
            now = os.stat(tenant.folder)
        except FileNotFoundError:
            now = None
        locked = os.fstat(fd)
        if now is None or (now.st_dev, now.st_ino) != (locked.st_dev, locked.st_ino):
            raise UnknownName(f"tenant '{tenant.id}' was purged while this command waited for it: nothing was "
                              "written; check the id with `benchhouse private list`")
        if must_exist and not tenant.exists():
            raise unknown(tenant)
        yield
    finally:
        os.close(fd)


def damaged(tenant: Tenant) -> TenantDamaged:
    return TenantDamaged(f"tenant '{tenant.id}' is damaged: its catalog cannot be read or lacks its tables (a first "
                         "load that was stopped, or a damaged file); remove it with `benchhouse private purge "
                         f"--tenant {tenant.id} --yes` and load its files again")


def reader(tenant: Tenant, snapshot: int | None = None, tenant_snapshot: int | None = None,
           memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection that sees the warehouse (at `snapshot`) and this tenant (at
    `tenant_snapshot`), with the private views; it may read no file but their data files."""
    con = connect(tenant.public, read_only=True, snapshot=snapshot, lock=False)
    try:
        attach(con, tenant.location, ALIAS, read_only=True, snapshot=tenant_snapshot)  # names a damaged catalog file
        try:
            create_views(con)
        except duckdb.CatalogException:
            if applied(con, ALIAS):  # the tenant has its tables: a view failed for another reason
                raise
            raise damaged(tenant) from None
        lock_down(con, [tenant.public, tenant.location], memory_limit)
    except BaseException:
        con.close()
        raise
    return con


def create_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create the private views of warehouse/private/views as temporary views, in order. A view
    that needs a public view this warehouse lacks (`-- requires public view: NAME`) is made from its
    fallback in warehouse/private/fallbacks instead."""
    made = []
    with transaction(con):  # one DuckLake transaction on both catalogs, not one a view (20 ms each)
        public_views = {r[0] for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE database_name = ?", [LAKE]).fetchall()}
        for path in sorted((PRIVATE / "views").glob("[0-9][0-9][0-9]_*.sql")):
            text = path.read_text()
            if not set(REQUIRES.findall(text)) <= public_views:
                text = (PRIVATE / "fallbacks" / path.name).read_text()
            run_script(con, text)
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
class Summary:
    """What `benchhouse private list` shows of one tenant."""
    tenant: str
    held: dict[str, dict]
    """private_data's rows by kind; empty when the tenant cannot be read."""
    snapshot: int | None
    bytes: int
    status: str
    """ok, or what is wrong with the tenant and what to do."""


def summary(tenant: Tenant) -> Summary:
    """One tenant's rows, snapshot and size; a damaged or unfinished one says so in its status."""
    size = sum(p.stat().st_size for p in tenant.folder.rglob("*") if p.is_file() and not p.is_symlink())
    if not tenant.exists():
        return Summary(tenant.id, {}, None, size, "unfinished: no catalog (its first load failed or was stopped, or "
                                                  "a purge was stopped); load its files, or purge it")
    try:
        con = reader(tenant)
    except WarehouseDamaged as exc:
        return _damaged_summary(tenant, size, exc)
    try:
        cursor = con.execute("SELECT * FROM private_data")
        names = [d[0] for d in cursor.description]
        held_ = {row[0]: dict(zip(names, row)) for row in cursor.fetchall()}
        latest = latest_snapshot(con, ALIAS)
    except duckdb.Error as exc:
        named = files.explain(exc, tenant.location)
        if named is None:
            raise
        return _damaged_summary(tenant, size, named)
    finally:
        con.close()
    return Summary(tenant.id, held_, latest, size, "ok")


def _damaged_summary(tenant: Tenant, size: int, exc: WarehouseDamaged) -> Summary:
    why = ("its catalog cannot be read or lacks its tables; purge it and load its files again"
           if isinstance(exc, TenantDamaged) else str(exc))
    return Summary(tenant.id, {}, None, size, f"damaged: {why}")
