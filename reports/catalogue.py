"""The house's subscriber reports, one package each under reports/: adding one to the list below is
what registers it. Look a report up here."""

from __future__ import annotations

from reports import cost_to_run, model_deployment, openness_index, smile_curve
from reports.registry import ReportSpec, catalogue
from warehouse.errors import UnknownName, did_you_mean

REPORTS: dict[str, ReportSpec] = catalogue(
    cost_to_run,
    model_deployment,
    openness_index,
    smile_curve,
)


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
