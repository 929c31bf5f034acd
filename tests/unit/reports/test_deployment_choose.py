"""Which models get a page of providers in the model-deployment report (reports/model_deployment/report.py:
choose): the subscriber's own, and never another model in place of one without a speed measurement."""

from __future__ import annotations

from reports.model_deployment.report import choose

COVERAGE = [{"model": m, "display_name": m.title(), "buyable": buyable} for m, buyable in
            (("llama-8b", True), ("retired-big", False), ("maverick", True), ("llama-70b", True), ("qwen", True))]
WEIGHTS = {"gpt-5": {"display_name": "GPT-5"}, "sonnet": {"display_name": "Claude Sonnet"}}


def test_a_focus_model_without_a_speed_is_listed_and_no_other_model_is_shown_in_its_place():
    shown, missing = choose(("gpt-5", "maverick"), COVERAGE, WEIGHTS)
    assert [(m["model"], m["focus"], m["reference"]) for m in shown] == [("maverick", True, False)]
    assert missing == [{"model": "gpt-5", "name": "GPT-5"}]


def test_with_none_of_its_models_measured_the_best_covered_buyable_models_are_shown_as_a_reference():
    shown, missing = choose(("gpt-5", "sonnet"), COVERAGE, WEIGHTS)
    assert [(m["model"], m["focus"], m["reference"]) for m in shown] == [
        ("llama-8b", False, True), ("maverick", False, True), ("llama-70b", False, True)]
    assert [m["name"] for m in missing] == ["GPT-5", "Claude Sonnet"]
    assert choose((), COVERAGE, WEIGHTS) == (shown, [])
