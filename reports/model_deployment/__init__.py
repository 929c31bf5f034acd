"""Model deployment: each model's providers on price, speed and latency, and serverless against
dedicated hardware for the subscriber's workload.

report.py gathers (its queries in sql/) and tailors; figures.py and slides.py draw the PDF's charts
and the deck from what it tailored. The template is templates/model_deployment.html."""
