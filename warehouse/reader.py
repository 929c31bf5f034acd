"""Reading an input file (CSV, Parquet or JSON Lines) as the temporary view `src`.

`src` has `_row` (the data row number, from 1) and the file's columns as they are: text for CSV
and JSON Lines, native types for Parquet. Columns are checked against the format first: an
extra column or a missing required one refuses the whole file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from warehouse.errors import FileFormatError, did_you_mean
from warehouse.formats import Format
from warehouse.sql import quote_ident, quote_literal

SUFFIXES = {
    ".csv": "csv", ".tsv": "csv", ".csv.gz": "csv",
    ".parquet": "parquet", ".pq": "parquet",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".jsonl.gz": "jsonl",
}


@dataclass(frozen=True)
class Source:
    path: Path
    file_type: str
    columns: dict[str, str]  # name in the file -> DuckDB type as read
    rows: int

    @property
    def row_label(self) -> str:
        """How a person finds a row: a line for text files, a row for Parquet and frames."""
        return "line" if self.file_type in ("csv", "jsonl") else "row"

    @property
    def line_offset(self) -> int:
        return 1 if self.file_type == "csv" else 0  # the CSV header is line 1


def file_type(path: Path) -> str:
    name = path.name.lower()
    for suffix, kind in sorted(SUFFIXES.items(), key=lambda item: -len(item[0])):
        if name.endswith(suffix):
            return kind
    raise FileFormatError(
        f"{path}: cannot tell the format from the name; use a file ending in "
        + ", ".join(SUFFIXES)
    )


def _reader_sql(path: Path, kind: str, columns: list[str] | None = None) -> str:
    literal = quote_literal(str(path))
    if kind == "parquet":
        return f"read_parquet({literal}, file_row_number = true)"
    if kind == "csv":
        return f"read_csv({literal}, header = true, all_varchar = true)"
    if columns is None:
        return f"read_json({literal}, format = 'newline_delimited', records = true, sample_size = -1)"
    as_text = ", ".join(f"{quote_literal(c)}: 'VARCHAR'" for c in columns)
    return f"read_json({literal}, format = 'newline_delimited', records = true, columns = {{{as_text}}})"


def open_source(con: duckdb.DuckDBPyConnection, path: Path, fmt: Format) -> Source:
    """Create the temporary view `src` over the file, after checking its columns."""
    if not path.is_file():
        raise FileFormatError(f"{path}: no such file")
    kind = file_type(path)
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM {_reader_sql(path, kind)}").fetchall()
    except duckdb.Error as exc:
        raise FileFormatError(f"{path}: cannot be read as {kind}: {_first_line(exc)}") from None
    columns = {name: type_ for name, type_, *_ in described if name != "file_row_number"}
    _check_columns(path, fmt, list(columns))

    selected = ", ".join(quote_ident(c) for c in columns)
    try:
        if kind == "parquet":
            con.execute(f"CREATE OR REPLACE TEMP VIEW src AS SELECT file_row_number + 1 AS _row, "
                        f"{selected} FROM {_reader_sql(path, kind)}")
        else:
            # A table keeps the file's order, so rowid + 1 is the data row number.
            con.execute(f"CREATE OR REPLACE TEMP TABLE src_rows AS SELECT {selected} "
                        f"FROM {_reader_sql(path, kind, list(columns))}")
            con.execute("CREATE OR REPLACE TEMP VIEW src AS SELECT rowid + 1 AS _row, * FROM src_rows")
            columns = dict.fromkeys(columns, "VARCHAR")
        rows = con.execute("SELECT count(*) FROM src").fetchone()[0]
    except duckdb.Error as exc:
        raise FileFormatError(f"{path}: cannot be read as {kind}: {_first_line(exc)}") from None
    if rows == 0:
        raise FileFormatError(f"{path}: the file has no data rows; nothing to load")
    return Source(path=path, file_type=kind, columns=columns, rows=rows)


def stage_frame(con: duckdb.DuckDBPyConnection, fmt: Format, frame: pd.DataFrame, name: str) -> Source:
    """Create the temporary view `src` over rows a source adapter gave (with an optional `_ref`
    naming the source file and row each came from)."""
    columns = [c for c in frame.columns if c != "_ref"]
    _check_columns(Path(name), fmt, columns)
    con.register("frame_rows", frame)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE src_rows AS SELECT * FROM frame_rows")
    finally:
        con.unregister("frame_rows")
    con.execute("CREATE OR REPLACE TEMP VIEW src AS SELECT rowid + 1 AS _row, * FROM src_rows")
    types = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() "
                             "WHERE table_name = 'src_rows' AND database_name = 'temp'").fetchall())
    return Source(path=Path(name), file_type="frame", columns=types, rows=len(frame))


def _check_columns(path: Path, fmt: Format, found: list[str]) -> None:
    extra = [c for c in found if c not in fmt.names]
    if extra:
        hints = "".join(did_you_mean(c, fmt.names) for c in extra)
        raise FileFormatError(
            f"{path}: unexpected column{'s' if len(extra) > 1 else ''} "
            f"{', '.join(repr(c) for c in extra)} for the {fmt.kind} format.{hints} "
            f"The columns are: {', '.join(fmt.names)}."
        )
    missing = [c.name for c in fmt.columns if c.required and c.name not in found]
    if missing:
        raise FileFormatError(
            f"{path}: missing required column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(repr(c) for c in missing)} for the {fmt.kind} format. "
            f"The columns are: {', '.join(fmt.names)}."
        )


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]
