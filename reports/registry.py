"""The reports, registered by name: a report is a function that builds a plain-data context from
the warehouse, with the template that lays it out as a PDF and the deck builder for its slides."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from warehouse.errors import UnknownName


@dataclass(frozen=True)
class ReportSpec:
    name: str
    title: str
    template: str
    build: Callable
    figures: Callable
    deck: Callable


REPORTS: dict[str, ReportSpec] = {}


def report(name: str, *, title: str, template: str, figures: Callable, deck: Callable):
    """Register a context builder under `name` (kebab-case), with the template and the figures of
    its PDF and the slides of its deck; a second report of that name is refused."""
    def register(build: Callable) -> Callable:
        if name in REPORTS:
            raise ValueError(f"report '{name}' is registered twice")
        REPORTS[name] = ReportSpec(name, title, template, build, figures, deck)
        return build
    return register


def all_reports() -> list[ReportSpec]:
    import reports.catalogue  # noqa: F401  (registers the reports)

    return list(REPORTS.values())


def get(name: str) -> ReportSpec:
    import reports.catalogue  # noqa: F401

    try:
        return REPORTS[name]
    except KeyError:
        close = difflib.get_close_matches(name, REPORTS, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise UnknownName(f"report '{name}' is not known.{hint} "
                          f"The reports are: {', '.join(REPORTS)}.") from None
