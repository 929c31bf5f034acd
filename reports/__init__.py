"""benchhouse reports: one module per report, the charts, the renderers and the command line."""
