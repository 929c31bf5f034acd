-- One row per model: what it takes in and generates, by the statement that counts, and whether it is
-- a language model (reads and generates text), the test every set a report calls language models
-- applies. Per direction the statement of the first origin that makes one counts: the house's, then
-- models.dev's (each provider's API listing, input and output), then the European Open Source AI
-- Index's type (output only), then the Model Openness Tool's type, then any other source's.
-- A model generates text when its stated outputs hold text; it is a language model when text is all
-- it generates and it reads text (or its input is unstated): a speech recogniser (audio in, text
-- out) is not one, nor is an image, video, music or speech generator, even one that also writes text
-- (gpt-image-1.5, a realtime voice model). Where no source states an output, the warehouse's own
-- evidence decides: a model the house ran or a named source scored on one of the house's evaluations
-- (all of them text benchmarks), or one sold by the token (input and output prices) by the LLM price
-- lists the house reads, is a language model; a model with neither is unknown (language_model NULL),
-- and the sets leave it out: nothing shows it generates text, and its name is no evidence.
CREATE OR REPLACE VIEW model_modality AS
WITH by_origin AS (
    SELECT model, direction, origin,
           CASE origin WHEN 'house' THEN 0 WHEN 'models-dev' THEN 1 WHEN 'eosai' THEN 2 WHEN 'mof' THEN 3
                       ELSE 4 END AS rank,
           list_sort(list(DISTINCT modality)) AS modalities
    FROM model_modalities
    GROUP BY ALL
), counted AS (
    SELECT model, direction, arg_min(modalities, (rank, origin)) AS modalities,
           arg_min(origin, (rank, origin)) AS stated_by
    FROM by_origin
    GROUP BY ALL
), scored AS (
    SELECT model FROM eval_runs
    UNION
    SELECT model FROM published_aggregates
), priced AS (
    SELECT model FROM prices WHERE token_type = 'input'
    INTERSECT
    SELECT model FROM prices WHERE token_type = 'output'
), judged AS (
    SELECT m.model, i.modalities AS input_modalities, i.stated_by AS input_stated_by,
           o.modalities AS output_modalities, o.stated_by AS output_stated_by,
           list_contains(o.modalities, 'text') AS generates_text, list_contains(i.modalities, 'text') AS reads_text,
           s.model IS NOT NULL AS scored, p.model IS NOT NULL AS priced
    FROM models m
    LEFT JOIN counted i ON i.model = m.model AND i.direction = 'input'
    LEFT JOIN counted o ON o.model = m.model AND o.direction = 'output'
    LEFT JOIN scored s ON s.model = m.model
    LEFT JOIN priced p ON p.model = m.model
)
SELECT model, input_modalities, input_stated_by, output_modalities, output_stated_by, generates_text, reads_text,
       CASE WHEN output_modalities IS NOT NULL THEN output_modalities = ['text'] AND coalesce(reads_text, true)
            WHEN NOT reads_text THEN false
            WHEN scored OR priced THEN true
       END AS language_model,
       CASE WHEN output_modalities IS NOT NULL OR NOT reads_text THEN 'stated'
            WHEN scored THEN 'scored on a text evaluation'
            WHEN priced THEN 'priced by the token'
            ELSE 'unknown' END AS basis,
       CASE WHEN output_modalities IS NOT NULL AND output_modalities <> ['text']
                THEN 'generates ' || array_to_string(output_modalities, ', ')
            WHEN NOT reads_text
                THEN 'reads ' || array_to_string(input_modalities, ', ')
                     || CASE WHEN generates_text THEN ', generates text' ELSE '' END
       END AS other_modality
FROM judged;
COMMENT ON VIEW model_modality IS 'Per model: input_modalities and output_modalities (the statement that counts: house, then models-dev, then eosai, then mof, then any other source; NULL when none), input_stated_by, output_stated_by, generates_text, reads_text, language_model (reads text and generates text only; without a stated output, true when scored on a house evaluation or priced by the token; NULL when unknown), basis (stated, scored on a text evaluation, priced by the token or unknown), other_modality (for a model that is not a language model: what it generates or reads, e.g. generates image).';
