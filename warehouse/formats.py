"""The house's native ingest formats: their columns, types and rules, as data.

Validation SQL is generated from these specs (warehouse/validate.py); the README's format
reference is checked against them by a test, so the two cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from warehouse.errors import UnknownName, did_you_mean
from warehouse.sql import quote_literal

SLUG = r"[a-z0-9][a-z0-9._-]*"
EFFORTS = ("default", "none", "minimal", "low", "medium", "high", "xhigh", "max", "thinking")
BUDGET = r"budget-[0-9]+k"  # a thinking budget in thousands of tokens, e.g. budget-16k
DATE_BASES = ("effective", "recorded", "undated")
LIFECYCLE_BASES = ("stated", "seen-by")
TOKEN_TYPES = ("input", "cached_input", "cache_write", "output", "reasoning")
PRICE_TIERS = ("off-peak", "peak", "batch", "flex", "priority", "fast", "long-context")
HOUSE_FRAMEWORK = "openness-index"
HOUSE_COMPONENTS = ("weights_access", "weights_licence", "data_access", "data_licence",
                    "methodology", "training_code")
STATISTICS = ("median", "mean", "p5", "p10", "p25", "p75", "p90", "p95", "p99", "min", "max", "point")
COST_BASES = ("rent", "owner")
PROVENANCES = ("measured", "claimed", "generated")
MODALITIES = ("text", "image", "audio", "video", "pdf")
DIRECTIONS = ("input", "output")
# Where a provider serves a model, by geography: the provider's region or zone (AWS's eu-central-1,
# Bedrock's eu. profile, Azure's EU data zone, Vertex AI's europe-west1) mapped to the part of the world it
# is in, as the provider names it (AWS's eu- regions include London and Zurich). `global` is a provider
# routing requests to any of its regions: it keeps them in no one geography.
GEOGRAPHIES = ("us", "us-gov", "canada", "south-america", "europe", "middle-east", "africa", "asia-pacific",
               "global")


@dataclass(frozen=True)
class Column:
    """One column of a native format."""

    name: str
    type: str
    """DuckDB type the value must cast to: VARCHAR, DOUBLE, BIGINT, INTEGER, DATE, TIMESTAMP, BOOLEAN."""
    doc: str
    required: bool = True
    """A required column must be present in the file and non-empty on every row."""
    rule: str | None = None
    """SQL predicate over the typed value `{v}`; a row breaks the rule when it is false."""
    expected: str = ""
    """What the rule expects, in words, shown when it is broken."""
    references: str | None = None
    """Table whose key this column must name (models or evaluations); unknown names are refused."""
    default: str | None = None
    """SQL literal used when the column is absent or the value empty (optional columns only)."""

    def rule_sql(self, value_sql: str) -> str | None:
        return None if self.rule is None else "(" + self.rule.replace("{v}", value_sql) + ")"

    @property
    def type_rule(self) -> "TypeRule | None":
        """The rule every value of this column's type meets, whatever the column (TYPE_RULES)."""
        return TYPE_RULES.get(self.type)


@dataclass(frozen=True)
class TypeRule:
    """A rule every column of one type meets, checked before the column's own rule: a value that
    casts to the type but cannot be what a file of the house means (NaN, infinity, a date in
    another millennium, a control character in a name) is refused here, once for every format."""

    check: str
    """SQL predicate over the typed value `{v}`."""
    expected: str

    def sql(self, value_sql: str) -> str:
        return "(" + self.check.replace("{v}", value_sql) + ")"


# Plausible dates for anything the house records (a release, a price, a run, an assessment): a date
# outside them is a slip (a BC year, a sentinel such as 9999-12-31), and dates beyond what Python's
# date holds crash every reader of the row.
PLAUSIBLE_DATES = ("1990-01-01", "2100-12-31")
TEXT_LENGTH = 2_000  # characters in any text value; a longer one is not a name, a note or an id
NAME_LENGTH = 200  # characters in a name printed on a cover, a table or a slide
# Control characters (tab, line feed and carriage return aside), C1 controls and the bidirectional
# overrides that make printed text read differently from what is stored.
CONTROL_CHARACTERS = r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\x{80}-\x{9F}\x{202A}-\x{202E}\x{2066}-\x{2069}]"
TYPE_RULES: dict[str, TypeRule] = {
    "DOUBLE": TypeRule("isfinite({v})", "a finite number (not NaN, not infinity)"),
    "DATE": TypeRule(f"{{v}} BETWEEN DATE '{PLAUSIBLE_DATES[0]}' AND DATE '{PLAUSIBLE_DATES[1]}'",
                     f"a date from {PLAUSIBLE_DATES[0]} to {PLAUSIBLE_DATES[1]}"),
    "TIMESTAMP": TypeRule(f"{{v}} >= TIMESTAMP '{PLAUSIBLE_DATES[0]}' "
                          f"AND {{v}} < TIMESTAMP '{PLAUSIBLE_DATES[1]}' + INTERVAL 1 DAY",
                          f"a time from {PLAUSIBLE_DATES[0]} to {PLAUSIBLE_DATES[1]}"),
    "VARCHAR": TypeRule(f"length({{v}}) <= {TEXT_LENGTH} AND NOT regexp_matches({{v}}, '{CONTROL_CHARACTERS}')",
                        f"text of at most {TEXT_LENGTH:,} characters without control characters"),
}


def name(name_: str, doc: str, **kwargs) -> Column:
    """A name printed in reports: on one line, at most NAME_LENGTH characters."""
    return Column(name_, "VARCHAR", doc, rule=f"length({{v}}) <= {NAME_LENGTH} AND NOT regexp_matches({{v}}, '[\\t\\n\\r]')",
                  expected=f"a name on one line of at most {NAME_LENGTH} characters", **kwargs)


def slug(name: str, doc: str, example: str, **kwargs) -> Column:
    return Column(name, "VARCHAR", doc, rule=f"regexp_full_match({{v}}, '{SLUG}')",
                  expected=f"a lowercase slug (letters, digits, '.', '_', '-'), e.g. {example}",
                  **kwargs)


def one_of(name: str, values: tuple[str, ...], doc: str, **kwargs) -> Column:
    listed = ", ".join(quote_literal(v) for v in values)
    return Column(name, "VARCHAR", doc, rule=f"{{v}} IN ({listed})",
                  expected="one of " + ", ".join(values), **kwargs)


def effort(doc: str) -> Column:
    listed = ", ".join(quote_literal(v) for v in EFFORTS)
    return Column("effort", "VARCHAR", doc, required=False, default="'default'",
                  rule=f"({{v}} IN ({listed}) OR regexp_full_match({{v}}, '{BUDGET}'))",
                  expected="one of " + ", ".join(EFFORTS) + ", or a thinking budget like budget-16k")


def non_negative(name: str, type_: str, doc: str, **kwargs) -> Column:
    return Column(name, type_, doc, rule="{v} >= 0", expected="a number of 0 or more", **kwargs)


def volume(name: str, doc: str, **kwargs) -> Column:
    """A number of 0 or more (finite, as every DOUBLE: TYPE_RULES)."""
    return Column(name, "DOUBLE", doc, rule="{v} >= 0", expected="a finite number of 0 or more (not NaN, not infinity)",
                  **kwargs)


@dataclass(frozen=True)
class Range:
    """A plausible range for a measured quantity: a value outside it is a slip (a unit read as
    another, a sentinel such as 999), not a measurement. Kept here, as data, so that the rules
    and docs/formats.md say the same."""

    low: float
    high: float
    unit: str
    low_inclusive: bool = False

    def column(self, name: str, type_: str, doc: str, **kwargs) -> Column:
        above = ">=" if self.low_inclusive else ">"
        finite = ""  # a DOUBLE is finite by its type's rule (TYPE_RULES)
        words = "at least" if self.low_inclusive else "above"
        low, high = _number(self.low), _number(self.high)
        return Column(name, type_, doc, rule=f"{finite}{{v}} {above} {low} AND {{v}} <= {high}",
                      expected=f"a number {words} {low} and at most {self.high:,.0f} {self.unit}", **kwargs)


def _number(x: float) -> str:
    return str(int(x)) if x == int(x) else repr(x)


PLAUSIBLE = {
    "output_tokens_per_s": Range(0, 100_000, "tokens a second"),
    "system_tokens_per_s": Range(0, 100_000_000, "tokens a second"),
    "ttft_s": Range(0, 3_600, "seconds"),
    "e2e_s": Range(0, 14_400, "seconds"),
    "tpot_s": Range(0, 60, "seconds"),
    "prompt_tokens": Range(1, 10_000_000, "tokens", low_inclusive=True),
    "output_tokens": Range(1, 1_000_000, "tokens", low_inclusive=True),
    "concurrency": Range(1, 1_000_000, "requests at once", low_inclusive=True),
    "requests": Range(1, 100_000_000, "requests", low_inclusive=True),
    "accelerator_count": Range(1, 1_000_000, "accelerators", low_inclusive=True),
    "usd_per_hour": Range(0, 100_000, "US dollars an hour"),
}
MEASURED_DATES = ("2020-01-01", "2100-12-31")


def measured_date(name: str, doc: str, **kwargs) -> Column:
    first, last = MEASURED_DATES
    return Column(name, "DATE", doc, rule=f"{{v}} BETWEEN DATE '{first}' AND DATE '{last}'",
                  expected=f"a date from {first} to {last}", **kwargs)


def plausible(name: str, type_: str, doc: str, quantity: str | None = None, **kwargs) -> Column:
    return PLAUSIBLE[quantity or name].column(name, type_, doc, **kwargs)


@dataclass(frozen=True)
class RowRule:
    """A rule across columns of one row: `check` must hold, else `column` is blamed."""

    column: str
    check: str
    expected: str  # SQL expression giving the text shown


@dataclass(frozen=True)
class Format:
    kind: str
    doc: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    """Two rows of one file with the same key are duplicates."""
    row_rules: tuple[RowRule, ...] = field(default=())

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


MODELS = Format(
    kind="models",
    doc="Canonical models. A model already in the warehouse is replaced by the file's row.",
    key=("model",),
    columns=(
        slug("model", "canonical model id", "gpt-4o-2024-08-06"),
        slug("creator", "organisation that made it; registered on first sight", "openai"),
        name("display_name", "name shown in reports"),
        Column("release_date", "DATE", "first public availability, YYYY-MM-DD", required=False),
        non_negative("params_total_b", "DOUBLE", "total parameters, billions", required=False),
        non_negative("params_active_b", "DOUBLE", "active parameters per token, billions",
                     required=False),
        Column("open_weights", "BOOLEAN", "true when the weights can be downloaded", required=False),
        Column("reasoning", "BOOLEAN", "true when it reasons before answering (spends reasoning tokens) at "
               "its default setting", required=False),
        non_negative("context_window", "BIGINT", "context window, tokens (input and output together)",
                     required=False),
    ),
    row_rules=(
        RowRule("params_active_b", "params_active_b <= params_total_b",
                "'at most params_total_b (' || params_total_b || ')'"),
    ),
)

EVALUATIONS = Format(
    kind="evaluations",
    doc="Benchmarks. An evaluation already in the warehouse is replaced by the file's row.",
    key=("evaluation",),
    columns=(
        slug("evaluation", "evaluation id", "gpqa-diamond"),
        name("name", "display name"),
        slug("category", "index category it counts towards", "reasoning"),
        one_of("kind", ("single_turn", "agentic"), "single_turn or agentic"),
        Column("n_tasks", "BIGINT", "tasks in one pass", rule="{v} > 0", expected="a whole number above 0"),
        one_of("scoring", ("accuracy", "partial", "elo"), "how one task is scored"),
        Column("repeats", "INTEGER", "the house's repeats of every model on it (its protocol): a house score "
               "counts the first this many, and none before it has them all; empty: every repeat",
               required=False, rule="{v} > 0", expected="a whole number above 0"),
    ),
)

RUNS = Format(
    kind="runs",
    doc=("One row per task attempt. The rows sharing model, effort, provider, evaluation and repeat "
         "form one run, and agree on account, harness, prompt_version and temperature; a run already "
         "in the warehouse is refused (a new pass is a new repeat)."),
    key=("model", "effort", "provider", "evaluation", "repeat", "task_id"),
    columns=(
        Column("model", "VARCHAR", "canonical model id (ingest models first)", references="models"),
        effort("reasoning effort; empty means default"),
        slug("provider", "provider that served it; registered on first sight", "openai"),
        Column("evaluation", "VARCHAR", "evaluation id (ingest evaluations first)",
               references="evaluations"),
        Column("repeat", "INTEGER", "repeat number", rule="{v} >= 1", expected="a whole number of 1 or more"),
        Column("task_id", "VARCHAR", "task (question) id within the evaluation"),
        Column("score", "DOUBLE", "score of the attempt", rule="{v} BETWEEN 0 AND 1",
               expected="a number between 0 and 1"),
        non_negative("input_tokens", "BIGINT", "input tokens at the full price", required=False),
        non_negative("cached_input_tokens", "BIGINT", "input tokens read from cache", required=False),
        non_negative("cache_write_tokens", "BIGINT", "input tokens written to cache", required=False),
        non_negative("reasoning_tokens", "BIGINT", "reasoning tokens", required=False),
        non_negative("answer_tokens", "BIGINT", "answer tokens", required=False),
        Column("turns", "INTEGER", "agent turns", required=False, rule="{v} >= 1",
               expected="a whole number of 1 or more"),
        Column("solved", "BOOLEAN", "whether the task was solved", required=False),
        non_negative("tool_calls", "INTEGER", "tool calls the agent made", required=False),
        non_negative("latency_s", "DOUBLE", "seconds the attempt took", required=False),
        Column("started_at", "TIMESTAMP", "when the attempt started, ISO 8601 (UTC unless an offset is given)",
               required=False),
        one_of("account", ("lab_supplied", "anonymous"), "kind of account that ran it"),
        Column("harness", "VARCHAR", "harness and version (same for every row of a run)", required=False),
        Column("prompt_version", "VARCHAR", "prompt set version (same for every row of a run)",
               required=False),
        non_negative("temperature", "DOUBLE", "sampling temperature (same for every row of a run)",
                     required=False),
    ),
)

PRICES = Format(
    kind="prices",
    doc=("Prices per million tokens over [valid_from, valid_to). Periods of one model, provider and "
         "token type never overlap, in the file or with the warehouse; an open period (empty valid_to) "
         "is closed by the next later price of the same model, provider and token type."),
    key=("model", "provider", "token_type", "valid_from"),
    columns=(
        Column("model", "VARCHAR", "canonical model id (ingest models first)", references="models"),
        slug("provider", "provider selling it; registered on first sight", "openai"),
        one_of("token_type", TOKEN_TYPES, "which tokens the price is for"),
        non_negative("usd_per_mtok", "DOUBLE", "US dollars per million tokens"),
        Column("valid_from", "DATE", "first day the price applies"),
        Column("valid_to", "DATE", "first day it no longer applies; empty while current", required=False),
        Column("source", "VARCHAR", "where the price was read"),
        one_of("date_basis", DATE_BASES, "what valid_from means: the vendor's effective date, the "
               "date a catalogue recorded the price, or undated (a price the source gives without a "
               "date: known to hold when the source was read, not since when); empty means effective",
               required=False, default="'effective'"),
    ),
    row_rules=(
        RowRule("valid_to", "valid_to > valid_from", "'a date after valid_from (' || valid_from || ')'"),
    ),
)

TIERS = Format(
    kind="price-tiers",
    doc=("Prices that are not the standard rate (the table prices): a time-of-day rate, a batch, flex or "
         "priority offer, a long-context tier, each over [valid_from, valid_to). Stored as provenance, "
         "never read as a model's price."),
    key=("model", "provider", "token_type", "tier", "detail", "valid_from"),
    columns=(
        Column("model", "VARCHAR", "canonical model id (ingest models first)", references="models"),
        slug("provider", "provider selling it; registered on first sight", "deepseek"),
        one_of("token_type", TOKEN_TYPES, "which tokens the price is for"),
        one_of("tier", PRICE_TIERS, "off-peak or peak (time of day), batch, flex, priority, fast (other offers), "
               "long-context (above a prompt length)"),
        non_negative("usd_per_mtok", "DOUBLE", "US dollars per million tokens"),
        Column("valid_from", "DATE", "first day the price applies"),
        Column("valid_to", "DATE", "first day it no longer applies; empty while current", required=False),
        Column("detail", "VARCHAR", "when it applies, as the source says (hours in UTC, a prompt length)",
               required=False),
        Column("source", "VARCHAR", "where the price was read"),
        one_of("date_basis", DATE_BASES, "as for prices; empty means effective", required=False,
               default="'effective'"),
    ),
    row_rules=(
        RowRule("valid_to", "valid_to > valid_from", "'a date after valid_from (' || valid_from || ')'"),
    ),
)

OPENNESS = Format(
    kind="openness",
    doc=(f"Openness assessments. Under the house framework '{HOUSE_FRAMEWORK}', component is one of "
         f"{', '.join(HOUSE_COMPONENTS)} and level is 0 to 3."),
    key=("model", "framework", "component", "assessed_at"),
    columns=(
        Column("model", "VARCHAR", "canonical model id (ingest models first)", references="models"),
        slug("framework", f"{HOUSE_FRAMEWORK} (the house's) or an outside framework", HOUSE_FRAMEWORK),
        Column("component", "VARCHAR", "component or criterion assessed"),
        Column("level", "VARCHAR", "level as the framework writes it"),
        Column("evidence_url", "VARCHAR", "where the evidence can be read", required=False,
               rule="regexp_matches({v}, '^https?://')", expected="a URL starting with http:// or https://"),
        Column("assessed_at", "DATE", "date of the assessment"),
        Column("note", "VARCHAR", "what the level rests on, e.g. a licence", required=False),
    ),
    row_rules=(
        RowRule("component",
                f"framework <> '{HOUSE_FRAMEWORK}' OR component IN "
                f"({', '.join(quote_literal(c) for c in HOUSE_COMPONENTS)})",
                quote_literal(f"one of {', '.join(HOUSE_COMPONENTS)} under {HOUSE_FRAMEWORK}")),
        RowRule("level", f"framework <> '{HOUSE_FRAMEWORK}' OR level IN ('0', '1', '2', '3')",
                quote_literal(f"0, 1, 2 or 3 under {HOUSE_FRAMEWORK}")),
    ),
)

AGGREGATES = Format(
    kind="aggregates",
    doc=("Scores published by an outside source when no per-task results exist: a mean with its "
         "standard error, per model variant, evaluation and metric, and who stands behind it (a lab's "
         "claim about its own model is kept apart from a measurement)."),
    key=("source", "run_ref", "model", "effort", "evaluation", "metric"),
    columns=(
        slug("source", "who published it", "epoch-hub"),
        Column("model", "VARCHAR", "canonical model id", references="models"),
        effort("reasoning effort; empty means default"),
        Column("evaluation", "VARCHAR", "evaluation id", references="evaluations"),
        slug("metric", "what the mean measures: accuracy, pass^2, pass@2, eci, ...", "accuracy"),
        Column("mean", "DOUBLE", "the published value (a fraction in [0, 1] for scores)"),
        non_negative("std_error", "DOUBLE", "standard error of the mean", required=False),
        Column("n", "BIGINT", "samples behind the mean", required=False, rule="{v} > 0",
               expected="a whole number above 0"),
        Column("measured_at", "DATE", "date of the run or publication", required=False),
        Column("run_ref", "VARCHAR", "the source's identifier of the run", required=False,
               default="''"),
        one_of("provenance", PROVENANCES, "who stands behind the score: measured (the source or another "
               "party ran the model), claimed (the model's own lab reported it; not independently "
               "verified) or generated (demo data); empty means measured", required=False,
               default="'measured'"),
    ),
    row_rules=(
        RowRule("mean", "metric = 'eci' OR mean BETWEEN 0 AND 1", "'a fraction between 0 and 1'"),
    ),
)

USAGE = Format(
    kind="usage",
    doc="Tokens and cost an outside source published for a run of an evaluation.",
    key=("source", "run_ref", "model", "effort", "evaluation"),
    columns=(
        slug("source", "who published it", "aider"),
        Column("model", "VARCHAR", "canonical model id", references="models"),
        effort("reasoning effort; empty means default"),
        Column("evaluation", "VARCHAR", "evaluation id", references="evaluations"),
        Column("samples", "BIGINT", "task attempts behind the totals", required=False,
               rule="{v} > 0", expected="a whole number above 0"),
        Column("repeats", "INTEGER", "repeats of the evaluation", required=False, rule="{v} > 0",
               expected="a whole number above 0"),
        non_negative("input_tokens", "BIGINT", "input tokens of the run", required=False),
        non_negative("output_tokens", "BIGINT", "output tokens of the run", required=False),
        non_negative("reasoning_tokens", "BIGINT", "reasoning tokens, when given apart", required=False),
        non_negative("cost_usd", "DOUBLE", "cost of the run in US dollars", required=False),
        non_negative("cost_per_task_usd", "DOUBLE", "cost per task in US dollars", required=False),
        Column("measured_at", "DATE", "date of the run", required=False),
        Column("run_ref", "VARCHAR", "the source's identifier of the run", required=False,
               default="''"),
    ),
)

LIFECYCLE = Format(
    kind="lifecycle",
    doc=("When a provider deprecated (announced the end of) a model and when it shuts or shut it down, "
         "with the model it recommends instead. A record of the same model and provider from the same "
         "origin replaces the one before it. A model with no record is active."),
    key=("model", "provider"),
    columns=(
        Column("model", "VARCHAR", "canonical model id (ingest models first)", references="models"),
        slug("provider", "provider that serves it; its creator's slug for the creator's own API", "openai"),
        Column("deprecated_on", "DATE", "day the provider announced the deprecation", required=False),
        Column("shutdown_on", "DATE", "first day the provider no longer serves it (past or scheduled)",
               required=False),
        Column("replacement", "VARCHAR", "the model the provider recommends instead, as it names it",
               required=False),
        Column("source", "VARCHAR", "where the record was read: the provider's page or the catalogue"),
        one_of("date_basis", LIFECYCLE_BASES, "stated: the provider's own dates; seen-by: the state was "
               "seen by these dates, the real ones are earlier and unknown (a dated record outranks it); "
               "empty means stated", required=False, default="'stated'"),
        Column("note", "VARCHAR", "what a date rests on", required=False),
    ),
    row_rules=(
        RowRule("shutdown_on", "deprecated_on IS NOT NULL OR shutdown_on IS NOT NULL",
                "'a deprecation or shutdown date: a model with neither is active and needs no record'"),
        RowRule("shutdown_on", "shutdown_on >= deprecated_on",
                "'a date on or after deprecated_on (' || deprecated_on || ')'"),
    ),
)

DEVELOPER_ASSESSMENTS = Format(
    kind="developer-assessments",
    doc="Transparency indicators scored for a model developer (not a model), e.g. FMTI.",
    key=("creator", "framework", "edition", "indicator"),
    columns=(
        slug("creator", "developer (creator slug)", "meta"),
        slug("framework", "framework", "fmti"),
        Column("edition", "VARCHAR", "edition of the framework, e.g. 2025-12"),
        Column("indicator", "VARCHAR", "indicator assessed"),
        Column("domain", "VARCHAR", "domain of the indicator", required=False),
        Column("score", "DOUBLE", "score of the indicator"),
        Column("assessed_at", "DATE", "date of the edition"),
    ),
)

PERFORMANCE = Format(
    kind="performance",
    doc=("Speed of a model at a provider: one statistic (median, p25, ..., or `point`, a single figure "
         "published without saying which) of the requests one source measured, over one workload. "
         "output_tokens_per_s counts the tokens after the first one arrived (generation speed, TTFT "
         "excluded); ttft_s is the time to the first token; e2e_s the whole request. A row already in "
         "the warehouse is refused."),
    key=("model", "provider", "endpoint", "source", "run_ref", "measured_at", "region", "prompt_tokens",
         "output_tokens", "concurrency", "statistic"),
    columns=(
        Column("model", "VARCHAR", "canonical model id (ingest models first)", references="models"),
        slug("provider", "provider that served it; registered on first sight", "togetherai"),
        Column("endpoint", "VARCHAR", "what was called, as the source names it (an API URL, a host and "
               "model id, a deployment), when one provider has several", required=False),
        measured_date("measured_at", "day of the measurement, or the last day of the period it summarises"),
        measured_date("measured_from", "first day of the period the statistic summarises, when it spans "
                      "several days", required=False),
        plausible("prompt_tokens", "BIGINT", "input tokens per request (the workload)", required=False),
        plausible("output_tokens", "BIGINT", "output tokens requested per request (the workload)",
                  required=False),
        plausible("concurrency", "INTEGER", "requests in flight at once at this endpoint", required=False),
        Column("region", "VARCHAR", "where the client ran (a cloud region or place), when known",
               required=False),
        one_of("statistic", STATISTICS, "which statistic of the requests the figures are"),
        plausible("output_tokens_per_s", "DOUBLE", "output tokens a second after the first token",
                  required=False),
        plausible("ttft_s", "DOUBLE", "seconds to the first token", required=False),
        plausible("e2e_s", "DOUBLE", "seconds for the whole request", required=False),
        plausible("requests", "BIGINT", "successful requests behind the statistic", required=False),
        slug("source", "who measured it: house, or the source", "thefastest-ai"),
        one_of("account", ("lab_supplied", "anonymous"), "kind of account that made the requests",
               required=False),
        Column("run_ref", "VARCHAR", "the source's identifier of the run", required=False),
    ),
    row_rules=(
        RowRule("output_tokens_per_s", "coalesce(output_tokens_per_s, ttft_s, e2e_s) IS NOT NULL",
                "'at least one of output_tokens_per_s, ttft_s, e2e_s'"),
        RowRule("measured_from", "measured_from <= measured_at",
                "'a date on or before measured_at (' || measured_at || ')'"),
        RowRule("ttft_s", "ttft_s <= e2e_s", "'at most e2e_s (' || e2e_s || '): the first token comes "
                "before the last'"),
    ),
)

MODEL_MODALITIES = Format(
    kind="modalities",
    doc=("What a model takes in and generates, as a source states it: one row per model, direction and "
         "modality (code counts as text). The rows of one origin (the house, or a source) state a model's "
         "modalities whole: a model's rows in a file replace the rows the same origin loaded for it "
         "before. Where origins disagree the house decides, then models.dev, then the European Open "
         "Source AI Index, then the Model Openness Tool (the view model_modality)."),
    key=("model", "direction", "modality"),
    columns=(
        Column("model", "VARCHAR", "canonical model id (ingest models first)", references="models"),
        one_of("direction", DIRECTIONS, "input (what the model takes in) or output (what it generates)"),
        one_of("modality", MODALITIES, "the modality; code is text"),
        Column("note", "VARCHAR", "what the statement rests on: the source's own words or a link",
               required=False),
    ),
)

SERVED_REGIONS = Format(
    kind="regions",
    doc=("Where a provider serves a model, as a source states it: one row per model, provider and region. "
         "`region` is the provider's own name for it (eu-central-1, Bedrock's eu profile, Azure's eu data "
         "zone); `geography` the part of the world it is in. The rows of one origin state a model's regions "
         "at a provider whole: a model and provider's rows in a file replace the rows the same origin loaded "
         "for them before. A model with no row has no stated region: a subscriber who asks where a substitute "
         "is served is never offered it."),
    key=("model", "provider", "region"),
    columns=(
        Column("model", "VARCHAR", "canonical model id (ingest models first)", references="models"),
        slug("provider", "provider that serves it there; registered on first sight", "amazon-bedrock"),
        slug("region", "the provider's name of the region or zone", "eu-central-1"),
        one_of("geography", GEOGRAPHIES, "the part of the world the region is in, as the provider places it; "
               "global: requests routed to any of its regions"),
        Column("note", "VARCHAR", "what the statement rests on: the source's own key or a link", required=False),
    ),
)

SYSTEMS = Format(
    kind="systems",
    doc=("Hardware systems that can serve a model, entered by the house: the accelerators and what an "
         "hour of the whole system costs, rented (a market rent on a date) or owned (the owner's cost, "
         "depreciation and power included). A cost already in the warehouse is refused."),
    key=("system", "cost_basis", "priced_at", "source"),
    columns=(
        slug("system", "system id: accelerators x count, e.g. 8x-h100-sxm-80gb", "8x-h100-sxm-80gb"),
        name("name", "name shown in reports", required=False),
        slug("accelerator", "accelerator id: model, form factor, memory", "h100-sxm-80gb"),
        plausible("accelerator_count", "INTEGER", "accelerators in the system"),
        one_of("cost_basis", COST_BASES, "rent (a market price) or owner (the owner's cost)"),
        plausible("usd_per_hour", "DOUBLE", "US dollars for one hour of the whole system"),
        measured_date("priced_at", "day the rent was read or the cost worked out"),
        Column("source", "VARCHAR", "where the cost comes from"),
        Column("note", "VARCHAR", "how the cost was worked out", required=False),
    ),
)

THROUGHPUT = Format(
    kind="throughput",
    doc=("Output tokens a second of a whole system serving one model, at a concurrency or under a "
         "benchmark scenario (offline, server, interactive), with the latency it kept. A measurement "
         "already in the warehouse is refused."),
    key=("model", "system", "scenario", "concurrency", "measured_at", "source", "run_ref"),
    columns=(
        Column("model", "VARCHAR", "canonical model id (ingest models first)", references="models"),
        slug("system", "system id, as in the systems format", "8x-h100-sxm-80gb"),
        measured_date("measured_at", "day of the measurement or its publication"),
        slug("scenario", "how the load was offered: offline (all at once), server (arrivals under a "
             "latency bound), interactive (a tighter bound), or the house's own", "server", required=False),
        plausible("concurrency", "INTEGER", "requests in flight at once", required=False),
        plausible("prompt_tokens", "BIGINT", "mean input tokens per request", required=False),
        plausible("output_tokens", "BIGINT", "mean output tokens per request", required=False),
        plausible("output_tokens_per_s", "DOUBLE", "output tokens a second, the whole system together",
                  quantity="system_tokens_per_s"),
        plausible("ttft_p50_s", "DOUBLE", "median seconds to the first token", quantity="ttft_s",
                  required=False),
        plausible("tpot_p50_s", "DOUBLE", "median seconds per output token after the first",
                  quantity="tpot_s", required=False),
        plausible("ttft_limit_s", "DOUBLE", "bound on time to first token the run had to keep",
                  quantity="ttft_s", required=False),
        plausible("tpot_limit_s", "DOUBLE", "bound on time per output token the run had to keep",
                  quantity="tpot_s", required=False),
        slug("source", "who measured it: house, or the source", "mlperf-inference"),
        Column("run_ref", "VARCHAR", "the source's identifier of the result", required=False),
        Column("note", "VARCHAR", "what else a reader should know", required=False),
    ),
)

FORMATS: dict[str, Format] = {f.kind: f for f in (
    MODELS, EVALUATIONS, RUNS, PRICES, TIERS, OPENNESS, AGGREGATES, USAGE, DEVELOPER_ASSESSMENTS, LIFECYCLE,
    PERFORMANCE, SYSTEMS, THROUGHPUT, MODEL_MODALITIES, SERVED_REGIONS)}

# A private client's data (`benchhouse private ingest --tenant ID`), loaded into the tenant's own
# catalog (warehouse/tenants.py): its evaluations as above, its runs as above with a note, and its
# workload.
PRIVATE_RUNS = Format(
    kind="runs",
    doc=(RUNS.doc + " Privately, a run may carry a note (e.g. the deployment the client asked for), "
         "the same on every row of the run, shown beside the model in the client's report. Evaluations "
         "are the client's own (ingest them first); models are the warehouse's."),
    key=RUNS.key,
    columns=RUNS.columns + (
        Column("note", "VARCHAR", "note on the run, shown in the client's report (same for every row of a run)",
               required=False, rule="length({v}) <= 300", expected="at most 300 characters"),
    ),
)

WORKLOAD = Format(
    kind="workload",
    doc=("A client's monthly workload, one row per use case: how many requests a month and how many tokens "
         "of each type one request takes. A file is the whole workload: it replaces the one before. A use "
         "case may name one of the client's evaluations; its reasoning and answer tokens per request are "
         "then each candidate's own, measured per task on that evaluation."),
    key=("use_case",),
    columns=(
        slug("use_case", "use case id", "claims-triage"),
        Column("description", "VARCHAR", "what the use case is, shown in the report", required=False),
        volume("requests_per_month", "requests a month"),
        volume("input_tokens", "input tokens per request at the full price"),
        volume("cached_input_tokens", "input tokens per request read from cache", required=False, default="0"),
        volume("cache_write_tokens", "input tokens per request written to cache", required=False, default="0"),
        volume("reasoning_tokens", "reasoning tokens per request", required=False, default="0"),
        volume("answer_tokens", "answer tokens per request"),
        Column("evaluation", "VARCHAR", "the client's evaluation that stands for this use case", required=False,
               references="evaluations"),
    ),
)

PRIVATE_FORMATS: dict[str, Format] = {f.kind: f for f in (EVALUATIONS, PRIVATE_RUNS, WORKLOAD)}


def get(kind: str) -> Format:
    try:
        return FORMATS[kind]
    except KeyError:
        raise UnknownName(
            f"'{kind}' is not a native format; the formats are {', '.join(FORMATS)}."
            + did_you_mean(kind, FORMATS)
        ) from None


def reference_markdown() -> str:
    """docs/formats.md, generated from the specs above (`python -m warehouse.formats`)."""
    lines = [
        "# Native ingest formats",
        "",
        "Generated from `warehouse/formats.py` by `python -m warehouse.formats > docs/formats.md`; a test",
        "checks that this file matches the code.",
        "",
        "Every format is accepted as CSV (`.csv`, `.tsv`, `.csv.gz`, with a header row), Parquet",
        "(`.parquet`, `.pq`) or JSON Lines (`.jsonl`, `.ndjson`, `.json`, one object per line).",
        "Column names are exactly as below; an extra column refuses the file, a missing optional",
        "column is empty (NULL). Dates are `YYYY-MM-DD`; timestamps are ISO 8601 and stored in UTC",
        "(an offset is honoured, none means UTC); booleans are `true`/`false` (also `1`/`0`, `yes`/`no`).",
        "",
        "Every column also meets the rule of its type, whatever the format: "
        + "; ".join(f"{t} {r.expected}" for t, r in TYPE_RULES.items()) + ".",
        "",
        "A file loads wholly or not at all, in one transaction that makes one snapshot, and every bad",
        "row is listed with the file, line (CSV, JSON Lines) or row (Parquet), column, value and what",
        "was expected. `--allow-rejects` loads the good rows and keeps each rejected one in the table",
        "`rejected_rows`; `--rejects FILE` writes every problem to a CSV file. The same file (by",
        "SHA-256) is never loaded twice. Models and evaluations must be loaded before the runs,",
        "prices and assessments that name them; providers and endpoints are registered on first sight.",
        "",
    ]
    for fmt in FORMATS.values():
        lines += _format_markdown(fmt, f"benchhouse ingest {fmt.kind} PATH")
    lines += [
        "# Private formats",
        "",
        "A private client's data goes into its tenant's own catalog (see the README, \"Tenants\"), with",
        "the same reading, validation and all-or-nothing loading as above. `evaluations` is the format",
        "above; `runs` is the format above with one more column; `workload` is the client's alone.",
        "",
    ]
    for fmt in PRIVATE_FORMATS.values():
        if fmt is not FORMATS.get(fmt.kind):
            lines += _format_markdown(fmt, f"benchhouse private ingest --tenant ID {fmt.kind} PATH")
    return "\n".join(lines)


def _format_markdown(fmt: Format, command: str) -> list[str]:
    lines = [f"## `{command}`", "", fmt.doc, "",
             "| column | type | required | meaning | rule |", "| --- | --- | --- | --- | --- |"]
    for c in fmt.columns:
        rule = c.expected or ("must name a row of `" + c.references + "`" if c.references else "")
        if c.references and c.expected:
            rule += f"; must name a row of `{c.references}`"
        lines.append(f"| `{c.name}` | {c.type} | {'yes' if c.required else 'no'} | {c.doc} | {rule} |")
    lines += ["", "Also refused: two rows with the same " + ", ".join(f"`{k}`" for k in fmt.key) + "."]
    for rule in fmt.row_rules:
        lines.append(f"Rule across columns: `{rule.check}` (else `{rule.column}` is blamed).")
    lines.append("")
    return lines


if __name__ == "__main__":
    print(reference_markdown(), end="")
