"""Read-only queries: an analyst's SQL, the schema listing, the snapshot list.

Every query runs on a connection that attached the catalog read-only and may touch no file
outside the warehouse's data folder, so it works while an ingest runs in another process and
cannot change or leak anything.
"""

from __future__ import annotations

import math
import re
import resource
import threading
from collections.abc import Mapping
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from warehouse import guard, sql, tenants
from warehouse.connection import Location, connect
from warehouse.tenants import Tenant
from warehouse.errors import BenchhouseError, ReadOnlyViolation, UnknownName, did_you_mean

ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


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

    @property
    def memory_bytes(self) -> int:
        match = MEMORY.fullmatch(self.memory.strip())
        if not match:
            raise BenchhouseError(f"--memory-limit {self.memory!r}: write it like 4GB, 512MB or 2GiB")
        number, unit = float(match[1]), match[2].upper()
        return int(number * UNITS[unit])


MEMORY = re.compile(r"(\d+(?:\.\d+)?)\s*([KMGT]i?B)", re.I)
UNITS = {"KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12, "KIB": 2**10, "MIB": 2**20, "GIB": 2**30, "TIB": 2**40}


def run(location: Location, text: str, params: Mapping[str, object] = {},
        snapshot: int | None = None, raw_params: bool = False, tenant: Tenant | None = None,
        limits: Limits = Limits(), cap_process: bool = False) -> pa.Table:
    """Run one read-only statement and return its rows. Parameters given as text (from the
    command line) are read as numbers or booleans where they look like them, unless raw_params.
    With a tenant, the statement sees the warehouse, that tenant's catalog as `tenant` and the
    private views (warehouse/tenants.py), and nothing else. The statement is stopped after
    limits.timeout_s seconds, and fails when it needs more than limits.memory; with cap_process, this
    process's address space is capped too (cap_address_space), once the connection's threads run."""
    cap = limits.memory_bytes
    uncapped = None
    paths = _paths(location, tenant)
    con = connect(location, read_only=True, snapshot=snapshot, memory_limit=limits.memory) if tenant is None \
        else tenants.reader(tenant, snapshot, memory_limit=limits.memory)
    timer = threading.Timer(limits.timeout_s, con.interrupt)
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
        try:
            values = {k: params[k] if raw_params else parse_param(params[k]) for k in wanted}
            timer.start()
            if cap_process:
                uncapped = cap_address_space(limits)
            reader = con.execute(statement, values).fetch_record_batch(50_000)
            batches, size = [], 0
            for batch in reader:
                size += batch.nbytes
                if size > cap:
                    raise BenchhouseError(
                        f"the query's rows take more than --memory-limit {limits.memory}; add a filter, an "
                        "aggregate or a LIMIT, or raise --memory-limit")
                batches.append(batch)
            return _scrub(pa.Table.from_batches(batches, schema=reader.schema), paths)
        except duckdb.InterruptException:
            raise BenchhouseError(
                f"the query ran for more than --timeout {limits.timeout_s:g} seconds and was stopped; add a "
                "filter or a LIMIT, or raise --timeout") from None
        except duckdb.OutOfMemoryException:
            raise BenchhouseError(
                f"the query needs more than --memory-limit {limits.memory}; add a filter, an aggregate or a "
                "LIMIT, or raise --memory-limit") from None
        except duckdb.PermissionException:
            raise ReadOnlyViolation(
                "benchhouse sql reads only the warehouse: reading or writing other files is refused; "
                "load a file with `benchhouse ingest`, or write results with --format and -o"
            ) from None
        except duckdb.Error as exc:
            raise BenchhouseError(f"SQL error: {_scrub_text(' '.join(str(exc).split()), paths)}") from None
    finally:
        timer.cancel()
        con.close()
        if uncapped is not None:  # the cap holds for the query only: a caller goes on uncapped
            resource.setrlimit(resource.RLIMIT_AS, uncapped)


def cap_address_space(limits: Limits) -> tuple[int, int]:
    """Hold this process to its size now plus the query's memory (twice: DuckDB's working memory and
    the rows returned) and a margin. DuckDB's memory_limit does not count every allocation (a list
    built in one expression grows past it); an allocation beyond this cap fails, and DuckDB reports
    it as out of memory instead of the machine running out. Returns the limits it replaced, which
    run() puts back when the query is done."""
    with open("/proc/self/status") as status:
        size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    cap = size + 2 * limits.memory_bytes + (512 << 20)
    before = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (cap, before[1]))
    return before


def _paths(location: Location, tenant: Tenant | None) -> list[str]:
    """The warehouse's own paths, longest first: no output or message of a query shows them."""
    found = {location.catalog, location.catalog.split(":", 1)[-1], location.data_path,
             location.data_path.rstrip("/")}
    if location.local_dir is not None:
        found.add(str(location.local_dir))
    if tenant is not None:
        found |= {str(tenant.folder), tenant.location.data_path}
    return sorted((p for p in found if p), key=len, reverse=True)


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
    try:
        statements = con.extract_statements(text)
    except duckdb.Error as exc:
        raise BenchhouseError(f"SQL error: {' '.join(str(exc).split())}") from None
    if not statements:
        raise BenchhouseError("no SQL statement given: pass a query, -f FILE, or SQL on stdin")
    if len(statements) > 1:
        raise BenchhouseError(f"one statement at a time, please: found {len(statements)}")
    statement = statements[0]
    if statement.type not in ALLOWED:
        kind = statement.type.name.replace("_", " ")
        article = "an" if kind[0] in "AEIOU" else "a"
        raise ReadOnlyViolation(
            f"benchhouse sql is read-only: {article} {kind} statement is refused; it runs SELECT (and "
            "DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); load data with `benchhouse ingest`"
        )
    guard.check(con, statement.query)
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
