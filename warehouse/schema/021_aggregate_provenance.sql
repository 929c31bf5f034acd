-- Who stands behind a published score: a party that ran the model itself (measured), the model's own
-- lab reporting on its own model (claimed: not independently verified, and reports say so), or the
-- house's demo generator (generated). Views that need independent evidence keep to measured rows;
-- a claimed score is shown only with its label. Rows loaded before this column existed take the
-- rule their adapters now apply: LLMStats' scores are the labs' own reports, the others measured.

ALTER TABLE published_aggregates ADD COLUMN provenance VARCHAR;
COMMENT ON COLUMN published_aggregates.provenance IS 'measured (run by the source or another party than the model''s lab), claimed (reported by the model''s own lab, not independently verified) or generated (demo data).';
UPDATE published_aggregates SET provenance = CASE WHEN source = 'llm-stats' THEN 'claimed' ELSE 'measured' END;
