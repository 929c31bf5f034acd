"""Stanford Foundation Model Transparency Index: 100 transparency indicators per developer and edition.

PATH holds scores_long.csv (edition, developer, indicator, score 0/1) and the indicator
definitions of the editions: indicators_2023-10_2024-05.csv (v1.0 and v1.1) and
indicators_2025-12.csv.

FMTI scores developers, not models, so the rows are developer-assessments: creator = the
developer's slug from warehouse/identity/organisations.csv (a developer not listed there is
skipped, never guessed), framework 'fmti', edition as written ('2025-12'), indicator as the scores
name it, domain (Upstream, Model, Downstream) from the edition's indicator file, assessed_at =
the first day of the edition's month. The 2023-10 and 2024-05 scores name ten indicators
differently from their definitions file ('Third-party …' for 'Third party …', 'Data copyright
status' for 'Copyrighted data'); `RENAMED` says which is which.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from warehouse.identity import FOLDER
from warehouse.sources.base import Context, Extract, read_csv, source

SOURCE = "fmti"
INDICATOR_FILES = {"2023-10": "indicators_2023-10_2024-05.csv", "2024-05": "indicators_2023-10_2024-05.csv",
                   "2025-12": "indicators_2025-12.csv"}
# Scores' name -> definitions' name, for the v1 editions.
RENAMED = {
    "Data copyright status": "Copyrighted data",
    "Data license status": "Data license",
    "Machine-generated content": "Detection of machine-generated content",
    "Model Asset License": "Model License",
    "License": "Model License",
    "Release decision-making protocol": "Release decision-making",
}


@source(SOURCE, description="Stanford Foundation Model Transparency Index: indicator scores per developer",
        licence="CC BY 4.0", attribution="Stanford CRFM, Foundation Model Transparency Index "
        "(github.com/stanford-crfm/fmti), CC BY 4.0",
        files=["scores_long.csv", *sorted(set(INDICATOR_FILES.values()))])
def transparency(path: Path, context: Context) -> Extract:
    scores = read_csv(path / "scores_long.csv", ["edition", "developer", "indicator", "score"],
                      all_varchar="true")
    domains = pd.concat([
        read_csv(path / file, ["Domain", "Indicator"], all_varchar="true")
        .assign(edition=edition, key=lambda f: _key(f["Indicator"]))
        for edition, file in INDICATOR_FILES.items()
    ]).drop_duplicates(["edition", "key"]).set_index(["edition", "key"])["Domain"]

    organisations = pd.read_csv(FOLDER / "organisations.csv", dtype=str)
    creators = dict(zip(organisations["raw_name"].str.strip().str.lower(), organisations["creator"]))
    creator = scores["developer"].str.strip().str.lower().map(creators)
    edition_known = scores["edition"].isin(INDICATOR_FILES)
    skipped = [("developer-assessments", str(d), "developer not in organisations.csv", int(n))
               for d, n in scores.loc[creator.isna(), "developer"].value_counts().items()]
    skipped += [("developer-assessments", str(e), "edition without an indicator file", int(n))
                for e, n in scores.loc[creator.notna() & ~edition_known, "edition"].value_counts().items()]
    keep = creator.notna() & edition_known
    scores, creator = scores[keep], creator[keep]

    keys = pd.MultiIndex.from_arrays([scores["edition"], _key(scores["indicator"].replace(RENAMED))])
    assessments = pd.DataFrame({
        "creator": creator,
        "framework": SOURCE,
        "edition": scores["edition"],
        "indicator": scores["indicator"],
        "domain": domains.reindex(keys).to_numpy(),
        "score": scores["score"].astype(float),
        "assessed_at": pd.to_datetime(scores["edition"] + "-01").dt.date,
        "_ref": scores["_ref"],
    })
    return Extract(version="stanford-crfm/fmti@f4500c5f", parts={"developer-assessments": assessments},
                   creates_models=False, skipped=skipped)


def _key(names: pd.Series) -> pd.Series:
    """An indicator's name as both files can agree on: case, spacing and 'third party' aside."""
    return names.str.strip().str.lower().str.replace("third party", "third-party", regex=False)
