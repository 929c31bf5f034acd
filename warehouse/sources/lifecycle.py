"""Model lifecycles: when providers deprecated and shut down models, from two open catalogues.

- modeldeprecations.dev (the primary source): one YAML record per provider and model, with the
  vendor's page as its source, flattened to model_deprecations.csv; its dated snapshots (aliases)
  share the record. Its release dates describe models already known (evidence for the release-date
  check); it adds no models.
- deprecations-rss (deprecations.info): notices scraped daily from vendor deprecation pages
  (data.json). Its announcement_date is often the day a page was scraped, not the vendor's notice,
  so it is never read as one: the notice date is the vendor's own deprecation_date where that is
  earlier than the shutdown; otherwise, where the vendor gave only the shutdown, the day the notice
  was first observed on the vendor's page (first_observed), if that is before the shutdown: the end
  was announced by then, if not earlier. Left empty, a stated shutdown months ahead made a model
  'active' up to its last day (Gemini 2.5 Pro, whose shutdown on 16 October 2026 was on Google's page
  from 5 December 2025, was a subscriber's focus model with no word of it on 30 September).

A record that gives a status but no date (a model listed as retired, no shutdown date given) is
kept with the day the catalogue last verified it, as date_basis 'seen-by': retired by then, since
when unknown, and any stated date outranks it; a house correction (data/house/lifecycle.csv) gives
the real date where one is known.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from warehouse.errors import FileFormatError
from warehouse.sources.base import Context, Extract, read_csv, source
from warehouse.sources.pricing import provider_slug

DEPRECATIONS_VERSION = "mnfst/modeldeprecations.dev@9d331166"
RSS_VERSION = "deprecations/deprecations-rss@b1885cd3"
# Provider names of the two catalogues -> the house's provider slugs (a lab's API is its creator slug).
PROVIDERS = {"z-ai": "zhipu", "moonshot": "moonshotai", "vertex": "google-vertex", "bedrock": "amazon-bedrock",
             "OpenAI": "openai", "Azure": "azure", "Google": "google", "Groq": "groq", "Anthropic": "anthropic",
             "AWS Bedrock": "amazon-bedrock", "Cohere": "cohere", "Google Vertex": "google-vertex", "xAI": "xai"}
COLUMNS = ["model", "provider", "deprecated_on", "shutdown_on", "replacement", "source", "date_basis", "note"]


def _date(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values.astype("string"), format="%Y-%m-%d", errors="coerce").dt.date


def _frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Lifecycle rows named as the source names them, one offer (provider) per _dedupe."""
    frame = rows.rename(columns={"model": "raw_name"})
    frame["scope"] = frame["provider"]
    frame["_dedupe"] = frame["provider"]
    return frame.reset_index(drop=True)


@source("model-deprecations", description="modeldeprecations.dev: deprecation and shutdown dates per "
        "provider and model, with the vendor's page", licence="MIT",
        attribution="modeldeprecations.dev contributors (MIT), github.com/mnfst/modeldeprecations.dev",
        files=["model_deprecations.csv"])
def model_deprecations(path: Path, context: Context) -> Extract:
    rows = read_csv(path / "model_deprecations.csv", ["provider", "model", "name", "status", "shutdown_on",
                                                      "deprecated_on", "released_on", "aliases", "replacement",
                                                      "source_url", "last_verified"])
    verified = _date(rows["last_verified"])
    shutdown, deprecated = _date(rows["shutdown_on"]), _date(rows["deprecated_on"])
    undated_retired = (rows["status"] == "retired") & shutdown.isna()
    undated_deprecated = (rows["status"] == "deprecated") & deprecated.isna() & shutdown.isna()
    note = pd.Series(pd.NA, index=rows.index, dtype="string")
    note[undated_retired] = "listed as retired, no shutdown date given: retired by the day last verified"
    note[undated_deprecated] = "listed as deprecated, no date given: announced by the day last verified"
    records = pd.DataFrame({
        "model": rows["model"],
        "provider": rows["provider"].map(lambda p: PROVIDERS.get(p, provider_slug(p))),
        "deprecated_on": deprecated.where(~undated_deprecated, verified),
        "shutdown_on": shutdown.where(~undated_retired, verified),
        "replacement": rows["replacement"].astype("string").str.split(";").str[0].str.split("/").str[-1],
        "source": rows["source_url"].astype("string").str.split(";").str[0],
        "date_basis": (undated_retired | undated_deprecated).map({True: "seen-by", False: "stated"}),
        "note": note,
        "_ref": rows["_ref"],
        "_aliases": rows["aliases"].fillna("[]").map(json.loads),
    })
    dated = records["deprecated_on"].notna() | records["shutdown_on"].notna()
    skipped = [("lifecycle", str(m), "active: no deprecation or shutdown date", 1)
               for m in records.loc[~dated, "model"]]
    records = records[dated]
    # A record covers the model's dated snapshots too: one row per name, the same dates.
    named = records.explode("_aliases")
    snapshots = named[named["_aliases"].notna()].assign(model=lambda f: f["_aliases"])
    lifecycle = pd.concat([records, snapshots], ignore_index=True).drop(columns="_aliases") \
        .drop_duplicates(["model", "provider"])  # a snapshot with a record of its own keeps that one
    released = _date(rows["released_on"])
    catalogue = pd.DataFrame({"raw_name": rows["model"], "display_name": rows["name"],
                              "release_date": released, "_ref": rows["_ref"]})[released.notna()]
    return Extract(version=DEPRECATIONS_VERSION, creates_models=False, skipped=skipped,
                   parts={"lifecycle": _frame(lifecycle[COLUMNS + ["_ref"]]), "models": catalogue})


@source("deprecations-rss", description="deprecations.info: vendor deprecation notices scraped daily "
        "(shutdown dates; announcement dates only where the vendor gives one)", licence="MIT",
        attribution="deprecations-rss, Copyright (c) 2025 François Leblanc (MIT), "
                    "github.com/deprecations/deprecations-rss", files=["data.json"])
def deprecations_rss(path: Path, context: Context) -> Extract:
    notices = _read_json(path / "data.json")
    shutdown, vendor = _date(notices["shutdown_date"]), _date(notices["deprecation_date"])
    observed = _date(notices["first_observed"])
    announced = vendor.where(vendor.notna() & shutdown.notna() & (vendor < shutdown))
    announced = announced.fillna(observed.where(observed.notna() & shutdown.notna() & (observed < shutdown)))
    lifecycle = pd.DataFrame({
        "model": notices["model_id"],
        "provider": notices["provider"].map(lambda p: PROVIDERS.get(p, provider_slug(p))),
        "deprecated_on": announced,
        "shutdown_on": shutdown,
        "replacement": notices["replacement_models"].map(lambda r: r[0] if r else None).astype("string"),
        "source": notices["url"],
        "date_basis": "stated",
        "_ref": notices["_ref"],
    })
    dated = lifecycle["deprecated_on"].notna() | lifecycle["shutdown_on"].notna()
    skipped = [("lifecycle", str(m), "no date at all", 1) for m in lifecycle.loc[~dated, "model"]]
    # The same notice scraped twice (two pages list one model): the one seen first stands.
    seen = _date(notices["first_observed"])
    lifecycle = lifecycle[dated].assign(_seen=seen[dated]).sort_values("_seen", kind="stable") \
        .drop_duplicates(["model", "provider"]).drop(columns="_seen")
    return Extract(version=RSS_VERSION, creates_models=False, skipped=skipped,
                   parts={"lifecycle": _frame(lifecycle)})


def _read_json(file: Path) -> pd.DataFrame:
    """The notices of data.json, each with the fields the adapter reads; a malformed file is refused."""
    try:
        notices = json.loads(file.read_text())
    except (OSError, ValueError) as exc:
        raise FileFormatError(f"{file}: cannot be read as JSON ({exc}); the file may be truncated") from None
    wanted = ("provider", "model_id", "shutdown_date", "deprecation_date", "replacement_models", "url",
              "first_observed")
    if not isinstance(notices, list) or not notices:
        raise FileFormatError(f"{file}: expected a list of deprecation notices")
    missing = sorted({w for n in notices for w in wanted if w not in n})
    if missing:
        raise FileFormatError(f"{file}: notices without {', '.join(missing)}; has the source changed its format?")
    frame = pd.DataFrame(notices)
    frame["_ref"] = [f"{file.name} notice {i + 1}" for i in range(len(frame))]
    return frame
