"""Defect 6 of issue 14: input that passes validation never crashes later. A BC date is refused at
ingest; a period before 1991 or after the data's last month, a corrupt manifest.json (or valid JSON
of the wrong shape) and a full disk each give one line saying what happened and what to do, exit
code 1, and a warehouse that the next command uses as if nothing had happened."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import in_process, latest_snapshot, write

HERE = Path(__file__).parent


def test_defect_6_a_bc_date_is_refused_at_ingest(known, tmp_path):
    path = write(tmp_path / "models.csv", "model,creator,display_name,release_date\nm-bc,lab,M,-0044-03-15\n")
    before = latest_snapshot(known)
    done = in_process(known, "ingest", "models", str(path), check=False)
    assert done.returncode == 1 and "models.csv, line 2" in done.stderr, done.stderr
    assert latest_snapshot(known) == before


@pytest.mark.parametrize("period, message", [
    ("0000Q1", "period '0000Q1' is outside 1991-2100"),
    ("1990Q1", "period '1990Q1' is outside 1991-2100"),
    ("2099Q1", "period 2099Q1 starts after the warehouse's last data"),
])
def test_defect_6_periods_out_of_range_are_one_line(known, tmp_path, period, message):
    done = in_process(known, "quarterly", period, "--dry-run", "--out", str(tmp_path / "out"), check=False)
    assert done.returncode == 1 and done.stderr.startswith(f"error: {message}"), done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_defect_6_a_corrupt_manifest_is_named(known, tmp_path):
    manifest = tmp_path / "out" / "2026Q3" / "manifest.json"
    manifest.parent.mkdir(parents=True)
    manifest.write_text('{"snapshot": 3,\n"deliv')
    done = in_process(known, "quarterly", "2026Q3", "--dry-run", "--out", str(tmp_path / "out"), check=False)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"error: {manifest}, line 2: not a manifest benchhouse can read"), done.stderr
    assert "move it aside and run again" in done.stderr and len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("content, line, key", [
    ('{"period": "2026Q3",\n "snapshot": "three"}', 2, "snapshot"),
    ('{"snapshot": 3,\n "deliverables": ["a.pdf"]}', 2, "deliverables"),
    ('{"snapshot": 3,\n "deliverables": {\n  "a/2026Q3-x.pdf": 7}}', 3, "a/2026Q3-x.pdf"),
])
def test_defect_6_a_manifest_of_the_wrong_shape_is_named(known, tmp_path, content, line, key):
    """Valid JSON, but not what benchhouse wrote: one line naming the file, the line and the key."""
    manifest = tmp_path / "out" / "2026Q3" / "manifest.json"
    manifest.parent.mkdir(parents=True)
    manifest.write_text(content)
    done = in_process(known, "quarterly", "2026Q3", "--dry-run", "--out", str(tmp_path / "out"), check=False)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"error: {manifest}, line {line}: not a manifest benchhouse can read ('{key}' "), done.stderr
    assert "move it aside and run again" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_defect_6_a_full_disk_mid_ingest_leaves_the_warehouse_usable(known, tmp_path):
    """In a private mount namespace (unshare, no root needed where user namespaces are allowed), the
    warehouse on a 24 MB tmpfs filled to its last megabyte."""
    runs = tmp_path / "runs.parquet"
    duckdb.sql(f"""COPY (SELECT 'gpt-4o-2024-08-06' AS model, 'default' AS effort, 'openai' AS provider,
        'gpqa-diamond' AS evaluation, CAST(1 + i // 1000 AS INTEGER) AS "repeat", md5(i::VARCHAR) AS task_id,
        random() AS score, CAST(random() * 1e6 AS BIGINT) AS input_tokens,
        CAST(random() * 1e5 AS BIGINT) AS answer_tokens, 'anonymous' AS account
        FROM range(100000) t(i)) TO '{runs}' (FORMAT parquet)""")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", sys.executable,
                           str(HERE / "disk_full_ingest.py"), str(known.local_dir), str(mount), str(runs)],
                          capture_output=True, text=True, timeout=300, cwd=HERE.parents[2])
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    code, stderr = seen["full"]
    assert code == 1 and stderr.startswith("error: the disk is full (No space left on device)"), stderr
    assert "free some space" in stderr and len(stderr.strip().splitlines()) == 1
    assert seen["unchanged"], "the failed ingest left files or a snapshot behind"
    assert seen["again"][0] == 0, seen["again"][1]
    assert int(seen["snapshots"][1].split()[-1]) == int(seen["snapshots"][0].split()[-1]) + 1
