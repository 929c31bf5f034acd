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
from warehouse.errors import BenchhouseError

err = Console(stderr=True, soft_wrap=True)

FormatOption = Annotated[str, typer.Option("--format", help="table, csv, json or parquet (needs -o).")]
OutOption = Annotated[Optional[Path], typer.Option(
    "-o", "--output", help="Write to this file, not stdout: never a file of the warehouse or the input, and an "
                           "existing file only with --force.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the -o (or --rejects) file if it exists.")]
TimeoutOption = Annotated[float, typer.Option(
    "--timeout", help="Stop the query after this many seconds (more than 0, at most 86400).")]
MemoryOption = Annotated[str, typer.Option(
    "--memory-limit", help="Memory the query may use (DuckDB's memory_limit, and the rows returned), e.g. 4GB.")]
SnapshotOption = Annotated[Optional[int], typer.Option(
    "--snapshot", help="Read the warehouse as it was at this snapshot id (see `benchhouse snapshots`).")]
AsOfAlias = Annotated[Optional[int], typer.Option(
    "--as-of", help="Deprecated alias of --snapshot: it takes a snapshot id, not a date.")]


class State:
    warehouse: str | None = None

    @property
    def location(self) -> Location:
        return Location.resolve(self.warehouse)

    def protected(self, *inputs: Path | None) -> list[Path]:
        """What no output file may overwrite: the warehouse folder (catalog, data, tenants) and the inputs."""
        location = self.location
        found = [location.local_dir] if location.local_dir else []
        if not location.is_embedded and "://" not in location.data_path:
            found.append(Path(location.data_path))
        return found + [Path(i) for i in inputs if i is not None]


state = State()


def check_out_folder(out: Path, option: str = "--out") -> None:
    """Refuse an output folder inside the warehouse folder (its catalog, data, or a tenant's folder):
    a deliverable written there is read by no one, and outlives a purge of its tenant."""
    from cli.output import within

    if within(out, state.protected()) is not None:
        raise BenchhouseError(f"{option} {out}: refused, it is inside the warehouse folder; write the "
                              f"deliverables elsewhere, e.g. {option} out")


def snapshot_of(snapshot: int | None, as_of: int | None) -> int | None:
    """The snapshot asked for; --as-of still works, with a warning, until it is removed."""
    if as_of is not None:
        err.print("[yellow]warning:[/] --as-of is deprecated and takes a snapshot id, not a date: use --snapshot")
        if snapshot is not None and snapshot != as_of:
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
