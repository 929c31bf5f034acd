"""A deliverable's data pack: the tables behind its pages, whole, for the subscriber's own analysis.
The PDF keeps what a reader finishes; a long table (every variant's ranking, every solved-task row,
every scored model's openness) is here, and its page says so. A report declares its tables from its
context (report.py: data_pack); reports/delivery/datapack.py writes them, with a Read-me and a
Sources sheet, as one workbook and as CSV files in a zip."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    """The row's key."""
    header: str
    unit: str = ""
    """What a number is counted in (USD, USD per million tokens, tokens, share of 1, points of 100);
    empty for text and dates."""
    generated: bool = False
    """Rests on the house's task results, which the demo generates (Appendix.disclosure)."""

    @property
    def title(self) -> str:
        return f"{self.header} ({self.unit})" if self.unit else self.header


@dataclass(frozen=True)
class Table:
    sheet: str
    """The sheet's name and the CSV file's: at most 31 characters, no []:*?/\\."""
    title: str
    """One line on what a row is."""
    columns: tuple[Column, ...]
    rows: list[dict]

    def values(self) -> list[list]:
        return [[row.get(c.key) for c in self.columns] for row in self.rows]


def file_name(stem: str) -> str:
    """The data pack's workbook, as a page names it."""
    return f"{stem}-data.xlsx"


def coverage(appendix) -> list[Table]:
    """For a report whose findings say how far its index reaches (reports/common/context.py: coverage_line),
    the sheet behind that finding: the newest model with a complete index, then each notable
    model released by the as-of date that has none yet, the newest first."""
    if not appendix.coverage:
        return []
    newest = {"status": "the newest with a complete index", "display_name": appendix.coverage["newest_name"],
              "release_date": appendix.coverage["newest_release"]}
    gaps = [{**g, "status": "not scored yet" if g["release_date"] > appendix.coverage["newest_release"]
             else "released before, not scored"} for g in appendix.gaps]
    return [Table("Coverage", f"How far {appendix.index_name} reaches: its newest scored model, and the notable models "
                  "it has no complete score for, which the report says nothing of.", (
                      Column("status", "Status"), Column("display_name", "Model"), Column("creator_name", "Creator"),
                      Column("release_date", "Released"), Column("reason", "Why not scored")),
                  [newest, *gaps])]
