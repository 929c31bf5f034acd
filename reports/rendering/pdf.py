"""The PDF renderer: a report's context and charts through its Jinja2 template, to WeasyPrint. The
only code that touches WeasyPrint."""

from __future__ import annotations

import base64
import shutil
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import jinja2
import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher
from markupsafe import Markup

import reports.formatting as formatting
from reports.rendering import charts, theme
from templates import FOLDER as TEMPLATES

ENVIRONMENT = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                 undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
ENVIRONMENT.filters.update(formatting.FILTERS)


def html(template: str, figures: Callable, context, brand: theme.Brand, svgs: dict[str, str] | None = None) -> str:
    """The report's HTML: `figures(context, brand)` drawn to SVG, unless `svgs` are given."""
    if svgs is None:
        svgs = {name: charts.svg(chart, brand) for name, chart in figures(context, brand).items()}
    return ENVIRONMENT.get_template(template).render(
        ctx=context, fig={name: image(name, svg) for name, svg in svgs.items()}, theme_css=Markup(theme.css(brand)))


def image(name: str, svg: str) -> Markup:
    """A chart as an image of its SVG. WeasyPrint reads it with an XML parser and draws the same
    page, pixel for pixel; written inline, every node of it went through the HTML parser and the
    style cascade first (10 to 15% of a report's render)."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup('<img alt="chart: {}" src="data:image/svg+xml;base64,{}">').format(name, data)


def render(template: str, figures: Callable, context, brand: theme.Brand, out: Path,
           svgs: dict[str, str] | None = None) -> int:
    """Write the PDF to `out`; return its page count. Its metadata carries the period's date, not
    the wall clock, so the same inputs give the same document."""
    fonts = FontConfiguration()
    try:
        document = weasyprint.HTML(string=html(template, figures, context, brand, svgs), base_url=str(TEMPLATES),
                                   url_fetcher=ProjectFetcher(brand.logo)).render(font_config=fonts)
        stamp = datetime.combine(context.meta.as_of, datetime.min.time(), timezone.utc).isoformat()
        document.metadata.title = f"{context.meta.title} — {context.meta.company}, {context.meta.period_label}"
        document.metadata.authors = ["benchhouse"]
        document.metadata.created = stamp
        document.metadata.modified = stamp
        document.write_pdf(out)
        return len(document.pages)
    finally:
        forget_fonts(fonts)


def forget_fonts(fonts: FontConfiguration) -> None:
    """Remove the folder where WeasyPrint copied the template's fonts for one render (weasyprint-*
    in the temporary folder, about 5 MB for the three brand families). WeasyPrint removes it only
    when the configuration is garbage-collected, which a render worker's exit never waited for: each
    render left its 5 MB behind."""
    folder = getattr(fonts, "_folder", None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


class ProjectFetcher(URLFetcher):
    """What WeasyPrint may read: the house's templates and fonts, the subscriber's logo, inline data;
    never another file, never the network, whatever a logo, a name or a template asks for."""

    def __init__(self, logo: Path | None):
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
        self.allowed = {logo.resolve()} if logo is not None else set()

    def fetch(self, url, headers=None):
        if url.startswith("file:"):
            from urllib.parse import unquote, urlsplit

            path = Path(unquote(urlsplit(url).path)).resolve()
            if path not in self.allowed and not path.is_relative_to(TEMPLATES.resolve()):
                raise ValueError(f"{url}: not a file of the house's templates or the logo")
        elif not url.startswith("data:"):
            raise ValueError(f"{url}: a PDF fetches nothing from the network")
        return super().fetch(url, headers)
