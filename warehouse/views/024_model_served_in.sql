-- One row per model, provider and geography where a source or the house states the provider serves
-- the model (served_regions), with the regions stated and the day the provider itself stops serving
-- the model, if an origin states one (model_lifecycles at that provider: the earliest stated). What a
-- subscriber's constraint on where a substitute is served reads (cheaper_candidates). `global` is a
-- provider routing requests to any of its regions: it keeps them in no one geography.
CREATE OR REPLACE VIEW model_served_in AS
SELECT r.model, r.provider, coalesce(p.name, r.provider) AS provider_name, r.geography,
       list(DISTINCT r.region ORDER BY r.region) AS regions,
       list(DISTINCT r.origin ORDER BY r.origin) AS origins,
       any_value(l.shutdown_on) AS shutdown_on
FROM served_regions r
LEFT JOIN providers p ON p.provider = r.provider
LEFT JOIN (SELECT model, provider, min(shutdown_on) AS shutdown_on FROM model_lifecycles GROUP BY ALL) l
       ON l.model = r.model AND l.provider = r.provider
GROUP BY r.model, r.provider, p.name, r.geography;
COMMENT ON VIEW model_served_in IS 'Per model, provider and geography a source or the house states it is served in (served_regions): provider_name, regions (the provider''s names of them), origins, shutdown_on (the earliest day an origin states the provider stops serving the model; NULL: none stated). A model with no row has no stated region.';
