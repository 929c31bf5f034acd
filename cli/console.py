"""What every command group shares: the stderr console, progress bars, the warehouse location chosen
on the command line, and the options that several commands take."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from warehouse.connection import Location

err = Console(stderr=True, soft_wrap=True)

FormatOption = Annotated[str, typer.Option("--format", help="table, csv, json or parquet (needs -o).")]
OutOption = Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file, not stdout.")]
SnapshotOption = Annotated[Optional[int], typer.Option(
    "--snapshot", help="Read the warehouse as it was at this snapshot id (see `benchhouse snapshots`).")]
AsOfAlias = Annotated[Optional[int], typer.Option(
    "--as-of", help="Deprecated alias of --snapshot: it takes a snapshot id, not a date.")]


class State:
    warehouse: str | None = None

    @property
    def location(self) -> Location:
        return Location.resolve(self.warehouse)


state = State()


def snapshot_of(snapshot: int | None, as_of: int | None) -> int | None:
    """The snapshot asked for; --as-of still works, with a warning, until it is removed."""
    if as_of is not None:
        err.print("[yellow]warning:[/] --as-of is deprecated and takes a snapshot id, not a date: use --snapshot")
        if snapshot is not None and snapshot != as_of:
            from warehouse.errors import BenchhouseError

            raise BenchhouseError(f"--snapshot {snapshot} and --as-of {as_of} disagree: give --snapshot alone")
        return as_of
    return snapshot


@contextmanager
def spinner(description: str) -> Iterator[Callable[[str], None]]:
    """A spinner with elapsed time on stderr (only on a terminal); yields a function that sets
    what it says."""
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(description)
        yield lambda stage: bar.update(task, description=stage)


@contextmanager
def counter(description: str, total: int) -> Iterator[Callable[[], None]]:
    """A progress bar of `total` steps on stderr; yields a function that advances it by one."""
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=False, disable=not err.is_terminal) as bar:
        task = bar.add_task(description, total=total)
        yield lambda: bar.advance(task)
