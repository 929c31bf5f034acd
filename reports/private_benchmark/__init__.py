"""The private benchmark: one client's own tasks run on candidate models, and which to use at what
cost. Built by reports/delivery/private.py, never by a quarterly run.

report.py gathers (its queries in sql/) and tailors; figures.py and slides.py draw the PDF's charts
and the deck from what it tailored. The template is templates/private_benchmark.html."""
