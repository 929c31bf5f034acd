-- One row: the last day the warehouse holds data for (a price, a run, a published result, a
-- release). A quarter that starts after it would be a report about nothing, so it is refused.
CREATE OR REPLACE VIEW data_through AS
SELECT greatest(
    (SELECT max(valid_from) FROM prices),
    (SELECT max(started_at)::DATE FROM eval_runs),
    (SELECT max(measured_at)::DATE FROM published_aggregates),
    (SELECT max(release_date) FROM models)
) AS data_through;
COMMENT ON VIEW data_through IS 'The last day the warehouse holds data for: a quarter starting after it is refused';
