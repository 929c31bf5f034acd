"""Reading an input file (CSV, Parquet or JSON Lines) as the temporary view `src`.

`src` has `_row` (the data row number, from 1) and the file's columns as they are: text for CSV
and JSON Lines, native types for Parquet. Columns are checked against the format first: an
extra column or a missing required one refuses the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from warehouse import textfiles
from warehouse.connection import transaction
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
    """The file read: a staged copy of the user's file (warehouse/textfiles.py), or a frame's name."""
    file_type: str
    columns: dict[str, str]  # name in the file -> DuckDB type as read
    rows: int
    shown: Path | None = None
    """The file as the user named it, for messages; `path` when None."""

    @property
    def name(self) -> str:
        return (self.shown or self.path).name

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
        # The dialect is stated, not sniffed: a sniffer guesses wrong on a damaged file, and a row
        # with too many fields must be refused, not read as another dialect.
        delimiter = "\\t" if path.name.lower().endswith(".tsv") else ","
        return (f"read_csv({literal}, header = true, all_varchar = true, delim = '{delimiter}', quote = '\"', "
                f"escape = '\"', strict_mode = true, skip = 0, max_line_size = {textfiles.MAX_LINE_BYTES})")
    if columns is None:
        return f"read_json({literal}, format = 'newline_delimited', records = true, sample_size = -1)"
    as_text = ", ".join(f"{quote_literal(c)}: 'VARCHAR'" for c in columns)
    return f"read_json({literal}, format = 'newline_delimited', records = true, columns = {{{as_text}}})"


def open_source(con: duckdb.DuckDBPyConnection, staged: textfiles.Staged, fmt: Format) -> Source:
    """Create the temporary view `src` over the staged file, after checking its columns. `src` has
    `_row` (the data row, from 1), `_line` (where a person finds it: the line a record starts on,
    or the Parquet row) and the file's columns."""
    path, shown = staged.path, staged.shown
    kind = file_type(shown)
    if staged.size == 0 or (kind != "parquet" and path.stat().st_size == 0):
        first = "a header row naming its columns" if kind == "csv" else "one JSON object per line"
        raise FileFormatError(f"{shown}: the file is empty; a {fmt.kind} file holds {first} "
                              f"({', '.join(fmt.names)})")
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM {_reader_sql(path, kind)}").fetchall()
    except duckdb.Error as exc:
        raise _unreadable(exc, staged, kind) from None
    columns = {name: type_ for name, type_, *_ in described if name != "file_row_number"}
    _check_columns(shown, fmt, list(columns))

    selected = ", ".join(quote_ident(c) for c in columns)
    try:
        if kind == "parquet":
            con.execute(f"CREATE OR REPLACE TEMP VIEW src AS SELECT file_row_number + 1 AS _row, "
                        f"file_row_number + 1 AS _line, {selected} FROM {_reader_sql(path, kind)}")
            rows = con.execute("SELECT count(*) FROM src").fetchone()[0]
        else:
            # A table keeps the file's order, so rowid + 1 is the data row number: filled outside a
            # transaction (inside one, rowids start at 2**55), the rest in one.
            con.execute(f"CREATE OR REPLACE TEMP TABLE src_rows AS SELECT {selected} "
                        f"FROM {_reader_sql(path, kind, list(columns))}")
            with transaction(con):
                rows = con.execute("SELECT count(*) FROM src_rows").fetchone()[0]
                if _lines(con, staged, kind, rows):
                    con.execute("CREATE OR REPLACE TEMP VIEW src AS SELECT r.rowid + 1 AS _row, l._line, r.* "
                                "FROM src_rows r JOIN src_lines l ON l._row = r.rowid + 1")
                else:
                    header = 1 if kind == "csv" else 0
                    con.execute(f"CREATE OR REPLACE TEMP VIEW src AS SELECT rowid + 1 AS _row, rowid + 1 + {header} "
                                "AS _line, * FROM src_rows")
                rows = con.execute("SELECT count(*) FROM src").fetchone()[0]
            columns = dict.fromkeys(columns, "VARCHAR")
    except duckdb.Error as exc:
        raise _unreadable(exc, staged, kind) from None
    if rows == 0:
        raise FileFormatError(f"{shown}: the file has no data rows; nothing to load")
    return Source(path=path, file_type=kind, columns=columns, rows=rows, shown=shown)


def _lines(con: duckdb.DuckDBPyConnection, staged: textfiles.Staged, kind: str, rows: int) -> bool:
    """Whether records and lines disagree (a quoted value over several lines, blank lines); if so,
    the temp table src_lines(_row, _line) gives the line each record starts on, counted from the file."""
    header = 1 if kind == "csv" else 0
    if staged.lines == rows + header:
        return False
    if kind == "csv":
        starts = textfiles.csv_record_lines(staged.path, "\t" if staged.shown.name.lower().endswith(".tsv") else ",")
    else:
        starts = textfiles.jsonl_record_lines(staged.path)
    if len(starts) != rows:  # the two readers disagree: keep the record numbers rather than guess
        starts = [i + 1 + header for i in range(rows)]
    con.execute("CREATE OR REPLACE TEMP TABLE src_lines AS SELECT unnest(range(1, ? + 1)) AS _row, "
                "unnest(CAST(? AS BIGINT[])) AS _line", [rows, starts])
    return True


def _unreadable(exc: duckdb.Error, staged: textfiles.Staged, kind: str) -> FileFormatError:
    """Why DuckDB could not read the file, at its true line, without quoting its content."""
    if kind == "csv":
        problem = textfiles.csv_problem(staged.path, "\t" if staged.shown.name.lower().endswith(".tsv") else ",")
    elif kind == "jsonl":
        problem = textfiles.jsonl_problem(staged.path)
    else:
        problem = None
    if problem:
        line, _, what = problem.partition(": ")
        return FileFormatError(f"{staged.shown}, {line}: {what}")
    first = _first_line(exc).replace(str(staged.path), str(staged.shown)).replace(str(staged.path.parent), "")
    first = first.split("Original Line")[0].strip()
    return FileFormatError(f"{staged.shown}: cannot be read as {kind} ({first}); is it a {kind} file?")


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
    con.execute("CREATE OR REPLACE TEMP VIEW src AS SELECT rowid + 1 AS _row, rowid + 1 AS _line, * FROM src_rows")
    # DESCRIBE reads this table alone; duckdb_columns() reads every column of every attached catalog
    # (half a second on the demo warehouse, for each source read).
    types = {name: kind for name, kind, *_ in con.execute("DESCRIBE temp.src_rows").fetchall()}
    return Source(path=Path(name), file_type="frame", columns=types, rows=len(frame))


# A column name is shown in a message only when it looks like one: a file that is not what its name
# says (a symlink to another file) must not have its first line printed.
PRINTABLE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_ .()/-]{0,63}")


def _named(columns: list[str]) -> str:
    shown = [repr(c) for c in columns if PRINTABLE_NAME.fullmatch(c)]
    hidden = len(columns) - len(shown)
    if hidden:
        shown.append(f"{hidden} whose name{'s are' if hidden > 1 else ' is'} not shown (not a column name: is this "
                     "the right file?)")
    return ", ".join(shown)


def _check_columns(path: Path, fmt: Format, found: list[str]) -> None:
    extra = [c for c in found if c not in fmt.names]
    if extra:
        hints = "".join(did_you_mean(c, fmt.names) for c in extra if PRINTABLE_NAME.fullmatch(c))
        raise FileFormatError(
            f"{path}: unexpected column{'s' if len(extra) > 1 else ''} "
            f"{_named(extra)} for the {fmt.kind} format.{hints} "
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
