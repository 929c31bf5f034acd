-- Load accepted openness assessments; earlier assessments stay, so a model's history is kept.
INSERT INTO openness_assessments
SELECT model, framework, component, level, evidence_url, assessed_at, $batch_id, note
FROM accepted;
