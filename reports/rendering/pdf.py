"""The PDF renderer: a report's context and charts through its Jinja2 template, to WeasyPrint. The
only code that touches WeasyPrint."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import jinja2
import weasyprint
from markupsafe import Markup

from reports.rendering import charts, formatting, theme
from templates import FOLDER as TEMPLATES

ENVIRONMENT = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                 undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
ENVIRONMENT.filters.update(formatting.FILTERS)


def html(template: str, figures: Callable, context, brand: theme.Brand, svgs: dict[str, str] | None = None) -> str:
    """The report's HTML: `figures(context, brand)` drawn to SVG, unless `svgs` are given."""
    if svgs is None:
        svgs = {name: charts.svg(chart, brand) for name, chart in figures(context, brand).items()}
    return ENVIRONMENT.get_template(template).render(
        ctx=context, fig={name: Markup(svg) for name, svg in svgs.items()}, theme_css=Markup(theme.css(brand)))


def render(template: str, figures: Callable, context, brand: theme.Brand, out: Path,
           svgs: dict[str, str] | None = None) -> int:
    """Write the PDF to `out`; return its page count. Its metadata carries the period's date, not
    the wall clock, so the same inputs give the same document."""
    document = weasyprint.HTML(string=html(template, figures, context, brand, svgs),
                               base_url=str(TEMPLATES)).render()
    stamp = datetime.combine(context.meta.as_of, datetime.min.time(), timezone.utc).isoformat()
    document.metadata.title = f"{context.meta.title} — {context.meta.company}, {context.meta.period_label}"
    document.metadata.authors = ["benchhouse"]
    document.metadata.created = stamp
    document.metadata.modified = stamp
    document.write_pdf(out)
    return len(document.pages)
