"""The smile curve: the price of a fixed level of intelligence falling year on year, while spend per
task at the frontier rises.

report.py gathers (its queries in sql/) and tailors; figures.py and slides.py draw the PDF's charts
and the deck from what it tailored. The template is templates/smile_curve.html."""
