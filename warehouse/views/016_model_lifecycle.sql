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
said AS (  -- each replacement as a record writes it; one with a trailing date ('mistral-medium-3-5-26-04') also
    -- without it and with it as the labs' ids write it ('codestral-25-08': codestral-2508), the date kept (yymm)
    SELECT replacement, replacement AS spelling, CAST(NULL AS VARCHAR) AS yymm FROM decided WHERE replacement IS NOT NULL
    UNION
    SELECT replacement,
           unnest([regexp_replace(replacement, '-[0-9]{2}-[0-9]{2}$', ''),
                   regexp_replace(replacement, '-([0-9]{2})-([0-9]{2})$', '-\1\2')]),
           replace(regexp_extract(replacement, '[0-9]{2}-[0-9]{2}$'), '-', '')
    FROM decided
    WHERE regexp_matches(replacement, '-[0-9]{2}-[0-9]{2}$')
),
named AS (  -- the model a replacement names: the model of that id, else the newest model a source's alias
    -- of that spelling names ('gpt-4.1' is gpt-4.1-2025-04-14); a spelling without its date only names a
    -- model of that date, by its id or its release month ('mistral-medium-3-5' of 26-04 is mistral-medium-2604;
    -- 'codestral' of 25-08 is not codestral-2501). A replacement no rule names stays as written.
    SELECT s.replacement,
           arg_max(c.model, (s.yymm IS NULL, -c.how, coalesce(m.release_date, DATE '0001-01-01'), c.model)) AS model
    FROM said s
    JOIN (SELECT model AS spelling, model, 1 AS how FROM models
          UNION ALL
          SELECT DISTINCT raw_name, model, 2 FROM model_aliases WHERE model IS NOT NULL) c USING (spelling)
    JOIN models m ON m.model = c.model
    WHERE s.yymm IS NULL OR c.model LIKE '%' || s.yymm OR strftime(m.release_date, '%y%m') = s.yymm
    GROUP BY s.replacement
),
dates AS (
    SELECT d.model, CASE WHEN d.deprecated_on > d.shutdown_on THEN d.shutdown_on ELSE d.deprecated_on END AS deprecated_on,
           d.shutdown_on, d.replacement, r.model AS replacement_model, coalesce(n.name, d.replacement) AS replacement_name,
           d.source, d.origin, d.date_basis
    FROM decided d
    LEFT JOIN named r ON r.replacement = d.replacement
    LEFT JOIN model_names n ON n.model = r.model
)
SELECT c.as_of, m.model,
       CASE WHEN d.shutdown_on <= c.as_of THEN 'retired'
            WHEN d.deprecated_on <= c.as_of THEN 'deprecated'
            ELSE 'active' END AS status,
       CASE WHEN d.deprecated_on <= c.as_of THEN d.deprecated_on END AS deprecated_on,
       CASE WHEN d.deprecated_on <= c.as_of OR d.shutdown_on <= c.as_of THEN d.shutdown_on END AS shutdown_on,
       CASE WHEN d.deprecated_on <= c.as_of OR d.shutdown_on <= c.as_of THEN d.replacement END AS replacement,
       CASE WHEN d.deprecated_on <= c.as_of OR d.shutdown_on <= c.as_of THEN d.replacement_model END AS replacement_model,
       CASE WHEN d.deprecated_on <= c.as_of OR d.shutdown_on <= c.as_of THEN d.replacement_name END AS replacement_name,
       CASE WHEN d.deprecated_on <= c.as_of OR d.shutdown_on <= c.as_of THEN d.source END AS source,
       CASE WHEN d.deprecated_on <= c.as_of OR d.shutdown_on <= c.as_of THEN d.origin END AS origin,
       CASE WHEN d.deprecated_on <= c.as_of OR d.shutdown_on <= c.as_of THEN d.date_basis END AS date_basis
FROM calendar c
CROSS JOIN models m
LEFT JOIN dates d ON d.model = m.model;
COMMENT ON VIEW model_lifecycle IS 'Per as_of and model: status (active, deprecated or retired at its creator''s own API that day), deprecated_on and shutdown_on (once announced by then), replacement (as the record writes it), replacement_model (the model it names: that id, else the newest model a source''s alias of it names, tried also without a trailing -yy-mm date, then only a model of that date; NULL where the house knows none), replacement_name (its display name, else the replacement as written), source, origin and date_basis (stated, or seen-by: the state was seen by then) of the record.';
