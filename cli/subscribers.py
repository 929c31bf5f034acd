"""Subscriber commands: subscribers list, subscribers validate."""

from __future__ import annotations

import typer
from rich.markup import escape

from cli import output
from cli.console import FormatOption, err, state
from warehouse import query
from warehouse.errors import BenchhouseError

subscribers_app = typer.Typer(help="The subscriber files (subscribers/, or BENCHHOUSE_SUBSCRIBERS).",
                              no_args_is_help=True)


def subscribers_list_command(fmt: FormatOption = "table") -> None:
    """Every subscriber: company, whether active, tier, reports and formats, index pin, delivery."""
    import pyarrow as pa

    from reports.delivery import subscribers

    found = subscribers.load_all()
    output.write(pa.table({
        "id": [s.id for s in found], "company": [s.company for s in found], "active": [s.active for s in found],
        "tier": [s.tier for s in found], "reports": [", ".join(s.reports) for s in found],
        "formats": [", ".join(s.formats) for s in found], "index": [s.index_version or "latest" for s in found],
        "delivery": [s.delivery for s in found]}), fmt, None, title="subscribers")


def subscribers_validate_command() -> None:
    """Check every subscriber file: keys, values, reports, logos, and that focus models are models of
    the warehouse (when there is one). Each mistake names the file, the key and the fix."""
    from reports.delivery import subscribers

    found, refused = subscribers.read_folder()
    problems = [problem for _, problem in refused]
    if found and state.location.exists():
        known = {r["model"] for r in query.run(state.location, "SELECT model FROM models").to_pylist()}
        for subscriber in found:
            try:
                subscribers.check_models(subscriber, known)
            except BenchhouseError as exc:
                problems.append(str(exc))
    for problem in problems:
        err.print(f"[red]error:[/] {escape(problem)}", highlight=False)
    if problems:
        raise typer.Exit(1)
    err.print(f"[green]{len(found)} subscriber files are valid[/]")


def register(app: typer.Typer) -> None:
    subscribers_app.command("list")(subscribers_list_command)
    subscribers_app.command("validate")(subscribers_validate_command)
    app.add_typer(subscribers_app, name="subscribers")
