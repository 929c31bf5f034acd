"""A plain (not editable) install works from any folder: the wheel carries the report queries, the
views, the index files and the templates, and `benchhouse report build` finds them without the
repository. The new environment borrows the test environment's dependencies (a path entry, not a
copy), so that only benchhouse itself is installed, offline. What it reads is the small warehouse
with its tenant `acme` (tests/unit/private/conftest.py): what is under test is where the installed
copy finds its files, not the demo's data, and a report gathered from the small warehouse costs a
tenth of one from the demo's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT, latest_snapshot
from tests.functional.conftest import on_small_warehouse
from tests.functional.reports.readback import pdf_text
from tests.unit.metrics.conftest import metrics_template  # noqa: F401  (under private_template)
from tests.unit.private.conftest import private_template  # noqa: F401  (the small warehouse and its tenant)
from warehouse.connection import Location

pytestmark = pytest.mark.long  # handed to a worker early (tests/conftest.py)


def run(*args, **options) -> subprocess.CompletedProcess:
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, **options)
    assert done.returncode == 0, f"{' '.join(map(str, args))}:\n{done.stdout}\n{done.stderr}"
    return done


def test_a_plain_install_builds_a_report_from_another_folder(private_template, tmp_path):  # noqa: F811
    warehouse = Location.resolve(str(private_template))
    build = tmp_path / "build"
    shutil.copytree(ROOT, build, ignore=shutil.ignore_patterns(".git", ".venv", "var", "out", "build", "*.egg-info",
                                                               "__pycache__", ".pytest_cache", ".hypothesis"))
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
        "-w", str(tmp_path / "dist"), str(build))
    (wheel,) = (tmp_path / "dist").glob("benchhouse-*.whl")

    env_dir = tmp_path / "env"
    venv.create(env_dir)  # without pip of its own: the borrowed path brings pip, which installs here
    python = env_dir / "bin" / "python"
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip()
    Path(site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel))
    assert any(Path(site).glob("benchhouse-*.dist-info"))  # in the new environment, not the borrowed one

    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "subscribers", elsewhere / "subscribers")  # found as ./subscribers
    globex = elsewhere / "subscribers" / "globex-health.yaml"
    globex.write_text(on_small_warehouse(globex.read_text()))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BENCHHOUSE_SUBSCRIBERS", "BENCHHOUSE_CLIENTS")}
    env["BENCHHOUSE_WAREHOUSE"] = str(warehouse.local_dir)
    where = run(python, "-c", "import reports, templates; print(reports.__file__, templates.FOLDER)",
                cwd=elsewhere, env=env).stdout
    assert str(ROOT) not in where and site in where  # the installed copy, not the repository
    run(env_dir / "bin" / "benchhouse", "report", "build", "smile-curve", "--subscriber", "globex-health",
        "--period", "2026Q3", "--format", "pdf", "--snapshot", str(latest_snapshot(warehouse)), "--out", "out",
        cwd=elsewhere, env=env)
    (pdf,) = (elsewhere / "out").glob("*.pdf")
    text = pdf_text(pdf)
    assert "The smile curve" in text and "Globex Health" in text

    # The private views, their schema and the clustered-interval macro travel with the package too: the
    # tenant's candidates, the view every private view leads to, each with its interval.
    found = run(env_dir / "bin" / "benchhouse", "private", "sql", "--tenant", "acme",
                "SELECT count(*) AS candidates, count(ci_low) AS intervals FROM private_candidates "
                "WHERE as_of = DATE '2026-09-30'", "--format", "csv", cwd=elsewhere, env=env).stdout.split()
    assert found[0] == "candidates,intervals" and found[1].split(",")[0] == found[1].split(",")[1] != "0"

    # A new warehouse made by the installed copy: its schema files, views, macros and the catalog's
    # statistics of its empty tables (warehouse/catalog/) travel with the package.
    made = run(env_dir / "bin" / "benchhouse", "init", cwd=elsewhere,
               env={**env, "BENCHHOUSE_WAREHOUSE": str(tmp_path / "new")}).stderr
    assert "views (" in made and (tmp_path / "new" / "catalog.sqlite").is_file()
