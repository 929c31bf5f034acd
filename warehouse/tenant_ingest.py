"""Writing a tenant: `benchhouse private ingest` loads one of the client's files into its own catalog
(made whole on its first load), under the tenant's writer lock and held against a purge. The read
side (warehouse/tenants.py, the private report, `private sql`) never imports this module."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from warehouse import files, formats
from warehouse.connection import LAKE, Location, attach, connect
from warehouse.errors import no_warehouse
from warehouse.files import CATALOG
from warehouse.migrate import migrate_tables
from warehouse.tenants import ALIAS, PRIVATE, Tenant, held

if TYPE_CHECKING:  # warehouse.ingest (pandas, the adapters) is imported when a file is loaded
    from warehouse.ingest import IngestResult, Target


def target(tenant: Tenant) -> Target:
    """Where `benchhouse private ingest` writes: the tenant's catalog, under its own writer lock, in
    a connection that sees the warehouse read-only (for the models a run names)."""
    from warehouse.ingest import Target

    return Target(lock=tenant.location, open=lambda: writer(tenant), formats=formats.PRIVATE_FORMATS,
                  lake=ALIAS, scripts=PRIVATE, replaces_generated=False)


def ingest(tenant: Tenant, kind: str, path: Path, **options) -> IngestResult:
    """Validate and load one of the client's files (formats.PRIVATE_FORMATS) into its catalog,
    creating the tenant on its first load. Held against a purge while it loads."""
    if not tenant.public.exists():  # a tenant's runs name the warehouse's models, its reports its prices
        raise no_warehouse(tenant.public.describe())
    files.check_writable(tenant.location)
    from warehouse.ingest import load_file

    tenant.folder.mkdir(parents=True, exist_ok=True)
    with held(tenant, must_exist=False):
        return load_file(target(tenant), kind, path, **options)


def writer(tenant: Tenant) -> duckdb.DuckDBPyConnection:
    """The tenant's catalog read-write (created whole when new) and the warehouse read-only.
    Unqualified names are the tenant's tables first, then the warehouse's (its models), so the
    warehouse's load and check scripts serve; anything they would write to the warehouse fails, as
    it is attached read-only. Call under the tenant's writer lock."""
    if not tenant.exists():
        _create(tenant)
    con = connect(tenant.location, alias=ALIAS)
    try:
        attach(con, tenant.public, LAKE, read_only=True)
        con.execute(f"SET search_path = '{ALIAS}.main,{LAKE}.main'")
        migrate_tables(con, PRIVATE / "schema", ALIAS)  # schema files newer than the catalog
    except BaseException:
        con.close()
        raise
    return con


def _create(tenant: Tenant) -> None:
    """Make the tenant's catalog with its whole schema under a temporary name in its folder, then
    rename it into place: a kill or a full disk midway leaves no catalog, only a temporary, which
    the next load (under the same writer lock) removes. The catalog records the tenant's own data
    folder, as if it had been made in place."""
    for leftover in tenant.folder.glob(f".{CATALOG}.*"):
        leftover.unlink()
    staging = tenant.folder / f".{CATALOG}.{os.getpid()}.tmp"
    con = connect(Location(catalog=f"sqlite:{staging}", data_path=tenant.location.data_path,
                           local_dir=tenant.folder), create=True, alias=ALIAS)
    try:
        migrate_tables(con, PRIVATE / "schema", ALIAS)
    finally:
        con.close()
    os.rename(staging, files.catalog_file(tenant.location))
    _sync_folder(tenant.folder)


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
