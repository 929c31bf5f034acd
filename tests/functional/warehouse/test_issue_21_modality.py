"""Issue 21, point 8, stated as queries over the demo warehouse: every set a report calls language
models holds only models that read and generate text. Before, the openness default set ("the
language models a buyer would consider") showed 54 models, among them Whisper, Omnilingual ASR,
Stable Diffusion 3.5, CogView 4, Wan 2.2, HunyuanVideo, Cosmos, JASCO and Magenta RealTime.

The expectations come from the raw files in data/sources, read here with the csv module."""

from __future__ import annotations

import csv
from collections import defaultdict

from tests.conftest import ROOT, rows

AS_OF = "DATE '2026-09-30'"
SOURCES = ROOT / "data" / "sources"
NOT_TEXT = {"image", "audio", "video"}


def _resolved(location, source: str, names: set[str]) -> dict[str, str]:
    """raw name -> canonical model, for the modality rows of `source` the demo loaded."""
    found = rows(location, """SELECT DISTINCT raw_name, model FROM name_resolutions
                              WHERE source = ? AND kind = 'modalities' AND model IS NOT NULL
                                AND resolved_by <> 'duplicate'""", [source])
    return {raw: model for raw, model in found if raw in names}


def test_no_language_model_set_holds_a_model_that_is_not_a_language_model(demo_warehouse):
    assert rows(demo_warehouse, """
        SELECT d.model, d.as_of FROM openness_default_set d
        LEFT JOIN model_modality m USING (model)
        WHERE d.shown AND m.language_model IS NOT TRUE""") == []
    assert rows(demo_warehouse, """
        SELECT n.model FROM notable_models n LEFT JOIN model_modality m USING (model)
        WHERE m.language_model IS NOT TRUE""") == []
    # The sets still hold language models: the default set has models to show.
    assert rows(demo_warehouse, f"""SELECT count(*) FROM openness_default_set
                                    WHERE as_of = {AS_OF} AND version = '1' AND shown""")[0][0] >= 30


def test_every_eosai_image_audio_and_video_model_is_recorded_as_such_and_not_shown(demo_warehouse):
    entries = list(csv.DictReader(open(SOURCES / "eosai-index" / "models_wide.csv", encoding="utf-8")))
    media = {}
    for e in entries:
        kinds = {t.strip() for t in e["type"].split(",")}
        if kinds <= NOT_TEXT:
            for name in (e["endmodelname"], e["name"]):
                media[name.strip()] = kinds
    assert len({e["file"] for e in entries if {t.strip() for t in e["type"].split(",")} <= NOT_TEXT}) == 45
    resolved = _resolved(demo_warehouse, "eosai", set(media))
    assert len(set(resolved.values())) >= 40
    recorded = defaultdict(set)
    for model, modality in rows(demo_warehouse, """SELECT model, modality FROM model_modalities
                                                   WHERE origin = 'eosai' AND direction = 'output'"""):
        recorded[model].add(modality)
    shown = {m for (m,) in rows(demo_warehouse, f"SELECT DISTINCT model FROM openness_default_set "
                                                f"WHERE shown AND as_of = {AS_OF}")}
    for raw, model in resolved.items():
        assert recorded[model] == media[raw], (raw, model)
        assert model not in shown, (raw, model)


def test_a_model_every_provider_lists_as_reading_no_text_is_not_a_language_model(demo_warehouse):
    # Whisper: every models.dev provider row of whisper-large-v3-turbo says audio in, text out.
    listed = defaultdict(set)
    for r in csv.DictReader(open(SOURCES / "models-dev" / "provider_models.csv", encoding="utf-8")):
        listed[r["model_id"]].add(("text" in r["input_modalities"].split("|")))
    audio_only = {name for name, reads in listed.items() if reads == {False}}
    assert "whisper-large-v3-turbo" in audio_only
    resolved = _resolved(demo_warehouse, "models-dev", audio_only)
    assert "whisper-large-v3-turbo" in resolved.values()
    found = dict(rows(demo_warehouse, "SELECT model, language_model FROM model_modality"))
    assert {model: found[model] for model in resolved.values()} == {model: False for model in resolved.values()}
    ((why,),) = rows(demo_warehouse, f"""SELECT DISTINCT why FROM openness_default_set
                                        WHERE model = 'whisper-large-v3-turbo' AND as_of = {AS_OF}""")
    assert why == "not a language model (reads audio, generates text)"
