"""The Openness Index: how open each model's weights, data, methods and code are.

report.py gathers (its queries in sql/) and tailors; figures.py and slides.py draw the PDF's charts
and the deck from what it tailored. The template is templates/openness_index.html."""
