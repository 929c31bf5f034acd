"""Model identity: from the names sources use to canonical models and variants.

The curated tables in this folder are data, reviewed by a person and kept in the repository:

- aliases/<source>.csv: source, raw_name -> model, effort, relation (same: another spelling of
  the model; alias-of: a moving name such as 'gpt-4o' that pointed at this model), note.
  source '*' (in common.csv) applies to every source that has no alias of its own for the name,
  and matches the name in its normalised form (any case, any provider prefix): one id per model
- organisations.csv: an organisation's name as sources write it -> creator slug
- creator_names.csv: creator slug -> the name reports print (a creator it lacks is named by its slug)
- provider_names.csv: provider slug -> the name reports print, likewise
- evaluation_aliases.csv: source, raw benchmark name -> evaluation
- evaluations.csv: the evaluations the house tracks, in the native evaluations format
- release_dates.csv: model -> release date, with the evidence, where the sources disagree or are
  wrong (listed by the view release_date_conflicts); it decides over every source
- alias_history.csv: a moving alias (its normalised name) -> the snapshot it pointed to from
  valid_from up to valid_to, with the evidence. A fact recorded under a moving alias the curated
  aliases name (relation 'alias-of') goes, for each day, to the snapshot the alias pointed to that
  day: a price is cut at the days the alias moved, an undated price (the source's current one) goes
  to the alias's current snapshot only, from the day it took the alias, and a fact dated where the
  history names no snapshot is not loaded ('alias outside its history')

Resolution itself is SQL (resolve_catalogue.sql, resolve_facts.sql).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pandas as pd

from warehouse import formats
from warehouse.migrate import run_script
from warehouse.sql import quote_literal

FOLDER = Path(__file__).resolve().parent
ALIASES = FOLDER / "aliases"
ALIAS_COLUMNS = ("source", "raw_name", "model", "effort", "relation", "note")
CATALOGUE_COLUMNS = ("raw_name", "creator_raw", "display_name", "release_date", "params_total_b",
                     "params_active_b", "open_weights", "reasoning", "context_window")


def curated_sha256() -> str:
    """One hash of the curated tables: a source read with other aliases is another batch."""
    digest = hashlib.sha256()
    for path in curated_files():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def curated_files() -> list[Path]:
    return sorted(ALIASES.glob("*.csv")) + [FOLDER / name for name in (
        "organisations.csv", "creator_names.csv", "provider_names.csv", "evaluation_aliases.csv", "creator_prefixes.csv", "release_dates.csv",
        "alias_history.csv")]


def evaluation_map(source: str) -> dict[str, str]:
    """The source's benchmark names the house tracks -> evaluation ids."""
    table = pd.read_csv(FOLDER / "evaluation_aliases.csv", dtype=str)
    mine = table[table["source"] == source]
    return dict(zip(mine["raw_name"], mine["evaluation"]))


def creators(organisations: pd.Series) -> pd.Series:
    """Organisation names as sources write them ('Qwen', 'Alibaba Cloud') -> creator slugs, by
    organisations.csv; a name it lacks is its own lowercase self."""
    table = pd.read_csv(FOLDER / "organisations.csv", dtype=str)
    known = dict(zip(table["raw_name"].str.strip().str.lower(), table["creator"]))
    lowered = organisations.astype("string").str.strip().str.lower()
    return lowered.map(known).fillna(lowered)


def dated_aliases() -> set[str]:
    """The moving aliases (normalised names) alias_history.csv dates: a source's own match rules must
    leave them to it, so that a fact under one goes to the snapshot the alias named on its days."""
    return set(pd.read_csv(FOLDER / "alias_history.csv", dtype=str)["alias"])


def other_names(source: str) -> dict[str, list[str]]:
    """Canonical model -> the names the curated aliases give it as another spelling of the same
    model (relation 'same') for `source` or for every source; an adapter with match rules of its
    own matches a model under any of them."""
    table = pd.concat([pd.read_csv(path, dtype=str) for path in sorted(ALIASES.glob("*.csv"))])
    same = table[table["source"].isin([source, "*"]) & table["relation"].fillna("same").eq("same")
                 & table["effort"].isna()]
    return {model: sorted(names.str.lower()) for model, names in same.groupby("model")["raw_name"]}


def prepare(con: duckdb.DuckDBPyConnection, source: str) -> None:
    """Temp tables of the curated data as seen by `source`, and the normalising macro."""
    run_script(con, (FOLDER / "macros.sql").read_text())
    aliases = quote_literal(str(ALIASES / "*.csv"))
    types = ", ".join(f"{quote_literal(c)}: 'VARCHAR'" for c in ALIAS_COLUMNS)
    # A source's own aliases name its raw spellings exactly; the common ones (source '*') name a
    # model whatever the source's case or provider prefix, so they match the normalised name.
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE source_aliases AS
        SELECT raw_name, model, effort, coalesce(relation, 'same') AS relation
        FROM read_csv({aliases}, header = true, columns = {{{types}}})
        WHERE source = $source
    """, {"source": source})
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE common_aliases AS
        SELECT canonical_slug(raw_name) AS slug, any_value(model) AS model, any_value(effort) AS effort,
               any_value(coalesce(relation, 'same')) AS relation
        FROM read_csv({aliases}, header = true, columns = {{{types}}})
        WHERE source = '*'
        GROUP BY ALL
    """)
    history = quote_literal(str(FOLDER / "alias_history.csv"))
    con.execute(f"CREATE OR REPLACE TEMP TABLE alias_history AS SELECT * FROM read_csv({history}, header = true, "
                "columns = {'alias': 'VARCHAR', 'model': 'VARCHAR', 'effort': 'VARCHAR', 'valid_from': 'DATE', "
                "'valid_to': 'DATE', 'evidence': 'VARCHAR'})")
    prefixes = quote_literal(str(FOLDER / "creator_prefixes.csv"))
    con.execute(f"CREATE OR REPLACE TEMP TABLE creator_prefixes AS SELECT * FROM read_csv({prefixes}, "
                "header = true, all_varchar = true)")
    dates = quote_literal(str(FOLDER / "release_dates.csv"))
    con.execute(f"CREATE OR REPLACE TEMP TABLE curated_release_dates AS SELECT * FROM read_csv({dates}, "
                "header = true, columns = {'model': 'VARCHAR', 'release_date': 'DATE', 'evidence': 'VARCHAR', "
                "'note': 'VARCHAR'})")
    organisations = quote_literal(str(FOLDER / "organisations.csv"))
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE organisations AS
        SELECT lower(trim(raw_name)) AS raw_name, any_value(creator) AS creator
        FROM read_csv({organisations}, header = true, all_varchar = true)
        GROUP BY 1
    """)


# The days each kind of fact speaks of, which decide where a moving alias pointed: a price's period,
# or the one day of a measurement, a published score, an assessment or a run's start. A kind not
# named, or a fact without its day, goes to the alias's current snapshot.
FACT_DAYS = {"prices": ("valid_from", "valid_to"), "price-tiers": ("valid_from", "valid_to"),
             "aggregates": ("measured_at", None),
             "usage": ("measured_at", None), "performance": ("measured_at", None),
             "openness": ("assessed_at", None), "runs": ("started_at", None),
             "throughput": ("measured_at", None)}

TEXT_COLUMNS = ("raw_name", "model", "effort", "scope", "creator_raw", "display_name", "_ref", "_dedupe",
                "candidates")


def _with_columns(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """The frame with every column resolution reads, names as text even where all are empty."""
    frame = frame.copy().reset_index(drop=True)
    for column in (*columns, "scope", "_ref", "_dedupe", "candidates"):
        if column not in frame.columns:
            frame[column] = None
    for column in TEXT_COLUMNS:
        if column in frame.columns:
            frame[column] = frame[column].astype("string")
    frame["scope"] = frame["scope"].fillna("")
    return frame


def _with_days(kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with _from, _to (exclusive; empty: open), _undated and _recorded: the days the fact
    speaks of (FACT_DAYS) and what its first day is (date_basis: a date unknown, or the day a catalogue
    recorded it), which resolve_facts.sql reads to follow a moving alias through time."""
    first, last = FACT_DAYS.get(kind, (None, None))
    start = pd.to_datetime(frame[first], errors="coerce") if first in frame.columns else pd.Series(pd.NaT, index=frame.index)
    if last is None:
        end = start + pd.Timedelta(days=1)
    else:
        end = pd.to_datetime(frame[last], errors="coerce") if last in frame.columns else pd.Series(pd.NaT, index=frame.index)
    frame["_from"], frame["_to"] = start, end  # timestamps (NaT: none), read as dates by resolve_facts.sql
    basis = frame["date_basis"] if "date_basis" in frame.columns else pd.Series(None, index=frame.index)
    frame["_undated"] = basis.eq("undated").fillna(False).astype(bool)
    frame["_recorded"] = basis.eq("recorded").fillna(False).astype(bool)
    return frame


def resolve(con: duckdb.DuckDBPyConnection, kind: str, frame: pd.DataFrame,
            creates_models: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows with canonical `model` and `effort`, how each raw name resolved). Catalogue rows of
    a source that may not add models only describe models already known."""
    con.execute("CREATE OR REPLACE TEMP TABLE resolution_options AS SELECT ? AS creates_models",
                [creates_models])
    if kind == "models":
        frame = _with_columns(frame, CATALOGUE_COLUMNS)
        script = "resolve_catalogue.sql"
    else:
        frame = _with_days(kind, _with_columns(frame, ("raw_name", "model", "effort")))
        script = "resolve_facts.sql"
    frame["_row"] = range(1, len(frame) + 1)
    con.register("part_frame", frame)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE part AS SELECT * FROM part_frame")
    finally:
        con.unregister("part_frame")
    run_script(con, (FOLDER / script).read_text())
    order = "model" if kind == "models" else "_row"
    resolved = con.execute(f"SELECT * FROM part_resolved ORDER BY {order}").df()
    resolved = resolved.drop(columns=["_row"], errors="ignore")
    if kind in FACT_DAYS and FACT_DAYS[kind][1] is not None:  # a period cut where a moving alias moved
        first, last = FACT_DAYS[kind]
        resolved[first], resolved[last] = pd.to_datetime(resolved["_from"]).dt.date, pd.to_datetime(resolved["_to"]).dt.date
        resolved[last] = resolved[last].astype(object).where(resolved[last].notna(), None)
    resolved = resolved.drop(columns=["_from", "_to", "_undated", "_recorded"], errors="ignore")
    if kind != "models" and "effort" not in formats.get(kind).names:
        resolved = resolved.drop(columns=["effort"])  # a price is the model's, whatever the effort
    resolutions = con.execute("SELECT * FROM part_resolutions").df()
    resolutions.insert(0, "kind", kind)
    return resolved, resolutions
