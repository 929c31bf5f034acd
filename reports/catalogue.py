"""The house's reports: importing this module registers every one. Look a report up here."""

from __future__ import annotations

from reports import cost_to_run, model_deployment, openness_index, smile_curve  # noqa: F401  (each registers itself)
from reports.registry import REPORTS, ReportSpec
from warehouse.errors import UnknownName, did_you_mean


def all_reports() -> list[ReportSpec]:
    return list(REPORTS.values())


def names() -> list[str]:
    return list(REPORTS)


def get(name: str) -> ReportSpec:
    try:
        return REPORTS[name]
    except KeyError:
        raise UnknownName(f"report '{name}' is not known.{did_you_mean(name, REPORTS)} "
                          f"The reports are: {', '.join(REPORTS)}.") from None
