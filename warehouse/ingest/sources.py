"""Reading an outside source with its adapter (warehouse/sources), resolving its model names, and
loading every kind of row it gives in one batch that replaces the source's earlier ones."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from warehouse import formats, identity, sql, textfiles
from warehouse.connection import Location, transaction
from warehouse.errors import BenchhouseError
from warehouse.ingest.batch import (REJECTS_SHOWN, IngestResult, Progress, check, commit, earlier_batch, failure,
                                    file_sha256, public, set_context, shown_as, writer)
from warehouse.reader import stage_frame
from warehouse.sources import base as sources


def ingest_source(location: Location, name: str, path: Path | None, *, allow_rejects: bool = False,
                  allow_shrink: bool = False, progress: Progress = lambda stage: None) -> IngestResult:
    """Read an outside source with its adapter, resolve its model names, validate every kind of
    row it gives with the native rules, and load them all in one transaction that replaces what
    the source's earlier batches loaded."""
    spec = sources.get(name)
    files = spec.input_files(Path(path) if path else None)
    adapter_code = _code_sha256()
    with writer(public(location), progress) as con, textfiles.staging() as folder:
        # Under the lock, the source's files are copied once and hashed; the adapter reads the copies.
        progress("copying and hashing the files")
        hashes = []
        for f in files:
            relative = _relative(f, path, spec)
            if spec.path_needed:
                staged = textfiles.stage_file(f, folder, relative, shown=f)
                hashes.append((relative, staged.sha256, staged.size))
            else:  # a source read from an installed package
                hashes.append((relative, file_sha256(f), f.stat().st_size))
        # The same files read by the same adapter with the same curated names: the same batch.
        digest = hashlib.sha256(json.dumps([name, adapter_code, identity.curated_sha256(),
                                            [h[:2] for h in hashes]]).encode()).hexdigest()
        with transaction(con):  # three reads of ingest_batches, one DuckLake transaction
            earlier = earlier_batch(con, "source", digest)
            previous = con.execute("SELECT batch_id, rows_accepted FROM ingest_batches WHERE kind = 'source' "
                                   "AND source = ? ORDER BY batch_id DESC LIMIT 1", [name]).fetchone()
            replaced = [r[0] for r in con.execute(
                "SELECT batch_id FROM ingest_batches WHERE kind = 'source' AND source = ?", [name]).fetchall()]
        if earlier:
            return IngestResult(name, Path(path or name), *earlier, already_loaded=True)
        set_context(con, name, replaced)
        progress(f"reading {name}")
        creators = dict(con.execute("SELECT model, creator FROM models").fetchall())
        with shown_as(folder, Path(path) if path else None):
            extract = spec.read(folder if spec.path_needed else Path("."),
                                sources.Context(known_models=frozenset(creators), creators=creators))
        with transaction(con):  # some twenty statements: one DuckLake transaction, not one each
            identity.prepare(con, name)
        parts, resolutions = [], [_skipped_frame(extract)]
        for kind in _ordered(extract.parts):
            if "model" in formats.get(kind).names:
                progress(f"resolving model names ({kind})")
                with transaction(con):  # its tables number no rows (stage_frame's does, after it)
                    resolved, how = identity.resolve(con, kind, extract.parts[kind], extract.creates_models)
                resolutions.append(how)
            else:  # rows about a developer, not a model: nothing to resolve
                resolved = extract.parts[kind].reset_index(drop=True)
            if resolved.empty:
                continue
            fmt = formats.get(kind)
            src = stage_frame(con, fmt, resolved, f"{name}:{kind}")
            part = check(con, fmt, src, progress, materialize=True)
            parts.append(part)
            if kind == "models":
                con.execute("CREATE OR REPLACE TEMP VIEW known_models AS SELECT model FROM models "
                            'UNION SELECT model FROM "accepted:models"')
        failed = [p for p in parts if p.bad_rows]
        if failed and not allow_rejects:
            raise failure(failed[0])
        accepted = sum(p.src.rows - p.bad_rows for p in parts)
        if previous and not allow_shrink and accepted < (1 - spec.max_shrink) * previous[1]:
            raise SourceShrank(
                f"{name}: this read gives {accepted:,} rows where the source's last batch ({previous[0]}) loaded "
                f"{previous[1]:,}, {1 - accepted / previous[1]:.0%} fewer; a source may lose at most "
                f"{spec.max_shrink:.0%} at once, and its files may be truncated. Check them, or pass --allow-shrink "
                "to load them and replace the earlier rows")
        how = pd.concat(resolutions, ignore_index=True)
        how["release_date"] = pd.to_datetime(how["release_date"])
        how["candidates"] = how["candidates"].astype("string")  # comma-separated, or empty
        con.register("resolutions_frame", how)
        con.execute("CREATE OR REPLACE TEMP TABLE resolutions AS SELECT CAST(kind AS VARCHAR) AS kind, "
                    "CAST(scope AS VARCHAR) AS scope, CAST(raw_name AS VARCHAR) AS raw_name, "
                    "CAST(model AS VARCHAR) AS model, CAST(effort AS VARCHAR) AS effort, "
                    "CAST(resolved_by AS VARCHAR) AS resolved_by, CAST(rows AS BIGINT) AS rows, "
                    "CAST(release_date AS DATE) AS release_date, string_split(candidates, ',') AS candidates "
                    "FROM resolutions_frame")
        con.unregister("resolutions_frame")
        progress("loading")
        batch = {"kind": "source", "source": name, "file_name": Path(path).name if path else name,
                 "file_sha256": digest, "source_version": extract.version, "licence": spec.licence,
                 "attribution": spec.attribution, "source_name": spec.title, "generated": False,
                 "authoritative": extract.authoritative}
        batch_id, snapshot = commit(con, parts, batch, hashes, replaced, materialized=True)
        unresolved = con.execute("SELECT coalesce(sum(rows), 0) FROM resolutions "
                                 "WHERE resolved_by IN ('unresolved', 'alias-to-unknown-model')").fetchone()[0]
        return IngestResult(name, Path(path or name), batch_id, snapshot,
                            sum(p.src.rows - p.bad_rows for p in parts), sum(p.bad_rows for p in parts),
                            rejects=[r for p in parts for r in p.rejects][:REJECTS_SHOWN],
                            unresolved_rows=int(unresolved))


class SourceShrank(BenchhouseError):
    """A source's new read holds far fewer rows than its last batch: refused unless --allow-shrink."""


def _code_sha256() -> str:
    """One hash of the code that reads sources (every adapter, the resolution SQL and the statement
    that records a batch): a source is read again, replacing its rows, after any of it changes."""
    digest = hashlib.sha256()
    code = (sorted(Path(sources.__file__).parent.glob("*.py")) + sorted(identity.FOLDER.glob("*.sql"))
            + [sql.PACKAGE_DIR / "load" / "batch.sql"])
    for path in code:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _relative(file: Path, folder: Path | None, spec: sources.SourceSpec) -> str:
    return str(file.relative_to(folder)) if spec.path_needed and folder else file.name


def _ordered(kinds) -> list[str]:
    """Catalogue rows first: the other kinds may name the models they add."""
    return sorted(kinds, key=lambda k: (k != "models", k))


def _skipped_frame(extract: sources.Extract) -> pd.DataFrame:
    return pd.DataFrame(
        [(kind, "", name, None, None, f"skipped: {why}", rows, None, None)
         for kind, name, why, rows in extract.skipped],
        columns=["kind", "scope", "raw_name", "model", "effort", "resolved_by", "rows", "release_date",
                 "candidates"])
