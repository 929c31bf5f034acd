-- What each model takes in and generates, as the sources that state it say (models.dev's input and
-- output modalities, the European Open Source AI Index's type, the Model Openness Tool's type) and
-- as the house states it: one row per statement, so that where sources disagree each is kept and the
-- view model_modality decides which counts. A report's set of language models reads that view.

CREATE TABLE model_modalities (
    model VARCHAR NOT NULL,
    direction VARCHAR NOT NULL,
    modality VARCHAR NOT NULL,
    note VARCHAR,
    origin VARCHAR NOT NULL,
    row_ref VARCHAR,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE model_modalities IS 'A modality a model takes in or generates, as one origin states it (key: model, direction, modality, origin). A model with no row has no stated modality.';
COMMENT ON COLUMN model_modalities.model IS 'Canonical model slug.';
COMMENT ON COLUMN model_modalities.direction IS 'input (what the model takes in) or output (what it generates).';
COMMENT ON COLUMN model_modalities.modality IS 'text, image, audio, video or pdf; code counts as text.';
COMMENT ON COLUMN model_modalities.note IS 'What the statement rests on: the source''s own words (type: video) or a link.';
COMMENT ON COLUMN model_modalities.origin IS 'house for the house''s own statements, else the source adapter (models-dev, eosai, mof).';
COMMENT ON COLUMN model_modalities.row_ref IS 'Where the statement was read: the source file and line, or the line of the house''s file.';
COMMENT ON COLUMN model_modalities.batch_id IS 'Ingest batch that loaded it.';
