"""The Jinja2 HTML and CSS of the PDFs, the base deck of the slides and the brand fonts: data,
shipped with the package so that an installed benchhouse finds them."""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
