"""Delivering reports: building one deliverable, and the quarterly run (its plan, its executors,
its manifests). Depends on the reports; nothing in reports depends on it."""
