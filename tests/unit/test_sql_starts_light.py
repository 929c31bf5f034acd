"""`benchhouse sql` is a command analysts run many times a day: loading the command line must not
import the renderers, the ingest path (pandas, the source adapters) or the Parquet writer, which
only other commands use (bench/startup_bench.py measures the whole process)."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ("weasyprint", "pptx", "reports.rendering", "reports.delivery", "warehouse.ingest", "warehouse.sources",
         "pandas", "pyarrow.parquet")


def test_loading_the_command_line_imports_no_renderer_and_no_ingest():
    probe = ("import sys, cli.main; "
             f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def test_a_query_imports_no_pandas_either(empty):
    """Nor does running one: DuckDB's client imports pandas to bind any parameter, so the statement
    check and the read-only lock give theirs as literals (0.3 s of a query's 1.2 s on the slow machine)."""
    probe = ("import sys, runpy; sys.argv = ['benchhouse', 'sql', \"SELECT 'it''s' AS x\", '--format', 'csv']\n"
             "try:\n    runpy.run_module('cli.main', run_name='__main__')\nexcept SystemExit as done:\n"
             "    assert not done.code, done.code\n"
             "print('pandas' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                          env={**os.environ, "BENCHHOUSE_WAREHOUSE": str(empty.local_dir)})
    assert done.stdout.splitlines() == ["x", "it's"]
    assert done.stderr.strip().splitlines()[-1] == "False"
