"""Writing a deliverable's data pack (reports/common/datapack.py): one workbook, STEM-data.xlsx, with a
Read-me sheet, a sheet per table and a Sources sheet; and the same sheets as CSV files in
STEM-data.csv.zip. Written with XlsxWriter, which python-pptx already brings: it writes workbooks
only (reading them back is a test's business, with openpyxl), and with the document's dates set and
its zip entries dated, the same inputs give the same bytes, as the PDF and the deck do.

A cell is a value, never a formula: text that starts as a formula would (=, +, -, @) is written as
text in the workbook, and prefixed with an apostrophe in the CSV files, which a spreadsheet would
otherwise evaluate when it opens them."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import xlsxwriter

from reports.common.context import FOOTER_DISCLOSURE
from reports.common.datapack import Column, Table

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SOURCE_COLUMNS = (Column("display_name", "Source"), Column("source", "Source id"), Column("version", "Version retrieved"), Column("licence", "Licence"),
                  Column("attribution", "Attribution"), Column("latest_batch", "Batch id"),
                  Column("loaded_on", "Loaded on"), Column("generated", "Generated demo data"))


def sheets(context, tables: list[Table]) -> list[Table]:
    """The pack's sheets in order: Read-me, every finding, the report's tables, Sources."""
    findings = [Table("Findings", "Every finding of the report, those that matter most to the subscriber first; "
                      "the report's pages show the first few.", (Column("n", "#"), Column("finding", "Finding")),
                      [{"n": n, "finding": f} for n, f in enumerate(context.findings, 1)])] if context.findings else []
    return [readme(context, findings + tables), *findings, *tables,
            Table("Sources", "Every source of the warehouse at the snapshot read, with its latest batch.",
                  SOURCE_COLUMNS, context.appendix.sources)]


def readme(context, tables: list[Table]) -> Table:
    meta, appendix = context.meta, context.appendix
    generated = sorted({f"{t.sheet}: {c.header}" for t in tables for c in t.columns if c.generated})
    rows = [
        ("Report", meta.title), ("Prepared for", meta.company), ("Period", meta.period_label),
        ("As of", meta.as_of), ("Warehouse snapshot", meta.snapshot),
        ("Index version", appendix.index_version or "none"),
        ("Data", appendix.disclosure or "Every figure is measured by the house or published by a named source."),
        ("Generated columns", "; ".join(generated) if appendix.generated and generated else "none"),
        *((t.sheet, t.title) for t in tables),
        ("Sources", "Every source of the warehouse at the snapshot read, with its latest batch."),
    ]
    return Table("Read-me", "What this pack holds.", (Column("item", "Item"), Column("value", "Value")),
                 [{"item": item, "value": value} for item, value in rows])


def write_xlsx(path: Path, context, tables: list[Table]) -> int:
    """The workbook; returns its number of sheets."""
    stamp = datetime.combine(context.meta.as_of, datetime.min.time())
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                           "strings_to_numbers": False})
    try:
        book.set_properties({"title": f"{context.meta.title}: data pack", "company": context.meta.company,
                             "created": stamp, "comments": FOOTER_DISCLOSURE if context.appendix.generated else ""})
        bold = book.add_format({"bold": True, "bottom": 1})
        day = book.add_format({"num_format": "yyyy-mm-dd"})
        written = sheets(context, tables)
        for table in written:
            sheet = book.add_worksheet(table.sheet)
            sheet.write_row(0, 0, [c.title for c in table.columns], bold)
            sheet.freeze_panes(1, 0)
            for r, values in enumerate(table.values(), start=1):
                for c, value in enumerate(values):
                    if isinstance(value, (date, datetime)):
                        sheet.write_datetime(r, c, datetime.combine(value, datetime.min.time())
                                             if not isinstance(value, datetime) else value, day)
                    elif isinstance(value, bool):
                        sheet.write_boolean(r, c, value)
                    elif isinstance(value, (int, float)):
                        sheet.write_number(r, c, value)
                    elif value is not None:
                        sheet.write_string(r, c, str(value))
            sheet.set_column(0, max(len(table.columns) - 1, 0), 18)
        return len(written)
    finally:
        book.close()


def write_csv_zip(path: Path, context, tables: list[Table]) -> int:
    """The same sheets as CSV files (UTF-8, a header row with units) in one zip; returns their number."""
    written = sheets(context, tables)
    when = (context.meta.as_of.year, context.meta.as_of.month, context.meta.as_of.day, 0, 0, 0)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as pack:
        for table in written:
            text = io.StringIO()
            out = csv.writer(text, lineterminator="\n")
            out.writerow([c.title for c in table.columns])
            out.writerows([[_csv_value(v) for v in values] for values in table.values()])
            entry = zipfile.ZipInfo(f"{table.sheet}.csv", date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            pack.writestr(entry, text.getvalue())
    return len(written)


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
