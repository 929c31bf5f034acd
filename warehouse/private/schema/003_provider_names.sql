-- The column the public catalog's providers gained (warehouse/schema/026_provider_names.sql), so
-- that one script (warehouse/load/endpoints.sql) registers a provider in either catalog.

ALTER TABLE providers ADD COLUMN name VARCHAR;
COMMENT ON COLUMN providers.name IS 'Display name of the provider (warehouse/identity/provider_names.csv); NULL where the house has not named it.';
