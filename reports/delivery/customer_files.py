"""Reading a customer file, a subscriber's (subscribers/<id>.yaml) or a private client's
(clients/<id>.yaml), by one loader: the YAML read strictly (yaml_file), validated against its schema
(reports/customer.py and its subclasses), its id matched to the file's name and its logo checked; every
mistake is one line naming the file, the line, the key, what was wrong and the fix."""

from __future__ import annotations

import difflib
import unicodedata
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import ValidationError

from reports.customer import HIDDEN, Customer
from reports.delivery import logos, yaml_file
from warehouse.errors import BenchhouseError

C = TypeVar("C", bound=Customer)


class CustomerFileError(BenchhouseError):
    """A customer file that does not validate. The message quotes what the file says: any control or
    invisible character in it is shown as an escape, so the message stays one line and shows it."""

    def __init__(self, message: str):
        super().__init__("".join(f"\\u{ord(c):04X}" if unicodedata.category(c) in HIDDEN else c for c in message))


def load(path: Path, schema: type[C], error: type[CustomerFileError], readme: str, context: dict | None = None) -> C:
    """Read and validate one customer file against `schema`; raise `error` naming the first mistake."""
    try:
        data, raw = yaml_file.read(path)
    except ValueError as exc:
        raise error(str(exc)) from None
    if not isinstance(data, dict):
        raise error(f"{path}, line 1: expected keys such as id, company, branding; found {type(data).__name__}")
    try:
        customer = schema.model_validate(data, context=context)
    except ValidationError as exc:
        raise error(explain(path, exc, schema, readme)) from None
    customer._folder = path.parent
    if customer.id != path.stem:
        raise error(f"{where(path, ('id',))}: key 'id': '{customer.id}' differs from the file name; "
                    f"rename the file to {customer.id}.yaml or set id: {path.stem}")
    try:
        customer._logo_bytes = logos.check(customer.branding.logo, path.parent)
    except ValueError as exc:
        raise error(f"{where(path, ('branding', 'logo'))}: key 'branding.logo': {exc}") from None
    customer._file_bytes = raw
    return customer


def named(customer_id: str, where: Path, error: type[CustomerFileError], missing: str) -> Path:
    """The file of a customer id (already checked as a slug) in `where`; when there is none, `error`
    naming a misnamed sibling (.yml, another case) or, by `missing` (formatted with id, path and a
    "did you mean"), the closest file there is."""
    path = where / f"{customer_id}.yaml"
    if path.exists():
        return path
    if misnamed := yaml_file.misnamed_sibling(path):
        raise error(misnamed)
    close = difflib.get_close_matches(customer_id, [p.stem for p in where.glob("*.yaml")], n=1)
    raise error(missing.format(id=customer_id, path=path, hint=f" Did you mean '{close[0]}'?" if close else ""))


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


def explain(path: Path, exc: ValidationError, schema: type, readme: str) -> str:
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
