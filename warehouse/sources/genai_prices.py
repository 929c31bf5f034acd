"""genai-prices (Pydantic): API prices per provider and model, with dated price changes, read from
the installed package (PATH is ignored).

A model's names are matched by the package's own match rules: every canonical model a rule
matches gets the price. A lab's own model that no rule connects to a canonical model is a new
canonical model (labs price models before catalogues list them), unless the curated aliases place
its id; a reseller's is listed as unresolved.
"""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import genai_prices
import pandas as pd
from genai_prices import data
from genai_prices.types import ModelPrice, StartDateConstraint, TieredPrices, TimeOfDateConstraint

from warehouse.sources.base import Context, Extract, source
from warehouse.sources.pricing import provider_slug, scope

TOKENS = {"input_mtok": "input", "cache_read_mtok": "cached_input", "cache_write_mtok": "cache_write",
          "output_mtok": "output", "output_reasoning_mtok": "reasoning"}
# A price without a start date is only known as current (or as what held before a dated change):
# it stands from this day, marked 'recorded', until the first dated price.
UNDATED_FROM = date(2023, 1, 1)
FINE_TUNED = re.compile(r"^ft:|\.ft-")


@source("genai-prices", description="genai-prices (Pydantic): API prices per provider and model, with "
        "dated price changes", licence="MIT", attribution="genai-prices, Copyright Pydantic Services Inc. (MIT)",
        files=[str(Path(data.__file__))], path_needed=False)
def genai_prices_source(path: Path, context: Context) -> Extract:
    today = date.today()
    known = sorted(context.known_models)
    rows, skipped, models = [], [], []
    for provider in data.providers:
        house = provider_slug(provider.id)
        matched = _matches(provider, known)
        for info in provider.models:
            if FINE_TUNED.search(info.id):
                skipped.append(("prices", f"{provider.id}/{info.id}", "fine-tuning prices of a base model", 1))
                continue
            periods, why = _periods(info, today)
            if info.id not in matched and any(_tokens(price) for *_, price in periods):
                models.append((info.id, house, info.name or info.id, f"{provider.id}/{info.id}"))
            skipped += [("prices", f"{provider.id}/{info.id}", reason, 1) for reason in why]
            targets = matched.get(info.id, [None])
            for valid_from, valid_to, basis, price in periods:
                rows += [(model, info.id, house, token_type, value, valid_from, valid_to, basis,
                          f"{provider.id}/{info.id}") for token_type, value in _tokens(price) for model in targets]
    prices = pd.DataFrame(rows, columns=["model", "raw_name", "provider", "token_type", "usd_per_mtok",
                                         "valid_from", "valid_to", "date_basis", "_ref"])
    prices.insert(6, "source", f"genai-prices {genai_prices.__version__}")
    prices["scope"] = scope(prices["provider"], prices["raw_name"])
    prices["_dedupe"] = prices["provider"]
    catalogue = pd.DataFrame(models, columns=["raw_name", "creator_raw", "display_name", "_ref"])
    own = scope(catalogue["creator_raw"], catalogue["raw_name"]) == "first-party"
    return Extract(version=genai_prices.__version__, parts={"models": catalogue[own], "prices": prices},
                   skipped=_summarised(skipped))


def _matches(provider, known: list[str]) -> dict[str, list[str]]:
    """genai-prices model id -> the canonical models its rules match; as in the package's own
    lookup, a name goes to the first model of the provider whose rule matches it."""
    found: dict[str, list[str]] = {}
    for model in known:
        info = next((i for i in provider.models if i.is_match(model)), None)
        if info is not None:
            found.setdefault(info.id, []).append(model)
    return found


def _periods(info, today: date) -> tuple[list[tuple], list[str]]:
    """(valid_from, valid_to, date_basis, ModelPrice) per standard price of the model, and why
    prices were left out. Batch, priority and flex variants are other offers; a price for a few
    hours of the day (off-peak or peak) is not the day's price."""
    why = [f"price variant {v.when} not loaded" for v in info.price_variants or ()]
    if isinstance(info.prices, ModelPrice):
        return [(UNDATED_FROM, None, "recorded", info.prices)], why
    base, dated = None, []
    daily = [c for c in info.prices if isinstance(c.constraint, TimeOfDateConstraint)]
    for conditional in info.prices:
        if conditional.constraint is None:
            base = conditional.prices
        elif isinstance(conditional.constraint, StartDateConstraint):
            start = conditional.constraint.start_date
            if start > today:
                why.append(f"price scheduled from {start} not loaded")
            else:
                dated.append((start, conditional.prices))
    for conditional in daily:
        if _hours(conditional.constraint) > 12:  # the window is the standard day; the rest is off-peak
            why.append("off-peak price (outside the daily window) not loaded")
            base = conditional.prices
        else:
            why.append("price for a daily time window not loaded")
    dated.sort(key=lambda d: d[0])
    starts = [UNDATED_FROM] + [start for start, _ in dated]
    prices = [(UNDATED_FROM, "recorded", base)] + [(start, "effective", price) for start, price in dated]
    periods = [(start, ends, basis, price)
               for (start, basis, price), ends in zip(prices, starts[1:] + [None]) if price is not None]
    return periods, why


def _tokens(price: ModelPrice) -> list[tuple[str, float]]:
    """(token type, US dollars per million) of a price; a tiered price is its base, the price
    below the first long-context tier."""
    found = []
    for key, token_type in TOKENS.items():
        value = price.__dict__.get(key)
        value = value.base if isinstance(value, TieredPrices) else value
        if value is not None:
            found.append((token_type, float(value)))
    return found


def _hours(window: TimeOfDateConstraint) -> float:
    def minutes(t: time) -> int:
        return t.hour * 60 + t.minute
    span = minutes(window.end_time) - minutes(window.start_time)
    return (span % (24 * 60)) / 60


def _summarised(skipped: list[tuple]) -> list[tuple]:
    counts = pd.Series([f"{kind}\0{name}\0{why}" for kind, name, why, _ in skipped]).value_counts()
    return [(*key.split("\0"), int(n)) for key, n in counts.items()]
