-- Register, on first sight, the providers and endpoints (a model at a provider) that accepted rows
-- of any kind with a provider name (runs, prices). An endpoint is first-party when the provider is
-- the model's creator.
INSERT INTO providers
SELECT DISTINCT provider, $batch_id
FROM accepted
WHERE provider NOT IN (SELECT provider FROM providers);

INSERT INTO endpoints
SELECT DISTINCT a.model, a.provider, a.provider = m.creator, $batch_id
FROM accepted a
JOIN models m USING (model)
ANTI JOIN endpoints e USING (model, provider);
