"""European Open Source AI Index (osai-index.eu): openness of open-weight models, 12 criteria each.

PATH holds models_wide.csv (one row per index entry), assessments_long.csv (one row per entry
and criterion) and assessment_history_git.csv (every change of a criterion per commit).

An entry assesses one model family on its latest version; that version (`endmodelname`) is the
raw model name. Where it is missing, undisclosed, or shared by two entries (an upstream slip:
'Guru' and 'SynLogic' both name 'Qwen2.5-32B'), the entry's own name stands instead. The index is
a catalogue: entries the warehouse does not know become models, with creator from org_name, release
date the first of the release month, and open weights when weights_endmodel is open ('partial'
and 'closed' grade access terms, such as gated or delta weights or the licence, of weights that
are often downloadable, so they leave it unsaid). The curated aliases (aliases/eosai.csv) send
entries to models already known; those keep their own creator and release date, which are more
precise than the index's month.

Openness rows: framework 'eosai', component = criterion, level = open | partial | closed,
evidence = the first http(s) link, note = the rationale trimmed to 300 characters, assessed_at =
the date of the last commit that changed the criterion in the entry's file (else the snapshot's
commit date). Every entry is kept whatever its modality; `type` is the scope in name_resolutions.

Modality rows: `type` names what the entry's model generates ('text', 'code', 'image', 'audio',
'video', or several: 'video,audio'), so each is an output modality, code counted as text. It says
nothing of the input: Whisper, a speech recogniser, is of type text.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

from warehouse.sources.base import Context, Extract, read_csv, source

SOURCE = "eosai"
SNAPSHOT_DATE = date(2026, 6, 12)  # commit 5a388e87 of the index's main-database
URL = re.compile(r"https?://[^\s\"',\]]+")
NOTE_CHARS = 300
TEXT = {"all_varchar": "true"}


@source(SOURCE, description="European Open Source AI Index: openness per criterion (open/partial/closed)",
        licence="CC BY 4.0", attribution="European Open Source AI Index, osai-index.eu, "
        "doi:10.5281/zenodo.15386042 (CC BY 4.0)",
        files=["models_wide.csv", "assessments_long.csv", "assessment_history_git.csv"])
def index(path: Path, context: Context) -> Extract:
    entries = read_csv(path / "models_wide.csv", ["file", "name", "type", "endmodelname", "releasedate",
                                                  "org_name", "weights_endmodel"], **TEXT)
    assessments = read_csv(path / "assessments_long.csv", ["file", "criterion", "class", "link", "notes"],
                           **TEXT)
    history = read_csv(path / "assessment_history_git.csv", ["file", "commit_date", "criterion"], **TEXT)

    end = entries["endmodelname"].str.strip()
    unusable = end.isna() | end.str.fullmatch(r"(?i)undisclosed|unknown") | end.duplicated(keep=False)
    entries["raw_name"] = end.where(~unusable, entries["name"])
    models = pd.DataFrame({
        "raw_name": entries["raw_name"],
        "creator_raw": entries["org_name"],
        "display_name": entries["name"].where(unusable, entries["raw_name"]),
        "release_date": pd.to_datetime(entries["releasedate"] + "-01", errors="coerce").dt.date,
        "open_weights": entries["weights_endmodel"].map({"open": True}),
        "scope": entries["type"],
        "_ref": entries["_ref"],
    })

    changed = history.groupby(["file", "criterion"], as_index=False)["commit_date"].max()
    rows = (assessments.merge(entries[["file", "raw_name", "type"]], on="file", validate="many_to_one")
            .merge(changed, on=["file", "criterion"], how="left"))
    graded = rows["class"].isin(["open", "partial", "closed"])
    skipped = [("openness", f"{c} ({k})", "criterion not graded", int(n))
               for (c, k), n in rows.loc[~graded, ["criterion", "class"]].fillna("(empty)")
               .value_counts().items()]
    rows = rows[graded]
    openness = pd.DataFrame({
        "raw_name": rows["raw_name"],
        "framework": SOURCE,
        "component": rows["criterion"],
        "level": rows["class"],
        "evidence_url": rows["link"].map(_first_url),
        "assessed_at": pd.to_datetime(rows["commit_date"]).dt.date.fillna(SNAPSHOT_DATE),
        "note": rows["notes"].str.strip().str.slice(0, NOTE_CHARS),
        "scope": rows["type"],
        "_ref": rows["_ref"],
    })
    return Extract(version="Language-Technology-Assessment/main-database@5a388e87",
                   parts={"models": models, "openness": openness, "modalities": _outputs(entries)},
                   skipped=skipped)


def _outputs(entries: pd.DataFrame) -> pd.DataFrame:
    """One output modality row per entry and type it names."""
    typed = entries.assign(modality=entries["type"].str.lower().str.split(",")).explode("modality")
    typed["modality"] = typed["modality"].str.strip().replace({"code": "text"})
    typed = typed[typed["modality"].notna() & (typed["modality"] != "")]
    typed = typed.drop_duplicates(["raw_name", "modality"])
    return pd.DataFrame({
        "raw_name": typed["raw_name"],
        "direction": "output",
        "modality": typed["modality"],
        "note": "type: " + typed["type"],
        "scope": typed["type"],
        "_dedupe": "output",
        "_ref": typed["_ref"],
    })


def _first_url(text) -> str | None:
    found = URL.search(text) if isinstance(text, str) else None
    return found.group(0) if found else None
