"""A private-benchmark client, as its file says (clients/<id>.yaml): its name, its brand, whether its
report may quote the task ids it failed, and which index the comparison reads. The id is the
client's tenant id (warehouse/tenants.py). Validated with pydantic, unknown keys refused; reading
the files is delivery's job (reports/delivery/clients.py). Client files are not subscriber files:
no quarterly run reads them."""

from __future__ import annotations

import re
from typing import ClassVar

from pydantic import Field, field_validator

from reports.customer import Customer


class Client(Customer):
    """A private client's file: besides what every customer file holds (reports/customer.py, its id
    being the client's tenant id), what its private report may show and compare."""

    ID_IS: ClassVar[str] = "a tenant id"
    ID_EXAMPLE: ClassVar[str] = "acme-insurance"

    failure_examples: bool = Field(
        default=False, description="whether the report may list the task ids a candidate never solved")
    failures_shown: int = Field(default=5, ge=1, le=20,
                                description="task ids listed per candidate and evaluation (1 to 20)")
    evaluations: tuple[str, ...] = Field(
        default=(), description="the client's evaluations the report covers, all when none; `--eval` overrides")
    index_version: str | None = Field(default=None, description=(
        "the Intelligence Index version the ranking is compared with; the latest published by the period's end "
        "otherwise"))

    @field_validator("evaluations")
    @classmethod
    def _evaluations(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        for name in names:
            if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", name):
                raise ValueError(f"'{name}' is not an evaluation id: a lowercase slug, e.g. claims-triage")
        return names

    @property
    def confidentiality(self) -> str:
        return f"Confidential — prepared for {self.company}. Seen by no other client of the house."
