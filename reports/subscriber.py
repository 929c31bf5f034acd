"""A subscribing company, as its file says (subscribers/<id>.yaml): what every customer file holds
(reports/customer.py: its name, brand, formats, contacts), what it is entitled to, its focus models,
where its deliverables go and its workload. Validated with pydantic, unknown keys refused;
reading the files and checking them against the reports and the warehouse is delivery's job
(reports/delivery/subscribers.py)."""

from __future__ import annotations

import math
import re
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from reports.customer import SLUG, Customer, Strict, text
from warehouse.errors import did_you_mean
from warehouse.formats import MODALITIES

MAX_DELIVERY = 100


def volume(value: object) -> float:
    """A volume of a workload: a finite number of 0 or more (YAML's .nan and .inf, a negative
    number, true or false are refused)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValueError(f"{value!r} is not a volume: write a finite number of 0 or more, e.g. 1500000")
    return float(value)


class TokensPerRequest(Strict):
    input: float = Field(description="input (prompt) tokens a request: a finite number of 0 or more")
    output: float = Field(description="output tokens a request, reasoning included: a finite number of 0 or more")

    @field_validator("input", "output", mode="before")
    @classmethod
    def _volume(cls, value: object) -> float:
        return volume(value)


class Workload(Strict):
    """What the subscriber runs, for the reports' monthly costs."""

    requests_per_month: float = Field(description=(
        "requests a month: a finite number of 0 or more (NaN, infinity, negatives, true/false and quoted numbers "
        "are refused)"))
    tokens_per_request: TokensPerRequest
    description: str | None = Field(default=None, description="what the workload is, in a few words")

    @field_validator("description")
    @classmethod
    def _description(cls, value: str | None) -> str | None:
        return None if value is None else text(value)

    @field_validator("requests_per_month", mode="before")
    @classmethod
    def _volume(cls, value: object) -> float:
        return volume(value)


Modality = Literal[MODALITIES]
"""What a model reads or generates, as model_modality states it (warehouse/formats.py: MODALITIES)."""
GEOGRAPHY_NAMES = {"us": "the US", "us-gov": "the US government regions", "canada": "Canada",
                   "south-america": "South America", "europe": "Europe", "middle-east": "the Middle East",
                   "africa": "Africa", "asia-pacific": "Asia-Pacific"}
"""Each geography a substitute may be asked to be served in (warehouse/formats.py: GEOGRAPHIES, without `global`:
requests routed to any region are kept in none), as a page names it."""
Geography = Literal[tuple(GEOGRAPHY_NAMES)]
CREATOR_ID = re.compile(r"[a-z0-9]+([._-][a-z0-9]+)*")
"""A creator's id as the warehouse keys it ('openai', 'z.ai-zhipu-ai')."""


class Substitutes(Strict):
    """What a cheaper model suggested in place of a focus model must offer besides the score: the
    reports suggest none that fails it."""

    open_weights: bool = Field(default=False, description=(
        "only models whose weights can be downloaded (to serve them yourself), as the sources state it"))
    min_context_window: int | None = Field(default=None, description=(
        "only models with at least this many tokens of context, as the sources state it (a model whose "
        "context window no source states is not suggested): a whole number of 1 or more, e.g. 128000"))

    exclude_creators: tuple[str, ...] = Field(default=(), description=(
        "only models made by none of these creators, by their ids in the warehouse (`benchhouse sql \"SELECT "
        "creator, name FROM creators\"`), e.g. [deepseek, alibaba]; an id the warehouse does not hold stops this "
        "subscriber's reports with its name (a model whose creator no source states is not suggested)"))
    input_modalities: tuple[Modality, ...] = Field(default=(), description=(
        "only models that read at least these, as the sources state it: any of text, image, audio, video, pdf "
        "(a model whose inputs no source states is not suggested)"))
    output_modalities: tuple[Modality, ...] = Field(default=(), description=(
        "only models that generate at least these, as the sources state it: any of text, image, audio, video, pdf"))

    served_in: tuple[Geography, ...] = Field(default=(), description=(
        "only models a provider is stated to serve in at least one of these geographies and has not stopped "
        "serving: any of us, us-gov, canada, south-america, europe, middle-east, africa, asia-pacific, as the "
        "provider places its region (LiteLLM's price map: Bedrock's regions and inference profiles, Azure's data "
        "zones, Vertex AI's regions); a provider routing requests to any region (global) serves in none, and a "
        "model whose regions no source states is not suggested"))
    min_category: dict[str, float] = Field(default_factory=dict, description=(
        "only models that score at least this (0 to 100) on each of these categories of the index's evaluations "
        "(`benchhouse sql \"SELECT DISTINCT category FROM index_evaluations\"`), e.g. {coding: 60}: a category's "
        "score is the weighted mean of its evaluations' scores, and a model not scored on all of them is not "
        "suggested; a category the index version lacks stops this subscriber's reports with its name"))

    @field_validator("min_category", mode="before")
    @classmethod
    def _minimums(cls, value: object) -> dict[str, float]:
        if not isinstance(value, dict) or not all(
                isinstance(k, str) and k.strip() and not isinstance(v, bool) and isinstance(v, (int, float))
                and math.isfinite(v) and 0 <= v <= 100 for k, v in value.items()):
            raise ValueError(f"{value!r} is not a minimum score by category: write e.g. {{coding: 60}} (a score from "
                             "0 to 100 for each category)")
        return {k.strip(): float(v) for k, v in value.items()}

    @field_validator("served_in", mode="before")
    @classmethod
    def _geographies(cls, value: object) -> tuple[str, ...]:
        values = (value,) if isinstance(value, str) else value
        if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) and v in GEOGRAPHY_NAMES for v in values):
            raise ValueError(f"{value!r} is not a list of geographies: write e.g. [europe], from "
                             f"{', '.join(GEOGRAPHY_NAMES)}")
        return tuple(dict.fromkeys(values))

    @field_validator("exclude_creators", mode="before")
    @classmethod
    def _creators(cls, value: object) -> tuple[str, ...]:
        values = (value,) if isinstance(value, str) else value
        if not isinstance(values, (list, tuple)) or not all(
                isinstance(v, str) and CREATOR_ID.fullmatch(v) for v in values):
            raise ValueError(f"{value!r} is not a list of creator ids: write e.g. [deepseek, alibaba] (lowercase ids "
                             "as the warehouse's creators table holds them)")
        return tuple(dict.fromkeys(values))

    @field_validator("min_context_window", mode="before")
    @classmethod
    def _tokens(cls, value: object) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{value!r} is not a number of tokens: write a whole number of 1 or more, e.g. 128000")
        return value

    def said(self, creator_names: dict[str, str] | None = None) -> str | None:
        """The constraints in words, for the page that applies them (creators by the names `creator_names`
        gives, their ids otherwise); None when there are none."""
        names = creator_names or {}
        asked = (["open weights"] if self.open_weights else []) + (
            [f"a context window of at least {self.min_context_window:,} tokens"] if self.min_context_window else []) + (
            [f"input of {' and '.join(self.input_modalities)}"] if self.input_modalities else []) + (
            [f"output of {' and '.join(self.output_modalities)}"] if self.output_modalities else []) + (
            [f"a creator other than {' or '.join(names.get(c, c) for c in self.exclude_creators)}"]
            if self.exclude_creators else []) + (
            [f"a provider serving them in {' or '.join(GEOGRAPHY_NAMES[g] for g in self.served_in)}"]
            if self.served_in else []) + [
            f"at least {score:g} on the index's {category} evaluations" for category, score in self.min_category.items()]
        if len(asked) > 2:
            return ", ".join(asked[:-1]) + ", and " + asked[-1]
        return " and ".join(asked) or None


class Subscriber(Customer):
    """A subscribing company's file: besides what every customer file holds (reports/customer.py),
    what it is entitled to, its focus models, where its deliverables go and its workload."""

    active: bool = Field(default=True, description="inactive subscribers are skipped by the quarterly run")
    tier: Literal["standard", "professional", "enterprise"] = Field(
        description="`standard`, `professional` or `enterprise`")
    reports: tuple[str, ...] = Field(description="the reports it is entitled to, by name (`benchhouse report list`)")
    focus_models: tuple[str, ...] = Field(
        default=(), description="canonical model ids highlighted in every chart and table")
    index_version: str | None = Field(
        default=None, description="pin an Intelligence Index version; the latest published by the period's end otherwise")
    delivery: str = Field(description=(
        f"folder under the run's output where the deliverables go: a slug (lowercase letters, digits and hyphens, at "
        f"most {MAX_DELIVERY}), so never a name the run writes itself (`manifest.json`), and no other subscriber's"))
    workload: Workload | None = Field(default=None, description=(
        "what the subscriber runs: its month at each focus model's and each cheaper alternative's list prices "
        "(cost to run, the smile curve), and at each provider and dedicated system (model deployment); without "
        "it, those reports say how to add one, and model deployment gives break-even volumes but no monthly cost"))

    substitutes: Substitutes = Field(default_factory=Substitutes, description=(
        "what a cheaper model suggested in place of a focus model must offer: `open_weights: true`, "
        "`min_context_window: TOKENS`, `exclude_creators: [IDS]`, `input_modalities: [...]`, "
        "`output_modalities: [...]`, `min_category: {CATEGORY: SCORE}`; the reports suggest none that fails it"))

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
