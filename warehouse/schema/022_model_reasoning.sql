-- Whether a model reasons before answering at its default setting, as a catalogue states it
-- (LiveBench's `reasoner`): a model like GLM-5 or MiniMax M2.5 thinks by default, without an effort
-- in its name. A variant at an explicit effort says so itself (model_variants.effort).

ALTER TABLE models ADD COLUMN reasoning BOOLEAN;
COMMENT ON COLUMN models.reasoning IS 'True when the model reasons before answering (spends reasoning tokens) at its default setting, as a catalogue states; NULL when no source says.';
