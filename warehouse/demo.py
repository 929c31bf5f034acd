"""Building the demo warehouse from the data the repository ships: the house's evaluations and
index versions, every outside source in data/sources in its order, the house's own openness
assessments, lifecycle corrections, rented systems and modality statements, and generated house
runs calibrated to all of it. Loading is idempotent: running it again loads nothing twice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from warehouse import generate, purge, query, tenant_ingest, tenants
from warehouse.connection import Location
from warehouse.ingest import IngestResult, file_sha256, ingest, ingest_indices, ingest_source

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
EVALUATIONS = ROOT / "warehouse" / "identity" / "evaluations.csv"
HOUSE_OPENNESS = ROOT / "data" / "house" / "openness_assessments.csv"
HOUSE_LIFECYCLE = ROOT / "data" / "house" / "lifecycle.csv"
HOUSE_SYSTEMS = ROOT / "data" / "house" / "systems.csv"
HOUSE_MODALITIES = ROOT / "data" / "house" / "model_modalities.csv"
DEMO_TENANT = "fabrikam-insurance"
DEMO_TENANT_DATA = ROOT / "data" / "demo-tenant"

# Catalogues first (Epoch AI's model versions decide release dates; the others fill gaps), so that
# the scores, usage, prices, openness, lifecycles and speed read after them find their models.
# (name, folder) under data/sources; genai-prices is read from its installed package.
ORDER = (
    ("epoch-eci", "epoch-ai"), ("epoch-models", "epoch-ai"), ("models-dev", "models-dev"),
    ("eosai", "eosai-index"), ("mof", "lf-model-openness-tool"), ("genai-prices", None),
    ("llm-stats", "llm-stats"), ("epoch-notable", "epoch-ai"), ("epoch-hub", "epoch-ai"),
    ("epoch-token-usage", "epoch-ai"), ("tau2-bench", "tau2-bench-leaderboard"),
    ("livebench", "livebench"),
    ("tau-bench", "tau-bench-v1-trajectories"), ("aider", "aider-leaderboards"),
    ("models-dev-prices", "models-dev"), ("litellm-prices", "litellm"), ("fmti", "stanford-fmti"),
    ("model-deprecations", "modeldeprecations-dev"), ("deprecations-rss", "deprecations-rss"),
    ("llm-stats-leaderboard", "llm-stats-leaderboard"), ("thefastest-ai", "thefastest-ai"),
    ("llmperf", "llmperf-leaderboard"), ("epoch-ttft", "epoch-ttft-latency-scaling"),
    ("mlperf-inference", "mlperf-inference"), ("gpu-price-tracker", "gpu-price-tracker"),
)


def build(location: Location, runs_file: Path, sources: Path = SOURCES,
          report: Callable[[str, IngestResult], None] = lambda step, result: None,
          progress: Callable[[str], None] = lambda stage: None) -> None:
    report("evaluations", ingest(location, "evaluations", EVALUATIONS, progress=progress))
    report("indices", ingest_indices(location, progress=progress))
    for name, folder in ORDER:
        report(name, ingest_source(location, name, sources / folder if folder else None, progress=progress))
    report("house openness", ingest(location, "openness", HOUSE_OPENNESS, progress=progress))
    report("house lifecycle corrections", ingest(location, "lifecycle", HOUSE_LIFECYCLE, progress=progress))
    report("house systems", ingest(location, "systems", HOUSE_SYSTEMS, progress=progress))
    report("house modalities", ingest(location, "modalities", HOUSE_MODALITIES, progress=progress))
    progress("generating house runs")
    generate.write(location, runs_file)
    report("generated runs", ingest(location, "runs", runs_file, progress=progress))
    demo_tenant(location, runs_file.with_name("generated_private_runs.parquet"), report, progress)


def demo_tenant(location: Location, runs_file: Path,
                report: Callable[[str, IngestResult], None] = lambda step, result: None,
                progress: Callable[[str], None] = lambda stage: None) -> tenants.Tenant:
    """The demo tenant: its evaluations, generated runs and workload, in its own catalog. Generated
    runs are never replaced inside a tenant, so when they change (the warehouse they are calibrated
    to changed) the demo tenant is purged and loaded again."""
    tenant = tenants.Tenant.of(location, DEMO_TENANT)
    progress("generating the demo tenant's runs")
    generate.private_runs(location, runs_file)
    if tenant.exists():
        loaded = query.run(location, "SELECT file_sha256 FROM tenant.ingest_batches WHERE kind = 'runs'",
                           tenant=tenant).column("file_sha256").to_pylist()
        if loaded and file_sha256(runs_file) not in loaded:
            purge.purge(tenant)
    report("demo tenant evaluations", tenant_ingest.ingest(tenant, "evaluations", DEMO_TENANT_DATA / "evaluations.csv",
                                                     progress=progress))
    report("demo tenant runs", tenant_ingest.ingest(tenant, "runs", runs_file, progress=progress))
    report("demo tenant workload", tenant_ingest.ingest(tenant, "workload", DEMO_TENANT_DATA / "workload.csv",
                                                  progress=progress))
    return tenant
