-- One row per input price whose period overlaps another price of the same model, provider and
-- token type, in the file (an earlier row) or in the warehouse. Two prices for one token on one
-- day would make every cost on that day ambiguous.
WITH periods AS (SELECT * FROM price_periods('typed'))
SELECT a._row,
       'valid_from' AS column_name,
       CAST(a.valid_from AS VARCHAR) AS value,
       'expected a period overlapping no other ' || a.token_type || ' price of ' || a.model || ' at '
           || a.provider || '; it overlaps '
           || CASE WHEN b._row IS NULL THEN 'the price in the warehouse from batch ' || b.batch_id
                   ELSE row_ref(b._row) END
           || ' (valid from ' || b.valid_from
           || CASE WHEN b.ends = DATE 'infinity' THEN ', open' ELSE ' to ' || b.ends END
           || ')' AS reason
FROM periods a
JOIN periods b
  ON a.model = b.model AND a.provider = b.provider AND a.token_type = b.token_type
 AND a.valid_from < b.ends AND b.valid_from < a.ends
WHERE a._row IS NOT NULL
  AND (b._row IS NULL OR b._row < a._row)
QUALIFY row_number() OVER (PARTITION BY a._row ORDER BY b._row NULLS FIRST, b.valid_from) = 1
