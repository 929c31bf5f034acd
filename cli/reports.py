"""Report commands: report list, report build, quarterly."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from cli import output
from cli.console import AsOfAlias, FormatOption, SnapshotOption, check_out_folder, counter, err, snapshot_of, state
from warehouse.errors import BenchhouseError

report_app = typer.Typer(help="The subscriber reports: PDF and slide deck.", no_args_is_help=True)


def report_list_command(fmt: FormatOption = "table") -> None:
    """The reports, by name, with their titles and templates."""
    import pyarrow as pa

    from reports import catalogue

    specs = catalogue.all_reports()
    output.write(pa.table({"report": [s.name for s in specs], "title": [s.title for s in specs],
                           "template": [f"templates/{s.template}" for s in specs]}), fmt, None, title="reports")


def report_build_command(
    name: Annotated[str, typer.Argument(help="Report: cost-to-run, smile-curve, openness-index or model-deployment.")],
    subscriber_id: Annotated[str, typer.Option("--subscriber", help="Subscriber id (<subscribers folder>/<id>.yaml).")],
    period: Annotated[str, typer.Option("--period", help="Quarter, e.g. 2026Q3; figures are as of its last day.")],
    snapshot: SnapshotOption = None,
    as_of: AsOfAlias = None,
    formats: Annotated[str, typer.Option("--format", help=(
        "Any of pdf, pptx, xlsx and csv, comma-separated: the PDF, the deck, and the data pack as a workbook "
        "(NAME-data.xlsx) and as CSV files (NAME-data.csv.zip)."))] = "pdf,pptx,xlsx,csv",
    out: Annotated[Path, typer.Option("--out", help="Folder for the files.")] = Path("out"),
) -> None:
    """Build one report for one subscriber and quarter: PDF, slide deck and data pack. Without --snapshot
    it reads the latest snapshot, whose schema and views must be this code's (`benchhouse init`
    brings them up to date); it writes nothing to the warehouse, so a read-only copy serves."""
    from reports import catalogue
    from reports.delivery import build, subscribers
    from reports.handle import ReadHandle, check_period, window
    from reports.window import Period

    check_out_folder(out)
    wanted = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in wanted if f not in build.SUFFIXES]
    if unknown or not wanted:
        raise BenchhouseError(f"--format {formats!r}: choose among pdf, pptx, xlsx and csv, e.g. pdf,pptx,xlsx,csv")
    catalogue.get(name)
    subscriber = subscribers.load_id(subscriber_id)
    at = snapshot_of(snapshot, as_of)
    # Without --snapshot, window() reads the latest, refusing views older than this code (never a write).
    with ReadHandle(state.location, window(state.location, Period.parse(period), at)) as handle:
        check_period(handle)
        subscribers.check_models(subscriber, handle.models())
        for done in build.build(handle, name, subscriber, wanted, out):
            err.print(f"[green]wrote[/] {done.path} ({done.pages} {build.UNITS[done.format]}, "
                      f"snapshot {handle.snapshot})")


def quarterly_command(
    period: Annotated[str, typer.Argument(help="Quarter, e.g. 2026Q3; figures are as of its last day.")],
    subscriber: Annotated[Optional[list[str]], typer.Option(
        "--subscriber", help="Only this subscriber (repeatable); default: every active one.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the plan: what would be rendered and why.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Render everything again, even what is up to date.")] = False,
    workers: Annotated[int, typer.Option("--workers", help="Worker processes.")] = 2,
    executor: Annotated[str, typer.Option("--executor", help="local, dask-local or dask://HOST:PORT.")] = "local",
    snapshot: SnapshotOption = None,
    as_of: AsOfAlias = None,
    out: Annotated[Path, typer.Option("--out", help="Root of the deliverables.")] = Path("out"),
) -> None:
    """Render every entitled report, in every entitled format, for every active subscriber, from one
    pinned snapshot, into OUT/PERIOD/<delivery>/, with manifests. Safe to interrupt and to run again:
    what is up to date is not rendered twice. A subscriber whose file has a mistake, or a render that
    fails or passes its limits, fails alone: the others render, and the exit code is 1."""
    import pyarrow as pa

    from reports.delivery import executors, quarterly
    from reports.window import Period

    check_out_folder(out)
    if workers < 1:
        raise BenchhouseError(f"--workers {workers}: give at least 1")
    executors.check(executor)
    plan = quarterly.plan(state.location, Period.parse(period), out, subscriber, snapshot_of(snapshot, as_of), force)
    err.print(f"{period}: {len(plan.pending)} deliverables to render, {len(plan.current)} up to date; "
              f"reading {plan.snapshot_reason}")
    if dry_run:
        rows = quarterly.plan_rows(plan)
        output.write(pa.table({k: [r[k] for r in rows] for k in ("subscriber", "report", "format", "status", "why")}),
                     "table", None, title=f"plan for {period}")
        _print_failed(plan.failed)
        if plan.failed:
            count = f"{len(plan.failed)} subscriber" + ("s" if len(plan.failed) > 1 else "")
            raise BenchhouseError(f"{count} would get nothing; fix what each 'failed' line says, or run the "
                                  "quarter without them")
        return
    with counter(f"rendering {period}", len(plan.pending)) as advance:
        outcome = quarterly.run(state.location, plan, workers, executor, progress=lambda done: advance())
    _print_failed(outcome.failed)
    gone = quarterly.missing(plan)
    err.print(f"rendered {len(outcome.rendered)}, up to date {len(plan.current)}, failed {len(outcome.failed)}; "
              f"deliverables in {plan.out} (manifest: {plan.out / 'manifest.json'})")
    if outcome.failed:
        raise BenchhouseError(f"{len(outcome.failed)} failed (each above, and under 'failed' in "
                              f"{plan.out / 'manifest.json'}); what rendered is kept: fix what each says and run "
                              "the quarter again")
    if gone:
        raise BenchhouseError(f"{len(gone)} deliverables are missing, e.g. {gone[0]}: run the quarter again")


def _print_failed(failed: list[tuple]) -> None:
    for _, _, reason in failed:
        err.print(f"[red]failed:[/] {escape(reason)}", highlight=False)


def register(app: typer.Typer) -> None:
    report_app.command("list")(report_list_command)
    report_app.command("build")(report_build_command)
    app.add_typer(report_app, name="report")
    app.command("quarterly")(quarterly_command)
