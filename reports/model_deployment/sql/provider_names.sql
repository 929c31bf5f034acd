-- Each provider's name as reports print it: the house's (warehouse/identity/provider_names.csv), else its slug.
SELECT provider, coalesce(name, provider) AS name FROM providers
