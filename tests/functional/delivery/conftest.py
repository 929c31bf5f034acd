"""The quarterly run's tests render from the small warehouse whose figures can be worked out on paper
(tests/fixtures/metrics), not from the demo's: what they test is the delivery (plans, manifests,
resuming, limits, killed processes), which works the same on four models as on four hundred, and a
report gathered from the small warehouse costs about 0.5 s of CPU against 4 to 6 s from the demo's.
The tests that read the shipped subscriber files as they are (a dry run's plan) keep the demo."""

from __future__ import annotations

import re

import pytest

from tests.unit.metrics.conftest import metrics_template  # noqa: F401  (the small warehouse)
from warehouse.connection import Location

SMALL_FOCUS = ("alpha-1", "beta-1")  # two of the small warehouse's models (tests/fixtures/metrics/models.csv)


def on_small_warehouse(text: str) -> str:
    """A subscriber file's text with its focus models those of the small warehouse."""
    focus = "focus_models:\n" + "".join(f"  - {model}\n" for model in SMALL_FOCUS)
    changed, count = re.subn(r"focus_models:\n(?:  - .*\n)+", focus, text)
    assert count == 1, "the subscriber file lists no focus models"
    return changed


@pytest.fixture(scope="session")
def small_warehouse(metrics_template) -> Location:  # noqa: F811
    """The small warehouse built once per run (only read: a test that writes works on copy_of)."""
    return Location.resolve(str(metrics_template))
