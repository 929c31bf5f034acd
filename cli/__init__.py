"""The benchhouse command line: it parses and calls, by command group (warehouse, reports,
subscribers); data goes to stdout, progress, summaries and errors to stderr."""
