"""What every customer file shares, a subscriber's (reports/subscriber.py) and a private client's
(reports/client.py): an id that names the file, the company's name as printed on every page and
slide, its brand (logo, colours, font), the formats it takes and its contacts; and the rules for the
text such a file gives. Validated with pydantic, unknown keys refused; one loader reads both kinds of
file (reports/delivery/customer_files.py)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Annotated, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from reports.rendering import theme
from warehouse.errors import did_you_mean

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_ID = 64  # a subscriber's or client's id, which names its file
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
MAX_NAME = 120
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
    logo: str = Field(description=(
        "SVG, PNG or JPEG in the folder of the files, e.g. `logos/acme-analytics.svg`, at most 1 MB. A PNG or JPEG "
        "is at most 4096 pixels a side; an SVG is UTF-8, refers to nothing outside itself, and is at most 1024 px a "
        "side in any unit (it is drawn four times larger in a deck), with what its `<use>` references expand to "
        "bounded (10,000 elements, 32 levels)"))
    primary: str = Field(description="colour, `#RRGGBB`")
    accent: str = Field(description="colour, `#RRGGBB`")
    font: str = Field(default=theme.DEFAULT_FONT, description=(
        f"{', '.join(f'`{f}`' for f in list(theme.FONTS)[:-1])} or `{list(theme.FONTS)[-1]}` (shipped in "
        "`templates/fonts`)"))

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
    name: str = Field(description="the recipient's name")
    email: str = Field(description="the recipient's email address")

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


def _format(value: str) -> str:
    if value not in ("pdf", "pptx"):
        raise ValueError(f"format '{value}' is not one the house renders; choose pdf, pptx or both")
    return value


Format = Annotated[str, AfterValidator(_format)]


class Customer(Strict):
    """The fields and properties of every customer file. A subclass names what its id is
    (ID_IS, ID_EXAMPLE), for the message when the id is not a slug."""

    ID_IS: ClassVar[str] = "a slug"
    ID_EXAMPLE: ClassVar[str] = "acme-corp"

    id: str = Field(description=f"lowercase letters, digits and hyphens, at most {MAX_ID}; the file is `<id>.yaml`")
    company: str = Field(description=(
        f"the company's name as printed on every cover, page and slide: one line, at most {MAX_NAME} characters, "
        "with a letter or digit and no invisible or direction-changing character (U+202E and its kin)"))
    branding: Branding
    formats: tuple[Format, ...] = Field(default=("pdf", "pptx"), description="`pdf`, `pptx` or both")
    contacts: tuple[Contact, ...] = Field(default=(), description="`name` and `email` of each recipient")
    _folder: Path = PrivateAttr(default=Path("."))  # the folder the file was read from
    # The bytes of the file and of the logo as the loader read and checked them: what a run hashes, so
    # that what it pins is what was checked, whatever becomes of the files meanwhile.
    _file_bytes: bytes | None = PrivateAttr(default=None)
    _logo_bytes: bytes | None = PrivateAttr(default=None)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        return slug_id(value, cls.ID_IS, cls.ID_EXAMPLE)

    @field_validator("company")
    @classmethod
    def _company(cls, value: str) -> str:
        return name(value)

    @property
    def logo_path(self) -> Path:
        return self._folder / self.branding.logo

    @property
    def brand(self) -> theme.Brand:
        b = self.branding
        return theme.Brand(primary=b.primary, accent=b.accent, font=b.font, logo=self.logo_path)


def field_table(schema: type[BaseModel], added: dict[str, str] | None = None) -> str:
    """The Markdown table of a customer file's keys (key, required or its default, what), from the
    schema's fields and their descriptions, nested blocks as dotted keys, and what `added` appends to a
    key's description: what subscribers/README.md and clients/README.md show (reports/customer_docs.py)."""
    lines = ["| key | required | what |", "| --- | --- | --- |"]
    lines += [f"| `{key}` | {required} | {what}{(added or {}).get(key, '')} |"
              for key, required, what in _field_rows(schema, "")]
    return "\n".join(lines) + "\n"


def _field_rows(schema: type[BaseModel], prefix: str) -> list[tuple[str, str, str]]:
    rows = []
    for key, field in schema.model_fields.items():
        block = next((a for a in (field.annotation, *getattr(field.annotation, "__args__", ()))
                      if isinstance(a, type) and issubclass(a, BaseModel)), None)
        required = "yes" if field.is_required() else "no" if field.default_factory else _default(field.default)
        if block is not None and not str(field.annotation).startswith("tuple"):
            if field.description:
                rows.append((prefix + key, required, field.description))
            rows += _field_rows(block, f"{prefix}{key}.")
        else:
            rows.append((prefix + key, required, field.description or ""))
    return rows


def _default(value) -> str:
    if value in (None, ()):
        return "no"
    if value == ("pdf", "pptx"):
        return "no (both)"
    return f"no ({str(value).lower() if isinstance(value, bool) else value})"
