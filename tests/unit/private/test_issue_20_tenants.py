"""Issue 20's tenant defects: a tenant is created whole (a killed first load leaves no tenant without
its tables) and one damaged tenant never stops `private list`; no output folder inside the
warehouse; a purge removes every deliverable wherever it was written, follows a link only to this
tenant's deliverables, checks everything (a read-only folder too) before it deletes anything, and
is finished by running it again wherever it stopped; a report and a purge of its tenant are
serialised; an unknown tenant's error names no other tenant."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, in_process, latest_snapshot
from tests.unit.private.conftest import EVALUATIONS, RUNS
from tests.unit.private.test_tenants import tree
from warehouse import tenants
from warehouse.connection import Location, connect

pytestmark = pytest.mark.long  # processes of their own, and renders (tests/conftest.py)

PERIOD = "2026Q3"
MARKER = b"qqvx-acme-deliverable"


@pytest.fixture
def clients(tmp_path: Path) -> Path:
    """A client folder with acme's file."""
    folder = tmp_path / "clients"
    (folder / "logos").mkdir(parents=True)
    shutil.copy(ROOT / "clients" / "logos" / "fabrikam-insurance.svg", folder / "logos")
    (folder / "acme.yaml").write_text("id: acme\ncompany: Acme\nbranding:\n  logo: logos/fabrikam-insurance.svg\n"
                                      "  primary: \"#0B5563\"\n  accent: \"#F2A541\"\n")
    return folder


def run(location: Location, *args: str, clients: Path | None = None) -> subprocess.CompletedProcess:
    return in_process(location, *args, check=False, env={"COLUMNS": "300", "BENCHHOUSE_CLIENTS": str(clients or "")})


def report_args(location: Location, out: Path) -> list[str]:
    """The cheapest private report: the deck alone, at the latest snapshot given (no views to bring up to date)."""
    return ["private", "report", "--tenant", "acme", "--period", PERIOD, "--format", "pptx", "--snapshot",
            str(latest_snapshot(location)), "--out", str(out)]


def one_line_error(done: subprocess.CompletedProcess) -> str:
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    return lines[0]


def listed(location: Location) -> dict[str, dict]:
    done = run(location, "private", "list", "--format", "csv")
    assert done.returncode == 0, done.stderr
    return {row["tenant"]: row for row in csv.DictReader(io.StringIO(done.stdout))}


def deliver(tenant: tenants.Tenant, out: Path, noted: bool = True) -> Path:
    """What a private report leaves: its folder noted in the tenant (not before this issue's fix), a
    manifest naming the tenant, a deck."""
    folder = out / "private" / tenant.id / PERIOD
    if noted:
        from warehouse import purge  # imported here: the tests that do not note still run on the code before it

        purge.note_delivery(tenant, folder)
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps({"report": "private-benchmark", "tenant": tenant.id}))
    (folder / f"{PERIOD}-private-benchmark-{tenant.id}.pptx").write_bytes(MARKER)
    return folder


def files_under(folder: Path) -> dict[str, str]:
    return tree(folder) if folder.exists() else {}


def read_only(warehouse: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`benchhouse ARGS` in a mount namespace where the warehouse is a read-only bind mount."""
    return subprocess.run(["unshare", "-m", "sh", "-c", 'mount --bind -o ro "$W" "$W" && exec "$PY" -m cli "$@"', "sh",
                           *args], env={**os.environ, "W": str(warehouse), "PY": sys.executable,
                                        "BENCHHOUSE_WAREHOUSE": str(warehouse), **(env or {})},
                          capture_output=True, text=True, timeout=300)


def test_issue_20_defect_6_a_first_ingest_killed_leaves_no_tenant_without_its_tables(private, tmp_path):
    folder = private.public.local_dir / "tenants" / "globex"
    process = subprocess.Popen([sys.executable, "-m", "cli", "private", "ingest", "--tenant", "globex", "evaluations",
                                str(EVALUATIONS)], env={**os.environ, "BENCHHOUSE_WAREHOUSE": str(private.public.local_dir),
                                                      "TMPDIR": str(tmp_path)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (folder.is_dir() and any(folder.glob("*catalog.sqlite*"))):  # the catalog, or its temporary
        assert process.poll() is None, f"the ingest ended before it made a catalog:\n{process.stderr.read()}"
        assert time.monotonic() < deadline
        time.sleep(0.001)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL

    found = listed(private.public)
    assert found["acme"]["status"] == "ok" and found["acme"]["evaluations"] == "2"
    if (folder / "catalog.sqlite").exists():  # killed after the rename: a whole tenant, with no rows yet
        assert found["globex"]["status"] == "ok"
    else:
        assert found["globex"]["status"].startswith("unfinished: no catalog")
    assert run(private.public, "private", "ingest", "--tenant", "globex", "evaluations", str(EVALUATIONS)).returncode == 0
    assert listed(private.public)["globex"]["evaluations"] == "2"
    assert sorted(p.name for p in folder.iterdir()) == ["catalog.sqlite", "data", "writer.lock"]  # no temporary left


def test_issue_20_defect_6_private_list_shows_a_damaged_tenant_and_lists_the_others(private):
    damaged = tenants.Tenant.of(private.public, "broken")
    connect(damaged.location, create=True, alias=tenants.ALIAS).close()  # a catalog without its tables
    unfinished = private.public.local_dir / "tenants" / "halfway"
    unfinished.mkdir()
    (unfinished / ".catalog.sqlite.999999.tmp").write_bytes(b"")  # a creation killed before its rename

    found = listed(private.public)
    task_results = len(RUNS.read_text().splitlines()) - 1  # a row a task result, under a header
    assert found["acme"]["status"] == "ok" and found["acme"]["task_results"] == str(task_results)
    assert found["broken"]["status"].startswith("damaged: its catalog cannot be read or lacks its tables")
    assert found["broken"]["evaluations"] == "" and found["broken"]["snapshot"] == ""
    assert found["halfway"]["status"].startswith("unfinished: no catalog")
    error = one_line_error(run(private.public, "private", "sql", "--tenant", "broken", "SELECT 1"))
    assert "tenant 'broken' is damaged" in error and "private purge --tenant broken" in error

    assert run(private.public, "private", "ingest", "--tenant", "halfway", "evaluations", str(EVALUATIONS)).returncode == 0
    assert not list(unfinished.glob(".catalog*")) and listed(private.public)["halfway"]["status"] == "ok"


def test_issue_20_defect_6_a_tenant_whose_catalog_is_not_sqlite_is_listed_as_damaged_and_the_others_as_usual(private):
    garbage = private.public.local_dir / "tenants" / "garbage"
    garbage.mkdir()
    (garbage / "catalog.sqlite").write_bytes(b"not a catalog " * 300)

    found = listed(private.public)
    assert found["acme"]["status"] == "ok" and found["acme"]["evaluations"] == "2"
    assert found["garbage"]["status"].startswith("damaged: ") and "tenants/garbage/catalog.sqlite" in \
        found["garbage"]["status"] and "not a SQLite database" in found["garbage"]["status"]
    assert found["garbage"]["evaluations"] == "" and found["garbage"]["snapshot"] == ""


@pytest.mark.parametrize("command", [["private", "report", "--tenant", "acme", "--period", PERIOD, "--format", "pptx"],
                                     ["report", "build", "cost-to-run", "--subscriber", "nobody", "--period", PERIOD],
                                     ["quarterly", PERIOD, "--subscriber", "nobody"]])
@pytest.mark.parametrize("where", ["warehouse", "tenant", "link"])
def test_issue_20_defect_8_an_output_folder_inside_the_warehouse_is_refused(private, tmp_path, clients, command, where):
    warehouse = private.public.local_dir
    out = {"warehouse": warehouse / "reports", "tenant": private.folder, "link": tmp_path / "link"}[where]
    (tmp_path / "link").symlink_to(warehouse / "tenants")
    before = tree(warehouse)
    error = one_line_error(run(private.public, *command, "--out", str(out), clients=clients))
    assert error == f"error: --out {out}: refused, it is inside the warehouse folder; write the deliverables " \
                    "elsewhere, e.g. --out out"
    assert tree(warehouse) == before


def test_issue_20_defect_8_purge_removes_every_deliverable_wherever_it_was_written(private, tmp_path, clients):
    done = run(private.public, *report_args(private.public, tmp_path / "first"), clients=clients)
    assert done.returncode == 0, done.stderr
    written = tmp_path / "first" / "private" / "acme" / PERIOD
    assert {p.suffix for p in written.iterdir()} == {".pptx", ".json"}
    other = deliver(private, tmp_path / "second")

    done = run(private.public, "private", "purge", "--tenant", "acme", "--yes", "--out", str(tmp_path / "unused"))
    assert done.returncode == 0, done.stderr
    assert not private.folder.exists()
    assert not (tmp_path / "first" / "private" / "acme").exists() and not (tmp_path / "second" / "private" / "acme").exists()
    assert not other.exists() and str(private.public.local_dir) not in done.stderr


@pytest.mark.parametrize("hostile", ["another tenant's manifest", "no manifest", "a link to a folder of others"])
def test_issue_20_defect_8_purge_refuses_a_noted_folder_that_is_not_the_tenants_before_deleting_anything(
        private, tmp_path, hostile):
    mine = deliver(private, tmp_path / "mine")
    noted = deliver(private, tmp_path / "noted")
    if hostile == "another tenant's manifest":
        (noted / "manifest.json").write_text(json.dumps({"tenant": "globex"}))
    elif hostile == "no manifest":
        (noted / "manifest.json").unlink()
    else:
        others = tmp_path / "others"
        others.mkdir()
        (others / "notes.txt").write_text("not acme's")
        shutil.rmtree(noted)
        noted.symlink_to(others)
    before = {folder: files_under(folder) for folder in (private.folder, tmp_path)}

    error = one_line_error(run(private.public, "private", "purge", "--tenant", "acme", "--yes", "--out", str(tmp_path)))
    assert f"{noted} " in error and "nothing was deleted" in error
    assert {folder: files_under(folder) for folder in (private.folder, tmp_path)} == before
    assert mine.exists() and private.exists()


def test_issue_20_defect_10_purge_follows_a_linked_output_folder_to_the_tenants_deliverables(private, tmp_path):
    """OUT/private/ID a link: its target holds the tenant's deliverables and goes, with the link."""
    real = deliver(private, tmp_path / "real", noted=False)
    (tmp_path / "out" / "private").mkdir(parents=True)
    (tmp_path / "out" / "private" / "acme").symlink_to(real.parent)
    done = run(private.public, "private", "purge", "--tenant", "acme", "--yes", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert not os.path.lexists(tmp_path / "out" / "private" / "acme") and not real.parent.exists()
    assert not private.folder.exists()


def test_issue_20_defect_10_purge_refuses_a_link_to_what_is_not_the_tenants_and_deletes_nothing(private, tmp_path):
    others = tmp_path / "others"
    (others / "2026Q2").mkdir(parents=True)
    (others / "2026Q2" / "board-minutes.pdf").write_bytes(b"%PDF not acme's")
    (tmp_path / "out" / "private").mkdir(parents=True)
    (tmp_path / "out" / "private" / "acme").symlink_to(others)
    before = files_under(private.folder)
    error = one_line_error(run(private.public, "private", "purge", "--tenant", "acme", "--yes", "--out",
                               str(tmp_path / "out")))
    assert f"{others / '2026Q2'} holds no manifest of this tenant" in error
    assert (others / "2026Q2" / "board-minutes.pdf").exists() and files_under(private.folder) == before


def test_issue_20_defect_10_a_purge_stopped_at_any_step_is_finished_by_running_it_again(private, tmp_path):
    from warehouse import purge

    delivered = deliver(private, tmp_path / "out")
    template = tmp_path / "template"
    shutil.copytree(private.public.local_dir, template / "warehouse")
    steps = purge.plan(private).steps
    shown = [s.shown for s in steps]
    catalog, deliverable = shown.index("tenants/acme/catalog.sqlite"), shown.index(str(delivered / "manifest.json"))
    assert deliverable < min(i for i, s in enumerate(shown) if "/data/" in s)  # deliverables first, then the data,
    assert all("/data/" not in s for s in shown[catalog:]) and shown[-1] == "tenants/acme"  # the catalog after it
    for stop in range(len(steps)):
        shutil.rmtree(private.public.local_dir)
        shutil.copytree(template / "warehouse", private.public.local_dir)
        if not delivered.exists():
            deliver(private, tmp_path / "out")
        purge.execute(steps[:stop], private)  # a purge killed after `stop` steps
        done = run(private.public, "private", "purge", "--tenant", "acme", "--yes", "--out", str(tmp_path / "none"))
        assert done.returncode == 0, (stop, steps[stop].shown, done.stderr)
        assert not private.folder.exists() and not (tmp_path / "out" / "private" / "acme").exists(), stop


def test_issue_20_defect_11_private_purge_and_ingest_on_a_read_only_warehouse_change_nothing(private, tmp_path):
    """A read-only bind mount of the warehouse (EROFS, which stops root too); the deliverables,
    outside it, stay writable: a purge must refuse before deleting them."""
    delivered = deliver(private, tmp_path / "out", noted=False)
    warehouse = private.public.local_dir
    before = {folder: files_under(folder) for folder in (warehouse, tmp_path / "out")}
    for args in (["private", "purge", "--tenant", "acme", "--yes", "--out", str(tmp_path / "out")],
                 ["private", "ingest", "--tenant", "acme", "evaluations", str(EVALUATIONS)],
                 ["private", "ingest", "--tenant", "globex", "evaluations", str(EVALUATIONS)]):
        error = one_line_error(read_only(warehouse, *args))
        assert "read-only" in error and "nothing was" in error and str(warehouse) not in error, error
    assert {folder: files_under(folder) for folder in (warehouse, tmp_path / "out")} == before
    assert delivered.exists()


def test_issue_20_defect_11_a_private_report_on_a_read_only_warehouse_renders_only_where_its_tenant_noted(
        private, tmp_path, clients):
    """A read path writes nothing to the warehouse; the note a purge needs is the one write a private
    report makes there, so on a read-only copy it renders to a folder already noted and refuses a new one."""
    noted = deliver(private, tmp_path / "noted")
    env = {"BENCHHOUSE_CLIENTS": str(clients)}
    args = ["private", "report", "--tenant", "acme", "--period", PERIOD, "--format", "pptx"]
    done = read_only(private.public.local_dir, *args, "--out", str(tmp_path / "noted"), env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads((noted / "manifest.json").read_text())["deliverables"]
    error = one_line_error(read_only(private.public.local_dir, *args, "--out", str(tmp_path / "new"), env=env))
    assert "cannot note where its deliverable goes" in error and "nothing was written" in error
    assert not (tmp_path / "new").exists()


def lock_holders(path: Path) -> list[tuple[int, bool]]:
    """(pid, waiting) of every flock on `path`, from /proc/locks."""
    inode = os.stat(path).st_ino
    found = []
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        waiting = "->" in fields
        fields = [f for f in fields if f != "->"]
        if fields[1] == "FLOCK" and fields[5].endswith(f":{inode}"):
            found.append((int(fields[4]), waiting))
    return found


def test_issue_20_low_a_purge_during_a_report_waits_for_it_and_removes_what_it_wrote(private, tmp_path, clients):
    env = {**os.environ, "BENCHHOUSE_WAREHOUSE": str(private.public.local_dir), "BENCHHOUSE_CLIENTS": str(clients)}
    process = subprocess.Popen([sys.executable, "-m", "cli", *report_args(private.public, tmp_path / "out")], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    while (process.pid, False) not in lock_holders(private.folder):
        assert process.poll() is None, f"the report ended without holding its tenant:\n{process.stderr.read()}"
        time.sleep(0.005)
    done = run(private.public, "private", "purge", "--tenant", "acme", "--yes", "--out", str(tmp_path / "none"))
    assert process.wait(timeout=300) == 0, process.stderr.read()
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "out" / "private" / "acme").exists() and not private.folder.exists()


def test_issue_20_low_a_report_that_waited_for_a_purge_of_its_tenant_says_so_in_one_line(private, tmp_path, clients):
    from warehouse import purge

    env = {**os.environ, "BENCHHOUSE_WAREHOUSE": str(private.public.local_dir), "BENCHHOUSE_CLIENTS": str(clients)}
    with tenants.held(private, exclusive=True):  # a purge under way: the report starts and waits
        process = subprocess.Popen([sys.executable, "-m", "cli", *report_args(private.public, tmp_path / "out")], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while (process.pid, True) not in lock_holders(private.folder):
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline
            time.sleep(0.005)
        purge.execute(purge.plan(private).steps, private)
    error = process.communicate(timeout=120)[1].strip()
    assert process.returncode == 1 and error == ("error: tenant 'acme' was purged while this command waited for it: "
                                                 "nothing was written; check the id with `benchhouse private list`")
    assert not (tmp_path / "out").exists() and not private.folder.exists()


def test_issue_20_low_an_unknown_tenant_is_named_alone(private, tmp_path, clients):
    warehouse = str(private.public.local_dir)
    for args in (["private", "sql", "--tenant", "acne", "SELECT 1"], report_args(private.public, tmp_path / "out"),
                 ["private", "purge", "--tenant", "acne", "--yes"]):
        args = [a if a != "acme" else "acne" for a in args]
        (clients / "acne.yaml").write_text((clients / "acme.yaml").read_text().replace("acme", "acne"))
        error = one_line_error(run(private.public, *args, clients=clients))
        assert error == ("error: no tenant 'acne' in this warehouse: check the id with `benchhouse private list`, or "
                         "load its data with `benchhouse private ingest --tenant acne ...`")
        assert "acme" not in error and warehouse not in error
