"""Loading data: validate everything first, then one transaction, one snapshot.

native file ──read──▶ src ──cast──▶ typed ──checks──▶ rejects
                                      └─ accepted rows ──one transaction──▶ warehouse
source files ──adapter──▶ rows per kind ──identity──▶ the same steps, every kind in one transaction

A batch loads wholly or not at all unless allow_rejects is given; the same bytes are never loaded
twice; a process killed at any point leaves the warehouse at its previous snapshot, because
nothing is visible before COMMIT.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from warehouse import formats, identity, indices, sql, textfiles, validate
from warehouse.connection import LAKE, Location, connect, latest_snapshot, writer_lock
from warehouse.errors import BenchhouseError, Reject, UnknownName, ValidationFailed, did_you_mean
from warehouse.migrate import migrate, run_script
from warehouse.reader import Source, open_source, stage_frame
from warehouse.sources import base as sources

REJECTS_SHOWN = 200  # rejects carried in the error; all of them can be written to a file
HOUSE = "house"
Progress = Callable[[str], None]


@dataclass(frozen=True)
class IngestResult:
    kind: str
    file: Path
    batch_id: int
    snapshot_id: int
    rows_accepted: int
    rows_rejected: int
    already_loaded: bool = False
    rejects: list[Reject] = field(default_factory=list)
    row_label: str = "row"
    line_offset: int = 0
    unresolved_rows: int = 0


@dataclass(frozen=True)
class Target:
    """Where a batch is written: the public warehouse, or one tenant's own catalog
    (warehouse/tenants.py). Everything else about a load, from reading the file to the commit, is
    the same for both."""

    lock: Location
    """Whose writer lock serialises the writers of this catalog."""
    open: Callable[[], duckdb.DuckDBPyConnection]
    """A read-write connection to the catalog, its schema applied."""
    formats: Mapping[str, formats.Format]
    """The formats this catalog takes, by kind."""
    lake: str = LAKE
    """The alias of the catalog written, in that connection."""
    scripts: Path | None = None
    """A folder of this target's own load/<kind>.sql and checks/<kind>_*.sql, run after the shared ones."""
    replaces_generated: bool = True
    """Whether a new generated file replaces the generated batch of its kind before it."""


def public(location: Location) -> Target:
    """The public warehouse: the house's formats, written under its own writer lock."""
    def open_() -> duckdb.DuckDBPyConnection:
        con = connect(location, create=True)
        try:
            migrate(con)
        except BaseException:
            con.close()
            raise
        return con
    return Target(lock=location, open=open_, formats=formats.FORMATS)


@dataclass
class Part:
    """One kind of rows in a batch, validated, waiting for the transaction."""

    fmt: formats.Format
    src: Source
    bad_rows: int
    problems: int
    rejects: list[Reject]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def init(location: Location) -> list[str]:
    """Create the warehouse if needed and apply pending schema files; return the files applied."""
    with writer_lock(location):
        con = connect(location, create=True)
        try:
            return migrate(con)
        finally:
            con.close()


def ingest(location: Location, kind: str, path: Path, *, allow_rejects: bool = False,
           rejects_out: Path | None = None, generated: bool = False,
           progress: Progress = lambda stage: None) -> IngestResult:
    """Validate and load one file of a native format. Raises ValidationFailed, loading nothing,
    when a row breaks a rule and allow_rejects is False."""
    return load_file(public(location), kind, path, allow_rejects=allow_rejects, rejects_out=rejects_out,
                     generated=generated, progress=progress)


def load_file(target: Target, kind: str, path: Path, *, allow_rejects: bool = False,
              rejects_out: Path | None = None, generated: bool = False,
              progress: Progress = lambda stage: None) -> IngestResult:
    """Validate and load one file of one of the target's formats into the target's catalog."""
    fmt = _format(target, kind)
    path = Path(path)
    if not path.is_file():
        raise BenchhouseError(f"{path}: no such file")
    if rejects_out is not None:
        _check_rejects_out(Path(rejects_out), path, target.lock)
    with _writer(target, progress) as con, textfiles.staging() as folder:
        # The bytes are read once, under the lock: what is hashed is what is loaded, even if the
        # file is rewritten while this ingest waits for another writer.
        progress("copying and hashing the file")
        staged = textfiles.stage_file(path, folder)
        digest = staged.sha256
        earlier = _earlier_batch(con, kind, digest)
        if earlier:
            return IngestResult(kind, path, *earlier, already_loaded=True)
        progress("reading")
        src = open_source(con, staged, fmt)
        generated = generated or _marked_generated(con, src)
        # Generated demo data is disposable: a new generated file replaces the one before it.
        replaced = [r[0] for r in con.execute(
            "SELECT batch_id FROM ingest_batches WHERE kind = ? AND generated", [kind]).fetchall()] \
            if generated and target.replaces_generated else []
        _context(con, HOUSE, replaced)
        part = _check(con, fmt, src, progress, materialize=False, scripts=target.scripts)
        if part.bad_rows:
            if rejects_out is not None:
                _write_rejects(con, src, rejects_out)
            if not allow_rejects:
                raise _failure(part)
        progress("loading")
        batch = {"kind": kind, "source": "native", "file_name": path.name, "file_sha256": digest,
                 "source_version": None, "licence": None, "generated": generated}
        files = [(path.name, digest, staged.size)]
        batch_id, snapshot = _commit(con, [part], batch, files, replaced=replaced, materialized=False,
                                     lake=target.lake, scripts=target.scripts)
        return IngestResult(kind, path, batch_id, snapshot, src.rows - part.bad_rows, part.bad_rows,
                            rejects=part.rejects, row_label=src.row_label, line_offset=src.line_offset)


def _check_rejects_out(out: Path, path: Path, lock: Location) -> None:
    """The rejects file never replaces the input or a file of the warehouse."""
    target = out.resolve()
    if target == path.resolve():
        raise BenchhouseError(f"--rejects {out}: refused, it would overwrite the input file; write elsewhere")
    if lock.local_dir is not None and (target == lock.local_dir.resolve() or lock.local_dir.resolve() in target.parents):
        raise BenchhouseError(f"--rejects {out}: refused, it would overwrite the warehouse; write elsewhere")


def _format(target: Target, kind: str) -> formats.Format:
    if target.formats is formats.FORMATS:
        return formats.get(kind)
    if kind not in target.formats:
        raise UnknownName(f"'{kind}' is not a format this catalog takes; the formats are "
                          f"{', '.join(target.formats)}.{did_you_mean(kind, target.formats)}")
    return target.formats[kind]


def ingest_source(location: Location, name: str, path: Path | None, *, allow_rejects: bool = False,
                  allow_shrink: bool = False, progress: Progress = lambda stage: None) -> IngestResult:
    """Read an outside source with its adapter, resolve its model names, validate every kind of
    row it gives with the native rules, and load them all in one transaction that replaces what
    the source's earlier batches loaded."""
    spec = sources.get(name)
    files = spec.input_files(Path(path) if path else None)
    adapter_code = _code_sha256()
    with _writer(public(location), progress) as con, textfiles.staging() as folder:
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
        earlier = _earlier_batch(con, "source", digest)
        if earlier:
            return IngestResult(name, Path(path or name), *earlier, already_loaded=True)
        previous = con.execute("SELECT batch_id, rows_accepted FROM ingest_batches WHERE kind = 'source' "
                               "AND source = ? ORDER BY batch_id DESC LIMIT 1", [name]).fetchone()
        replaced = [r[0] for r in con.execute(
            "SELECT batch_id FROM ingest_batches WHERE kind = 'source' AND source = ?", [name]).fetchall()]
        _context(con, name, replaced)
        progress(f"reading {name}")
        creators = dict(con.execute("SELECT model, creator FROM models").fetchall())
        with _shown_as(folder, Path(path) if path else None):
            extract = spec.read(folder if spec.path_needed else Path("."),
                                sources.Context(known_models=frozenset(creators), creators=creators))
        identity.prepare(con, name)
        parts, resolutions = [], [_skipped_frame(extract)]
        for kind in _ordered(extract.parts):
            if "model" in formats.get(kind).names:
                progress(f"resolving model names ({kind})")
                resolved, how = identity.resolve(con, kind, extract.parts[kind], extract.creates_models)
                resolutions.append(how)
            else:  # rows about a developer, not a model: nothing to resolve
                resolved = extract.parts[kind].reset_index(drop=True)
            if resolved.empty:
                continue
            fmt = formats.get(kind)
            src = stage_frame(con, fmt, resolved, f"{name}:{kind}")
            part = _check(con, fmt, src, progress, materialize=True)
            parts.append(part)
            if kind == "models":
                con.execute("CREATE OR REPLACE TEMP VIEW known_models AS SELECT model FROM models "
                            'UNION SELECT model FROM "accepted:models"')
        failed = [p for p in parts if p.bad_rows]
        if failed and not allow_rejects:
            raise _failure(failed[0])
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
                 "generated": False, "authoritative": extract.authoritative}
        batch_id, snapshot = _commit(con, parts, batch, hashes, replaced, materialized=True)
        unresolved = con.execute("SELECT coalesce(sum(rows), 0) FROM resolutions "
                                 "WHERE resolved_by IN ('unresolved', 'alias-to-unknown-model')").fetchone()[0]
        return IngestResult(name, Path(path or name), batch_id, snapshot,
                            sum(p.src.rows - p.bad_rows for p in parts), sum(p.bad_rows for p in parts),
                            rejects=[r for p in parts for r in p.rejects][:REJECTS_SHOWN],
                            unresolved_rows=int(unresolved))


class SourceShrank(BenchhouseError):
    """A source's new read holds far fewer rows than its last batch: refused unless --allow-shrink."""


@contextmanager
def _shown_as(folder: Path, original: Path | None) -> Iterator[None]:
    """Messages of an adapter reading staged copies name the user's folder, not the copies'."""
    try:
        yield
    except BenchhouseError as exc:
        if original is not None:
            exc.args = tuple(a.replace(str(folder), str(original)) if isinstance(a, str) else a
                             for a in exc.args)
        raise


class _writer:
    """The target's writer lock and a read-write connection with its schema applied, for one batch."""

    def __init__(self, target: Target, progress: Progress):
        self.target, self.progress = target, progress

    def __enter__(self) -> duckdb.DuckDBPyConnection:
        self.progress("waiting for other writers")
        self.lock = writer_lock(self.target.lock)
        self.lock.__enter__()
        self.before = _data_files(self.target.lock)
        try:
            self.con = self.target.open()
        except BaseException:
            self.lock.__exit__(None, None, None)
            raise
        return self.con

    def __exit__(self, kind, value, traceback) -> None:
        try:
            self.con.close()
            if kind is not None and self.before is not None:
                # A batch that failed (a full disk, a kill of the commit) may have written data files
                # no snapshot names; writers are serialised, so every new file is this batch's.
                for path in _data_files(self.target.lock) - self.before:
                    path.unlink(missing_ok=True)
        finally:
            self.lock.__exit__(kind, value, traceback)


def _data_files(location: Location) -> set[Path] | None:
    """The data files of a catalog whose data is a local folder; None when it is object storage."""
    if "://" in location.data_path:
        return None
    return {p for p in Path(location.data_path).rglob("*") if p.is_file()}


def _code_sha256() -> str:
    """One hash of the code that reads sources (every adapter and the resolution SQL): a source is
    read again, replacing its rows, after any of it changes."""
    digest = hashlib.sha256()
    code = sorted(Path(sources.__file__).parent.glob("*.py")) + sorted(identity.FOLDER.glob("*.sql"))
    for path in code:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _relative(file: Path, folder: Path | None, spec: sources.SourceSpec) -> str:
    return str(file.relative_to(folder)) if spec.path_needed and folder else file.name


def _earlier_batch(con: duckdb.DuckDBPyConnection, kind: str, digest: str):
    return con.execute("SELECT batch_id, snapshot_id, rows_accepted, rows_rejected FROM ingest_batches "
                       "WHERE kind = ? AND file_sha256 = ?", [kind, digest]).fetchone()


def _ordered(kinds) -> list[str]:
    """Catalogue rows first: the other kinds may name the models they add."""
    return sorted(kinds, key=lambda k: (k != "models", k))


def _skipped_frame(extract: sources.Extract) -> pd.DataFrame:
    return pd.DataFrame(
        [(kind, "", name, None, None, f"skipped: {why}", rows, None, None)
         for kind, name, why, rows in extract.skipped],
        columns=["kind", "scope", "raw_name", "model", "effort", "resolved_by", "rows", "release_date",
                 "candidates"])


def _context(con: duckdb.DuckDBPyConnection, origin: str, replaced: list[int]) -> None:
    """Temp tables the checks and loads read: whose prices these are, which batches this one
    replaces, and which models and evaluations a row may name."""
    con.execute("CREATE OR REPLACE TEMP TABLE ingest_context AS SELECT CAST(? AS VARCHAR) AS origin", [origin])
    con.execute("CREATE OR REPLACE TEMP TABLE replaced_batches AS "
                "SELECT CAST(unnest(?) AS BIGINT) AS batch_id", [replaced or [-1]])
    con.execute("CREATE OR REPLACE TEMP VIEW known_models AS SELECT model FROM models")
    con.execute("CREATE OR REPLACE TEMP VIEW known_evaluations AS SELECT evaluation FROM evaluations")


def _marked_generated(con: duckdb.DuckDBPyConnection, src: Source) -> bool:
    """A Parquet file written by the demo generator says so in its metadata."""
    if src.file_type != "parquet":
        return False
    found = con.execute("SELECT value FROM parquet_kv_metadata(?) WHERE key = 'benchhouse.generated'",
                        [str(src.path)]).fetchall()
    return any(v[0] == b"true" for v in found)


def _check(con: duckdb.DuckDBPyConnection, fmt: formats.Format, src: Source, progress: Progress,
           materialize: bool, scripts: Path | None = None) -> Part:
    con.execute(validate.typed_view_sql(fmt, src.columns))
    # Checks that point at another row name it the way this file's messages do.
    con.execute(f"CREATE OR REPLACE TEMP MACRO row_ref(r) AS '{src.row_label} ' || "
                "(SELECT min(_line) FROM src WHERE _row = r)")
    macros = sql.PACKAGE_DIR / "load" / f"{fmt.kind}_macros.sql"
    if macros.exists():
        run_script(con, macros.read_text())
    con.execute("CREATE OR REPLACE TEMP TABLE rejects "
                "(_row BIGINT, column_name VARCHAR, value VARCHAR, reason VARCHAR)")
    for name, check in validate.checks(fmt, scripts):
        progress(f"{src.name}: checking {name}")
        con.execute(f"INSERT INTO rejects {check}")
    bad_rows, problems = con.execute("SELECT count(DISTINCT _row), count(*) FROM rejects").fetchone()
    rejects = _first_rejects(con) if bad_rows else []
    if materialize:
        con.execute(f'CREATE OR REPLACE TEMP TABLE "accepted:{fmt.kind}" AS SELECT * FROM typed '
                    "WHERE _row NOT IN (SELECT _row FROM rejects)")
        con.execute(f'CREATE OR REPLACE TEMP TABLE "rejects:{fmt.kind}" AS SELECT * FROM rejects')
    return Part(fmt, src, bad_rows, problems, rejects)


def _first_rejects(con: duckdb.DuckDBPyConnection) -> list[Reject]:
    rows = con.execute("SELECT r._row, r.column_name, r.value, r.reason, t._ref, t._line FROM rejects r "
                       "LEFT JOIN typed t USING (_row) ORDER BY r._row, r.column_name LIMIT ?",
                       [REJECTS_SHOWN]).fetchall()
    return [Reject(*row) for row in rows]


def _failure(part: Part) -> ValidationFailed:
    return ValidationFailed(part.src.name, part.src.row_label, part.rejects, part.src.rows,
                            part.bad_rows, part.src.line_offset, part.problems)


def _write_rejects(con: duckdb.DuckDBPyConnection, src: Source, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    final, out = out, out.with_name(f".{out.name}.{os.getpid()}.tmp")
    con.execute(
        f"COPY (SELECT r._row AS row_number, t._line AS {src.row_label}, column_name, value, reason "
        f"FROM rejects r LEFT JOIN typed t USING (_row) ORDER BY r._row, column_name) TO {sql.quote_literal(str(out))} "
        "(HEADER, DELIMITER ',')"
    )
    os.replace(out, final)


def ingest_indices(location: Location, folder: Path | None = None,
                   progress: Progress = lambda stage: None) -> IngestResult:
    """Load the index versions, thresholds, price origins and report policies of warehouse/indices
    (or `folder`)."""
    folder = Path(folder or indices.FOLDER)
    with _writer(public(location), progress) as con, textfiles.staging() as staged:
        files = [(p.name, *_staged_hash(p, staged)) for p in sorted(folder.glob("*.yaml"))]
        digest = hashlib.sha256(json.dumps(files).encode()).hexdigest()
        earlier = _earlier_batch(con, "indices", digest)
        if earlier:
            return IngestResult("indices", folder, *earlier, already_loaded=True)
        with _shown_as(staged, folder):
            indices.read(staged)  # every file valid before the transaction begins
            batch = {"kind": "indices", "source": "native", "file_name": folder.name, "file_sha256": digest,
                     "source_version": None, "licence": None, "generated": False}
            added: list[str] = []
            batch_id, snapshot = _commit(con, [], batch, files, replaced=[], materialized=False,
                                         extra=lambda c, p: added.extend(indices.load(c, staged, p["batch_id"])))
        return IngestResult("indices", folder, batch_id, snapshot, len(added), 0)


def _staged_hash(path: Path, folder: Path) -> tuple[str, int]:
    staged = textfiles.stage_file(path, folder)
    return staged.sha256, staged.size


def _commit(con: duckdb.DuckDBPyConnection, parts: list[Part], batch: dict, files: list[tuple],
            replaced: list[int], materialized: bool,
            extra: Callable[[duckdb.DuckDBPyConnection, dict], None] | None = None,
            lake: str = LAKE, scripts: Path | None = None) -> tuple[int, int]:
    batch_id = con.execute("SELECT coalesce(max(batch_id), 0) + 1 FROM ingest_batches").fetchone()[0]
    params = {
        **batch,
        "batch_id": batch_id,
        "first_run_id": con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM eval_runs").fetchone()[0],
        "rows_accepted": sum(p.src.rows - p.bad_rows for p in parts),
        "rows_rejected": sum(p.bad_rows for p in parts),
        "ingested_by": getpass.getuser(),
    }
    con.execute("BEGIN")
    try:
        # Writers are serialised by the lock, so this commit makes the next snapshot.
        params["snapshot_id"] = latest_snapshot(con, lake) + 1
        if replaced:
            run_script(con, sql.load("load/replace_source.sql"))
        for part in parts:
            kind = part.fmt.kind
            if materialized:
                con.execute(f'CREATE OR REPLACE TEMP VIEW accepted AS SELECT * FROM "accepted:{kind}"')
                con.execute(f'CREATE OR REPLACE TEMP VIEW rejects_now AS SELECT * FROM "rejects:{kind}"')
            else:
                where = " WHERE _row NOT IN (SELECT _row FROM rejects)" if part.bad_rows else ""
                con.execute(f"CREATE OR REPLACE TEMP VIEW accepted AS SELECT * FROM typed{where}")
                con.execute("CREATE OR REPLACE TEMP VIEW rejects_now AS SELECT * FROM rejects")
            own = sql.PACKAGE_DIR / "load" / f"{kind}_from_source.sql"
            script = own if batch["source"] != "native" and own.exists() else sql.PACKAGE_DIR / "load" / f"{kind}.sql"
            if "provider" in part.fmt.names:
                run_script(con, sql.load("load/endpoints.sql"), params)
            if script.exists():
                run_script(con, script.read_text(), params)
            if scripts is not None and (scripts / "load" / f"{kind}.sql").exists():
                run_script(con, (scripts / "load" / f"{kind}.sql").read_text(), params)
            run_script(con, sql.load("load/rejects.sql"), params)
        if extra is not None:
            extra(con, params)
        run_script(con, sql.load("load/batch.sql"), params)
        con.executemany("INSERT INTO batch_files VALUES (?, ?, ?, ?)", [(batch_id, *f) for f in files])
        if batch["source"] != "native":
            run_script(con, sql.load("load/resolutions.sql"), params)
        con.execute(f"CALL {lake}.set_commit_message(?, ?, extra_info => ?)", [
            params["ingested_by"], f"ingest {batch['kind']} {batch['file_name']}",
            json.dumps({"batch_id": batch_id, "kind": batch["kind"], "source": batch["source"]}),
        ])
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # a failed COMMIT has already ended the transaction: the cause is the error raised
        raise
    made = latest_snapshot(con, lake)
    if made != params["snapshot_id"]:
        raise BenchhouseError(
            f"batch {batch_id} committed as snapshot {made}, not {params['snapshot_id']}: another "
            "process wrote to the warehouse without the writer lock; its ingest_batches row is wrong"
        )
    return batch_id, made
