"""Importing this module registers every source adapter."""

import importlib

ADAPTERS = ("genai_prices", "models_dev", "litellm", "epoch", "llm_stats", "tau_bench", "aider",
            "eosai", "mof", "fmti")

for _module in ADAPTERS:
    importlib.import_module(f"warehouse.sources.{_module}")
