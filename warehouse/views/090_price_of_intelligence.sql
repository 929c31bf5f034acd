-- One row per smile-curve threshold and as-of date (the left arm): the cheapest blended price
-- (3:1) on that date among models released by then whose score meets the threshold, and which
-- model it is; also the cheapest among models that do not reason. Which models meet a threshold is
-- threshold_models' rule. Between models at the same price, the first by id: the same query gives
-- the same model every time.
CREATE OR REPLACE VIEW price_of_intelligence AS
WITH priced AS (
    SELECT q.*, p.as_of, p.blended_usd_per_mtok, p.price_basis
    FROM threshold_models q
    JOIN blended_price p ON p.model = q.model AND p.as_of >= q.release_date
)
SELECT threshold, any_value(label) AS label, as_of,
       arg_min(model, (blended_usd_per_mtok, model)) AS model,
       min(blended_usd_per_mtok) AS blended_usd_per_mtok,
       arg_min(price_basis, (blended_usd_per_mtok, model)) AS price_basis,
       arg_min(model, (blended_usd_per_mtok, model)) FILTER (WHERE NOT reasoning) AS non_reasoning_model,
       min(blended_usd_per_mtok) FILTER (WHERE NOT reasoning) AS non_reasoning_usd_per_mtok,
       count(DISTINCT model) AS models_meeting
FROM priced
GROUP BY threshold, as_of;
COMMENT ON VIEW price_of_intelligence IS 'Per threshold and as_of: model and blended_usd_per_mtok of the cheapest model released by then that meets the threshold, price_basis, the same among non-reasoning models, and models_meeting.';
