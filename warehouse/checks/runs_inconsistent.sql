-- One row per input row of a run whose rows disagree on a run-level setting (account, harness,
-- prompt version, temperature): a run is one pass under one set of conditions. Runs are grouped
-- on a hash of their key first (cheap), and only runs that disagree are joined back on the key.
WITH disagreeing AS (
    SELECT hash(model, effort, provider, evaluation, "repeat") AS h,
           min(account) <> max(account) AS accounts,
           min(harness) <> max(harness) AS harnesses,
           min(prompt_version) <> max(prompt_version) AS prompt_versions,
           min(temperature) <> max(temperature) AS temperatures
    FROM typed
    GROUP BY h
    HAVING accounts OR harnesses OR prompt_versions OR temperatures
),
settings AS (
    SELECT t._row, t.model, t.effort, t.provider, t.evaluation, t."repeat",
           unnest([
               CASE WHEN d.accounts THEN {'col': 'account', 'value': t.account} END,
               CASE WHEN d.harnesses THEN {'col': 'harness', 'value': t.harness} END,
               CASE WHEN d.prompt_versions THEN {'col': 'prompt_version', 'value': t.prompt_version} END,
               CASE WHEN d.temperatures THEN {'col': 'temperature', 'value': CAST(t.temperature AS VARCHAR)} END
           ]) AS s
    FROM typed t
    JOIN disagreeing d ON hash(t.model, t.effort, t.provider, t.evaluation, t."repeat") = d.h
)
SELECT _row, s.col AS column_name, s.value,
       'expected the same ' || s.col || ' on every row of the run ' || model || ' (' || effort
           || ') at ' || provider || ' on ' || evaluation || ' repeat ' || "repeat" AS reason
FROM settings
WHERE s IS NOT NULL
