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
DATE_BASES = ("effective", "recorded")
TOKEN_TYPES = ("input", "cached_input", "cache_write", "output", "reasoning")
HOUSE_FRAMEWORK = "openness-index"
HOUSE_COMPONENTS = ("weights_access", "weights_licence", "data_access", "data_licence",
                    "methodology", "training_code")


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
    """A finite number of 0 or more: NaN and infinity sort above every number in SQL, so `>= 0`
    alone would let them through."""
    return Column(name, "DOUBLE", doc, rule="isfinite({v}) AND {v} >= 0",
                  expected="a finite number of 0 or more (not NaN, not infinity)", **kwargs)


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
        Column("display_name", "VARCHAR", "name shown in reports"),
        Column("release_date", "DATE", "first public availability, YYYY-MM-DD", required=False),
        non_negative("params_total_b", "DOUBLE", "total parameters, billions", required=False),
        non_negative("params_active_b", "DOUBLE", "active parameters per token, billions",
                     required=False),
        Column("open_weights", "BOOLEAN", "true when the weights can be downloaded", required=False),
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
        Column("name", "VARCHAR", "display name"),
        slug("category", "index category it counts towards", "reasoning"),
        one_of("kind", ("single_turn", "agentic"), "single_turn or agentic"),
        Column("n_tasks", "BIGINT", "tasks in one pass", rule="{v} > 0", expected="a whole number above 0"),
        one_of("scoring", ("accuracy", "partial", "elo"), "how one task is scored"),
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
        one_of("date_basis", DATE_BASES, "what valid_from means: the vendor's effective date, or the "
               "date a catalogue recorded the price; empty means effective", required=False,
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
         "standard error, per model variant, evaluation and metric."),
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

FORMATS: dict[str, Format] = {f.kind: f for f in (
    MODELS, EVALUATIONS, RUNS, PRICES, OPENNESS, AGGREGATES, USAGE, DEVELOPER_ASSESSMENTS)}

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
