-- One row per smile-curve threshold, scores date and as-of date up to it (the left arm): the
-- cheapest blended price (3:1) on the as-of date among the models that meet the threshold on the
-- scores known on scores_as_of (threshold_models), released and buyable on the as-of date (model_buyable); and
-- which model it is; also the cheapest among models that do not reason. A history view: each
-- month keeps the models on sale that month, retired ones included before their shutdown. A
-- model's intelligence does not change after release, so a month is judged on the scores known on
-- scores_as_of (a report for a period reads scores_as_of = its last day: later runs never move it)
-- rather than on those measured by that month, which would leave months before the measurements
-- began empty.
-- Each month's model carries the source of the score it meets the threshold on (evidence) and
-- whether that score was measured or its lab's own claim, which a report must say.
-- Between models at the same price, the first by id: the same query gives the same model every time.
CREATE OR REPLACE VIEW price_of_intelligence AS
WITH priced AS (
    SELECT q.as_of AS scores_as_of, q.threshold, q.label, q.model, q.reasoning, q.evidence, q.evidence_provenance,
           p.as_of, p.blended_usd_per_mtok, p.price_basis
    FROM threshold_models q
    JOIN blended_price p ON p.model = q.model AND p.as_of >= q.release_date AND p.as_of <= q.as_of
    JOIN model_buyable b ON b.model = p.model AND b.as_of = p.as_of AND b.buyable
)
SELECT threshold, any_value(label) AS label, scores_as_of, as_of,
       arg_min(model, (blended_usd_per_mtok, model)) AS model,
       min(blended_usd_per_mtok) AS blended_usd_per_mtok,
       arg_min(price_basis, (blended_usd_per_mtok, model)) AS price_basis,
       arg_min(evidence, (blended_usd_per_mtok, model)) AS evidence,
       arg_min(evidence_provenance, (blended_usd_per_mtok, model)) AS evidence_provenance,
       arg_min(model, (blended_usd_per_mtok, model)) FILTER (WHERE NOT reasoning) AS non_reasoning_model,
       min(blended_usd_per_mtok) FILTER (WHERE NOT reasoning) AS non_reasoning_usd_per_mtok,
       count(DISTINCT model) AS models_meeting
FROM priced
GROUP BY threshold, scores_as_of, as_of;
COMMENT ON VIEW price_of_intelligence IS 'Per threshold, scores_as_of (whose scores decide who meets it) and as_of (up to scores_as_of): model and blended_usd_per_mtok of the cheapest model released and not retired by as_of that meets the threshold, price_basis, evidence and evidence_provenance (the source of the score by which it meets it, and whether that was measured or claimed by its lab), the same among non-reasoning models, and models_meeting.';
