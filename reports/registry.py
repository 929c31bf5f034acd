"""How a report is declared: a name, a title, a template, and four functions. `gather` reads, once per
run and index version, what every subscriber's copy shares (queries over the views); the decorated
function tailors it to one subscriber (focus models, brand, findings); `figures` and `slides` say
what its PDF and its deck show. Which reports exist is reports/catalogue.py's business."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


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


REPORTS: dict[str, ReportSpec] = {}


def report(name: str, *, title: str, template: str, gather: Callable, figures: Callable, slides: Callable):
    """Register the decorated tailoring function as report `name`; a second report of that name is
    refused."""
    def register(tailor: Callable) -> Callable:
        if name in REPORTS:
            raise ValueError(f"report '{name}' is registered twice")
        REPORTS[name] = ReportSpec(name, title, template, gather, tailor, figures, slides)
        return tailor
    return register
