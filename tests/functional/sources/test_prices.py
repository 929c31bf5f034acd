"""The price sources (genai-prices, models.dev's price history, LiteLLM's price map through time,
LLMStats), checked against their own files: prices before and after a known change, the slips
and variants left out and listed, names that resolve; and the guarantees every source has. The loaded prices are read in the session's
demo warehouse, as the house's build left them."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import pandas as pd
import pytest
from genai_prices import data as genai
from genai_prices.types import StartDateConstraint, TimeOfDateConstraint

from tests.conftest import SOURCES, copy_of, latest_snapshot, rows, scalar
from warehouse.connection import Location
from warehouse.errors import FileFormatError
from warehouse.ingest import ingest_source

MODELS_DEV = SOURCES / "models-dev"
LITELLM = SOURCES / "litellm"
LLM_STATS = SOURCES / "llm-stats"
CATALOGUES = {"models-dev": MODELS_DEV, "genai-prices": None}
PRICES = {"genai-prices": None, "models-dev-prices": MODELS_DEV, "litellm-prices": LITELLM, "llm-stats": LLM_STATS}


@pytest.fixture
def priced(demo_warehouse) -> Location:
    """Read only: the session's demo warehouse, where every source (the catalogues, then these
    prices) was read in the house's order (warehouse/demo.py)."""
    return demo_warehouse


def price_on(location, origin: str, model: str, provider: str, token_type: str, day: date):
    found = rows(location, "SELECT usd_per_mtok FROM prices WHERE origin = ? AND model = ? AND provider = ? "
                           "AND token_type = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)",
                 [origin, model, provider, token_type, day, day])
    assert len(found) == 1, f"{len(found)} {token_type} prices of {model} at {provider} from {origin} on {day}"
    return found[0][0]


def _changes(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Rows where `column` differs from the row before, with the value before."""
    frame = frame.sort_values("commit_date").assign(before=lambda f: f[column].shift())
    return frame[frame["before"].notna() & (frame[column] != frame["before"])]


def test_litellm_prices_before_and_after_a_cut(priced):
    history = pd.read_csv(LITELLM / "litellm_price_history_via_tokencost_git.csv")
    cut = _changes(history[history["model_key"] == "o3-2025-04-16"], "input_cost_per_token").iloc[0]
    day = date.fromisoformat(cut["commit_date"])
    assert cut["input_cost_per_token"] < cut["before"]
    before = price_on(priced, "litellm-prices", "o3-2025-04-16", "openai", "input", day - timedelta(days=1))
    after = price_on(priced, "litellm-prices", "o3-2025-04-16", "openai", "input", day)
    assert (before, after) == (pytest.approx(cut["before"] * 1e6), pytest.approx(cut["input_cost_per_token"] * 1e6))


def test_models_dev_prices_before_and_after_a_cut(priced):
    history = pd.read_csv(MODELS_DEV / "price_history_git.csv")
    own = history[(history["provider_id"] == "xiaomi") & (history["model_id"] == "mimo-v2-flash")]
    cut = _changes(own, "input").iloc[-1]
    day = date.fromisoformat(cut["commit_date"])
    assert price_on(priced, "models-dev-prices", "mimo-v2-flash", "xiaomi", "input",
                    day - timedelta(days=1)) == cut["before"]
    assert price_on(priced, "models-dev-prices", "mimo-v2-flash", "xiaomi", "input", day) == cut["input"]


def _genai_model(provider: str, model: str):
    return next(m for p in genai.providers if p.id == provider for m in p.models if m.id == model)


def test_genai_prices_dated_change_is_effective_from_its_date(priced):
    prices = _genai_model("openai", "o3").prices
    base = next(c.prices for c in prices if c.constraint is None)
    change = next(c for c in prices if isinstance(c.constraint, StartDateConstraint))
    day = change.constraint.start_date
    assert price_on(priced, "genai-prices", "o3-2025-04-16", "openai", "input", day - timedelta(days=1)) \
        == float(base.input_mtok)
    assert price_on(priced, "genai-prices", "o3-2025-04-16", "openai", "input", day) == float(change.prices.input_mtok)
    assert rows(priced, "SELECT DISTINCT date_basis FROM prices WHERE origin = 'genai-prices' AND model = "
                        "'o3-2025-04-16' AND provider = 'openai' AND valid_from = ?", [day]) == [("effective",)]


def test_genai_prices_standard_day_not_the_off_peak_price(priced):
    # DeepSeek prices V4 Flash by the hour: its dearest hours are the standard rate (the list price
    # with no discount), the cheaper rest of the day is kept as an off-peak tier (issue 21, point 3).
    prices = _genai_model("deepseek", "deepseek-v4-flash").prices
    windows = [c for c in prices if isinstance(c.constraint, TimeOfDateConstraint)]
    rest = [c for c in prices if not isinstance(c.constraint, TimeOfDateConstraint)]
    dearest = max(float(c.prices.input_mtok) for c in windows)
    assert all(float(c.prices.input_mtok) < dearest for c in rest)
    assert price_on(priced, "genai-prices", "deepseek-v4-flash", "deepseek", "input", date.today()) == dearest
    off_peak = {r[0] for r in rows(priced, "SELECT usd_per_mtok FROM price_tiers WHERE origin = 'genai-prices' "
                                           "AND model = 'deepseek-v4-flash' AND provider = 'deepseek' "
                                           "AND token_type = 'input' AND tier = 'off-peak'")}
    assert off_peak == {float(c.prices.input_mtok) for c in rest}
    # The entry of a moving alias the house dates (deepseek-reasoner) prices the snapshot the alias
    # names now, not the older models its rule also matches; its off-peak rate is not loaded.
    assert scalar(priced, "SELECT count(*) FROM name_resolutions WHERE source = 'genai-prices' AND kind = 'prices' "
                          "AND raw_name = 'deepseek/deepseek-reasoner' AND model = 'deepseek-r1-0528'") == 0


def test_genai_prices_scheduled_and_variant_prices_are_listed_not_loaded(priced):
    today = date.today()
    scheduled = [(p.id, m.id, c.constraint.start_date) for p in genai.providers for m in p.models
                 if isinstance(m.prices, list) for c in m.prices
                 if isinstance(c.constraint, StartDateConstraint) and c.constraint.start_date > today]
    assert scheduled
    assert scalar(priced, "SELECT count(*) FROM prices WHERE origin = 'genai-prices' AND valid_from > ?", [today]) == 0
    listed = rows(priced, "SELECT raw_name, resolved_by FROM name_resolutions WHERE source = 'genai-prices' "
                          "AND resolved_by LIKE 'skipped: price scheduled from %'")
    assert {(f"{p}/{m}", f"skipped: price scheduled from {d} not loaded") for p, m, d in scheduled} <= set(listed)
    assert scalar(priced, "SELECT count(*) FROM name_resolutions WHERE source = 'genai-prices' "
                          "AND resolved_by LIKE 'skipped: price variant%'") > 0


def test_litellm_unit_slips_are_left_out_and_listed(priced):
    history = pd.read_csv(LITELLM / "litellm_price_history_via_tokencost_git.csv")
    vertex = history[(history["litellm_provider"] == "vertex_ai-language-models")
                     & (history["model_key"] == "gemini-1.5-pro-002")]
    assert (vertex["commit_date"] < "2024-11-08").any()
    first_kept = vertex.loc[vertex["commit_date"] >= "2024-11-08", "commit_date"].min()
    assert scalar(priced, "SELECT min(valid_from) FROM prices WHERE origin = 'litellm-prices' "
                          "AND provider = 'google-vertex' AND model = 'gemini-1.5-pro-002'") == \
        date.fromisoformat(first_kept)
    reasons = {r[0] for r in rows(priced, "SELECT resolved_by FROM name_resolutions WHERE source = 'litellm-prices' "
                                          "AND raw_name = 'gemini/gemini-1.5-pro-latest'")}
    assert "skipped: output price below input price: a slip" in reasons


def test_litellm_prices_are_per_million_tokens(priced):
    history = pd.read_csv(LITELLM / "litellm_price_history_via_tokencost_git.csv")
    row = history[history["model_key"] == "claude-3-opus-20240229"].iloc[-1]
    assert price_on(priced, "litellm-prices", "claude-3-opus-20240229", "anthropic", "output",
                    date.fromisoformat(row["commit_date"])) == pytest.approx(row["output_cost_per_token"] * 1e6)


def test_two_names_of_one_model_at_one_provider_load_one_price(priced):
    """LiteLLM prices 'o3' and 'o3-2025-04-16' at OpenAI: one model, so one series of prices."""
    assert rows(priced, "SELECT model, resolved_by FROM name_resolutions WHERE source = 'litellm-prices' "
                        "AND kind = 'prices' AND raw_name = 'o3'") == [("o3-2025-04-16", "duplicate")]
    assert scalar(priced, "SELECT count(*) FROM rejected_rows") == 0


def test_llm_stats_prices_scores_and_sizes(priced):
    offers = pd.read_csv(LLM_STATS / "provider_prices.csv")
    offer = offers[(offers["provider"] == "anthropic") & (offers["model_id"] == "claude-3-opus-20240229")].iloc[0]
    assert rows(priced, "SELECT usd_per_mtok, valid_from, date_basis FROM prices WHERE origin = 'llm-stats' "
                        "AND model = 'claude-3-opus-20240229' AND provider = 'anthropic' AND token_type = 'output'") \
        == [(offer["output_usd_per_mtok"], date.fromisoformat(offer["updated_at"]), "recorded")]
    scores = pd.read_csv(LLM_STATS / "benchmark_scores.csv")
    gpqa = scores[(scores["model_id"] == "claude-3-opus-20240229") & (scores["benchmark"] == "GPQA")].iloc[0]
    assert 0 <= gpqa["score"] <= 1
    assert scalar(priced, "SELECT mean FROM published_aggregates WHERE source = 'llm-stats' AND "
                          "model = 'claude-3-opus-20240229' AND evaluation = 'gpqa-diamond'") == gpqa["score"]
    cards = pd.read_csv(LLM_STATS / "models.csv").set_index("model_id")
    assert scalar(priced, "SELECT params_total_b FROM models WHERE model = 'qwen3-235b-a22b'") == \
        pytest.approx(cards.loc["qwen3-235b-a22b", "param_count"] / 1e9)
    untracked = scores.loc[scores["benchmark"] == "Arena Hard"]
    assert scalar(priced, "SELECT sum(rows) FROM name_resolutions WHERE source = 'llm-stats' AND raw_name = "
                          "'Arena Hard' AND resolved_by = 'skipped: benchmark not tracked'") == len(untracked)


def test_llm_stats_adds_no_models(priced):
    cards = pd.read_csv(LLM_STATS / "models.csv")
    unknown = rows(priced, "SELECT raw_name FROM name_resolutions WHERE source = 'llm-stats' AND kind = 'models' "
                           "AND resolved_by = 'unresolved'")
    assert unknown and not {r[0] for r in unknown} & {r[0] for r in rows(priced, "SELECT model FROM models")}
    assert set(r[0] for r in unknown) <= set(cards["model_id"])


@pytest.mark.parametrize("source", PRICES)
def test_first_party_prices_resolve(priced, source):
    # A row under a moving alias dated where the alias named no snapshot, or recorded before it moved
    # on, resolved its name and was refused for its date (resolve_facts.sql): not counted here.
    resolved, total = rows(priced, "SELECT sum(rows) FILTER (WHERE model IS NOT NULL), sum(rows) FROM name_resolutions "
                                   "WHERE source = ? AND kind = 'prices' AND scope = 'first-party' AND resolved_by NOT IN "
                                   "('alias outside its history', 'alias moved after the record')", [source])[0]
    assert total > 0 and resolved / total >= 0.9, f"{source}: {resolved} of {total} first-party price rows resolve"


@pytest.mark.parametrize("source", [*CATALOGUES, *PRICES])
def test_reading_a_source_twice_changes_nothing(priced, tmp_path, source):
    location = copy_of(priced, tmp_path / "warehouse")
    snapshot = latest_snapshot(location)
    again = ingest_source(location, source, {**CATALOGUES, **PRICES}[source])
    assert again.already_loaded
    assert latest_snapshot(location) == snapshot


def test_a_truncated_price_history_loads_nothing(catalogue, tmp_path):
    broken = tmp_path / "litellm"
    shutil.copytree(LITELLM, broken)
    history = broken / "litellm_price_history_via_tokencost_git.csv"
    history.chmod(0o644)
    text = history.read_text()
    cut = text[: len(text) // 2 + 7]
    history.write_text(cut)  # cut mid-line: the last line is short of fields
    snapshot = latest_snapshot(catalogue)
    with pytest.raises(FileFormatError, match=rf"litellm_price_history_via_tokencost_git\.csv, line "
                                              rf"{cut.count(chr(10)) + 1}: \d+ fields where the header has \d+"):
        ingest_source(catalogue, "litellm-prices", broken)
    assert latest_snapshot(catalogue) == snapshot
    assert scalar(catalogue, "SELECT count(*) FROM prices WHERE origin = 'litellm-prices'") == 0


@pytest.mark.parametrize(("source", "folder", "file"), [
    ("litellm-prices", LITELLM, "litellm_price_history_via_tokencost_git.csv"),
    ("models-dev-prices", MODELS_DEV, "price_history_git.csv"),
])
def test_an_unknown_kind_of_change_is_named_and_loads_nothing(catalogue, tmp_path, source, folder, file):
    changed = tmp_path / folder.name
    shutil.copytree(folder, changed)
    history = changed / file
    history.chmod(0o644)
    frame = pd.read_csv(history, dtype=str, keep_default_na=False)
    frame.loc[len(frame) // 2, "change"] = "renamed"
    frame.to_csv(history, index=False)
    snapshot = latest_snapshot(catalogue)
    with pytest.raises(FileFormatError, match=rf"{file}: unknown change 'renamed'"):
        ingest_source(catalogue, source, changed)
    assert latest_snapshot(catalogue) == snapshot


def test_no_distill_gets_its_creators_price(priced):
    distills = rows(priced, """SELECT DISTINCT p.model FROM prices p JOIN models m USING (model)
                               WHERE p.model LIKE '%distill%' AND p.provider = m.creator""")
    assert distills == []
    assert rows(priced, """SELECT count(*) FROM name_resolutions WHERE source = 'genai-prices'
                           AND raw_name = 'deepseek/deepseek-reasoner -> deepseek-r1-distill-llama-70b'
                           AND resolved_by LIKE 'skipped: the entry''s family rule%'""") == [(1,)]


@pytest.mark.parametrize("model, family", [("gemini-1.5-flash-8b-001", "gemini-1.5-flash-002")])
def test_a_smaller_sibling_is_not_priced_as_its_bigger_one(priced, model, family):
    own = rows(priced, """SELECT usd_per_mtok FROM prices WHERE origin = 'genai-prices' AND provider = 'google'
                          AND model = ? AND token_type = 'input'""", [model])
    # the bigger one's price from any catalogue: genai-prices names it only by its moving alias, whose
    # current price no longer reaches 002 (shut down on 29 September 2025: alias_history.csv)
    bigger = rows(priced, """SELECT DISTINCT usd_per_mtok FROM prices WHERE provider = 'google'
                             AND model = ? AND token_type = 'input'""", [family])
    assert own and bigger and not set(own) & set(bigger)


def test_litellm_states_where_a_provider_serves_a_model_by_its_regional_keys(priced):
    """Where a model is served is read from the map's own keys: Bedrock's cross-region profiles ('eu.anthropic...')
    and AWS regions ('bedrock/eu-west-3/...'), Azure's data zones ('azure/eu/...') and Vertex AI's supported_regions,
    each under the model the key names without its region; `global` routing is kept as such, never as a geography;
    a key without a region states none."""
    snapshot = pd.read_csv(LITELLM / "model_prices_snapshot.csv")
    keys = set(snapshot["model_key"])
    expected = {  # key in the map -> (model, provider, region, geography), worked out by hand
        "eu.anthropic.claude-sonnet-4-5-20250929-v1:0": ("claude-sonnet-4-5-20250929", "amazon-bedrock", "eu", "europe"),
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0": ("claude-sonnet-4-5-20250929", "amazon-bedrock", "global",
                                                              "global"),
        "bedrock/eu-west-3/mistral.mistral-large-2402-v1:0": ("mistral-large-2402", "amazon-bedrock", "eu-west-3", "europe"),
        "azure/eu/gpt-4o-2024-08-06": ("gpt-4o-2024-08-06", "azure", "eu", "europe"),
        "vertex_ai/deepseek-ai/deepseek-r1-0528-maas": ("deepseek-r1-0528", "google-vertex", "us-central1", "us"),
    }
    assert set(expected) <= keys
    for key, row in expected.items():
        assert rows(priced, "SELECT model, provider, region, geography FROM served_regions WHERE note = ?",
                    [f"LiteLLM key {key}"]) == [row], key
    # The model's own keys without a region ('anthropic.claude-sonnet-4-5-20250929-v1:0', 'gpt-4o-2024-08-06') state none.
    notes = [r[0].removeprefix("LiteLLM key ") for r in rows(priced, "SELECT note FROM served_regions "
                                                                   "WHERE origin = 'litellm-prices'")]
    assert "anthropic.claude-sonnet-4-5-20250929-v1:0" in keys and "gpt-4o-2024-08-06" in keys
    assert not {"anthropic.claude-sonnet-4-5-20250929-v1:0", "gpt-4o-2024-08-06"} & set(notes)
    assert all(k in keys for k in notes) and len(notes) > 100


def test_every_subscription_plan_models_dev_lists_is_kept_out_of_the_prices(priced):
    """models.dev lists subscription plans (a monthly fee with a usage quota) as providers: each one its own
    providers.csv names a Coding or Token Plan is a plan to the house (and no other), and no price of one is used."""
    providers = pd.read_csv(MODELS_DEV / "providers.csv")
    named = providers["name"].str.contains(r"\b(?:Coding|Token) Plan\b", regex=True)
    assert named.sum() >= 10
    said = dict(rows(priced, "SELECT p, subscription_plan(p) FROM unnest(?::VARCHAR[]) t(p)",
                     [list(providers["provider_id"])]))
    assert {p for p, plan in said.items() if plan} == set(providers.loc[named, "provider_id"])
    assert scalar(priced, "SELECT count(*) FROM price_as_of WHERE subscription_plan(provider)") == 0
    assert scalar(priced, "SELECT count(*) FROM price_anomalies WHERE reason = 'subscription plan'") > 0
