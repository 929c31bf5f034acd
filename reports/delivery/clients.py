"""Reading private clients' files (clients/<id>.yaml; the schema is reports/client.py), each mistake
naming the file, the key and the fix, as for subscriber files."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from pydantic import ValidationError

from reports.client import Client
from reports.delivery import logos, yaml_file
from reports.delivery.subscribers import SubscriberError, explain, where
from warehouse.tenants import check_id

ENV_CLIENTS = "BENCHHOUSE_CLIENTS"
REPOSITORY_FOLDER = Path(__file__).resolve().parents[2] / "clients"


class ClientError(SubscriberError):
    """A client file that does not validate."""


def folder() -> Path:
    """Where the client files are: BENCHHOUSE_CLIENTS, else the repository's clients/, else ./clients."""
    if os.environ.get(ENV_CLIENTS):
        return Path(os.environ[ENV_CLIENTS])
    return REPOSITORY_FOLDER if REPOSITORY_FOLDER.is_dir() else Path("clients").resolve()


def load(path: Path) -> Client:
    try:
        data, _ = yaml_file.read(path)
    except ValueError as exc:
        raise ClientError(str(exc)) from None
    if not isinstance(data, dict):
        raise ClientError(f"{path}, line 1: expected keys such as id, company, branding; found {type(data).__name__}")
    try:
        client = Client.model_validate(data)
    except ValidationError as exc:
        raise ClientError(explain(path, exc, Client, "clients/README.md")) from None
    client._folder = path.parent
    if client.id != path.stem:
        raise ClientError(f"{where(path, ('id',))}: key 'id': '{client.id}' differs from the file name; "
                          f"rename the file to {client.id}.yaml or set id: {path.stem}")
    try:
        logos.check(client.branding.logo, path.parent)
    except ValueError as exc:
        raise ClientError(f"{where(path, ('branding', 'logo'))}: key 'branding.logo': {exc}") from None
    return client


def load_id(client_id: str, where: Path | None = None) -> Client:
    """The client of that id (validated as a tenant id first: it names a file)."""
    check_id(client_id)
    where = where or folder()
    path = where / f"{client_id}.yaml"
    if not path.exists():
        if misnamed := yaml_file.misnamed_sibling(path):
            raise ClientError(misnamed)
        known = [p.stem for p in where.glob("*.yaml")]
        close = difflib.get_close_matches(client_id, known, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise ClientError(f"no client file for tenant '{client_id}' (no {path}).{hint} Write one: see "
                          "clients/README.md")
    return load(path)


def load_all(where: Path | None = None) -> list[Client]:
    """Every client file, all validated; a file named .yml (which would be ignored) is refused too."""
    paths = sorted((where or folder()).iterdir())
    for path in paths:
        if misnamed := yaml_file.misnamed(path):
            raise ClientError(misnamed)
    return [load(path) for path in paths if path.suffix == ".yaml"]
