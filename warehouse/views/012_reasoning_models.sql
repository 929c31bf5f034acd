-- Which models reason before answering (spend reasoning tokens). A model is one when any of its
-- variants runs at a reasoning effort, when a catalogue says it reasons at its default setting
-- (models.reasoning, from LiveBench), or when it belongs to a family that always reasons. The
-- families are the house's list; the smile curve reports with and without these models.
CREATE OR REPLACE VIEW reasoning_models AS
SELECT m.model,
       EXISTS (SELECT 1 FROM model_variants v
               WHERE v.model = m.model AND v.effort NOT IN ('default', 'none'))
       OR regexp_matches(m.model, '^(o1|o3|o4-|deepseek-r1|qwq|gpt-5|gemini-2\.5|gemini-3|grok-3-mini|grok-4|magistral|kimi-k2-thinking)')
       OR m.model LIKE '%thinking%' OR m.model LIKE '%reasoner%'
       OR coalesce(m.reasoning, false) AS reasoning
FROM models m;
COMMENT ON VIEW reasoning_models IS 'Per model: reasoning (true when a variant runs at a reasoning effort or the model is of a family that always reasons).';
