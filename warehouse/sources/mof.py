"""LF AI & Data Model Openness Tool (isitopen.ai): per-component licences of model records.

PATH holds models.csv (one record per model file) and model_components.csv (one row per record
and component the record lists, with the licence the tool resolves and whether it is open).

The tool is a catalogue of records named the Hugging Face way ('Llama-3.1-8B-Instruct'): a record
the warehouse does not know becomes a model (creator from producer); the curated aliases
(aliases/mof.csv) send records of known models to them, and those keep their own creator. The
record date is when the record was written, not a release date, so it gives none.

Openness rows: framework 'mof', component = the component's name, level = 'open' when its licence
is open (OSI/FSF-approved, an open-data licence or OpenMDW) else 'not-open', note = the licence,
evidence = the component's own link, else the record's repository or Hugging Face page (http(s)
only), assessed_at = the record date. Stub records ('Unnamed-Model', '…-test') are skipped, and so
is a second record of the same model and date (the tool holds two 'Meta-Llama-3-8B-Instruct'
records, and a 'Qwen2.5-32B-Instruct' record in the file of the 72B): the one kept is the record
whose file is named after the model.

Modality rows: a record of type 'language' or 'code' is a language model, reading and generating
text (input and output text). Type 'multimodal' does not say what the model generates, and most
records give no type: those state nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from warehouse.sources.base import Context, Extract, read_csv, source

SOURCE = "mof"
STUB = re.compile(r"(?i)^unnamed\b|-test$")
URL = re.compile(r"https?://[^\s\"',\]]+")
TEXT = {"all_varchar": "true"}


@source(SOURCE, description="Model Openness Tool (LF AI & Data): licence and openness per component",
        licence="MIT", attribution="The Model Openness Tool Authors, LF AI & Data Model Openness Tool "
        "(github.com/lfai/model_openness_tool), MIT",
        files=["models.csv", "model_components.csv"])
def records(path: Path, context: Context) -> Extract:
    models = read_csv(path / "models.csv", ["model", "file", "date", "type", "producer", "repository",
                                           "huggingface"], **TEXT)
    components = read_csv(path / "model_components.csv", ["file", "component", "license",
                                                         "license_is_open", "component_path"], **TEXT)
    stub = models["model"].str.contains(STUB)
    named_after = models["file"].str.extract(r"([^/]+)\.ya?ml$", expand=False) == models["model"]
    order = models.assign(_named=~named_after).sort_values("_named", kind="stable")
    second = order.duplicated(["model", "date"]).reindex(models.index) & ~stub
    listed = components["file"].value_counts()
    skipped = [(kind, name, why, int(n)) for mask, why in [(stub, "stub record"),
               (second, "a second record of the same model and date")]
               for name, file in zip(models.loc[mask, "model"], models.loc[mask, "file"])
               for kind, n in [("models", 1), ("openness", listed.get(file, 0))] if n]
    models = models[~stub & ~second]

    catalogue = pd.DataFrame({
        "raw_name": models["model"],
        "creator_raw": models["producer"],
        "display_name": models["model"],
        "scope": models["type"].fillna(""),
        "_ref": models["_ref"],
    })

    rows = components.drop(columns="model").merge(models.drop(columns="_ref"), on="file", how="inner",
                                                  validate="many_to_one")
    page = rows["repository"].map(_url).fillna(rows["huggingface"].map(_url))
    openness = pd.DataFrame({
        "raw_name": rows["model"],
        "framework": SOURCE,
        "component": rows["component"],
        "level": rows["license_is_open"].map({"true": "open", "True": "open"}).fillna("not-open"),
        "evidence_url": rows["component_path"].map(_url).fillna(page),
        "assessed_at": pd.to_datetime(rows["date"]).dt.date,
        "note": rows["license"].str.strip(),
        "scope": rows["type"].fillna(""),
        "_ref": rows["_ref"],
    })
    return Extract(version="lfai/model_openness_tool@8b5d30e9", parts={"models": catalogue,
                   "openness": openness, "modalities": _text_models(models)}, skipped=skipped)


def _text_models(models: pd.DataFrame) -> pd.DataFrame:
    """Input and output text for each record of type language or code."""
    text = models[models["type"].fillna("").str.lower().isin(["language", "code"])]
    text = text.drop_duplicates("model")
    return pd.concat([pd.DataFrame({
        "raw_name": text["model"],
        "direction": direction,
        "modality": "text",
        "note": "type: " + text["type"],
        "scope": text["type"],
        "_dedupe": direction,
        "_ref": text["_ref"],
    }) for direction in ("input", "output")], ignore_index=True)


def _url(text) -> str | None:
    found = URL.match(text.strip()) if isinstance(text, str) else None
    return found.group(0) if found else None
