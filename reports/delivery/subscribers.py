"""Reading subscriber files: every one validated before a run starts (the schema is
reports/subscriber.py), each mistake naming the file, the key, what was wrong and the fix."""

from __future__ import annotations

import difflib
import os
import unicodedata
from pathlib import Path

import yaml
from pydantic import ValidationError

from reports import catalogue
from reports.delivery import logos, yaml_file
from reports.subscriber import HIDDEN, Subscriber, slug_id
from warehouse.errors import BenchhouseError

ENV_SUBSCRIBERS = "BENCHHOUSE_SUBSCRIBERS"
REPOSITORY_FOLDER = Path(__file__).resolve().parents[2] / "subscribers"


class SubscriberError(BenchhouseError):
    """A subscriber file that does not validate. The message quotes what the file says: any control or
    invisible character in it is shown as an escape, so the message stays one line and shows it."""

    def __init__(self, message: str):
        super().__init__("".join(f"\\u{ord(c):04X}" if unicodedata.category(c) in HIDDEN else c for c in message))


def folder() -> Path:
    """Where the subscriber files are: BENCHHOUSE_SUBSCRIBERS, else the repository's subscribers/
    (a source checkout), else ./subscribers (an installed package)."""
    if os.environ.get(ENV_SUBSCRIBERS):
        return Path(os.environ[ENV_SUBSCRIBERS])
    return REPOSITORY_FOLDER if REPOSITORY_FOLDER.is_dir() else Path("subscribers").resolve()


def load(path: Path) -> Subscriber:
    """Read and validate one subscriber file."""
    try:
        data, raw = yaml_file.read(path)
    except ValueError as exc:
        raise SubscriberError(str(exc)) from None
    if not isinstance(data, dict):
        raise SubscriberError(f"{path}, line 1: expected keys such as id, company, branding; found {type(data).__name__}")
    try:
        subscriber = Subscriber.model_validate(data, context={"reports": catalogue.names()})
    except ValidationError as exc:
        raise SubscriberError(explain(path, exc)) from None
    subscriber._folder = path.parent
    if subscriber.id != path.stem:
        raise SubscriberError(f"{where(path, ('id',))}: key 'id': '{subscriber.id}' differs from the file name; "
                              f"rename the file to {subscriber.id}.yaml or set id: {path.stem}")
    try:
        subscriber._logo_bytes = logos.check(subscriber.branding.logo, path.parent)
    except ValueError as exc:
        raise SubscriberError(f"{where(path, ('branding', 'logo'))}: key 'branding.logo': {exc}") from None
    subscriber._file_bytes = raw
    return subscriber


def load_id(subscriber_id: str, where: Path | None = None) -> Subscriber:
    """The subscriber of that id, with a "did you mean" when there is none. The id is checked as a
    slug before it becomes part of a path: '../clients/x' names no subscriber."""
    try:
        slug_id(subscriber_id, "a subscriber id", "acme-analytics")
    except ValueError as exc:
        raise SubscriberError(str(exc)) from None
    where = where or folder()
    path = where / f"{subscriber_id}.yaml"
    if not path.exists():
        if misnamed := yaml_file.misnamed_sibling(path):
            raise SubscriberError(misnamed)
        known = [p.stem for p in where.glob("*.yaml")]
        close = difflib.get_close_matches(subscriber_id, known, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise SubscriberError(f"no subscriber '{subscriber_id}' (no {path}).{hint}")
    return load(path)


def where(path: Path, loc: tuple = ()) -> str:
    """'path, line N': the file and the line of the key at `loc` (its parent's when it is missing)."""
    try:
        node = yaml.compose(yaml_file.text(path), Loader=yaml_file.Loader)
    except (yaml.YAMLError, ValueError):
        return str(path)
    line = node.start_mark.line if node is not None else 0
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = [(k, v) for k, v in node.value if k.value == str(part)]
            if not found:
                break
            line, node = found[0][0].start_mark.line, found[0][1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line
        else:
            break
    return f"{path}, line {line + 1}"


def explain(path: Path, exc: ValidationError, schema: type = Subscriber,
            readme: str = "subscribers/README.md") -> str:
    """The first problem of a file that does not validate against `schema`, with its key and fix."""
    # A misspelt key is both unknown and, under its right name, missing: name the misspelling.
    problem = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
    key = ".".join(str(p) for p in problem["loc"])
    path = where(path, problem["loc"])
    if problem["type"] == "extra_forbidden":
        parent = schema
        for part in problem["loc"][:-1]:
            field = getattr(parent, "model_fields", {}).get(str(part))
            parent = getattr(field, "annotation", None) if field else None
            # An optional block (`Workload | None`): its keys are the model's.
            parent = next((a for a in getattr(parent, "__args__", ()) if hasattr(a, "model_fields")), parent)
        known = list(getattr(parent, "model_fields", {}))
        close = difflib.get_close_matches(str(problem["loc"][-1]), known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; the keys are {', '.join(known)}"
        return f"{path}: key '{key}' is not known{hint}"
    if problem["type"] == "missing":
        return f"{path}: key '{key}' is missing; add it (see {readme})"
    message = problem["msg"].removeprefix("Value error, ")
    return f"{path}: key '{key}': {message}"


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
