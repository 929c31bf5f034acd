"""Read-only queries: an analyst's SQL, the schema listing, the snapshot list.

Every query runs on a connection that attached the catalog read-only and may touch no file
outside the warehouse's data folder, so it works while an ingest runs in another process and
cannot change or leak anything.
"""

from __future__ import annotations

import math
import os
import re
import resource
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse import files, guard, sandbox, sql, tenants
from warehouse.connection import Location, connect
from warehouse.tenants import Tenant
from warehouse.errors import BenchhouseError, LocationError, ReadOnlyViolation, UnknownName, did_you_mean

def parse_param(text: str) -> object:
    """A -p value as SQL sees it: whole numbers and decimals as numbers, true/false as booleans,
    anything else as text (DuckDB casts text to a date or timestamp where one is compared)."""
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?", text):
        number = float(text)
        if not math.isfinite(number):
            raise BenchhouseError(f"-p value {text!r} is out of range: give a finite number")
        return number
    return text


@dataclass(frozen=True)
class Limits:
    """What one analyst's query may take: seconds, and memory (DuckDB's own and the rows it returns)."""

    timeout_s: float = 300.0
    memory: str = "4GB"

    def __post_init__(self) -> None:
        if not (isinstance(self.timeout_s, (int, float)) and 0 < self.timeout_s <= MAX_TIMEOUT_S):
            raise BenchhouseError(f"--timeout {self.timeout_s}: give a number of seconds above 0 and at most "
                                  f"{MAX_TIMEOUT_S:g} (a day); a query never runs without a limit")
        self.memory_bytes  # a malformed --memory-limit is said now, before any query (or process) starts

    @property
    def memory_bytes(self) -> int:
        match = MEMORY.fullmatch(self.memory.strip())
        if not match:
            raise BenchhouseError(f"--memory-limit {self.memory!r}: write it like 4GB, 512MB or 2GiB")
        number, unit = float(match[1]), match[2].upper()
        return int(number * UNITS[unit])


MAX_TIMEOUT_S = 86_400.0
MEMORY = re.compile(r"(\d+(?:\.\d+)?)\s*([KMGT]i?B)", re.I)
UNITS = {"KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12, "KIB": 2**10, "MIB": 2**20, "GIB": 2**30, "TIB": 2**40}


def run(location: Location, text: str, params: Mapping[str, object] = {},
        snapshot: int | None = None, raw_params: bool = False, tenant: Tenant | None = None,
        limits: Limits = Limits(), isolated: bool = False) -> pa.Table:
    """Run one read-only statement and return its rows. Parameters given as text (from the
    command line) are read as numbers or booleans where they look like them, unless raw_params.
    With a tenant, the statement sees the warehouse, that tenant's catalog as `tenant` and the
    private views (warehouse/tenants.py), and nothing else. The statement is stopped after
    limits.timeout_s seconds, and fails when it needs more than limits.memory. isolated runs it in
    a process of its own that can write no file and read nothing but the runtime and these catalogs
    (warehouse/sandbox.py): for a statement a person typed."""
    paths = _paths(location)
    try:
        return _run(location, text, params, snapshot, raw_params, tenant, limits, isolated, paths)
    except BenchhouseError as exc:  # a message may quote the statement, or name a catalog: never its path
        raise _scrubbed(exc, paths) from None


def _run(location: Location, text: str, params: Mapping[str, object], snapshot: int | None, raw_params: bool,
         tenant: Tenant | None, limits: Limits, isolated: bool, paths: list[str]) -> pa.Table:
    work = lambda: _run_here(location, text, params, snapshot, raw_params, tenant, limits, paths,  # noqa: E731
                             cap=isolated)
    if not isolated:
        return work()
    guard.precheck(text)  # what needs no catalog is refused before a process is started and a catalog opened
    reads = [*_readable(location, tenant), *sandbox.runtime_paths(avoid=_folders(location))]
    try:
        return sandbox.call(work, reads, limits.timeout_s)
    except sandbox.Died as died:
        if died.killed:
            raise _timed_out(limits) from None
        if died.signal_name is not None:  # the allocator gives up when the cap refuses it memory
            raise BenchhouseError(f"the query needs more than --memory-limit {limits.memory} (its process was "
                                  f"stopped by {died.signal_name}); add a filter, an aggregate or a LIMIT, or raise "
                                  "--memory-limit") from None
        raise


def _run_here(location: Location, text: str, params: Mapping[str, object], snapshot: int | None,
              raw_params: bool, tenant: Tenant | None, limits: Limits, paths: list[str],
              again: bool = True, cap: bool = False) -> pa.Table:
    """The query in this process; with cap (in a sandboxed child, which ends after it), the process's
    address space is capped once the connection's threads run (_address_space)."""
    row_bytes = limits.memory_bytes
    con = connect(location, read_only=True, snapshot=snapshot, memory_limit=limits.memory) if tenant is None \
        else tenants.reader(tenant, snapshot, memory_limit=limits.memory)
    stopped = threading.Event()
    timer = threading.Timer(limits.timeout_s, lambda: (stopped.set(), con.interrupt()))
    try:
        statement = _single_statement(con, text)
        wanted = statement.named_parameters
        missing = sorted(wanted - set(params))
        if missing:
            raise BenchhouseError(
                "the query uses " + ", ".join(f"${m}" for m in missing)
                + " but no value was given: add " + " ".join(f"-p {m}=VALUE" for m in missing)
            )
        unused = sorted(set(params) - wanted)
        if unused:
            raise BenchhouseError(
                "-p " + ", ".join(unused) + " given but the query has no "
                + ", ".join(f"${u}" for u in unused) + "; refer to a parameter as $name"
            )
        values = {k: params[k] if raw_params else parse_param(params[k]) for k in wanted}
        if cap:
            resource.setrlimit(resource.RLIMIT_AS, (_address_space(limits), resource.getrlimit(resource.RLIMIT_AS)[1]))
        try:
            timer.start()
            reader = con.execute(statement, values).to_arrow_reader(50_000)
            batches, size = [], 0
            for batch in reader:
                size += batch.nbytes
                if size > row_bytes:
                    raise BenchhouseError(
                        f"the query's rows take more than --memory-limit {limits.memory}; add a filter, an "
                        "aggregate or a LIMIT, or raise --memory-limit")
                batches.append(batch)
            return _scrub(pa.Table.from_batches(batches, schema=reader.schema), paths)
        except BenchhouseError:
            raise
        except Exception as exc:  # noqa: BLE001 - DuckDB's errors, also as pyarrow raises them mid-stream
            if stopped.is_set():
                raise _timed_out(limits) from None
            if isinstance(exc, duckdb.OutOfMemoryException) or "Out of Memory" in str(exc):
                raise BenchhouseError(
                    f"the query needs more than --memory-limit {limits.memory}; add a filter, an aggregate or a "
                    "LIMIT, or raise --memory-limit") from None
            damaged = files.explain(exc, location)
            if damaged is not None:  # a file of the warehouse is missing or damaged: named, not read around
                raise damaged from None
            if isinstance(exc, duckdb.PermissionException):
                if again:
                    # An ingest committed new files after the connection listed the ones it may read: read
                    # them too, once, through a new connection (which allows exactly the files there are
                    # then). The snapshots are not compared: an ingest that commits between the listing
                    # and the first look at the snapshots leaves them equal, and the query was refused
                    # (seen under load in tests/functional/postgres). A refusal the second time stands.
                    con.close()
                    return _run_here(location, text, params, snapshot, raw_params, tenant, limits, paths, again=False,
                                     cap=cap)
                raise ReadOnlyViolation(
                    "benchhouse sql reads only the warehouse: reading or writing other files is refused; "
                    "load a file with `benchhouse ingest`, or write results with --format and -o") from None
            if isinstance(exc, (duckdb.Error, OSError)):
                raise BenchhouseError(f"SQL error: {guard.message(exc)}") from None
            raise
    finally:
        timer.cancel()
        con.close()


def _timed_out(limits: Limits) -> BenchhouseError:
    return BenchhouseError(f"the query ran for more than --timeout {limits.timeout_s:g} seconds and was stopped; add a "
                           "filter or a LIMIT, or raise --timeout")


def _address_space(limits: Limits) -> int:
    """This process's size now plus the query's memory (twice: DuckDB's working memory and the rows
    returned) and a margin: the cap of the query's process. DuckDB's memory_limit does not count
    every allocation (a list built in one expression grows past it); an allocation beyond this cap
    fails, and DuckDB reports it as out of memory instead of the machine running out."""
    with open("/proc/self/status") as status:
        size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    return size + 2 * limits.memory_bytes + (512 << 20)


def _readable(location: Location, tenant: Tenant | None) -> list[str]:
    """The files a sandboxed query may read: the warehouse's catalog and data, and the tenant's."""
    found = [location.data_path]
    if location.is_embedded:
        # SQLite looks for a journal of an unfinished write beside the catalog (and reads it, if any).
        found += [str(path) for path in files.catalog_files(location)]
    if tenant is not None:
        found.append(str(tenant.folder))
    return found


def _folders(location: Location) -> list[Path]:
    return [location.local_dir] if location.local_dir is not None else [Path(location.data_path)]


def _paths(location: Location) -> list[str]:
    """The warehouse's own paths, as given and as the file system resolves them, longest first: no
    output or message of a query shows them (a tenant's folder is under the warehouse's)."""
    found = {location.catalog, location.catalog.split(":", 1)[-1], location.data_path}
    if location.local_dir is not None:
        found |= {str(location.local_dir), os.path.realpath(location.local_dir)}
    if "://" not in location.data_path:
        found.add(os.path.realpath(location.data_path))
    found |= {p.rstrip("/") for p in found}
    return sorted((p for p in found if len(p) > 1), key=len, reverse=True)


def _scrubbed(exc: BenchhouseError, paths: list[str]) -> BenchhouseError:
    """The same error, its message without the warehouse's paths; but where the warehouse was looked
    for (a LocationError), whose paths are what the operator must fix."""
    return exc if isinstance(exc, LocationError) else type(exc)(_scrub_text(str(exc), paths))


def _scrub_text(text: str, paths: list[str]) -> str:
    for path in paths:
        text = text.replace(path, "<warehouse>")
    return text


def _scrub(table: pa.Table, paths: list[str]) -> pa.Table:
    for i, field in enumerate(table.schema):
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
            import pyarrow.compute as pc  # only when a text column may hold a path: `sql` starts faster

            column = table.column(i)
            for path in paths:
                column = pc.replace_substring(column, path, "<warehouse>")
            table = table.set_column(i, field, column)
    return table


def _single_statement(con: duckdb.DuckDBPyConnection, text: str) -> duckdb.Statement:
    statement = guard.single_statement(con, text)
    guard.check(con, statement)
    return statement


def named(location: Location, name: str, params: Mapping[str, str] = {},
          snapshot: int | None = None) -> pa.Table:
    """Rows of one of the warehouse's stored queries, warehouse/queries/<name>.sql."""
    return run(location, sql.load(f"queries/{name}.sql"), params, snapshot=snapshot)


def snapshots(location: Location) -> pa.Table:
    return run(location, sql.load("queries/snapshots.sql"))


def relations(location: Location, snapshot: int | None = None) -> pa.Table:
    return run(location, sql.load("queries/relations.sql"), snapshot=snapshot)


def columns(location: Location, name: str, snapshot: int | None = None) -> pa.Table:
    found = run(location, sql.load("queries/columns.sql"), {"name": name}, snapshot=snapshot)
    if found.num_rows == 0:
        known = relations(location, snapshot).column("name").to_pylist()
        raise UnknownName(
            f"no table or view named '{name}'.{did_you_mean(name, known)} "
            "List them with `benchhouse schema`."
        )
    return found
