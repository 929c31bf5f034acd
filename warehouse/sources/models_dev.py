"""models.dev: an open catalogue of models and the providers serving them (release dates, open
weights, input and output modalities), and the history of its prices rebuilt from its git log.

PATH is the folder holding the models.dev files (shared/data/models-dev, or the trimmed copy).

Modalities ('text|image|pdf' -> 'text') are the model's, whoever serves it: as its lab's own API lists
them where the lab serves it, else what every provider listing the id agrees on (the intersection:
a reseller lists what its own tools add). They add no model.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from warehouse.sources.base import Context, Extract, read_csv, source
from warehouse.sources.pricing import check_changes, history_periods, provider_slug, scope

LICENCE = "MIT"
ATTRIBUTION = "models.dev, Copyright models.dev (MIT), github.com/anomalyco/models.dev"
VERSION = "anomalyco/models.dev@f3fc6922"
TOKENS = {"input": "input", "cache_read": "cached_input", "cache_write": "cache_write", "output": "output",
          "reasoning": "reasoning"}
# Labs whose models.dev folder name is not a name organisations.csv knows.
LAB_NAMES = {"zhipuai": "Zhipu AI", "zai": "Zhipu AI", "llama": "Meta"}


@source("models-dev", description="models.dev catalogue: models with release dates and open weights, "
        "from the labs' own entries, and every provider's input and output modalities", licence=LICENCE, attribution=ATTRIBUTION,
        files=["models.csv", "provider_models.csv"])
def catalogue(path: Path, context: Context) -> Extract:
    labs = read_csv(path / "models.csv", ["model_id", "name", "release_date", "open_weights", "context_limit"])
    served = read_csv(path / "provider_models.csv", ["provider_id", "model_id", "name", "release_date",
                                                     "open_weights", "input_modalities", "output_modalities",
                                                     "context_limit"])
    lab = labs["model_id"].str.split("/").str[0]
    from_labs = _models(labs, lab)
    house = served["provider_id"].map(provider_slug)
    own = scope(house, served["model_id"]) == "first-party"
    from_providers = _models(served[own], served.loc[own, "provider_id"])
    skipped = [("models", str(p), "served by a provider that is not its lab: prices and modalities only", int(n))
               for p, n in served.loc[~own, "provider_id"].value_counts().items()]
    # The labs' own entries first: where two rows describe one model, the first one's facts stand.
    models = pd.concat([from_labs, from_providers], ignore_index=True)
    return Extract(version=VERSION, parts={"models": models, "modalities": _modalities(served, own)}, skipped=skipped)


def _modalities(served: pd.DataFrame, own: pd.Series) -> pd.DataFrame:
    """One row per model id, direction and modality: as the lab's own API lists them, else as every
    provider listing the id agrees (resellers add what their tools do: one lists GPT-5 as generating
    images). Whole columns at once: a loop over the ids took 6 s."""
    frames = []
    for direction in ("input", "output"):
        listed = served.assign(own=own.to_numpy(), _order=range(len(served)),
                               listing=served[f"{direction}_modalities"].astype("string").str.lower())
        long = listed.assign(modality=listed["listing"].str.split("|")).explode("modality")
        long["modality"] = long["modality"].astype("string").str.strip()
        long = long[long["modality"].notna() & (long["modality"] != "")]
        stating = listed[listed["_order"].isin(long["_order"])]  # rows that list any modality
        lab_lists = stating.groupby("model_id")["own"].transform("any")
        stating = stating[stating["own"] | ~lab_lists]  # the lab's own rows where it lists the id
        long = long[long["_order"].isin(stating["_order"])].drop_duplicates(["_order", "modality"])
        per_id = stating.groupby("model_id").agg(stating_rows=("_order", "size"), first=("_order", "min"),
                                                   lab=("own", "any"))
        counts = long.groupby(["model_id", "modality"]).size().rename("listing_rows").reset_index()
        agreed = counts.merge(per_id, left_on="model_id", right_index=True)
        agreed = agreed[agreed["listing_rows"] == agreed["stating_rows"]].sort_values(["model_id", "modality"])
        sets = agreed.groupby("model_id")["modality"].agg("|".join)
        first = served.iloc[agreed["first"].to_numpy()]
        who = first["provider_id"].to_numpy().astype(object)
        who[~agreed["lab"].to_numpy()] = (agreed.loc[~agreed["lab"], "stating_rows"].astype(str)
                                          + " provider(s) agree").to_numpy()
        frames.append(pd.DataFrame({
            "raw_name": agreed["model_id"].to_numpy(), "direction": direction, "modality": agreed["modality"].to_numpy(),
            "note": (f"{direction}_modalities: " + agreed["model_id"].map(sets) + " (" + pd.Series(who, index=agreed.index)
                     + ")").to_numpy(),
            "_ref": first["_ref"].to_numpy()}))
    frame = pd.concat(frames, ignore_index=True)
    # Two names of one model (the lab's id and a provider's) state it once, by the more direct name.
    return frame.assign(scope=frame["direction"], _dedupe=frame["direction"])


def _models(rows: pd.DataFrame, lab: pd.Series) -> pd.DataFrame:
    # The 1970-01-01 sentinel means unknown; a month alone ('2025-04') is no day of release.
    released = pd.to_datetime(rows["release_date"].astype("string"), format="%Y-%m-%d", errors="coerce")
    released = released.where(released != pd.Timestamp("1970-01-01"))
    weights = rows["open_weights"].astype("string").str.lower().map({"true": True, "false": False})
    return pd.DataFrame({
        "raw_name": rows["model_id"],
        "creator_raw": lab.map(lambda name: LAB_NAMES.get(name, name)),
        "display_name": rows["name"],
        "release_date": released.dt.date,
        "open_weights": weights.astype("boolean"),
        "context_window": pd.to_numeric(rows["context_limit"], errors="coerce").where(lambda n: n > 0).astype("Int64"),
        "scope": "first-party",
        "_ref": rows["_ref"],
    })


@source("models-dev-prices", description="models.dev price history: each provider's prices as the "
        "catalogue recorded them, commit by commit", licence=LICENCE, attribution=ATTRIBUTION,
        files=["price_history_git.csv"])
def price_history(path: Path, context: Context) -> Extract:
    history = read_csv(path / "price_history_git.csv",
                       ["provider_id", "model_id", "commit", "commit_date", "change", *TOKENS])
    check_changes(history, path / "price_history_git.csv")
    changes = history.assign(date=pd.to_datetime(history["commit_date"]).dt.date,
                             removed=history["change"] == "removed")
    periods = history_periods(changes, ["provider_id", "model_id"], TOKENS)
    provider = periods["provider_id"].map(provider_slug)
    prices = pd.DataFrame({
        "raw_name": periods["model_id"],
        "provider": provider,
        "token_type": periods["token_type"],
        "usd_per_mtok": periods["usd_per_mtok"],
        "valid_from": periods["valid_from"],
        "valid_to": periods["valid_to"],
        "source": f"models.dev {VERSION.split('@')[1]}",
        "date_basis": "recorded",  # the commit that changed the catalogue, not the vendor's date
        "scope": scope(provider, periods["model_id"]),
        "_dedupe": provider,
        "_ref": periods["_ref"],
    })
    return Extract(version=VERSION, parts={"prices": prices}, creates_models=False)

