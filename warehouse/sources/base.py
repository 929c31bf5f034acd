"""What a source adapter is, and the registry of them.

An adapter reads one outside source's own files, as they come, and returns its rows in the
house's native formats, except that a model is named as the source names it (`raw_name`, and
`effort` where the source says it). Identity resolution (warehouse/identity.py) turns raw names
into canonical models; validation and loading are the native formats' own.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from warehouse import textfiles
from warehouse.connection import threads
from warehouse.errors import FileFormatError, UnknownName
from warehouse.sql import quote_literal

EFFORT_SUFFIX = r"_(none|minimal|low|medium|high|xhigh|max|thinking|unknown|[0-9]+[kK])$"


@dataclass
class Extract:
    """What one read of a source gives."""

    version: str
    """The source's version: a git commit, a package version."""
    parts: dict[str, pd.DataFrame]
    """Rows per native kind (models, prices, aggregates, usage, runs, openness,
    developer-assessments); `raw_name` stands where the format has `model`."""
    creates_models: bool = True
    """Whether the source's catalogue rows may add canonical models (a catalogue), or only
    describe models already known (their other names are listed as unresolved)."""
    authoritative: bool = False
    """Whether the source's facts about a model (release date, size, creator) replace what the
    warehouse holds (Epoch AI's model versions), or only fill what it lacks (every other
    catalogue), so that the order sources load in does not decide a model's release date."""
    skipped: list[tuple[str, str, str, int]] = field(default_factory=list)
    """(kind, name, why, rows): rows deliberately not loaded, e.g. a benchmark the house does
    not track. Recorded with the batch, so nothing is dropped silently."""


@dataclass(frozen=True)
class SourceSpec:
    name: str
    """Name on the command line: benchhouse ingest source NAME PATH."""
    description: str
    licence: str
    attribution: str
    """The attribution the licence asks for, printed in reports and the NOTICE."""
    files: tuple[str, ...]
    """Files read, relative to PATH; a pattern ('tables/table_*.csv') names every file it matches,
    at least one."""
    read: Callable[[Path, "Context"], Extract]
    path_needed: bool = True
    """False for a source read from an installed package (PATH is ignored)."""
    max_shrink: float = 0.20
    """The largest share of its rows a new read of the source may lose against its last batch: a
    source that shrinks more is more likely cut short than pruned, and is refused unless
    --allow-shrink (sources grow; the demo's shrink by none)."""
    title: str | None = None
    """The source's name as reports print it; by default its description up to the first colon."""

    def input_files(self, path: Path | None) -> list[Path]:
        if not self.path_needed:
            return [Path(f) for f in self.files]
        if path is None:
            raise FileFormatError(f"source {self.name} needs PATH: the folder holding {', '.join(self.files)}")
        found, missing = [], []
        for name in self.files:
            matched = sorted(p for p in path.glob(name) if p.is_file()) if "*" in name else [path / name]
            found += [f for f in matched if f.is_file()]
            missing += [str(path / name)] if not matched or not all(f.is_file() for f in matched) else []
        if missing:
            raise FileFormatError(
                f"{path}: the {self.name} source needs {', '.join(self.files)}; missing: {', '.join(missing)}")
        return found


@dataclass(frozen=True)
class Context:
    """What an adapter may know of the warehouse: the canonical models already in it."""

    known_models: frozenset[str]
    creators: Mapping[str, str] = field(default_factory=dict)
    """Each known model's creator, so that a lab's price is matched only to the lab's own models."""


REGISTRY: dict[str, SourceSpec] = {}


def source(name: str, *, description: str, licence: str, attribution: str, files: Iterable[str],
           path_needed: bool = True, max_shrink: float = 0.20, title: str | None = None):
    """Register an adapter function under `name`; a second adapter of the same name is refused."""
    def register(read: Callable[[Path, Context], Extract]) -> Callable[[Path, Context], Extract]:
        if name in REGISTRY:
            raise ValueError(f"source adapter '{name}' is registered twice")
        named = title or (description.split(":", 1)[0] if ":" in description else name)
        REGISTRY[name] = SourceSpec(name, description, licence, attribution, tuple(files), read,
                                    path_needed, max_shrink, named)
        return read
    return register


def all_sources() -> list[SourceSpec]:
    import warehouse.sources.all  # noqa: F401  (registers the adapters)

    return sorted(REGISTRY.values(), key=lambda s: s.name)


def get(name: str) -> SourceSpec:
    import warehouse.sources.all  # noqa: F401  (registers the adapters)

    try:
        return REGISTRY[name]
    except KeyError:
        close = difflib.get_close_matches(name, REGISTRY, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise UnknownName(f"no source adapter named '{name}'.{hint} "
                          "List them with `benchhouse ingest source --list`.") from None


def read_csv(path: Path, columns: Iterable[str], **options) -> pd.DataFrame:
    """A source CSV with the columns the adapter relies on, read strictly: a truncated or
    malformed file raises an error naming it, and nothing is loaded."""
    wanted = list(columns)
    try:
        con = duckdb.connect(config=threads())
        relation = con.sql(
            # The dialect is stated, not sniffed: a sniffer guesses wrong on a damaged file.
            f"SELECT * FROM read_csv({quote_literal(str(path))}, header = true, strict_mode = true, "
            "delim = ',', quote = '\"', escape = '\"', skip = 0"
            + "".join(f", {k} = {v}" for k, v in options.items()) + ")")
        found = relation.columns
        missing = [c for c in wanted if c not in found]
        if missing:
            raise FileFormatError(
                f"{path}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
                "is this the right file, or has the source changed its format?")
        frame = relation.df()
    except duckdb.Error as exc:
        problem = textfiles.csv_problem(path)
        if problem:
            line, _, what = problem.partition(": ")
            raise FileFormatError(f"{path}, {line}: {what}; the file may be truncated or malformed") from None
        raise FileFormatError(f"{path}: cannot be read as CSV ({str(exc).strip().splitlines()[0]}); "
                              "the file may be truncated or malformed") from None
    if frame.empty:
        raise FileFormatError(f"{path}: the file has no rows")
    with open(path, "rb") as handle:
        lines = sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
    # A quoted value may span lines: then each record's line is counted from the file.
    starts = range(2, len(frame) + 2) if lines in (len(frame) + 1, len(frame)) else textfiles.csv_record_lines(path)
    if len(starts) != len(frame):
        starts = range(2, len(frame) + 2)
    frame["_ref"] = [f"{path.name} line {i}" for i in starts]
    return frame


def split_effort(names: pd.Series) -> tuple[pd.Series, pd.Series]:
    """('o3-2025-04-16_high' -> 'o3-2025-04-16', 'high'), ('claude-..._16K' -> ..., 'budget-16k'):
    the effort suffix some sources put on a model's name. '_unknown' means the default."""
    names = names.astype("string")
    suffix = names.str.extract(EFFORT_SUFFIX, expand=False).str.lower()
    effort = suffix.where(~suffix.str.fullmatch(r"[0-9]+k", na=False), "budget-" + suffix)
    effort = effort.replace({"unknown": "default"})
    return names.str.replace(EFFORT_SUFFIX, "", regex=True), effort
