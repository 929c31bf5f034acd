"""The PDF renderer: a report's context and charts through its Jinja2 template, to WeasyPrint.
The only code that touches WeasyPrint."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import jinja2
import weasyprint
from markupsafe import Markup

from reports import charts, formatting
from reports.charts import Brand
from reports.registry import ReportSpec

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
ENVIRONMENT = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                 undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
ENVIRONMENT.filters.update(formatting.FILTERS)


def html(spec: ReportSpec, context, brand: Brand, svgs: dict[str, str] | None = None) -> str:
    if svgs is None:
        svgs = {name: charts.svg(chart, brand) for name, chart in spec.figures(context, brand).items()}
    return ENVIRONMENT.get_template(spec.template).render(
        ctx=context, fig={name: Markup(svg) for name, svg in svgs.items()}, fonts=TEMPLATES / "fonts")


def render(spec: ReportSpec, context, brand: Brand, out: Path, svgs: dict[str, str] | None = None) -> int:
    """Write the PDF to `out`; return its page count. Its metadata carries the period's date, not
    the wall clock, so the same inputs give the same document."""
    document = weasyprint.HTML(string=html(spec, context, brand, svgs), base_url=str(TEMPLATES)).render()
    stamp = datetime.combine(context.meta.as_of, datetime.min.time(), timezone.utc).isoformat()
    document.metadata.title = f"{context.meta.title} — {context.meta.company}, {context.meta.period_label}"
    document.metadata.authors = ["benchhouse"]
    document.metadata.created = stamp
    document.metadata.modified = stamp
    document.write_pdf(out)
    return len(document.pages)
