"""A subscribing company, as its file says (subscribers/<id>.yaml): what it is entitled to, its brand,
its focus models and where its deliverables go. Validated with pydantic, unknown keys refused;
reading the files and checking them against the reports and the warehouse is delivery's job
(reports/delivery/subscribers.py)."""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator

from reports.rendering import theme
from warehouse.errors import did_you_mean

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_ID = 64  # a subscriber's or client's id, which names its file
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
MAX_NAME = 120
MAX_DELIVERY = 100
# Unicode categories a name may not hold: controls, invisible format characters (bidi overrides and
# isolates, zero-width spaces and joiners, the BOM), lone surrogates, line and paragraph separators.
HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def text(value: str) -> str:
    """Text a file gives, printed on covers and slides or in messages: one line, nothing invisible."""
    for c in value:
        if unicodedata.category(c) in HIDDEN:
            what = unicodedata.name(c, "a control character")
            raise ValueError(f"contains U+{ord(c):04X} ({what}), a control or invisible formatting character "
                             "that can hide or reorder what is printed; write the text on one line without it")
    return value


def slug_id(value: str, what: str, example: str) -> str:
    """An id that names a file: a slug of at most MAX_ID characters; ValueError calling it `what`."""
    if not SLUG.fullmatch(value) or len(value) > MAX_ID:
        raise ValueError(f"'{value}' is not {what}: use lowercase letters, digits and hyphens, e.g. {example}")
    return value


def name(value: str) -> str:
    """A company's or a person's name, printed on every cover and slide: one line, at most MAX_NAME,
    nothing invisible, at least one letter or digit."""
    text(value)
    if not value.strip() or len(value) > MAX_NAME:
        raise ValueError(f"is {len(value)} characters; a name has 1 to {MAX_NAME}")
    if not any(unicodedata.category(c)[0] in "LN" for c in value):
        raise ValueError(f"'{value}' has no letter or digit; write the name")
    return value


class Strict(BaseModel):
    # NaN and infinity are refused in every number of a subscriber's or client's file.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Branding(Strict):
    logo: str = Field(description="Logo file (SVG or PNG), relative to the subscribers folder")
    primary: str = Field(description="Primary colour, #RRGGBB")
    accent: str = Field(description="Accent colour, #RRGGBB")
    font: str = Field(default=theme.DEFAULT_FONT, description=f"One of {', '.join(theme.FONTS)}")

    @field_validator("logo")
    @classmethod
    def _logo(cls, value: str) -> str:
        return text(value)

    @field_validator("primary", "accent")
    @classmethod
    def _colour(cls, value: str) -> str:
        if not COLOUR.fullmatch(value):
            raise ValueError(f"'{value}' is not a colour: write it as #RRGGBB, e.g. #1F4E79")
        return value.upper()

    @field_validator("font")
    @classmethod
    def _font(cls, value: str) -> str:
        if value not in theme.FONTS:
            raise ValueError(f"font '{value}' is not one the house ships; choose one of {', '.join(theme.FONTS)}"
                             f"{did_you_mean(value, theme.FONTS).replace(' Did you mean', '; did you mean')}")
        return value


class Contact(Strict):
    name: str
    email: str

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return name(value)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        text(value)
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
            raise ValueError(f"'{value}' is not an email address")
        return value


def volume(value: object) -> float:
    """A volume of a workload: a finite number of 0 or more (YAML's .nan and .inf, a negative
    number, true or false are refused)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValueError(f"{value!r} is not a volume: write a finite number of 0 or more, e.g. 1500000")
    return float(value)


class TokensPerRequest(Strict):
    input: float = Field(description="Input (prompt) tokens per request")
    output: float = Field(description="Output tokens per request, reasoning included")

    @field_validator("input", "output", mode="before")
    @classmethod
    def _volume(cls, value: object) -> float:
        return volume(value)


class Workload(Strict):
    """What the subscriber runs, for the model deployment report's monthly costs."""

    requests_per_month: float = Field(description="Requests a month")
    tokens_per_request: TokensPerRequest
    description: str | None = Field(default=None, description="What the workload is, in a few words")

    @field_validator("description")
    @classmethod
    def _description(cls, value: str | None) -> str | None:
        return None if value is None else text(value)

    @field_validator("requests_per_month", mode="before")
    @classmethod
    def _volume(cls, value: object) -> float:
        return volume(value)


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
    delivery: str = Field(description="One folder name, a slug (lowercase letters, digits, hyphens), unique per "
                                      "subscriber: where under the run's output its deliverables go")
    contacts: tuple[Contact, ...] = ()
    workload: Workload | None = Field(default=None, description="What it runs, for the deployment report's costs")
    _folder: Path = PrivateAttr(default=Path("."))  # the folder the file was read from
    # The bytes of the file and of the logo as the loader read and checked them: what a run hashes, so
    # that what it pins is what was checked, whatever becomes of the files meanwhile.
    _file_bytes: bytes | None = PrivateAttr(default=None)
    _logo_bytes: bytes | None = PrivateAttr(default=None)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        return slug_id(value, "a slug", "acme-corp")

    @field_validator("company")
    @classmethod
    def _company(cls, value: str) -> str:
        return name(value)

    @field_validator("delivery")
    @classmethod
    def _delivery(cls, value: str) -> str:
        """A slug, as ids are: never a name the quarterly run writes beside the delivery folders
        (manifest.json, a hidden temporary file), never two names one filesystem folds together."""
        if value.lower() == "manifest.json":
            raise ValueError(f"'{value}' is not a single folder name the run may use: the quarterly run writes its "
                             "own manifest.json there; use the subscriber's id, e.g. delivery: acme-analytics")
        if not SLUG.fullmatch(value) or len(value) > MAX_DELIVERY:
            raise ValueError(f"'{value}' is not a single folder name: use lowercase letters, digits and hyphens "
                             f"(a slug, at most {MAX_DELIVERY}), e.g. the subscriber's id")
        return value

    @field_validator("reports")
    @classmethod
    def _reports(cls, names: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        """The reports must exist: the loader passes their names as the validation context."""
        known = (info.context or {}).get("reports")
        for name in names if known is not None else ():
            if name not in known:
                hint = did_you_mean(name, known).replace(" Did you mean", "; did you mean")
                raise ValueError(f"report '{name}' is not known{hint} (the reports are {', '.join(known)})")
        return names

    @property
    def logo_path(self) -> Path:
        return self._folder / self.branding.logo

    @property
    def brand(self) -> theme.Brand:
        b = self.branding
        return theme.Brand(primary=b.primary, accent=b.accent, font=b.font, logo=self.logo_path)
