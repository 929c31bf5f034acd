"""Loading one file of a native format (docs/formats.md) into the warehouse or a tenant's catalog."""

from __future__ import annotations

from pathlib import Path

from warehouse import textfiles
from warehouse.connection import Location
from warehouse.errors import BenchhouseError
from warehouse.ingest.batch import (HOUSE, IngestResult, Progress, Target, check, check_rejects_out, commit,
                                    earlier_batch, failure, format_of, marked_generated, public, set_context,
                                    write_rejects, writer)
from warehouse.reader import open_source


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
    fmt = format_of(target, kind)
    path = Path(path)
    if not path.is_file():
        raise BenchhouseError(f"{path}: no such file")
    if rejects_out is not None:
        check_rejects_out(Path(rejects_out), path, target.lock)
    with writer(target, progress) as con, textfiles.staging() as folder:
        # The bytes are read once, under the lock: what is hashed is what is loaded, even if the
        # file is rewritten while this ingest waits for another writer.
        progress("copying and hashing the file")
        staged = textfiles.stage_file(path, folder)
        digest = staged.sha256
        earlier = earlier_batch(con, kind, digest)
        if earlier:
            return IngestResult(kind, path, *earlier, already_loaded=True)
        progress("reading")
        src = open_source(con, staged, fmt)
        generated = generated or marked_generated(con, src)
        # Generated demo data is disposable: a new generated file replaces the one before it.
        replaced = [r[0] for r in con.execute(
            "SELECT batch_id FROM ingest_batches WHERE kind = ? AND generated", [kind]).fetchall()] \
            if generated and target.replaces_generated else []
        set_context(con, HOUSE, replaced)
        part = check(con, fmt, src, progress, materialize=False, scripts=target.scripts)
        if part.bad_rows:
            if rejects_out is not None:
                write_rejects(con, src, rejects_out)
            if not allow_rejects:
                raise failure(part)
        progress("loading")
        batch = {"kind": kind, "source": "native", "file_name": path.name, "file_sha256": digest,
                 "source_version": None, "licence": None, "attribution": None, "source_name": None,
                 "generated": generated}
        files = [(path.name, digest, staged.size)]
        batch_id, snapshot = commit(con, [part], batch, files, replaced=replaced, materialized=False,
                                     lake=target.lake, scripts=target.scripts)
        return IngestResult(kind, path, batch_id, snapshot, src.rows - part.bad_rows, part.bad_rows,
                            rejects=part.rejects, row_label=src.row_label, line_offset=src.line_offset)
