"""What the price adapters share: the house's provider slugs, whether a price is the lab's own
(first-party) or a reseller's, and price periods from a catalogue's history of changes.

Registers no adapter; all.py imports it like the others, harmlessly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from warehouse.errors import FileFormatError
from warehouse.identity import FOLDER

# A lab's own API is named by the lab's creator slug, so that endpoints know it as first-party.
LABS = frozenset({"openai", "anthropic", "google", "mistral", "deepseek", "xai", "alibaba", "moonshotai",
                  "zhipu", "minimax", "cohere", "meta", "perplexity", "xiaomi", "stepfun"})

# A source's provider id -> the house's provider slug, where they differ. Two ids share a slug
# only when they are one API (LiteLLM's 'bedrock' and 'bedrock_converse'); a lab's regional site
# (Z.ai's China site) keeps its own, with its own prices.
PROVIDERS = {
    "x-ai": "xai", "zai": "zhipu", "zhipuai": "zhipu-cn", "gemini": "google", "moonshot": "moonshotai",
    "llama": "meta", "meta_llama": "meta", "dashscope": "alibaba", "qwen": "alibaba",
    "aws": "amazon-bedrock", "bedrock": "amazon-bedrock", "bedrock_converse": "amazon-bedrock",
    "together": "togetherai", "together_ai": "togetherai", "fireworks": "fireworks-ai",
    "fireworks_ai": "fireworks-ai", "codestral": "mistral-codestral", "text-completion-codestral":
    "mistral-codestral", "text-completion-openai": "openai", "cohere_chat": "cohere",
}
VERTEX = "google-vertex"


def provider_slug(source_id: str) -> str:
    if source_id.startswith("vertex_ai"):
        return VERTEX
    slug = PROVIDERS.get(source_id, source_id).lower()
    return re.sub(r"[^a-z0-9._-]+", "-", slug).strip("-")


def _prefixes() -> list[tuple[str, str]]:
    table = pd.read_csv(FOLDER / "creator_prefixes.csv", dtype=str)
    return sorted(zip(table["prefix"], table["creator"]), key=lambda p: -len(p[0]))


def _organisations() -> dict[str, str]:
    table = pd.read_csv(FOLDER / "organisations.csv", dtype=str)
    return dict(zip(table["raw_name"].str.strip().str.lower(), table["creator"]))


def creator_guess(raw_names: pd.Series) -> pd.Series:
    """The lab a model name points at: its name's prefix (creator_prefixes.csv), else the
    organisation before a '/' (organisations.csv); empty when neither says."""
    prefixes, organisations = _prefixes(), _organisations()

    def guess(raw: str) -> str | None:
        parts = raw.lower().split("/")
        name = re.sub(r"[^a-z0-9.]+", "-", parts[-1]).strip("-.")
        name = re.sub(r"^[a-z]{2}\.", "", name)  # a region, as in eu.anthropic.claude-...
        name = re.sub(r"^(anthropic|meta|amazon|cohere|mistral|ai21|deepseek|qwen|openai)\.", "", name)
        found = next((c for p, c in prefixes if name.startswith(p)), None)
        if found is None and len(parts) > 1:
            found = organisations.get(parts[-2])
        return found

    return raw_names.astype(str).map(guess)


def scope(providers: pd.Series, raw_names: pd.Series) -> pd.Series:
    """'first-party' where the provider is the lab that made the model (a lab's API serving a
    name no prefix claims is its own), else 'reseller'."""
    creators = creator_guess(raw_names)
    own = providers.isin(LABS) & (creators.isna() | (creators == providers))
    return own.map({True: "first-party", False: "reseller"})


def check_changes(history: pd.DataFrame, file: Path) -> None:
    """Stop on a change kind other than the three a git-log price history writes (its 'change'
    column), so that a new kind is looked at before it is read as a price."""
    unknown = ~history["change"].isin(["added", "price_change", "removed"])
    if unknown.any():
        raise FileFormatError(f"{file}: unknown change {history.loc[unknown, 'change'].iloc[0]!r}; "
                              "has the source changed its format?")


def history_periods(changes: pd.DataFrame, keys: list[str], tokens: dict[str, str]) -> pd.DataFrame:
    """Price periods from a history of changes: rows with `keys`, `date`, `removed` and one column
    per price (named in `tokens`, mapped to token types), in the order the changes were made.
    A price holds from the change that set it to the next change of the same key and token
    ('removed' or an emptied price closes it); the last change of a day stands for the day; a
    change that leaves a price as it was is no change."""
    frame = changes.assign(_order=range(len(changes)))
    long = frame.melt(id_vars=[*keys, "date", "removed", "_order", "_ref"], value_vars=list(tokens),
                      var_name="column", value_name="usd_per_mtok")
    long.loc[long["removed"], "usd_per_mtok"] = float("nan")
    long["token_type"] = long["column"].map(tokens)
    group = [*keys, "token_type"]
    long = long.sort_values([*group, "date", "_order"]).drop_duplicates([*group, "date"], keep="last")
    previous = long.groupby(group, sort=False, dropna=False)["usd_per_mtok"].shift()
    value = long["usd_per_mtok"]
    changed = (value != previous) & ~(value.isna() & previous.isna())
    long = long[changed].copy()
    long["valid_to"] = long.groupby(group, sort=False, dropna=False)["date"].shift(-1)
    periods = long[long["usd_per_mtok"].notna()]
    return periods[[*keys, "token_type", "usd_per_mtok", "date", "valid_to", "_ref"]] \
        .rename(columns={"date": "valid_from"}).reset_index(drop=True)
