-- Where a provider serves a model, as the sources that state it say (LiteLLM's regional keys:
-- Bedrock's cross-region profiles and AWS regions, Azure's data zones, Vertex AI's supported regions)
-- and as the house states it: one row per statement. What a subscriber's constraint on where a
-- substitute is served reads, through the view model_served_in.

CREATE TABLE served_regions (
    model VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    region VARCHAR NOT NULL,
    geography VARCHAR NOT NULL,
    note VARCHAR,
    origin VARCHAR NOT NULL,
    row_ref VARCHAR,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE served_regions IS 'A region where a provider serves a model, as one origin states it (key: model, provider, region, origin). A model with no row has no stated region.';
COMMENT ON COLUMN served_regions.model IS 'Canonical model slug.';
COMMENT ON COLUMN served_regions.provider IS 'Provider slug: who serves the model there.';
COMMENT ON COLUMN served_regions.region IS 'The provider''s own name of the region or zone (eu-central-1; eu for Bedrock''s eu. profile or Azure''s EU data zone; us-central1).';
COMMENT ON COLUMN served_regions.geography IS 'The part of the world the region is in, as the provider places it: us, us-gov, canada, south-america, europe, middle-east, africa, asia-pacific; global for requests routed to any of its regions.';
COMMENT ON COLUMN served_regions.note IS 'What the statement rests on: the source''s own key, or a link.';
COMMENT ON COLUMN served_regions.origin IS 'house for the house''s own statements, else the source adapter (litellm-prices).';
COMMENT ON COLUMN served_regions.row_ref IS 'Where the statement was read: the source file and line, or the line of the house''s file.';
COMMENT ON COLUMN served_regions.batch_id IS 'Ingest batch that loaded it.';
