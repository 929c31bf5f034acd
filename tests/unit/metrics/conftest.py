"""A small warehouse whose every figure can be worked out on paper (tests/fixtures/metrics)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, built_once
from warehouse.connection import Location
from warehouse.ingest import ingest, ingest_indices

METRICS = FIXTURES / "metrics"
RUNS = METRICS / "runs_two_models_two_evals_three_repeats.csv"
PRICES = METRICS / "prices_mid_quarter_cut_and_provider_median.csv"
OPENNESS_RUBRIC = ROOT / "warehouse" / "indices" / "openness-v1.yaml"


def index_folder(tmp: Path) -> Path:
    folder = tmp / "indices"
    folder.mkdir()
    for name in ("index.yaml", "thresholds.yaml", "origins.yaml", "policy.yaml"):
        shutil.copy(METRICS / name, folder / name)
    shutil.copy(OPENNESS_RUBRIC, folder / OPENNESS_RUBRIC.name)  # the house's real rubric is under test
    return folder


@pytest.fixture(scope="session")
def metrics_template(new_warehouse, tmp_path_factory) -> Path:
    """Built once per test run, shared by the workers (tests/conftest.py: built_once); read only."""
    def build(root: Path) -> None:
        location = new_warehouse(root / "warehouse")
        ingest(location, "models", METRICS / "models.csv")
        ingest(location, "evaluations", METRICS / "evaluations.csv")
        ingest(location, "runs", RUNS)
        ingest(location, "prices", PRICES)
        ingest_indices(location, index_folder(root))
    return built_once(tmp_path_factory, "metrics", build) / "warehouse"


@pytest.fixture
def metrics(metrics_template: Path, tmp_path: Path) -> Location:
    """A fresh copy of the paper-checkable warehouse."""
    shutil.copytree(metrics_template, tmp_path / "warehouse")
    return Location.resolve(str(tmp_path / "warehouse"))


LIFECYCLE = FIXTURES / "lifecycle"


@pytest.fixture(scope="session")
def lifecycle_template(metrics_template: Path, tmp_path_factory) -> Path:
    """The paper-checkable warehouse with the lifecycle records of tests/fixtures/lifecycle, read by
    the real adapters: thinker-1 retired on 2026-08-31, alpha-1 listed as retired without a date
    (and shut down on 2026-10-20 by another source's notice), beta-1 retired only by a reseller
    and deprecated by its lab on 2026-10-10."""
    from warehouse.ingest import ingest_source

    def build(root: Path) -> None:
        shutil.copytree(metrics_template, root / "warehouse")
        location = Location.resolve(str(root / "warehouse"))
        ingest_source(location, "model-deprecations", LIFECYCLE)
        ingest_source(location, "deprecations-rss", LIFECYCLE)
    return built_once(tmp_path_factory, "lifecycle", build) / "warehouse"


@pytest.fixture
def lifecycles(lifecycle_template: Path, tmp_path: Path) -> Location:
    shutil.copytree(lifecycle_template, tmp_path / "warehouse")
    return Location.resolve(str(tmp_path / "warehouse"))


PRICES_FIXTURE = FIXTURES / "prices"


@pytest.fixture(scope="session")
def provenance_template(metrics_template: Path, tmp_path_factory) -> Path:
    """The paper-checkable warehouse with tests/fixtures/prices: mini-1, undated at $1.10 in a house
    list and dated at $3.00 by LiteLLM's history from 2024-10-13 (which ends on 2025-06-01); solo-1,
    known only undated; llama-z at five resellers, one 10^5x too dear, one at $99,999."""
    from warehouse.ingest import ingest_source

    def build(root: Path) -> None:
        shutil.copytree(metrics_template, root / "warehouse")
        location = Location.resolve(str(root / "warehouse"))
        ingest(location, "models", PRICES_FIXTURE / "models.csv")
        ingest(location, "prices", PRICES_FIXTURE / "house_prices_undated_and_anomalies.csv")
        ingest_source(location, "litellm-prices", PRICES_FIXTURE)
        indices = index_folder(root)
        shutil.copy(PRICES_FIXTURE / "origins.yaml", indices / "origins.yaml")
        ingest_indices(location, indices)
    return built_once(tmp_path_factory, "provenance", build) / "warehouse"


@pytest.fixture
def provenance(provenance_template: Path) -> Location:
    """Read only."""
    return Location.resolve(str(provenance_template))
SPEED = FIXTURES / "speed"
SPEED_FILES = (  # (kind, file), loaded in this order
    ("models", "models_open_70b.csv"),
    ("prices", "prices_open_70b_at_five_providers_one_free.csv"),
    ("performance", "performance_open_70b_frontier_stale_regions_and_long_prompts.csv"),
    ("systems", "systems_test_gpu_rented_36_after_40_and_owned_12.csv"),
    ("throughput", "throughput_open_70b_median_2000_on_the_latest_day.csv"),
)


@pytest.fixture(scope="session")
def speed_template(new_warehouse, tmp_path_factory) -> Path:
    def build(root: Path) -> None:
        location = new_warehouse(root / "warehouse")
        for kind, name in SPEED_FILES:
            ingest(location, kind, SPEED / name)
    return built_once(tmp_path_factory, "speed", build) / "warehouse"


@pytest.fixture
def speed(speed_template: Path, tmp_path: Path) -> Location:
    """A fresh copy of the paper-checkable speed warehouse: one model at six providers, a system
    rented and owned, its throughput."""
    shutil.copytree(speed_template, tmp_path / "warehouse")
    return Location.resolve(str(tmp_path / "warehouse"))


LITELLM_HISTORY = ("model_key,litellm_provider,mode,commit,commit_date,change,input_cost_per_token,"
                   "output_cost_per_token,cache_read_input_token_cost,cache_creation_input_token_cost,"
                   "output_cost_per_reasoning_token\n")
LITELLM_SNAPSHOT = "model_key,litellm_provider,mode,deprecation_date,source\n"


def ingest_litellm(location: Location, folder: Path, history: str, snapshot: str) -> None:
    """Read a LiteLLM price history into the warehouse, as the litellm-prices source reads its files:
    `history` and `snapshot` are their rows, without the header; the map whole lists no supported regions."""
    import gzip

    from warehouse.ingest import ingest_source

    folder.mkdir()
    (folder / "litellm_price_history_via_tokencost_git.csv").write_text(LITELLM_HISTORY + history.lstrip("\n"))
    (folder / "model_prices_snapshot.csv").write_text(LITELLM_SNAPSHOT + snapshot.lstrip("\n"))
    (folder / "model_prices_and_context_window.json.gz").write_bytes(gzip.compress(b"{}"))
    ingest_source(location, "litellm-prices", folder)
