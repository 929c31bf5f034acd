"""What the speed adapters share: the house's provider slug for an endpoint as a speed source names
it (the same slugs as the prices, so that a provider's price and speed meet), and the statistics
of per-request rows with the number of requests behind them.

Registers no adapter; all.py imports it like the others, harmlessly.
"""

from __future__ import annotations

import pandas as pd

from warehouse.sources.pricing import provider_slug

# An endpoint's host or a leaderboard's provider id -> the provider slug the price sources use.
HOSTS = {
    "groq.com": "groq", "api.groq.com": "groq",
    "fireworks.ai": "fireworks-ai", "api.fireworks.ai": "fireworks-ai",
    "together.ai": "togetherai", "together.xyz": "togetherai", "togethercomputer": "togetherai",
    "anyscale.com": "anyscale", "perplexity.ai": "perplexity", "api.perplexity.ai": "perplexity",
    "octo.ai": "octoai", "octoai.run": "octoai", "text.octoai.run": "octoai",
    "cloudflare.com": "cloudflare", "@cf": "cloudflare",
    "databricks.com": "databricks", "azuredatabricks.net": "databricks",
}
QUANTILES = {"median": 0.5, "p5": 0.05, "p10": 0.10, "p25": 0.25, "p75": 0.75, "p90": 0.90, "p95": 0.95,
             "p99": 0.99}


def speed_provider(raw: str) -> str:
    """'api.groq.com' -> 'groq'; 'azure.eastus2' and 'fixie-westus.azure' -> 'azure' (the region is
    the endpoint's); 'bedrock' -> 'amazon-bedrock' (as the prices name it)."""
    if raw.startswith("azure.") or raw.endswith(".azure"):
        return "azure"
    return HOSTS.get(raw) or provider_slug(raw)


def request_statistics(requests: pd.DataFrame, keys: list[str], metrics: list[str],
                       statistics: tuple[str, ...]) -> pd.DataFrame:
    """One row per group of `keys` and statistic: each metric's statistic over the group's requests
    (a request without a value for a metric counts for the others), and `requests`, the requests
    in the group. Quantiles interpolate linearly, as numpy and LLMPerf do."""
    grouped = requests.groupby(keys, dropna=False, sort=True)
    counts = grouped.size().rename("requests")
    found = []
    for statistic in statistics:
        if statistic in QUANTILES:
            values = grouped[metrics].quantile(QUANTILES[statistic])
        else:  # mean, min, max
            values = grouped[metrics].agg(statistic)
        found.append(values.join(counts).assign(statistic=statistic))
    return pd.concat(found).reset_index()
