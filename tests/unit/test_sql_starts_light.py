"""`benchhouse sql` is a command analysts run many times a day: loading the command line must not
import the renderers, the ingest path (pandas, the source adapters) or the Parquet writer, which
only other commands use (bench/startup_bench.py measures the whole process)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("weasyprint", "pptx", "reports.rendering", "reports.delivery", "warehouse.ingest", "warehouse.sources",
         "pandas", "pyarrow.parquet")


def test_loading_the_command_line_imports_no_renderer_and_no_ingest():
    probe = ("import sys, cli.main; "
             f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []
