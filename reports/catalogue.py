"""Importing this module registers every report."""

from reports import cost_to_run, openness_index, smile_curve  # noqa: F401
