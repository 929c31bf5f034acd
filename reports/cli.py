"""The benchhouse command line. Data goes to stdout; progress, summaries and errors to stderr."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import duckdb
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from reports import output
from warehouse import formats, query
from warehouse.connection import ENV_WAREHOUSE, Location
from warehouse.errors import BenchhouseError, ValidationFailed, did_you_mean
from warehouse.ingest import REJECTS_SHOWN, IngestResult, ingest, ingest_indices, ingest_source, init

app = typer.Typer(
    help="The back office of an independent LLM analysis house: warehouse, ingest, ad-hoc SQL.",
    no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False,
)
ingest_app = typer.Typer(help="Load a file in one of the house's native formats (CSV, Parquet or "
                              "JSON Lines). See docs/formats.md.", no_args_is_help=True)
app.add_typer(ingest_app, name="ingest")
err = Console(stderr=True, soft_wrap=True)

FormatOption = Annotated[str, typer.Option("--format", help="table, csv, json or parquet (needs -o).")]
OutOption = Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file, not stdout.")]
AsOfOption = Annotated[Optional[int], typer.Option(
    "--as-of", help="Read the warehouse as it was at this snapshot (see `benchhouse snapshots`).")]


class State:
    warehouse: str | None = None

    @property
    def location(self) -> Location:
        return Location.resolve(self.warehouse)


state = State()


@app.callback()
def main_options(
    warehouse: Annotated[Optional[str], typer.Option(
        "--warehouse", envvar=ENV_WAREHOUSE, show_envvar=True,
        help="Warehouse folder (or a postgres: DSN, with BENCHHOUSE_DATA_PATH). Default: var/warehouse "
             "in the repository.")] = None,
) -> None:
    state.warehouse = warehouse


@app.command("init")
def init_command() -> None:
    """Create the warehouse if it does not exist and bring its schema up to date."""
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
            "--rejects", help="Also write every rejected row, with its reason, to this CSV file.")] = None,
    ) -> None:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task(f"{kind} {path.name}")
            result = ingest(state.location, kind, path, allow_rejects=allow_rejects,
                            rejects_out=rejects,
                            progress=lambda stage: bar.update(task, description=f"{path.name}: {stage}"))
        _report(result, rejects)

    command.__doc__ = (f"{fmt.doc}\n\nColumns: {', '.join(c.name for c in fmt.columns)}. "
                       "A file loads wholly or not at all, in one snapshot, unless --allow-rejects.")
    return command


for _kind in formats.FORMATS:
    ingest_app.command(_kind)(_ingest_command(_kind))


@ingest_app.command("indices")
def ingest_indices_command(
    folder: Annotated[Optional[Path], typer.Argument(
        help="Folder of index YAML files (default: warehouse/indices).")] = None,
) -> None:
    """Load index versions, smile-curve thresholds and price origins. A published index version
    never changes: a file that changes one is refused."""
    result = ingest_indices(state.location, folder)
    if result.already_loaded:
        err.print(f"indices already loaded (batch {result.batch_id}, snapshot {result.snapshot_id}): nothing to do")
    else:
        err.print(f"[green]loaded[/] indices: {result.rows_accepted} new index versions as batch "
                  f"{result.batch_id} (snapshot {result.snapshot_id})")


@ingest_app.command("source")
def ingest_source_command(
    name: Annotated[Optional[str], typer.Argument(help="Source adapter, e.g. epoch-hub.")] = None,
    path: Annotated[Optional[Path], typer.Argument(help="Folder holding the source's files.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the source adapters and exit.")] = False,
    allow_rejects: Annotated[bool, typer.Option(
        "--allow-rejects", help="Load the good rows; keep each bad one in rejected_rows.")] = False,
) -> None:
    """Read an outside source in its own format, resolve its model names, validate it with the
    native rules and load it in one snapshot, replacing what its earlier batches loaded."""
    if list_ or name is None:
        output.write(sources_table(), "table", None, title="source adapters")
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(name)
        result = ingest_source(state.location, name, path, allow_rejects=allow_rejects,
                               progress=lambda stage: bar.update(task, description=f"{name}: {stage}"))
    _report(result, None)
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


@app.command("generate-runs")
def generate_runs_command(
    out: Annotated[Path, typer.Argument(help="Parquet file to write.")],
) -> None:
    """Write demo task results in the native runs format, generated (not measured) and calibrated
    to the published scores, token counts and turns in the warehouse. The file is marked as
    generated, and so is the batch that ingests it."""
    from warehouse import generate

    rows = generate.write(state.location, out)
    err.print(f"wrote {rows} generated task results to {out}")


@app.command("demo")
def demo_command() -> None:
    """Build the demo warehouse from the data the repository ships (data/sources, data/house) and
    generated house runs, then show what it holds. Running it again loads nothing twice."""
    from warehouse import demo

    location = state.location
    runs = (location.local_dir or Path("var")).parent / "generated_runs.parquet"
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("demo")
        demo.build(location, runs, report=lambda step, result: _report(result, None),
                   progress=lambda stage: bar.update(task, description=stage))
    output.write(query.named(location, "coverage"), "table", None, title="name resolution coverage")
    output.write(query.run(location, (demo.ROOT / "demo" / "overview.sql").read_text()), "table", None,
                 title="the demo warehouse")


report_app = typer.Typer(help="The subscriber reports: PDF and slide deck.", no_args_is_help=True)
app.add_typer(report_app, name="report")


@report_app.command("list")
def report_list_command(fmt: FormatOption = "table") -> None:
    """The reports, by name, with their titles and templates."""
    import pyarrow as pa

    from reports import registry

    specs = registry.all_reports()
    output.write(pa.table({"report": [s.name for s in specs], "title": [s.title for s in specs],
                           "template": [f"templates/{s.template}" for s in specs]}), fmt, None, title="reports")


@report_app.command("build")
def report_build_command(
    name: Annotated[str, typer.Argument(help="Report: cost-to-run, smile-curve or openness-index.")],
    subscriber_id: Annotated[str, typer.Option("--subscriber", help="Subscriber id (subscribers/<id>.yaml).")],
    period: Annotated[str, typer.Option("--period", help="Quarter, e.g. 2026Q3.")],
    as_of: AsOfOption = None,
    formats: Annotated[str, typer.Option("--format", help="pdf, pptx or both: pdf,pptx.")] = "pdf,pptx",
    out: Annotated[Path, typer.Option("--out", help="Folder for the files.")] = Path("out"),
) -> None:
    """Build one report for one subscriber and quarter, as PDF and/or slide deck."""
    from reports import render, subscribers
    from reports.data import ReportData
    from reports.period import Period

    wanted = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in wanted if f not in ("pdf", "pptx")]
    if unknown or not wanted:
        raise BenchhouseError(f"--format {formats!r}: choose pdf, pptx or pdf,pptx")
    path = subscribers.FOLDER / f"{subscriber_id}.yaml"
    if not path.exists():
        known = [p.stem for p in subscribers.FOLDER.glob("*.yaml")]
        raise BenchhouseError(f"no subscriber '{subscriber_id}' (no {path})." + did_you_mean(subscriber_id, known))
    subscriber = subscribers.load(path)
    if as_of is None:
        init(state.location)  # the views as this code defines them, in the snapshot read
    data = ReportData(state.location, as_of)
    try:
        subscribers.check_models(subscriber, {r[0] for r in data.con.execute("SELECT model FROM models").fetchall()}, path)
        for done in render.build(data, name, subscriber, Period.parse(period), wanted, out):
            unit = "pages" if done.format == "pdf" else "slides"
            err.print(f"[green]wrote[/] {done.path} ({done.pages} {unit}, snapshot {data.snapshot})")
    finally:
        data.close()


subscribers_app = typer.Typer(help="The subscriber files in subscribers/.", no_args_is_help=True)
app.add_typer(subscribers_app, name="subscribers")


@subscribers_app.command("list")
def subscribers_list_command(fmt: FormatOption = "table") -> None:
    """Every subscriber: company, whether active, tier, reports and formats, index pin, delivery."""
    import pyarrow as pa

    from reports import subscribers

    found = subscribers.load_all()
    output.write(pa.table({
        "id": [s.id for s in found], "company": [s.company for s in found], "active": [s.active for s in found],
        "tier": [s.tier for s in found], "reports": [", ".join(s.reports) for s in found],
        "formats": [", ".join(s.formats) for s in found], "index": [s.index_version or "latest" for s in found],
        "delivery": [s.delivery for s in found]}), fmt, None, title="subscribers")


@subscribers_app.command("validate")
def subscribers_validate_command() -> None:
    """Check every subscriber file: keys, values, reports, logos, and that focus models are models of
    the warehouse (when there is one). Each mistake names the file, the key and the fix."""
    from reports import subscribers

    problems = []
    known = None
    if state.location.exists():
        known = {r["model"] for r in query.run(state.location, "SELECT model FROM models").to_pylist()}
    for path in sorted(subscribers.FOLDER.glob("*.yaml")):
        try:
            subscriber = subscribers.load(path)
            if known is not None:
                subscribers.check_models(subscriber, known, path)
        except BenchhouseError as exc:
            problems.append(str(exc))
    for problem in problems:
        err.print(f"[red]error:[/] {escape(problem)}", highlight=False)
    if problems:
        raise typer.Exit(1)
    err.print(f"[green]{len(list(subscribers.FOLDER.glob('*.yaml')))} subscriber files are valid[/]")


@app.command("quarterly")
def quarterly_command(
    period: Annotated[str, typer.Argument(help="Quarter, e.g. 2026Q3.")],
    subscriber: Annotated[Optional[list[str]], typer.Option(
        "--subscriber", help="Only this subscriber (repeatable); default: every active one.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the plan: what would be rendered and why.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Render everything again, even what is up to date.")] = False,
    workers: Annotated[int, typer.Option("--workers", help="Worker processes.")] = 2,
    executor: Annotated[str, typer.Option("--executor", help="local, dask-local or dask://HOST:PORT.")] = "local",
    as_of: AsOfOption = None,
    out: Annotated[Path, typer.Option("--out", help="Root of the deliverables.")] = Path("out"),
) -> None:
    """Render every entitled report, in every entitled format, for every active subscriber, from one
    pinned snapshot, into OUT/PERIOD/<delivery>/, with manifests. Safe to interrupt and to run again:
    what is up to date is not rendered twice."""
    import pyarrow as pa

    from reports import quarterly
    from reports.period import Period

    if workers < 1:
        raise BenchhouseError(f"--workers {workers}: give at least 1")
    plan = quarterly.plan(state.location, Period.parse(period), out, subscriber, as_of, force, dry_run=dry_run)
    err.print(f"{period}: {len(plan.pending)} deliverables to render, {len(plan.current)} up to date; "
              f"reading {plan.snapshot_reason}")
    if dry_run:
        rows = quarterly.plan_rows(plan)
        output.write(pa.table({k: [r[k] for r in rows] for k in ("subscriber", "report", "format", "status", "why")}),
                     "table", None, title=f"plan for {period}")
        return
    if plan.pending:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err, transient=False, disable=not err.is_terminal) as bar:
            task = bar.add_task(f"rendering {period}", total=len(plan.pending))
            outcome = quarterly.run(state.location, plan, workers, executor,
                                    progress=lambda done: bar.advance(task))
    else:
        outcome = quarterly.Outcome()
        quarterly.run(state.location, plan, workers, executor)
    for subscriber_id, report, problem in outcome.failed:
        err.print(f"[red]failed:[/] {subscriber_id} {report}: {escape(problem)}", highlight=False)
    gone = quarterly.missing(plan)
    err.print(f"rendered {len(outcome.rendered)}, up to date {len(plan.current)}, failed {len(outcome.failed)}; "
              f"deliverables in {plan.out} (manifest: {plan.out / 'manifest.json'})")
    if gone:
        raise BenchhouseError(f"{len(gone)} deliverables are missing, e.g. {gone[0]}: run the quarter again")


identity_app = typer.Typer(help="Model identity: how sources' model names resolve.", no_args_is_help=True)
app.add_typer(identity_app, name="identity")


@identity_app.command("unresolved")
def unresolved_command(
    source_name: Annotated[Optional[str], typer.Option("--source", help="Only this source.")] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
) -> None:
    """Every raw model name that matched nothing, by source and number of rows, from each source's
    latest batch: resolve one by adding a row to warehouse/identity/aliases/<source>.csv."""
    output.write(query.named(state.location, "unresolved", {"source": source_name or ""}), fmt, out,
                 title="unresolved model names")


@identity_app.command("coverage")
def coverage_command(fmt: FormatOption = "table", out: OutOption = None) -> None:
    """Share of each source's rows whose model name resolved to a canonical model."""
    output.write(query.named(state.location, "coverage"), fmt, out, title="name resolution coverage")


def _report(result: IngestResult, rejects_file: Path | None) -> None:
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


@app.command("sql")
def sql_command(
    statement: Annotated[Optional[str], typer.Argument(help="The query; or use -f, or stdin.")] = None,
    file: Annotated[Optional[Path], typer.Option("-f", "--file", help="Read the query from a file.")] = None,
    param: Annotated[Optional[list[str]], typer.Option(
        "-p", "--param", help="Bind $name to a value: -p name=value (repeatable).")] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Run one read-only query against the warehouse. Writes and file access are refused."""
    if statement is not None and file is not None:
        raise BenchhouseError("give the query as an argument or with -f, not both")
    if file is not None:
        text = file.read_text()
    elif statement is not None:
        text = statement
    elif not sys.stdin.isatty():
        text = sys.stdin.read()
    else:
        raise BenchhouseError('no query: benchhouse sql "SELECT ...", -f FILE, or SQL on stdin')
    params = {}
    for item in param or []:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise BenchhouseError(f"-p {item!r}: expected name=value, e.g. -p model=gpt-4o")
        params[name] = value
    output.write(query.run(state.location, text, params, snapshot=as_of), fmt, out)


@app.command("schema")
def schema_command(
    name: Annotated[Optional[str], typer.Argument(help="A table or view: list its columns.")] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    as_of: AsOfOption = None,
) -> None:
    """List the warehouse's tables and views, or one's columns, with their descriptions."""
    if name is None:
        output.write(query.relations(state.location, as_of), fmt, out, title="tables and views")
    else:
        output.write(query.columns(state.location, name, as_of), fmt, out, title=name)


@app.command("snapshots")
def snapshots_command(fmt: FormatOption = "table", out: OutOption = None) -> None:
    """List the warehouse's snapshots: id, time, the batch that made it and its rows."""
    output.write(query.snapshots(state.location), fmt, out, title="snapshots")


def main() -> None:
    try:
        app()
    except ValidationFailed as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        for line in exc.lines():
            err.print("  " + line, markup=False, highlight=False)
        if len(exc.rejects) < exc.problems:
            err.print(f"  ... and {exc.problems - len(exc.rejects)} more problems: pass --rejects FILE "
                      "to write every one", markup=False)
        sys.exit(1)
    except BenchhouseError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        sys.exit(1)
    except duckdb.Error as exc:
        err.print(f"[red]error:[/] the warehouse failed: {escape(str(exc).strip())}. This is a bug in "
                  "benchhouse, not in your data: please report it with the command you ran.", highlight=False)
        sys.exit(3)


if __name__ == "__main__":
    main()
