"""Every view's rows in one warehouse, as a fingerprint, and the views whose rows differ from another's:
what a change to a view's shape must leave as it was.

    python scripts/view_dumps.py WAREHOUSE OUT.json               # write each view's row count and hash
    python scripts/view_dumps.py WAREHOUSE OUT.json --against OLD.json   # and list the views that differ

Each view is read whole (SELECT * ... ORDER BY ALL) in a connection of its own, so its CPU time is the
view's from scratch; floats are rounded to 9 significant places first (DuckDB sums in parallel in no
fixed order). To check a change: dump the demo warehouse with the old code, `benchhouse init` a copy
with the new views, dump the copy against the first dump. Reads only: the warehouse is opened read-only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
from pathlib import Path

from warehouse.connection import Location, connect


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _plain(value):
    return float(f"{value:.9g}") if isinstance(value, float) else value


def dumps(location: Location) -> dict[str, dict]:
    con = connect(location, read_only=True)
    try:
        views = [name for (name,) in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE database_name = 'bh' AND NOT internal ORDER BY 1").fetchall()]
    finally:
        con.close()
    found = {}
    for view in views:
        con = connect(location, read_only=True)
        try:
            started = _cpu()
            rows = con.execute(f'SELECT * FROM "{view}" ORDER BY ALL').fetchall()
            spent = _cpu() - started
        finally:
            con.close()
        digest = hashlib.sha256(repr([tuple(map(_plain, row)) for row in rows]).encode()).hexdigest()
        found[view] = {"rows": len(rows), "sha256": digest, "cpu_s": round(spent, 3)}
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warehouse", help="the warehouse folder")
    parser.add_argument("out", type=Path, help="where to write the fingerprints (JSON)")
    parser.add_argument("--against", type=Path, help="an earlier dump to compare with")
    args = parser.parse_args()
    found = dumps(Location.resolve(args.warehouse))
    args.out.write_text(json.dumps(found, indent=1) + "\n")
    print(f"{len(found)} views, {sum(v['cpu_s'] for v in found.values()):.1f} s of CPU in all")
    if args.against is None:
        return 0
    before = json.loads(args.against.read_text())
    differ = sorted(name for name in set(found) | set(before)
                    if {k: found.get(name, {}).get(k) for k in ("rows", "sha256")}
                    != {k: before.get(name, {}).get(k) for k in ("rows", "sha256")})
    for name in differ:
        print(f"differs: {name} ({before.get(name, {}).get('rows')} rows before, {found.get(name, {}).get('rows')} now)")
    print("every view's rows are the same" if not differ else f"{len(differ)} views differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
