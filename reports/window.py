"""The period window a deliverable reads: a quarter such as 2026Q3, the warehouse snapshot pinned for
the run, the as-of date (the quarter's last day) and the previous quarter's as-of date. Built once
per run and passed down, so that every query of every report sees the same window."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from warehouse.errors import BenchhouseError
from warehouse.formats import PLAUSIBLE_DATES

PATTERN = re.compile(r"(\d{4})Q([1-4])")
# The plausible dates of the formats (warehouse/formats.py), one year inside so that the previous
# quarter of the first is still a date the warehouse holds.
FIRST_YEAR, LAST_YEAR = int(PLAUSIBLE_DATES[0][:4]) + 1, int(PLAUSIBLE_DATES[1][:4])


@dataclass(frozen=True, order=True)
class Period:
    year: int
    quarter: int

    @classmethod
    def parse(cls, text: str) -> "Period":
        match = PATTERN.fullmatch(text.strip().upper())
        if not match:
            raise BenchhouseError(f"period '{text}' is not a quarter: write it like 2026Q3")
        if not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
            raise BenchhouseError(f"period '{text}' is outside {FIRST_YEAR}-{LAST_YEAR}, the years the warehouse "
                                  "accepts: write a quarter like 2026Q3")
        return cls(int(match[1]), int(match[2]))

    def __str__(self) -> str:
        return f"{self.year}Q{self.quarter}"

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self) -> date:
        following = date(self.year + (self.quarter == 4), 1 if self.quarter == 4 else 3 * self.quarter + 1, 1)
        return following - timedelta(days=1)

    @property
    def previous(self) -> "Period":
        return Period(self.year - 1, 4) if self.quarter == 1 else Period(self.year, self.quarter - 1)

    @property
    def label(self) -> str:
        return f"Q{self.quarter} {self.year}"


@dataclass(frozen=True)
class Window:
    """What one run reads: `period` at warehouse `snapshot`, as of `as_of` (the period's last day),
    compared with `previous_as_of` (the previous quarter's last day)."""

    period: Period
    snapshot: int
    as_of: date
    previous_as_of: date

    @classmethod
    def of(cls, period: Period, snapshot: int) -> "Window":
        return cls(period, snapshot, period.end, period.previous.end)

    @property
    def label(self) -> str:
        return self.period.label

    def parameters(self) -> dict[str, object]:
        """The values every report query may bind by name."""
        return {"as_of": self.as_of, "previous_as_of": self.previous_as_of, "snapshot": self.snapshot}
