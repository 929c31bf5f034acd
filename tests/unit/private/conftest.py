"""A tenant on the paper-checkable warehouse (tests/fixtures/metrics): five candidate variants on two
client evaluations and a two-use-case workload (tests/fixtures/private), built once and copied."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, built_once
from tests.unit.metrics.conftest import metrics_template  # noqa: F401  (the public warehouse under the tenant)
from warehouse import tenant_ingest, tenants
from warehouse.connection import Location

PRIVATE = FIXTURES / "private"
EVALUATIONS = PRIVATE / "evaluations_tickets_and_contracts.csv"
RUNS = PRIVATE / "runs_five_variants_tickets_two_repeats.csv"
WORKLOAD = PRIVATE / "workload_support_stated_triage_measured.csv"


def load_tenant(location: Location, tenant_id: str = "acme") -> tenants.Tenant:
    tenant = tenants.Tenant.of(location, tenant_id)
    tenant_ingest.ingest(tenant, "evaluations", EVALUATIONS)
    tenant_ingest.ingest(tenant, "runs", RUNS)
    tenant_ingest.ingest(tenant, "workload", WORKLOAD)
    return tenant


@pytest.fixture(scope="session")
def private_template(metrics_template, tmp_path_factory) -> Path:  # noqa: F811
    def build(root: Path) -> None:
        shutil.copytree(metrics_template, root / "warehouse")
        load_tenant(Location.resolve(str(root / "warehouse")))
    return built_once(tmp_path_factory, "private", build) / "warehouse"


@pytest.fixture
def private(private_template: Path, tmp_path: Path) -> tenants.Tenant:
    """The tenant `acme` with its data loaded, on a fresh copy of the paper-checkable warehouse."""
    shutil.copytree(private_template, tmp_path / "warehouse")
    return tenants.Tenant.of(Location.resolve(str(tmp_path / "warehouse")), "acme")


@pytest.fixture
def public_only(metrics_template: Path, tmp_path: Path) -> Location:  # noqa: F811
    """A fresh copy of the paper-checkable warehouse, without tenants."""
    shutil.copytree(metrics_template, tmp_path / "warehouse")
    return Location.resolve(str(tmp_path / "warehouse"))


def view(tenant: tenants.Tenant, sql: str, params: list | None = None) -> list[dict]:
    con = tenants.reader(tenant)
    try:
        cursor = con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]
    finally:
        con.close()
