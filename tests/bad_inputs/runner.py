"""The real command line, called in this process (cli.main.main) rather than in a new one: a case
costs milliseconds of CPU, not a second of imports."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import duckdb

from cli.main import main
from warehouse.connection import Location, connect


def run(location: Location, *args: str) -> tuple[int, str]:
    """Exit code and stderr of `benchhouse --warehouse LOCATION ARGS...`."""
    err, out = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["benchhouse", "--warehouse", str(location.local_dir), *args]
    try:
        with redirect_stderr(err), redirect_stdout(out):
            main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = argv
    return code, err.getvalue()


def fingerprint(location: Location) -> tuple:
    """The catalog's bytes and the data files' names and sizes: unchanged catalog bytes mean the same
    snapshots and row counts, without the cost of opening the warehouse."""
    import hashlib

    catalog = hashlib.sha256((location.local_dir / "catalog.sqlite").read_bytes()).hexdigest()
    data = location.local_dir / "data"
    return catalog, sorted((str(p.relative_to(data)), p.stat().st_size) for p in data.rglob("*") if p.is_file())


def state(location: Location) -> tuple:
    """What must not change: the latest snapshot, every table's row count, the data files."""
    con = connect(location, read_only=True)
    try:
        snapshot = con.execute("SELECT max(snapshot_id) FROM bh.snapshots()").fetchone()[0]
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'bh' ORDER BY 1").fetchall()]
        counts = {t: con.execute(f'SELECT count(*) FROM bh."{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()
    files = sorted(str(p.relative_to(location.local_dir)) for p in (location.local_dir / "data").rglob("*") if p.is_file())
    return snapshot, counts, files
