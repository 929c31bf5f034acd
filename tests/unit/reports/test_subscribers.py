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
