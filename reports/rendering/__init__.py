"""Rendering: the one theme, the chart builders, and the only code that touches WeasyPrint and
python-pptx. Knows no report module and no warehouse."""
