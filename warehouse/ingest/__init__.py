"""Loading data: validate everything first, then one transaction, one snapshot.

native file ──read──▶ src ──cast──▶ typed ──checks──▶ rejects
                                      └─ accepted rows ──one transaction──▶ warehouse
source files ──adapter──▶ rows per kind ──identity──▶ the same steps, every kind in one transaction

A batch loads wholly or not at all unless allow_rejects is given; the same bytes are never loaded
twice; a process killed at any point leaves the warehouse at its previous snapshot, because
nothing is visible before COMMIT.

The package, by job: batch.py (the target, its writer, the checks, the rejects file and the one
transaction every load commits in), native.py (a file of a native format), sources.py (an outside
source through its adapter) and indices.py (the index versions and report policies).
"""

from warehouse.ingest.batch import REJECTS_SHOWN, IngestResult, Target, file_sha256
from warehouse.ingest.indices import ingest_indices
from warehouse.ingest.native import ingest, load_file
from warehouse.ingest.sources import SourceShrank, ingest_source

__all__ = ["REJECTS_SHOWN", "IngestResult", "SourceShrank", "Target", "file_sha256", "ingest", "ingest_indices",
           "ingest_source", "load_file"]
