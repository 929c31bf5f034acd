-- One row per input row of a run whose rows disagree on a run-level setting (account, harness,
-- prompt version, temperature): a run is one pass under one set of conditions.
WITH runs AS (
    SELECT model, effort, provider, evaluation, "repeat",
           count(DISTINCT account) AS accounts,
           count(DISTINCT harness) AS harnesses,
           count(DISTINCT prompt_version) AS prompt_versions,
           count(DISTINCT temperature) AS temperatures
    FROM typed
    GROUP BY ALL
    HAVING accounts > 1 OR harnesses > 1 OR prompt_versions > 1 OR temperatures > 1
),
settings AS (
    SELECT t._row, t.model, t.effort, t.provider, t.evaluation, t."repeat",
           unnest([
               CASE WHEN r.accounts > 1 THEN {'col': 'account', 'value': t.account} END,
               CASE WHEN r.harnesses > 1 THEN {'col': 'harness', 'value': t.harness} END,
               CASE WHEN r.prompt_versions > 1 THEN {'col': 'prompt_version', 'value': t.prompt_version} END,
               CASE WHEN r.temperatures > 1 THEN {'col': 'temperature', 'value': CAST(t.temperature AS VARCHAR)} END
           ]) AS s
    FROM typed t
    JOIN runs r USING (model, effort, provider, evaluation, "repeat")
)
SELECT _row, s.col AS column_name, s.value,
       'expected the same ' || s.col || ' on every row of the run ' || model || ' (' || effort
           || ') at ' || provider || ' on ' || evaluation || ' repeat ' || "repeat" AS reason
FROM settings
WHERE s IS NOT NULL
