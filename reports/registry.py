"""The reports, registered by name. A report gathers, once per run, what every subscriber's copy
shares (queries over the views); tailors it to one subscriber (focus models, brand, findings); and
has the template and figures of its PDF and the slides of its deck."""

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
    gather: Callable
    tailor: Callable
    figures: Callable
    deck: Callable


REPORTS: dict[str, ReportSpec] = {}


def report(name: str, *, title: str, template: str, gather: Callable, figures: Callable, deck: Callable):
    """Register a report's tailoring function under `name` (kebab-case), with the gathering it
    starts from, the template and figures of its PDF and the slides of its deck; a second report of
    that name is refused."""
    def register(tailor: Callable) -> Callable:
        if name in REPORTS:
            raise ValueError(f"report '{name}' is registered twice")
        REPORTS[name] = ReportSpec(name, title, template, gather, tailor, figures, deck)
        return tailor
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
