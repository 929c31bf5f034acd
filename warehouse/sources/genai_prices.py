"""genai-prices (Pydantic): API prices per provider and model, with dated price changes, read from
the installed package (PATH is ignored).

A model's names are matched by the package's own match rules, specific before general: a canonical
model goes to the entry of the provider that names it outright (its id, or an `equals` rule), else
to the entry whose family rule (`starts_with`, `contains`, ...) it is a dated snapshot of
('claude-3-5-sonnet' + '-20241022'), else to the entry with the longest rule it merely falls under;
ties go to the package's order. A lab's price applies only to models its list names or their
snapshots: a model that merely falls under a lab's family rule (a distill under 'deepseek-r1', a
smaller sibling under 'gemini-1.5-flash') gets no price from the lab, and is listed as skipped; so
does a model that merely falls under any entry's rule beside the models the entry names
('o4-mini-deep-research' under a reseller's 'o4-mini'). A reseller's rule that names no model and
merely covers several is ambiguous: it is listed with its candidates (name_resolutions,
resolved_by 'ambiguous') and loaded for none of them; one it covers alone is its model.

A lab's own model that no rule connects to a canonical model is a new canonical model (labs price
models before catalogues list them), unless the curated aliases place its id; a reseller's is
listed as unresolved. A price without a start date is stored as undated: genai-prices knows it
holds now (and before its first dated change), not since when.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, time
from pathlib import Path

import genai_prices
import pandas as pd
from genai_prices import data
from genai_prices import types as rules
from genai_prices.types import ModelPrice, StartDateConstraint, TieredPrices, TimeOfDateConstraint

from warehouse.identity import dated_aliases, other_names
from warehouse.sources.base import Context, Extract, source
from warehouse.sources.pricing import LABS, provider_slug, scope

TOKENS = {"input_mtok": "input", "cache_read_mtok": "cached_input", "cache_write_mtok": "cache_write",
          "output_mtok": "output", "output_reasoning_mtok": "reasoning"}
# A price without a start date is only known as current (or as what held before a dated change):
# it is stored from this day, marked 'undated', until the first dated price; the views decide which
# days it may stand for (price_as_of).
UNDATED_FROM = date(2023, 1, 1)
FINE_TUNED = re.compile(r"^ft:|\.ft-")
# What may follow a family's name in one of its snapshots: dates, version numbers, -latest, -preview.
# (Not a '-v0.1' tag: in a canonical id that names other weights, mixtral-8x7b-v0.1 the base model.)
SNAPSHOT = re.compile(r"(-(latest|preview|exp|[0-9]{3,8}|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}-[0-9]{2}|[0-9]{2}-[0-9]{4}))+")
SLUG = re.compile(r"[^a-z0-9.]+")  # what warehouse/identity/macros.sql's canonical_slug turns into '-'
LISTED, SNAPSHOT_OF, UNDER = 1, 2, 3  # how a canonical model matches an entry, most specific first


@source("genai-prices", description="genai-prices (Pydantic): API prices per provider and model, with "
        "dated price changes", licence="MIT", attribution="genai-prices, Copyright Pydantic Services Inc. (MIT)",
        files=[str(Path(data.__file__))], path_needed=False)
def genai_prices_source(path: Path, context: Context) -> Extract:
    today = date.today()
    known = sorted(context.known_models)
    names = other_names("genai-prices")
    moving = dated_aliases()
    rows, tier_rows, skipped, models = [], [], [], []
    for provider in data.providers:
        house = provider_slug(provider.id)
        matched, refused = _matches(provider, known, house, context.creators, names)
        for info in provider.models:
            ref = f"{provider.id}/{info.id}"
            if FINE_TUNED.search(info.id):
                skipped.append(("prices", ref, "fine-tuning prices of a base model", 1))
                continue
            periods, tiers, why = _periods(info, today)
            targets, candidates = matched.get(info.id, ([None], None))
            if SLUG.sub("-", info.id.lower()).strip("-.") in moving:
                # A moving alias the house dates (deepseek-reasoner): its price goes, by date, to the
                # snapshot the alias named (identity.resolve), not to every model the entry's rule
                # matches; its other kinds of price (an off-peak rate) cannot be dated to a snapshot.
                targets, candidates = [None], None
                skipped += [("price-tiers", ref, "a tier of a moving alias's entry: not dated to a snapshot", 1)
                            for _ in tiers[:1]]
                tiers = []
            if targets == [None] and candidates is None and any(_tokens(price) for *_, price in periods):
                models.append((info.id, house, info.name or info.id, ref))
            skipped += [("prices", ref, reason, 1) for reason in why]
            skipped += [("prices", f"{ref} -> {model}", "the entry's family rule covers a model its list does not "
                         "name (a distill or a sibling): not its price", 1) for model in refused.get(info.id, ())]
            for valid_from, valid_to, basis, price in periods:
                rows += [(model, info.id, house, token_type, value, valid_from, valid_to, basis, ref,
                          candidates if model is None else None)
                         for token_type, value in _tokens(price) for model in targets]
                tier_rows += [(model, info.id, house, token_type, "long-context", detail, value, valid_from, valid_to,
                               basis, ref, candidates if model is None else None)
                              for token_type, detail, value in _long_context(price) for model in targets]
            for tier, detail, valid_from, valid_to, basis, price in tiers:
                tier_rows += [(model, info.id, house, token_type, tier, detail, value, valid_from, valid_to, basis, ref,
                               candidates if model is None else None)
                              for token_type, value in _tokens(price) for model in targets]
    prices = pd.DataFrame(rows, columns=["model", "raw_name", "provider", "token_type", "usd_per_mtok",
                                         "valid_from", "valid_to", "date_basis", "_ref", "candidates"])
    prices.insert(6, "source", f"genai-prices {genai_prices.__version__}")
    prices["scope"] = scope(prices["provider"], prices["raw_name"])
    prices["_dedupe"] = prices["provider"]
    tiers = pd.DataFrame(tier_rows, columns=["model", "raw_name", "provider", "token_type", "tier", "detail",
                                             "usd_per_mtok", "valid_from", "valid_to", "date_basis", "_ref",
                                             "candidates"])
    tiers.insert(9, "source", f"genai-prices {genai_prices.__version__}")
    tiers["scope"] = scope(tiers["provider"], tiers["raw_name"])
    tiers["_dedupe"] = tiers["provider"]
    catalogue = pd.DataFrame(models, columns=["raw_name", "creator_raw", "display_name", "_ref"])
    own = scope(catalogue["creator_raw"], catalogue["raw_name"]) == "first-party"
    return Extract(version=genai_prices.__version__, parts={"models": catalogue[own], "prices": prices,
                                                                     "price-tiers": tiers},
                   skipped=_summarised(skipped))


def _matches(provider, known: list[str], house: str, creators, names) -> tuple[dict, dict]:
    """(entry id -> (the canonical models it prices, the candidates when it is ambiguous), entry id ->
    the models a lab's rule covers but its list does not name). Each canonical model, under its id or
    another spelling the curated aliases give it, goes to its most specific entry; ties to the first,
    as in the package's own lookup."""
    spellings = Spellings(known, names)
    best: dict[str, tuple] = {}
    for order, info in enumerate(provider.models):
        entry = info.id.lower()
        for model in spellings.may_match(info.match) | spellings.spelled(entry):
            claims = [c for c in (_claim(info.match, name, entry) for name in spellings.of[model]) if c is not None]
            if not claims:
                continue
            found = min(claims, key=lambda c: (c[0], -c[1]))
            if model not in best or (found[0], -found[1], order) < best[model][0]:
                best[model] = ((found[0], -found[1], order), info.id)
    lab = house in LABS
    claims: dict[str, dict[int, list[str]]] = {}
    refused: dict[str, list[str]] = {}
    for model, ((level, _, _), entry) in sorted(best.items()):
        if level == UNDER and lab and creators.get(model, house) == house:
            refused.setdefault(entry, []).append(model)
        else:
            claims.setdefault(entry, {}).setdefault(level, []).append(model)
    matched = {}
    for entry, by_level in claims.items():
        loose = by_level.get(UNDER, [])
        named = by_level.get(LISTED, []) + by_level.get(SNAPSHOT_OF, [])
        if named:  # the entry's own models; what its rule merely covers besides is a sibling
            matched[entry] = (named, None)
            refused.setdefault(entry, []).extend(loose)
        elif len(loose) > 1:  # a rule that merely covers several models says which of them nothing
            matched[entry] = ([None], ",".join(sorted(loose)))
        else:
            matched[entry] = (loose, None)
    return matched, {entry: sorted(models) for entry, models in refused.items() if models}


class Spellings:
    """The canonical models under each of their spellings (the id and the curated aliases), to find
    the few an entry's rule may match without trying it on every model: `may_match` returns every
    model the rule matches under some spelling (and possibly a few more), which _claim then decides.
    Trying every rule on every model took 2.5 s for the 1,157 models of the demo warehouse; this,
    with the same matches for every provider, 0.2 s."""

    def __init__(self, known: list[str], names: dict):
        self.of = {model: [model, *names.get(model, ())] for model in known}
        self.by_lower: dict[str, set[str]] = {}
        for model, spelled in self.of.items():
            for name in spelled:
                self.by_lower.setdefault(name.lower(), set()).add(model)
        self.lower = sorted(self.by_lower)

    def spelled(self, name: str) -> set[str]:
        return self.by_lower.get(name.lower(), set())

    def may_match(self, clause) -> set[str]:
        kind = type(clause).__name__
        if kind == "ClauseOr":
            return set().union(*(self.may_match(c) for c in clause.or_))
        if kind == "ClauseAnd":
            return set.intersection(*(self.may_match(c) for c in clause.and_))
        if kind == "ClauseEquals":
            return self.spelled(clause.equals)
        if kind == "ClauseStartsWith":
            prefix, found = clause.starts_with.lower(), set()
            for name in self.lower[bisect.bisect_left(self.lower, prefix):]:
                if not name.startswith(prefix):
                    break
                found |= self.by_lower[name]
            return found
        # ends-with, contains, a regular expression, or a kind of rule not known here: tried on each spelling
        return {model for model, spelled in self.of.items() if any(clause.is_match(name) for name in spelled)}


def _claim(clause, model: str, entry: str) -> tuple[int, int] | None:
    """How `model` matches an entry's rule: (LISTED, SNAPSHOT_OF or UNDER, length of the rule's text),
    None when it does not match at all."""
    if model == entry:
        return (LISTED, len(entry))
    kind = type(clause).__name__
    if kind in ("ClauseOr", "ClauseAnd"):
        parts = [_claim(c, model, entry) for c in (clause.or_ if kind == "ClauseOr" else clause.and_)]
        found = [p for p in parts if p is not None]
        if kind == "ClauseAnd" and len(found) < len(parts):
            return None
        return min(found, key=lambda p: (p[0], -p[1])) if found else None
    if not clause.is_match(model):
        return None
    if isinstance(clause, rules.ClauseEquals):
        return (LISTED, len(clause.equals))
    text = (getattr(clause, "starts_with", None) or getattr(clause, "contains", None) or entry).lower()
    # A rule's text may end inside a snapshot's suffix ('claude-sonnet-4-2025', 'gpt-5-nano-'): the
    # family is the text without it, or the entry's own id.
    families = {text, re.sub(r"[-@.]?[0-9]*[-@.]?$", "", text), entry}
    snapshot = any(model.startswith(f) and (model == f or SNAPSHOT.fullmatch(model[len(f):]) is not None)
                   for f in families if f)
    return (SNAPSHOT_OF if snapshot else UNDER, len(text))


def _periods(info, today: date) -> tuple[list[tuple], list[tuple], list[str]]:
    """(valid_from, valid_to, date_basis, ModelPrice) per standard price of the model; (tier, detail,
    valid_from, valid_to, date_basis, ModelPrice) per price of another kind (price_tiers); and why
    prices were left out. The standard rate is the list price with no discount: where the price
    depends on the hour (DeepSeek), it is the dearest hours' price, and the cheaper hours' prices
    are 'off-peak'; batch, flex, priority and fast offers are tiers of their own; a scheduled price
    is not loaded before its day."""
    tiers = [row for variant in info.price_variants or () for row in _variant(variant, today)]
    why = [f"price variant {variant.when} not loaded" for variant in info.price_variants or ()
           if _variant_tier(variant) is None]
    if isinstance(info.prices, ModelPrice):
        return [(UNDATED_FROM, None, "undated", info.prices)], tiers, why
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
    dated.sort(key=lambda d: d[0])
    starts = [UNDATED_FROM] + [start for start, _ in dated]
    prices = [(UNDATED_FROM, "undated", base)] + [(start, "effective", price) for start, price in dated]
    periods = [(start, ends, basis, price)
               for (start, basis, price), ends in zip(prices, starts[1:] + [None]) if price is not None]
    if not daily:
        return periods, tiers, why
    # The hours of the day have their own prices (genai-prices: the last price whose constraint holds
    # applies, and the windows come last). The dearest window is the standard rate if it is dearer
    # than the rest of the day; the rest of the day is then off-peak, with the dated changes it had.
    hours = ", ".join(f"{c.constraint.start_time:%H:%M}-{c.constraint.end_time:%H:%M}" for c in daily)
    dearest = max(daily, key=lambda c: _rate(c.prices))
    current = periods[-1][3] if periods else None
    if current is None or _rate(dearest.prices) > _rate(current):
        tiers += [("off-peak", f"outside UTC {hours}", start, ends, basis, price) for start, ends, basis, price in periods]
        tiers += [("off-peak", f"UTC {c.constraint.start_time:%H:%M}-{c.constraint.end_time:%H:%M}", UNDATED_FROM,
                   None, "undated", c.prices) for c in daily if c is not dearest and _rate(c.prices) < _rate(dearest.prices)]
        return [(UNDATED_FROM, None, "undated", dearest.prices)], tiers, why
    tiers += [("off-peak" if _rate(c.prices) < _rate(current) else "peak",
               f"UTC {c.constraint.start_time:%H:%M}-{c.constraint.end_time:%H:%M}", UNDATED_FROM, None, "undated",
               c.prices) for c in daily if _rate(c.prices) != _rate(current)]
    return periods, tiers, why


VARIANT_TIERS = {("processing", "batch"): "batch", ("service_tier", "flex"): "flex",
                 ("service_tier", "priority"): "priority", ("service_tier", "fast"): "fast",
                 ("speed", "fast"): "fast"}


def _variant_tier(variant) -> str | None:
    """The tier of a price variant (a batch, flex, priority or fast offer); None for the others (a
    region's route, a search option, the default tier restated)."""
    tiers = {VARIANT_TIERS.get(item) for item in variant.when.items()} - {None}
    return tiers.pop() if len(tiers) == 1 else None


def _variant(variant, today: date) -> list[tuple]:
    tier = _variant_tier(variant)
    if tier is None:
        return []
    detail = ", ".join(f"{key}={value}" for key, value in sorted(variant.when.items()))
    constraint = variant.constraint
    if isinstance(constraint, StartDateConstraint):
        return [] if constraint.start_date > today else [(tier, detail, constraint.start_date, None, "effective",
                                                          variant.prices)]
    if isinstance(constraint, TimeOfDateConstraint):
        detail += f", UTC {constraint.start_time:%H:%M}-{constraint.end_time:%H:%M}"
    return [(tier, detail, UNDATED_FROM, None, "undated", variant.prices)]


def _rate(price: ModelPrice) -> float:
    """What a price costs, to compare two: its blended price, 3 input tokens to 1 output (a tiered
    one's base)."""
    found = dict(_tokens(price))
    return (3 * found.get("input", 0.0) + found.get("output", 0.0)) / 4


def _long_context(price: ModelPrice) -> list[tuple[str, str, float]]:
    """(token type, detail, US dollars per million) of each long-context tier of a price."""
    found = []
    for key, token_type in TOKENS.items():
        value = price.__dict__.get(key)
        if isinstance(value, TieredPrices):
            found += [(token_type, f"prompts above {tier.start:,} tokens", float(tier.price)) for tier in value.tiers]
    return found


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
