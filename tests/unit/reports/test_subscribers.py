"""Subscriber files: every kind of mistake is named with the file, the key and the fix; the shipped
files are all valid."""

from __future__ import annotations

import shutil

import pytest

from reports.delivery import subscribers
from reports.delivery.subscribers import SubscriberError

GOOD = subscribers.folder() / "acme-analytics.yaml"


def variant(tmp_path, replace: tuple[str, str] | None = None, name: str = "acme-analytics", text: str | None = None):
    folder = tmp_path / "subscribers"
    folder.mkdir(exist_ok=True)
    if not (folder / "logos").exists():
        shutil.copytree(subscribers.folder() / "logos", folder / "logos")
    body = text if text is not None else GOOD.read_text()
    if replace:
        assert replace[0] in body, replace
        body = body.replace(*replace)
    path = folder / f"{name}.yaml"
    path.write_text(body)
    return path


@pytest.mark.parametrize("replace, message", [
    (("branding:", "brandin:"), "key 'brandin' is not known; did you mean 'branding'?"),
    (("  primary:", "  primry:"), "key 'branding.primry' is not known; did you mean 'primary'?"),
    (('primary: "#1F3A5F"', 'primary: "navy"'), "key 'branding.primary': 'navy' is not a colour: write it as #RRGGBB"),
    (("reports: [cost-to-run,", "reports: [cost-to-rn,"), "key 'reports': report 'cost-to-rn' is not known; did you mean 'cost-to-run'?"),
    (("formats: [pdf, pptx]", "formats: [pdf, docx]"), "key 'formats.1'"),
    (("tier: enterprise", "tier: gold"), "key 'tier'"),
    (("company: Acme Analytics\n", ""), "key 'company' is missing; add it"),
    (("logos/acme-analytics.svg", "logos/acme.svg"), "key 'branding.logo': no file"),
    (("font: Inter", "font: Comic Sans"), "key 'branding.font'"),
    (("dana.whitfield@acme-analytics.example", "dana at acme"), "key 'contacts.0.email': 'dana at acme' is not an email address"),
    (("id: acme-analytics", "id: Acme_Analytics"), "key 'id': 'Acme_Analytics' is not a slug"),
])
def test_each_mistake_names_the_file_the_key_and_the_fix(tmp_path, replace, message):
    path = variant(tmp_path, replace)
    with pytest.raises(SubscriberError) as raised:
        subscribers.load(path)
    assert str(raised.value).startswith(f"{path}, line ")
    assert message in str(raised.value)


def test_the_id_must_match_the_file_name(tmp_path):
    path = variant(tmp_path, name="acme")
    with pytest.raises(SubscriberError, match="differs from the file name; rename the file to acme-analytics.yaml"):
        subscribers.load(path)


def test_a_focus_model_must_be_a_model_of_the_warehouse(tmp_path):
    subscriber = subscribers.load(variant(tmp_path))
    with pytest.raises(SubscriberError, match="'gemini-2.5-pro' is not a model in the warehouse; did you mean 'gemini-2.5-pro-001'?"):
        subscribers.check_models(subscriber, {"gpt-5-2025-08-07", "claude-sonnet-4-5-20250929", "gemini-2.5-pro-001"})


def test_not_yaml_is_refused(tmp_path):
    with pytest.raises(SubscriberError, match="not valid YAML"):
        subscribers.load(variant(tmp_path, text="id: [unclosed\n"))


def test_every_shipped_subscriber_file_is_valid_and_five_brands_differ():
    found = subscribers.load_all()
    assert len(found) >= 5
    assert len({(s.branding.primary, s.branding.accent) for s in found}) == len(found)
    assert {s.branding.font for s in found} == {"Inter", "Lato", "Roboto"}


WORKLOAD = """workload:
  description: support chat
  requests_per_month: 2_000_000
  tokens_per_request:
    input: 1500
    output: 400
"""


def test_a_workload_is_read_with_its_volumes(tmp_path):
    subscriber = subscribers.load(variant(tmp_path, text=GOOD.read_text().split("workload:")[0] + WORKLOAD))
    w = subscriber.workload
    assert (w.requests_per_month, w.tokens_per_request.input, w.tokens_per_request.output, w.description) == \
        (2_000_000.0, 1500.0, 400.0, "support chat")


@pytest.mark.parametrize("replace, message", [
    (("requests_per_month: 2_000_000", "requests_per_month: .nan"), "key 'workload.requests_per_month': nan is not a volume"),
    (("requests_per_month: 2_000_000", "requests_per_month: .inf"), "key 'workload.requests_per_month': inf is not a volume"),
    (("input: 1500", "input: -5"), "key 'workload.tokens_per_request.input': -5 is not a volume: write a finite number of 0 or more"),
    (("output: 400", "output: yes"), "key 'workload.tokens_per_request.output': True is not a volume"),
    (("output: 400", "output: '400'"), "key 'workload.tokens_per_request.output': '400' is not a volume"),
    (("output: 400", "outptu: 400"), "key 'workload.tokens_per_request.outptu' is not known; did you mean 'output'?"),
    (("  requests_per_month: 2_000_000\n", ""), "key 'workload.requests_per_month' is missing"),
])
def test_a_workload_must_hold_finite_volumes_of_zero_or_more(tmp_path, replace, message):
    text = GOOD.read_text().split("workload:")[0] + WORKLOAD
    path = variant(tmp_path, replace, text=text)
    with pytest.raises(SubscriberError) as raised:
        subscribers.load(path)
    assert message in str(raised.value)


def test_a_workload_is_optional():
    assert subscribers.load_id("northwind-bank").workload is None


def test_one_id_rule_for_subscribers_clients_and_the_ids_asked_for(tmp_path):
    """A slug of at most 64 characters, in a subscriber's file, a client's file, or asked for by id."""
    from reports.delivery import clients
    from tests.unit.reports.test_clients import variant as client_variant

    longest, longer = "a" * 64, "a" * 65
    assert subscribers.load(variant(tmp_path, ("id: acme-analytics", f"id: {longest}"), name=longest)).id == longest
    with pytest.raises(SubscriberError, match=f"key 'id': '{longer}' is not a slug"):
        subscribers.load(variant(tmp_path, ("id: acme-analytics", f"id: {longer}"), name=longer))
    assert clients.load(client_variant(tmp_path, ("id: fabrikam-insurance", f"id: {longest}"), name=longest)).id == longest
    with pytest.raises(clients.ClientError, match=f"key 'id': '{longer}' is not a tenant id"):
        clients.load(client_variant(tmp_path, ("id: fabrikam-insurance", f"id: {longer}"), name=longer))
    assert subscribers.load_id(longest, tmp_path / "subscribers").id == longest
    with pytest.raises(SubscriberError, match=f"'{longer}' is not a subscriber id"):
        subscribers.load_id(longer, tmp_path / "subscribers")


def test_the_key_tables_of_the_customer_readmes_are_generated_from_the_schemas():
    """subscribers/README.md and clients/README.md list every key the schemas take, with its default and
    its description, and the reports a subscriber may name: a table written by hand went stale (it
    lacked model-deployment)."""
    from pathlib import Path

    from reports import catalogue, customer_docs

    root = Path(__file__).resolve().parents[3]
    for folder in ("subscribers", "clients"):
        assert (root / folder / "README.md").read_text(encoding="utf-8") == customer_docs.readme(folder), \
            f"regenerate it: python -m reports.customer_docs {folder} > {folder}/README.md"
    table = (root / "subscribers" / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in table for name in catalogue.names()) and "`workload.tokens_per_request.input`" in table


SUBSTITUTES = """substitutes:
  open_weights: true
  min_context_window: 128_000
  exclude_creators: [deepseek, z.ai-zhipu-ai]
  input_modalities: [text, image]
  min_category: {coding: 60}
  served_in: [europe, us]
"""


def test_what_a_substitute_must_offer_is_read_and_said(tmp_path):
    subscriber = subscribers.load(variant(tmp_path, text=GOOD.read_text() + SUBSTITUTES))
    asked = subscriber.substitutes
    assert (asked.open_weights, asked.min_context_window) == (True, 128_000)
    assert asked.exclude_creators == ("deepseek", "z.ai-zhipu-ai") and asked.input_modalities == ("text", "image")
    assert asked.said({"deepseek": "DeepSeek", "z.ai-zhipu-ai": "Z.ai"}) == (
        "open weights, a context window of at least 128,000 tokens, input of text and image, a creator other than "
        "DeepSeek or Z.ai, a provider serving them in Europe or the US, and at least 60 on the index's coding "
        "evaluations")
    assert asked.served_in == ("europe", "us")
    assert subscribers.load_id("acme-analytics").substitutes.said() is None  # nothing asked: every model may be


@pytest.mark.parametrize("replace, message", [
    (("min_context_window: 128_000", "min_context_window: 0"), "key 'substitutes.min_context_window': 0 is not a number of tokens"),
    (("min_context_window: 128_000", "min_context_window: 150000.5"), "150000.5 is not a number of tokens: write a whole number"),
    (("min_context_window: 128_000", "min_context_window: yes"), "True is not a number of tokens"),
    (("open_weights: true", "open_weights: maybe"), "key 'substitutes.open_weights'"),
    (("open_weights: true", "open_weight: true"), "key 'substitutes.open_weight' is not known; did you mean 'open_weights'?"),
    (("[deepseek, z.ai-zhipu-ai]", "[DeepSeek]"), "is not a list of creator ids: write e.g. [deepseek, alibaba]"),
    (("[deepseek, z.ai-zhipu-ai]", "7"), "is not a list of creator ids"),
    (("[text, image]", "[text, smell]"), "key 'substitutes.input_modalities.1'"),
    (("{coding: 60}", "{coding: 160}"), "is not a minimum score by category: write e.g. {coding: 60}"),
    (("{coding: 60}", "[coding]"), "is not a minimum score by category"),
    (("[europe, us]", "[eu]"), "is not a list of geographies: write e.g. [europe], from us, us-gov"),
    (("[europe, us]", "[global]"), "is not a list of geographies"),
])
def test_what_a_substitute_must_offer_is_refused_in_one_line_when_wrong(tmp_path, replace, message):
    with pytest.raises(SubscriberError) as raised:
        subscribers.load(variant(tmp_path, replace, text=GOOD.read_text() + SUBSTITUTES))
    assert message in str(raised.value)


def test_a_subscriber_may_ask_for_every_geography_the_warehouse_places_a_region_in():
    """One vocabulary: the geographies a regions file may state (warehouse/formats.py) are those a subscriber may
    ask a substitute to be served in, but `global` (requests routed to any region, kept in none)."""
    from reports.subscriber import GEOGRAPHY_NAMES
    from warehouse.formats import GEOGRAPHIES

    assert list(GEOGRAPHY_NAMES) == [g for g in GEOGRAPHIES if g != "global"]
