"""A PostgreSQL server of our own for the session: Debian's binaries (installed by `make test`), a
fresh cluster in a temporary folder, listening on a free loopback port, stopped at the end. A test
gets a database of its own and a warehouse whose DuckLake catalog lives in it."""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import tests.conftest
from warehouse.connection import ENV_DATA_PATH, Location

BINARIES = Path("/usr/lib/postgresql")


@dataclass
class Server:
    port: int
    bin: Path
    run_as: list[str]  # the prefix that runs a command as the cluster's owner
    folder: Path
    names = itertools.count()

    def command(self, tool: str, *args: str) -> subprocess.CompletedProcess:
        done = subprocess.run([*self.run_as, str(self.bin / tool), *args], cwd=self.folder,
                              capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise AssertionError(f"{tool} {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
        return done

    def database(self) -> str:
        """A new, empty database; its libpq connection string."""
        name = f"warehouse_{next(self.names)}"
        self.command("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return f"host=127.0.0.1 port={self.port} dbname={name} user=postgres"


def postgres_bin() -> Path:
    found = sorted(BINARIES.glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    if not found:
        pytest.fail(f"PostgreSQL's server binaries are not installed (no {BINARIES}/*/bin/pg_ctl): "
                    "run `make test`, which installs the Debian package postgresql, or "
                    "`apt-get install postgresql`", pytrace=False)
    return found[-1].parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgres() -> Server:
    bin = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="benchhouse-pg-", dir=tests.conftest.MACHINE_TEMP))
    run_as: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: the cluster belongs to `postgres`
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("running as root, and there is no `postgres` user to own the test cluster: "
                        "install the Debian package postgresql, which creates it", pytrace=False)
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    server = Server(port=free_port(), bin=bin, run_as=run_as, folder=folder)
    server.command("initdb", "-D", "data", "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
    server.command("pg_ctl", "-D", "data", "-l", "server.log", "-w", "-t", "60", "start", "-o",
                   f"-p {server.port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
    try:
        yield server
    finally:
        subprocess.run([*run_as, str(bin / "pg_ctl"), "-D", "data", "-m", "fast", "-w", "stop"],
                       cwd=folder, capture_output=True, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def shared(postgres: Server, tmp_path: Path, monkeypatch) -> Location:
    """A warehouse with its catalog in a new PostgreSQL database and its data in a local folder;
    BENCHHOUSE_WAREHOUSE and BENCHHOUSE_DATA_PATH point at it, for this process and its children."""
    spec = f"postgres:{postgres.database()}"
    monkeypatch.setenv("BENCHHOUSE_WAREHOUSE", spec)
    monkeypatch.setenv(ENV_DATA_PATH, f"{tmp_path / 'lake'}/")
    return Location.resolve(spec)
