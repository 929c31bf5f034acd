"""Writing rows (an Arrow table) as a table for people, or as CSV, JSON or Parquet for programs."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterator

import pyarrow as pa
from rich.console import Console
from rich.table import Table

from warehouse.errors import BenchhouseError

FORMATS = ("table", "csv", "json", "parquet")
TABLE_ROWS = 1000  # a terminal table longer than this helps nobody; csv and json give them all


def within(out: Path, protected: list[Path]) -> Path | None:
    """The protected path that `out` is, or is inside of (links resolved); None when it is none."""
    target = out.resolve()
    for path in protected:
        path = path.resolve()
        if target == path or path in target.parents:
            return path
    return None


def check_target(out: Path | None, force: bool, protected: list[Path], option: str = "-o") -> None:
    """Refuse to write `out` where it would destroy something: anything under a protected folder (the
    warehouse), a protected file (the input), or, without --force, any existing file."""
    if out is None:
        return
    path = within(out, protected)
    if path is not None:
        raise BenchhouseError(f"{option} {out}: refused, it would overwrite "
                              f"{'the warehouse' if path.is_dir() else 'the input file'}; write elsewhere")
    if out.is_dir():
        raise BenchhouseError(f"{option} {out}: is a folder; give a file name")
    if not out.parent.is_dir():
        raise BenchhouseError(f"{option} {out}: the folder {out.parent} does not exist; create it first or write elsewhere")
    if out.exists() and not out.is_file():
        # A device, a FIFO or a socket is never replaced by a file, not even with --force.
        raise BenchhouseError(f"{option} {out}: is not a regular file (a device, a pipe or a socket); give a file name")
    if os.path.lexists(out) and not force:
        raise BenchhouseError(f"{option} {out}: the file exists; pass --force to replace it, or choose another name")


def write(rows: pa.Table, fmt: str, out: Path | None = None, title: str | None = None, force: bool = False,
          protected: list[Path] = ()) -> None:
    """Write rows to `out` (stdout when None) in the given format; a file is written to a temporary
    name and renamed, after check_target."""
    if fmt not in FORMATS:
        raise BenchhouseError(f"unknown format '{fmt}': choose one of {', '.join(FORMATS)}")
    check_target(out, force, list(protected))
    repeated = sorted({name for name in rows.column_names if rows.column_names.count(name) > 1})
    if repeated and fmt in ("json", "parquet"):
        raise BenchhouseError(
            f"the query gives more than one column named {', '.join(map(repr, repeated))}, and --format {fmt} names "
            f"each column once: name them apart with AS (SELECT a.{repeated[0]} AS {repeated[0]}_a, "
            f"b.{repeated[0]} AS {repeated[0]}_b ...)")
    if fmt == "parquet" and out is None:
        raise BenchhouseError("--format parquet writes a file: add -o FILE.parquet")
    if fmt == "table" and out is None:
        _print_table(rows, title)
        return
    if out is None:
        _write_text(rows, fmt, sys.stdout.buffer)
        sys.stdout.flush()
        return
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq  # only for --format parquet: the other formats start faster

            pq.write_table(rows, tmp)
        else:
            with open(tmp, "wb") as handle:
                _write_text(rows, fmt, handle)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


def _write_text(rows: pa.Table, fmt: str, handle: BinaryIO) -> None:
    if fmt == "csv":
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=True)
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(rows.column_names)
        for batch in rows.to_batches(max_chunksize=10_000):
            writer.writerows(("" if v is None else v for v in record) for record in _records(batch))
        text.detach()
    elif fmt == "json":
        # JSON has no NaN or infinity: a query that computes one gives null, never invalid JSON.
        records = [{k: _finite(v) for k, v in record.items()} for record in rows.to_pylist()]
        handle.write(json.dumps(records, default=str, indent=1, allow_nan=False).encode() + b"\n")
    else:  # a table written to a file is plain text
        console = Console(file=_TextWriter(handle), width=200, color_system=None)
        console.print(_rich_table(rows, None))


def _finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [_finite(v) for v in value]
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    return value


class _TextWriter:
    def __init__(self, handle: BinaryIO):
        self.handle = handle

    def write(self, text: str) -> int:
        return self.handle.write(text.encode())

    def flush(self) -> None:
        self.handle.flush()


def _records(rows: pa.Table | pa.RecordBatch) -> Iterator[tuple]:
    """Each row's values in column order: by position, so that two columns of one name (a.x, b.x in a
    join) both keep their values."""
    return zip(*(column.to_pylist() for column in rows.columns))


def _rich_table(rows: pa.Table, title: str | None) -> Table:
    table = Table(title=title, show_lines=False)
    for field in rows.schema:
        numeric = pa.types.is_integer(field.type) or pa.types.is_floating(field.type)
        table.add_column(field.name, justify="right" if numeric else "left", overflow="fold")
    for record in _records(rows.slice(0, TABLE_ROWS)):
        table.add_row(*("" if v is None else str(v) for v in record))
    return table


def _print_table(rows: pa.Table, title: str | None) -> None:
    console = Console()
    if not console.is_terminal:
        console = Console(width=200)  # piped: no terminal width to respect; avoid folding cells
    console.print(_rich_table(rows, title))
    if rows.num_rows > TABLE_ROWS:
        Console(stderr=True, soft_wrap=True).print(
            f"[yellow]showing {TABLE_ROWS} of {rows.num_rows} rows; --format csv or json gives them all")
    else:
        Console(stderr=True, soft_wrap=True).print(f"[dim]{rows.num_rows} row{'s' if rows.num_rows != 1 else ''}")
