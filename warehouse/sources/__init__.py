"""Source adapters, one module per source format (see base.py); all.py registers them."""
