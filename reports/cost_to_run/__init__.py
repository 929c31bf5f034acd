"""Cost to run the Intelligence Index: what intelligence costs, and why two equally smart models can
differ tenfold in tokens and price.

report.py gathers (its queries in sql/) and tailors; figures.py and slides.py draw the PDF's charts
and the deck from what it tailored. The template is templates/cost_to_run.html."""
