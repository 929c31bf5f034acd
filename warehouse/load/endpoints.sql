-- Register, on first sight, the providers and endpoints (a model at a provider) that accepted rows
-- of any kind with a provider name (runs, prices). An endpoint is first-party when the provider is
-- the model's creator.
INSERT INTO providers (provider, batch_id, name)
SELECT DISTINCT a.provider, $batch_id, n.name
FROM accepted a
LEFT JOIN read_csv($provider_names, header = true, all_varchar = true) n USING (provider)
WHERE a.provider NOT IN (SELECT provider FROM providers);

-- A provider registered before the house named it (warehouse/identity/provider_names.csv) takes its name.
UPDATE providers SET name = n.name
FROM read_csv($provider_names, header = true, all_varchar = true) n
WHERE providers.provider = n.provider AND providers.name IS NULL
  AND providers.provider IN (SELECT provider FROM accepted);

INSERT INTO endpoints
SELECT DISTINCT a.model, a.provider, a.provider = m.creator, $batch_id
FROM accepted a
JOIN models m USING (model)
ANTI JOIN endpoints e USING (model, provider);
