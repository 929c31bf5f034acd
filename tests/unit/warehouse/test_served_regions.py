"""Where a provider serves a model (native format `regions`, table served_regions, view model_served_in):
a statement per model, provider and region, each origin's statements for a model at a provider replaced
whole by its next file, and the day the provider stops serving the model beside them."""

from __future__ import annotations

from datetime import date

from tests.conftest import rows, write
from warehouse.ingest import ingest

HEADER = "model,provider,region,geography,note\n"


def test_a_file_states_where_a_provider_serves_a_model_and_the_next_replaces_it_whole(known, tmp_path):
    ingest(known, "regions", write(tmp_path / "regions.csv", HEADER +
                                   "gpt-4o-2024-08-06,azure,eu,europe,Azure data zone\n"
                                   "gpt-4o-2024-08-06,azure,swedencentral,europe,\n"
                                   "gpt-4o-2024-08-06,amazon-bedrock,global,global,\n"
                                   "o3-2025-04-16,azure,us,us,\n"))
    served = "SELECT model, provider, provider_name, geography, regions, shutdown_on FROM model_served_in ORDER BY ALL"
    assert rows(known, served) == [
        ("gpt-4o-2024-08-06", "amazon-bedrock", "Amazon Bedrock", "global", ["global"], None),
        ("gpt-4o-2024-08-06", "azure", "Microsoft Azure", "europe", ["eu", "swedencentral"], None),
        ("o3-2025-04-16", "azure", "Microsoft Azure", "us", ["us"], None)]
    # The provider's own end of the model is beside its regions (the earliest an origin states).
    ingest(known, "lifecycle", write(tmp_path / "lifecycle.csv", "model,provider,shutdown_on,source\n"
                                     "gpt-4o-2024-08-06,azure,2026-03-31,https://learn.microsoft.com\n"))
    assert rows(known, "SELECT shutdown_on FROM model_served_in WHERE provider = 'azure' AND model = 'gpt-4o-2024-08-06'") \
        == [(date(2026, 3, 31),)]
    # The house's next file on gpt-4o at Azure replaces what it said of gpt-4o at Azure, and nothing else.
    ingest(known, "regions", write(tmp_path / "again.csv", HEADER + "gpt-4o-2024-08-06,azure,eastus,us,\n"))
    assert rows(known, "SELECT model, provider, region, geography FROM served_regions ORDER BY ALL") == [
        ("gpt-4o-2024-08-06", "amazon-bedrock", "global", "global"),
        ("gpt-4o-2024-08-06", "azure", "eastus", "us"),
        ("o3-2025-04-16", "azure", "us", "us")]
