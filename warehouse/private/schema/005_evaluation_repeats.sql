-- The column the public catalog's evaluations gained (warehouse/schema/030_evaluation_repeats.sql), so
-- that one statement (warehouse/load/evaluations.sql) loads a client's evaluations as the house's.

ALTER TABLE evaluations ADD COLUMN repeats INTEGER;
COMMENT ON COLUMN evaluations.repeats IS 'Repeats of every candidate on it the client asks for; unused by the private views, which count every repeat.';
