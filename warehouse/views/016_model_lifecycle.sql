-- One row per as-of date and model: whether the model's creator still sells it through its own
-- API that day (status active, deprecated: its end is announced, or retired: shut down), with the
-- dates and the replacement the creator names. A model's lifecycle is its creator's: a reseller
-- or cloud retiring its copy (Azure, Bedrock, Groq) leaves the model on sale, and a model no
-- record speaks of is active. Each date is taken from the most trusted origin that gives it: the
-- house's own corrections, then modeldeprecations.dev (vendor pages), then deprecations-rss, then
-- LiteLLM's map; a date a catalogue only saw the state by (date_basis seen-by) yields to any stated
-- one. A record dated later than the as-of date does not change that date's status.
CREATE OR REPLACE VIEW model_lifecycle AS
WITH trust(origin, precedence) AS (
    VALUES ('house', 1), ('model-deprecations', 2), ('deprecations-rss', 3), ('litellm-prices', 4)
),
own AS (
    SELECT l.*, (l.date_basis = 'seen-by', coalesce(t.precedence, 99), l.origin) AS precedence  -- origin: no ties
    FROM model_lifecycles l
    JOIN models m ON m.model = l.model AND m.creator = l.provider
    LEFT JOIN trust t ON t.origin = l.origin
),
decided AS (
    SELECT model,
           arg_min(shutdown_on, precedence) FILTER (WHERE shutdown_on IS NOT NULL) AS shutdown_on,
           arg_min(deprecated_on, precedence) FILTER (WHERE deprecated_on IS NOT NULL) AS deprecated_on,
           arg_min(replacement, precedence) FILTER (WHERE replacement IS NOT NULL) AS replacement,
           arg_min(source, (shutdown_on IS NULL, precedence)) AS source,
           arg_min(origin, (shutdown_on IS NULL, precedence)) AS origin,
           arg_min(date_basis, (shutdown_on IS NULL, precedence)) AS date_basis
    FROM own
    GROUP BY model
),
dates AS (
    SELECT model, CASE WHEN deprecated_on > shutdown_on THEN shutdown_on ELSE deprecated_on END AS deprecated_on,
           shutdown_on, replacement, source, origin, date_basis
    FROM decided
)
SELECT c.as_of, m.model,
       CASE WHEN d.shutdown_on <= c.as_of THEN 'retired'
            WHEN d.deprecated_on <= c.as_of THEN 'deprecated'
            ELSE 'active' END AS status,
       CASE WHEN d.deprecated_on <= c.as_of THEN d.deprecated_on END AS deprecated_on,
       CASE WHEN d.deprecated_on <= c.as_of OR d.shutdown_on <= c.as_of THEN d.shutdown_on END AS shutdown_on,
       CASE WHEN d.deprecated_on <= c.as_of OR d.shutdown_on <= c.as_of THEN d.replacement END AS replacement,
       CASE WHEN d.deprecated_on <= c.as_of OR d.shutdown_on <= c.as_of THEN d.source END AS source,
       CASE WHEN d.deprecated_on <= c.as_of OR d.shutdown_on <= c.as_of THEN d.origin END AS origin,
       CASE WHEN d.deprecated_on <= c.as_of OR d.shutdown_on <= c.as_of THEN d.date_basis END AS date_basis
FROM calendar c
CROSS JOIN models m
LEFT JOIN dates d ON d.model = m.model;
COMMENT ON VIEW model_lifecycle IS 'Per as_of and model: status (active, deprecated or retired at its creator''s own API that day), deprecated_on and shutdown_on (once announced by then), replacement, source, origin and date_basis (stated, or seen-by: the state was seen by then) of the record.';
