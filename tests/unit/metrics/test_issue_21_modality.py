"""Issue 21, point 8: modality as data. The openness report's default set, "the language models a
buyer would consider", held speech recognition, image, video and music models: nothing recorded what
a model takes in and generates. Now the sources that state it (and the house) record it, and every
set a report calls language models holds only models that read and generate text.

The paper-checkable warehouse (tests/fixtures/metrics: policy v1 shows models released within 24
months of the as-of date with a price that day or open weights from lab-a) gains five lab-a models,
all released 2026-03-01 with open weights and a house openness score, so each would be shown but
for what it generates:

    model     the house states                 expected
    words-1   text in, text out                shown (open weights from a known creator)
    pixel-1   text in, image out               not a language model (generates image)
    ears-1    audio in, text out (an ASR)      not a language model (reads audio, generates text)
    chorus-1  text in, text and audio out      not a language model (generates audio, text)
    quiet-1   nothing                          not shown: no source states it, no scores, no price

thinker-1 (released 2025-06-01, priced by lab-a, house runs, no statement) stays shown: its runs on
the house's text evaluations are the evidence that it generates text.
"""

from __future__ import annotations

from tests.conftest import rows, write
from warehouse.ingest import ingest

AS_OF = "2026-09-30"
NEW = ("words-1", "pixel-1", "ears-1", "chorus-1", "quiet-1")
STATED = """model,direction,modality,note
words-1,input,text,a chat model
words-1,output,text,a chat model
pixel-1,input,text,an image generator
pixel-1,output,image,an image generator
ears-1,input,audio,a speech recogniser
ears-1,output,text,a speech recogniser
chorus-1,input,text,a voice model
chorus-1,output,text,a voice model
chorus-1,output,audio,a voice model
"""


def _load(metrics, tmp_path) -> None:
    ingest(metrics, "models", write(tmp_path / "models.csv", "model,creator,display_name,release_date,open_weights\n"
                                    + "".join(f"{m},lab-a,{m.title()},2026-03-01,true\n" for m in NEW)))
    ingest(metrics, "openness", write(tmp_path / "openness.csv", "model,framework,component,level,evidence_url,assessed_at\n"
                                      + "".join(f"{m},openness-index,{c},3,https://example.org/{m},{AS_OF}\n"
                                                for m in (*NEW, "thinker-1")
                                                for c in ("weights_access", "weights_licence", "data_access",
                                                          "data_licence", "methodology", "training_code"))))
    ingest(metrics, "modalities", write(tmp_path / "modalities.csv", STATED))


def test_the_default_set_of_language_models_holds_only_models_that_read_and_generate_text(metrics, tmp_path):
    _load(metrics, tmp_path)
    found = dict((m, (shown, why)) for m, shown, why in rows(metrics, """
        SELECT model, shown, why FROM openness_default_set
        WHERE version = '1' AND as_of = ?""", [AS_OF]))
    assert found == {
        "words-1": (True, "open weights from a known creator"),
        "thinker-1": (True, "sold through an API"),
        "pixel-1": (False, "not a language model (generates image)"),
        "ears-1": (False, "not a language model (reads audio, generates text)"),
        "chorus-1": (False, "not a language model (generates audio, text)"),
        "quiet-1": (False, "modality unknown: no source states it"),
    }


def test_each_model_says_what_it_generates_and_on_what_evidence(metrics, tmp_path):
    _load(metrics, tmp_path)
    found = {m: rest for m, *rest in rows(metrics, """
        SELECT model, output_modalities, output_stated_by, language_model, basis FROM model_modality
        WHERE model IN ('words-1', 'pixel-1', 'quiet-1', 'thinker-1')""")}
    assert found == {
        "words-1": [["text"], "house", True, "stated"],
        "pixel-1": [["image"], "house", False, "stated"],
        "quiet-1": [None, None, None, "unknown"],
        "thinker-1": [None, None, True, "scored on a text evaluation"],
    }


def test_a_new_house_statement_replaces_the_houses_earlier_one(metrics, tmp_path):
    _load(metrics, tmp_path)
    ingest(metrics, "modalities", write(tmp_path / "pixel.csv", "model,direction,modality\n"
                                        "pixel-1,input,text\npixel-1,output,text\n"))
    assert rows(metrics, "SELECT output_modalities, language_model FROM model_modality WHERE model = 'pixel-1'") == \
        [(["text"], True)]
