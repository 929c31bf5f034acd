-- One row per model with an openness score or open weights: the licence of its weights as an
-- identifier (the SPDX identifier where SPDX has one, else the licence's own name), "proprietary"
-- for closed weights, NULL where no source states it; with the source's own words beside it. The
-- frameworks record licences as free text ("Apache 2.0, an OSI-approved license.", "weights as
-- apache 2"): the weights part of the note is matched against the patterns below, first match wins;
-- a licence none matches keeps its own name.
CREATE OR REPLACE VIEW model_licences AS
WITH patterns(position, pattern, licence, spdx) AS (VALUES
    (1, 'cc[- ]by[- ]nc[- ]sa', 'CC-BY-NC-SA-4.0', true),
    (2, 'cc[- ]by[- ]nc[- ]nd', 'CC-BY-NC-ND-4.0', true),
    (3, 'cc[- ]by[- ]nc', 'CC-BY-NC-4.0', true),
    (4, 'cc[- ]by[- ]nd', 'CC-BY-ND-4.0', true),
    (5, 'cc[- ]by[- ]sa', 'CC-BY-SA-4.0', true),
    (6, 'cc[- ]by', 'CC-BY-4.0', true),
    (7, 'bigscience[- ]bloom[- ]rail', 'BigScience-BLOOM-RAIL-1.0', true),
    (8, 'bigcode.*openrail', 'BigCode OpenRAIL-M', false),
    (9, 'creativeml.*open[- ]?rail|open[- ]?rail\+\+', 'CreativeML OpenRAIL-M', false),
    (10, 'open[- ]?rail', 'OpenRAIL', false),
    (29, 'bsd[- ]3', 'BSD-3-Clause', true),
    (11, 'apache[- ]?(license)?[- ]?(v|version)?[- ]?2', 'Apache-2.0', true),
    (12, '\bmit\b', 'MIT', true),
    (13, 'llama[- ]?3\.3', 'Llama 3.3 Community License', false),
    (14, 'llama[- ]?3\.2', 'Llama 3.2 Community License', false),
    (15, 'llama[- ]?3\.1', 'Llama 3.1 Community License', false),
    (16, 'llama[- ]?3', 'Llama 3 Community License', false),
    (17, 'llama[- ]?2', 'Llama 2 Community License', false),
    (18, 'llama|meta''s bespoke|meta custom', 'Llama Community License', false),
    (19, 'gemma', 'Gemma Terms of Use', false),
    (20, 'deepseek', 'DeepSeek License', false),
    (21, 'falcon', 'Falcon LLM License', false),
    (22, 'xai community', 'xAI Community License', false),
    (23, 'nvidia open model', 'NVIDIA Open Model License', false),
    (24, 'databricks open model', 'Databricks Open Model License', false),
    (25, 'stability ai non-commercial', 'Stability AI Non-Commercial License', false),
    (26, 'stability ai community', 'Stability AI Community License', false),
    (27, 'apple-sample-code', 'Apple Sample Code License', false),
    (28, 'research purposes only|academic research', 'research use only', false)
),
notes AS (
    SELECT model,
           coalesce(max(note) FILTER (WHERE framework = 'mof' AND component = 'Model parameters (Final)'),
                    max(note) FILTER (WHERE framework = 'eosai' AND component = 'licenses')) AS licence_note
    FROM openness_assessments
    WHERE framework IN ('mof', 'eosai')
    GROUP BY model
),
weights_part AS (  -- "Weights: X. Code: Y." keeps X; any other note is read whole
    SELECT model, licence_note,
           coalesce(nullif(regexp_extract(licence_note, '(?i)weights[^:]*:\s*([^.]*)', 1), ''), licence_note) AS words,
           lower(words) AS text
    FROM notes
),
matched AS (
    SELECT w.model, arg_min(p.licence, p.position) AS licence, arg_min(p.spdx, p.position) AS spdx
    FROM weights_part w
    JOIN patterns p ON regexp_matches(w.text, p.pattern)
    GROUP BY w.model
)
SELECT m.model,
       CASE WHEN k.licence IS NOT NULL THEN k.licence
            WHEN NOT coalesce(m.open_weights, false) THEN 'proprietary'
            -- a licence no pattern knows keeps its own name: the note up to its first comma or full stop
            WHEN regexp_matches(w.text, 'licen[cs]e|terms')
                 AND NOT regexp_matches(w.text, '^(not|no |component|undisclosed|unknown|various|custom)|without')
                THEN trim(regexp_extract(regexp_replace(w.words, '(?i)^(model )?(licensed|released) (through|under) ', ''),
                                         '^(.*?)(,|\.\s|\.$|\(|$)', 1))
       END AS licence,
       coalesce(k.spdx, false) AS spdx,
       n.licence_note
FROM models m
LEFT JOIN notes n USING (model)
LEFT JOIN weights_part w USING (model)
LEFT JOIN matched k USING (model)
WHERE n.model IS NOT NULL OR m.open_weights IS NOT NULL;
COMMENT ON VIEW model_licences IS 'Per model: licence of its weights (SPDX identifier where one exists, else the licence''s name; proprietary for closed weights; NULL when no source states it), spdx (true when licence is an SPDX identifier), licence_note (the framework''s own words).';
