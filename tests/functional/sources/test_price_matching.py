"""Which canonical model a genai-prices entry prices: specific rules before general ones, a lab's
price only for what its list names, an ambiguous reseller rule for none. Checked on small
providers built from the package's own types (the package's real data: tests/sources/test_prices.py)."""

from __future__ import annotations

from decimal import Decimal

from genai_prices.types import ClauseContains, ClauseEquals, ClauseOr, ClauseStartsWith, ModelInfo, ModelPrice, Provider

from warehouse.sources.genai_prices import _matches


def provider(provider_id: str, *entries: tuple[str, object]) -> Provider:
    return Provider(id=provider_id, name=provider_id, api_pattern="", models=[
        ModelInfo(id=entry, match=rule, prices=ModelPrice(input_mtok=Decimal("1"))) for entry, rule in entries])


def test_an_exact_id_beats_a_family_prefix_listed_first():
    google = provider("google",
                      ("gemini-1.5-flash", ClauseContains(contains="gemini-1.5-flash")),
                      ("gemini-1.5-flash-8b", ClauseContains(contains="gemini-1.5-flash-8b")))
    known = ["gemini-1.5-flash-002", "gemini-1.5-flash-8b-001"]
    matched, refused = _matches(google, known, "google", {m: "google" for m in known}, {})
    assert matched == {"gemini-1.5-flash": (["gemini-1.5-flash-002"], None),
                       "gemini-1.5-flash-8b": (["gemini-1.5-flash-8b-001"], None)}
    assert refused == {}


def test_a_snapshot_of_a_family_is_priced_but_a_distill_under_its_prefix_is_not():
    deepseek = provider("deepseek", ("deepseek-reasoner", ClauseOr(or_=[
        ClauseEquals(equals="deepseek-reasoner"), ClauseStartsWith(starts_with="deepseek-r1")])))
    known = ["deepseek-r1", "deepseek-r1-0528", "deepseek-r1-distill-llama-70b", "deepseek-r1-distill-qwen-7b"]
    matched, refused = _matches(deepseek, known, "deepseek", {m: "deepseek" for m in known}, {})
    assert matched == {"deepseek-reasoner": (["deepseek-r1", "deepseek-r1-0528"], None)}
    assert refused == {"deepseek-reasoner": ["deepseek-r1-distill-llama-70b", "deepseek-r1-distill-qwen-7b"]}


def test_a_reseller_rule_that_merely_covers_several_models_is_ambiguous():
    reseller = provider("together", ("llama-3", ClauseContains(contains="llama-3")))
    known = ["llama-3-8b-instruct", "llama-3-70b-instruct"]
    matched, _ = _matches(reseller, known, "togetherai", {m: "meta" for m in known}, {})
    assert matched == {"llama-3": ([None], "llama-3-70b-instruct,llama-3-8b-instruct")}


def test_a_model_is_matched_under_another_spelling_the_aliases_give_it():
    mistral = provider("mistral", ("mixtral-8x7b", ClauseOr(or_=[
        ClauseStartsWith(starts_with="mixtral-8x7b"), ClauseEquals(equals="open-mixtral-8x7b")])))
    known = ["mixtral-8x7b-instruct-v0.1"]
    without, refused = _matches(mistral, known, "mistral", {known[0]: "mistral"}, {})
    assert (without, refused) == ({}, {"mixtral-8x7b": known})
    with_alias, _ = _matches(mistral, known, "mistral", {known[0]: "mistral"},
                             {"mixtral-8x7b-instruct-v0.1": ["open-mixtral-8x7b"]})
    assert with_alias == {"mixtral-8x7b": (known, None)}


def test_a_sibling_under_an_entrys_rule_beside_the_model_it_names_is_not_priced():
    reseller = provider("openrouter", ("o4-mini", ClauseOr(or_=[
        ClauseEquals(equals="o4-mini-2025-04-16"), ClauseStartsWith(starts_with="o4-mini")])))
    known = ["o4-mini-2025-04-16", "o4-mini-deep-research"]
    matched, refused = _matches(reseller, known, "openrouter", {m: "openai" for m in known}, {})
    assert (matched, refused) == ({"o4-mini": (["o4-mini-2025-04-16"], None)}, {"o4-mini": ["o4-mini-deep-research"]})


def test_a_reseller_rule_that_covers_one_model_alone_prices_it():
    reseller = provider("together", ("llama-3.1-70b", ClauseContains(contains="llama-3.1-70b")))
    matched, refused = _matches(reseller, ["llama-3.1-70b-instruct"], "togetherai",
                                {"llama-3.1-70b-instruct": "meta"}, {})
    assert (matched, refused) == ({"llama-3.1-70b": (["llama-3.1-70b-instruct"], None)}, {})
