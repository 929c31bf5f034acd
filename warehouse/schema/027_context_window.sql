-- A model's context window in tokens, as the source that states it gives it (models.dev's lab
-- entries): what a subscriber's constraint on a substitute reads (reports/common/focus.py: fit).

ALTER TABLE models ADD COLUMN context_window BIGINT;
COMMENT ON COLUMN models.context_window IS 'Context window in tokens (input and output together), as the source states it; NULL where none does.';
