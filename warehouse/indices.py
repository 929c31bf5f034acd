"""Index versions and the house's other methodological choices, as data (warehouse/indices/*.yaml).

Each file is validated (pydantic, unknown keys refused) and loaded in one transaction. A published
index version is immutable: loading a file whose version is already in the warehouse with another
definition is refused. Thresholds, price origins and report policies (what each report shows, by index version) are
policy, replaced whole when they change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from warehouse import sql
from warehouse.errors import BenchhouseError, did_you_mean

FOLDER = Path(__file__).resolve().parent / "indices"


class IndexVersionChanged(BenchhouseError):
    """A published index version loaded again with another definition."""


class Strict(BaseModel):
    # NaN and infinity parse as floats; a weight or threshold of either would reach every figure.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class IndexEvaluation(Strict):
    evaluation: str
    category: str
    weight: float
    transform: str = "percent"
    transform_min: float | None = None
    transform_max: float | None = None

    @model_validator(mode="after")
    def _transform(self):
        if self.transform not in ("percent", "linear"):
            raise ValueError(f"transform '{self.transform}' is not known: use percent or linear")
        if self.transform == "linear" and (self.transform_min is None or self.transform_max is None
                                           or self.transform_max <= self.transform_min):
            raise ValueError("a linear transform needs transform_min < transform_max")
        return self


class Component(Strict):
    component: str
    pillar: str
    name: str
    levels: tuple[str, str, str, str]


class Mapping(Strict):
    framework: str
    criterion: str
    component: str
    levels: dict[str, float]

    @field_validator("levels")
    @classmethod
    def _range(cls, levels):
        bad = {k: v for k, v in levels.items() if not 0 <= v <= 3}
        if bad:
            raise ValueError(f"levels must be between 0 and 3, found {bad}")
        return levels


class IndexVersion(Strict):
    index: str
    version: str
    kind: str
    name: str
    published_at: date
    description: str = ""
    evaluations: tuple[IndexEvaluation, ...] = ()
    components: tuple[Component, ...] = ()
    mappings: tuple[Mapping, ...] = ()

    @model_validator(mode="after")
    def _consistent(self):
        if self.kind == "intelligence":
            if not self.evaluations:
                raise ValueError("an intelligence index needs evaluations")
            total = sum(e.weight for e in self.evaluations)
            if abs(total - 1) > 1e-9:
                raise ValueError(f"weights must sum to 1, they sum to {total:.6f}")
        elif self.kind == "openness":
            names = [c.component for c in self.components]
            unknown = sorted({m.component for m in self.mappings} - set(names))
            if unknown:
                raise ValueError(f"mappings feed unknown components {unknown}; the components are {names}")
        else:
            raise ValueError(f"kind '{self.kind}' is not known: use intelligence or openness")
        return self

    def sha256(self) -> str:
        return hashlib.sha256(json.dumps(self.model_dump(mode="json"), sort_keys=True).encode()).hexdigest()


class Threshold(Strict):
    threshold: str
    label: str
    evaluation: str
    min_score: float
    reference_model: str | None = None


class Thresholds(Strict):
    thresholds: tuple[Threshold, ...]


class Origin(Strict):
    origin: str
    precedence: int
    why: str


class Origins(Strict):
    origins: tuple[Origin, ...]


class OpennessPin(Strict):
    index: str
    version: str
    recent_months: int
    known_creators: tuple[str, ...] = ()


class Policy(Strict):
    index: str
    version: str
    tiers: tuple[float, ...]
    smile_threshold: str
    openness: OpennessPin

    @field_validator("tiers")
    @classmethod
    def _levels(cls, tiers):
        if any(not 0 <= t <= 100 for t in tiers) or list(tiers) != sorted(set(tiers)):
            raise ValueError(f"tiers must be distinct levels from 0 to 100, in increasing order; found {list(tiers)}")
        return tiers


class Policies(Strict):
    openness_defaults: dict | None = None  # a YAML anchor the policies refer to
    policies: tuple[Policy, ...]


@dataclass(frozen=True)
class Indices:
    """Everything warehouse/indices holds: index versions (with their files) and the policies."""

    versions: list[tuple[Path, IndexVersion]]
    thresholds: Thresholds
    origins: Origins
    policies: Policies


def read(folder: Path = FOLDER) -> Indices:
    versions, thresholds, origins, policies = [], None, None, None
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text())
            if "thresholds" in data:
                thresholds = Thresholds(**data)
            elif "origins" in data:
                origins = Origins(**data)
            elif "policies" in data:
                policies = Policies(**data)
            else:
                versions.append((path, IndexVersion(**data)))
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(p) for p in problem["loc"]) or "(top)"
            raise BenchhouseError(f"{path}: {where}: {problem['msg']}") from None
        except yaml.YAMLError as exc:
            raise BenchhouseError(f"{path}: not valid YAML: {exc}") from None
    if thresholds is None or origins is None or policies is None:
        raise BenchhouseError(f"{folder}: needs a thresholds file, a price origins file and a report policy "
                              "file (see warehouse/indices)")
    return Indices(versions, thresholds, origins, policies)


def load(con: duckdb.DuckDBPyConnection, folder: Path, batch_id: int) -> list[str]:
    """Insert the versions this warehouse lacks and replace the policies, inside the caller's
    transaction; return the versions added. Refuses a changed published version."""
    found = read(folder)
    versions, thresholds, origins = found.versions, found.thresholds, found.origins
    known_evaluations = [r[0] for r in con.execute("SELECT evaluation FROM evaluations").fetchall()]
    published = {(i, v): h for i, v, h in con.execute(
        "SELECT index_id, version, content_sha256 FROM index_versions").fetchall()}
    added = []
    for path, version in versions:
        key = (version.index, version.version)
        for evaluation in [e.evaluation for e in version.evaluations]:
            if evaluation not in known_evaluations:
                raise BenchhouseError(f"{path}: evaluation '{evaluation}' is not in the warehouse."
                                      + did_you_mean(evaluation, known_evaluations))
        if key in published:
            if published[key] != version.sha256():
                raise IndexVersionChanged(
                    f"{path}: {version.index} v{version.version} was published with another definition, "
                    "and a published version never changes; put the new definition in a new version "
                    f"(e.g. version \"{_next(version.version)}\" in a new file) and restore this one")
            continue
        _insert_version(con, version, batch_id)
        added.append(f"{version.index} v{version.version}")
    for threshold in thresholds.thresholds:
        if threshold.evaluation not in known_evaluations:
            raise BenchhouseError(f"{folder}: threshold '{threshold.threshold}' names evaluation "
                                  f"'{threshold.evaluation}', not in the warehouse."
                                  + did_you_mean(threshold.evaluation, known_evaluations))
    con.execute("DELETE FROM intelligence_thresholds")
    sql.insert_rows(con, "INSERT INTO intelligence_thresholds",
                    [(t.threshold, t.label, t.evaluation, t.min_score, t.reference_model, batch_id)
                     for t in thresholds.thresholds])
    con.execute("DELETE FROM price_origins")
    sql.insert_rows(con, "INSERT INTO price_origins",
                    [(o.origin, o.precedence, o.why, batch_id) for o in origins.origins])
    _load_policies(con, folder, found.policies, {t.threshold for t in thresholds.thresholds}, batch_id)
    return added


def _load_policies(con: duckdb.DuckDBPyConnection, folder: Path, policies: Policies, thresholds: set[str],
                   batch_id: int) -> None:
    """Replace the report policies; each must name a published index version and a threshold."""
    published = {(i, v): k for i, v, k in con.execute("SELECT index_id, version, kind FROM index_versions").fetchall()}
    for p in policies.policies:
        where = f"{folder}: policy for {p.index} v{p.version}"
        if published.get((p.index, p.version)) != "intelligence":
            raise BenchhouseError(f"{where}: no intelligence index {p.index} v{p.version} is published; "
                                  "name one of " + ", ".join(f"{i} v{v}" for (i, v), k in published.items()
                                                             if k == "intelligence"))
        if published.get((p.openness.index, p.openness.version)) != "openness":
            raise BenchhouseError(f"{where}: openness {p.openness.index} v{p.openness.version} is not published")
        if p.smile_threshold not in thresholds:
            raise BenchhouseError(f"{where}: smile_threshold '{p.smile_threshold}' is not a threshold."
                                  + did_you_mean(p.smile_threshold, thresholds))
    con.execute("DELETE FROM report_policies")
    sql.insert_rows(con, "INSERT INTO report_policies",
                    [(p.index, p.version, p.smile_threshold, p.openness.index, p.openness.version, batch_id,
                     p.openness.recent_months) for p in policies.policies])
    con.execute("DELETE FROM openness_known_creators")
    sql.insert_rows(con, "INSERT INTO openness_known_creators",
                    [(p.index, p.version, c, batch_id) for p in policies.policies for c in p.openness.known_creators])
    con.execute("DELETE FROM intelligence_tiers")
    sql.insert_rows(con, "INSERT INTO intelligence_tiers",
                    [(p.index, p.version, tier, batch_id) for p in policies.policies for tier in p.tiers])


def _next(version: str) -> str:
    return str(int(version) + 1) if version.isdigit() else version + ".1"


def _insert_version(con: duckdb.DuckDBPyConnection, v: IndexVersion, batch_id: int) -> None:
    con.execute("INSERT INTO index_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [v.index, v.version, v.name, v.kind, v.published_at, v.description, v.sha256(), batch_id])
    sql.insert_rows(con, "INSERT INTO index_evaluations",
                    [(v.index, v.version, e.evaluation, e.category, e.weight, e.transform,
                      e.transform_min, e.transform_max) for e in v.evaluations])
    sql.insert_rows(con, "INSERT INTO openness_components",
                    [(v.index, v.version, c.component, c.pillar, i + 1, c.name, *c.levels)
                     for i, c in enumerate(v.components)])
    sql.insert_rows(con, "INSERT INTO openness_mappings",
                    [(v.index, v.version, m.framework, m.criterion, m.component, found, level)
                     for m in v.mappings for found, level in m.levels.items()])
