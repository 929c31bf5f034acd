"""A private-benchmark client, as its file says (clients/<id>.yaml): its name, its brand, whether its
report may quote the task ids it failed, and which index the comparison reads. The id is the
client's tenant id (warehouse/tenants.py). Validated with pydantic, unknown keys refused; reading
the files is delivery's job (reports/delivery/clients.py). Client files are not subscriber files:
no quarterly run reads them."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, PrivateAttr, field_validator

from reports.rendering import theme
from reports.subscriber import Branding, Contact, Strict, name, slug_id


class Client(Strict):
    id: str = Field(description="The client's tenant id, and the file's name")
    company: str = Field(description="The client's name, as printed on every page and slide")
    branding: Branding
    failure_examples: bool = Field(default=False, description="Whether the report may list task ids a candidate failed")
    failures_shown: int = Field(default=5, ge=1, le=20, description="Failed task ids listed per candidate and evaluation")
    evaluations: tuple[str, ...] = Field(default=(), description="The client's evaluations the report covers; all if empty")
    index_version: str | None = Field(default=None, description="Intelligence Index version to compare with; latest if empty")
    formats: tuple[str, ...] = ("pdf", "pptx")
    contacts: tuple[Contact, ...] = ()
    _folder: Path = PrivateAttr(default=Path("."))

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        return slug_id(value, "a tenant id", "acme-insurance")

    @field_validator("company")
    @classmethod
    def _company(cls, value: str) -> str:
        return name(value)

    @field_validator("evaluations")
    @classmethod
    def _evaluations(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        for name in names:
            if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", name):
                raise ValueError(f"'{name}' is not an evaluation id: a lowercase slug, e.g. claims-triage")
        return names

    @field_validator("formats")
    @classmethod
    def _formats(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        wrong = [v for v in values if v not in ("pdf", "pptx")]
        if wrong:
            raise ValueError(f"format '{wrong[0]}' is not one the house renders; choose pdf, pptx or both")
        return values

    @property
    def logo_path(self) -> Path:
        return self._folder / self.branding.logo

    @property
    def brand(self) -> theme.Brand:
        b = self.branding
        return theme.Brand(primary=b.primary, accent=b.accent, font=b.font, logo=self.logo_path)

    @property
    def confidentiality(self) -> str:
        return f"Confidential — prepared for {self.company}. Seen by no other client of the house."
