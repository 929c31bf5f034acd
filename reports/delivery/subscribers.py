"""Reading subscriber files: every one validated before a run starts (the schema is
reports/subscriber.py; the loader, shared with client files, reports/delivery/customer_files.py), each
mistake naming the file, the key, what was wrong and the fix; and what only subscribers need: the
folder of them all, each delivery folder owned by one subscriber, focus models the warehouse knows."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from reports import catalogue
from reports.customer import slug_id
from reports.delivery import customer_files, yaml_file
from reports.delivery.customer_files import CustomerFileError, where
from reports.subscriber import Subscriber
from warehouse.errors import BenchhouseError

ENV_SUBSCRIBERS = "BENCHHOUSE_SUBSCRIBERS"
REPOSITORY_FOLDER = Path(__file__).resolve().parents[2] / "subscribers"
README = "subscribers/README.md"


class SubscriberError(CustomerFileError):
    """A subscriber file that does not validate."""


def folder() -> Path:
    """Where the subscriber files are: BENCHHOUSE_SUBSCRIBERS, else the repository's subscribers/
    (a source checkout), else ./subscribers (an installed package)."""
    if os.environ.get(ENV_SUBSCRIBERS):
        return Path(os.environ[ENV_SUBSCRIBERS])
    return REPOSITORY_FOLDER if REPOSITORY_FOLDER.is_dir() else Path("subscribers").resolve()


def load(path: Path) -> Subscriber:
    """Read and validate one subscriber file (the reports it names must exist)."""
    return customer_files.load(path, Subscriber, SubscriberError, README, context={"reports": catalogue.names()})


def load_id(subscriber_id: str, where: Path | None = None) -> Subscriber:
    """The subscriber of that id, with a "did you mean" when there is none. The id is checked as a
    slug before it becomes part of a path: '../clients/x' names no subscriber."""
    try:
        slug_id(subscriber_id, "a subscriber id", "acme-analytics")
    except ValueError as exc:
        raise SubscriberError(str(exc)) from None
    return load(customer_files.named(subscriber_id, where or folder(), SubscriberError,
                                     "no subscriber '{id}' (no {path}).{hint}"))


def read_folder(where: Path | None = None) -> tuple[list[Subscriber], list[tuple[Path, str]]]:
    """Every subscriber file of the folder: the ones that validate, and (file, one-line problem) for each
    that does not: a file that is not .yaml (e.g. .yml), a file that does not validate, a delivery folder
    another subscriber already has. Never raises for one file's mistake."""
    where = where or folder()
    if not where.is_dir():
        raise SubscriberError(f"{where}: no such folder of subscriber files; create it or set {ENV_SUBSCRIBERS} "
                              "to the folder that holds them")
    try:
        paths = sorted(where.iterdir())
    except OSError as exc:
        raise SubscriberError(f"{where}: the folder of subscriber files cannot be read ({exc.strerror})") from None
    found, problems = [], []
    for path in paths:
        if misnamed := yaml_file.misnamed(path):
            problems.append((path, misnamed))
        elif path.suffix == ".yaml":
            try:
                found.append((path, load(path)))
            except BenchhouseError as exc:
                problems.append((path, str(exc)))
    shared = _shared_deliveries(found)
    problems += shared
    refused = {path for path, _ in shared}
    return [subscriber for path, subscriber in found if path not in refused], sorted(problems)


def load_all(where: Path | None = None) -> list[Subscriber]:
    """Every subscriber file, all validated; the first mistake found stops the run."""
    found, problems = read_folder(where)
    if problems:
        raise SubscriberError(problems[0][1])
    return found


def _shared_deliveries(found: list[tuple[Path, Subscriber]]) -> list[tuple[Path, str]]:
    """(file, problem) for each subscriber whose delivery folder another already has: one company's
    deliverables would land in another's."""
    owners: dict[str, str] = {}
    problems = []
    for path, subscriber in found:
        other = owners.setdefault(subscriber.delivery.lower(), subscriber.id)
        if other != subscriber.id:
            problems.append((path, f"{where(path, ('delivery',))}: key 'delivery': '{subscriber.delivery}' is already "
                                   f"the delivery folder of {other}; give each subscriber its own "
                                   f"(e.g. delivery: {subscriber.id})"))
    return problems


def check_models(subscriber: Subscriber, known: set[str], path: Path | None = None) -> None:
    """Focus models must be canonical models of the warehouse."""
    path = path or subscriber._folder / f"{subscriber.id}.yaml"
    for number, model in enumerate(subscriber.focus_models):
        if model not in known:
            close = difflib.get_close_matches(model, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise SubscriberError(f"{where(path, ('focus_models', number))}: key 'focus_models': '{model}' is not a model in the warehouse{hint}")
