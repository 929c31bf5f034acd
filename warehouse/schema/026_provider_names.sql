-- The name reports print for a provider (warehouse/identity/provider_names.csv), given when the
-- provider is first seen, and to one seen before the house named it when its rows load again.

ALTER TABLE providers ADD COLUMN name VARCHAR;
COMMENT ON COLUMN providers.name IS 'Display name of the provider, as reports print it; NULL where the house has not named it (its slug is printed).';
