"""Reading private clients' files (clients/<id>.yaml; the schema is reports/client.py) by the loader
of every customer file (reports/delivery/customer_files.py), each mistake naming the file, the key and
the fix, as for subscriber files."""

from __future__ import annotations

import os
from pathlib import Path

from reports.client import Client
from reports.delivery import customer_files, yaml_file
from reports.delivery.customer_files import CustomerFileError
from warehouse.tenants import check_id

ENV_CLIENTS = "BENCHHOUSE_CLIENTS"
REPOSITORY_FOLDER = Path(__file__).resolve().parents[2] / "clients"
README = "clients/README.md"


class ClientError(CustomerFileError):
    """A client file that does not validate."""


def folder() -> Path:
    """Where the client files are: BENCHHOUSE_CLIENTS, else the repository's clients/, else ./clients."""
    if os.environ.get(ENV_CLIENTS):
        return Path(os.environ[ENV_CLIENTS])
    return REPOSITORY_FOLDER if REPOSITORY_FOLDER.is_dir() else Path("clients").resolve()


def load(path: Path) -> Client:
    """Read and validate one client file."""
    return customer_files.load(path, Client, ClientError, README)


def load_id(client_id: str, where: Path | None = None) -> Client:
    """The client of that id (validated as a tenant id first: it names a file)."""
    check_id(client_id)
    return load(customer_files.named(client_id, where or folder(), ClientError,
                                     "no client file for tenant '{id}' (no {path}).{hint} Write one: see " + README))


def load_all(where: Path | None = None) -> list[Client]:
    """Every client file, all validated; a file named .yml (which would be ignored) is refused too."""
    paths = sorted((where or folder()).iterdir())
    for path in paths:
        if misnamed := yaml_file.misnamed(path):
            raise ClientError(misnamed)
    return [load(path) for path in paths if path.suffix == ".yaml"]
