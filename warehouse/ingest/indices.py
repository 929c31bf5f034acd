"""Loading the Intelligence Index versions, thresholds, price origins and report policies of
warehouse/indices (docs/methodology.md) as one batch."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from warehouse import indices, textfiles
from warehouse.connection import Location
from warehouse.ingest.batch import IngestResult, Progress, commit, earlier_batch, public, shown_as, writer


def ingest_indices(location: Location, folder: Path | None = None,
                   progress: Progress = lambda stage: None) -> IngestResult:
    """Load the index versions, thresholds, price origins and report policies of warehouse/indices
    (or `folder`)."""
    folder = Path(folder or indices.FOLDER)
    with writer(public(location), progress) as con, textfiles.staging() as staged:
        files = [(p.name, *_staged_hash(p, staged)) for p in sorted(folder.glob("*.yaml"))]
        digest = hashlib.sha256(json.dumps(files).encode()).hexdigest()
        earlier = earlier_batch(con, "indices", digest)
        if earlier:
            return IngestResult("indices", folder, *earlier, already_loaded=True)
        with shown_as(staged, folder):
            indices.read(staged)  # every file valid before the transaction begins
            batch = {"kind": "indices", "source": "native", "file_name": folder.name, "file_sha256": digest,
                     "source_version": None, "licence": None, "attribution": None, "source_name": None,
                     "generated": False}
            added: list[str] = []
            batch_id, snapshot = commit(con, [], batch, files, replaced=[], materialized=False,
                                         extra=lambda c, p: added.extend(indices.load(c, staged, p["batch_id"])))
        return IngestResult("indices", folder, batch_id, snapshot, len(added), 0)


def _staged_hash(path: Path, folder: Path) -> tuple[str, int]:
    staged = textfiles.stage_file(path, folder)
    return staged.sha256, staged.size
