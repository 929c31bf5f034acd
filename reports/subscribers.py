"""Subscriber files: subscribers/<id>.yaml, validated before any run (pydantic, unknown keys
refused). Every mistake names the file, the key, what was wrong and the fix."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from warehouse.errors import BenchhouseError

FOLDER = Path(os.environ.get("BENCHHOUSE_SUBSCRIBERS") or Path(__file__).resolve().parents[1] / "subscribers")
FONTS = ("Inter", "Lato", "Roboto")
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


class SubscriberError(BenchhouseError):
    """A subscriber file that does not validate."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Branding(Strict):
    logo: str = Field(description="Logo file (SVG or PNG), relative to subscribers/")
    primary: str = Field(description="Primary colour, #RRGGBB")
    accent: str = Field(description="Accent colour, #RRGGBB")
    font: Literal["Inter", "Lato", "Roboto"] = "Inter"

    @field_validator("primary", "accent")
    @classmethod
    def _colour(cls, value: str) -> str:
        if not COLOUR.fullmatch(value):
            raise ValueError(f"'{value}' is not a colour: write it as #RRGGBB, e.g. #1F4E79")
        return value.upper()


class Contact(Strict):
    name: str
    email: str

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
            raise ValueError(f"'{value}' is not an email address")
        return value


class Subscriber(Strict):
    id: str
    company: str
    active: bool = True
    tier: Literal["standard", "professional", "enterprise"]
    reports: tuple[str, ...]
    formats: tuple[Literal["pdf", "pptx"], ...] = ("pdf", "pptx")
    branding: Branding
    focus_models: tuple[str, ...] = ()
    index_version: str | None = Field(default=None, description="Intelligence Index version to pin; latest if empty")
    delivery: str = Field(description="Folder under the run's output where deliverables go")
    contacts: tuple[Contact, ...] = ()
    _folder: Path = PrivateAttr(default=FOLDER)  # the folder the file was read from

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.fullmatch(value):
            raise ValueError(f"'{value}' is not a slug: use lowercase letters, digits and hyphens, e.g. acme-corp")
        return value

    @field_validator("reports")
    @classmethod
    def _reports(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        from reports.registry import REPORTS, all_reports

        all_reports()
        for name in names:
            if name not in REPORTS:
                close = difflib.get_close_matches(name, REPORTS, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                raise ValueError(f"report '{name}' is not known{hint} (the reports are {', '.join(REPORTS)})")
        return names

    @property
    def logo_path(self) -> Path:
        return self._folder / self.branding.logo


def load(path: Path) -> Subscriber:
    """Read and validate one subscriber file."""
    try:
        data = yaml.safe_load(path.read_text())
    except yaml.YAMLError as exc:
        raise SubscriberError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise SubscriberError(f"{path}: expected keys such as id, company, branding; found {type(data).__name__}")
    try:
        subscriber = Subscriber(**data)
    except ValidationError as exc:
        raise SubscriberError(_explain(path, exc)) from None
    subscriber._folder = path.parent
    if subscriber.id != path.stem:
        raise SubscriberError(f"{path}: key 'id': '{subscriber.id}' differs from the file name; "
                              f"rename the file to {subscriber.id}.yaml or set id: {path.stem}")
    if not subscriber.logo_path.is_file():
        raise SubscriberError(f"{path}: key 'branding.logo': no file {subscriber.logo_path}; "
                              "put the logo under subscribers/ and give its path relative to it")
    return subscriber


def _explain(path: Path, exc: ValidationError) -> str:
    # A misspelt key is both unknown and, under its right name, missing: name the misspelling.
    problem = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
    key = ".".join(str(p) for p in problem["loc"])
    if problem["type"] == "extra_forbidden":
        parent = Subscriber
        for part in problem["loc"][:-1]:
            field = parent.model_fields.get(str(part))
            parent = getattr(field, "annotation", None) if field else None
        known = list(getattr(parent, "model_fields", {}))
        close = difflib.get_close_matches(str(problem["loc"][-1]), known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; the keys are {', '.join(known)}"
        return f"{path}: key '{key}' is not known{hint}"
    if problem["type"] == "missing":
        return f"{path}: key '{key}' is missing; add it (see subscribers/README.md)"
    message = problem["msg"].removeprefix("Value error, ")
    return f"{path}: key '{key}': {message}"


def load_all(folder: Path | None = None) -> list[Subscriber]:
    """Every subscriber file, all validated; the first mistake found stops the run."""
    return [load(path) for path in sorted((folder or FOLDER).glob("*.yaml"))]


def check_models(subscriber: Subscriber, known: set[str], path: Path | None = None) -> None:
    """Focus models must be canonical models of the warehouse."""
    where = path or subscriber._folder / f"{subscriber.id}.yaml"
    for model in subscriber.focus_models:
        if model not in known:
            close = difflib.get_close_matches(model, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise SubscriberError(f"{where}: key 'focus_models': '{model}' is not a model in the warehouse{hint}")
