"""Warehouse commands that write: init, ingest (a native file, a source, the index versions),
generate-runs and demo. The write side (warehouse.ingest: pandas and every source adapter) is imported
by each command as it runs, so that `benchhouse sql` and the other readers start without it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from cli import output
from cli.console import ForceOption, err, spinner, state
from warehouse import formats, query

if TYPE_CHECKING:
    from warehouse.ingest import IngestResult


ingest_app = typer.Typer(help="Load a file in one of the house's native formats (CSV, Parquet or "
                              "JSON Lines), an outside source, or the index versions. See docs/formats.md.",
                         no_args_is_help=True)


def init_command() -> None:
    """Create the warehouse if it does not exist and bring its schema up to date."""
    from warehouse.migrate import init

    applied = init(state.location)
    what = ", ".join(applied) if applied else "nothing to apply; the schema is up to date"
    err.print(f"warehouse {state.location.describe()}: {what}")


def _ingest_command(kind: str):
    fmt = formats.get(kind)

    def command(
        path: Annotated[Path, typer.Argument(help="A .csv, .parquet or .jsonl file.")],
        allow_rejects: Annotated[bool, typer.Option(
            "--allow-rejects", help="Load the good rows; keep each bad one, with its reason, in "
                                    "the table rejected_rows.")] = False,
        rejects: Annotated[Optional[Path], typer.Option(
            "--rejects", help="Also write every rejected row, with its reason, to this CSV file (never the input "
                              "or a file of the warehouse; an existing file only with --force).")] = None,
        force: ForceOption = False,
    ) -> None:
        from warehouse.ingest import ingest

        output.check_target(rejects, force, state.protected(path), "--rejects")
        with spinner(f"{kind} {path.name}") as say:
            result = ingest(state.location, kind, path, allow_rejects=allow_rejects, rejects_out=rejects,
                            progress=lambda stage: say(f"{path.name}: {stage}"))
        report(result, rejects)

    command.__doc__ = (f"{fmt.doc}\n\nColumns: {', '.join(c.name for c in fmt.columns)}. "
                       "A file loads wholly or not at all, in one snapshot, unless --allow-rejects.")
    return command


def ingest_indices_command(
    folder: Annotated[Optional[Path], typer.Argument(
        help="Folder of index YAML files (default: warehouse/indices).")] = None,
) -> None:
    """Load index versions, smile-curve thresholds, price origins and report policies. A published
    index version never changes: a file that changes one is refused."""
    from warehouse.ingest import ingest_indices

    result = ingest_indices(state.location, folder)
    if result.already_loaded:
        err.print(f"indices already loaded (batch {result.batch_id}, snapshot {result.snapshot_id}): nothing to do")
    else:
        err.print(f"[green]loaded[/] indices: {result.rows_accepted} new index versions as batch "
                  f"{result.batch_id} (snapshot {result.snapshot_id})")


def ingest_source_command(
    name: Annotated[Optional[str], typer.Argument(help="Source adapter, e.g. epoch-hub.")] = None,
    path: Annotated[Optional[Path], typer.Argument(help="Folder holding the source's files.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the source adapters and exit.")] = False,
    allow_rejects: Annotated[bool, typer.Option(
        "--allow-rejects", help="Load the good rows; keep each bad one in rejected_rows.")] = False,
    allow_shrink: Annotated[bool, typer.Option(
        "--allow-shrink", help="Load a read that holds far fewer rows (by more than 20%) than the source's "
                               "last batch; refused otherwise, as the files may be truncated.")] = False,
) -> None:
    """Read an outside source in its own format, resolve its model names, validate it with the
    native rules and load it in one snapshot, replacing what its earlier batches loaded."""
    from warehouse.ingest import ingest_source

    if list_ or name is None:
        output.write(sources_table(), "table", None, title="source adapters")
        return
    with spinner(name) as say:
        result = ingest_source(state.location, name, path, allow_rejects=allow_rejects,
                               allow_shrink=allow_shrink, progress=lambda stage: say(f"{name}: {stage}"))
    report(result, None)
    if result.unresolved_rows and not result.already_loaded:
        err.print(f"{result.unresolved_rows} rows name models nobody resolved: see "
                  f"`benchhouse identity unresolved --source {name}`")


def sources_table():
    import pyarrow as pa

    from warehouse.sources.base import all_sources

    specs = all_sources()
    return pa.table({
        "source": [s.name for s in specs],
        "reads": [", ".join(s.files) for s in specs],
        "licence": [s.licence for s in specs],
        "what": [s.description for s in specs],
    })


def generate_runs_command(
    out: Annotated[Path, typer.Argument(help="Parquet file to write.")],
) -> None:
    """Write demo task results in the native runs format, generated (not measured) and calibrated
    to the published scores, token counts and turns in the warehouse. The file is marked as
    generated, and so is the batch that ingests it."""
    from warehouse import generate

    rows = generate.write(state.location, out)
    err.print(f"wrote {rows} generated task results to {out}")


def demo_command() -> None:
    """Build the demo warehouse from the data the repository ships (data/sources, data/house) and
    generated house runs, then show what it holds. Running it again loads nothing twice."""
    from warehouse import demo

    location = state.location
    runs = (location.local_dir or Path("var")).parent / "generated_runs.parquet"
    with spinner("demo") as say:
        demo.build(location, runs, report=lambda step, result: report(result, None), progress=say)
    output.write(query.named(location, "coverage"), "table", None, title="name resolution coverage")
    output.write(query.run(location, (demo.ROOT / "demo" / "overview.sql").read_text()), "table", None,
                 title="the demo warehouse")


def report(result: IngestResult, rejects_file: Path | None) -> None:
    """One ingest's outcome on stderr: what loaded, and each rejected row with its reason."""
    from warehouse.ingest import REJECTS_SHOWN

    name = result.file.name
    if result.already_loaded:
        err.print(f"{name} is already loaded (batch {result.batch_id}, snapshot {result.snapshot_id}): "
                  "nothing to do")
        return
    err.print(f"[green]loaded[/] {name}: {result.rows_accepted} rows of {result.kind} as batch "
              f"{result.batch_id} (snapshot {result.snapshot_id})")
    if result.rows_rejected:
        err.print(f"[yellow]rejected {result.rows_rejected} rows[/], kept in rejected_rows "
                  f"(batch_id = {result.batch_id}):")
        for reject in result.rejects:
            err.print("  " + reject.describe(name, result.row_label, result.line_offset),
                      markup=False, highlight=False)
        if rejects_file is not None:
            err.print(f"every rejected row is in {rejects_file}", markup=False)
        elif len(result.rejects) == REJECTS_SHOWN:
            err.print("  ... more may follow: pass --rejects FILE to write every one, or query "
                      "rejected_rows", markup=False)


def register(app: typer.Typer) -> None:
    app.command("init")(init_command)
    for kind in formats.FORMATS:
        ingest_app.command(kind)(_ingest_command(kind))
    ingest_app.command("indices")(ingest_indices_command)
    ingest_app.command("source")(ingest_source_command)
    app.add_typer(ingest_app, name="ingest")
    app.command("generate-runs")(generate_runs_command)
    app.command("demo")(demo_command)
