"""Warehouse commands that read: identity, check, sql, schema, snapshots. They import none of the
write side (warehouse.ingest, its source adapters, the generator): the commands that write are in
cli/ingest.py."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from cli import output
from cli.console import ForceOption, MemoryOption, TimeoutOption, AsOfAlias, FormatOption, OutOption, SnapshotOption, snapshot_of, state
from warehouse import query
from warehouse.errors import BenchhouseError

identity_app = typer.Typer(help="Model identity: how sources' model names resolve.", no_args_is_help=True)
check_app = typer.Typer(help="What the house corrected or does not use, and why: quarantined prices and speeds, "
                        "doubtful release dates, facts under moving aliases, ids that may name the same weights.",
                        no_args_is_help=True)


def unresolved_command(
    source_name: Annotated[Optional[str], typer.Option("--source", help="Only this source.")] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Every raw model name that matched nothing, by source and number of rows, from each source's
    latest batch: resolve one by adding a row to warehouse/identity/aliases/<source>.csv."""
    output.write(query.named(state.location, "unresolved", {"source": source_name or ""}), fmt, out, force=force, protected=state.protected(),
                 title="unresolved model names")


def coverage_command(fmt: FormatOption = "table", out: OutOption = None,
                    force: ForceOption = False) -> None:
    """Share of each source's rows whose model name resolved to a canonical model."""
    output.write(query.named(state.location, "coverage"), fmt, out, force=force, protected=state.protected(), title="name resolution coverage")


def check_prices_command(
    source_name: Annotated[Optional[str], typer.Option("--source", help="Only this price source, e.g. models-dev-prices.")] = None,
    details: Annotated[bool, typer.Option("--details", help="Every quarantined price, not the counts.")] = False,
    tiers: Annotated[bool, typer.Option("--tiers", help="The prices kept beside the standard rate (off-peak, batch, "
                                        "priority, long-context...), counted by source and tier.")] = False,
    fmt: FormatOption = "table",
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Stored prices the house quarantines (price_anomalies), counted by source and reason: a unit slip
    far from the other providers, a placeholder, a cached price above or equal to the input price, an
    off-peak rate recorded as the price, a zero that means unknown. No figure reads them. --tiers:
    the off-peak, batch, priority and long-context prices kept beside the standard rate instead."""
    if tiers:
        output.write(query.named(state.location, "price_tier_counts", {"source": source_name or ""}), fmt, out,
                     force=force, protected=state.protected(), title="prices kept beside the standard rate")
        return
    _quarantined("price_anomaly", details, source_name, fmt, out, force, "quarantined prices")


def _quarantined(name: str, details: bool, source_name: str | None, fmt: str, out: Optional[Path], force: bool,
                 title: str) -> None:
    """A quarantine counted by source and reason (warehouse/queries/<name>_counts.sql), or with
    --details each row it holds (<name>_details.sql); one source's, or every source's."""
    rows = query.named(state.location, f"{name}_{'details' if details else 'counts'}", {"source": source_name or ""})
    output.write(rows, fmt, out, force=force, protected=state.protected(), title=title)


def check_dates_command(
    all_: Annotated[bool, typer.Option("--all", help="Also the conflicts the curated tables resolve.")] = False,
    undated: Annotated[bool, typer.Option("--undated", help="Instead: the models dated otherwise than by a release "
                                          "date (by their id, their first evidence, or never).")] = False,
    fmt: FormatOption = "table",
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Models whose release dates disagree across sources by more than 30 days, precede their
    creator's first model, or come more than 31 days before the date their id carries: resolve one
    in warehouse/identity/release_dates.csv. --undated: the models no catalogue dates, and what
    their figures are dated from."""
    if undated:
        output.write(query.named(state.location, "model_dating"), fmt, out, force=force, protected=state.protected(),
                     title="models dated otherwise than by a release date")
        return
    output.write(query.named(state.location, "release_date_conflicts", {"all": "true" if all_ else "false"}), fmt, out, force=force, protected=state.protected(),
                 title="release dates in doubt")


def check_aliases_command(
    source_name: Annotated[Optional[str], typer.Option("--source", help="Only this source, e.g. litellm-prices.")] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Facts read under a moving alias (gpt-4o, gemini-1.5-flash, deepseek-chat), from each source's
    latest batch: resolved by date to the snapshot the alias named then
    (warehouse/identity/alias_history.csv), to one snapshot for all time where no history is kept,
    or not loaded where the history names none."""
    output.write(query.named(state.location, "alias_checks", {"source": source_name or ""}), fmt, out, force=force,
                 protected=state.protected(), title="facts under moving aliases")


def check_speed_command(
    source_name: Annotated[Optional[str], typer.Option("--source", help="Only this speed source, e.g. llm-stats.")] = None,
    details: Annotated[bool, typer.Option("--details", help="Every quarantined measurement, not the counts.")] = False,
    fmt: FormatOption = "table",
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Speed measurements the house quarantines (speed_anomalies), counted by source and reason: a figure
    one source gave many models on one day, a measurement before the model existed, an implausible
    rate. No figure reads them."""
    _quarantined("speed_anomaly", details, source_name, fmt, out, force, "quarantined speeds")


def check_twins_command(fmt: FormatOption = "table", out: OutOption = None,
                    force: ForceOption = False) -> None:
    """Groups of model ids that differ only by a date stamp, a tag or a spelling: candidates for one id
    (warehouse/identity/aliases/common.csv) or distinct snapshots a person keeps apart."""
    output.write(query.named(state.location, "model_twins"), fmt, out, force=force, protected=state.protected(), title="ids that may name the same weights")


def sql_command(
    statement: Annotated[Optional[str], typer.Argument(help="The query; or use -f, or stdin.")] = None,
    file: Annotated[Optional[Path], typer.Option("-f", "--file", help="Read the query from a file.")] = None,
    param: Annotated[Optional[list[str]], typer.Option(
        "-p", "--param", help="Bind $name to a value: -p name=value (repeatable).")] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    force: ForceOption = False,
    snapshot: SnapshotOption = None,
    as_of: AsOfAlias = None,
    timeout: TimeoutOption = query.Limits.timeout_s,
    memory_limit: MemoryOption = query.Limits.memory,
) -> None:
    """Run one read-only query against the warehouse. Writes, file access, settings and the lake's
    maintenance functions are refused; the query is stopped after --timeout seconds and fails when it
    needs more than --memory-limit. No output or message shows the warehouse's paths."""
    protected = state.protected(file)
    output.check_target(out, force, protected)
    limits = query.Limits(timeout, memory_limit)
    output.write(query.run(state.location, statement_text(statement, file), parameters(param),
                           snapshot=snapshot_of(snapshot, as_of), limits=limits, isolated=True), fmt, out, force=force,
                 protected=protected)


MAX_QUERY_BYTES = 1 << 20  # a query of more than a megabyte is a file given by mistake


def statement_text(statement: str | None, file: Path | None) -> str:
    """The query from the argument, -f FILE, or stdin: UTF-8 text of at most MAX_QUERY_BYTES."""
    if statement is not None and file is not None:
        raise BenchhouseError("give the query as an argument or with -f, not both")
    if file is not None:
        return _query_text(_query_bytes(file), f"-f {file}")
    if statement is not None:
        return statement
    if not sys.stdin.isatty():
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read(MAX_QUERY_BYTES + 1) if stream is not None else sys.stdin.read(MAX_QUERY_BYTES + 1).encode()
        return _query_text(data, "the query on stdin")
    raise BenchhouseError('no query: benchhouse sql "SELECT ...", -f FILE, or SQL on stdin')


def _query_bytes(file: Path) -> bytes:
    """A query file's bytes: a regular file (never a device, a pipe or a folder), read up to the cap."""
    from warehouse.textfiles import Unreadable, read_bounded

    try:
        return read_bounded(file, MAX_QUERY_BYTES)
    except Unreadable as exc:
        problem = {"missing": "no such file", "folder": "is a folder",
                   "not regular": "is not a regular file (a device, a pipe or a socket)",
                   "too large": f"is longer than {MAX_QUERY_BYTES // 1024} KB; a query is shorter: give the statement "
                                "alone"}.get(exc.reason, f"cannot be read ({exc.strerror})")
        raise BenchhouseError(f"-f {file}: {problem}; give the path of a .sql file") from None


def _query_text(data: bytes, where: str) -> str:
    from warehouse.textfiles import NotUtf8, decode_utf8

    if len(data) > MAX_QUERY_BYTES:
        raise BenchhouseError(f"{where} is longer than {MAX_QUERY_BYTES // 1024} KB; a query is shorter: give the "
                              "statement alone")
    try:
        return decode_utf8(data)
    except NotUtf8 as exc:
        utf16 = " (it looks like UTF-16)" if exc.looks_utf16 else ""
        raise BenchhouseError(f"{where}, line {exc.line}: not UTF-8 text{utf16} (byte 0x{exc.byte:02x}); save the "
                              "query as UTF-8") from None


def parameters(param: list[str] | None) -> dict[str, str]:
    """-p name=value options as a mapping."""
    params = {}
    for item in param or []:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise BenchhouseError(f"-p {item!r}: expected name=value, e.g. -p model=gpt-4o")
        params[name] = value
    return params


def schema_command(
    name: Annotated[Optional[str], typer.Argument(help="A table or view: list its columns.")] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    force: ForceOption = False,
    snapshot: SnapshotOption = None,
    as_of: AsOfAlias = None,
) -> None:
    """List the warehouse's tables and views, or one's columns, with their descriptions."""
    at = snapshot_of(snapshot, as_of)
    if name is None:
        output.write(query.relations(state.location, at), fmt, out, force=force, protected=state.protected(), title="tables and views")
    else:
        output.write(query.columns(state.location, name, at), fmt, out, force=force, protected=state.protected(), title=name)


def snapshots_command(fmt: FormatOption = "table", out: OutOption = None,
                    force: ForceOption = False) -> None:
    """List the warehouse's snapshots: id, time, the batch that made it and its rows."""
    output.write(query.snapshots(state.location), fmt, out, force=force, protected=state.protected(), title="snapshots")


def register(app: typer.Typer) -> None:
    identity_app.command("unresolved")(unresolved_command)
    identity_app.command("coverage")(coverage_command)
    app.add_typer(identity_app, name="identity")
    check_app.command("prices")(check_prices_command)
    check_app.command("dates")(check_dates_command)
    check_app.command("aliases")(check_aliases_command)
    check_app.command("speed")(check_speed_command)
    check_app.command("twins")(check_twins_command)
    app.add_typer(check_app, name="check")
    app.command("sql")(sql_command)
    app.command("schema")(schema_command)
    app.command("snapshots")(snapshots_command)
