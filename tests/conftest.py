"""Shared fixtures: a real, temporary DuckLake warehouse, small named data files, the real CLI."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from typing import Any
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from warehouse.connection import Location, connect
from warehouse.ingest import ingest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"  # the trimmed snapshot of the outside sources the repo ships
EVALUATIONS = ROOT / "warehouse" / "identity" / "evaluations.csv"


def pytest_configure(config):
    """The test workers run side by side, with the processes they start: each DuckDB connection gets
    cores / workers threads (BENCHHOUSE_THREADS, warehouse/connection.py: threads), unless the
    environment says otherwise. On this 2-core machine that takes the suite's CPU from about 770 s
    to 540 s, and its time by as much."""
    if getattr(config.option, "numprocesses", None) and not os.environ.get("PYTEST_XDIST_WORKER"):
        return  # pytest-xdist's controller, which starts the workers: each sets its own
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    os.environ.setdefault("BENCHHOUSE_THREADS", str(max(1, (os.cpu_count() or 1) // workers)))


def pytest_collection_modifyitems(config, items):
    """The order in which pytest-xdist hands modules to the workers (`make test` passes --dist
    loadscope --no-loadscope-reorder, so it keeps this one): first the modules that do not read the
    demo warehouse, while it builds in the background; then those that do, which wait for it. In
    each, modules marked `long` (the ones that take longest in all) first, then the others, more
    tests first (as xdist orders them by itself). Ordered by test count alone, the plain-install
    test, one test of 15 s, was handed out last and kept one worker busy long after the other had
    finished."""
    modules: dict[str, list] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)

    def key(tests: list) -> tuple:
        reads_demo = any("demo_warehouse" in test.fixturenames for test in tests)
        long = any(test.get_closest_marker("long") for test in tests)
        return reads_demo, not long, -len(tests)
    items[:] = [item for tests in sorted(modules.values(), key=key) for item in tests]


def shared_root(tmp_path_factory) -> Path:
    """The folder every xdist worker of this run shares: the run's own, above each worker's."""
    root = tmp_path_factory.getbasetemp()
    return root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root


def built_once(tmp_path_factory, name: str, build: Callable[[Path], None]) -> Path:
    """A folder built by `build` once per test run, shared by pytest-xdist's workers: the first worker
    to take the lock builds it, the others wait and reuse it. Whoever uses it only reads it (a test
    that changes it works on a copy). A build that fails leaves no folder behind, so the next worker
    tries again and fails with the same error."""
    return build_in(shared_root(tmp_path_factory), name, build)


def build_in(root: Path, name: str, build: Callable[[Path], None]) -> Path:
    """built_once's work in a given run folder (also called by a process of its own: see
    tests/functional/conftest.py, which starts the demo warehouse's build early)."""
    folder, done = root / name, root / f"{name}.built"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            try:
                build(folder)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            done.touch()
    return folder


MACHINE_TEMP = tempfile.gettempdir()
"""The machine's temporary folder, for what another user must reach (the PostgreSQL cluster, run as
`postgres`: pytest's run folder is its owner's alone)."""


@pytest.fixture(scope="session", autouse=True)
def temporary_files_in_the_run_folder(tmp_path_factory):
    """Every temporary file of this worker and of each process it starts (TMPDIR is inherited) goes in
    the worker's run folder, which pytest removes at the end of a green run: what a process killed by
    a test leaves behind (WeasyPrint's font folder of a render killed at its limits, multiprocessing's
    folders) is removed with it, instead of piling up in the machine's temporary folder (in memory,
    under `make test`: scripts/test-tmpdir)."""
    global MACHINE_TEMP
    MACHINE_TEMP = tempfile.gettempdir()
    folder = tmp_path_factory.getbasetemp() / "tmp"
    folder.mkdir(exist_ok=True)
    before = os.environ.get("TMPDIR"), tempfile.tempdir
    os.environ["TMPDIR"], tempfile.tempdir = str(folder), str(folder)
    yield folder
    if before[0] is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = before[0]
    tempfile.tempdir = before[1]


@pytest.fixture(scope="session", autouse=True)
def demo_warehouse_early(request, tmp_path_factory, temporary_files_in_the_run_folder):
    """When a test of this run reads the demo warehouse (tests/functional/conftest.py), one worker
    starts its build as the session starts, in a process that takes build_in's lock, so that it
    runs beside the unit tests instead of holding up the first functional test; demo_warehouse then
    waits for that lock (or builds it, if it gets there first). The process is waited for at the
    session's end, so none is left behind."""
    wanted = any("demo_warehouse" in getattr(item, "fixturenames", ()) for item in request.session.items)
    if not wanted or os.environ.get("PYTEST_XDIST_WORKER", "gw0") != "gw0":
        yield
        return
    process = subprocess.Popen([sys.executable, "-m", "tests.functional.conftest", str(shared_root(tmp_path_factory))],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield
    process.wait()


@pytest.fixture(scope="session")
def new_warehouse(tmp_path_factory) -> Callable[[Path], Location]:
    """new_warehouse(folder): an empty warehouse made in `folder`, its schema and views applied, as
    the first ingest into a new folder makes it: a copy of one initialized once per test run (2 ms,
    against 0.7 s to apply the schema and views each time)."""
    from warehouse.migrate import init

    built = built_once(tmp_path_factory, "empty", lambda folder: init(Location.resolve(str(folder / "warehouse"))))
    template = Location.resolve(str(built / "warehouse"))
    return lambda folder: copy_of(template, folder)


@pytest.fixture
def empty(new_warehouse, tmp_path: Path) -> Location:
    """An empty warehouse, its schema and views applied."""
    return new_warehouse(tmp_path / "warehouse")


@pytest.fixture
def location(tmp_path: Path) -> Location:
    return Location.resolve(str(tmp_path / "warehouse"))


@pytest.fixture(scope="session")
def known_template(new_warehouse, tmp_path_factory) -> Path:
    def build(root: Path) -> None:
        location = new_warehouse(root / "warehouse")
        ingest(location, "models", FIXTURES / "models_four.csv")
        ingest(location, "evaluations", FIXTURES / "evaluations_two.csv")
    return built_once(tmp_path_factory, "known", build) / "warehouse"


@pytest.fixture
def known(known_template: Path, location: Location) -> Location:
    """A warehouse that knows four models and two evaluations (a fresh copy of one built once)."""
    import shutil

    shutil.copytree(known_template, location.local_dir)
    return location


@pytest.fixture(scope="session")
def with_runs_template(known_template: Path, tmp_path_factory) -> Path:
    def build(root: Path) -> None:
        shutil.copytree(known_template, root / "warehouse")
        ingest(Location.resolve(str(root / "warehouse")), "runs", FIXTURES / "runs_two_variants.csv")
    return built_once(tmp_path_factory, "with-runs", build) / "warehouse"


@pytest.fixture
def with_runs(with_runs_template: Path, location: Location) -> Location:
    """The `known` warehouse with the runs of two variants loaded (a fresh copy of one built once:
    an ingest costs 0.2 s of CPU, a copy a hundredth of that)."""
    shutil.copytree(with_runs_template, location.local_dir)
    return location


@pytest.fixture(scope="session")
def catalogue_template(new_warehouse, tmp_path_factory) -> Path:
    """A warehouse built once per test session: the house's evaluations and the canonical models
    of Epoch AI's model versions and Capabilities Index. Copied for each test that wants it."""
    from warehouse.ingest import ingest_source

    def build(root: Path) -> None:
        location = new_warehouse(root / "warehouse")
        ingest(location, "evaluations", EVALUATIONS)
        ingest_source(location, "epoch-models", SOURCES / "epoch-ai")
        ingest_source(location, "epoch-eci", SOURCES / "epoch-ai")
    return built_once(tmp_path_factory, "catalogue", build) / "warehouse"


@pytest.fixture(scope="session")
def catalogue_with(catalogue_template: Path, tmp_path_factory) -> Callable[..., "Loaded"]:
    """catalogue_with((name, folder), ...): the catalogue warehouse with these sources read into it
    in this order, built once per session for each list and only read by the tests that ask for it
    (one that changes it works on copy_of(loaded.location, ...))."""
    from warehouse.ingest import ingest_source

    built: dict[tuple, Loaded] = {}

    def make(*sources: tuple[str, Path | None]) -> Loaded:
        if sources not in built:
            location = copy_of(Location.resolve(str(catalogue_template)),
                               tmp_path_factory.mktemp("catalogue-with") / "warehouse")
            built[sources] = Loaded(location, {name: ingest_source(location, name, path) for name, path in sources})
        return built[sources]
    return make


@dataclass(frozen=True)
class Loaded:
    """A warehouse and what reading each source into it returned, by the source's name."""
    location: Location
    results: dict


def copy_of(location: Location, folder: Path) -> Location:
    """A copy of a warehouse in `folder`, free to change."""
    shutil.copytree(location.local_dir, folder)
    return Location.resolve(str(folder))


def read_again_changes_nothing(loaded: "Loaded", folder: Path, name: str, path: Path | None) -> None:
    """Reading a source again, into a copy of the warehouse it was read into, finds it already
    loaded under the same batch and makes no snapshot."""
    from warehouse.ingest import ingest_source

    warehouse = copy_of(loaded.location, folder / "warehouse")
    snapshot = latest_snapshot(warehouse)
    again = ingest_source(warehouse, name, path)
    assert again.already_loaded and again.batch_id == loaded.results[name].batch_id
    assert latest_snapshot(warehouse) == snapshot


@pytest.fixture
def catalogue(catalogue_template: Path, tmp_path: Path) -> Location:
    """A fresh copy of the catalogue warehouse (evaluations and Epoch's canonical models)."""
    import shutil

    folder = tmp_path / "warehouse"
    shutil.copytree(catalogue_template, folder)
    return Location.resolve(str(folder))


def same(found, expected, rel: float = 1e-9) -> bool:
    """Equal, floats to `rel`: DuckDB sums in parallel in no fixed order, so a figure read twice from
    the same snapshot may differ in its last bits (never at a printed precision)."""
    if isinstance(found, float) and isinstance(expected, float):
        return found == pytest.approx(expected, rel=rel, abs=1e-12)
    if isinstance(found, dict) and isinstance(expected, dict):
        return found.keys() == expected.keys() and all(same(found[k], expected[k], rel) for k in found)
    if isinstance(found, (list, tuple)) and isinstance(expected, (list, tuple)):
        return len(found) == len(expected) and all(same(a, b, rel) for a, b in zip(found, expected))
    return found == expected


def blank_png(width: int, height: int) -> bytes:
    """A valid black-and-white PNG of width×height pixels, all black, written chunk by chunk: what PIL
    writes for Image.new("1", ...), without building the image in memory first (PIL takes 2 s of CPU
    for 30,000×30,000 pixels, the logo tests' pixel bomb, and the tests build it while collected)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = bytes(1 + (width + 7) // 8)  # filter type 0, then the row's bits
    packer = zlib.compressobj(9)
    rows = b"".join(packer.compress(row * min(1024, height - start)) for start in range(0, height, 1024))
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit a pixel, greyscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows + packer.flush())
            + chunk(b"IEND", b""))


def write(path: Path, text: str) -> Path:
    path.write_text(text.lstrip("\n"))
    return path


_READERS: dict[str, list] = {}  # warehouse folder -> [catalog stamp, connection, its shared views]


def _catalog_stamp(location: Location) -> tuple | None:
    """What changes whenever a writer commits to an embedded warehouse: its catalog file's identity,
    size and modification time (None for a PostgreSQL catalog, or none there)."""
    if not location.is_embedded:
        return None
    try:
        stat = os.stat(location.local_dir / "catalog.sqlite")
    except OSError:
        return None
    return str(location.local_dir), stat.st_ino, stat.st_size, stat.st_mtime_ns


# Warehouses no test changes (the session's demo warehouse: tests/functional/conftest.py), each with
# what makes this process's one read handle on it, and the handle once made.
_UNCHANGING: dict[Path, Callable[[], Any]] = {}
_UNCHANGING_HANDLES: dict[Path, Any] = {}


def unchanging(location: Location, make: Callable[[], Any]) -> None:
    """Register a warehouse no test changes, with make() for its read handle (reports.handle.ReadHandle
    at its latest snapshot): rows() reads it through that one handle, whose shared views are computed
    once a process instead of inside every query that reads one (the demo's take 4 s; the same rows:
    tests/unit/metrics/test_shared_views.py)."""
    _UNCHANGING.setdefault(location.local_dir, make)


def unchanging_handle(location: Location) -> Any:
    """The process's read handle on a warehouse registered with unchanging()."""
    if location.local_dir not in _UNCHANGING_HANDLES:
        _UNCHANGING_HANDLES[location.local_dir] = _UNCHANGING[location.local_dir]()
    return _UNCHANGING_HANDLES[location.local_dir]


def close_unchanging(location: Location) -> None:
    """Close the process's handle on a warehouse registered with unchanging(), if one was made."""
    handle = _UNCHANGING_HANDLES.pop(location.local_dir, None)
    if handle is not None:
        handle.close()


def rows(location: Location, query: str, params: list | None = None) -> list[tuple]:
    """The rows of a query over the warehouse's latest snapshot, through a read-only connection. A
    connection costs 40 to 50 ms of CPU (most of it DuckLake loading the catalog), and a test asks
    several queries between two writes: the last two warehouses' connections are kept, and read each
    commit as it comes (DuckLake reads the latest snapshot at each statement). They are not locked down
    (warehouse/connection.py: lock_down), which would keep them from the data files a commit writes;
    what a locked-down reader may read is tested through the commands. While the catalog file is
    unchanged the snapshot read does not move, so each shared view a query reads is computed once, as a
    report's read handle computes it (reports.handle.SharedViews): a view over views is planned against
    those, not expanded whole again in every query (planning model_standing's tree took 0.3 s a query
    on the small warehouses); a commit drops them. A warehouse no test changes is read through its one
    handle (unchanging)."""
    if location.local_dir in _UNCHANGING:
        return unchanging_handle(location).execute(query, params).fetchall()
    stamp = _catalog_stamp(location)
    if stamp is None:
        con = connect(location, read_only=True)
        try:
            return con.execute(query, params or []).fetchall()
        finally:
            con.close()
    con, shared = _reader(location, stamp)
    shared.before(query)
    return con.execute(query, params or []).fetchall()


def _reader(location: Location, stamp: tuple) -> tuple[duckdb.DuckDBPyConnection, Any]:
    """The kept connection to an embedded warehouse and its shared views, as of the catalog `stamp`."""
    from reports.handle import SharedViews

    folder, inode = stamp[0], stamp[1]
    kept = _READERS.get(folder)
    if kept is not None and kept[0][1] != inode:  # another catalog file in the folder: a new warehouse
        _READERS.pop(folder)[1].close()
        kept = None
    if kept is None:
        while len(_READERS) >= 2:
            _READERS.pop(next(iter(_READERS)))[1].close()
        con = connect(location, read_only=True, lock=False)
        kept = _READERS[folder] = [stamp, con, SharedViews(con)]
    elif kept[0] != stamp:  # a commit since the shared views were computed
        for view in kept[2].computed:
            kept[1].execute(f"DROP TABLE temp.main.{view}")
        kept[0], kept[2] = stamp, SharedViews(kept[1])
    return kept[1], kept[2]


def scalar(location: Location, query: str, params: list | None = None):
    return rows(location, query, params)[0][0]


def latest_snapshot(location: Location) -> int:
    """The warehouse's latest DuckLake snapshot: for an embedded warehouse, read from its catalog file as
    a writer's check reads it (warehouse/migrate.py: _catalog_state), without a connection of 40 ms for a
    test that asks only this before and after a write."""
    if location.local_dir not in _UNCHANGING:
        from warehouse.migrate import _catalog_state

        found = _catalog_state(location)  # None for a PostgreSQL catalog, or one it cannot read so
        if found is not None:
            return found[0]
    return scalar(location, "SELECT max(snapshot_id) FROM bh.snapshots()")


def cli(location: Location, *args: str, input: str | None = None,
        check: bool = True) -> subprocess.CompletedProcess:
    """Run the real `benchhouse` command in a new process."""
    env = {**os.environ, "BENCHHOUSE_WAREHOUSE": str(location.local_dir), "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True,
                          text=True, env=env, input=input, timeout=300)
    if check and done.returncode != 0:
        raise AssertionError(f"benchhouse {' '.join(args)} failed:\n{done.stderr}")
    return done


def in_process(location: Location, *args: str, input: str | None = None, check: bool = True,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The real `benchhouse` command, as `cli` runs it, called in this process (cli.main.main) with
    its own argv, stdin, stdout, stderr and environment (`env` added to it): a call costs
    milliseconds, not a second of imports. For what needs a process of its own (limits on the
    process, signals), use `cli`."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from cli.main import main

    stdout, stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline=""), io.StringIO()
    added = {"BENCHHOUSE_WAREHOUSE": str(location.local_dir), **(env or {})}
    saved = sys.argv, sys.stdin, {name: os.environ.get(name) for name in added}
    sys.argv = ["benchhouse", *args]
    sys.stdin = io.StringIO(input or "")
    os.environ.update(added)
    try:
        with redirect_stdout(stdout), redirect_stderr(stderr):
            try:
                main()
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            stdout.flush()
    finally:
        sys.argv, sys.stdin = saved[0], saved[1]
        for name, value in saved[2].items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    done = subprocess.CompletedProcess(args, code, stdout.buffer.getvalue().decode("utf-8"), stderr.getvalue())
    if check and code != 0:
        raise AssertionError(f"benchhouse {' '.join(args)} failed:\n{done.stderr}")
    return done


def write_runs_parquet(path: Path, n_rows: int, model: str = "gpt-4o-2024-08-06",
                       evaluation: str = "gpqa-diamond") -> Path:
    """n_rows task results of one model on one evaluation, 1000 tasks a repeat."""
    duckdb.sql(f"""
        COPY (SELECT '{model}' AS model, 'default' AS effort, 'openai' AS provider,
                     '{evaluation}' AS evaluation, CAST(1 + i // 1000 AS INTEGER) AS "repeat",
                     'q' || (i % 1000) AS task_id, CAST(i % 2 AS DOUBLE) AS score,
                     CAST(1000 AS BIGINT) AS input_tokens, CAST(200 AS BIGINT) AS answer_tokens,
                     'anonymous' AS account
              FROM range({n_rows}) t(i)) TO '{path}' (FORMAT parquet)""")
    return path
