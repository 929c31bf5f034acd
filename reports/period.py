"""A reporting period such as 2026Q3: its first and last day, and the quarter before it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from warehouse.errors import BenchhouseError

PATTERN = re.compile(r"(\d{4})Q([1-4])")


@dataclass(frozen=True, order=True)
class Period:
    year: int
    quarter: int

    @classmethod
    def parse(cls, text: str) -> "Period":
        match = PATTERN.fullmatch(text.strip().upper())
        if not match:
            raise BenchhouseError(f"period '{text}' is not a quarter: write it like 2026Q3")
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
