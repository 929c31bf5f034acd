"""What the private report gathers (its context, plain data), on the paper-checkable tenant: the
evaluations chosen, the choice, what the client file allows, and a tenant with no workload."""

from __future__ import annotations

import pytest

from reports.private_benchmark import report
from reports.client import Client
from reports.handle import window
from reports.tenant_handle import TenantHandle
from reports.window import Period
from warehouse import tenant_ingest, tenants
from warehouse.errors import BenchhouseError, UnknownName

PERIOD = Period.parse("2026Q3")


def client(**changes) -> Client:
    return Client.model_validate({"id": "acme", "company": "Acme <Insurance>",
                                  "branding": {"logo": "x.svg", "primary": "#112233", "accent": "#445566"}, **changes})


def gather(tenant, **changes):
    with TenantHandle(tenant, window(tenant.public, PERIOD)) as handle:
        return report.gather(handle, client(**changes))


def test_the_context_holds_the_choice_and_the_monthly_cost(private):
    ctx = gather(private)
    assert [e["evaluation"] for e in ctx.evaluations] == ["contracts", "tickets"]
    tickets = ctx.evaluations[1]
    assert tickets["choice"]["label"] == "Llama X" and len(tickets["tied_first"]) == 4
    assert [c["label"] for c in tickets["pareto"]] == ["Beta 1", "Llama X", "Thinker 1 (high)", "Alpha 1"]
    assert [m["usd_per_month"] for m in ctx.monthly] == pytest.approx([271, 481, 696, 1660, 1660])
    assert [u["use_case"] for u in ctx.use_cases] == ["support", "triage"]
    assert ctx.meta.confidentiality.startswith("Confidential — prepared for Acme <Insurance>")
    assert ctx.tenant_snapshot == tenants.snapshot(private) and ctx.failure_examples is False
    assert all(e["failures"] == [] for e in ctx.evaluations)  # the client file does not allow them
    assert any("share the top rank" in f and "Llama X, at $481 a month" in f for f in ctx.findings)


def test_failure_examples_only_where_the_client_file_allows_and_as_many_as_it_says(private):
    ctx = gather(private, failure_examples=True, failures_shown=2)
    beta = next(f for f in ctx.evaluations[1]["failures"] if f["label"] == "Beta 1")
    assert beta["count"] == 5 and [x["task_id"] for x in beta["examples"]] == ["T-1", "T-2"]


def test_the_evaluations_asked_and_a_name_the_tenant_lacks(private):
    with TenantHandle(private, window(private.public, PERIOD)) as handle:
        assert [e["evaluation"] for e in report.gather(handle, client(), ["tickets"]).evaluations] == ["tickets"]
        with pytest.raises(UnknownName, match="evaluation 'ticket' has no runs.*Did you mean 'tickets'"):
            report.gather(handle, client(), ["ticket"])


def test_without_a_workload_the_choice_weighs_cost_per_task(public_only):
    from tests.unit.private.conftest import EVALUATIONS, RUNS

    tenant = tenants.Tenant.of(public_only, "acme")
    tenant_ingest.ingest(tenant, "evaluations", EVALUATIONS)
    with TenantHandle(tenant, window(public_only, PERIOD)) as handle, pytest.raises(BenchhouseError, match="no runs yet"):
        report.gather(handle, client())
    tenant_ingest.ingest(tenant, "runs", RUNS)
    ctx = gather(tenant)
    assert ctx.use_cases == [] and all(m["usd_per_month"] is None for m in ctx.monthly)
    tickets = ctx.evaluations[1]
    assert {c["choice_basis"] for c in tickets["candidates"]} == {"cost per task"}
    assert tickets["choice"]["label"] == "Llama X"  # the cheapest per task of the four that share rank 1
