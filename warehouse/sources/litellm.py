"""LiteLLM's model price map through time: the versions of it that tokencost committed
(2024-01 .. 2025-09), one row per model key and version where a core price changed; and, from the
current map, the day each provider stops serving a model (its deprecation_date), as lifecycle rows,
and where a provider serves it, as the map's regional keys and supported_regions state it.

PATH is the folder holding the LiteLLM files (shared/data/litellm, or the trimmed copy). Prices
are in US dollars per token there. Model keys are kept as LiteLLM writes them ('gpt-4o',
'gemini/gemini-1.5-pro', 'anthropic.claude-3-haiku-20240307-v1:0').
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd

from warehouse.errors import FileFormatError
from warehouse.sources.base import Context, Extract, read_csv, source
from warehouse.sources.pricing import LABS, check_changes, creator_guess, history_periods, provider_slug, scope

HISTORY = "litellm_price_history_via_tokencost_git.csv"
SNAPSHOT = "model_prices_snapshot.csv"
MAP = "model_prices_and_context_window.json.gz"  # the map whole: supported_regions is not in the snapshot
VERSION = "AgentOps-AI/tokencost@e7f7c192 (LiteLLM price map history); litellm 1.110.2"
TOKENS = {"input_cost_per_token": "input", "cache_read_input_token_cost": "cached_input",
          "cache_creation_input_token_cost": "cache_write", "output_cost_per_token": "output",
          "output_cost_per_reasoning_token": "reasoning"}
# Vertex AI billed Google's own models per character, and LiteLLM kept those per-character prices
# in its per-token fields (SOURCE.md notes the slip): Gemini until its 2024-11-08 sync, Gemini
# vision until 2025-02-11, PaLM (text, chat and code bison/gecko) always. Those versions are not
# loaded: a price per character is not a price per token.
VERTEX_PER_CHARACTER_UNTIL = {
    "vertex_ai-language-models": pd.Timestamp("2024-11-08").date(),
    "vertex_ai-vision-models": pd.Timestamp("2025-02-11").date(),
    "vertex_ai-text-models": pd.Timestamp("2100-01-01").date(),
    "vertex_ai-chat-models": pd.Timestamp("2100-01-01").date(),
    "vertex_ai-code-text-models": pd.Timestamp("2100-01-01").date(),
    "vertex_ai-code-chat-models": pd.Timestamp("2100-01-01").date(),
}
BEDROCK_ID = r"^([a-z]{2,4}\.)?(anthropic|meta|mistral|amazon|cohere|ai21|deepseek|qwen|openai)\."
TEXT_MODES = ("chat", "completion", "responses")
MOST_PER_MTOK = 1000  # no model sells tokens dearer: a larger value is a unit slip


@source("litellm-prices", title="LiteLLM price map", description="LiteLLM model price map through time (tokencost's synced copies), "
        "and shutdown dates from the current map",
        licence="MIT (LiteLLM; tokencost)", attribution="LiteLLM model price map, BerriAI (MIT); history "
        "via AgentOps-AI/tokencost (MIT)", files=[HISTORY, SNAPSHOT, MAP])
def litellm_prices(path: Path, context: Context) -> Extract:
    history = read_csv(path / HISTORY, ["model_key", "litellm_provider", "mode", "commit_date", "change", *TOKENS])
    snapshot = read_csv(path / SNAPSHOT, ["model_key", "litellm_provider", "mode", "deprecation_date", "source"])
    check_changes(history, path / HISTORY)
    for column in TOKENS:  # per token -> per million tokens, without float noise (2.4999999999999996)
        history[column] = (pd.to_numeric(history[column]) * 1e6).round(9)
    history["date"] = pd.to_datetime(history["commit_date"]).dt.date
    history["provider"] = _providers(history, snapshot)
    history, skipped = _without_slips(history)
    history["removed"] = history["change"] == "removed"
    periods = history_periods(history, ["model_key", "provider"], TOKENS)
    provider = periods["provider"].map(provider_slug)
    prices = pd.DataFrame({
        "raw_name": periods["model_key"],
        "provider": provider,
        "token_type": periods["token_type"],
        "usd_per_mtok": periods["usd_per_mtok"],
        "valid_from": periods["valid_from"],
        "valid_to": periods["valid_to"],
        "source": "LiteLLM via tokencost e7f7c192",
        "date_basis": "recorded",  # tokencost's sync of LiteLLM, days or weeks after the vendor
        "scope": scope(provider, periods["model_key"]),
        "_dedupe": provider,
        "_ref": periods["_ref"],
    })
    regions, unplaced = _regions(snapshot, _supported_regions(path / MAP.removesuffix(".gz")))  # staged unzipped
    return Extract(version=VERSION, parts={"prices": prices, "lifecycle": _lifecycle(snapshot), "regions": regions},
                   creates_models=False, skipped=skipped + unplaced)


def _lifecycle(snapshot: pd.DataFrame) -> pd.DataFrame:
    """LiteLLM's deprecation_date is the day the provider stops serving the model: a shutdown date.
    Text models only, each under the provider its key routes to."""
    dated = snapshot[snapshot["deprecation_date"].notna() & snapshot["mode"].isin(TEXT_MODES)
                     & snapshot["litellm_provider"].notna()]
    provider = dated["litellm_provider"].map(provider_slug)
    shutdown = pd.to_datetime(dated["deprecation_date"].astype("string"), format="%Y-%m-%d", errors="coerce").dt.date
    return pd.DataFrame({
        "raw_name": dated["model_key"],
        "provider": provider,
        "shutdown_on": shutdown,
        "source": dated["source"].fillna("LiteLLM model price map (litellm 1.110.2)"),
        "note": "LiteLLM's deprecation_date, read as the shutdown day",
        "scope": provider,
        "_dedupe": provider,
        "_ref": dated["_ref"],
    }).dropna(subset=["shutdown_on"]).reset_index(drop=True)


# Where a key says a model is served, and the geography each such region is in (warehouse/formats.py:
# GEOGRAPHIES). Bedrock's cross-region inference profiles prefix the model id ('eu.anthropic.claude-...');
# a key routed to one AWS region names it ('bedrock/eu-west-3/mistral...'); Azure's data zones are a
# folder of the key ('azure/eu/gpt-4o'); Vertex AI's entries list their supported_regions.
PROFILE = re.compile(r"^(us-gov|us|eu|apac|jp|au|ca|global)\.(?=[a-z0-9-]+\.)")
AWS_REGION = re.compile(r"^bedrock/((?:us-gov|us|eu|ap|ca|sa|me|il|af)-[a-z]+-[0-9])/(?:[0-9]+-month-commitment/)?")
AZURE_ZONE = re.compile(r"^(azure(?:_ai)?/)(eu|us|apac|global)/")
# The geography of each region prefix a key uses: a Bedrock profile's (eu., apac., jp.), an AWS region's
# first part (eu-west-3, ap-south-1, il-central-1) and an Azure data zone (azure/eu/).
GEOGRAPHY = {"us": "us", "us-gov": "us-gov", "ca": "canada", "sa": "south-america", "eu": "europe",
             "me": "middle-east", "il": "middle-east", "af": "africa", "ap": "asia-pacific", "apac": "asia-pacific",
             "jp": "asia-pacific", "au": "asia-pacific", "global": "global"}
GOOGLE_GEOGRAPHY = (("us-", "us"), ("europe-", "europe"), ("asia-", "asia-pacific"), ("australia-", "asia-pacific"),
                    ("northamerica-northeast", "canada"), ("southamerica-", "south-america"), ("me-", "middle-east"),
                    ("africa-", "africa"))


def _supported_regions(path: Path) -> dict[str, list[str]]:
    """Each key of the map that lists its supported_regions, with them."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FileFormatError(f"{path}: cannot be read as LiteLLM's JSON map ({exc})") from None
    if not isinstance(entries, dict):
        raise FileFormatError(f"{path}: LiteLLM's map is one JSON object of model keys; this file is not")
    return {key: [str(r) for r in entry["supported_regions"]] for key, entry in entries.items()
            if isinstance(entry, dict) and isinstance(entry.get("supported_regions"), list)}


def _placed(key: str, supported: list[str] | None) -> list[tuple[str, str, str | None]]:
    """(name, region, geography) for each region the key states: the key without its region (the model as
    the map names it: 'eu.anthropic.claude-...' is 'anthropic.claude-...' served in the EU), and a
    geography None where the region is not one the house can place."""
    if m := PROFILE.match(key):
        return [(_bedrock_name(key[m.end():]), m.group(1), GEOGRAPHY[m.group(1)])]
    if m := AWS_REGION.match(key):
        return [(_bedrock_name(key[m.end():]), m.group(1), GEOGRAPHY[m.group(1).rsplit("-", 2)[0]])]
    if m := AZURE_ZONE.match(key):
        return [(m.group(1) + key[m.end():], m.group(2), GEOGRAPHY[m.group(2)])]
    return [(key, region, "global" if region == "global" else next(
        (g for prefix, g in GOOGLE_GEOGRAPHY if region.startswith(prefix)), None)) for region in supported or ()]


def _bedrock_name(bedrock_id: str) -> str:
    """A Bedrock model id as its lab names the model: without the vendor before the dot and the API
    version after the date ('anthropic.claude-sonnet-4-5-20250929-v1:0' is claude-sonnet-4-5-20250929)."""
    return re.sub(r"-v[0-9]+(:[0-9]+)?$", "", re.sub(r"^[a-z0-9-]+\.", "", bedrock_id))


def _regions(snapshot: pd.DataFrame, supported: dict[str, list[str]]) -> tuple[pd.DataFrame, list[tuple]]:
    """One row per text model key of the current map and region the key states its provider serves it in,
    under the key's name without the region; and the regions no geography could be given, as skipped."""
    text = snapshot[snapshot["mode"].isin(TEXT_MODES) & snapshot["litellm_provider"].notna()]
    rows, unplaced = [], {}
    for key, provider, ref in zip(text["model_key"], text["litellm_provider"], text["_ref"]):
        for name, region, geography in _placed(key, supported.get(key)):
            if geography is None:
                unplaced[key] = unplaced.get(key, 0) + 1
                continue
            rows.append((name, provider_slug(provider), region.lower(), geography, f"LiteLLM key {key}", ref))
    regions = pd.DataFrame(rows, columns=["raw_name", "provider", "region", "geography", "note", "_ref"]) \
        .drop_duplicates(["raw_name", "provider", "region"])  # a commitment plan's key says it again
    regions["scope"] = scope(regions["provider"], regions["raw_name"])
    regions["_dedupe"] = regions["provider"] + " " + regions["region"]  # one statement a region, not a provider
    skipped = [("regions", key, "a supported region the house cannot place in a geography", n)
               for key, n in unplaced.items()]
    return regions, skipped


def _providers(history: pd.DataFrame, snapshot: pd.DataFrame) -> pd.Series:
    """The provider each key routes to: the route in the key ('openrouter/openai/o1-mini' is
    OpenRouter's, whatever the record says), else the latest record of the key, else the current
    map, else Bedrock for its 'vendor.model' ids, else the lab a bare name belongs to (LiteLLM
    sends 'gpt-4' to OpenAI)."""
    known = set(history["litellm_provider"].dropna()) | set(snapshot["litellm_provider"].dropna()) | {"vertex_ai"}
    route = history["model_key"].str.extract(r"^([a-z0-9_-]+)/", expand=False)
    recorded = history.dropna(subset=["litellm_provider"]).groupby("model_key")["litellm_provider"].last()
    current = snapshot.dropna(subset=["litellm_provider"]).drop_duplicates("model_key") \
        .set_index("model_key")["litellm_provider"]
    bedrock = pd.Series("bedrock", index=history.index).where(history["model_key"].str.match(BEDROCK_ID))
    lab = creator_guess(history["model_key"]).where(lambda c: c.isin(LABS))
    found = route.where(route.isin(known))
    found = found.fillna(history["model_key"].map(recorded)).fillna(history["model_key"].map(current))
    return found.fillna(bedrock).fillna(lab)


def _without_slips(history: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple]]:
    """The history with the prices that cannot be what they say emptied: such a version closes
    the price before it (nothing is known from then), and every one is listed in skipped."""
    prices = history[list(TOKENS)]
    fine_tuned = history["model_key"].str.contains("ft:", regex=False)
    reasons = {
        "no provider in the history, the current map or the name": history["provider"].isna(),
        "fine-tuning prices of a base model, not the model's": fine_tuned,
        "not a text-generation model (embedding, image, audio, moderation or rerank)":
            history["mode"].notna() & ~history["mode"].isin(TEXT_MODES),
        "Google's models on Vertex AI priced per character in per-token fields":
            history["date"] < history["provider"].map(lambda p: VERTEX_PER_CHARACTER_UNTIL.get(p, date.min)),
        "output price below input price: a slip": (prices["output_cost_per_token"] > 0)
            & (prices["output_cost_per_token"] < prices["input_cost_per_token"]),
        f"a price above ${MOST_PER_MTOK} per million tokens: a unit slip": (prices > MOST_PER_MTOK).any(axis=1),
        "no price per token (priced per image, second or request)":
            prices.isna().all(axis=1) & history["change"].ne("removed"),
    }
    skipped, bad = [], pd.Series(False, index=history.index)
    for why, mask in reasons.items():
        mask = mask & ~bad
        skipped += [("prices", str(k), why, int(n)) for k, n in history.loc[mask, "model_key"].value_counts().items()]
        bad |= mask
    history = history.copy()
    history.loc[bad, list(TOKENS)] = float("nan")
    return history[history["provider"].notna()], skipped
