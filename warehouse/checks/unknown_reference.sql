-- One row per input row naming {noun} the warehouse does not hold. A typo must not create a
-- new model, so the name is refused with the closest known name as a suggestion.
-- Placeholders are filled from the format registry (warehouse/validate.py), never from input.
-- known_{table_name} is the warehouse's table plus what the same batch adds (see warehouse/ingest/batch.py).
WITH unknown AS (
    SELECT DISTINCT {column} AS name
    FROM typed
    WHERE {column} IS NOT NULL
      AND {column} NOT IN (SELECT {key} FROM {known})
),
suggested AS (
    SELECT u.name,
           (SELECT arg_max(k.{key}, jaro_winkler_similarity(u.name, k.{key}))
              FROM {known} k
             WHERE jaro_winkler_similarity(u.name, k.{key}) >= 0.8) AS suggestion
    FROM unknown u
)
SELECT t._row,
       {column_text} AS column_name,
       t.{column} AS value,
       'expected ' || {noun} || ' already in the warehouse'
           || coalesce(' (did you mean ''' || s.suggestion || '''?)', '')
           || '; add new ones with `benchhouse ingest ' || {table_text} || '` first' AS reason
FROM typed t
JOIN suggested s ON t.{column} = s.name
