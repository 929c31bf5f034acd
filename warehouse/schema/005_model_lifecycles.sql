-- Model lifecycles: per model and provider, when the provider announced the end of a model, when
-- it stops serving it, and what it recommends instead, from outside catalogues of deprecations and
-- the house's own corrections. The views decide which record counts (model_lifecycle).

CREATE TABLE model_lifecycles (
    model VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    deprecated_on DATE,
    shutdown_on DATE,
    replacement VARCHAR,
    source VARCHAR NOT NULL,
    date_basis VARCHAR NOT NULL,
    note VARCHAR,
    origin VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE model_lifecycles IS 'A provider''s deprecation and shutdown of a model (key: model, provider, origin). A model with no record is active.';
COMMENT ON COLUMN model_lifecycles.model IS 'Canonical model slug.';
COMMENT ON COLUMN model_lifecycles.provider IS 'Provider slug; the model''s creator for its own API.';
COMMENT ON COLUMN model_lifecycles.deprecated_on IS 'Day the provider announced the deprecation.';
COMMENT ON COLUMN model_lifecycles.shutdown_on IS 'First day the provider no longer serves the model (past or scheduled).';
COMMENT ON COLUMN model_lifecycles.replacement IS 'The model the provider recommends instead, as it names it.';
COMMENT ON COLUMN model_lifecycles.source IS 'Where the record was read: the provider''s page, or the catalogue.';
COMMENT ON COLUMN model_lifecycles.date_basis IS 'stated (the provider''s own dates) or seen-by (a catalogue saw the state by these dates; the real ones are earlier and unknown, and a stated date outranks them).';
COMMENT ON COLUMN model_lifecycles.note IS 'What a date rests on when it is not the provider''s own statement.';
COMMENT ON COLUMN model_lifecycles.origin IS 'house for the house''s own records (they win), else the source adapter.';
COMMENT ON COLUMN model_lifecycles.batch_id IS 'Ingest batch that loaded it.';

COMMENT ON COLUMN prices.date_basis IS 'What valid_from means: effective (the vendor''s date the price took effect), recorded (the date a catalogue recorded it, which may lag) or undated (the source gives no date: the price held when it was read, since when is unknown).';
