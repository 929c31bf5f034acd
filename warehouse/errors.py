"""Errors shown to the user: each message says what is wrong, where, and what to do.

Library code raises these and never prints; only the command line turns them into
one-line messages and exit codes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


class BenchhouseError(Exception):
    """A problem the user can fix; the message is shown as is."""


class LocationError(BenchhouseError):
    """Where the warehouse was looked for is wrong: the message names the paths the operator gave and
    the one to set, and is shown whole (a query's other messages never show a path)."""


class WarehouseNotFound(LocationError):
    """There is no warehouse where one was looked for."""


class SchemaDrift(BenchhouseError):
    """A schema or view file does not match what the warehouse applied."""


class FileFormatError(BenchhouseError):
    """The file cannot be read as the format it claims, or its columns are wrong."""


class ReadOnlyViolation(BenchhouseError):
    """An analyst's query tried to write, or to read a file outside the warehouse."""


class CalibrationRefused(BenchhouseError):
    """Demo runs would contradict published usage (more effort spending fewer tokens)."""


class UnknownName(BenchhouseError):
    """A name (format, source, report, table) matches nothing known."""


class SnapshotNotFound(BenchhouseError):
    """An --as-of snapshot the warehouse does not have."""


class WarehouseBusy(BenchhouseError):
    """Another writer holds the warehouse."""


class WarehouseReadOnly(BenchhouseError):
    """The warehouse's folder, catalog or data folder cannot be written by this process; nothing was written."""


class WarehouseOutdated(BenchhouseError):
    """The warehouse's schema or views are not this code's: a reader refuses rather than migrate."""


class WarehouseDamaged(BenchhouseError):
    """A catalog or data file of the warehouse is damaged, missing or not what it should be."""


class TenantDamaged(WarehouseDamaged):
    """A tenant's catalog lacks its tables (warehouse/tenants.py)."""


def no_warehouse(where: str) -> WarehouseNotFound:
    """The one wording for a folder that holds no warehouse, whichever command looked there."""
    return WarehouseNotFound(f"no warehouse at {where}: build one with `make demo` or `benchhouse init`, "
                             "or point --warehouse (or BENCHHOUSE_WAREHOUSE) at an existing one")


@dataclass(frozen=True)
class Reject:
    """One problem with one row of an input file."""

    row: int
    column: str
    value: str | None
    reason: str
    where: str | None = None
    """Where the row came from when it is not a row of the file given (a source's file and row)."""
    line: int | None = None
    """The line the row starts on in a text file (a quoted value may span lines), or its Parquet row."""

    def describe(self, file_name: str, row_label: str = "row", line_offset: int = 0) -> str:
        """One line naming the file, the row (as a line number for text files), the column, the
        value found and what was expected."""
        shown = "an empty value" if self.value is None else repr(self.value)
        place = self.where or f"{file_name}, {row_label} {self.line or self.row + line_offset}"
        return f"{place}, column '{self.column}': got {shown}; {self.reason}"


class ValidationFailed(BenchhouseError):
    """Rows of a file broke validation rules; nothing was loaded."""

    def __init__(self, file_name: str, row_label: str, rejects: list[Reject], total_rows: int,
                 bad_rows: int, line_offset: int = 0, problems: int | None = None):
        self.file_name = file_name
        self.problems = len(rejects) if problems is None else problems
        self.row_label = row_label
        self.line_offset = line_offset
        self.rejects = rejects
        self.total_rows = total_rows
        self.bad_rows = bad_rows
        super().__init__(
            f"{file_name}: {bad_rows} of {total_rows} rows broke validation rules; nothing was loaded. "
            f"Fix them and ingest again, or pass --allow-rejects to load the {total_rows - bad_rows} "
            "good rows and keep the rejected ones in the table rejected_rows."
        )

    def lines(self) -> list[str]:
        return [r.describe(self.file_name, self.row_label, self.line_offset) for r in self.rejects]


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """' Did you mean 'x'?' for the closest known name, or '' when nothing is close."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""
