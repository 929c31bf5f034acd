"""The benchhouse command line: the application, its global options, and the one place where errors
become messages and exit codes (1 for a mistake a person can fix, 3 for a bug)."""

from __future__ import annotations

import functools
import sys
from typing import Annotated, Optional

import click
import duckdb
import typer
from rich.markup import escape

from cli import ingest, private, reports, subscribers, warehouse
from cli.console import err, state
from warehouse.connection import ENV_WAREHOUSE
from warehouse.errors import BenchhouseError, ValidationFailed

app = typer.Typer(
    help="The back office of an independent LLM analysis house: warehouse, ingest, ad-hoc SQL, reports.",
    no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False,
)


@app.callback()
def main_options(
    warehouse_: Annotated[Optional[str], typer.Option(
        "--warehouse", envvar=ENV_WAREHOUSE, show_envvar=True,
        help="Warehouse folder (or a postgres: DSN, with BENCHHOUSE_DATA_PATH). Default: var/warehouse "
             "in the repository.")] = None,
) -> None:
    state.warehouse = warehouse_


ingest.register(app)
warehouse.register(app)
reports.register(app)
subscribers.register(app)
private.register(app)


@functools.cache
def command() -> click.Command:
    """The click command the Typer app describes, built once per process: building it reads the
    signature of every command (about 25 ms); a process runs one command, but the tests run hundreds
    in one process."""
    return typer.main.get_command(app)


def main() -> None:
    try:
        command()(prog_name="benchhouse")
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
    except MemoryError:
        err.print("[red]error:[/] ran out of memory (the command's --memory-limit, or the machine's): write the rows "
                  "with --format parquet -o FILE, or ask for fewer", highlight=False)
        sys.exit(1)
    except (OSError, duckdb.Error) as exc:
        if _disk_full(exc):
            err.print("[red]error:[/] the disk is full (No space left on device): nothing was written and the warehouse "
                      "is as it was; free some space (`df -h`) and run the command again", highlight=False)
            sys.exit(1)
        explained = _explained(exc)
        if explained is not None:
            err.print(f"[red]error:[/] {escape(explained)}", highlight=False)
            sys.exit(1)
        if isinstance(exc, OSError):
            raise
        err.print(f"[red]error:[/] the warehouse failed: {escape(str(exc).strip())}. This is a bug in "
                  "benchhouse, not in your data: please report it with the command you ran.", highlight=False)
        sys.exit(3)


def _explained(exc: OSError | duckdb.Error) -> str | None:
    """The one-line message for a failure that is not a bug: a damaged or missing file of the warehouse,
    or the operating system refusing a file (read-only, no permission), named as the user gave it."""
    import errno

    from warehouse.files import REFUSED, cannot_write, explain

    try:
        location = state.location
    except BenchhouseError:
        return None
    if isinstance(exc, duckdb.Error):
        damaged = explain(exc, location)
        return None if damaged is None else str(damaged)
    refused = cannot_write(location, exc)
    if refused is not None:
        return str(refused)
    if exc.errno in REFUSED and exc.filename is not None:  # a file of the user's, outside the warehouse
        if exc.errno == errno.EROFS:
            return f"{exc.filename} is on a read-only file system: write it somewhere else"
        return f"{exc.filename}: permission denied: give a file or folder this user may use, or change its permissions"
    return None


def _disk_full(exc: BaseException) -> bool:
    import errno

    return getattr(exc, "errno", None) in (errno.ENOSPC, errno.EDQUOT) or "No space left on device" in str(exc)


if __name__ == "__main__":
    main()
