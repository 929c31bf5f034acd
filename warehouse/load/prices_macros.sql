-- The periods of the prices in a file together with those already in the warehouse for the same
-- model, provider and token type. An open period (no valid_to) ends where the next later price of
-- its key begins, or never ('infinity'). Used by the overlap check on the typed rows and by the load
-- on the accepted rows, so both see the same periods. Only prices of the same origin (the house,
-- or one source) count: sources disagree, and the views choose between them.
CREATE OR REPLACE TEMP MACRO price_periods(incoming_view) AS TABLE
WITH incoming AS (
    SELECT _row, model, provider, token_type, valid_from, valid_to, CAST(NULL AS BIGINT) AS batch_id
    FROM query_table(incoming_view)
    WHERE model IS NOT NULL AND provider IS NOT NULL AND token_type IS NOT NULL
      AND valid_from IS NOT NULL AND (valid_to IS NULL OR valid_to > valid_from)
),
existing AS (
    SELECT CAST(NULL AS BIGINT) AS _row, p.model, p.provider, p.token_type, p.valid_from, p.valid_to,
           p.batch_id
    FROM bh.prices p
    SEMI JOIN incoming i USING (model, provider, token_type)
    WHERE coalesce(p.origin, 'house') = (SELECT origin FROM ingest_context)
      AND p.batch_id NOT IN (SELECT batch_id FROM replaced_batches)
),
both_sets AS (
    SELECT * FROM incoming
    UNION ALL
    SELECT * FROM existing
)
SELECT *,
       coalesce(valid_to,
                min(valid_from) OVER (PARTITION BY model, provider, token_type ORDER BY valid_from
                                      RANGE BETWEEN INTERVAL 1 DAY FOLLOWING AND UNBOUNDED FOLLOWING),
                DATE 'infinity') AS ends
FROM both_sets;
