"""Run inside a private mount namespace by test_validated_input_never_crashes_later: a copy of a
warehouse on a small tmpfs, the disk filled, an ingest that cannot fit, then room made and the same
ingest again. Prints what it saw as JSON."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

source, mount, runs = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)], check=True)
warehouse = mount / "warehouse"
shutil.copytree(source, warehouse)
env = {**os.environ, "BENCHHOUSE_WAREHOUSE": str(warehouse)}


def files() -> list[str]:
    return sorted(str(p.relative_to(warehouse)) for p in (warehouse / "data").rglob("*") if p.is_file())


def snapshot() -> str:
    return subprocess.run([sys.executable, "-m", "cli", "sql", "SELECT max(snapshot_id) FROM bh.snapshots()",
                           "--format", "csv"], capture_output=True, text=True, env=env).stdout


before = (files(), snapshot())
filler = mount / "filler"
filler.write_bytes(b"\0" * (shutil.disk_usage(mount).free - 1_000_000))
full = subprocess.run([sys.executable, "-m", "cli", "ingest", "runs", str(runs)], capture_output=True, text=True, env=env)
after_full = (files(), snapshot())
filler.unlink()
again = subprocess.run([sys.executable, "-m", "cli", "ingest", "runs", str(runs)], capture_output=True, text=True, env=env)
print(json.dumps({"full": [full.returncode, full.stderr], "unchanged": before == after_full,
                  "again": [again.returncode, again.stderr], "snapshots": [before[1], snapshot()]}))
