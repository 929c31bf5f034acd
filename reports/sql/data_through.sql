-- The last day the warehouse holds data for (a price, a run, a published result, a release): a
-- quarter that starts after it would be a report about nothing, so it is refused.
SELECT greatest(
    (SELECT max(valid_from) FROM prices),
    (SELECT max(started_at)::DATE FROM eval_runs),
    (SELECT max(measured_at)::DATE FROM published_aggregates),
    (SELECT max(release_date) FROM models)
) AS data_through
