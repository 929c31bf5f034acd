"""How a report is declared: a package reports/<name>/ whose report.py names it (NAME, TITLE) and
holds two functions (three with `fit`), and whose figures.py and slides.py draw it. `gather` reads, once per run and
index version, what every subscriber's copy shares (queries over the views, in its sql/); `tailor`
fits that to one subscriber (focus models, brand, findings); `figures` and `slides` say what its PDF
and its deck show. The template is templates/<name>.html. Which reports exist is
reports/catalogue.py's business: `of` wires one package into a spec."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType


@dataclass(frozen=True)
class ReportSpec:
    name: str
    """Kebab-case, as on the command line and in subscriber files."""
    title: str
    template: str
    """The Jinja2 template of the PDF, under templates/."""
    gather: Callable
    """(ReadHandle, index version row) -> what every subscriber's copy shares."""
    tailor: Callable
    """(gathered, Subscriber) -> the report's context (plain data)."""
    figures: Callable
    """(context, Brand) -> the PDF's charts by name."""
    slides: Callable
    """(context, Deck) -> adds the deck's slides."""
    fit: Callable | None = None
    """(ReadHandle, gathered, Subscriber) -> gathered with what one subscriber's copy reads from the
    warehouse besides (the model-deployment report's workload costs); run before tailoring, where
    the warehouse is read. None: every copy reads only what `gather` shares."""
    data_pack: Callable | None = None
    """(context) -> the tables of its data pack (reports/common/datapack.py); None: its Read-me and
    Sources sheets only."""


def of(package: ModuleType) -> ReportSpec:
    """The spec of the report package `package` (e.g. reports.cost_to_run): its report, figures and
    slides modules, and its template named after the package."""
    report, figures, slides = (import_module(f"{package.__name__}.{part}") for part in ("report", "figures", "slides"))
    stem = package.__name__.rsplit(".", 1)[-1]
    return ReportSpec(report.NAME, report.TITLE, f"{stem}.html", report.gather, report.tailor, figures.figures,
                      slides.slides, getattr(report, "fit", None), getattr(report, "data_pack", None))


def catalogue(*packages: ModuleType) -> dict[str, ReportSpec]:
    """The specs of `packages` by name; a second report of the same name is refused."""
    found: dict[str, ReportSpec] = {}
    for package in packages:
        spec = of(package)
        if spec.name in found:
            raise ValueError(f"report '{spec.name}' is registered twice ({package.__name__})")
        found[spec.name] = spec
    return found
